import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EvidenceUsageRegistry, insertEvidenceItem, type EvidenceViewer } from '@alliance/server-evidence';
import { UsersService } from '@alliance/server-identity';
import { Role } from '@alliance/shared-core';
import { WorkshopMaterial } from './entities';
import { WorkshopEvidenceService } from './material-evidence.service';
import { SessionsService } from './sessions.service';
import { appError, HOUR, tag, text, workshopInput } from './testing/registration-fixtures';
import { createWorkshopsTestApp } from './testing/workshops-test-app';
import type { WorkshopActor } from './util';
import { WorkshopsService } from './workshops.service';

describe('workshop materials from the evidence bank (real PostgreSQL)', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let workshops: WorkshopsService;
  let sessions: SessionsService;
  let evidence: WorkshopEvidenceService;
  let organiser: WorkshopActor;
  let outsider: WorkshopActor;
  let submitterId: string;
  const marker = tag();
  const saved = { ...process.env };

  const viewer = (actor: WorkshopActor, extra: Partial<EvidenceViewer> = {}): EvidenceViewer => ({
    id: actor.id,
    name: actor.name,
    roles: actor.roles,
    locale: 'es',
    member: false,
    reviewer: false,
    ...extra,
  });

  beforeAll(async () => {
    Object.assign(process.env, { QUEUE_DRIVER: 'inprocess', SMTP_URL: '', PUBLIC_URL: 'https://portal.example' });
    app = await createWorkshopsTestApp();
    dataSource = app.get<DataSource>(getDataSourceToken());
    workshops = app.get(WorkshopsService);
    sessions = app.get(SessionsService);
    evidence = app.get(WorkshopEvidenceService);
    const users = app.get(UsersService);
    const make = async (name: string, roles: Role[], country: string) => {
      const u = await users.createUser({ name, email: `e.${tag()}@example.org`, password: 'correct horse battery', countryCode: country, verified: true, roles });
      return { id: u.id, name: u.name, roles, locale: 'fr' as const };
    };
    organiser = await make('Marcela Fuentes', [Role.Organiser], 'CL');
    outsider = await make('Jean-Baptiste Pierre', [Role.Organiser], 'HT');
    submitterId = (await make('Lucía Paredes', [], 'BO')).id;
  });

  afterAll(async () => {
    await app?.close();
    process.env = saved;
  });

  const create = (title: string) =>
    workshops.create(organiser, workshopInput({ title: text(`${title} ${marker}`, `${title} (fr) ${marker}`), countrySeats: [], questions: [] }));

  const open = async (id: string) => {
    const start = Date.now() + 72 * HOUR;
    await sessions.saveSession(organiser, id, null, { title: text('Sesión'), startsAt: new Date(start), endsAt: new Date(start + 2 * HOUR) });
    return workshops.open(organiser, id);
  };

  const item = (fixture: Parameters<typeof insertEvidenceItem>[2]) => insertEvidenceItem(dataSource, submitterId, fixture);
  const materials = (workshopId: string) => dataSource.getRepository(WorkshopMaterial).find({ where: { workshopId }, order: { position: 'ASC' } });

  it('adds an evidence item as a material (its page as link, its title in the organiser’s language by default)', async () => {
    const w = await create('Taller de tutorías');
    const id = await item({ titles: [['es', `Tutorías en Cusco ${marker}`], ['fr', `Tutorat à Cusco ${marker}`]] });
    await sessions.addMaterial(organiser, w.id, { phase: 'BEFORE', evidenceItemId: id.toUpperCase() });
    await sessions.addMaterial(organiser, w.id, { phase: 'AFTER', evidenceItemId: id, title: 'Lectura previa' });
    await sessions.addMaterial(organiser, w.id, { phase: 'AFTER', title: 'Nota conceptual', url: 'https://docs.example.org/nota.pdf' });
    expect((await materials(w.id)).map((m) => [m.title, m.url, m.evidenceItemId])).toEqual([
      [`Tutorat à Cusco ${marker}`, `/evidence/${id}`, id],
      ['Lectura previa', `/evidence/${id}`, id],
      ['Nota conceptual', 'https://docs.example.org/nota.pdf', null],
    ]);
    // The reader sees the item only while it is visible to them.
    const membersOnly = await item({ titles: [['es', `Solo miembros ${marker}`]], visibility: 'MEMBERS' });
    expect([...(await evidence.visibleMap([id, membersOnly], undefined)).keys()]).toEqual([id]);
    expect([...(await evidence.visibleMap([id, membersOnly], viewer(organiser, { member: true }))).keys()].sort()).toEqual([id, membersOnly].sort());
  });

  it('refuses unknown, unpublished and invisible items and still needs title and link for plain materials', async () => {
    const w = await create('Taller de evaluación');
    const draft = await item({ titles: [['es', `Borrador ${marker}`]], status: 'DRAFT' });
    const membersOnly = await item({ titles: [['es', `Solo miembros ${marker}`]], visibility: 'MEMBERS' });
    const field = async (input: Record<string, unknown>, v?: EvidenceViewer) => {
      const error = await appError(sessions.addMaterial(organiser, w.id, { phase: 'BEFORE', ...input }, v));
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      return (error.extensions.fields as Array<{ field: string; key: string }>).map((f) => `${f.field}:${f.key}`);
    };
    expect(await field({ evidenceItemId: crypto.randomUUID() })).toEqual(['evidenceItemId:workshops:materialEvidenceInvalid']);
    expect(await field({ evidenceItemId: draft })).toEqual(['evidenceItemId:workshops:materialEvidenceInvalid']);
    expect(await field({ evidenceItemId: 'nope' })).toEqual(['evidenceItemId:workshops:materialEvidenceInvalid']);
    expect(await field({ evidenceItemId: membersOnly }, viewer(organiser))).toEqual(['evidenceItemId:workshops:materialEvidenceInvalid']);
    expect(await field({})).toEqual(['title:workshops:materialTitleRequired', 'url:workshops:materialUrlInvalid']);
    expect(await materials(w.id)).toEqual([]);
    // Organisers are staff: members-only items are theirs to link.
    await sessions.addMaterial(organiser, w.id, { phase: 'BEFORE', evidenceItemId: membersOnly });
    expect(await materials(w.id)).toHaveLength(1);
  });

  it('reports workshops using an item that the viewer may see, titled in their language, through the evidence registry', async () => {
    const id = await item({ titles: [['es', `Escuelas multigrado ${marker}`]] });
    const opened = await create('Taller abierto');
    await sessions.addMaterial(organiser, opened.id, { phase: 'BEFORE', evidenceItemId: id });
    await open(opened.id);
    const draft = await create('Taller en preparación');
    await sessions.addMaterial(organiser, draft.id, { phase: 'BEFORE', evidenceItemId: id });

    const paths = async (v: EvidenceViewer | undefined) => (await evidence.usagesOf(id, v)).map((u) => u.path).sort();
    expect(await paths(undefined)).toEqual([`/workshops/${opened.slug}`]);
    expect(await paths(viewer(outsider))).toEqual([`/workshops/${opened.slug}`]);
    // The draft's own organiser and administrators also see it.
    expect(await paths(viewer(organiser))).toEqual([`/workshops/${draft.slug}`, `/workshops/${opened.slug}`].sort());
    expect(await paths(viewer({ ...outsider, roles: [Role.Admin] }))).toEqual([`/workshops/${draft.slug}`, `/workshops/${opened.slug}`].sort());
    expect(await evidence.usagesOf(id, viewer(outsider, { locale: 'fr' }))).toEqual([{ kind: 'WORKSHOP', title: `Taller abierto (fr) ${marker}`, path: `/workshops/${opened.slug}` }]);
    expect((await evidence.usagesOf(id, undefined, 'fr'))[0].title).toBe(`Taller abierto (fr) ${marker}`);
    const registered = await app.get(EvidenceUsageRegistry).usagesOf(id, undefined, 'es');
    expect(registered).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'WORKSHOP', path: `/workshops/${opened.slug}` })]));
  });
});
