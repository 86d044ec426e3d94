import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { AppError, type SessionUser } from '@alliance/server-graphql';
import { appError, SESSION_COOKIE_NAME, SessionService, UsersService } from '@alliance/server-identity';
import { ErrorCode, Role } from '@alliance/shared-core';
import { CollaborationAccessService, type CollaborationViewer } from './access';
import { accountabilityPdf } from './accountability.controller';
import { CommitmentsService, isOverdue, overdueReminderKey, overdueStartsAt, summarise, todayIn, type CommitmentValues } from './commitments.service';
import { collabTag, grantOrganisationRole, makeMinistry, makePerson, insertSpace } from './testing/collaboration-fixtures';
import { createCollaborationTestApp } from './testing/collaboration-test-app';

const fieldsOf = (e: AppError) => (e.extensions.fields as Array<{ field: string; key: string }>) ?? [];

async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, ms: number, what: string): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const LIMA = 'America/Lima';
const dayOffset = (days: number) => DateTime.now().setZone(LIMA).plus({ days }).toISODate()!;

describe('commitments and accountability (real PostgreSQL)', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let commitments: CommitmentsService;
  let access: CollaborationAccessService;
  let base: string;
  const saved = { ...process.env };

  let pe: string;
  let cl: string;
  let co: string;
  let pePerson: SessionUser; // participant of the requesting party: organises the table
  let pePerson2: SessionUser;
  let clPerson: SessionUser; // participant of an invited party: a member
  let moderator: SessionUser;
  let outsider: SessionUser;
  let otherSpaceMember: SessionUser;
  let representative: SessionUser; // overview level only
  let workshopOrganiser: SessionUser;
  let tableId: string;
  let groupId: string;
  let otherSpaceId: string;

  const viewer = (user: SessionUser): CollaborationViewer => access.viewerFor(user, 'es')!;
  const reminderOf = async (commitmentId: string) => {
    const [row]: Array<{ run_at: Date; user_ids: string[]; version: number; fired_at: Date | null; data: Record<string, string>; link: string; type: string }> = await dataSource.query(
      `SELECT run_at, user_ids, version, fired_at, data, link, type FROM reminder WHERE key = $1`,
      [overdueReminderKey(commitmentId)],
    );
    return row ?? null;
  };
  const input = (overrides: Partial<CommitmentValues> = {}): CommitmentValues => ({
    title: 'Compartir el marco de evaluación formativa',
    description: 'Documento con los criterios y la rúbrica usada en Perú.',
    responsibleOrganisationId: pe,
    dueDate: dayOffset(30),
    ...overrides,
  });

  beforeAll(async () => {
    Object.assign(process.env, { QUEUE_DRIVER: 'inprocess', SMTP_URL: '', UPLOADS_DIR: `/tmp/collab-commitments-spec-${collabTag()}` });
    app = await createCollaborationTestApp('collab-commitments-test');
    dataSource = app.get<DataSource>(getDataSourceToken());
    commitments = app.get(CommitmentsService);
    access = app.get(CollaborationAccessService);
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const users = app.get(UsersService);
    pe = await makeMinistry(dataSource, 'PE', 'Ministerio de Educación del Perú');
    cl = await makeMinistry(dataSource, 'CL', 'Ministerio de Educación de Chile');
    co = await makeMinistry(dataSource, 'CO', 'Ministerio de Educación Nacional de Colombia');
    pePerson = await makePerson(users, 'Rosa Quispe Mamani');
    pePerson2 = await makePerson(users, 'Luis Huamán');
    clPerson = await makePerson(users, 'Joaquín Sepúlveda Rojas', [], 'CL');
    moderator = await makePerson(users, 'Marcela Fuentes', [Role.Moderator], 'CO');
    outsider = await makePerson(users, 'Tomás Ferreyra', [], 'AR');
    otherSpaceMember = await makePerson(users, 'Ana Beatriz Lima', [], 'BR');
    representative = await makePerson(users, 'Carmen Vílchez', [], 'CL');
    workshopOrganiser = await makePerson(users, 'Łukasz Wiśniewski', [Role.Organiser], 'CO');
    await grantOrganisationRole(dataSource, representative.id, cl, 'REPRESENTATIVE');
    ({ spaceId: tableId } = await insertSpace(dataSource, {
      title: 'Mesa Perú–Chile: evaluación formativa «Ñandú»',
      moderatorId: moderator.id,
      parties: [
        { organisationId: pe, participantIds: [pePerson.id, pePerson2.id] },
        { organisationId: cl, participantIds: [clPerson.id] },
      ],
    }));
    ({ spaceId: groupId } = await insertSpace(dataSource, {
      kind: 'GROUP',
      title: 'Grupo técnico de datos educativos',
      moderatorId: moderator.id,
      rotationMonths: 6,
      rotationStartsOn: dayOffset(-10),
      parties: [
        { organisationId: pe, participantIds: [pePerson.id] },
        { organisationId: cl, participantIds: [clPerson.id] },
      ],
    }));
    const br = await makeMinistry(dataSource, 'BR');
    ({ spaceId: otherSpaceId } = await insertSpace(dataSource, { parties: [{ organisationId: br, participantIds: [otherSpaceMember.id] }] }));
  });

  afterAll(async () => {
    await app?.close();
    process.env = saved;
  });

  it('knows when a commitment is overdue, in the space’s time zone', () => {
    const now = new Date('2027-03-10T03:30:00Z'); // 22:30 on 9 March in Lima
    expect(todayIn(LIMA, now)).toBe('2027-03-09');
    expect(isOverdue({ status: 'PENDING', dueDate: '2027-03-08' }, LIMA, now)).toBe(true);
    expect(isOverdue({ status: 'IN_PROGRESS', dueDate: '2027-03-09' }, LIMA, now)).toBe(false);
    // Already 10 March in UTC, but still the due day in Lima.
    expect(isOverdue({ status: 'PENDING', dueDate: '2027-03-09' }, 'UTC', now)).toBe(true);
    expect(isOverdue({ status: 'DONE', dueDate: '2027-03-01' }, LIMA, now)).toBe(false);
    expect(isOverdue({ status: 'DROPPED', dueDate: '2027-03-01' }, LIMA, now)).toBe(false);
    expect(isOverdue({ status: 'PENDING', dueDate: null }, LIMA, now)).toBe(false);
    expect(overdueStartsAt('2027-03-09', LIMA).toISOString()).toBe('2027-03-10T05:00:00.000Z');
    expect(summarise([], LIMA)).toEqual({ total: 0, overdue: 0, counts: { PENDING: 0, IN_PROGRESS: 0, DONE: 0, DROPPED: 0 }, doneShare: null, averageProgress: null });
    expect(
      summarise(
        [
          { status: 'DONE', progress: 100, dueDate: '2027-03-01' },
          { status: 'IN_PROGRESS', progress: 50, dueDate: '2027-03-01' },
          { status: 'DROPPED', progress: 30, dueDate: null },
          { status: 'PENDING', progress: 0, dueDate: '2027-04-01' },
        ],
        LIMA,
        now,
      ),
    ).toEqual({ total: 4, overdue: 1, counts: { PENDING: 1, IN_PROGRESS: 1, DONE: 1, DROPPED: 1 }, doneShare: 1 / 3, averageProgress: 50 });
  });

  it('lets organisers record commitments; checks the kind, the responsible party and the due date', async () => {
    // A participant of an invited party is a member, not an organiser.
    expect((await appError(commitments.create(viewer(clPerson), tableId, input()))).extensions).toMatchObject({
      code: ErrorCode.Forbidden,
      messageKey: 'collaborationRecords:organisersOnly',
    });
    const notParty = await appError(commitments.create(viewer(pePerson), tableId, input({ responsibleOrganisationId: co })));
    expect(fieldsOf(notParty)).toEqual([expect.objectContaining({ field: 'responsibleOrganisationId', key: 'collaborationRecords:responsibleNotParty' })]);
    expect(fieldsOf(await appError(commitments.create(viewer(pePerson), tableId, input({ dueDate: null })))).map((f) => f.key)).toEqual(['collaborationRecords:dueDateRequired']);
    expect(fieldsOf(await appError(commitments.create(viewer(pePerson), tableId, input({ dueDate: '2027-02-30' })))).map((f) => f.key)).toEqual([
      'collaborationRecords:dueDateInvalid',
    ]);
    expect(fieldsOf(await appError(commitments.create(viewer(pePerson), tableId, input({ kind: 'MANDATE', dueDate: null })))).map((f) => f.key)).toEqual([
      'collaborationRecords:kindNotForTables',
    ]);
    expect(fieldsOf(await appError(commitments.create(viewer(pePerson), tableId, input({ title: '  ' })))).map((f) => f.key)).toEqual(['collaborationRecords:commitmentTitleInvalid']);

    const created = await commitments.create(viewer(pePerson), tableId, input({ responsibleOrganisationId: cl }));
    expect(created.commitment).toMatchObject({ kind: 'COMMITMENT', status: 'PENDING', progress: 0, source: 'MANUAL', responsibleOrganisationId: cl, createdById: pePerson.id });
    expect(created).toMatchObject({ organisationName: 'Ministerio de Educación de Chile', countryCode: 'CL', overdue: false, canEdit: true, canReport: true, lastUpdate: null });
    // The moderator organises every space; in a group, deliverables need a due date and mandates do not.
    const mandate = await commitments.create(viewer(moderator), groupId, input({ kind: 'MANDATE', dueDate: null, title: 'Mantener el glosario regional de indicadores' }));
    expect(mandate.commitment).toMatchObject({ kind: 'MANDATE', dueDate: null });
    expect(await reminderOf(mandate.commitment.id)).toBeNull();
    expect(fieldsOf(await appError(commitments.create(viewer(moderator), groupId, input({ kind: 'DELIVERABLE', dueDate: '' })))).map((f) => f.key)).toEqual([
      'collaborationRecords:dueDateRequired',
    ]);
    const deliverable = await commitments.create(viewer(moderator), groupId, input({ kind: 'DELIVERABLE', title: 'Informe comparado de matrícula' }));
    expect(deliverable.commitment.kind).toBe('DELIVERABLE');
    // Seen by the invited member: may report on Chile's commitment, not edit it.
    const seen = await commitments.view(viewer(clPerson), created.commitment.id);
    expect(seen).toMatchObject({ canEdit: false, canReport: true });
    expect((await commitments.view(viewer(clPerson), (await commitments.create(viewer(pePerson), tableId, input())).commitment.id)).canReport).toBe(false);
  });

  it('flags overdue commitments (due yesterday in the space’s zone) but not those due today or done, and filters by status and overdue', async () => {
    const { spaceId } = await insertSpace(dataSource, {
      moderatorId: moderator.id,
      parties: [
        { organisationId: pe, participantIds: [pePerson.id] },
        { organisationId: cl, participantIds: [clPerson.id] },
      ],
    });
    const yesterday = await commitments.create(viewer(pePerson), spaceId, input({ title: 'Vencido ayer', dueDate: dayOffset(-1) }));
    const today = await commitments.create(viewer(pePerson), spaceId, input({ title: 'Vence hoy', dueDate: dayOffset(0) }));
    const done = await commitments.create(viewer(pePerson), spaceId, input({ title: 'Cumplido a tiempo', dueDate: dayOffset(-5) }));
    await commitments.report(viewer(pePerson), done.commitment.id, { status: 'DONE', note: 'Entregado en la sesión de febrero.' });
    const later = await commitments.create(viewer(pePerson), spaceId, input({ title: 'Más adelante', dueDate: dayOffset(40), responsibleOrganisationId: cl }));
    expect(yesterday.overdue).toBe(true);
    expect(today.overdue).toBe(false);
    expect((await commitments.view(viewer(clPerson), done.commitment.id)).overdue).toBe(false);

    const all = await commitments.list(viewer(clPerson), spaceId, {}, { first: 10 });
    expect(all.totalCount).toBe(4);
    expect(all.edges.map((e) => e.node.commitment.title)).toEqual(['Cumplido a tiempo', 'Vencido ayer', 'Vence hoy', 'Más adelante']);
    expect(all.edges.map((e) => e.node.overdue)).toEqual([false, true, false, false]);
    const overdue = await commitments.list(viewer(clPerson), spaceId, { overdue: true }, { first: 10 });
    expect(overdue.edges.map((e) => e.node.commitment.id)).toEqual([yesterday.commitment.id]);
    expect((await commitments.list(viewer(clPerson), spaceId, { overdue: false }, { first: 10 })).totalCount).toBe(3);
    expect((await commitments.list(viewer(clPerson), spaceId, { status: 'DONE' }, { first: 10 })).edges.map((e) => e.node.commitment.id)).toEqual([done.commitment.id]);
    // Pages of two follow the same order.
    const first = await commitments.list(viewer(clPerson), spaceId, {}, { first: 2 });
    const second = await commitments.list(viewer(clPerson), spaceId, {}, { first: 2, after: first.pageInfo.endCursor });
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect([...first.edges, ...second.edges].map((e) => e.node.commitment.id)).toEqual(all.edges.map((e) => e.node.commitment.id));
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect((await appError(commitments.list(viewer(clPerson), spaceId, {}, { first: 2, after: 'bm9wZQ' }))).extensions.code).toBe(ErrorCode.BadUserInput);

    const { summary } = await commitments.accountability(viewer(clPerson), spaceId);
    expect(summary).toEqual({ total: 4, overdue: 1, counts: { PENDING: 3, IN_PROGRESS: 0, DONE: 1, DROPPED: 0 }, doneShare: 0.25, averageProgress: 25 });
    expect(later.overdue).toBe(false);
  });

  it('schedules one overdue reminder per commitment for its owners, moves it with the due date and cancels it when done or dropped', async () => {
    const due = dayOffset(20);
    const created = await commitments.create(viewer(pePerson), tableId, input({ title: 'Publicar la guía docente', dueDate: due }));
    const id = created.commitment.id;
    const first = await reminderOf(id);
    expect(first).toMatchObject({ type: 'collaboration.overdue', version: 1, fired_at: null, link: `/tables/${tableId}?tab=commitments` });
    expect(first!.data).toEqual({ space: 'Mesa Perú–Chile: evaluación formativa «Ñandú»', commitment: 'Publicar la guía docente', due });
    expect(first!.run_at.toISOString()).toBe(DateTime.fromISO(due, { zone: LIMA }).plus({ days: 1 }).toUTC().toISO());
    expect([...first!.user_ids].sort()).toEqual([pePerson.id, pePerson2.id, moderator.id].sort());

    // A progress note that changes nothing of the reminder leaves it (and its job) alone.
    await commitments.report(viewer(pePerson2), id, { status: 'IN_PROGRESS', progress: 20, note: 'Primer borrador listo.' });
    expect((await reminderOf(id))!.version).toBe(1);

    // The due date moves: so does the reminder.
    const moved = dayOffset(45);
    await commitments.update(viewer(pePerson), id, input({ title: 'Publicar la guía docente', dueDate: moved }));
    const second = await reminderOf(id);
    expect(second!.version).toBe(2);
    expect(second!.run_at.toISOString()).toBe(overdueStartsAt(moved, LIMA).toISOString());
    expect(second!.data.due).toBe(moved);

    // Another party becomes responsible: its participants (and the moderator) are the owners now.
    await commitments.update(viewer(moderator), id, input({ title: 'Publicar la guía docente', dueDate: moved, responsibleOrganisationId: cl }));
    expect([...(await reminderOf(id))!.user_ids].sort()).toEqual([clPerson.id, moderator.id].sort());

    await commitments.report(viewer(clPerson), id, { status: 'DONE', note: 'Publicada en el portal del ministerio.' });
    expect(await reminderOf(id)).toBeNull();
    // Reopened: owed again, reminded again.
    await commitments.report(viewer(moderator), id, { status: 'IN_PROGRESS', progress: 90, note: 'Falta la versión en portugués.' });
    expect(await reminderOf(id)).toMatchObject({ fired_at: null });
    await commitments.report(viewer(moderator), id, { status: 'DROPPED', note: 'Se reemplaza por el compromiso regional.' });
    expect(await reminderOf(id)).toBeNull();

    // Already overdue when recorded: the owners are reminded at once, and only once.
    const late = await commitments.create(viewer(pePerson), tableId, input({ title: 'Enviar la línea de base', dueDate: dayOffset(-2), responsibleOrganisationId: cl }));
    const fired = await waitFor(async () => (await reminderOf(late.commitment.id))?.fired_at, 10_000, 'the overdue reminder to fire');
    expect(fired).toBeInstanceOf(Date);
    const batches = async () =>
      (await dataSource.query(`SELECT recipients FROM notification_batch WHERE type = 'collaboration.overdue' AND data->>'commitment' = 'Enviar la línea de base'`)) as Array<{
        recipients: string[];
      }>;
    expect((await batches()).map((b) => [...b.recipients].sort())).toEqual([[clPerson.id, moderator.id].sort()]);
    await commitments.report(viewer(clPerson), late.commitment.id, { status: 'IN_PROGRESS', progress: 10, note: 'En preparación.' });
    await commitments.update(viewer(pePerson), late.commitment.id, input({ title: 'Enviar la línea de base', dueDate: dayOffset(-2), responsibleOrganisationId: cl, description: 'Con datos de 2026.' }));
    expect((await reminderOf(late.commitment.id))!.version).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(await batches()).toHaveLength(1);

    // SpacesService's hook: lists changed or space closed.
    const another = await commitments.create(viewer(pePerson), tableId, input({ title: 'Organizar el intercambio virtual', dueDate: dayOffset(10) }));
    await dataSource.query(`DELETE FROM collab_space_participants WHERE space_id = $1 AND user_id = $2`, [tableId, pePerson2.id]);
    await dataSource.transaction((manager) => commitments.rescheduleReminders(manager, tableId));
    expect([...(await reminderOf(another.commitment.id))!.user_ids].sort()).toEqual([pePerson.id, moderator.id].sort());
    await dataSource.query(`INSERT INTO collab_space_participants (space_id, party_id, user_id) SELECT $1, party_id, $2 FROM collab_space_participants WHERE space_id = $1 AND user_id = $3`, [
      tableId,
      pePerson2.id,
      pePerson.id,
    ]);
  });

  it('records progress notes from the responsible party and organisers: DONE sets 100 and completedAt, DROPPED keeps the progress', async () => {
    // Chile's participant is a member of the table, but neither organises it nor answers for Peru's commitment.
    const peru = await commitments.create(viewer(pePerson), tableId, input({ title: 'Compromiso del Perú' }));
    expect((await appError(commitments.report(viewer(clPerson), peru.commitment.id, { note: 'x' }))).extensions).toMatchObject({
      code: ErrorCode.Forbidden,
      messageKey: 'collaborationRecords:notResponsible',
    });
    const created = await commitments.create(viewer(pePerson), tableId, input({ title: 'Piloto de tutorías en 20 escuelas', responsibleOrganisationId: cl }));
    const id = created.commitment.id;
    expect(fieldsOf(await appError(commitments.report(viewer(clPerson), id, { progress: 120 }))).map((f) => f.key)).toEqual(['collaborationRecords:progressInvalid']);
    expect((await appError(commitments.report(viewer(clPerson), id, { note: '   ' }))).extensions.messageKey).toBe('collaborationRecords:progressEmpty');

    let view = await commitments.report(viewer(clPerson), id, { status: 'IN_PROGRESS', progress: 35, note: 'Seleccionadas 12 de 20 escuelas.' });
    expect(view.commitment).toMatchObject({ status: 'IN_PROGRESS', progress: 35, completedAt: null });
    expect(view.lastUpdate).toMatchObject({ status: 'IN_PROGRESS', progress: 35, note: 'Seleccionadas 12 de 20 escuelas.', authorName: 'Joaquín Sepúlveda Rojas' });
    view = await commitments.report(viewer(pePerson), id, { progress: 60, note: 'Revisado en la sesión de abril.' });
    expect(view.commitment).toMatchObject({ status: 'IN_PROGRESS', progress: 60 });
    view = await commitments.report(viewer(clPerson), id, { status: 'DONE', progress: 80, note: 'Piloto terminado.' });
    expect(view.commitment).toMatchObject({ status: 'DONE', progress: 100 });
    expect(view.commitment.completedAt).toBeInstanceOf(Date);
    view = await commitments.report(viewer(clPerson), id, { status: 'IN_PROGRESS', progress: 70, note: 'Se reabre: faltan 3 escuelas.' });
    expect(view.commitment).toMatchObject({ status: 'IN_PROGRESS', progress: 70, completedAt: null });
    view = await commitments.report(viewer(clPerson), id, { status: 'DROPPED', progress: 0, note: 'Sin financiamiento.' });
    expect(view.commitment).toMatchObject({ status: 'DROPPED', progress: 70 });
    const history = await commitments.history(id);
    expect(history.map((h) => [h.status, h.progress])).toEqual([
      ['DROPPED', 70],
      ['IN_PROGRESS', 70],
      ['DONE', 100],
      ['IN_PROGRESS', 60],
      ['IN_PROGRESS', 35],
    ]);
    expect(history[3].authorName).toBe('Rosa Quispe Mamani');
  });

  it('carries over a workshop’s ranked priorities once, for organisers, from workshops whose results they may see', async () => {
    const participants = await Promise.all(['Ana', 'Beto', 'Carla'].map((n) => makePerson(app.get(UsersService), `${n} Participante`, [], 'PE')));
    const makeWorkshop = async (status: string, closed: boolean, title: string) => {
      const [{ id }]: Array<{ id: string }> = await dataSource.query(
        `INSERT INTO workshops (slug, title, description, mode, status, audience, time_zone, starts_at, ends_at, languages, certificate_issuer, created_by_id, poll_mode, poll_opened_at, poll_closed_at)
         VALUES ($1, $2::jsonb, '{}', 'VIRTUAL', $3, 'OPEN', 'America/Bogota', now() - interval '10 days', now() - interval '9 days', ARRAY['es', 'fr']::varchar[], 'Alianza', $4, 'RANK',
                 now() - interval '9 days', CASE WHEN $5::boolean THEN now() - interval '8 days' END) RETURNING id`,
        [`taller-${collabTag()}`, JSON.stringify({ es: title, fr: `Atelier ${title}` }), status, workshopOrganiser.id, closed],
      );
      await dataSource.query(`INSERT INTO workshop_organisers (workshop_id, user_id) VALUES ($1, $2)`, [id, workshopOrganiser.id]);
      const actions: string[] = [];
      for (const [position, [es, fr]] of [
        ['Formación docente en evaluación', 'Formation des enseignants à l’évaluation'],
        ['Plataforma regional de datos', 'Plateforme régionale de données'],
        ['Tutorías entre pares', 'Tutorat entre pairs'],
      ].entries()) {
        const [{ id: actionId }]: Array<{ id: string }> = await dataSource.query(
          `INSERT INTO workshop_poll_actions (workshop_id, position, title, description) VALUES ($1, $2, $3::jsonb, $4::jsonb) RETURNING id`,
          [id, position, JSON.stringify({ es, fr }), JSON.stringify({ es: `Acción ${position + 1}` })],
        );
        actions.push(actionId);
      }
      const [training, data, tutoring] = actions;
      for (const [i, ballot] of [
        [data, training, tutoring],
        [data, tutoring, training],
        [training, data, tutoring],
      ].entries()) {
        const [{ id: registrationId }]: Array<{ id: string }> = await dataSource.query(
          `INSERT INTO workshop_registrations (workshop_id, user_id, status) VALUES ($1, $2, 'CONFIRMED') RETURNING id`,
          [id, participants[i].id],
        );
        await dataSource.query(`INSERT INTO workshop_ballots (workshop_id, registration_id, action_ids, submitted_at) VALUES ($1, $2, $3::uuid[], now())`, [id, registrationId, ballot]);
      }
      return { id, training, data, tutoring };
    };
    const held = await makeWorkshop('HELD', true, `Taller regional de prioridades ${collabTag()}`);
    const running = await makeWorkshop('OPEN', false, `Taller en curso ${collabTag()}`);
    const { spaceId } = await insertSpace(dataSource, {
      moderatorId: moderator.id,
      parties: [
        { organisationId: pe, participantIds: [pePerson.id, workshopOrganiser.id] },
        { organisationId: cl, participantIds: [clPerson.id] },
      ],
    });

    // Organisers of the space see closed polls; the workshop's own organiser also sees its open poll.
    const listed = async (user: SessionUser) =>
      (await commitments.priorityWorkshops(viewer(user), spaceId, null, { first: 50 })).edges.map((e) => e.node.id).filter((id) => [held.id, running.id].includes(id));
    expect(await listed(pePerson)).toEqual([held.id]);
    expect((await listed(workshopOrganiser)).sort()).toEqual([held.id, running.id].sort());
    const searched = await commitments.priorityWorkshops(viewer(pePerson), spaceId, 'taller regional prioridades', { first: 50 });
    expect(searched.edges.map((e) => e.node.id)).toContain(held.id);
    expect(searched.edges.find((e) => e.node.id === held.id)!.node.ballots).toBe(3);
    expect((await appError(commitments.priorityWorkshops(viewer(clPerson), spaceId, null, { first: 10 }))).extensions.messageKey).toBe('collaborationRecords:organisersOnly');
    expect((await appError(commitments.workshopPriorities(viewer(pePerson), spaceId, running.id))).extensions).toMatchObject({
      code: ErrorCode.NotFound,
      messageKey: 'collaborationRecords:workshopNotFound',
    });

    const { priorities } = await commitments.workshopPriorities(viewer(pePerson), spaceId, held.id);
    expect(priorities.map((p) => [p.actionId, p.rank, p.score, p.title, p.carried])).toEqual([
      [held.data, 1, 5, 'Plataforma regional de datos', false],
      [held.training, 2, 3, 'Formación docente en evaluación', false],
      [held.tutoring, 3, 1, 'Tutorías entre pares', false],
    ]);
    // A French-speaking organiser sees the French titles; the label stays in the workshop's first language.
    const fr = (await commitments.workshopPriorities({ ...viewer(pePerson), locale: 'fr' }, spaceId, held.id)).priorities;
    expect(fr.map((p) => [p.title, p.label])[0]).toEqual(['Plateforme régionale de données', 'Plataforma regional de datos']);

    const badParty = await appError(commitments.carryOver(viewer(pePerson), spaceId, held.id, [{ actionId: held.data, responsibleOrganisationId: co, dueDate: dayOffset(60) }]));
    expect(fieldsOf(badParty)).toEqual([expect.objectContaining({ field: 'items.0.responsibleOrganisationId', key: 'collaborationRecords:responsibleNotParty' })]);
    expect(fieldsOf(await appError(commitments.carryOver(viewer(pePerson), spaceId, held.id, [{ actionId: held.data, responsibleOrganisationId: pe }]))).map((f) => f.field)).toEqual([
      'items.0.dueDate',
    ]);
    expect(fieldsOf(await appError(commitments.carryOver(viewer(pePerson), spaceId, held.id, [{ actionId: running.data, responsibleOrganisationId: pe, dueDate: dayOffset(60) }])))).toEqual([
      expect.objectContaining({ field: 'items.0.actionId', key: 'collaborationRecords:priorityUnknown' }),
    ]);
    expect((await appError(commitments.carryOver(viewer(clPerson), spaceId, held.id, [{ actionId: held.data, responsibleOrganisationId: pe, dueDate: dayOffset(60) }]))).extensions.code).toBe(
      ErrorCode.Forbidden,
    );

    const result = await commitments.carryOver(viewer(pePerson), spaceId, held.id, [
      { actionId: held.data, responsibleOrganisationId: cl, dueDate: dayOffset(60) },
      { actionId: held.training, responsibleOrganisationId: pe, dueDate: dayOffset(90), title: 'Curso regional de evaluación formativa' },
      { actionId: held.data, responsibleOrganisationId: pe, dueDate: dayOffset(60) },
    ]);
    expect(result.skippedActionIds).toEqual([held.data]);
    expect(result.created.map((v) => [v.commitment.title, v.commitment.source, v.commitment.sourceWorkshopId, v.commitment.sourceLabel, v.commitment.responsibleOrganisationId])).toEqual([
      ['Plataforma regional de datos', 'WORKSHOP_PRIORITY', held.id, 'Plataforma regional de datos', cl],
      ['Curso regional de evaluación formativa', 'WORKSHOP_PRIORITY', held.id, 'Formación docente en evaluación', pe],
    ]);
    expect(result.created[0].workshop?.title).toMatch(/^Taller regional de prioridades/);
    expect(result.created[0].commitment.description).toBe('Acción 2');
    expect(await reminderOf(result.created[0].commitment.id)).not.toBeNull();
    // Again, by another organiser in another language: skipped, not duplicated.
    const again = await commitments.carryOver({ ...viewer(moderator), locale: 'fr' }, spaceId, held.id, [
      { actionId: held.data, responsibleOrganisationId: cl, dueDate: dayOffset(60) },
      { actionId: held.tutoring, responsibleOrganisationId: cl, dueDate: dayOffset(60) },
    ]);
    expect(again.skippedActionIds).toEqual([held.data]);
    expect(again.created.map((v) => v.commitment.title)).toEqual(['Tutorat entre pairs']);
    expect((await commitments.workshopPriorities(viewer(pePerson), spaceId, held.id)).priorities.map((p) => p.carried)).toEqual([true, true, true]);
    const [{ n }]: Array<{ n: number }> = await dataSource.query(`SELECT count(*)::int AS n FROM collab_commitments WHERE space_id = $1 AND source_workshop_id = $2`, [spaceId, held.id]);
    expect(n).toBe(3);
  });

  it('keeps everything from outsiders, members of other spaces and overview-level representatives (NOT_FOUND), and refuses writes in closed spaces', async () => {
    const created = await commitments.create(viewer(pePerson), tableId, input({ title: 'Compromiso reservado' }));
    const id = created.commitment.id;
    const anyWorkshop = '00000000-0000-4000-8000-000000000001';
    for (const who of [outsider, otherSpaceMember, representative]) {
      const v = viewer(who);
      const calls: Array<Promise<unknown>> = [
        commitments.list(v, tableId, {}, { first: 10 }),
        commitments.view(v, id),
        commitments.accountability(v, tableId),
        commitments.exportData(v, tableId),
        commitments.priorityWorkshops(v, tableId, null, { first: 10 }),
        commitments.workshopPriorities(v, tableId, anyWorkshop),
        commitments.create(v, tableId, input()),
        commitments.update(v, id, input()),
        commitments.report(v, id, { note: 'Intento' }),
        commitments.carryOver(v, tableId, anyWorkshop, [{ actionId: anyWorkshop, responsibleOrganisationId: pe, dueDate: dayOffset(3) }]),
      ];
      for (const call of calls) expect((await appError(call)).extensions).toMatchObject({ code: ErrorCode.NotFound, messageKey: 'collaboration:notFound' });
    }
    expect((await appError(commitments.view(undefined, id))).extensions.code).toBe(ErrorCode.NotFound);
    expect((await appError(commitments.list(undefined, tableId, {}, { first: 10 }))).extensions.code).toBe(ErrorCode.NotFound);
    expect((await appError(commitments.view(viewer(otherSpaceMember), '00000000-0000-4000-8000-000000000002'))).extensions.code).toBe(ErrorCode.NotFound);
    expect((await commitments.list(viewer(otherSpaceMember), otherSpaceId, {}, { first: 10 })).totalCount).toBe(0);

    const { spaceId } = await insertSpace(dataSource, { moderatorId: moderator.id, parties: [{ organisationId: pe, participantIds: [pePerson.id] }] });
    const before = await commitments.create(viewer(pePerson), spaceId, input({ title: 'Antes del cierre' }));
    expect(await reminderOf(before.commitment.id)).not.toBeNull();
    await dataSource.query(`UPDATE collab_spaces SET status = 'CLOSED', closed_at = now() WHERE id = $1`, [spaceId]);
    await dataSource.transaction((manager) => commitments.rescheduleReminders(manager, spaceId));
    expect(await reminderOf(before.commitment.id)).toBeNull();
    for (const call of [
      commitments.create(viewer(pePerson), spaceId, input()),
      commitments.update(viewer(pePerson), before.commitment.id, input()),
      commitments.report(viewer(pePerson), before.commitment.id, { note: 'Tarde' }),
    ]) {
      expect((await appError(call)).extensions).toMatchObject({ code: ErrorCode.Conflict, messageKey: 'collaboration:closedReadOnly' });
    }
    const closedView = await commitments.view(viewer(pePerson), before.commitment.id);
    expect(closedView).toMatchObject({ canEdit: false, canReport: false });
    expect((await commitments.accountability(viewer(pePerson), spaceId)).summary.total).toBe(1);
  });

  it('exports the accountability as CSV and PDF for members only; everyone else gets the 404 of an unknown space', async () => {
    const { spaceId } = await insertSpace(dataSource, {
      title: 'Mesa «Ñandú»: Perú y Chile',
      moderatorId: moderator.id,
      parties: [
        { organisationId: pe, participantIds: [pePerson.id] },
        { organisationId: cl, participantIds: [clPerson.id] },
      ],
    });
    const a = await commitments.create(viewer(pePerson), spaceId, input({ title: '=Compartir la rúbrica de Łukasz', dueDate: dayOffset(-3) }));
    await commitments.report(viewer(pePerson), a.commitment.id, { status: 'IN_PROGRESS', progress: 40, note: 'Versión 1 enviada a Chile; "comentarios" pendientes.' });
    const b = await commitments.create(viewer(pePerson), spaceId, input({ title: 'Informe de matrícula', responsibleOrganisationId: cl, dueDate: dayOffset(10) }));
    await commitments.report(viewer(clPerson), b.commitment.id, { status: 'DONE', note: 'Publicado.' });

    const session = async (user: SessionUser) => `${SESSION_COOKIE_NAME}=${(await app.get(SessionService).create(user.id)).token}`;
    const get = async (url: string, user: SessionUser | null, lang = 'es') =>
      fetch(`${base}${url}`, { headers: { 'accept-language': lang, ...(user ? { cookie: await session(user) } : {}) } });

    const csv = await get(`/api/collaboration/accountability/${spaceId}.csv`, clPerson);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('cache-control')).toBe('private, no-store');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="Rendicion de cuentas - Mesa .*\.csv"; filename\*=UTF-8''Rendici%C3%B3n%20de%20cuentas/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('Tipo,Título,Organización responsable,País,Fecha límite,Estado,Avance (%),Vencido,Última nota,Fecha de la última nota,Origen');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      `Compromiso,'=Compartir la rúbrica de Łukasz,Ministerio de Educación del Perú,PE,${dayOffset(-3)},En curso,40,Sí,"Versión 1 enviada a Chile; ""comentarios"" pendientes.",${todayIn(LIMA)},`,
    );
    expect(lines[2]).toBe(`Compromiso,Informe de matrícula,Ministerio de Educación de Chile,CL,${dayOffset(10)},Cumplido,100,No,Publicado.,${todayIn(LIMA)},`);
    const english = await get(`/api/collaboration/accountability/${spaceId}.csv?lang=en`, clPerson, 'es');
    expect((await english.text()).split('\r\n')[0]).toContain('Type,Title,Responsible organisation');

    const pdf = await get(`/api/collaboration/accountability/${spaceId}.pdf`, pePerson);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('cache-control')).toBe('private, no-store');
    const pdfBytes = Buffer.from(await pdf.arrayBuffer());
    expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accountability-'));
    const file = path.join(dir, 'export.pdf');
    fs.writeFileSync(file, pdfBytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(text).toContain('Rendición de cuentas: Mesa «Ñandú»: Perú y Chile');
    expect(text).toContain('=Compartir la rúbrica de Łukasz');
    // -layout keeps the columns: a name wrapped in its cell continues on the next line.
    expect(text).toMatch(/Informe de matrícula\s+Ministerio de Educación[^\n]*\n\s*Compromiso\s+de Chile \(CL\)/);
    expect(text).toMatch(/Cumplidos: 50\s?%/);
    expect(text).toMatch(/Avance promedio: 70\s?%/);
    expect(text).toContain('Vencidos: 1');
    expect(text).toContain('Exportado el');
    expect(text).toContain('Página 1 de 1');

    const unknown = await get(`/api/collaboration/accountability/00000000-0000-4000-8000-000000000000.csv`, pePerson);
    expect(unknown.status).toBe(404);
    const notFoundBody = await unknown.json();
    expect(notFoundBody).toEqual({ code: 'collaboration:notFound', message: 'No encontramos esta mesa de trabajo o grupo, o no tiene acceso a él.' });
    for (const user of [outsider, otherSpaceMember, representative, null]) {
      for (const format of ['csv', 'pdf']) {
        const response = await get(`/api/collaboration/accountability/${spaceId}.${format}`, user);
        expect(response.status).toBe(404);
        expect(await response.json()).toEqual(notFoundBody);
      }
    }
    expect((await get(`/api/collaboration/accountability/not-a-space.pdf`, pePerson)).status).toBe(404);
  });

  it('renders long tables over several pages with the header on each, and reuses the parsed fonts', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => ({
      commitment: Object.assign(
        {},
        {
          id: `c${i}`,
          kind: 'COMMITMENT' as const,
          title: `Compromiso ${i + 1}: intercambio de experiencias sobre evaluación formativa en escuelas rurales multigrado`,
          status: (i % 3 === 0 ? 'DONE' : 'IN_PROGRESS') as 'DONE' | 'IN_PROGRESS',
          progress: i % 3 === 0 ? 100 : 40,
          dueDate: '2027-06-30',
          source: 'MANUAL' as const,
          sourceLabel: null,
        },
      ),
      organisationName: 'Secretaria de Educação do Ceará',
      countryCode: 'BR',
      overdue: false,
      lastUpdate: null,
      workshop: null,
      canReport: false,
      canEdit: false,
    }));
    const data = {
      space: { id: 's', title: 'Grupo técnico: Łódź – São Paulo – Asunción', timeZone: 'America/Sao_Paulo' },
      rows: rows as never,
      summary: summarise(rows.map((r) => r.commitment), 'America/Sao_Paulo'),
      locale: 'pt' as const,
      exportedAt: new Date('2027-05-01T15:00:00Z'),
    };
    const first = await accountabilityPdf(data);
    const started = Date.now();
    const second = await accountabilityPdf(data);
    expect(Date.now() - started).toBeLessThan(5_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accountability-'));
    const file = path.join(dir, 'long.pdf');
    fs.writeFileSync(file, second);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    fs.rmSync(dir, { recursive: true, force: true });
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) expect(page).toMatch(/Título\s+Organização\s+Prazo\s+Estado\s+Andamento\s+Vencido\s+Última nota/);
    expect(text).toContain('Prestação de contas: Grupo técnico: Łódź – São Paulo – Asunción');
    expect(text).toContain(`Página ${pages.length} de ${pages.length}`);
    expect(first.length).toBeGreaterThan(1000);
  });
});
