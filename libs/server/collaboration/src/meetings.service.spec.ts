import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DateTime } from 'luxon';
import type { SessionUser } from '@alliance/server-graphql';
import { appError, UsersService } from '@alliance/server-identity';
import { ErrorCode, Role } from '@alliance/shared-core';
import { CollaborationAccessService, type CollaborationViewer } from './access';
import { MeetingsService, meetingReminderKey } from './meetings.service';
import { createCollaborationTestApp } from './testing/collaboration-test-app';
import { grantOrganisationRole, insertSpace, makeMinistry, makePerson } from './testing/collaboration-fixtures';

/** A wall-clock time in `zone`, `hours` from now (rounded to the minute), as the form sends it. */
const wallClock = (hours: number, zone = 'America/Lima'): string => DateTime.now().plus({ hours }).setZone(zone).startOf('minute').toFormat("yyyy-MM-dd'T'HH:mm");

interface ReminderRow {
  key: string;
  run_at: Date;
  user_ids: string[];
  type: string;
  data: Record<string, string | number>;
  link: string;
  version: number;
}

describe('MeetingsService (real PostgreSQL)', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let meetings: MeetingsService;
  let access: CollaborationAccessService;
  let users: UsersService;
  const saved = { ...process.env };

  // One table between two ministries: the requester's participant organises; the invited one's does not.
  let organiser: SessionUser;
  let member: SessionUser;
  let moderator: SessionUser;
  let outsider: SessionUser;
  let otherSpaceMember: SessionUser;
  let representative: SessionUser;
  let admin: SessionUser;
  let spaceId: string;
  let otherSpaceId: string;

  const as = (user: SessionUser | undefined): CollaborationViewer | undefined => access.viewerFor(user, 'es');
  const input = (overrides: Record<string, unknown> = {}) => ({
    title: 'Sesión 1: evaluación formativa',
    startsAtLocal: wallClock(72),
    timeZone: 'America/Lima',
    durationMinutes: 90,
    link: 'https://meet.example.org/mesa-evaluacion',
    agenda: '1. Presentaciones\n2. Experiencias de **Perú** y **Chile**',
    ...overrides,
  });
  const reminders = async (meetingId: string): Promise<ReminderRow[]> =>
    dataSource.query(`SELECT key, run_at, user_ids, type, data, link, version FROM reminder WHERE key LIKE $1 ORDER BY key`, [`collab-meeting:${meetingId}:%`]);
  const meetingBatches = async (): Promise<Array<{ recipients: string[]; data: Record<string, string>; link: string; dedupe_key: string }>> =>
    dataSource.query(`SELECT recipients, data, link, dedupe_key FROM notification_batch WHERE type = 'collaboration.meeting' AND data->>'space' = $1 ORDER BY created_at`, [
      spaceTitle,
    ]);
  let spaceTitle: string;

  beforeAll(async () => {
    Object.assign(process.env, { QUEUE_DRIVER: 'inprocess', SMTP_URL: '', PUBLIC_URL: 'https://portal.example' });
    app = await createCollaborationTestApp('collaboration-meetings-test');
    dataSource = app.get<DataSource>(getDataSourceToken());
    meetings = app.get(MeetingsService);
    access = app.get(CollaborationAccessService);
    users = app.get(UsersService);
    organiser = await makePerson(users, 'Rosa Quispe', [], 'PE');
    member = await makePerson(users, 'Camila Fuentes', [], 'CL');
    moderator = await makePerson(users, 'Marcelo Moderador', [Role.Moderator], 'AR');
    outsider = await makePerson(users, 'Olga Externa', [], 'CO');
    otherSpaceMember = await makePerson(users, 'Pedro Otra Mesa', [], 'UY');
    representative = await makePerson(users, 'Ricardo Representante', [], 'CL');
    admin = await makePerson(users, 'Ada Administradora', [Role.Admin], 'PA');
    const peru = await makeMinistry(dataSource, 'PE');
    const chile = await makeMinistry(dataSource, 'CL');
    await grantOrganisationRole(dataSource, representative.id, chile, 'REPRESENTATIVE');
    spaceTitle = `Evaluación formativa PE-CL ${Date.now()}`;
    ({ spaceId } = await insertSpace(dataSource, {
      title: spaceTitle,
      moderatorId: moderator.id,
      parties: [
        { organisationId: peru, participantIds: [organiser.id] },
        { organisationId: chile, participantIds: [member.id] },
      ],
    }));
    const uruguay = await makeMinistry(dataSource, 'UY');
    ({ spaceId: otherSpaceId } = await insertSpace(dataSource, { parties: [{ organisationId: uruguay, participantIds: [otherSpaceMember.id] }] }));
  });

  afterAll(async () => {
    await app?.close();
    process.env = saved;
  });

  it('validates the session: past start, unknown zone, non-https links, a wall-clock time that does not exist', async () => {
    const past = await appError(meetings.schedule(as(organiser), spaceId, input({ startsAtLocal: wallClock(-2) })));
    expect(past.extensions.code).toBe(ErrorCode.BadUserInput);
    expect(past.extensions.fields).toEqual([{ field: 'startsAtLocal', key: 'collaborationMeetings:startsInPast' }]);

    const zone = await appError(meetings.schedule(as(organiser), spaceId, input({ timeZone: 'Mars/Olympus_Mons' })));
    expect((zone.extensions.fields as Array<{ field: string; key: string }>).map((f) => [f.field, f.key])).toEqual([['timeZone', 'collaborationMeetings:timeZoneInvalid']]);

    for (const link of ['http://meet.example.org/x', 'javascript:alert(1)', 'https://user:secret@meet.example.org/x']) {
      const bad = await appError(meetings.schedule(as(organiser), spaceId, input({ link })));
      expect((bad.extensions.fields as Array<{ field: string; key: string }>).map((f) => [f.field, f.key])).toEqual([['link', 'collaborationMeetings:linkInvalid']]);
    }

    const shape = await appError(meetings.schedule(as(organiser), spaceId, input({ startsAtLocal: '10/03/2027 09:00', durationMinutes: 2, title: '  ' })));
    expect((shape.extensions.fields as Array<{ field: string; key: string }>).map((f) => f.key).sort()).toEqual([
      'collaborationMeetings:durationInvalid',
      'collaborationMeetings:startsAtInvalid',
      'collaborationMeetings:titleInvalid',
    ]);

    // 14 March 2027, 02:30 never happens in New York (clocks jump from 02:00 to 03:00).
    const gap = await appError(meetings.schedule(as(organiser), spaceId, input({ startsAtLocal: '2027-03-14T02:30', timeZone: 'America/New_York' })));
    expect((gap.extensions.fields as Array<{ field: string; key: string }>).map((f) => [f.field, f.key])).toEqual([['startsAtLocal', 'collaborationMeetings:startsAtInvalid']]);

    // A member who does not organise may read sessions but not schedule them.
    const notOrganiser = await appError(meetings.schedule(as(member), spaceId, input()));
    expect(notOrganiser.extensions.code).toBe(ErrorCode.Forbidden);
    expect(notOrganiser.extensions.messageKey).toBe('collaborationMeetings:organisersOnly');

    expect(await dataSource.query(`SELECT 1 FROM collab_meetings WHERE space_id = $1`, [spaceId])).toEqual([]);
  });

  it('schedules a session in the zone it was typed in, notifies the others and sets both reminders', async () => {
    const startsAtLocal = wallClock(72, 'America/Santiago');
    const meeting = await meetings.schedule(as(organiser), spaceId, input({ startsAtLocal, timeZone: 'America/Santiago' }));
    const expected = DateTime.fromISO(startsAtLocal, { zone: 'America/Santiago' });
    expect(meeting.startsAt.toISOString()).toBe(expected.toUTC().toISO());
    expect(meeting.startsAtLocal).toBe(startsAtLocal);
    expect(meeting.endsAt.getTime() - meeting.startsAt.getTime()).toBe(90 * 60_000);
    expect(meeting.agendaHtml).toContain('<strong>Perú</strong>');
    expect(meeting).toMatchObject({ canEdit: true, canCancel: true, canRecordOutcome: false, started: false, cancelledAt: null });

    const rows = await reminders(meeting.id);
    expect(rows.map((r) => r.key)).toEqual([meetingReminderKey(meeting.id, '1h'), meetingReminderKey(meeting.id, '24h')]);
    const when = `${expected.toFormat('yyyy-MM-dd HH:mm')} (America/Santiago, UTC${expected.toFormat('ZZ')})`;
    for (const row of rows) {
      const hours = row.key.endsWith('24h') ? 24 : 1;
      expect(new Date(row.run_at).getTime()).toBe(meeting.startsAt.getTime() - hours * 3_600_000);
      expect([...row.user_ids].sort()).toEqual([organiser.id, member.id, moderator.id].sort());
      expect(row.type).toBe('collaboration.reminder');
      expect(row.data).toEqual({ space: spaceTitle, meeting: 'Sesión 1: evaluación formativa', when, hours });
      expect(row.link).toBe(`/tables/${spaceId}?tab=sessions`);
    }

    const [batch] = (await meetingBatches()).filter((b) => b.dedupe_key === `collab-meeting:${meeting.id}:scheduled`);
    expect([...batch.recipients].sort()).toEqual([member.id, moderator.id].sort());
    expect(batch.data).toEqual({ space: spaceTitle, meeting: 'Sesión 1: evaluación formativa', when, change: 'SCHEDULED' });
    expect(batch.link).toBe(`/tables/${spaceId}?tab=sessions`);
  });

  it('schedules no reminder whose time has passed', async () => {
    const soon = await meetings.schedule(as(organiser), spaceId, input({ title: 'Sesión urgente', startsAtLocal: wallClock(3) }));
    expect((await reminders(soon.id)).map((r) => r.key)).toEqual([meetingReminderKey(soon.id, '1h')]);
  });

  it('moving a session moves its reminders and notifies; other edits do not notify; cancelling removes the reminders and notifies', async () => {
    const meeting = await meetings.schedule(as(organiser), spaceId, input({ title: 'Sesión 2' }));
    const before = await reminders(meeting.id);
    const batchesBefore = (await meetingBatches()).length;

    const edited = await meetings.update(as(moderator), meeting.id, input({ title: 'Sesión 2', agenda: 'Agenda revisada' }));
    expect(edited.agenda).toBe('Agenda revisada');
    expect(await meetingBatches()).toHaveLength(batchesBefore);

    const moved = await meetings.update(as(organiser), meeting.id, input({ title: 'Sesión 2', startsAtLocal: wallClock(120) }));
    expect(moved.startsAt.getTime()).toBeGreaterThan(meeting.startsAt.getTime());
    const after = await reminders(meeting.id);
    expect(after).toHaveLength(2);
    for (const row of after) {
      const hours = row.key.endsWith('24h') ? 24 : 1;
      expect(new Date(row.run_at).getTime()).toBe(moved.startsAt.getTime() - hours * 3_600_000);
      expect(row.version).toBeGreaterThan(before.find((b) => b.key === row.key)!.version);
    }
    const batches = await meetingBatches();
    expect(batches).toHaveLength(batchesBefore + 1);
    expect(batches.at(-1)!.dedupe_key).toMatch(new RegExp(`^collab-meeting:${meeting.id}:moved:`));
    expect([...batches.at(-1)!.recipients].sort()).toEqual([member.id, moderator.id].sort());

    const cancelled = await meetings.cancel(as(organiser), meeting.id);
    expect(cancelled.cancelledAt).toBeInstanceOf(Date);
    expect(cancelled).toMatchObject({ canEdit: false, canCancel: false });
    expect(await reminders(meeting.id)).toEqual([]);
    expect((await meetingBatches()).at(-1)!.dedupe_key).toBe(`collab-meeting:${meeting.id}:cancelled`);

    expect((await appError(meetings.cancel(as(organiser), meeting.id))).extensions.messageKey).toBe('collaborationMeetings:cancelled');
    expect((await appError(meetings.update(as(organiser), meeting.id, input()))).extensions.messageKey).toBe('collaborationMeetings:cancelled');
  });

  it('rescheduleReminders re-points the reminders at the current lists after a participant is removed', async () => {
    const upcoming = await meetings.schedule(as(organiser), spaceId, input({ title: 'Sesión 3' }));
    const cancelled = await meetings.schedule(as(organiser), spaceId, input({ title: 'Sesión cancelada' }));
    await meetings.cancel(as(organiser), cancelled.id);
    expect((await reminders(upcoming.id)).every((r) => r.user_ids.includes(member.id))).toBe(true);

    await dataSource.query(`DELETE FROM collab_space_participants WHERE space_id = $1 AND user_id = $2`, [spaceId, member.id]);
    try {
      await dataSource.transaction((manager) => meetings.rescheduleReminders(manager, spaceId));
      const rows = await reminders(upcoming.id);
      expect(rows).toHaveLength(2);
      for (const row of rows) expect([...row.user_ids].sort()).toEqual([organiser.id, moderator.id].sort());
      expect(await reminders(cancelled.id)).toEqual([]);
    } finally {
      const [{ id: partyId }] = await dataSource.query(`SELECT p.id FROM collab_space_parties p JOIN organisations o ON o.id = p.organisation_id WHERE p.space_id = $1 AND o.country_code = 'CL'`, [spaceId]);
      await dataSource.query(`INSERT INTO collab_space_participants (space_id, party_id, user_id) VALUES ($1, $2, $3)`, [spaceId, partyId, member.id]);
      await dataSource.transaction((manager) => meetings.rescheduleReminders(manager, spaceId));
    }
    expect((await reminders(upcoming.id)).every((r) => r.user_ids.includes(member.id))).toBe(true);
  });

  it('lists upcoming sessions soonest first and past ones most recent first, with pages', async () => {
    const { spaceId: listSpace } = await insertSpace(dataSource, {
      moderatorId: moderator.id,
      parties: [
        { organisationId: await makeMinistry(dataSource, 'PE'), participantIds: [organiser.id] },
        { organisationId: await makeMinistry(dataSource, 'CL'), participantIds: [member.id] },
      ],
    });
    const later = await meetings.schedule(as(organiser), listSpace, input({ title: 'Más tarde', startsAtLocal: wallClock(200) }));
    const sooner = await meetings.schedule(as(organiser), listSpace, input({ title: 'Antes', startsAtLocal: wallClock(50) }));
    const old = await meetings.schedule(as(organiser), listSpace, input({ title: 'Hace un mes', startsAtLocal: wallClock(60) }));
    const older = await meetings.schedule(as(organiser), listSpace, input({ title: 'Hace dos meses', startsAtLocal: wallClock(70) }));
    await dataSource.query(`UPDATE collab_meetings SET starts_at = now() - interval '30 days' WHERE id = $1`, [old.id]);
    await dataSource.query(`UPDATE collab_meetings SET starts_at = now() - interval '60 days' WHERE id = $1`, [older.id]);

    const first = await meetings.list(as(member), listSpace, 'UPCOMING', { first: 1 });
    expect(first.totalCount).toBe(2);
    expect(first.edges.map((e) => e.node.title)).toEqual(['Antes']);
    const second = await meetings.list(as(member), listSpace, 'UPCOMING', { first: 1, after: first.pageInfo.endCursor });
    expect(second.edges.map((e) => e.node.id)).toEqual([later.id]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(sooner.id).toBe(first.edges[0].node.id);

    const past = await meetings.list(as(member), listSpace, 'PAST', {});
    expect(past.edges.map((e) => e.node.title)).toEqual(['Hace un mes', 'Hace dos meses']);
    expect(past.edges.every((e) => e.node.started && !e.node.canEdit)).toBe(true);
    // The member sees sessions but may not change them; the organiser may add the outcome.
    const organiserView = await meetings.list(as(organiser), listSpace, 'PAST', {});
    expect(organiserView.edges[0].node).toMatchObject({ canEdit: true, canCancel: false, canRecordOutcome: true });
  });

  it('takes the recording and the notes only once the session has started, and sanitises the notes', async () => {
    const meeting = await meetings.schedule(as(organiser), spaceId, input({ title: 'Sesión con acta' }));
    const early = await appError(meetings.recordOutcome(as(organiser), meeting.id, { recordingUrl: 'https://video.example.org/1', notes: 'Acta' }));
    expect(early.extensions.code).toBe(ErrorCode.Conflict);
    expect(early.extensions.messageKey).toBe('collaborationMeetings:notStarted');

    await dataSource.query(`UPDATE collab_meetings SET starts_at = now() - interval '2 hours' WHERE id = $1`, [meeting.id]);
    const badLink = await appError(meetings.recordOutcome(as(organiser), meeting.id, { recordingUrl: 'http://video.example.org/1' }));
    expect((badLink.extensions.fields as Array<{ field: string; key: string }>).map((f) => [f.field, f.key])).toEqual([['recordingUrl', 'collaborationMeetings:recordingInvalid']]);

    const done = await meetings.recordOutcome(as(organiser), meeting.id, {
      recordingUrl: 'https://video.example.org/sesion-1',
      notes: '## Acuerdos\n\n- Compartir el informe <script>alert(1)</script>\n\n<img src="https://x.example/a.png" onerror="alert(2)">\n\n[enlace](javascript:alert(3))',
    });
    expect(done.recordingUrl).toBe('https://video.example.org/sesion-1');
    expect(done.notes).toContain('<script>');
    expect(done.notesHtml).toContain('<h2>Acuerdos</h2>');
    expect(done.notesHtml).not.toMatch(/<script|onerror|javascript:/i);
    // Its start has passed: it can no longer be moved or cancelled.
    expect((await appError(meetings.cancel(as(organiser), meeting.id))).extensions.messageKey).toBe('collaborationMeetings:alreadyStarted');
    expect((await appError(meetings.update(as(organiser), meeting.id, input({ title: 'Sesión con acta', startsAtLocal: wallClock(24) })))).extensions.messageKey).toBe(
      'collaborationMeetings:alreadyStarted',
    );
  });

  it('answers NOT_FOUND to outsiders, members of another space, representatives off the list and signed-out callers, for every query and mutation', async () => {
    const meeting = await meetings.schedule(as(organiser), spaceId, input({ title: 'Sesión privada' }));
    const strangers: Array<[string, CollaborationViewer | undefined]> = [
      ['outsider', as(outsider)],
      ['member of another space', as(otherSpaceMember)],
      ['representative not on the list (overview)', as(representative)],
      ['signed out', undefined],
    ];
    for (const [who, viewer] of strangers) {
      const calls: Array<[string, () => Promise<unknown>]> = [
        ['spaceMeetings UPCOMING', () => meetings.list(viewer, spaceId, 'UPCOMING', {})],
        ['spaceMeetings PAST', () => meetings.list(viewer, spaceId, 'PAST', {})],
        ['spaceMeetingScheduling', () => meetings.scheduling(viewer, spaceId)],
        ['scheduleSpaceMeeting', () => meetings.schedule(viewer, spaceId, input())],
        ['updateSpaceMeeting', () => meetings.update(viewer, meeting.id, input())],
        ['cancelSpaceMeeting', () => meetings.cancel(viewer, meeting.id)],
        ['recordSpaceMeetingOutcome', () => meetings.recordOutcome(viewer, meeting.id, { notes: 'x' })],
      ];
      for (const [name, call] of calls) {
        const error = await appError(call());
        expect(`${who} ${name}: ${error.extensions?.code} ${error.extensions?.messageKey}`).toBe(`${who} ${name}: NOT_FOUND collaboration:notFound`);
      }
    }
    // Missing and malformed ids give the same answer.
    for (const call of [
      () => meetings.list(as(organiser), '00000000-0000-4000-8000-000000000000', 'UPCOMING', {}),
      () => meetings.cancel(as(organiser), '00000000-0000-4000-8000-000000000000'),
      () => meetings.update(as(organiser), 'not-an-id', input()),
    ]) {
      expect((await appError(call())).extensions.messageKey).toBe('collaboration:notFound');
    }
    // The other space's member sees their own space, and nothing leaked into it.
    expect((await meetings.list(as(otherSpaceMember), otherSpaceId, 'UPCOMING', {})).totalCount).toBe(0);
    // Administrators organise every space.
    expect((await meetings.scheduling(as(admin), spaceId)).canSchedule).toBe(true);
  });

  it('closed spaces are read-only: every write is refused, reads still work, reminders go', async () => {
    const { spaceId: closing } = await insertSpace(dataSource, {
      moderatorId: moderator.id,
      parties: [{ organisationId: await makeMinistry(dataSource, 'PE'), participantIds: [organiser.id, member.id] }],
    });
    const meeting = await meetings.schedule(as(organiser), closing, input({ title: 'Antes del cierre' }));
    const started = await meetings.schedule(as(organiser), closing, input({ title: 'Ya empezó' }));
    await dataSource.query(`UPDATE collab_meetings SET starts_at = now() - interval '1 hour' WHERE id = $1`, [started.id]);
    await dataSource.query(`UPDATE collab_spaces SET status = 'CLOSED', closed_at = now() WHERE id = $1`, [closing]);

    for (const call of [
      () => meetings.schedule(as(organiser), closing, input()),
      () => meetings.update(as(organiser), meeting.id, input()),
      () => meetings.cancel(as(organiser), meeting.id),
      () => meetings.recordOutcome(as(organiser), started.id, { notes: 'Acta' }),
    ]) {
      const error = await appError(call());
      expect(`${error.extensions.code} ${error.extensions.messageKey}`).toBe('CONFLICT collaboration:closedReadOnly');
    }
    const list = await meetings.list(as(member), closing, 'UPCOMING', {});
    // The started session lasts 90 minutes, so it is still under way: upcoming until it ends.
    expect(list.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ id: started.id, started: true, canRecordOutcome: false }),
      expect.objectContaining({ id: meeting.id, canEdit: false, canCancel: false }),
    ]);
    expect((await meetings.scheduling(as(organiser), closing)).canSchedule).toBe(false);

    await dataSource.transaction((manager) => meetings.rescheduleReminders(manager, closing));
    expect(await reminders(meeting.id)).toEqual([]);
  });

  it('refuses sessions in a table that is not open yet', async () => {
    const { spaceId: requested } = await insertSpace(dataSource, {
      status: 'REQUESTED',
      parties: [{ organisationId: await makeMinistry(dataSource, 'PE'), participantIds: [organiser.id] }],
    });
    const error = await appError(meetings.schedule(as(organiser), requested, input()));
    expect(`${error.extensions.code} ${error.extensions.messageKey}`).toBe('CONFLICT collaborationMeetings:spaceNotOpen');
  });
});
