import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { UsersService, type User } from '@alliance/server-identity';
import { ErrorCode, Role } from '@alliance/shared-core';
import { AttendanceService } from './attendance.service';
import { RegistrationsService } from './registrations.service';
import { actorOf, appError, makeWorkshop, person } from './testing/registration-fixtures';
import { createRegistrationTestApp } from './testing/registration-test-app';

describe('AttendanceService (real PostgreSQL)', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let users: UsersService;
  let attendance: AttendanceService;
  let registrations: RegistrationsService;
  let organiserUser: User;
  const saved = { ...process.env };
  const MIN = 60_000;

  beforeAll(async () => {
    Object.assign(process.env, { QUEUE_DRIVER: 'inprocess', SMTP_URL: '', PUBLIC_URL: 'https://portal.example' });
    app = await createRegistrationTestApp();
    dataSource = app.get<DataSource>(getDataSourceToken());
    users = app.get(UsersService);
    attendance = app.get(AttendanceService);
    registrations = app.get(RegistrationsService);
    organiserUser = await person(users, { roles: [Role.Organiser] });
  });

  afterAll(async () => {
    await app?.close();
    process.env = saved;
  });

  const rows = async (registrationId: string) =>
    (await dataSource.query(`SELECT session_id, method FROM workshop_attendance WHERE registration_id = $1`, [registrationId])) as Array<{ session_id: string; method: string }>;

  it('check-in: only with the right code, only from start - 15 min to the end, once per session', async () => {
    const start = Date.now() + 10 * MIN;
    const { workshop, sessions } = await makeWorkshop(dataSource, organiserUser, {
      sessions: [{ startsAt: new Date(start), endsAt: new Date(start + 60 * MIN), code: 'K7P2QX' }],
    });
    const user = await person(users);
    const actor = actorOf(user);
    const registration = await registrations.register(actor, workshop.id, [], false);
    const session = sessions[0];
    // Too early (16 minutes before), then in the window, then after the end.
    const early = await appError(attendance.checkIn(actor, session.id, 'K7P2QX', new Date(start - 16 * MIN)));
    expect([early.extensions.code, early.messageKey]).toEqual([ErrorCode.Conflict, 'workshopRegistration:checkInClosed']);
    const wrong = await appError(attendance.checkIn(actor, session.id, 'ZZZZZZ', new Date(start - 14 * MIN)));
    expect([wrong.extensions.code, wrong.messageKey]).toEqual([ErrorCode.BadUserInput, 'workshopRegistration:checkInCodeWrong']);
    expect(await rows(registration.id)).toEqual([]);
    await Promise.all([
      attendance.checkIn(actor, session.id, 'k7p-2qx', new Date(start - 14 * MIN)),
      attendance.checkIn(actor, session.id, 'K7P2QX', new Date(start + 5 * MIN)),
    ]);
    expect(await rows(registration.id)).toEqual([{ session_id: session.id, method: 'SELF' }]);
    const late = await appError(attendance.checkIn(actor, session.id, 'K7P2QX', new Date(start + 61 * MIN)));
    expect(late.messageKey).toBe('workshopRegistration:checkInClosed');
    // Someone without a confirmed registration cannot check in.
    const stranger = actorOf(await person(users));
    expect((await appError(attendance.checkIn(stranger, session.id, 'K7P2QX', new Date(start)))).messageKey).toBe('workshopRegistration:notConfirmed');
    expect((await appError(attendance.checkIn(actor, 'nonsense', 'K7P2QX'))).extensions.code).toBe(ErrorCode.NotFound);
  });

  it('organisers mark and unmark attendance; others may not; only confirmed registrations', async () => {
    const { workshop, sessions } = await makeWorkshop(dataSource, organiserUser, { capacity: 1 });
    const organiser = actorOf(organiserUser, [Role.Organiser]);
    const a = actorOf(await person(users));
    const b = actorOf(await person(users));
    const ra = await registrations.register(a, workshop.id, [], false);
    const rb = await registrations.register(b, workshop.id, [], false);
    expect(rb.status).toBe('WAITLISTED');
    await attendance.mark(organiser, sessions[0].id, ra.id, true);
    await attendance.mark(organiser, sessions[0].id, ra.id, true);
    await attendance.mark(organiser, sessions[1].id, ra.id, true);
    expect((await rows(ra.id)).map((r) => r.method)).toEqual(['ORGANISER', 'ORGANISER']);
    expect([...(await attendance.attendedSessionIds([ra.id])).get(ra.id)!].sort()).toEqual([sessions[0].id, sessions[1].id].sort());
    await attendance.mark(organiser, sessions[1].id, ra.id, false);
    expect((await rows(ra.id)).map((r) => r.session_id)).toEqual([sessions[0].id]);
    expect((await appError(attendance.mark(organiser, sessions[0].id, rb.id, true))).messageKey).toBe('workshopRegistration:notAttendable');
    expect((await appError(attendance.mark(a, sessions[0].id, ra.id, true))).extensions.code).toBe(ErrorCode.Forbidden);
  });
});
