import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { UsersService, type User } from '@alliance/server-identity';
import { ErrorCode, Role } from '@alliance/shared-core';
import { EnrolmentService, type LearningActor } from './enrolment.service';
import { Enrolment, EnrolmentEvent, Offering } from './entities';
import { actorOf, appError, makeCourse, person, tag } from './testing/enrolment-fixtures';
import { createLearningTestApp } from './testing/learning-test-app';

describe('EnrolmentService (real PostgreSQL)', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let users: UsersService;
  let service: EnrolmentService;
  let organiser: LearningActor;
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, { QUEUE_DRIVER: 'inprocess', SMTP_URL: '', PUBLIC_URL: 'https://portal.example' });
    app = await createLearningTestApp();
    dataSource = app.get<DataSource>(getDataSourceToken());
    users = app.get(UsersService);
    service = app.get(EnrolmentService);
    organiser = actorOf(await person(users, { name: 'Marta Organizadora', roles: [Role.Organiser] }), [Role.Organiser]);
  });

  afterAll(async () => {
    await app?.close();
    process.env = saved;
  });

  const learner = async (): Promise<{ user: User; actor: LearningActor }> => {
    const user = await person(users);
    return { user, actor: actorOf(user) };
  };
  const seatsTaken = async (offeringId: string) => (await dataSource.getRepository(Offering).findOneByOrFail({ id: offeringId })).seatsTaken;
  const events = (enrolmentId: string) => dataSource.getRepository(EnrolmentEvent).find({ where: { enrolmentId }, order: { createdAt: 'ASC' } });
  const notificationsFor = async (userId: string, type: string): Promise<number> => {
    const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM notification_batch WHERE type = $1 AND $2 = ANY(recipients)`, [type, userId]);
    return row.n;
  };

  it('enrols in an OPEN course: a seat is taken and the transition is audited', async () => {
    const { offering } = await makeCourse(dataSource, { capacity: 10 });
    const { actor } = await learner();
    const enrolment = await service.enrol(actor, offering.id);
    expect(enrolment.status).toBe('ENROLLED');
    expect(enrolment.holdsSeat).toBe(true);
    expect(enrolment.countryCode).toBe('CL');
    expect(await seatsTaken(offering.id)).toBe(1);
    const trail = await events(enrolment.id);
    expect(trail.map((e) => [e.fromStatus, e.toStatus, e.actorName])).toEqual([[null, 'ENROLLED', actor.name]]);
  });

  it('refuses outside the window, unpublished courses, unknown offerings, and invitation-only courses', async () => {
    const { actor } = await learner();
    const future = await makeCourse(dataSource, { opensAt: new Date(Date.now() + 86_400_000) });
    expect((await appError(service.enrol(actor, future.offering.id))).messageKey).toBe('enrolment:closed');
    const past = await makeCourse(dataSource, { opensAt: new Date(Date.now() - 2 * 86_400_000), closesAt: new Date(Date.now() - 86_400_000) });
    expect((await appError(service.enrol(actor, past.offering.id))).messageKey).toBe('enrolment:closed');
    const draft = await makeCourse(dataSource, { status: 'DRAFT' });
    expect((await appError(service.enrol(actor, draft.offering.id))).messageKey).toBe('enrolment:closed');
    expect((await appError(service.enrol(actor, '00000000-0000-4000-8000-000000000000'))).extensions.code).toBe(ErrorCode.NotFound);
    expect((await appError(service.enrol(actor, 'nonsense'))).extensions.code).toBe(ErrorCode.NotFound);
    const invitation = await makeCourse(dataSource, { policy: 'INVITATION' });
    const refused = await appError(service.enrol(actor, invitation.offering.id));
    expect([refused.extensions.code, refused.messageKey]).toEqual([ErrorCode.Forbidden, 'enrolment:invitationOnly']);
    expect(await dataSource.getRepository(Enrolment).countBy({ userId: actor.id })).toBe(0);
    expect(await seatsTaken(future.offering.id)).toBe(0);
  });

  it('requires every prerequisite to be completed', async () => {
    const first = await makeCourse(dataSource, { title: 'Fundamentos de evaluación' });
    const second = await makeCourse(dataSource);
    await dataSource.query(`INSERT INTO course_prerequisites (course_id, prerequisite_id) VALUES ($1, $2)`, [second.course.id, first.course.id]);
    const { actor } = await learner();
    const refused = await appError(service.enrol(actor, second.offering.id));
    expect([refused.extensions.code, refused.messageKey, refused.params]).toEqual([ErrorCode.Conflict, 'enrolment:prerequisitesMissing', { names: 'Fundamentos de evaluación' }]);
    const enrolled = await service.enrol(actor, first.offering.id);
    await dataSource.query(`UPDATE enrolments SET status = 'COMPLETED' WHERE id = $1`, [enrolled.id]);
    expect((await service.enrol(actor, second.offering.id)).status).toBe('ENROLLED');
  });

  it('APPROVAL: request, then the organiser approves (seat taken) or rejects; learners cannot decide', async () => {
    const { offering } = await makeCourse(dataSource, { policy: 'APPROVAL', capacity: 5 });
    const a = await learner();
    const b = await learner();
    const requested = await service.enrol(a.actor, offering.id);
    expect([requested.status, requested.holdsSeat]).toEqual(['REQUESTED', false]);
    expect(await seatsTaken(offering.id)).toBe(0);
    expect((await appError(service.decide(a.actor, requested.id, 'APPROVE'))).extensions.code).toBe(ErrorCode.Forbidden);
    const approved = await service.decide(organiser, requested.id, 'APPROVE', 'Bienvenida');
    expect([approved.status, approved.holdsSeat]).toEqual(['APPROVED', true]);
    expect(await seatsTaken(offering.id)).toBe(1);
    expect(await notificationsFor(a.user.id, 'learning.enrolment')).toBe(1);
    expect((await appError(service.decide(organiser, requested.id, 'REJECT'))).messageKey).toBe('enrolment:notPending');

    const other = await service.enrol(b.actor, offering.id);
    const rejected = await service.decide(organiser, other.id, 'REJECT', 'Perfil no corresponde');
    expect(rejected.status).toBe('REJECTED');
    expect(await seatsTaken(offering.id)).toBe(1);
    const trail = await events(other.id);
    expect(trail.map((e) => [e.fromStatus, e.toStatus, e.note])).toEqual([
      [null, 'REQUESTED', null],
      ['REQUESTED', 'REJECTED', 'Perfil no corresponde'],
    ]);
    // A rejected person may ask again: the same row is reused.
    expect(await service.enrol(b.actor, offering.id)).toMatchObject({ id: other.id, status: 'REQUESTED' });
  });

  it('withdraw releases the seat; enrolling again reuses the same row; a duplicate enrolment is refused', async () => {
    const { offering } = await makeCourse(dataSource, { capacity: 3 });
    const { actor } = await learner();
    const enrolment = await service.enrol(actor, offering.id);
    expect((await appError(service.enrol(actor, offering.id))).messageKey).toBe('enrolment:alreadyEnrolled');
    const withdrawn = await service.withdraw(actor, enrolment.id, 'Cambio de funciones');
    expect([withdrawn.status, withdrawn.holdsSeat]).toEqual(['WITHDRAWN', false]);
    expect(await seatsTaken(offering.id)).toBe(0);
    expect((await appError(service.withdraw(actor, enrolment.id))).messageKey).toBe('enrolment:notWithdrawable');
    const again = await service.enrol(actor, offering.id);
    expect([again.id, again.status]).toEqual([enrolment.id, 'ENROLLED']);
    expect(await seatsTaken(offering.id)).toBe(1);
    expect((await events(enrolment.id)).map((e) => `${e.fromStatus}->${e.toStatus}`)).toEqual(['null->ENROLLED', 'ENROLLED->WITHDRAWN', 'WITHDRAWN->ENROLLED']);
    const stranger = await learner();
    expect((await appError(service.withdraw(stranger.actor, enrolment.id))).extensions.code).toBe(ErrorCode.NotFound);
  });

  it('waitlist: full offering waitlists; a freed seat goes to the longest-waiting person, who is told', async () => {
    const { offering } = await makeCourse(dataSource, { capacity: 1 });
    const a = await learner();
    const b = await learner();
    const c = await learner();
    const first = await service.enrol(a.actor, offering.id);
    const second = await service.enrol(b.actor, offering.id);
    const third = await service.enrol(c.actor, offering.id);
    expect([first.status, second.status, third.status]).toEqual(['ENROLLED', 'WAITLISTED', 'WAITLISTED']);
    await service.withdraw(a.actor, first.id);
    const repo = dataSource.getRepository(Enrolment);
    expect((await repo.findOneByOrFail({ id: second.id })).status).toBe('ENROLLED');
    expect((await repo.findOneByOrFail({ id: third.id })).status).toBe('WAITLISTED');
    expect(await seatsTaken(offering.id)).toBe(1);
    expect(await notificationsFor(b.user.id, 'learning.enrolment')).toBe(1);
    expect((await events(second.id)).map((e) => [e.toStatus, e.actorName])).toEqual([
      ['WAITLISTED', b.actor.name],
      ['ENROLLED', null],
    ]);
  });

  it('without a waitlist a full offering refuses', async () => {
    const { offering } = await makeCourse(dataSource, { capacity: 1, waitlist: false });
    await service.enrol((await learner()).actor, offering.id);
    const refused = await appError(service.enrol((await learner()).actor, offering.id));
    expect([refused.extensions.code, refused.messageKey]).toEqual([ErrorCode.Conflict, 'enrolment:full']);
    expect(await seatsTaken(offering.id)).toBe(1);
  });

  it('organiser removal needs a note (bad input changes nothing), frees the seat and notifies', async () => {
    const { offering } = await makeCourse(dataSource, { capacity: 2 });
    const a = await learner();
    const enrolment = await service.enrol(a.actor, offering.id);
    const bad = await appError(service.remove(organiser, enrolment.id, '   '));
    expect(bad.extensions.code).toBe(ErrorCode.BadUserInput);
    expect((await dataSource.getRepository(Enrolment).findOneByOrFail({ id: enrolment.id })).status).toBe('ENROLLED');
    expect((await appError(service.remove(a.actor, enrolment.id, 'x'))).extensions.code).toBe(ErrorCode.Forbidden);
    const removed = await service.remove(organiser, enrolment.id, 'No cumple requisitos');
    expect(removed.status).toBe('WITHDRAWN');
    expect(await seatsTaken(offering.id)).toBe(0);
    expect(await notificationsFor(a.user.id, 'learning.enrolment')).toBe(1);
    const last = (await events(enrolment.id)).at(-1)!;
    expect([last.toStatus, last.actorName, last.note]).toEqual(['WITHDRAWN', organiser.name, 'No cumple requisitos']);
  });

  /** 200 accounts in one statement (hashing 200 passwords would dominate the test). */
  async function manyLearners(n: number): Promise<LearningActor[]> {
    const run = tag();
    const rows = (await dataSource.query(
      `INSERT INTO users (email, name, password_hash, country_code, preferred_locale, email_verified_at)
       SELECT 'load.' || $1 || '.' || i || '@example.org', 'Persona ' || i, 'x', 'PE', 'es', now() FROM generate_series(1, $2::int) i
       RETURNING id, name`,
      [run, n],
    )) as Array<{ id: string; name: string }>;
    return rows.map((r) => ({ id: r.id, name: r.name, roles: [], locale: 'es' }));
  }

  it('200 concurrent enrolments for 50 seats: exactly 50 enrolled, 150 waitlisted, seats_taken = 50', async () => {
    const { offering } = await makeCourse(dataSource, { capacity: 50, waitlist: true });
    const actors = await manyLearners(200);
    const results = await Promise.allSettled(actors.map((a) => service.enrol(a, offering.id)));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const counts = (await dataSource.query(`SELECT status, count(*)::int AS n FROM enrolments WHERE offering_id = $1 GROUP BY status ORDER BY status`, [offering.id])) as Array<{
      status: string;
      n: number;
    }>;
    expect(counts).toEqual([
      { status: 'ENROLLED', n: 50 },
      { status: 'WAITLISTED', n: 150 },
    ]);
    expect(await seatsTaken(offering.id)).toBe(50);
  });

  it('200 concurrent enrolments for 50 seats without waitlist: 50 enrolled, 150 refused as full', async () => {
    const { offering } = await makeCourse(dataSource, { capacity: 50, waitlist: false });
    const actors = await manyLearners(200);
    const results = await Promise.allSettled(actors.map((a) => service.enrol(a, offering.id)));
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(150);
    expect(new Set(refused.map((r) => (r.reason as { messageKey?: string }).messageKey))).toEqual(new Set(['enrolment:full']));
    expect(await dataSource.getRepository(Enrolment).countBy({ offeringId: offering.id, status: 'ENROLLED' })).toBe(50);
    expect(await dataSource.getRepository(Enrolment).countBy({ offeringId: offering.id })).toBe(50);
    expect(await seatsTaken(offering.id)).toBe(50);
  });

  it('concurrent duplicate enrolments of one person leave exactly one row and one seat', async () => {
    const { offering } = await makeCourse(dataSource, { capacity: 10 });
    const { actor } = await learner();
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => service.enrol(actor, offering.id)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(new Set(refused.map((r) => (r.reason as { messageKey?: string }).messageKey))).toEqual(new Set(['enrolment:alreadyEnrolled']));
    expect(await dataSource.getRepository(Enrolment).countBy({ offeringId: offering.id, userId: actor.id })).toBe(1);
    expect(await seatsTaken(offering.id)).toBe(1);
  });
});
