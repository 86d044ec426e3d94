import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { AppError, LoaderRegistry, type RequestContext, type SessionUser } from '@alliance/server-graphql';
import { appError, UsersService } from '@alliance/server-identity';
import { Role } from '@alliance/shared-core';
import { CollaborationAccessService, type CollaborationViewer } from './access';
import { CollaborationSpace } from './entities';
import { GroupsResolver } from './groups.resolver';
import { GroupsService } from './groups.service';
import { MeetingsService } from './meetings.service';
import { createCollaborationTestApp } from './testing/collaboration-test-app';
import { grantOrganisationRole, insertSpace, makeMinistry, makePerson } from './testing/collaboration-fixtures';

const fieldsOf = (e: AppError) => (e.extensions.fields as Array<{ field: string; key: string; params?: Record<string, string> }>) ?? [];
const codeOf = (e: AppError) => e.extensions.code;

describe('technical groups (real PostgreSQL)', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let groups: GroupsService;
  let resolver: GroupsResolver;
  let access: CollaborationAccessService;
  let users: UsersService;
  let meetings: MeetingsService;
  let today: string;
  const saved = { ...process.env };

  // People: a moderator, an administrator, a plain user, and for each of four ministries a
  // representative and two participants.
  let moderator: SessionUser;
  let admin: SessionUser;
  let outsider: SessionUser;
  let otherModerator: SessionUser;
  const ministries: Record<string, string> = {};
  const reps: Record<string, SessionUser> = {};
  const people: Record<string, SessionUser[]> = {};

  const viewer = (user: SessionUser | undefined): CollaborationViewer | undefined => access.viewerFor(user, 'es');
  const ctxOf = (user: SessionUser | undefined) => ({ user, locale: 'es', loaders: new LoaderRegistry() }) as unknown as RequestContext;
  const day = (months: number, days = 0) => DateTime.fromISO(today, { zone: 'utc' }).plus({ months, days }).toISODate()!;
  const firstOfMonth = (months: number) => DateTime.fromISO(today, { zone: 'utc' }).startOf('month').plus({ months }).toISODate()!;
  const periods = async (spaceId: string) =>
    (await dataSource.query(
      `SELECT id, party_id, country_code, starts_on::text AS starts_on, ends_on::text AS ends_on FROM collab_coordinations WHERE space_id = $1 ORDER BY starts_on`,
      [spaceId],
    )) as Array<{ id: string; party_id: string; country_code: string; starts_on: string; ends_on: string }>;
  const countries = (rows: Array<{ countryCode?: string; country_code?: string }>) => rows.map((r) => (r.countryCode ?? r.country_code)!.trim());

  /** The group as the resolver serves it (all its fields) to `user`, or null. */
  async function read(user: SessionUser | undefined, id: string) {
    const ctx = ctxOf(user);
    const group = await resolver.technicalGroup(ctx, id);
    if (!group) return null;
    const [moderatorField, members, currentCoordination, pastCoordinations, nextCoordination, history] = await Promise.all([
      resolver.moderator(group, ctx),
      resolver.members(group, ctx),
      resolver.currentCoordination(group, ctx),
      resolver.pastCoordinations(group, ctx),
      resolver.nextCoordination(group, ctx),
      resolver.history(group, ctx),
    ]);
    return { ...group, moderator: moderatorField, members, currentCoordination, pastCoordinations, nextCoordination, history };
  }

  const input = (overrides: Record<string, unknown> = {}) => ({
    title: 'Grupo Técnico de Educación',
    description: 'Fortalecer la integración educativa mediante acciones de cooperación entre los ministerios.',
    timeZone: 'America/Lima',
    rotationMonths: 6,
    rotationStartsOn: day(-14),
    members: ['MX', 'CO', 'PE', 'CL'].map((c) => ({ organisationId: ministries[c], participantEmails: people[c].slice(0, 2).map((p) => p.email) })),
    ...overrides,
  });

  beforeAll(async () => {
    Object.assign(process.env, { QUEUE_DRIVER: 'inprocess', SMTP_URL: '' });
    app = await createCollaborationTestApp('groups-spec');
    dataSource = app.get<DataSource>(getDataSourceToken());
    groups = app.get(GroupsService);
    resolver = app.get(GroupsResolver);
    access = app.get(CollaborationAccessService);
    users = app.get(UsersService);
    meetings = app.get(MeetingsService);
    [{ today }] = await dataSource.query(`SELECT current_date::text AS today`);
    moderator = await makePerson(users, 'Rosa Elena Quispe', [Role.Moderator]);
    otherModerator = await makePerson(users, 'Tomás Aguilar Ruiz', [Role.Moderator], 'CL');
    admin = await makePerson(users, 'Valentina Rojas', [Role.Admin], 'CL');
    outsider = await makePerson(users, 'Camila Duarte', [], 'AR');
    const names: Record<string, string[]> = {
      MX: ['Diego Hernández', 'Lucía Ramírez', 'Mariana Ortega', 'Emilio Navarro'],
      CO: ['Julián Ospina', 'Paula Restrepo', 'Andrés Cárdenas', 'Valeria Gómez'],
      PE: ['Carmen Huamán', 'Wilber Condori', 'Rocío Flores', 'Jorge Mamani'],
      CL: ['Ignacio Fuentes', 'Daniela Soto', 'Felipe Muñoz', 'Catalina Rojas'],
      BR: ['Joana Rocha', 'Renato Prado', 'Ana Lima', 'Tiago Nunes'],
      EC: ['Paola Cevallos', 'Luis Andrade', 'Sofía Vera', 'Martín Salazar'],
    };
    for (const [country, [rep, ...others]] of Object.entries(names)) {
      ministries[country] = await makeMinistry(dataSource, country);
      reps[country] = await makePerson(users, rep, [], country);
      await grantOrganisationRole(dataSource, reps[country].id, ministries[country], 'REPRESENTATIVE');
      people[country] = [];
      for (const name of others) people[country].push(await makePerson(users, name, [], country));
    }
  });

  afterAll(async () => {
    await app?.close();
    process.env = saved;
  });

  it('creates an open group with members in rotation order, lists, history and the periods up to today', async () => {
    const reminders = jest.spyOn(meetings, 'rescheduleReminders');
    const id = await groups.create(viewer(moderator), input());
    expect(reminders).toHaveBeenCalledWith(expect.anything(), id);
    reminders.mockRestore();

    const space = await dataSource.getRepository(CollaborationSpace).findOneByOrFail({ id });
    expect(space).toMatchObject({ kind: 'GROUP', status: 'OPEN', moderatorId: moderator.id, rotationMonths: 6, rotationStartsOn: day(-14), timeZone: 'America/Lima' });
    // Started 14 months ago with 6-month periods: MX and CO coordinated, PE coordinates now, CL is next.
    const rows = await periods(id);
    expect(countries(rows)).toEqual(['MX', 'CO', 'PE']);
    expect(rows.map((r) => r.starts_on)).toEqual([day(-14), day(-8), day(-2)]);

    const group = (await read(moderator, id))!;
    expect(group).toMatchObject({ status: 'OPEN', myAccess: 'MODERATOR', organiser: true, canManage: true, rotationMonths: 6 });
    expect(group.moderator).toEqual({ id: moderator.id, name: 'Rosa Elena Quispe' });
    expect(group.members.map((m) => [m.countryCode, m.rotationOrder, m.participants.length, m.canManage])).toEqual([
      ['MX', 0, 2, true],
      ['CO', 1, 2, true],
      ['PE', 2, 2, true],
      ['CL', 3, 2, true],
    ]);
    // Names only: no e-mail address anywhere in what the group exposes.
    expect(JSON.stringify(group)).not.toContain('@example.org');
    expect(group.currentCoordination).toMatchObject({ countryCode: 'PE', startsOn: day(-2), endsOn: day(4), lastDay: day(4, -1), stillMember: true });
    expect(countries(group.pastCoordinations)).toEqual(['CO', 'MX']);
    expect(group.nextCoordination).toMatchObject({ id: null, countryCode: 'CL', startsOn: day(4), endsOn: day(10) });
    expect(group.history.map((h) => h.action)).toEqual(['CREATED']);
    expect(group.history[0]).toMatchObject({ actorName: 'Rosa Elena Quispe' });

    // The coordinating member's participants organise; the others are members only.
    const pe = (await read(people.PE[0], id))!;
    expect(pe).toMatchObject({ myAccess: 'MEMBER', organiser: true, canManage: false });
    expect(pe.members.every((m) => !m.canManage)).toBe(true);
    expect((await access.find(viewer(people.PE[1]), id))!.organiser).toBe(true);
    expect((await access.find(viewer(people.MX[0]), id))!).toMatchObject({ level: 'MEMBER', organiser: false });
    // A representative not on the list sees the group (overview) and manages their own list only.
    const rep = (await read(reps.CO, id))!;
    expect(rep).toMatchObject({ myAccess: 'OVERVIEW', organiser: false });
    expect(rep.members.filter((m) => m.canManage).map((m) => m.countryCode)).toEqual(['CO']);
  });

  it('an administrator assigns a moderator; only people with the moderator role may be assigned', async () => {
    expect(fieldsOf(await appError(groups.create(viewer(admin), input())))).toEqual([expect.objectContaining({ field: 'moderatorId', key: 'collaborationGroups:moderatorRequired' })]);
    expect(fieldsOf(await appError(groups.create(viewer(admin), input({ moderatorId: outsider.id }))))).toEqual([
      expect.objectContaining({ field: 'moderatorId', key: 'collaborationGroups:moderatorInvalid' }),
    ]);
    const id = await groups.create(viewer(admin), input({ moderatorId: otherModerator.id, rotationStartsOn: day(0) }));
    expect((await read(otherModerator, id))!).toMatchObject({ myAccess: 'MODERATOR', moderator: { id: otherModerator.id } });
    expect(countries(await periods(id))).toEqual(['MX']);
    // Not for everyone.
    expect(codeOf(await appError(groups.create(viewer(outsider), input())))).toBe('FORBIDDEN');
    expect(codeOf(await appError(groups.create(viewer(undefined), input())))).toBe('UNAUTHENTICATED');
  });

  it('refuses bad input with field errors naming what to fix', async () => {
    const unknown = await appError(groups.create(viewer(moderator), input({ members: [
      { organisationId: ministries.MX, participantEmails: [people.MX[0].email] },
      { organisationId: ministries.CO, participantEmails: ['Nadie.Registrado@Example.org', people.CO[0].email] },
    ] })));
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.messageKey).toBe('collaborationGroups:unknownEmails');
    expect(fieldsOf(unknown)).toEqual([{ field: 'members.1.participantEmails', key: 'collaborationGroups:unknownEmails', params: { emails: 'nadie.registrado@example.org' } }]);

    const twice = await appError(groups.create(viewer(moderator), input({ members: [
      { organisationId: ministries.MX, participantEmails: [people.MX[0].email] },
      { organisationId: ministries.CO, participantEmails: [people.MX[0].email] },
    ] })));
    expect(fieldsOf(twice)).toEqual([expect.objectContaining({ field: 'members.1.participantEmails', key: 'collaborationGroups:emailOnTwoLists' })]);

    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ members: [{ organisationId: ministries.MX }] }, 'members', 'collaborationGroups:membersTooFew'],
      [{ members: [] }, 'members', 'collaborationGroups:membersTooFew'],
      [{ members: [{ organisationId: ministries.MX }, { organisationId: ministries.MX }] }, 'members.1.organisationId', 'collaborationGroups:organisationDuplicate'],
      [{ rotationMonths: 0 }, 'rotationMonths', 'collaborationGroups:rotationMonthsInvalid'],
      [{ rotationMonths: 61 }, 'rotationMonths', 'collaborationGroups:rotationMonthsInvalid'],
      [{ rotationMonths: 1.5 }, 'rotationMonths', 'collaborationGroups:rotationMonthsInvalid'],
      [{ rotationStartsOn: '2026-02-30' }, 'rotationStartsOn', 'collaborationGroups:startsOnInvalid'],
      [{ rotationStartsOn: '1890-01-01' }, 'rotationStartsOn', 'collaborationGroups:startsOnInvalid'],
      [{ title: ' x ' }, 'title', 'collaborationGroups:titleInvalid'],
      [{ description: '   ' }, 'description', 'collaborationGroups:descriptionInvalid'],
      [{ timeZone: 'America/Atlantis' }, 'timeZone', 'collaborationGroups:timeZoneInvalid'],
      [{ members: [{ organisationId: ministries.MX, participantEmails: ['no es un correo'] }, { organisationId: ministries.CO }] }, 'members.0.participantEmails.0', 'validation:emailInvalid'],
    ];
    for (const [overrides, field, key] of cases) {
      const error = await appError(groups.create(viewer(moderator), input(overrides)));
      expect({ overrides, fields: fieldsOf(error).map((f) => [f.field, f.key]) }).toEqual({ overrides, fields: expect.arrayContaining([[field, key]]) });
    }
    // Only active member organisations.
    const [{ id: lapsed }] = await dataSource.query(
      `INSERT INTO organisations (slug, name, name_key, type, country_code, description) VALUES ('sin-membresia-' || gen_random_uuid(), 'Ministerio sin membresía', 'ministerio sin membresia', 'MINISTRY_OF_EDUCATION', 'BO', '.') RETURNING id`,
    );
    const notMember = await appError(groups.create(viewer(moderator), input({ members: [{ organisationId: ministries.MX }, { organisationId: lapsed }] })));
    expect(fieldsOf(notMember)).toEqual([expect.objectContaining({ field: 'members.1.organisationId', key: 'collaborationGroups:organisationInvalid' })]);
  });

  it('decides who organises from the period containing today even when nobody has opened the group yet', async () => {
    // Six-month periods that began seven months ago: Colombia (second in rotation) coordinates now.
    const started = DateTime.fromISO(today).minus({ months: 7 }).toISODate()!;
    const { spaceId } = await insertSpace(dataSource, {
      kind: 'GROUP',
      rotationMonths: 6,
      rotationStartsOn: started,
      moderatorId: moderator.id,
      parties: [
        { organisationId: ministries.MX, participantIds: [people.MX[0].id] },
        { organisationId: ministries.CO, participantIds: [people.CO[0].id] },
      ],
    });
    // A tab's service asks access.ts directly (not the group page): the periods are recorded on the way.
    const colombian = await access.require(viewer(people.CO[0]), spaceId, 'MEMBER');
    const mexican = await access.require(viewer(people.MX[0]), spaceId, 'MEMBER');
    expect([colombian.organiser, mexican.organiser]).toEqual([true, false]);
    const periods: Array<{ country_code: string }> = await dataSource.query(`SELECT country_code FROM collab_coordinations WHERE space_id = $1 ORDER BY starts_on`, [spaceId]);
    expect(periods.map((p) => p.country_code)).toEqual(['MX', 'CO']);
    // Inside a write's transaction (the space row locked FOR UPDATE), the same check does not wait on itself.
    await dataSource.transaction((manager) => access.requireWritable(viewer(people.CO[0]), spaceId, 'MEMBER', manager));
  });

  it('materialises each period once when many read at the same time', async () => {
    const { spaceId } = await insertSpace(dataSource, {
      kind: 'GROUP',
      moderatorId: moderator.id,
      rotationMonths: 3,
      rotationStartsOn: day(-26),
      parties: ['MX', 'CO', 'PE', 'CL'].map((c) => ({ organisationId: ministries[c], participantIds: [people[c][0].id] })),
    });
    expect(await periods(spaceId)).toEqual([]);
    const readers = [moderator, admin, people.MX[0], people.CO[0], people.PE[0], people.CL[0], reps.MX, moderator];
    const answers = await Promise.all([...readers, ...readers].map((u) => read(u, spaceId)));
    expect(answers.every((a) => a !== null)).toBe(true);
    const rows = await periods(spaceId);
    // 26 months of 3-month periods: 9 periods, the ninth running now; contiguous, one per start.
    expect(rows).toHaveLength(9);
    expect(new Set(rows.map((r) => r.starts_on)).size).toBe(9);
    for (let i = 1; i < rows.length; i++) expect(rows[i].starts_on).toBe(rows[i - 1].ends_on);
    expect(countries(rows)).toEqual(['MX', 'CO', 'PE', 'CL', 'MX', 'CO', 'PE', 'CL', 'MX']);
    expect(answers.every((a) => a!.currentCoordination?.countryCode === 'MX')).toBe(true);
    // Every reader was told the same, and whoever coordinates organises (worked out after materialising).
    // The moderator (four answers), the administrator (two) and the Mexican participant (two); nobody else.
    expect(answers.filter((a) => a!.organiser).length).toBe(8);
    await Promise.all(readers.map((u) => read(u, spaceId)));
    expect(await periods(spaceId)).toEqual(rows);
  });

  it('adding or removing a member changes only the periods after the change', async () => {
    const { spaceId } = await insertSpace(dataSource, {
      kind: 'GROUP',
      moderatorId: moderator.id,
      rotationMonths: 3,
      rotationStartsOn: firstOfMonth(-7),
      parties: ['MX', 'CO', 'PE', 'CL'].map((c) => ({ organisationId: ministries[c], participantIds: [people[c][1].id] })),
    });
    const before = (await read(moderator, spaceId))!;
    expect(countries([before.currentCoordination!])).toEqual(['PE']);
    expect(before.nextCoordination?.countryCode).toBe('CL');
    const recorded = await periods(spaceId);

    // Brazil joins at the end: Chile is still next, Brazil after it.
    const group = await resolver.addTechnicalGroupMember(ctxOf(moderator), spaceId, { organisationId: ministries.BR, participantEmails: [people.BR[1].email] });
    const members = await resolver.members(group, ctxOf(moderator));
    expect(members.map((m) => [m.countryCode, m.rotationOrder])).toEqual([['MX', 0], ['CO', 1], ['PE', 2], ['CL', 3], ['BR', 4]]);
    expect(members.find((m) => m.countryCode === 'BR')!.participants.map((p) => p.name)).toEqual(['Ana Lima']);
    expect((await read(moderator, spaceId))!.nextCoordination?.countryCode).toBe('CL');
    expect(await periods(spaceId)).toEqual(recorded);
    const again = await appError(groups.addMember(viewer(moderator), spaceId, { organisationId: ministries.BR }));
    expect(fieldsOf(again)).toEqual([expect.objectContaining({ field: 'organisationId', key: 'collaborationGroups:organisationAlreadyMember' })]);

    // Peru coordinates now and leaves: its period stays (history), Chile is still next.
    const reminders = jest.spyOn(meetings, 'rescheduleReminders');
    const peru = members.find((m) => m.countryCode === 'PE')!;
    await groups.removeMember(viewer(moderator), spaceId, peru.partyId);
    expect(reminders).toHaveBeenCalledWith(expect.anything(), spaceId);
    reminders.mockRestore();
    expect(await periods(spaceId)).toEqual(recorded);
    let now = (await read(moderator, spaceId))!;
    expect(now.currentCoordination).toMatchObject({ countryCode: 'PE', stillMember: false, organisationName: 'Ministerio de Educación PE' });
    expect(now.nextCoordination?.countryCode).toBe('CL');
    expect(now.members.map((m) => m.countryCode)).toEqual(['MX', 'CO', 'CL', 'BR']);
    // Its people are off the group.
    expect(await read(people.PE[1], spaceId)).toBeNull();
    expect(now.history.slice(0, 2).map((h) => [h.action, h.organisationName])).toEqual([
      ['MEMBER_REMOVED', 'Ministerio de Educación PE'],
      ['MEMBER_ADDED', 'Ministerio de Educación BR'],
    ]);

    // Time passes (every recorded date and the anchor move three months back): Chile, then Brazil, then Mexico again.
    const passThreeMonths = async () => {
      await dataSource.query(`UPDATE collab_coordinations SET starts_on = starts_on - interval '3 months', ends_on = ends_on - interval '3 months' WHERE space_id = $1`, [spaceId]);
      await dataSource.query(`UPDATE collab_spaces SET rotation_starts_on = rotation_starts_on - interval '3 months' WHERE id = $1`, [spaceId]);
    };
    await passThreeMonths();
    now = (await read(moderator, spaceId))!;
    expect(now.currentCoordination?.countryCode).toBe('CL');
    expect(now.nextCoordination?.countryCode).toBe('BR');
    await passThreeMonths();
    now = (await read(moderator, spaceId))!;
    expect(now.currentCoordination?.countryCode).toBe('BR');
    expect(now.nextCoordination?.countryCode).toBe('MX');
    // The recorded history keeps Peru where it was.
    expect(countries((await periods(spaceId)))).toEqual(['MX', 'CO', 'PE', 'CL', 'BR']);
    expect(countries(now.pastCoordinations)).toEqual(['CL', 'PE', 'CO', 'MX']);

    // A group keeps at least two members.
    const small = await insertSpace(dataSource, {
      kind: 'GROUP',
      moderatorId: moderator.id,
      rotationMonths: 12,
      rotationStartsOn: day(-1),
      parties: [{ organisationId: ministries.MX, participantIds: [] }, { organisationId: ministries.CO, participantIds: [] }],
    });
    const tooFew = await appError(groups.removeMember(viewer(moderator), small.spaceId, small.partyIds[1]));
    expect(tooFew.messageKey).toBe('collaborationGroups:membersTooFewToRemove');
  });

  it('lets representatives and the moderator keep participant lists, by e-mail', async () => {
    const { spaceId, partyIds } = await insertSpace(dataSource, {
      kind: 'GROUP',
      moderatorId: moderator.id,
      rotationMonths: 6,
      rotationStartsOn: day(-1),
      parties: ['EC', 'BR'].map((c) => ({ organisationId: ministries[c], participantIds: [] })),
    });
    const [ec, br] = partyIds;
    const reminders = jest.spyOn(meetings, 'rescheduleReminders');
    await groups.addParticipants(viewer(reps.EC), spaceId, ec, { emails: [people.EC[0].email.toUpperCase(), people.EC[1].email] });
    expect(reminders).toHaveBeenCalledWith(expect.anything(), spaceId);
    reminders.mockRestore();
    let group = (await read(reps.EC, spaceId))!;
    expect(group.members[0].participants.map((p) => p.name).sort()).toEqual(['Luis Andrade', 'Sofía Vera']);
    // Ecuador's representative does not keep Brazil's list; its participants keep none.
    expect((await appError(groups.addParticipants(viewer(reps.EC), spaceId, br, { emails: [people.BR[0].email] }))).messageKey).toBe('collaborationGroups:cannotManageList');
    expect(codeOf(await appError(groups.addParticipants(viewer(people.EC[0]), spaceId, ec, { emails: [people.EC[0].email] })))).toBe('FORBIDDEN');
    // Unknown addresses are named; a person is on one list only.
    const unknown = await appError(groups.addParticipants(viewer(moderator), spaceId, br, { emails: ['quien@nowhere.example', people.BR[0].email] }));
    expect(fieldsOf(unknown)).toEqual([{ field: 'emails', key: 'collaborationGroups:unknownEmails', params: { emails: 'quien@nowhere.example' } }]);
    const taken = await appError(groups.addParticipants(viewer(moderator), spaceId, br, { emails: [people.EC[0].email] }));
    expect(taken).toMatchObject({ messageKey: 'collaborationGroups:alreadyParticipant', params: { emails: people.EC[0].email } });
    expect(fieldsOf(await appError(groups.addParticipants(viewer(moderator), spaceId, br, { emails: [] })))).toEqual([
      expect.objectContaining({ field: 'emails', key: 'collaborationGroups:emailsRequired' }),
    ]);
    await groups.addParticipants(viewer(moderator), spaceId, br, { emails: [people.BR[0].email] });

    group = (await read(moderator, spaceId))!;
    const leaving = group.members[0].participants.find((p) => p.name === 'Luis Andrade')!;
    await groups.removeParticipant(viewer(reps.EC), spaceId, leaving.id);
    expect(await read(people.EC[0], spaceId)).toBeNull();
    expect((await appError(groups.removeParticipant(viewer(reps.EC), spaceId, leaving.id))).messageKey).toBe('collaborationGroups:participantNotFound');
    group = (await read(moderator, spaceId))!;
    expect(group.history.slice(0, 4).map((h) => [h.action, h.personName])).toEqual([
      ['PARTICIPANT_REMOVED', 'Luis Andrade'],
      ['PARTICIPANT_ADDED', 'Renato Prado'],
      expect.arrayContaining(['PARTICIPANT_ADDED']),
      expect.arrayContaining(['PARTICIPANT_ADDED']),
    ]);
  });

  it('hands coordination over today: the current period ends, the next member starts and later periods count from today', async () => {
    const { spaceId } = await insertSpace(dataSource, {
      kind: 'GROUP',
      moderatorId: moderator.id,
      rotationMonths: 6,
      rotationStartsOn: day(-7),
      parties: ['MX', 'CO', 'PE'].map((c) => ({ organisationId: ministries[c], participantIds: [people[c][2].id] })),
    });
    expect((await read(moderator, spaceId))!.currentCoordination?.countryCode).toBe('CO');
    expect((await access.find(viewer(people.CO[2]), spaceId))!.organiser).toBe(true);
    // Only the moderator and administrators; participants are told it does not exist for them to do.
    expect(codeOf(await appError(groups.handOver(viewer(people.CO[2]), spaceId)))).toBe('NOT_FOUND');

    const group = await resolver.handOverTechnicalGroupCoordination(ctxOf(moderator), spaceId);
    const [current, past, next] = await Promise.all([
      resolver.currentCoordination(group, ctxOf(moderator)),
      resolver.pastCoordinations(group, ctxOf(moderator)),
      resolver.nextCoordination(group, ctxOf(moderator)),
    ]);
    expect(current).toMatchObject({ countryCode: 'PE', startsOn: today, endsOn: day(6) });
    expect(past.map((p) => [p.countryCode, p.startsOn, p.endsOn])).toEqual([
      ['CO', day(-1), today],
      ['MX', day(-7), day(-1)],
    ]);
    expect(next).toMatchObject({ countryCode: 'MX', startsOn: day(6), endsOn: day(12) });
    expect(group.rotationStartsOn).toBe(today);
    expect((await access.find(viewer(people.PE[2]), spaceId))!.organiser).toBe(true);
    expect((await access.find(viewer(people.CO[2]), spaceId))!.organiser).toBe(false);
    const history = await resolver.history(group, ctxOf(moderator));
    expect(history[0]).toMatchObject({ action: 'COORDINATION_HANDED_OVER', organisationName: 'Ministerio de Educación CO', toOrganisationName: 'Ministerio de Educación PE' });
    // Twice in a day would leave an empty period.
    expect((await appError(groups.handOver(viewer(moderator), spaceId))).messageKey).toBe('collaborationGroups:handOverSameDay');

    // Before the first period there is nothing to hand over; the first period is announced.
    const future = await insertSpace(dataSource, {
      kind: 'GROUP',
      moderatorId: moderator.id,
      rotationMonths: 6,
      rotationStartsOn: day(2),
      parties: ['MX', 'CO'].map((c) => ({ organisationId: ministries[c], participantIds: [] })),
    });
    const waiting = (await read(moderator, future.spaceId))!;
    expect(waiting.currentCoordination).toBeNull();
    expect(waiting.pastCoordinations).toEqual([]);
    expect(waiting.nextCoordination).toMatchObject({ countryCode: 'MX', startsOn: day(2), endsOn: day(8) });
    expect((await appError(groups.handOver(viewer(moderator), future.spaceId))).messageKey).toBe('collaborationGroups:handOverNotStarted');
  });

  it('closes a group into a read-only archive that refuses every change', async () => {
    const { spaceId, partyIds } = await insertSpace(dataSource, {
      kind: 'GROUP',
      moderatorId: moderator.id,
      rotationMonths: 6,
      rotationStartsOn: day(-8),
      parties: ['MX', 'CO', 'PE'].map((c) => ({ organisationId: ministries[c], participantIds: [people[c][0].id] })),
    });
    expect(codeOf(await appError(groups.close(viewer(people.MX[0]), spaceId)))).toBe('NOT_FOUND');
    const closed = await resolver.closeTechnicalGroup(ctxOf(moderator), spaceId);
    expect(closed).toMatchObject({ status: 'CLOSED', canManage: false });
    expect(closed.closedAt).toBeInstanceOf(Date);
    const batches: Array<{ recipients: string[]; data: Record<string, string> }> = await dataSource.query(
      `SELECT recipients, data FROM notification_batch WHERE type = 'collaboration.closed' AND link = $1`,
      [`/groups/${spaceId}`],
    );
    expect(batches).toHaveLength(1);
    expect(batches[0].recipients.sort()).toEqual([people.MX[0].id, people.CO[0].id, people.PE[0].id].sort());

    const archive = (await read(people.CO[0], spaceId))!;
    expect(archive).toMatchObject({ status: 'CLOSED', organiser: false });
    expect(archive.currentCoordination).toBeNull();
    expect(archive.nextCoordination).toBeNull();
    expect(countries(archive.pastCoordinations)).toEqual(['CO', 'MX']);
    expect(archive.members.every((m) => !m.canManage)).toBe(true);
    const participant = archive.members[0].participants[0];
    for (const write of [
      groups.addMember(viewer(moderator), spaceId, { organisationId: ministries.CL }),
      groups.removeMember(viewer(moderator), spaceId, partyIds[2]),
      groups.addParticipants(viewer(moderator), spaceId, partyIds[0], { emails: [people.MX[1].email] }),
      groups.removeParticipant(viewer(admin), spaceId, participant.id),
      groups.handOver(viewer(moderator), spaceId),
      groups.close(viewer(admin), spaceId),
    ]) {
      expect(await appError(write)).toMatchObject({ messageKey: 'collaboration:closedReadOnly' });
    }
    // Nothing rotates in an archive.
    expect(await groups.refreshCoordinations([spaceId])).toBe(false);
  });

  it('tells outsiders, members of other groups and anonymous callers that a group does not exist', async () => {
    const id = await groups.create(viewer(moderator), input({ title: 'Grupo Técnico de Educación Técnica', rotationStartsOn: day(-3) }));
    const other = await insertSpace(dataSource, {
      kind: 'GROUP',
      moderatorId: otherModerator.id,
      rotationMonths: 6,
      rotationStartsOn: day(-1),
      parties: ['BR', 'EC'].map((c) => ({ organisationId: ministries[c], participantIds: [people[c][2].id] })),
    });
    const table = await insertSpace(dataSource, { moderatorId: moderator.id, parties: [{ organisationId: ministries.MX, participantIds: [people.MX[0].id] }, { organisationId: ministries.CO, participantIds: [] }] });
    const group = (await read(moderator, id))!;
    const mx = group.members[0];
    const participantId = mx.participants[0].id;

    for (const stranger of [outsider, people.BR[2], reps.EC, otherModerator, undefined]) {
      expect(await read(stranger, id)).toBeNull();
      const who = viewer(stranger);
      for (const write of [
        groups.addMember(who, id, { organisationId: ministries.BR }),
        groups.removeMember(who, id, mx.partyId),
        groups.addParticipants(who, id, mx.partyId, { emails: [people.MX[2].email] }),
        groups.removeParticipant(who, id, participantId),
        groups.handOver(who, id),
        groups.close(who, id),
      ]) {
        expect(await appError(write)).toMatchObject({ messageKey: 'collaboration:notFound', extensions: expect.objectContaining({ code: 'NOT_FOUND' }) });
      }
      if (stranger) {
        const mine = await resolver.myTechnicalGroups(ctxOf(stranger), { first: 50 });
        expect(mine.edges.map((e) => e.node.id)).not.toContain(id);
      }
    }
    // Through the resolver too, and for ids that are not groups or not ids at all.
    expect(await resolver.technicalGroup(ctxOf(outsider), id)).toBeNull();
    expect(await resolver.technicalGroup(ctxOf(moderator), table.spaceId)).toBeNull();
    expect(await resolver.technicalGroup(ctxOf(moderator), 'not-an-id')).toBeNull();
    expect(codeOf(await appError(resolver.closeTechnicalGroup(ctxOf(outsider), id)))).toBe('NOT_FOUND');
    expect(codeOf(await appError(resolver.addTechnicalGroupParticipants(ctxOf(undefined), id, mx.partyId, [people.MX[2].email])))).toBe('NOT_FOUND');
    expect(codeOf(await appError(groups.close(viewer(moderator), table.spaceId)))).toBe('NOT_FOUND');
    expect(codeOf(await appError(groups.myGroups(undefined)))).toBe('UNAUTHENTICATED');
    // A plain participant changes nothing but is not lied to about the group itself.
    expect(codeOf(await appError(groups.addMember(viewer(people.MX[0]), id, { organisationId: ministries.BR })))).toBe('NOT_FOUND');
    expect(other.spaceId).toBeTruthy();
  });

  it('lists my groups (administrators: all) with their fields in a fixed number of queries', async () => {
    const ids: string[] = [];
    for (const [n, c] of [['A', 'MX'], ['B', 'CO'], ['C', 'PE']] as const) {
      ids.push(await groups.create(viewer(moderator), input({ title: `Grupo de listas ${n}`, rotationStartsOn: day(-13), members: [
        { organisationId: ministries[c], participantEmails: [] },
        { organisationId: ministries.EC, participantEmails: n === 'A' ? [people.EC[2].email] : [] },
      ] })));
    }
    const mine = await resolver.myTechnicalGroups(ctxOf(people.EC[2]), { first: 50 });
    expect(mine.edges.map((e) => e.node.id)).toContain(ids[0]);
    expect(mine.edges.map((e) => e.node.id)).not.toContain(ids[1]);
    expect(mine.edges.find((e) => e.node.id === ids[0])!.node).toMatchObject({ myAccess: 'MEMBER' });
    const rep = await resolver.myTechnicalGroups(ctxOf(reps.EC), { first: 50 });
    expect(rep.edges.map((e) => e.node.id)).toEqual(expect.arrayContaining(ids));
    expect(rep.edges.every((e) => e.node.myAccess === 'OVERVIEW')).toBe(true);

    // Pages of two, open groups first then by name.
    const first = await resolver.myTechnicalGroups(ctxOf(admin), { first: 2 });
    expect(first.totalCount).toBeGreaterThanOrEqual(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await resolver.myTechnicalGroups(ctxOf(admin), { first: 2, after: first.pageInfo.endCursor });
    expect(second.edges.map((e) => e.node.id)).not.toContain(first.edges[0].node.id);

    // Every field of every group on a page: a fixed number of queries, however many groups.
    const all = await resolver.myTechnicalGroups(ctxOf(admin), { first: 50 });
    const counted = jest.spyOn(dataSource, 'createQueryRunner');
    const ctx = ctxOf(admin);
    await Promise.all(
      all.edges.flatMap(({ node }) => [
        resolver.moderator(node, ctx),
        resolver.members(node, ctx),
        resolver.currentCoordination(node, ctx),
        resolver.pastCoordinations(node, ctx),
        resolver.nextCoordination(node, ctx),
        resolver.history(node, ctx),
      ]),
    );
    expect(all.edges.length).toBeGreaterThanOrEqual(8);
    expect(counted.mock.calls.length).toBeLessThanOrEqual(7);
    counted.mockRestore();

    // The batch access of lists agrees with the one-space rule of access.ts.
    const spaces = all.edges.map((e) => e.node.id);
    const rows = await dataSource.getRepository(CollaborationSpace).findBy(spaces.map((id) => ({ id })));
    for (const person of [moderator, admin, reps.EC, people.EC[2], people.PE[0], outsider]) {
      const many = await groups.accessMany(viewer(person), rows);
      const one = await Promise.all(rows.map((s) => access.accessTo(viewer(person), s)));
      expect(many.map((a) => [a.space.id, a.level, a.organiser, a.participantPartyId, a.managedPartyIds])).toEqual(
        one.map((a) => [a.space.id, a.level, a.organiser, a.participantPartyId, a.managedPartyIds]),
      );
    }
  });

  it("records a moderator's and an administrator's acts on a group in the audit log, not a representative's own list changes", async () => {
    const id = await groups.create(viewer(moderator), input({ title: 'Grupo Técnico de Gestión Escolar', rotationStartsOn: day(-8) }));
    await groups.addMember(viewer(admin), id, { organisationId: ministries.EC });
    const [{ id: ecParty }]: Array<{ id: string }> = await dataSource.query(`SELECT id FROM collab_space_parties WHERE space_id = $1 AND organisation_id = $2`, [id, ministries.EC]);
    await groups.addParticipants(viewer(reps.EC), id, ecParty, { emails: [people.EC[1].email] });
    await groups.addParticipants(viewer(moderator), id, ecParty, { emails: [people.EC[2].email] });
    await groups.handOver(viewer(moderator), id);
    await groups.removeMember(viewer(moderator), id, ecParty);
    await groups.close(viewer(admin), id);
    const entries: Array<{ action: string; actor_id: string; target_type: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }> = await dataSource.query(
      `SELECT action, actor_id, target_type, before, after FROM audit_log WHERE target_id = $1 ORDER BY created_at`,
      [id],
    );
    expect(entries.map((e) => [e.action, e.actor_id])).toEqual([
      ['group.create', moderator.id],
      ['group.member.add', admin.id],
      ['group.participants.add', moderator.id],
      ['group.coordination.handOver', moderator.id],
      ['group.member.remove', moderator.id],
      ['group.close', admin.id],
    ]);
    expect(entries.every((e) => e.target_type === 'technicalGroup')).toBe(true);
    expect(entries[3].before).toEqual({ coordinator: expect.any(String) });
    expect(entries[3].after).not.toEqual(entries[3].before);
    expect(entries[5]).toMatchObject({ before: { status: 'OPEN' }, after: { status: 'CLOSED' } });
  });
});
