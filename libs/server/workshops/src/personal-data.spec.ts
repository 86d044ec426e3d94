import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PersonalDataService, SessionService, UsersService, type User } from '@alliance/server-identity';
import { Role } from '@alliance/shared-core';
import { Workshop, WorkshopRegistration } from './entities';
import { RegistrationsService } from './registrations.service';
import { actorOf, makeWorkshop, person } from './testing/registration-fixtures';
import { createWorkshopsTestApp } from './testing/workshops-test-app';

describe('Workshops personal data (real PostgreSQL)', () => {
  let app: INestApplication;
  let db: DataSource;
  let users: UsersService;
  let registrations: RegistrationsService;
  let personalData: PersonalDataService;
  let organiser: User;
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, { QUEUE_DRIVER: 'inprocess', SMTP_URL: '', PUBLIC_URL: 'https://portal.example' });
    app = await createWorkshopsTestApp({ applicationName: 'workshops-personal-data-test' });
    db = app.get<DataSource>(getDataSourceToken());
    users = app.get(UsersService);
    registrations = app.get(RegistrationsService);
    personalData = app.get(PersonalDataService);
    organiser = await person(users, { name: 'Marta Organizadora', roles: [Role.Organiser] });
  });
  afterAll(async () => {
    await app?.close();
    process.env = saved;
  });

  async function sessionOf(user: User) {
    const { token } = await app.get(SessionService).create(user.id);
    return (await app.get(SessionService).resolve(token))!;
  }

  it('exports registrations with answers and, on deletion, frees an upcoming seat for the waitlist and keeps past rows', async () => {
    const { workshop: upcoming, questions } = await makeWorkshop(db, organiser, { capacity: 1, questions: [{ type: 'TEXT', required: true }] });
    const { workshop: past } = await makeWorkshop(db, organiser, { capacity: 10, questions: [{ type: 'TEXT', required: false }] });
    const leaving = await person(users, { name: 'Rosa Saliente' });
    const waiting = await person(users, { name: 'Tomás Esperando' });
    const answer = [{ questionId: questions[0].id, value: 'Docente rural' }];
    const mine = await registrations.register(actorOf(leaving), upcoming.id, answer, true);
    const theirs = await registrations.register(actorOf(waiting), upcoming.id, [{ questionId: questions[0].id, value: 'Director' }], true);
    const held = await registrations.register(actorOf(leaving), past.id, [], true);
    await db.query(`UPDATE workshops SET status = 'HELD', held_at = now() WHERE id = $1`, [past.id]);
    expect([mine.status, theirs.status, held.status]).toEqual(['CONFIRMED', 'WAITLISTED', 'CONFIRMED']);

    const exported = (await personalData.export(leaving.id)) as { sections: { workshops: { registrations: Array<{ id: string; answers: unknown; status: string }> } } };
    const rows = exported.sections.workshops.registrations;
    expect(rows.map((r) => r.id).sort()).toEqual([mine.id, held.id].sort());
    expect(rows.find((r) => r.id === mine.id)?.answers).toEqual(answer);
    // Only this person's data: the other registrant appears nowhere.
    expect(JSON.stringify(exported)).not.toContain('Tomás');
    expect(JSON.stringify(exported)).not.toContain(waiting.email);

    await personalData.deleteAccount(await sessionOf(leaving), { password: 'correct horse battery' });

    const after = async (id: string) => db.getRepository(WorkshopRegistration).findOneByOrFail({ id });
    expect(await after(mine.id)).toMatchObject({ status: 'CANCELLED', holdsSeat: false, answers: [], consentToList: false });
    // The seat went to the waiting person, exactly as a cancellation passes it on.
    expect(await after(theirs.id)).toMatchObject({ status: 'CONFIRMED', holdsSeat: true });
    expect((await db.getRepository(Workshop).findOneByOrFail({ id: upcoming.id })).seatsTaken).toBe(1);
    const told = await db.query(`SELECT data FROM notification_batch WHERE type = 'workshop.registration' AND $1 = ANY(recipients)`, [waiting.id]);
    expect(told.map((r: { data: { status: string } }) => r.data.status)).toContain('CONFIRMED');
    // The held workshop keeps its registration (figures and attendance count it), without personal answers.
    expect(await after(held.id)).toMatchObject({ status: 'CONFIRMED', answers: [], consentToList: false });
    expect(await db.getRepository(WorkshopRegistration).countBy({ workshopId: upcoming.id })).toBe(2);
    const events = await db.query(`SELECT from_status, to_status FROM workshop_registration_events WHERE registration_id = $1 ORDER BY created_at`, [mine.id]);
    expect(events.at(-1)).toEqual({ from_status: 'CONFIRMED', to_status: 'CANCELLED' });
  });

  it('blanks the name copied into events and removes organiser rights', async () => {
    const { workshop } = await makeWorkshop(db, organiser, { capacity: 5 });
    const manager = await person(users, { name: 'Ana Gestora', roles: [Role.Organiser] });
    await db.query(`INSERT INTO workshop_organisers (workshop_id, user_id) VALUES ($1, $2)`, [workshop.id, manager.id]);
    const someone = await person(users);
    const registration = await registrations.register(actorOf(someone), workshop.id, [], false);
    await registrations.cancel(actorOf(manager, [Role.Organiser]), registration.id);
    expect(await db.query(`SELECT actor_name FROM workshop_registration_events WHERE actor_id = $1`, [manager.id])).toEqual([{ actor_name: 'Ana Gestora' }]);
    await personalData.deleteAccount(await sessionOf(manager), { password: 'correct horse battery' });
    expect(await db.query(`SELECT actor_name FROM workshop_registration_events WHERE actor_id = $1`, [manager.id])).toEqual([{ actor_name: 'Deleted account' }]);
    expect(await db.query(`SELECT count(*)::int AS n FROM workshop_organisers WHERE user_id = $1`, [manager.id])).toEqual([{ n: 0 }]);
  });
});
