import { randomBytes, randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppError } from '@alliance/server-graphql';
import { appError, UsersService } from '@alliance/server-identity';
import { Role } from '@alliance/shared-core';
import { EvidenceAccessService, canSee, publishedVisibleSql, type EvidenceViewer } from './access';
import { normaliseDoi } from './evidence-input';
import { EvidenceItemsService, canEditItem } from './items.service';
import { createEvidenceTestApp, makeMember } from './testing/evidence-test-app';

const tag = () => randomBytes(4).toString('hex');
const fieldsOf = (e: AppError) => (e.extensions.fields as Array<{ field: string; key: string }>) ?? [];

describe('evidence items (real PostgreSQL)', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let items: EvidenceItemsService;
  let access: EvidenceAccessService;
  let users: UsersService;
  let member: EvidenceViewer;
  let otherMember: EvidenceViewer;
  let outsider: EvidenceViewer;
  let reviewer: EvidenceViewer;
  let reviewer2: EvidenceViewer;
  let memberOrg: string;
  let focusAreaId: string;
  const saved = { ...process.env };

  const person = async (name: string, roles: Role[] = [], country = 'PE'): Promise<EvidenceViewer> => {
    const u = await users.createUser({ name, email: `ev.${tag()}@example.org`, password: 'correct horse battery', countryCode: country, verified: true, roles });
    const viewer = await access.viewerFor({ id: u.id, sessionId: 's', name: u.name, email: u.email, roles, locale: 'es' }, 'es');
    return viewer!;
  };
  const refresh = async (v: EvidenceViewer) => (await access.viewerFor({ id: v.id, sessionId: 's', name: v.name, email: 'x@example.org', roles: v.roles as Role[], locale: 'es' }, v.locale))!;

  const input = (overrides: Record<string, unknown> = {}) => ({
    type: 'GOOD_PRACTICE',
    language: 'pt',
    texts: [
      { locale: 'pt', title: 'Tutoria entre pares na educação rural', abstract: 'Experiência de tutoria entre pares em escolas rurais multisseriadas do Nordeste.' },
      { locale: 'es', title: 'Tutoría entre pares en la educación rural', abstract: 'Experiencia de tutoría entre pares en escuelas rurales multigrado del Nordeste.' },
    ],
    countryCodes: ['BR', 'pe'],
    focusAreaIds: [focusAreaId],
    year: 2024,
    authors: [{ name: 'Ana Beatriz Lima', affiliation: 'Universidade Federal do Ceará' }, { name: 'Luis Huamán' }],
    organisationId: null,
    publisher: 'Rede de Escolas Rurais',
    licence: 'CC_BY_4_0',
    externalUrl: null,
    doi: 'https://doi.org/10.5555/tutoria.2024',
    visibility: 'PUBLIC',
    ...overrides,
  });

  const counts = async () => {
    const [row]: Array<Record<string, number>> = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM evidence_items) AS items, (SELECT count(*)::int FROM evidence_texts) AS texts,
              (SELECT count(*)::int FROM evidence_events) AS events, (SELECT count(*)::int FROM evidence_item_countries) AS countries`,
    );
    return row;
  };
  const actions = async (id: string) => (await items.historyOf(id)).map((h) => h.event.action);

  beforeAll(async () => {
    Object.assign(process.env, { QUEUE_DRIVER: 'inprocess', SMTP_URL: '', UPLOADS_DIR: `/tmp/evidence-spec-${tag()}` });
    app = await createEvidenceTestApp();
    dataSource = app.get<DataSource>(getDataSourceToken());
    items = app.get(EvidenceItemsService);
    access = app.get(EvidenceAccessService);
    users = app.get(UsersService);
    const [{ id }]: Array<{ id: string }> = await dataSource.query(
      `INSERT INTO alliance_focus_areas (key, name_es, name_en, name_pt, name_fr, sort_order) VALUES ($1, 'Docentes', 'Teachers', 'Docentes', 'Enseignants', 99) RETURNING id`,
      [`ev-test-${tag()}`],
    );
    focusAreaId = id;
    member = await person('Carolina Mendoza');
    memberOrg = await makeMember(dataSource, member.id, 'Red Andina de Escuelas Rurales');
    member = await refresh(member);
    otherMember = await person('Joaquín Paredes', [], 'CL');
    await makeMember(dataSource, otherMember.id, 'Fundación Aprender Juntos', 'CL');
    otherMember = await refresh(otherMember);
    outsider = await person('Tomás Ferreyra', [], 'AR');
    reviewer = await person('Marcela Fuentes', [Role.Organiser], 'CO');
    reviewer2 = await person('Jean-Baptiste Pierre', [Role.Admin], 'HT');
  });

  afterAll(async () => {
    await app?.close();
    process.env = saved;
  });

  it('knows who is a member and a reviewer', () => {
    expect(member).toMatchObject({ member: true, reviewer: false });
    expect(outsider).toMatchObject({ member: false, reviewer: false });
    expect(reviewer).toMatchObject({ member: true, reviewer: true });
    expect(publishedVisibleSql('e', undefined)).toBe(`e.status = 'PUBLISHED' AND e.visibility = 'PUBLIC'`);
    expect(publishedVisibleSql('e', member)).toBe(`e.status = 'PUBLISHED'`);
    expect(() => publishedVisibleSql('e; DROP TABLE x', member)).toThrow();
    expect(normaliseDoi('doi:10.1234/ABC.5')).toBe('10.1234/ABC.5');
    expect(normaliseDoi('https://dx.doi.org/10.1234/x')).toBe('10.1234/x');
    expect(normaliseDoi('11.1234/x')).toBeNull();
  });

  it('runs the workflow: draft, submit, changes requested, edit, resubmit, publish, edit while published; each step in the history and notified', async () => {
    const item = await items.create(member, input({ organisationId: memberOrg }));
    expect(item).toMatchObject({ status: 'DRAFT', language: 'pt', doi: '10.5555/tutoria.2024', organisationId: memberOrg, submitterId: member.id });
    const [vector]: Array<{ n: number; folded: number }> = await dataSource.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE locale = 'es' AND search @@ to_tsquery('alliance_unaccent', 'tutoria & educacion'))::int AS folded
       FROM evidence_texts WHERE item_id = $1 AND search @@ websearch_to_tsquery('portuguese', 'tutorias')`,
      [item.id],
    );
    expect(vector).toEqual({ n: 2, folded: 1 });
    expect((await items.countryCodesOf([item.id])).get(item.id)).toEqual(['BR', 'PE']);

    // Nothing to read yet: no file and no link.
    expect((await appError(items.submit(member, item.id))).messageKey).toBe('evidence:submitNeedsFile');
    await items.update(member, item.id, input({ organisationId: memberOrg, externalUrl: 'https://escuelasrurales.example/tutoria' }));
    const submitted = await items.submit(member, item.id);
    expect(submitted.status).toBe('SUBMITTED');
    expect(submitted.submittedAt).toBeInstanceOf(Date);
    const batches: Array<{ recipients: string[] }> = await dataSource.query(`SELECT recipients FROM notification_batch WHERE type = 'evidence.submitted' AND link = $1`, [
      `/manage/evidence/${item.id}`,
    ]);
    const recipients = batches.flatMap((b) => b.recipients);
    expect(recipients).toEqual(expect.arrayContaining([reviewer.id, reviewer2.id]));
    expect(recipients).not.toContain(member.id);

    // Submitted: the submitter cannot edit or resubmit; only reviewers decide.
    expect((await appError(items.update(member, item.id, input()))).messageKey).toBe('evidence:notEditable');
    expect((await appError(items.review(member, item.id, 'PUBLISH'))).extensions.code).toBe('FORBIDDEN');
    const noNote = await appError(items.review(reviewer, item.id, 'REQUEST_CHANGES', '  '));
    expect(fieldsOf(noNote)).toEqual([expect.objectContaining({ field: 'note', key: 'evidence:noteRequired' })]);
    const changes = await items.review(reviewer, item.id, 'REQUEST_CHANGES', 'Agregue el año de la experiencia y el enlace al informe.');
    expect(changes).toMatchObject({ status: 'CHANGES_REQUESTED', lastReviewNote: 'Agregue el año de la experiencia y el enlace al informe.', reviewedById: reviewer.id });
    const reviewed: Array<{ data: { status: string } }> = await dataSource.query(`SELECT data FROM notification_batch WHERE type = 'evidence.reviewed' AND $1 = ANY(recipients)`, [member.id]);
    expect(reviewed.map((r) => r.data.status)).toContain('CHANGES_REQUESTED');

    await items.update(member, item.id, input({ organisationId: memberOrg, externalUrl: 'https://escuelasrurales.example/tutoria', year: 2023 }));
    await items.submit(member, item.id);
    const published = await items.review(reviewer, item.id, 'PUBLISH');
    expect(published.status).toBe('PUBLISHED');
    expect(published.publishedAt).toBeInstanceOf(Date);
    expect(published.year).toBe(2023);

    // Editing a published item keeps it published and is recorded.
    const edited = await items.update(member, item.id, input({ organisationId: memberOrg, externalUrl: 'https://escuelasrurales.example/tutoria', publisher: 'Red Rural' }));
    expect(edited).toMatchObject({ status: 'PUBLISHED', publisher: 'Red Rural' });
    expect(await actions(item.id)).toEqual(['CREATED', 'EDITED', 'SUBMITTED', 'CHANGES_REQUESTED', 'EDITED', 'SUBMITTED', 'PUBLISHED', 'EDITED']);
    // A published item is no draft: it cannot be deleted.
    expect((await appError(items.deleteDraft(member, item.id))).messageKey).toBe('evidence:notDeletable');
  });

  it('rejection is final: the item can no longer be edited, resubmitted or given files', async () => {
    const item = await items.create(member, input({ externalUrl: 'https://example.org/informe' }));
    await items.submit(member, item.id);
    expect(fieldsOf(await appError(items.review(reviewer, item.id, 'REJECT')))).toEqual([expect.objectContaining({ field: 'note', key: 'evidence:noteRequired' })]);
    await items.review(reviewer, item.id, 'REJECT', 'No corresponde al alcance del banco de evidencias.');
    expect((await appError(items.update(member, item.id, input()))).messageKey).toBe('evidence:notEditable');
    expect((await appError(items.submit(member, item.id))).messageKey).toBe('evidence:notSubmittable');
    const rejected = (await items.findVisible(item.id, member))!;
    expect(canEditItem(rejected, member)).toBe(false);
    expect(canEditItem(rejected, reviewer)).toBe(false);
    expect(await items.editableItem(member, item.id)).toBeNull();
  });

  it('refuses bad input with a translated BAD_USER_INPUT naming the field, and changes nothing', async () => {
    const item = await items.create(member, input());
    const before = await counts();
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ texts: [{ locale: 'pt', title: 'Tu', abstract: 'Experiência de tutoria entre pares em escolas rurais.' }] }, 'texts.0.title', 'evidence:titleInvalid'],
      [{ texts: [{ locale: 'pt', title: 'Tutoria entre pares', abstract: 'Curto demais.' }] }, 'texts.0.abstract', 'evidence:abstractInvalid'],
      [{ language: 'fr' }, 'texts', 'evidence:originalTextMissing'],
      [
        {
          texts: [
            { locale: 'pt', title: 'Tutoria entre pares', abstract: 'Experiência de tutoria entre pares em escolas rurais.' },
            { locale: 'pt', title: 'Tutoria entre pares 2', abstract: 'Experiência de tutoria entre pares em escolas rurais.' },
          ],
        },
        'texts.1.locale',
        'evidence:localeDuplicate',
      ],
      [{ texts: [] }, 'texts', 'evidence:textsInvalid'],
      [{ language: 'de' }, 'language', 'evidence:languageInvalid'],
      [{ type: 'NOVEL' }, 'type', 'evidence:typeInvalid'],
      [{ countryCodes: ['ZZ'] }, 'countryCodes.0', 'evidence:countryInvalid'],
      [{ focusAreaIds: [randomUUID()] }, 'focusAreaIds.0', 'evidence:focusAreaInvalid'],
      [{ year: 1900 }, 'year', 'evidence:yearInvalid'],
      [{ year: new Date().getUTCFullYear() + 2 }, 'year', 'evidence:yearInvalid'],
      [{ authors: [] }, 'authors', 'evidence:authorsRequired'],
      [{ authors: [{ name: 'A' }] }, 'authors.0.name', 'evidence:authorNameInvalid'],
      [{ externalUrl: 'javascript:alert(1)' }, 'externalUrl', 'evidence:urlInvalid'],
      [{ doi: '10.12/abc' }, 'doi', 'evidence:doiInvalid'],
      [{ organisationId: randomUUID() }, 'organisationId', 'evidence:organisationInvalid'],
      [{ licence: 'WTFPL' }, 'licence', 'evidence:licenceInvalid'],
      [{ visibility: 'SECRET' }, 'visibility', 'evidence:visibilityInvalid'],
    ];
    for (const [overrides, field, key] of cases) {
      for (const attempt of [items.create(member, input(overrides)), items.update(member, item.id, input(overrides))]) {
        const error = await appError(attempt);
        expect(`${field}: ${error.extensions.code}`).toBe(`${field}: BAD_USER_INPUT`);
        expect(fieldsOf(error)).toEqual(expect.arrayContaining([expect.objectContaining({ field, key })]));
      }
    }
    expect(await counts()).toEqual(before);
    expect((await items.findVisible(item.id, member))!.updatedAt).toEqual(item.updatedAt);
    expect(await actions(item.id)).toEqual(['CREATED']);
    // Not a member: not allowed to share.
    expect((await appError(items.create(outsider, input()))).messageKey).toBe('evidence:submitNotAllowed');
    expect((await appError(items.create(undefined, input()))).extensions.code).toBe('UNAUTHENTICATED');
  });

  it('two reviewers deciding at once give exactly one decision', async () => {
    for (let round = 0; round < 3; round++) {
      const item = await items.create(member, input({ externalUrl: 'https://example.org/informe' }));
      await items.submit(member, item.id);
      const results = await Promise.allSettled([
        items.review(reviewer, item.id, 'PUBLISH'),
        items.review(reviewer2, item.id, 'REJECT', 'Duplicado de otra evidencia.'),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect((lost[0].reason as AppError).messageKey).toBe('evidence:alreadyReviewed');
      const decisions = (await actions(item.id)).filter((a) => a === 'PUBLISHED' || a === 'REJECTED');
      expect(decisions).toHaveLength(1);
      const [row]: Array<{ status: string }> = await dataSource.query(`SELECT status FROM evidence_items WHERE id = $1`, [item.id]);
      expect(row.status).toBe(decisions[0]);
    }
  });

  it('shows each item only to whom it is visible: anonymous, non-member, member, submitter, reviewer', async () => {
    const make = async (visibility: string, publish: boolean) => {
      const item = await items.create(member, input({ visibility, externalUrl: 'https://example.org/x' }));
      if (publish) {
        await items.submit(member, item.id);
        await items.review(reviewer, item.id, 'PUBLISH');
      }
      return item.id;
    };
    const publicItem = await make('PUBLIC', true);
    const membersItem = await make('MEMBERS', true);
    const draft = await make('PUBLIC', false);
    const seen = async (id: string) => ({
      anonymous: !!(await items.findVisible(id, undefined)),
      outsider: !!(await items.findVisible(id, outsider)),
      otherMember: !!(await items.findVisible(id, otherMember)),
      submitter: !!(await items.findVisible(id, member)),
      reviewer: !!(await items.findVisible(id, reviewer)),
    });
    expect(await seen(publicItem)).toEqual({ anonymous: true, outsider: true, otherMember: true, submitter: true, reviewer: true });
    expect(await seen(membersItem)).toEqual({ anonymous: false, outsider: false, otherMember: true, submitter: true, reviewer: true });
    expect(await seen(draft)).toEqual({ anonymous: false, outsider: false, otherMember: false, submitter: true, reviewer: true });

    // visibleByIds: published and visible only, in the order asked.
    const ids = [draft, membersItem, 'not-a-uuid', publicItem];
    expect((await items.visibleByIds(ids, undefined)).map((i) => i.id)).toEqual([publicItem]);
    expect((await items.visibleByIds(ids, otherMember)).map((i) => i.id)).toEqual([membersItem, publicItem]);
    expect((await items.visibleByIds(ids, member)).map((i) => i.id)).toEqual([membersItem, publicItem]);

    // Others' drafts do not exist for them; only the submitter deletes a draft.
    expect((await appError(items.update(otherMember, draft, input()))).extensions.code).toBe('NOT_FOUND');
    expect((await appError(items.submit(otherMember, draft))).extensions.code).toBe('NOT_FOUND');
    expect((await appError(items.deleteDraft(otherMember, draft))).extensions.code).toBe('NOT_FOUND');
    expect((await appError(items.update(otherMember, publicItem, input()))).extensions.code).toBe('NOT_FOUND');
    expect(await items.deleteDraft(member, draft)).toBe(true);
    expect(await items.findVisible(draft, member)).toBeNull();

    // Review queue and own list.
    expect((await appError(items.reviewQueue(member, 'SUBMITTED'))).extensions.code).toBe('FORBIDDEN');
    const mine = await items.myEvidence(member, 2);
    expect(mine.edges).toHaveLength(2);
    expect(mine.pageInfo.hasNextPage).toBe(true);
    const next = await items.myEvidence(member, 2, mine.pageInfo.endCursor);
    expect(next.edges[0].node.id).not.toBe(mine.edges[1].node.id);
    expect(mine.edges.every((e) => e.node.submitterId === member.id)).toBe(true);
    expect(canSee({ status: 'PUBLISHED', visibility: 'MEMBERS', submitterId: member.id }, outsider)).toBe(false);
  });

  it('numbers file versions, keeps old ones, and counts downloads on the file and the item', async () => {
    const item = await items.create(member, input());
    const file = (n: number) => ({ id: randomUUID(), filename: `informe-${n}.pdf`, contentType: 'application/pdf', size: 1000 + n, sha256: 'a'.repeat(64), storageKey: `evidence/${item.id}/${n}.pdf` });
    const [v1, v2] = await Promise.all([items.addFile(member, item.id, file(1)), items.addFile(member, item.id, file(2))]);
    expect([v1!.version, v2!.version].sort()).toEqual([1, 2]);
    expect((await items.filesOf([item.id])).get(item.id)!.map((f) => f.version)).toEqual([2, 1]);
    expect(await items.addFile(otherMember, item.id, file(3))).toBeNull();
    expect(await items.downloadable(undefined, v1!.id)).toBeNull();
    expect(await items.downloadable(member, v1!.id)).not.toBeNull();
    const submitted = await items.submit(member, item.id);
    expect(submitted.status).toBe('SUBMITTED');
    await items.review(reviewer, item.id, 'PUBLISH');
    const found = await items.downloadable(undefined, v1!.id);
    expect(found?.file.id).toBe(v1!.id);
    await items.countDownload(found!.file);
    await items.countDownload(found!.file);
    const [row]: Array<{ item: number; file: number }> = await dataSource.query(
      `SELECT i.download_count AS item, f.download_count AS file FROM evidence_items i JOIN evidence_files f ON f.item_id = i.id WHERE f.id = $1`,
      [v1!.id],
    );
    expect(row).toEqual({ item: 2, file: 2 });
    expect((await actions(item.id)).filter((a) => a === 'FILE_ADDED')).toHaveLength(2);
  });
});
