import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { UsersService, type User } from '@alliance/server-identity';
import { ErrorCode, LIMITS, Role } from '@alliance/shared-core';
import { Workshop, WorkshopCountrySeats, WorkshopRegistration, WorkshopRegistrationEvent } from './entities';
import { OFFER_EXPIRE_JOB, RegistrationsService } from './registrations.service';
import { confirmedRegistrants } from './reminders.service';
import type { WorkshopActor } from './util';
import { actorOf, appError, makeWorkshop, person, tag } from './testing/registration-fixtures';
import { createRegistrationTestApp } from './testing/registration-test-app';

describe('RegistrationsService (real PostgreSQL)', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let users: UsersService;
  let service: RegistrationsService;
  let organiserUser: User;
  let organiser: WorkshopActor;
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, { QUEUE_DRIVER: 'inprocess', SMTP_URL: '', PUBLIC_URL: 'https://portal.example' });
    app = await createRegistrationTestApp();
    dataSource = app.get<DataSource>(getDataSourceToken());
    users = app.get(UsersService);
    service = app.get(RegistrationsService);
    organiserUser = await person(users, { name: 'Marta Organizadora', roles: [Role.Organiser] });
    organiser = actorOf(organiserUser, [Role.Organiser]);
  });

  afterAll(async () => {
    await app?.close();
    process.env = saved;
  });

  const participant = async (countryCode = 'CL'): Promise<{ user: User; actor: WorkshopActor }> => {
    const user = await person(users, { countryCode, name: `Participante ${tag()}` });
    return { user, actor: actorOf(user) };
  };
  const seatsTaken = async (id: string) => (await dataSource.getRepository(Workshop).findOneByOrFail({ id })).seatsTaken;
  const statusOf = async (id: string) => (await dataSource.getRepository(WorkshopRegistration).findOneByOrFail({ id })).status;
  const trail = async (registrationId: string) =>
    (await dataSource.getRepository(WorkshopRegistrationEvent).find({ where: { registrationId }, order: { createdAt: 'ASC' } })).map((e) => [e.fromStatus, e.toStatus]);
  const notificationsFor = async (userId: string): Promise<Array<{ status: string }>> =>
    (
      (await dataSource.query(`SELECT data FROM notification_batch WHERE type = 'workshop.registration' AND $1 = ANY(recipients) ORDER BY created_at`, [userId])) as Array<{
        data: { status: string };
      }>
    ).map((r) => r.data);

  it('500 concurrent registrations for 60 seats: exactly 60 CONFIRMED, 440 WAITLISTED, seats_taken = 60', async () => {
    const { workshop } = await makeWorkshop(dataSource, organiserUser, { capacity: 60 });
    const people = await Promise.all(Array.from({ length: 500 }, (_, i) => person(users, { name: `Persona ${i}`, email: `load.${i}.${tag()}@example.org` })));
    const results = await Promise.allSettled(people.map((u) => service.register(actorOf(u), workshop.id, [], false)));
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected).toEqual([]);
    const counts = (await dataSource.query(`SELECT status, count(*)::int AS n FROM workshop_registrations WHERE workshop_id = $1 GROUP BY status ORDER BY status`, [
      workshop.id,
    ])) as Array<{ status: string; n: number }>;
    expect(counts).toEqual([
      { status: 'CONFIRMED', n: 60 },
      { status: 'WAITLISTED', n: 440 },
    ]);
    expect(await seatsTaken(workshop.id)).toBe(60);
    const [{ n: holders }] = await dataSource.query(`SELECT count(*)::int AS n FROM workshop_registrations WHERE workshop_id = $1 AND holds_seat`, [workshop.id]);
    expect(holders).toBe(60);
    // Waitlist positions are 1..440 without gaps.
    const positions = await service.waitlistPositions(
      (await dataSource.getRepository(WorkshopRegistration).findBy({ workshopId: workshop.id, status: 'WAITLISTED' })).map((r) => r.id),
    );
    expect([...positions.values()].sort((a, b) => a - b)).toEqual(Array.from({ length: 440 }, (_, i) => i + 1));
  }, 120_000);

  it(`limits one person to LIMITS.rateLimits.workshopRegistrationPerAccount attempts, translated; others are unaffected`, async () => {
    const { workshop } = await makeWorkshop(dataSource, organiserUser, { capacity: 5 });
    const { actor } = await participant();
    const { points, minutes } = LIMITS.rateLimits.workshopRegistrationPerAccount;
    // Every attempt counts, failed ones too (a script cycling through ids is what this stops).
    for (let i = 0; i < points; i++) expect((await appError(service.register(actor, `not-a-workshop-${i}`, [], false))).extensions.code).toBe(ErrorCode.NotFound);
    const refused = await appError(service.register(actor, workshop.id, [], false));
    expect(refused.extensions).toMatchObject({ code: ErrorCode.RateLimited, messageKey: 'errors:rateLimited', messageParams: { minutes } });
    expect(await dataSource.getRepository(WorkshopRegistration).countBy({ workshopId: workshop.id })).toBe(0);
    const other = await participant();
    await expect(service.register(other.actor, workshop.id, [], false)).resolves.toMatchObject({ status: 'CONFIRMED' });
  });

  it('concurrent duplicate registrations of one person leave exactly one row and one seat', async () => {
    const { workshop } = await makeWorkshop(dataSource, organiserUser, { capacity: 5 });
    const { actor } = await participant();
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => service.register(actor, workshop.id, [], true)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as { messageKey: string }).messageKey).toBe('workshopRegistration:alreadyRegistered');
    expect(await dataSource.getRepository(WorkshopRegistration).countBy({ workshopId: workshop.id, userId: actor.id })).toBe(1);
    expect(await seatsTaken(workshop.id)).toBe(1);
  });

  it('validates answers against the questions', async () => {
    const { workshop, questions } = await makeWorkshop(dataSource, organiserUser, {
      questions: [
        { type: 'TEXT', required: true },
        { type: 'CHOICE', required: false, options: ['Español', 'Português'] },
        { type: 'CONSENT', required: true },
      ],
    });
    const { actor } = await participant();
    const missing = await appError(service.register(actor, workshop.id, [{ questionId: questions[1].id, value: 'Klingon' }], false));
    expect(missing.extensions.code).toBe(ErrorCode.BadUserInput);
    expect((missing.extensions.fields as Array<{ field: string; key: string }>).map((f) => f.key).sort()).toEqual([
      'workshopRegistration:answerChoiceInvalid',
      'workshopRegistration:answerRequired',
      'workshopRegistration:consentRequired',
    ]);
    const ok = await service.register(
      actor,
      workshop.id,
      [
        { questionId: questions[0].id, value: ' Directora de escuela ' },
        { questionId: questions[2].id, value: 'true' },
      ],
      true,
    );
    expect(ok.answers).toEqual([
      { questionId: questions[0].id, value: 'Directora de escuela' },
      { questionId: questions[2].id, value: 'true' },
    ]);
    expect(ok.consentToList).toBe(true);
  });

  it('approval flow: PENDING, approve -> CONFIRMED while seats remain, then WAITLISTED; reject frees the seat', async () => {
    const { workshop } = await makeWorkshop(dataSource, organiserUser, { capacity: 1, approvalRequired: true });
    const a = await participant();
    const b = await participant();
    const ra = await service.register(a.actor, workshop.id, [], false);
    const rb = await service.register(b.actor, workshop.id, [], false);
    expect([ra.status, rb.status, await seatsTaken(workshop.id)]).toEqual(['PENDING', 'PENDING', 0]);
    expect((await appError(service.decide(a.actor, ra.id, true))).extensions.code).toBe(ErrorCode.Forbidden);
    expect((await service.decide(organiser, ra.id, true, 'Bienvenida')).status).toBe('CONFIRMED');
    expect((await service.decide(organiser, rb.id, true)).status).toBe('WAITLISTED');
    expect(await seatsTaken(workshop.id)).toBe(1);
    // Rejecting the seat holder passes the seat to the waitlist (AUTO).
    expect((await service.decide(organiser, ra.id, false, 'Cupo reservado a ministerios')).status).toBe('REJECTED');
    expect(await statusOf(rb.id)).toBe('CONFIRMED');
    expect(await seatsTaken(workshop.id)).toBe(1);
    expect(await trail(ra.id)).toEqual([
      [null, 'PENDING'],
      ['PENDING', 'CONFIRMED'],
      ['CONFIRMED', 'REJECTED'],
    ]);
    expect((await notificationsFor(a.user.id)).map((n) => n.status)).toEqual(['PENDING', 'CONFIRMED', 'REJECTED']);
    expect((await appError(service.decide(organiser, ra.id, true))).messageKey).toBe('workshopRegistration:notPending');
  });

  it('country seats: a used-up quota waitlists that country, and promotion passes over it', async () => {
    const { workshop } = await makeWorkshop(dataSource, organiserUser, { capacity: 3, countrySeats: { PE: 1 } });
    const pe1 = await participant('PE');
    const pe2 = await participant('PE');
    const mx = await participant('MX');
    const r1 = await service.register(pe1.actor, workshop.id, [], false);
    const r2 = await service.register(pe2.actor, workshop.id, [], false);
    const r3 = await service.register(mx.actor, workshop.id, [], false);
    expect([r1.status, r1.seatCountryCode, r2.status, r3.status, r3.seatCountryCode]).toEqual(['CONFIRMED', 'PE', 'WAITLISTED', 'CONFIRMED', null]);
    expect(await seatsTaken(workshop.id)).toBe(2);
    const quota = () => dataSource.getRepository(WorkshopCountrySeats).findOneByOrFail({ workshopId: workshop.id, countryCode: 'PE' });
    expect((await quota()).taken).toBe(1);
    // The Peruvian seat frees: the waiting Peruvian gets it.
    await service.cancel(pe1.actor, r1.id);
    expect(await statusOf(r2.id)).toBe('CONFIRMED');
    expect((await quota()).taken).toBe(1);
    expect(await seatsTaken(workshop.id)).toBe(2);
  });

  it('cancellation promotes the first waitlisted (AUTO) and keeps the order', async () => {
    const { workshop } = await makeWorkshop(dataSource, organiserUser, { capacity: 1 });
    const [a, b, c] = [await participant(), await participant(), await participant()];
    const ra = await service.register(a.actor, workshop.id, [], false);
    const rb = await service.register(b.actor, workshop.id, [], false);
    const rc = await service.register(c.actor, workshop.id, [], false);
    expect([ra.status, rb.status, rc.status]).toEqual(['CONFIRMED', 'WAITLISTED', 'WAITLISTED']);
    expect(Object.fromEntries(await service.waitlistPositions([rb.id, rc.id]))).toEqual({ [rb.id]: 1, [rc.id]: 2 });
    expect((await appError(service.cancel(b.actor, ra.id))).extensions.code).toBe(ErrorCode.NotFound);
    expect((await service.cancel(a.actor, ra.id)).status).toBe('CANCELLED');
    expect(await statusOf(rb.id)).toBe('CONFIRMED');
    expect(await statusOf(rc.id)).toBe('WAITLISTED');
    expect(await seatsTaken(workshop.id)).toBe(1);
    expect(await trail(rb.id)).toEqual([
      [null, 'WAITLISTED'],
      ['WAITLISTED', 'CONFIRMED'],
    ]);
    expect((await notificationsFor(b.user.id)).map((n) => n.status)).toEqual(['WAITLISTED', 'CONFIRMED']);
    // Reminders go to whoever is confirmed when they fire.
    expect(await confirmedRegistrants(dataSource.manager, workshop.id)).toEqual([b.user.id]);
    // A cancelled person may register again, at the end of the waitlist.
    const again = await service.register(a.actor, workshop.id, [], false);
    expect([again.id, again.status]).toEqual([ra.id, 'WAITLISTED']);
    expect(Object.fromEntries(await service.waitlistPositions([rc.id, ra.id]))).toEqual({ [rc.id]: 1, [ra.id]: 2 });
    expect((await appError(service.cancel(a.actor, 'nonsense'))).extensions.code).toBe(ErrorCode.NotFound);
  });

  it('OFFER mode: the seat is offered with a deadline and a delayed job; accept confirms; expiry passes to the next', async () => {
    const { workshop } = await makeWorkshop(dataSource, organiserUser, { capacity: 1, waitlistMode: 'OFFER', offerHours: 24 });
    const [a, b, c] = [await participant(), await participant(), await participant()];
    const ra = await service.register(a.actor, workshop.id, [], false);
    const rb = await service.register(b.actor, workshop.id, [], false);
    const rc = await service.register(c.actor, workshop.id, [], false);
    await service.cancel(a.actor, ra.id);
    const offered = await dataSource.getRepository(WorkshopRegistration).findOneByOrFail({ id: rb.id });
    expect(offered.status).toBe('OFFERED');
    expect(offered.holdsSeat).toBe(true);
    expect(Math.abs(offered.offerExpiresAt!.getTime() - (Date.now() + 24 * 3_600_000))).toBeLessThan(60_000);
    const [job] = await dataSource.query(`SELECT available_at FROM outbox_message WHERE job_name = $1 AND payload->>'id' = $2`, [OFFER_EXPIRE_JOB, rb.id]);
    expect(new Date(job.available_at).getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    expect(await seatsTaken(workshop.id)).toBe(1);
    const [note] = (await notificationsFor(b.user.id)).slice(-1) as Array<{ status: string; note?: string }>;
    expect(note.status).toBe('OFFERED');
    expect(note.note).toMatch(/acéptela antes del/);

    // The job before the deadline does nothing.
    expect(await service.expireOffer(rb.id)).toBe(false);
    expect(await statusOf(rb.id)).toBe('OFFERED');
    // After the deadline: EXPIRED, and the seat is offered to the next.
    await dataSource.query(`UPDATE workshop_registrations SET offer_expires_at = now() - interval '1 minute' WHERE id = $1`, [rb.id]);
    expect((await appError(service.acceptOffer(b.actor, rb.id))).messageKey).toBe('workshopRegistration:offerExpired');
    expect(await service.expireOffer(rb.id)).toBe(true);
    expect(await service.expireOffer(rb.id)).toBe(false);
    expect(await statusOf(rb.id)).toBe('EXPIRED');
    expect(await statusOf(rc.id)).toBe('OFFERED');
    expect(await seatsTaken(workshop.id)).toBe(1);
    // The next one accepts.
    expect((await appError(service.acceptOffer(b.actor, rc.id))).extensions.code).toBe(ErrorCode.NotFound);
    const accepted = await service.acceptOffer(c.actor, rc.id);
    expect([accepted.status, accepted.holdsSeat, accepted.offerExpiresAt]).toEqual(['CONFIRMED', true, null]);
    expect(await trail(rc.id)).toEqual([
      [null, 'WAITLISTED'],
      ['WAITLISTED', 'OFFERED'],
      ['OFFERED', 'CONFIRMED'],
    ]);
    expect(await seatsTaken(workshop.id)).toBe(1);
  });

  it('audience MEMBERS needs a role in an active member organisation; INVITED needs the verified address on the list', async () => {
    const members = await makeWorkshop(dataSource, organiserUser, { audience: 'MEMBERS' });
    const outsider = await participant();
    expect((await appError(service.register(outsider.actor, members.workshop.id, [], false))).messageKey).toBe('workshopRegistration:membersOnly');
    const member = await participant('CO');
    const [org] = await dataSource.query(
      `INSERT INTO organisations (slug, name, name_key, type, country_code, description) VALUES ($1, 'Ministerio de Educación', $1, 'MINISTRY_OF_EDUCATION', 'CO', 'x') RETURNING id`,
      [`min-${tag()}`],
    );
    await dataSource.query(`INSERT INTO memberships (organisation_id, category) VALUES ($1, 'MEMBER_STATE')`, [org.id]);
    await dataSource.query(`INSERT INTO organisation_roles (user_id, organisation_id, role) VALUES ($1, $2, 'MEMBER')`, [member.user.id, org.id]);
    const registered = await service.register(member.actor, members.workshop.id, [], false);
    expect([registered.status, registered.organisationName, registered.organisationType, registered.countryCode]).toEqual([
      'CONFIRMED',
      'Ministerio de Educación',
      'MINISTRY_OF_EDUCATION',
      'CO',
    ]);

    const invited = await makeWorkshop(dataSource, organiserUser, { audience: 'INVITED' });
    const guest = await participant();
    expect((await appError(service.register(guest.actor, invited.workshop.id, [], false))).messageKey).toBe('workshopRegistration:invitedOnly');
    await dataSource.query(`INSERT INTO workshop_invitations (workshop_id, email) VALUES ($1, $2)`, [invited.workshop.id, guest.user.email.toLowerCase()]);
    expect((await service.register(guest.actor, invited.workshop.id, [], false)).status).toBe('CONFIRMED');
    // Organisers of the workshop are never refused by the audience.
    expect((await service.register(organiser, invited.workshop.id, [], false)).status).toBe('CONFIRMED');
  });

  it('refuses outside the registration window and for drafts', async () => {
    const { actor } = await participant();
    const closed = await makeWorkshop(dataSource, organiserUser, { status: 'CLOSED' });
    expect((await appError(service.register(actor, closed.workshop.id, [], false))).messageKey).toBe('workshopRegistration:closed');
    const draft = await makeWorkshop(dataSource, organiserUser, { status: 'DRAFT' });
    expect((await appError(service.register(actor, draft.workshop.id, [], false))).extensions.code).toBe(ErrorCode.NotFound);
    const later = await makeWorkshop(dataSource, organiserUser);
    await dataSource.query(`UPDATE workshops SET registration_opens_at = now() + interval '1 day' WHERE id = $1`, [later.workshop.id]);
    expect((await appError(service.register(actor, later.workshop.id, [], false))).messageKey).toBe('workshopRegistration:closed');
  });

  it('lists a workshop’s registrations for its managers only', async () => {
    const { workshop } = await makeWorkshop(dataSource, organiserUser, { capacity: 1 });
    const a = await participant();
    const b = await participant();
    await service.register(a.actor, workshop.id, [], false);
    await service.register(b.actor, workshop.id, [], false);
    const page = await service.ofWorkshop(organiser, workshop.id, { first: 10, status: 'WAITLISTED' });
    expect(page.edges.map((e) => e.node.userId)).toEqual([b.user.id]);
    expect((await appError(service.ofWorkshop(a.actor, workshop.id, { first: 10 }))).extensions.code).toBe(ErrorCode.Forbidden);
    const otherOrganiser = actorOf(await person(users, { roles: [Role.Organiser] }), [Role.Organiser]);
    expect((await appError(service.ofWorkshop(otherOrganiser, workshop.id, { first: 10 }))).extensions.code).toBe(ErrorCode.Forbidden);
  });
});
