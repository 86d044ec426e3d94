import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { UsersService, type User } from '@alliance/server-identity';
import { ErrorCode, Role } from '@alliance/shared-core';
import { PollService } from './poll.service';
import { RegistrationsService } from './registrations.service';
import type { WorkshopActor } from './util';
import { actorOf, appError, makeWorkshop, person } from './testing/registration-fixtures';
import { createRegistrationTestApp } from './testing/registration-test-app';

describe('PollService (real PostgreSQL)', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let users: UsersService;
  let polls: PollService;
  let registrations: RegistrationsService;
  let organiserUser: User;
  let organiser: WorkshopActor;
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, { QUEUE_DRIVER: 'inprocess', SMTP_URL: '', PUBLIC_URL: 'https://portal.example' });
    app = await createRegistrationTestApp();
    dataSource = app.get<DataSource>(getDataSourceToken());
    users = app.get(UsersService);
    polls = app.get(PollService);
    registrations = app.get(RegistrationsService);
    organiserUser = await person(users, { roles: [Role.Organiser] });
    organiser = actorOf(organiserUser, [Role.Organiser]);
  });

  afterAll(async () => {
    await app?.close();
    process.env = saved;
  });

  const actions = (...titles: string[]) => titles.map((t) => ({ title: [{ locale: 'es', value: t }] }));

  async function confirmed(workshopId: string, n: number): Promise<WorkshopActor[]> {
    const out: WorkshopActor[] = [];
    for (let i = 0; i < n; i++) {
      const actor = actorOf(await person(users));
      await registrations.register(actor, workshopId, [], false);
      out.push(actor);
    }
    return out;
  }

  it('RANK: Borda count on a known example; replacing a ballot; only confirmed, only while open', async () => {
    const { workshop } = await makeWorkshop(dataSource, organiserUser, { capacity: 5 });
    await polls.savePoll(organiser, workshop.id, 'RANK', null, actions('A', 'B', 'C', 'D'));
    const ids = (await polls.view(workshop.id)).actions.map((a) => a.id);
    const [A, B, C, D] = ids;
    const voters = await confirmed(workshop.id, 5);
    const waiting = actorOf(await person(users));
    await dataSource.query(`UPDATE workshops SET capacity = seats_taken WHERE id = $1`, [workshop.id]);
    expect((await registrations.register(waiting, workshop.id, [], false)).status).toBe('WAITLISTED');

    expect((await appError(polls.submitBallot(voters[0], workshop.id, [A, B, C, D]))).messageKey).toBe('workshopRegistration:pollNotOpen');
    await polls.openPoll(organiser, workshop.id);
    expect((await appError(polls.savePoll(organiser, workshop.id, 'VOTE', 1, actions('X', 'Y')))).messageKey).toBe('workshopRegistration:pollAlreadyOpened');
    expect((await appError(polls.submitBallot(waiting, workshop.id, [A, B, C, D]))).messageKey).toBe('workshopRegistration:notConfirmed');
    expect((await appError(polls.submitBallot(voters[0], workshop.id, [A, B, C]))).messageKey).toBe('workshopRegistration:ballotRankAll');

    // First a ballot that is then replaced.
    await polls.submitBallot(voters[0], workshop.id, [D, C, B, A]);
    const ballots = [
      [A, B, C, D],
      [A, C, B, D],
      [B, C, A, D],
      [C, B, D, A],
      [B, A, C, D],
    ];
    for (const [i, ballot] of ballots.entries()) await polls.submitBallot(voters[i], workshop.id, ballot);
    expect(await polls.myBallot(workshop.id, voters[0].id)).toEqual([A, B, C, D]);
    const view = await polls.view(workshop.id);
    expect([view.open, view.ballots]).toEqual([true, 5]);
    const results = await polls.results(view.workshop);
    expect(results.map((r) => [r.actionId, r.points, r.ballots, r.rank])).toEqual([
      [B, 11, 5, 1],
      [A, 9, 5, 2],
      [C, 9, 5, 2],
      [D, 1, 5, 4],
    ]);

    await polls.closePoll(organiser, workshop.id);
    expect((await appError(polls.submitBallot(voters[1], workshop.id, [D, C, B, A]))).messageKey).toBe('workshopRegistration:pollAlreadyClosed');

    // Top actions become follow-ups, once.
    const carried = await polls.carryTopActions(organiser, workshop.id, 2);
    expect(carried.map((f) => [f.title, f.actionId, f.status])).toEqual([
      ['B', B, 'OPEN'],
      ['A', A, 'OPEN'],
    ]);
    expect((await polls.carryTopActions(organiser, workshop.id, 3)).map((f) => f.id).slice(0, 2)).toEqual(carried.map((f) => f.id));
    const edited = await polls.saveFollowUp(organiser, workshop.id, carried[0].id, { title: 'Plan regional', owner: 'Grupo técnico', dueOn: '2026-06-30', status: 'DONE', actionId: B });
    expect([edited.title, edited.owner, edited.dueOn, edited.status]).toEqual(['Plan regional', 'Grupo técnico', '2026-06-30', 'DONE']);
    expect((await appError(polls.saveFollowUp(organiser, workshop.id, null, { title: 'x', dueOn: '2026-02-30' }))).extensions.code).toBe(ErrorCode.BadUserInput);
    expect((await polls.followUps(voters[0], workshop.id)).length).toBe(3);
    expect((await appError(polls.followUps(waiting, workshop.id))).extensions.code).toBe(ErrorCode.Forbidden);
  });

  it('VOTE: up to maxVotes distinct actions, one point each', async () => {
    const { workshop } = await makeWorkshop(dataSource, organiserUser, { capacity: 5 });
    expect((await appError(polls.savePoll(organiser, workshop.id, 'VOTE', 4, actions('X', 'Y', 'Z')))).extensions.code).toBe(ErrorCode.BadUserInput);
    expect((await appError(polls.savePoll(organiser, workshop.id, 'VOTE', 1, actions('X')))).messageKey).toBe('workshopRegistration:pollActionsRequired');
    await polls.savePoll(organiser, workshop.id, 'VOTE', 2, actions('X', 'Y', 'Z'));
    const [X, Y, Z] = (await polls.view(workshop.id)).actions.map((a) => a.id);
    await polls.openPoll(organiser, workshop.id);
    const [v1, v2, v3] = await confirmed(workshop.id, 3);
    expect((await appError(polls.submitBallot(v1, workshop.id, [X, Y, Z]))).messageKey).toBe('workshopRegistration:ballotVoteCount');
    await polls.submitBallot(v1, workshop.id, [X, Y]);
    await polls.submitBallot(v2, workshop.id, [Y]);
    await polls.submitBallot(v3, workshop.id, [Y, Z]);
    const results = await polls.results((await polls.view(workshop.id)).workshop);
    expect(results.map((r) => [r.actionId, r.points, r.ballots, r.rank])).toEqual([
      [Y, 3, 3, 1],
      [X, 1, 1, 2],
      [Z, 1, 1, 2],
    ]);
    expect((await appError(polls.openPoll(v1, workshop.id))).extensions.code).toBe(ErrorCode.Forbidden);
  });
});
