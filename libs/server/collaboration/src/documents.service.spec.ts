import fs from 'node:fs';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RateLimitService, type SessionUser } from '@alliance/server-graphql';
import { appError, SESSION_COOKIE_NAME, SessionService, UsersService } from '@alliance/server-identity';
import { ErrorCode, LIMITS, Role } from '@alliance/shared-core';
import { CollaborationAccessService, type CollaborationViewer } from './access';
import { DocumentsService } from './documents.service';
import { collabTag, grantOrganisationRole, makeMinistry, makePerson, insertSpace } from './testing/collaboration-fixtures';
import { createCollaborationTestApp } from './testing/collaboration-test-app';

/** A small but real PDF (detected from its first bytes) with some text of its own. */
const pdfBytes = (label: string) => Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');

describe('space documents over HTTP (real PostgreSQL, local disk storage)', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let documents: DocumentsService;
  let access: CollaborationAccessService;
  let base: string;
  let uploads: string;
  const saved = { ...process.env };

  let peMember: SessionUser;
  let clMember: SessionUser;
  let outsider: SessionUser;
  let otherSpaceMember: SessionUser;
  let representative: SessionUser;
  let spaceId: string;
  let closedSpaceId: string;
  const cookies = new Map<string, string>();

  const viewer = (user: SessionUser): CollaborationViewer => access.viewerFor(user, 'es')!;
  const cookie = async (user: SessionUser) => {
    if (!cookies.has(user.id)) cookies.set(user.id, `${SESSION_COOKIE_NAME}=${(await app.get(SessionService).create(user.id)).token}`);
    return cookies.get(user.id)!;
  };
  const filesUnder = (dir: string): string[] => {
    const full = path.join(uploads, dir);
    if (!fs.existsSync(full)) return [];
    return fs.readdirSync(full, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  };

  async function upload(url: string, user: SessionUser | null, fields: Record<string, string>, file: { bytes: Buffer; name: string } | null, header = true, fieldsLast = false) {
    const form = new FormData();
    if (file && fieldsLast) form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    if (file && !fieldsLast) form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
    const headers: Record<string, string> = { 'accept-language': 'es' };
    if (header) headers['x-requested-with'] = 'fetch';
    if (user) headers.cookie = await cookie(user);
    const response = await fetch(`${base}${url}`, { method: 'POST', body: form, headers });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async function download(url: string, user: SessionUser | null, extra: Record<string, string> = {}) {
    const headers: Record<string, string> = { 'accept-language': 'es', ...extra };
    if (user) headers.cookie = await cookie(user);
    return fetch(`${base}${url}`, { headers });
  }

  beforeAll(async () => {
    uploads = `/tmp/collab-documents-spec-${collabTag()}`;
    Object.assign(process.env, { QUEUE_DRIVER: 'inprocess', SMTP_URL: '', UPLOADS_DIR: uploads });
    app = await createCollaborationTestApp('collab-documents-test');
    dataSource = app.get<DataSource>(getDataSourceToken());
    documents = app.get(DocumentsService);
    access = app.get(CollaborationAccessService);
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const users = app.get(UsersService);
    const pe = await makeMinistry(dataSource, 'PE');
    const cl = await makeMinistry(dataSource, 'CL');
    peMember = await makePerson(users, 'Rosa Quispe Mamani');
    clMember = await makePerson(users, 'Joaquín Sepúlveda Rojas', [], 'CL');
    outsider = await makePerson(users, 'Tomás Ferreyra', [], 'AR');
    otherSpaceMember = await makePerson(users, 'Ana Beatriz Lima', [], 'BR');
    representative = await makePerson(users, 'Carmen Huamán', [], 'PE');
    await grantOrganisationRole(dataSource, representative.id, pe, 'REPRESENTATIVE');
    const moderator = await makePerson(users, 'Marcela Fuentes', [Role.Moderator], 'CO');
    ({ spaceId } = await insertSpace(dataSource, {
      moderatorId: moderator.id,
      parties: [
        { organisationId: pe, participantIds: [peMember.id] },
        { organisationId: cl, participantIds: [clMember.id] },
      ],
    }));
    const br = await makeMinistry(dataSource, 'BR');
    await insertSpace(dataSource, { parties: [{ organisationId: br, participantIds: [otherSpaceMember.id] }] });
    ({ spaceId: closedSpaceId } = await insertSpace(dataSource, { parties: [{ organisationId: pe, participantIds: [peMember.id] }] }));
  });

  afterAll(async () => {
    await app?.close();
    process.env = saved;
    fs.rmSync(uploads, { recursive: true, force: true });
  });

  it('lets members upload a document, add versions and download every version; the bytes stay under collaboration/<space>/', async () => {
    const first = pdfBytes('borrador 1');
    const created = await upload(
      `/api/collaboration/spaces/${spaceId}/documents`,
      peMember,
      { title: '  Hoja de ruta de evaluación formativa  ', description: 'Borrador para comentar antes de la sesión de marzo.' },
      { bytes: first, name: 'Hoja de ruta – Ñuñoa "v1".pdf' },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ spaceId, title: 'Hoja de ruta de evaluación formativa', version: 1, contentType: 'application/pdf', size: first.length, note: '' });
    expect(created.body.filename).toMatch(/^Hoja de ruta – Ñuñoa .*v1.*\.pdf$/);
    const documentId = created.body.documentId as string;
    const v1 = created.body.id as string;
    expect(created.body.url).toBe(`/api/collaboration/documents/${v1}`);
    const stored = filesUnder(`collaboration/${spaceId}/${documentId}`);
    expect(stored).toEqual([path.join(uploads, 'collaboration', spaceId, documentId, `${v1}.pdf`)]);

    // Any member may add a version (the Chilean participant co-produces the document).
    const second = pdfBytes('borrador 2 con aportes de Chile');
    const versioned = await upload(`/api/collaboration/documents/${documentId}/versions`, clMember, { note: 'Aportes del Ministerio de Chile' }, { bytes: second, name: 'hoja-de-ruta-v2.pdf' });
    expect(versioned.status).toBe(201);
    expect(versioned.body).toMatchObject({ documentId, version: 2, note: 'Aportes del Ministerio de Chile' });
    expect(filesUnder(`collaboration/${spaceId}/${documentId}`)).toHaveLength(2);

    const page = await documents.list(viewer(clMember), spaceId, { first: 10 });
    expect(page.totalCount).toBe(1);
    expect(page.edges[0].node).toMatchObject({ id: documentId, title: 'Hoja de ruta de evaluación formativa', currentVersion: 2, createdById: peMember.id });
    const versions = (await documents.versionsOf([documentId])).get(documentId)!;
    expect(versions.map((v) => [v.version, v.uploadedById, v.note])).toEqual([
      [2, clMember.id, 'Aportes del Ministerio de Chile'],
      [1, peMember.id, ''],
    ]);
    expect((await documents.namesOf([peMember.id, clMember.id])).get(clMember.id)).toBe('Joaquín Sepúlveda Rojas');
    expect((await documents.document(viewer(peMember), documentId)).currentVersion).toBe(2);

    // Both versions download, for both members, privately.
    for (const [versionId, bytes] of [
      [v1, first],
      [versioned.body.id as string, second],
    ] as const) {
      for (const user of [peMember, clMember]) {
        const response = await download(`/api/collaboration/documents/${versionId}`, user);
        expect(response.status).toBe(200);
        expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
        expect(response.headers.get('cache-control')).toMatch(/^private/);
        expect(response.headers.get('cache-control')).not.toMatch(/public/);
        expect(response.headers.get('content-type')).toBe('application/pdf');
      }
    }
    const again = await download(`/api/collaboration/documents/${v1}`, peMember);
    expect(again.headers.get('content-disposition')).toContain("filename*=UTF-8''Hoja%20de%20ruta%20%E2%80%93%20%C3%91u%C3%B1oa");
  });

  it('answers 404 with one body to outsiders, members of other spaces, overview-level representatives and anonymous visitors, on downloads and uploads', async () => {
    const created = await upload(`/api/collaboration/spaces/${spaceId}/documents`, peMember, { title: 'Acta de la primera sesión' }, { bytes: pdfBytes('acta'), name: 'acta.pdf' });
    expect(created.status).toBe(201);
    const versionUrl = created.body.url as string;
    const documentId = created.body.documentId as string;
    const unknown = await download('/api/collaboration/documents/00000000-0000-4000-8000-000000000000', peMember);
    expect(unknown.status).toBe(404);
    const notFoundBody = await unknown.json();
    expect(notFoundBody).toEqual({ code: 'collaboration:notFound', message: 'No encontramos esta mesa de trabajo o grupo, o no tiene acceso a él.' });
    expect((await download('/api/collaboration/documents/not-a-uuid', peMember)).status).toBe(404);

    const before = filesUnder(`collaboration/${spaceId}`).length;
    for (const user of [outsider, otherSpaceMember, representative, null]) {
      const response = await download(versionUrl, user);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual(notFoundBody);
      const newDocument = await upload(`/api/collaboration/spaces/${spaceId}/documents`, user, { title: 'Intruso' }, { bytes: pdfBytes('x'), name: 'x.pdf' });
      expect(newDocument).toEqual({ status: 404, body: notFoundBody });
      const newVersion = await upload(`/api/collaboration/documents/${documentId}/versions`, user, {}, { bytes: pdfBytes('x'), name: 'x.pdf' });
      expect(newVersion).toEqual({ status: 404, body: notFoundBody });
    }
    // Unknown space and document ids answer the same.
    expect(await upload(`/api/collaboration/spaces/00000000-0000-4000-8000-000000000000/documents`, peMember, { title: 'x' }, { bytes: pdfBytes('x'), name: 'x.pdf' })).toEqual({
      status: 404,
      body: notFoundBody,
    });
    expect(await upload(`/api/collaboration/documents/${spaceId}/versions`, peMember, {}, { bytes: pdfBytes('x'), name: 'x.pdf' })).toEqual({ status: 404, body: notFoundBody });
    expect(filesUnder(`collaboration/${spaceId}`)).toHaveLength(before);

    // The GraphQL side (the services the resolvers call) says the same.
    for (const user of [outsider, otherSpaceMember, representative]) {
      expect((await appError(documents.list(viewer(user), spaceId, { first: 10 }))).extensions).toMatchObject({ code: ErrorCode.NotFound, messageKey: 'collaboration:notFound' });
      expect((await appError(documents.document(viewer(user), documentId))).extensions.code).toBe(ErrorCode.NotFound);
    }
    expect((await appError(documents.list(undefined, spaceId, { first: 10 }))).extensions.code).toBe(ErrorCode.NotFound);
    expect(await documents.downloadable(viewer(outsider), created.body.id as string)).toBeNull();
  });

  it('refuses uploads in a closed space (downloads still work), and checks the header, the title and the type, leaving no bytes behind', async () => {
    const created = await upload(`/api/collaboration/spaces/${closedSpaceId}/documents`, peMember, { title: 'Informe final' }, { bytes: pdfBytes('final'), name: 'final.pdf' });
    expect(created.status).toBe(201);
    await dataSource.query(`UPDATE collab_spaces SET status = 'CLOSED', closed_at = now() WHERE id = $1`, [closedSpaceId]);
    const refused = await upload(`/api/collaboration/spaces/${closedSpaceId}/documents`, peMember, { title: 'Otro' }, { bytes: pdfBytes('otro'), name: 'otro.pdf' });
    expect(refused).toEqual({ status: 409, body: { code: 'collaboration:closedReadOnly', message: 'Este espacio está cerrado: es un archivo de solo lectura.' } });
    const versionRefused = await upload(`/api/collaboration/documents/${created.body.documentId}/versions`, peMember, {}, { bytes: pdfBytes('otro'), name: 'otro.pdf' });
    expect(versionRefused.status).toBe(409);
    // An outsider still learns nothing about the closed space.
    expect((await upload(`/api/collaboration/spaces/${closedSpaceId}/documents`, outsider, { title: 'x' }, { bytes: pdfBytes('x'), name: 'x.pdf' })).status).toBe(404);
    expect(filesUnder(`collaboration/${closedSpaceId}`)).toHaveLength(1);
    const response = await download(created.body.url as string, peMember);
    expect(response.status).toBe(200);
    // The service refuses too (a close that lands while the bytes arrive).
    const error = await appError(
      documents.createDocument(viewer(peMember), closedSpaceId, '00000000-0000-4000-8000-0000000000aa', { title: 'x' }, {
        versionId: '00000000-0000-4000-8000-0000000000ab',
        filename: 'x.pdf',
        contentType: 'application/pdf',
        size: 1,
        sha256: 'a'.repeat(64),
        storageKey: 'collaboration/x/x.pdf',
      }),
    );
    expect(error.extensions).toMatchObject({ code: ErrorCode.Conflict, messageKey: 'collaboration:closedReadOnly' });

    const before = filesUnder(`collaboration/${spaceId}`).length;
    expect((await upload(`/api/collaboration/spaces/${spaceId}/documents`, peMember, { title: 'Sin cabecera' }, { bytes: pdfBytes('x'), name: 'x.pdf' }, false)).body.code).toBe(
      'storage:uploadHeaderMissing',
    );
    // Stored, then refused for its title: the bytes are removed.
    const untitled = await upload(`/api/collaboration/spaces/${spaceId}/documents`, peMember, { title: '   ' }, { bytes: pdfBytes('sin título'), name: 'x.pdf' });
    expect(untitled.status).toBe(400);
    expect(untitled.body).toMatchObject({ code: 'collaborationRecords:documentTitleInvalid', fields: [{ field: 'title', key: 'collaborationRecords:documentTitleInvalid' }] });
    const longNote = await upload(`/api/collaboration/documents/${created.body.documentId}/versions`, peMember, { note: 'x'.repeat(1001) }, { bytes: pdfBytes('x'), name: 'x.pdf' });
    expect(longNote.status).toBe(409); // closed space: refused before any byte is read
    const exe = await upload(`/api/collaboration/spaces/${spaceId}/documents`, peMember, { title: 'Programa' }, { bytes: Buffer.from('MZ\x90\x00\x03binary', 'latin1'), name: 'setup.exe' });
    expect(exe).toMatchObject({ status: 415, body: { code: 'storage:fileTypeNotAllowed' } });
    const missing = await upload(`/api/collaboration/spaces/${spaceId}/documents`, peMember, { title: 'Sin archivo' }, null);
    expect(missing).toMatchObject({ status: 400, body: { code: 'storage:fileMissing' } });
    expect(filesUnder(`collaboration/${spaceId}`)).toHaveLength(before);
    const [{ n }]: Array<{ n: number }> = await dataSource.query(`SELECT count(*)::int AS n FROM collab_documents WHERE space_id = $1 AND title IN ('Programa', 'Sin archivo', '')`, [spaceId]);
    expect(n).toBe(0);
  });

  it('numbers concurrent versions one after the other and refuses a too-long version note', async () => {
    const created = await upload(`/api/collaboration/spaces/${spaceId}/documents`, clMember, { title: 'Matriz de indicadores' }, { bytes: pdfBytes('matriz'), name: 'matriz.pdf' });
    const documentId = created.body.documentId as string;
    const results = await Promise.all(
      [peMember, clMember, peMember, clMember].map((user, i) =>
        upload(`/api/collaboration/documents/${documentId}/versions`, user, { note: `Ronda ${i}` }, { bytes: pdfBytes(`ronda ${i}`), name: `matriz-${i}.pdf` }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(results.map((r) => r.body.version as number).sort()).toEqual([2, 3, 4, 5]);
    expect((await documents.document(viewer(clMember), documentId)).currentVersion).toBe(5);
    // Text fields after the file (as some clients send them) are read too.
    const late = await upload(`/api/collaboration/documents/${documentId}/versions`, peMember, { note: 'Nota enviada después del archivo' }, { bytes: pdfBytes('tarde'), name: 'tarde.pdf' }, true, true);
    expect(late).toMatchObject({ status: 201, body: { version: 6, note: 'Nota enviada después del archivo' } });
    const tooLong = await upload(`/api/collaboration/documents/${documentId}/versions`, peMember, { note: 'n'.repeat(1001) }, { bytes: pdfBytes('x'), name: 'x.pdf' });
    expect(tooLong).toMatchObject({ status: 400, body: { code: 'collaborationRecords:versionNoteInvalid' } });
    expect(filesUnder(`collaboration/${spaceId}/${documentId}`)).toHaveLength(6);
  });

  it('answers 429 with Retry-After and a translated message beyond the per-person upload limit, storing nothing', async () => {
    const limits = app.get(RateLimitService);
    const { points, minutes } = LIMITS.rateLimits.uploadPerAccount;
    // As if this member had already uploaded `points` files within the window.
    for (let i = 0; i < points; i++) await limits.hit('uploadPerAccount', peMember.id);
    try {
      const form = new FormData();
      form.append('title', 'Documento de más');
      form.append('file', new Blob([new Uint8Array(pdfBytes('de más'))]), 'de-mas.pdf');
      const response = await fetch(`${base}/api/collaboration/spaces/${spaceId}/documents`, {
        method: 'POST',
        body: form,
        headers: { 'accept-language': 'es', 'x-requested-with': 'fetch', cookie: await cookie(peMember) },
      });
      expect(response.status).toBe(429);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(minutes * 60 - 60);
      expect(await response.json()).toEqual({ code: 'errors:rateLimited', message: `Demasiados intentos. Vuelva a intentarlo en ${minutes} minutos.` });
      const page = await documents.list(viewer(peMember), spaceId, { first: 50 });
      expect(page.edges.map((e) => e.node.title)).not.toContain('Documento de más');
      // Another member is not affected.
      const other = await upload(`/api/collaboration/spaces/${spaceId}/documents`, clMember, { title: 'Documento de Chile' }, { bytes: pdfBytes('chile'), name: 'chile.pdf' });
      expect(other.status).toBe(201);
    } finally {
      await limits.reset('uploadPerAccount', peMember.id);
    }
  });
});
