import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ReminderService } from '@alliance/server-notifications';
import { UsersService } from '@alliance/server-identity';
import { Role } from '@alliance/shared-core';
import { Workshop, WorkshopCountrySeats, WorkshopOrganiser, WorkshopQuestion, WorkshopSession } from './entities';
import { WorkshopRemindersService } from './reminders.service';
import { SessionsService } from './sessions.service';
import { WorkshopCatalogueService } from './catalogue.service';
import { appError, HOUR, tag, text, workshopInput } from './testing/registration-fixtures';
import { createWorkshopsTestApp } from './testing/workshops-test-app';
import type { WorkshopActor } from './util';
import { WorkshopsService } from './workshops.service';

async function waitFor<T>(probe: () => Promise<T>, ok: (value: T) => boolean, ms = 5_000): Promise<T> {
  const until = Date.now() + ms;
  let value = await probe();
  while (!ok(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    value = await probe();
  }
  return value;
}

describe('workshops organising (real PostgreSQL)', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let workshops: WorkshopsService;
  let sessions: SessionsService;
  let catalogue: WorkshopCatalogueService;
  let organiser: WorkshopActor;
  let colleague: WorkshopActor & { email: string };
  let participant: WorkshopActor & { email: string };
  let users: UsersService;
  const saved = { ...process.env };

  const make = async (name: string, roles: Role[], country = 'CO') => {
    const email = `w.${tag()}@example.org`;
    const u = await users.createUser({ name, email, password: 'correct horse battery', countryCode: country, verified: true, roles });
    return { id: u.id, name: u.name, roles, email };
  };

  beforeAll(async () => {
    Object.assign(process.env, { QUEUE_DRIVER: 'inprocess', SMTP_URL: '', PUBLIC_URL: 'https://portal.example' });
    app = await createWorkshopsTestApp();
    dataSource = app.get<DataSource>(getDataSourceToken());
    workshops = app.get(WorkshopsService);
    sessions = app.get(SessionsService);
    catalogue = app.get(WorkshopCatalogueService);
    users = app.get(UsersService);
    organiser = await make('Marcela Fuentes', [Role.Organiser]);
    colleague = await make('Jean-Baptiste Pierre', [Role.Organiser], 'HT');
    participant = await make('Jorge Ramírez', []);
  });

  afterAll(async () => {
    await app?.close();
    process.env = saved;
  });

  const snapshot = async (id: string) => ({
    workshop: await dataSource.getRepository(Workshop).findOneByOrFail({ id }),
    questions: await dataSource.getRepository(WorkshopQuestion).countBy({ workshopId: id }),
    seats: await dataSource.getRepository(WorkshopCountrySeats).countBy({ workshopId: id }),
  });

  const session = (startsInHours: number, hours = 2) => ({
    title: text('Sesión'),
    startsAt: new Date(Date.now() + startsInHours * HOUR),
    endsAt: new Date(Date.now() + (startsInHours + hours) * HOUR),
  });

  /** A registration row written directly (the registration side has its own tests). */
  const register = async (workshopId: string, userId: string, status: string) => {
    await dataSource.query(
      `INSERT INTO workshop_registrations (workshop_id, user_id, status, holds_seat) VALUES ($1, $2, $3, $4)`,
      [workshopId, userId, status, status === 'CONFIRMED'],
    );
  };

  it('creates a draft with the creator as organiser, questions and country seats', async () => {
    const w = await workshops.create(organiser, workshopInput());
    expect(w.status).toBe('DRAFT');
    expect(w.slug).toMatch(/^taller-regional-/);
    expect(await dataSource.getRepository(WorkshopOrganiser).findBy({ workshopId: w.id })).toEqual([expect.objectContaining({ userId: organiser.id })]);
    const s = await snapshot(w.id);
    expect(s.questions).toBe(3);
    expect(s.seats).toBe(1);
    expect(await workshops.canManage(organiser, w.id)).toBe(true);
    expect(await workshops.canManage(colleague, w.id)).toBe(false);
    expect(await workshops.canManage(participant, w.id)).toBe(false);
    expect((await appError(workshops.create(participant, workshopInput()))).extensions.code).toBe('FORBIDDEN');
  });

  it('refuses invalid input and changes nothing', async () => {
    const w = await workshops.create(organiser, workshopInput());
    const before = await snapshot(w.id);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ timeZone: 'America/Atlantis' }, 'workshops:timeZoneInvalid'],
      [{ meetingUrl: 'http://meet.example.org/x' }, 'workshops:urlInvalid'],
      [{ recordingUrl: 'javascript:alert(1)' }, 'workshops:urlInvalid'],
      [{ registrationOpensAt: new Date(Date.now() + 2 * HOUR), registrationClosesAt: new Date(Date.now() + HOUR) }, 'workshops:registrationWindowInvalid'],
      [{ questions: [{ type: 'CHOICE', prompt: text('Sector'), options: ['Solo una'], required: true }] }, 'workshops:choiceNeedsOptions'],
      [{ countrySeats: [{ countryCode: 'CO', seats: 61 }] }, 'workshops:countrySeatsOverCapacity'],
      [{ countrySeats: [{ countryCode: 'ZZ', seats: 1 }] }, 'workshops:countryInvalid'],
      [{ languages: [] }, 'workshops:languagesRequired'],
      [{ focusAreaIds: ['00000000-0000-4000-8000-000000000000'] }, 'workshops:focusAreaInvalid'],
      [{ mode: 'IN_PERSON', venue: null }, 'workshops:venueRequired'],
    ];
    for (const [overrides, key] of cases) {
      const error = await appError(workshops.update(organiser, w.id, workshopInput({ ...overrides, title: text('Otro título') })));
      const keys = [error.message, ...error.fieldErrors.map((f) => f.key)];
      expect({ overrides, keys }).toEqual({ overrides, keys: expect.arrayContaining([key]) });
    }
    expect(await snapshot(w.id)).toEqual(before);
    // Capacity below the seats already taken.
    await dataSource.query(`UPDATE workshops SET seats_taken = 10 WHERE id = $1`, [w.id]);
    expect((await appError(workshops.update(organiser, w.id, workshopInput({ capacity: 5, countrySeats: [] })))).message).toBe('workshops:capacityBelowTaken');
    // Another organiser's workshop: not theirs.
    expect((await appError(workshops.update(colleague, w.id, workshopInput()))).extensions.code).toBe('FORBIDDEN');
  });

  it('accepts IANA zones and stores wall-clock-independent instants', async () => {
    const w = await workshops.create(organiser, workshopInput({ timeZone: 'America/Port-au-Prince' }));
    expect(w.timeZone).toBe('America/Port-au-Prince');
    const start = new Date('2031-03-10T14:00:00Z');
    const withSession = await sessions.saveSession(organiser, w.id, null, { title: text('Día 1'), startsAt: start, endsAt: new Date(start.getTime() + 3 * HOUR) });
    expect(withSession.startsAt.toISOString()).toBe('2031-03-10T14:00:00.000Z');
    expect(withSession.endsAt.toISOString()).toBe('2031-03-10T17:00:00.000Z');
  });

  it('runs the lifecycle and refuses illegal transitions', async () => {
    const w = await workshops.create(organiser, workshopInput());
    expect((await appError(workshops.open(organiser, w.id))).message).toBe('workshops:needsSession');
    await sessions.saveSession(organiser, w.id, null, session(48));
    expect((await appError(workshops.close(organiser, w.id))).message).toBe('workshops:illegalTransition');
    expect((await appError(workshops.archive(organiser, w.id))).message).toBe('workshops:illegalTransition');
    expect((await workshops.open(organiser, w.id)).status).toBe('OPEN');
    expect((await catalogue.list({ upcoming: true }, { first: 100 })).edges.map((e) => e.node.id)).toContain(w.id);
    expect((await workshops.close(organiser, w.id)).status).toBe('CLOSED');
    expect((await workshops.open(organiser, w.id)).status).toBe('OPEN');
    expect((await appError(workshops.cancel(organiser, w.id, '  '))).extensions.code).toBe('BAD_USER_INPUT');
    const cancelled = await workshops.cancel(organiser, w.id, 'Se reprograma para el próximo año.');
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.cancelledAt).not.toBeNull();
    expect((await appError(workshops.open(organiser, w.id))).message).toBe('workshops:illegalTransition');
    expect((await workshops.archive(organiser, w.id)).status).toBe('ARCHIVED');
    expect((await catalogue.list({}, { first: 100 })).edges.map((e) => e.node.id)).not.toContain(w.id);
  });

  it('keeps drafts away from people who do not manage them', async () => {
    const w = await workshops.create(organiser, workshopInput());
    expect(await catalogue.bySlug(participant, w.slug)).toBeNull();
    expect(await catalogue.bySlug(null, w.slug)).toBeNull();
    expect((await catalogue.bySlug(organiser, w.slug))?.id).toBe(w.id);
  });

  it('adds organisers who hold the role and never removes the last one', async () => {
    const w = await workshops.create(organiser, workshopInput());
    expect((await appError(workshops.addOrganiser(organiser, w.id, participant.email))).message).toBe('workshops:organiserNeedsRole');
    expect((await appError(workshops.addOrganiser(organiser, w.id, 'nobody.here@example.org'))).message).toBe('workshops:personNotFound');
    await workshops.addOrganiser(organiser, w.id, colleague.email.toUpperCase());
    expect(await workshops.canManage(colleague, w.id)).toBe(true);
    await workshops.removeOrganiser(colleague, w.id, organiser.id);
    expect(await workshops.canManage(organiser, w.id)).toBe(false);
    expect((await appError(workshops.removeOrganiser(colleague, w.id, colleague.id))).message).toBe('workshops:lastOrganiser');
  });

  it('keeps the workshop span equal to its sessions and agenda items inside their session', async () => {
    const w = await workshops.create(organiser, workshopInput());
    const a = await sessions.saveSession(organiser, w.id, null, session(72));
    const afterTwo = await sessions.saveSession(organiser, w.id, null, session(48));
    const rows = await dataSource.getRepository(WorkshopSession).find({ where: { workshopId: w.id }, order: { position: 'ASC' } });
    expect(rows.map((r) => r.position)).toEqual([0, 1]);
    expect(rows[0].startsAt.getTime()).toBeLessThan(rows[1].startsAt.getTime());
    expect(rows.every((r) => /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/.test(r.checkInCode))).toBe(true);
    expect(afterTwo.startsAt.getTime()).toBe(rows[0].startsAt.getTime());
    expect(afterTwo.endsAt.getTime()).toBe(rows[1].endsAt.getTime());
    expect(a.revision).toBeLessThan(afterTwo.revision);
    const first = rows[0];
    const outside = { sessionId: first.id, title: text('Apertura'), startsAt: new Date(first.startsAt.getTime() - HOUR), endsAt: first.startsAt };
    expect((await appError(sessions.saveAgendaItem(organiser, null, outside))).message).toBe('workshops:agendaOutsideSession');
    await sessions.saveAgendaItem(organiser, null, { ...outside, startsAt: first.startsAt, endsAt: new Date(first.startsAt.getTime() + HOUR / 2), speakers: 'Ana Gómez' });
    // Moving the session moves its agenda.
    const moved = { title: text('Sesión'), startsAt: new Date(first.startsAt.getTime() + 24 * HOUR), endsAt: new Date(first.endsAt.getTime() + 24 * HOUR) };
    await sessions.saveSession(organiser, w.id, first.id, moved);
    const [item] = await dataSource.query(`SELECT starts_at FROM workshop_agenda_items WHERE session_id = $1`, [first.id]);
    expect(new Date(item.starts_at).getTime()).toBe(moved.startsAt.getTime());
    // Opened workshops keep at least one session.
    await workshops.open(organiser, w.id);
    await sessions.deleteSession(organiser, rows[1].id);
    expect((await appError(sessions.deleteSession(organiser, first.id))).message).toBe('workshops:lastSession');
    expect((await appError(sessions.addMaterial(organiser, w.id, { phase: 'BEFORE', title: 'Nota', url: 'ftp://x' }))).extensions.code).toBe('BAD_USER_INPUT');
    await sessions.addMaterial(organiser, w.id, { phase: 'BEFORE', title: 'Nota conceptual', url: 'https://docs.example.org/nota.pdf' });
  });

  it('notifies registrants once per date change and moves their reminders; cancelling removes them', async () => {
    const w = await workshops.create(organiser, workshopInput());
    await sessions.saveSession(organiser, w.id, null, session(72));
    await workshops.open(organiser, w.id);
    const waiting = await make('Lucía Méndez', []);
    await register(w.id, participant.id, 'CONFIRMED');
    await register(w.id, waiting.id, 'WAITLISTED');
    const [s] = await dataSource.getRepository(WorkshopSession).findBy({ workshopId: w.id });
    // The confirmed list changed (done by the registration side), which syncs the reminders.
    await dataSource.transaction((m) => app.get(WorkshopRemindersService).sync(m, w.id));
    const reminders = async () =>
      (await dataSource.query(`SELECT id, key, run_at, user_ids, outbox_id FROM reminder WHERE key LIKE $1 ORDER BY key`, [`workshop:${w.id}:%`])) as Array<{
        id: string;
        key: string;
        run_at: Date;
        user_ids: string[];
        outbox_id: string;
      }>;
    const before = await reminders();
    expect(before.map((r) => r.key)).toEqual([`workshop:${w.id}:1h`, `workshop:${w.id}:24h`]);
    // Recipients are looked up when a reminder fires: registrations never rewrite it or move its job.
    expect(before[0].user_ids).toEqual([]);
    const late = await make('Tomás Quispe', []);
    await register(w.id, late.id, 'CONFIRMED');
    await dataSource.transaction((m) => app.get(WorkshopRemindersService).sync(m, w.id));
    expect((await reminders()).map((r) => r.outbox_id)).toEqual(before.map((r) => r.outbox_id));
    // Firing goes to the people confirmed at that moment (not the waitlisted one).
    await app.get(ReminderService).fire({ id: before[0].id, outboxId: before[0].outbox_id, attempt: 1, isLastAttempt: true });
    const [fired] = (await dataSource.query(`SELECT recipients FROM notification_batch WHERE dedupe_key LIKE $1`, [`reminder:workshop:${w.id}:1h:%`])) as Array<{ recipients: string[] }>;
    expect([...fired.recipients].sort()).toEqual([participant.id, late.id].sort());
    expect(new Date(before[1].run_at).getTime()).toBe(s.startsAt.getTime() - 24 * HOUR);

    const later = { title: text('Sesión'), startsAt: new Date(s.startsAt.getTime() + 5 * 24 * HOUR), endsAt: new Date(s.endsAt.getTime() + 5 * 24 * HOUR) };
    await sessions.saveSession(organiser, w.id, s.id, later);
    const changed = async () =>
      (await dataSource.query(`SELECT user_id, data FROM notification WHERE type = 'workshop.changed' AND user_id = ANY($1)`, [[participant.id, waiting.id]])) as Array<{ user_id: string }>;
    const told = await waitFor(changed, (rows) => rows.length >= 2);
    expect(told.map((r) => r.user_id).sort()).toEqual([participant.id, waiting.id].sort());
    const after = await reminders();
    expect(new Date(after[0].run_at).getTime()).toBe(later.startsAt.getTime() - HOUR);
    expect(new Date(after[1].run_at).getTime()).toBe(later.startsAt.getTime() - 24 * HOUR);
    // The delayed jobs moved too: the reminders point at new outbox messages available at the new time.
    expect(after[1].outbox_id).not.toBe(before[1].outbox_id);
    const [job] = await dataSource.query(`SELECT available_at FROM outbox_message WHERE id = $1`, [after[1].outbox_id]);
    expect(Math.abs(new Date(job.available_at).getTime() - (later.startsAt.getTime() - 24 * HOUR))).toBeLessThan(60_000);
    // A title-only edit is not a date change: nobody is told again.
    await sessions.saveSession(organiser, w.id, s.id, { ...later, title: text('Día único') });
    await new Promise((r) => setTimeout(r, 300));
    expect(await changed()).toHaveLength(2);

    await workshops.cancel(organiser, w.id, 'Sin quórum.');
    const cancelled = await waitFor(
      async () => (await dataSource.query(`SELECT user_id FROM notification WHERE type = 'workshop.cancelled' AND user_id = ANY($1)`, [[participant.id, waiting.id]])) as unknown[],
      (rows) => rows.length >= 2,
    );
    expect(cancelled).toHaveLength(2);
    expect(await reminders()).toEqual([]);
  });

  it('invites by list or CSV and reports invalid and repeated addresses', async () => {
    const w = await workshops.create(organiser, workshopInput({ audience: 'INVITED' }));
    const unknown = `nueva.${tag()}@example.org`;
    const first = await workshops.invite(organiser, w.id, `${participant.email}, ${unknown}; no-es-correo`);
    expect(first.invited.sort()).toEqual([participant.email, unknown].sort());
    expect(first.invalid).toEqual(['no-es-correo']);
    const second = await workshops.invite(organiser, w.id, `nombre,email\nJorge,${participant.email}\nOtra,otra.${tag()}@example.org`);
    expect(second.alreadyInvited).toEqual([participant.email]);
    expect(second.invited).toHaveLength(1);
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM outgoing_email WHERE template = 'workshopInvitation' AND to_address = $1`, [unknown]);
    expect(n).toBe(1);
  });
});
