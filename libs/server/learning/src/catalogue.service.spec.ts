import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SessionService, UsersService } from '@alliance/server-identity';
import { Role } from '@alliance/shared-core';
import { CatalogueService } from './catalogue.service';
import { CoursesService } from './courses.service';
import { Enrolment, Offering } from './entities';
import { detectFileType } from './files.service';
import { StructureService } from './structure.service';
import { courseInput, publishCourse, type LocalisedInput } from './testing/course-fixtures';
import { createLearningTestApp } from './testing/learning-test-app';
import type { LearningActor } from './util';

const tag = () => randomBytes(4).toString('hex');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4560000000049454e44ae426082', 'hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('learning catalogue and files (real PostgreSQL, HTTP)', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let catalogue: CatalogueService;
  let courses: CoursesService;
  let structure: StructureService;
  let organiser: LearningActor;
  let organiserCookie: string;
  let learnerCookie: string;
  let learnerId: string;
  let base: string;
  const marker = tag();
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, { QUEUE_DRIVER: 'inprocess', SMTP_URL: '', PUBLIC_URL: 'https://portal.example' });
    app = await createLearningTestApp();
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    dataSource = app.get<DataSource>(getDataSourceToken());
    catalogue = app.get(CatalogueService);
    courses = app.get(CoursesService);
    structure = app.get(StructureService);
    const users = app.get(UsersService);
    const sessions = app.get(SessionService);
    const o = await users.createUser({ name: 'Marcela Fuentes', email: `o.${tag()}@example.org`, password: 'correct horse battery', countryCode: 'CL', verified: true, roles: [Role.Organiser] });
    const l = await users.createUser({ name: 'Jorge Ramírez', email: `l.${tag()}@example.org`, password: 'correct horse battery', countryCode: 'PE', verified: true });
    organiser = { id: o.id, name: o.name, roles: [Role.Organiser] };
    learnerId = l.id;
    // PUBLIC_URL is https here: the session cookie is the Secure, __Host- one.
    organiserCookie = `__Host-alliance_session=${(await sessions.create(o.id)).token}`;
    learnerCookie = `__Host-alliance_session=${(await sessions.create(l.id)).token}`;
  });

  afterAll(async () => {
    await app?.close();
    process.env = saved;
  });

  async function published(title: LocalisedInput, overrides: Record<string, unknown> = {}) {
    const course = await courses.create(organiser, courseInput(title, `Resumen ${marker}`, overrides));
    return publishCourse({ courses, structure }, organiser, course.id);
  }

  it('lists published courses only, searches every language without accents, filters and pages', async () => {
    const a = await published([{ locale: 'es', value: `Educación inclusiva ${marker}` }], { level: 'ADVANCED' });
    const b = await published([{ locale: 'pt', value: `Avaliação formativa ${marker}` }], { languages: ['pt'] });
    const draft = await courses.create(organiser, courseInput([{ locale: 'es', value: `Borrador ${marker}` }], `Resumen ${marker}`, { format: 'COHORT', certificateSignatories: [] }));
    const ids = async (args: Parameters<CatalogueService['courses']>[0]) => (await catalogue.courses(args)).edges.map((e) => e.node.id);
    const all = await ids({ search: marker, first: 50 });
    expect(all).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(all).not.toContain(draft.id);
    expect(await ids({ search: `EDUCACION ${marker}` })).toEqual([a.id]);
    expect(await ids({ search: `avaliacao` , language: 'pt' })).toContain(b.id);
    expect(await ids({ search: marker, language: 'pt' })).toEqual([b.id]);
    expect(await ids({ search: marker, level: 'ADVANCED' })).toEqual([a.id]);
    expect(await ids({ search: marker, openForEnrolment: true })).toHaveLength(2);
    const page1 = await catalogue.courses({ search: marker, first: 1 });
    expect(page1.totalCount).toBe(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = await catalogue.courses({ search: marker, first: 1, after: page1.pageInfo.endCursor });
    expect(page2.edges.map((e) => e.node.id)).not.toContain(page1.edges[0].node.id);
    expect((await catalogue.managed({ search: marker, status: 'DRAFT' })).edges.map((e) => e.node.id)).toEqual([draft.id]);
  });

  it('detects file types by content, not by name', () => {
    expect(detectFileType(PDF)?.contentType).toBe('application/pdf');
    expect(detectFileType(PNG)?.contentType).toBe('image/png');
    expect(detectFileType(Buffer.from('MZ\x90\x00 executable'))).toBeNull();
    expect(detectFileType(Buffer.from('<html><script>alert(1)</script></html>'))).toBeNull();
  });

  const upload = (data: Buffer, name: string, headers: Record<string, string>) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(data)]), name);
    return fetch(`${base}/api/learning/files`, { method: 'POST', body: form, headers });
  };

  it('uploads only for organisers, with the anti-CSRF header, and only accepted types', async () => {
    expect((await upload(PDF, 'guia.pdf', { cookie: organiserCookie })).status).toBe(400);
    expect((await upload(PDF, 'guia.pdf', { 'x-requested-with': 'fetch' })).status).toBe(401);
    expect((await upload(PDF, 'guia.pdf', { cookie: learnerCookie, 'x-requested-with': 'fetch' })).status).toBe(403);
    const fake = await upload(Buffer.from('MZ\x90\x00 not a pdf'), 'guia.pdf', { cookie: organiserCookie, 'x-requested-with': 'fetch' });
    expect(fake.status).toBe(400);
    const ok = await upload(PDF, '../../Guía de liderazgo.pdf', { cookie: organiserCookie, 'x-requested-with': 'fetch' });
    expect(ok.status).toBe(201);
    const file = (await ok.json()) as { id: string; url: string };
    expect(file).toMatchObject({ filename: 'Guía de liderazgo.pdf', contentType: 'application/pdf', size: PDF.length });
    expect(file.url).toBe(`/api/learning/files/${file.id}`);
  });

  it('serves lesson documents to learners with a place and editors; cover images to everyone', async () => {
    type Uploaded = { id: string };
    const doc = (await (await upload(PDF, 'guia.pdf', { cookie: organiserCookie, 'x-requested-with': 'fetch' })).json()) as Uploaded;
    const cover = (await (await upload(PNG, 'portada.png', { cookie: organiserCookie, 'x-requested-with': 'fetch' })).json()) as Uploaded;
    const course = await published([{ locale: 'es', value: `Con documento ${marker}` }], { coverImageId: cover.id });
    const module = await structure.addModule(organiser, course.id, [{ locale: 'es', value: 'Documentos' }]);
    await structure.addLesson(organiser, module.id, { type: 'DOCUMENT', title: [{ locale: 'es', value: 'Guía' }], fileId: doc.id });

    const get = (id: string, cookie?: string) => fetch(`${base}/api/learning/files/${id}`, { headers: cookie ? { cookie } : {} });
    const anon = await get(cover.id);
    expect(anon.status).toBe(200);
    expect(anon.headers.get('content-type')).toBe('image/png');
    expect(anon.headers.get('x-content-type-options')).toBe('nosniff');
    expect(anon.headers.get('cache-control')).toContain('public');

    expect((await get(doc.id)).status).toBe(404);
    expect((await get(doc.id, learnerCookie)).status).toBe(404);
    const editor = await get(doc.id, organiserCookie);
    expect(editor.status).toBe(200);
    expect(editor.headers.get('content-disposition')).toContain('guia.pdf');
    expect(editor.headers.get('cache-control')).toContain('private');

    const offering = await dataSource.getRepository(Offering).findOneByOrFail({ courseId: course.id });
    await dataSource.getRepository(Enrolment).insert({ courseId: course.id, offeringId: offering.id, userId: learnerId, status: 'ENROLLED' });
    const learner = await get(doc.id, learnerCookie);
    expect(learner.status).toBe(200);
    expect(Buffer.from(await learner.arrayBuffer()).equals(PDF)).toBe(true);
  });
});
