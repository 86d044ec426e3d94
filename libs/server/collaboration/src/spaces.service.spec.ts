import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppError, LoaderRegistry, type RequestContext, type SessionUser } from '@alliance/server-graphql';
import { nameKey } from '@alliance/server-alliance';
import { appError, UsersService } from '@alliance/server-identity';
import { Role } from '@alliance/shared-core';
import { CollaborationAccessService, type CollaborationViewer } from './access';
import { tablePath } from './collaboration.constants';
import { CollaborationSpace } from './entities';
import { CommitmentsService } from './commitments.service';
import { MeetingsService } from './meetings.service';
import { SpacesResolver } from './spaces.resolver';
import { SpacesService } from './spaces.service';
import { createCollaborationTestApp } from './testing/collaboration-test-app';
import { collabTag, grantOrganisationRole, insertSpace, makeMinistry, makePerson } from './testing/collaboration-fixtures';

const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number, extraMs = 0) => new Date(Date.now() + days * DAY + extraMs);
const fieldsOf = (e: AppError) => (e.extensions.fields as Array<{ field: string; key: string; params?: Record<string, unknown> }>) ?? [];

interface Person {
  session: SessionUser;
  viewer: CollaborationViewer;
}

/** An open table of other parties. */
async function otherTable(dataSource: DataSource, parties: Array<{ organisationId: string; participantIds: string[] }>): Promise<string> {
  return (await insertSpace(dataSource, { parties })).spaceId;
}

describe('working tables (real PostgreSQL)', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let spaces: SpacesService;
  let access: CollaborationAccessService;
  let users: UsersService;
  let resolver: SpacesResolver;
  let meetings: MeetingsService;
  let commitments: CommitmentsService;
  const saved = { ...process.env };

  // Peru asks Chile and Colombia for a table; Brazil's ministry is not involved.
  let peru: string;
  let chile: string;
  let colombia: string;
  let brazil: string;
  let ngo: string;
  let requester: Person; // representative of Peru's ministry
  let requesterColleague: Person;
  let chileRep: Person; // representative of Chile's ministry
  let chileFocal: Person; // focal point of Chile's ministry
  let chileTeam: Person;
  let colombiaFocal: Person;
  let colombiaTeam: Person;
  let moderator: Person;
  let moderator2: Person;
  let admin: Person;
  let outsider: Person;
  let brazilMember: Person; // on another table's list
  let ngoRep: Person;

  const person = async (name: string, roles: Role[] = [], country = 'PE'): Promise<Person> => {
    const session = await makePerson(users, name, roles, country);
    return { session, viewer: access.viewerFor(session, 'es')! };
  };

  const requestInput = (overrides: Record<string, unknown> = {}) => ({
    requestingOrganisationId: peru,
    title: 'Evaluación formativa en escuelas rurales',
    description: 'Intercambiar experiencias sobre evaluación formativa en escuelas rurales multigrado.',
    agenda: '1. Presentaciones\n2. Experiencias de cada ministerio\n3. Próximos pasos',
    timeZone: 'America/Lima',
    firstSessionAt: inDays(20),
    invitedOrganisationIds: [chile, colombia],
    participantEmails: [requesterColleague.session.email],
    ...overrides,
  });

  const batches = async (spaceId: string, type: string) =>
    (await dataSource.query(`SELECT recipients, data, dedupe_key FROM notification_batch WHERE type = $1 AND link = $2 ORDER BY created_at`, [type, tablePath(spaceId)])) as Array<{
      recipients: string[];
      data: Record<string, string>;
      dedupe_key: string;
    }>;
  const actions = async (spaceId: string) => (await spaces.historyOf([spaceId])).map((e) => e.action).reverse();
  const partyOf = async (spaceId: string, organisationId: string) => (await spaces.partiesOf([spaceId])).find((p) => p.organisationId === organisationId)!;
  const listOf = async (spaceId: string, partyId: string) =>
    (await spaces.participantsOf([spaceId]))
      .filter((p) => p.partyId === partyId)
      .map((p) => p.userId)
      .sort();
  const counts = async () => {
    const [row]: Array<Record<string, number>> = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM collab_spaces) AS spaces, (SELECT count(*)::int FROM collab_space_parties) AS parties,
              (SELECT count(*)::int FROM collab_space_participants) AS participants, (SELECT count(*)::int FROM collab_space_events) AS events,
              (SELECT count(*)::int FROM notification_batch) AS batches`,
    );
    return row;
  };
  /** A request with both invited parties still to answer. */
  const requested = async (overrides: Record<string, unknown> = {}) => (await spaces.request(requester.viewer, requestInput(overrides))).id;
  /** A request both invited parties answered (Chile confirmed with its team, Colombia confirmed or declined). */
  const answered = async (colombiaConfirms = true) => {
    const id = await requested();
    await spaces.confirmParty(chileRep.viewer, id, (await partyOf(id, chile)).id, [chileTeam.session.email, chileRep.session.email]);
    const colombiaParty = (await partyOf(id, colombia)).id;
    if (colombiaConfirms) await spaces.confirmParty(colombiaFocal.viewer, id, colombiaParty, [colombiaTeam.session.email]);
    else await spaces.declineParty(colombiaFocal.viewer, id, colombiaParty, 'Sin disponibilidad este semestre.');
    return id;
  };
  const opened = async () => {
    const id = await answered();
    await spaces.review(moderator.viewer, id, { decision: 'APPROVE', moderatorId: moderator2.session.id });
    return id;
  };
  const ctxOf = (p: Person | undefined) => ({ user: p?.session, locale: 'es', loaders: new LoaderRegistry() }) as unknown as RequestContext;

  beforeAll(async () => {
    Object.assign(process.env, { QUEUE_DRIVER: 'inprocess', SMTP_URL: '', UPLOADS_DIR: `/tmp/collab-spaces-spec-${collabTag()}` });
    app = await createCollaborationTestApp('collaboration-spaces-test');
    dataSource = app.get<DataSource>(getDataSourceToken());
    spaces = app.get(SpacesService);
    access = app.get(CollaborationAccessService);
    users = app.get(UsersService);
    resolver = app.get(SpacesResolver);
    meetings = app.get(MeetingsService);
    commitments = app.get(CommitmentsService);

    peru = await makeMinistry(dataSource, 'PE', 'Ministerio de Educación del Perú');
    chile = await makeMinistry(dataSource, 'CL', 'Ministerio de Educación de Chile');
    colombia = await makeMinistry(dataSource, 'CO', 'Ministerio de Educación Nacional de Colombia');
    brazil = await makeMinistry(dataSource, 'BR', 'Ministério da Educação do Brasil');
    const slug = `red-escuelas-${collabTag()}`;
    [{ id: ngo }] = await dataSource.query(
      `INSERT INTO organisations (slug, name, name_key, type, country_code, description) VALUES ($1, 'Red de Escuelas Rurales', $1, 'NGO', 'PE', 'Red de escuelas.') RETURNING id`,
      [slug],
    );
    await dataSource.query(`INSERT INTO memberships (organisation_id, category) VALUES ($1, 'PARTNER')`, [ngo]);

    requester = await person('Rosa Quispe Huamán');
    requesterColleague = await person('Jorge Mamani Condori');
    chileRep = await person('Catalina Rojas Fuentes', [], 'CL');
    chileFocal = await person('Matías Contreras Soto', [], 'CL');
    chileTeam = await person('Valentina Muñoz Araya', [], 'CL');
    colombiaFocal = await person('Andrés Felipe Gómez', [], 'CO');
    colombiaTeam = await person('Luisa Fernanda Ríos', [], 'CO');
    moderator = await person('Natalia Fernández Laya', [Role.Moderator], 'AR');
    moderator2 = await person('Henry Armas Alvarado', [Role.Moderator], 'PE');
    admin = await person('Secretaría de la Alianza', [Role.Admin], 'PA');
    outsider = await person('Tomás Ferreyra', [], 'AR');
    brazilMember = await person('Joana Cavalcanti Rocha', [], 'BR');
    ngoRep = await person('Carolina Mendoza', [], 'PE');

    await grantOrganisationRole(dataSource, requester.session.id, peru, 'REPRESENTATIVE');
    await grantOrganisationRole(dataSource, requesterColleague.session.id, peru, 'MEMBER');
    await grantOrganisationRole(dataSource, chileRep.session.id, chile, 'REPRESENTATIVE');
    await grantOrganisationRole(dataSource, chileFocal.session.id, chile, 'FOCAL_POINT');
    await grantOrganisationRole(dataSource, colombiaFocal.session.id, colombia, 'FOCAL_POINT');
    await grantOrganisationRole(dataSource, brazilMember.session.id, brazil, 'REPRESENTATIVE');
    await grantOrganisationRole(dataSource, ngoRep.session.id, ngo, 'REPRESENTATIVE');
    // Brazil and Chile hold a table of their own: Brazil's representative is on its list.
    await otherTable(dataSource, [
      { organisationId: brazil, participantIds: [brazilMember.session.id] },
      { organisationId: chile, participantIds: [chileTeam.session.id] },
    ]);
  });

  afterAll(async () => {
    await app?.close();
    process.env = saved;
  });

  it('asks for the first session at least 15 days ahead, on request and on every edit', async () => {
    const tooSoon = await appError(spaces.request(requester.viewer, requestInput({ firstSessionAt: inDays(14) })));
    expect(tooSoon.extensions.code).toBe('BAD_USER_INPUT');
    expect(fieldsOf(tooSoon)).toEqual([{ field: 'firstSessionAt', key: 'collaboration:firstSessionTooSoon', params: { days: 15 } }]);
    const almost = await appError(spaces.request(requester.viewer, requestInput({ firstSessionAt: inDays(15, -60_000) })));
    expect(fieldsOf(almost).map((f) => f.key)).toEqual(['collaboration:firstSessionTooSoon']);

    const space = await spaces.request(requester.viewer, requestInput({ firstSessionAt: inDays(15, 60_000).toISOString() }));
    expect(space).toMatchObject({ kind: 'TABLE', status: 'REQUESTED', timeZone: 'America/Lima', requestedById: requester.session.id });

    const edit = { title: 'Evaluación formativa', description: 'Intercambio de experiencias de evaluación.', agenda: '1. Experiencias', timeZone: 'America/Santiago' };
    const editTooSoon = await appError(spaces.updateRequest(requester.viewer, space.id, { ...edit, firstSessionAt: inDays(14) }));
    expect(fieldsOf(editTooSoon).map((f) => f.field)).toEqual(['firstSessionAt']);
    const edited = await spaces.updateRequest(requester.viewer, space.id, { ...edit, firstSessionAt: inDays(30) });
    expect(edited).toMatchObject({ title: 'Evaluación formativa', timeZone: 'America/Santiago' });
    expect(await actions(space.id)).toEqual(['REQUESTED', 'EDITED']);

    const badZone = await appError(spaces.request(requester.viewer, requestInput({ timeZone: 'America/Atlantis' })));
    expect(fieldsOf(badZone)).toEqual([expect.objectContaining({ field: 'timeZone', key: 'collaboration:timeZoneInvalid' })]);
  });

  it('lets representatives and focal points of member ministries request for their own organisation, inviting other members', async () => {
    expect((await spaces.requestOrganisations(requester.viewer)).map((o) => o.id)).toEqual([peru]);
    expect(await spaces.requestOrganisations(ngoRep.viewer)).toEqual([]);
    expect(await spaces.requestOrganisations(requesterColleague.viewer)).toEqual([]);
    expect((await appError(spaces.request(ngoRep.viewer, requestInput({ requestingOrganisationId: ngo })))).messageKey).toBe('collaboration:requestNotAllowed');
    expect((await appError(spaces.request(undefined, requestInput()))).extensions.code).toBe('UNAUTHENTICATED');

    const suspended = await makeMinistry(dataSource, 'UY', 'Ministerio de Educación y Cultura del Uruguay');
    await dataSource.query(`UPDATE memberships SET status = 'SUSPENDED' WHERE organisation_id = $1`, [suspended]);
    const before = await counts();
    const notMine = await appError(spaces.request(requester.viewer, requestInput({ requestingOrganisationId: chile, invitedOrganisationIds: [colombia] })));
    expect(fieldsOf(notMine)).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'requestingOrganisationId', key: 'collaboration:requestingOrganisationInvalid' })]));
    const invited = await appError(spaces.request(requester.viewer, requestInput({ invitedOrganisationIds: [chile, peru, chile, suspended, randomUUID()] })));
    expect(fieldsOf(invited).map((f) => `${f.field} ${f.key}`)).toEqual(['invitedOrganisationIds.1 collaboration:invitedSelf', 'invitedOrganisationIds.2 collaboration:invitedDuplicate']);
    const inactive = await appError(spaces.request(requester.viewer, requestInput({ invitedOrganisationIds: [chile, suspended, randomUUID()] })));
    expect(fieldsOf(inactive).map((f) => `${f.field} ${f.key}`)).toEqual(['invitedOrganisationIds.1 collaboration:invitedInvalid', 'invitedOrganisationIds.2 collaboration:invitedInvalid']);
    const none = await appError(spaces.request(requester.viewer, requestInput({ invitedOrganisationIds: [] })));
    expect(fieldsOf(none)).toEqual([expect.objectContaining({ field: 'invitedOrganisationIds', key: 'collaboration:invitedRequired' })]);
    const tooMany = await appError(spaces.request(requester.viewer, requestInput({ invitedOrganisationIds: Array.from({ length: 20 }, () => randomUUID()) })));
    expect(fieldsOf(tooMany)).toEqual([expect.objectContaining({ field: 'invitedOrganisationIds', key: 'collaboration:invitedTooMany', params: { count: 19 } })]);
    expect(await counts()).toEqual(before);

    // The invitation search finds active members by any part of their name, accents ignored, and by country.
    const found = await spaces.searchOrganisations(requester.viewer, { search: 'ministerio chile' });
    expect(found.map((o) => o.id)).toContain(chile);
    expect(found.map((o) => o.id)).not.toContain(peru);
    expect((await spaces.searchOrganisations(requester.viewer, { search: 'brasil', countryCode: 'br' })).map((o) => o.id)).toEqual([brazil]);
    expect(await spaces.searchOrganisations(requester.viewer, { search: 'brasil', countryCode: 'PE' })).toEqual([]);
    expect((await spaces.searchOrganisations(requester.viewer, { search: 'Educación y Cultura' })).map((o) => o.id)).not.toContain(suspended);
    const mexicoName = `Secretaría de Educación Pública ${collabTag()}`;
    const [{ id: mexico }]: Array<{ id: string }> = await dataSource.query(
      `INSERT INTO organisations (slug, name, name_key, type, country_code, description) VALUES ($1, $2, $3, 'MINISTRY_OF_EDUCATION', 'MX', 'Secretaría.') RETURNING id`,
      [`sep-${collabTag()}`, mexicoName, nameKey(mexicoName)],
    );
    await dataSource.query(`INSERT INTO memberships (organisation_id, category) VALUES ($1, 'MEMBER_STATE')`, [mexico]);
    expect((await spaces.searchOrganisations(requester.viewer, { search: 'SECRETARIA educacion publica' })).map((o) => o.id)).toEqual([mexico]);
    expect((await appError(spaces.searchOrganisations(requester.viewer, { first: 50 }))).extensions.code).toBe('BAD_USER_INPUT');
    expect((await appError(spaces.searchOrganisations(undefined, {}))).extensions.code).toBe('UNAUTHENTICATED');
  });

  it('takes participants by the e-mail of a registered account: an unknown address is named and nothing is written', async () => {
    const before = await counts();
    const unknown = `nadie.${collabTag()}@example.org`;
    const error = await appError(spaces.request(requester.viewer, requestInput({ participantEmails: [requesterColleague.session.email, unknown] })));
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(fieldsOf(error)).toEqual([{ field: 'participantEmails.1', key: 'collaboration:participantUnknown', params: { email: unknown } }]);
    const malformed = await appError(spaces.request(requester.viewer, requestInput({ participantEmails: ['no es un correo'] })));
    expect(fieldsOf(malformed)).toEqual([expect.objectContaining({ field: 'participantEmails.0', key: 'validation:emailInvalid' })]);
    expect(await counts()).toEqual(before);

    // The requester is always on the list; addresses are matched without regard to case and repeats count once.
    const id = await requested({ participantEmails: [requesterColleague.session.email.toUpperCase(), requesterColleague.session.email] });
    const requesterParty = await partyOf(id, peru);
    expect(requesterParty).toMatchObject({ role: 'REQUESTER', status: 'CONFIRMED' });
    expect(await listOf(id, requesterParty.id)).toEqual([requester.session.id, requesterColleague.session.id].sort());
    expect((await partyOf(id, chile)).status).toBe('PENDING');

    // A confirmation with an unknown address writes nothing either.
    const chileParty = (await partyOf(id, chile)).id;
    const before2 = await counts();
    const bad = await appError(spaces.confirmParty(chileRep.viewer, id, chileParty, [chileTeam.session.email, unknown]));
    expect(fieldsOf(bad)).toEqual([{ field: 'participantEmails.1', key: 'collaboration:participantUnknown', params: { email: unknown } }]);
    expect(fieldsOf(await appError(spaces.confirmParty(chileRep.viewer, id, chileParty, [])))).toEqual([expect.objectContaining({ key: 'collaboration:participantsRequired' })]);
    // One list per person and table: Peru's colleague cannot also be on Chile's.
    const twice = await appError(spaces.confirmParty(chileRep.viewer, id, chileParty, [chileTeam.session.email, requesterColleague.session.email]));
    expect(fieldsOf(twice)).toEqual([{ field: 'participantEmails.1', key: 'collaboration:participantOnOtherParty', params: { email: requesterColleague.session.email } }]);
    expect(await counts()).toEqual(before2);
    expect((await partyOf(id, chile)).status).toBe('PENDING');
  });

  it('needs every invited party to answer before approval; one declining and another confirming lets the moderator approve', async () => {
    const id = await requested();
    const chileParty = (await partyOf(id, chile)).id;
    const colombiaParty = (await partyOf(id, colombia)).id;
    const approve = { decision: 'APPROVE', moderatorId: moderator2.session.id };

    const pending = await appError(spaces.review(moderator.viewer, id, approve));
    expect(pending.extensions.code).toBe('CONFLICT');
    expect(pending.messageKey).toBe('collaboration:partiesPending');

    // Only the party's own representatives and focal points answer for it.
    expect((await appError(spaces.confirmParty(colombiaFocal.viewer, id, chileParty, [colombiaTeam.session.email]))).extensions.code).toBe('FORBIDDEN');
    expect((await appError(spaces.confirmParty(requester.viewer, id, chileParty, [chileTeam.session.email]))).extensions.code).toBe('FORBIDDEN');
    // The requesting party confirmed by asking.
    expect((await appError(spaces.confirmParty(requester.viewer, id, (await partyOf(id, peru)).id, [chileTeam.session.email]))).messageKey).toBe('collaboration:notInvitedParty');
    expect((await appError(spaces.confirmParty(outsider.viewer, id, chileParty, [chileTeam.session.email]))).extensions.code).toBe('NOT_FOUND');
    expect((await appError(spaces.confirmParty(chileRep.viewer, id, randomUUID(), [chileTeam.session.email]))).extensions.code).toBe('NOT_FOUND');

    await spaces.confirmParty(chileFocal.viewer, id, chileParty, [chileTeam.session.email, chileFocal.session.email]);
    expect(await partyOf(id, chile)).toMatchObject({ status: 'CONFIRMED', respondedAt: expect.any(Date) });
    expect(await listOf(id, chileParty)).toEqual([chileTeam.session.id, chileFocal.session.id].sort());
    const confirmed = await batches(id, 'collaboration.confirmed');
    expect(confirmed).toEqual([expect.objectContaining({ recipients: [requester.session.id], data: { title: 'Evaluación formativa en escuelas rurales', organisation: 'Ministerio de Educación de Chile', status: 'CONFIRMED' } })]);
    // Answered once: a second answer is refused, whoever gives it.
    expect((await appError(spaces.confirmParty(chileRep.viewer, id, chileParty, [chileRep.session.email]))).messageKey).toBe('collaboration:alreadyAnswered');
    expect((await appError(spaces.declineParty(chileRep.viewer, id, chileParty))).messageKey).toBe('collaboration:alreadyAnswered');

    expect((await appError(spaces.review(moderator.viewer, id, approve))).messageKey).toBe('collaboration:partiesPending');
    await spaces.declineParty(colombiaFocal.viewer, id, colombiaParty, 'Sin disponibilidad este semestre.');
    expect((await partyOf(id, colombia)).status).toBe('DECLINED');
    expect((await batches(id, 'collaboration.confirmed')).map((b) => b.data.status)).toEqual(['CONFIRMED', 'DECLINED']);

    const opened = await spaces.review(moderator.viewer, id, { ...approve, note: 'Moderación a cargo de Henry.' });
    expect(opened).toMatchObject({ status: 'OPEN', moderatorId: moderator2.session.id, reviewedById: moderator.session.id, reviewNote: 'Moderación a cargo de Henry.' });
    expect(await actions(id)).toEqual(['REQUESTED', 'PARTY_CONFIRMED', 'PARTY_DECLINED', 'APPROVED']);
    const history = await spaces.historyOf([id]);
    expect(history[0]).toMatchObject({ action: 'APPROVED', actorName: 'Natalia Fernández Laya', data: { person: 'Henry Armas Alvarado' } });
    // The moderator assigned by someone else learns of it with everyone concerned.
    expect((await batches(id, 'collaboration.reviewed'))[0].recipients).toContain(moderator2.session.id);
    expect(history.find((e) => e.action === 'PARTY_DECLINED')).toMatchObject({ note: 'Sin disponibilidad este semestre.', data: { organisation: 'Ministerio de Educación Nacional de Colombia' } });

    // When every invited party declines there is nobody to meet: approval is refused.
    const lonely = await requested();
    await spaces.declineParty(chileRep.viewer, lonely, (await partyOf(lonely, chile)).id);
    await spaces.declineParty(colombiaFocal.viewer, lonely, (await partyOf(lonely, colombia)).id);
    expect((await appError(spaces.review(moderator.viewer, lonely, approve))).messageKey).toBe('collaboration:noPartyConfirmed');
    // The moderator assigned must hold the moderator role.
    const notModerator = await appError(spaces.review(moderator.viewer, await answered(), { decision: 'APPROVE', moderatorId: outsider.session.id }));
    expect(fieldsOf(notModerator)).toEqual([{ field: 'moderatorId', key: 'collaboration:moderatorInvalid' }]);
  });

  it('shows a table only to whom it concerns; everyone else gets null or NOT_FOUND', async () => {
    const id = await requested();
    const level = async (p: Person | undefined) => (await spaces.findTable(p?.viewer, id))?.level ?? null;

    // Under review: the parties' managers and portal moderators see the overview; outsiders nothing.
    expect(await level(undefined)).toBeNull();
    expect(await level(outsider)).toBeNull();
    expect(await level(brazilMember)).toBeNull();
    expect(await level(ngoRep)).toBeNull();
    expect(await level(chileTeam)).toBeNull(); // on another table's list only
    expect(await level(chileRep)).toBe('OVERVIEW');
    expect(await level(colombiaFocal)).toBe('OVERVIEW');
    expect(await level(moderator)).toBe('OVERVIEW');
    expect(await level(requester)).toBe('MEMBER');
    expect(await level(requesterColleague)).toBe('MEMBER');
    expect(await level(admin)).toBe('ADMIN');
    expect(await spaces.findTable(requester.viewer, 'not-a-uuid')).toBeNull();
    expect(await spaces.findTable(requester.viewer, randomUUID())).toBeNull();
    for (const p of [outsider, brazilMember, undefined]) {
      const attempts = [
        spaces.updateRequest(p?.viewer, id, { title: 'Otra', description: 'Otra descripción de la mesa.', agenda: '1. Nada', timeZone: 'America/Lima', firstSessionAt: inDays(20) }),
        spaces.review(p?.viewer, id, { decision: 'DECLINE', note: 'No.' }),
        spaces.addParticipants(p?.viewer, id, (await partyOf(id, peru)).id, [outsider.session.email]),
        spaces.close(p?.viewer, id),
      ];
      for (const attempt of attempts) expect(['NOT_FOUND', 'UNAUTHENTICATED']).toContain((await appError(attempt)).extensions.code);
    }
    // Seen but not theirs to decide or edit: refused as forbidden (existence is no secret to them).
    expect((await appError(spaces.review(chileRep.viewer, id, { decision: 'DECLINE', note: 'No.' }))).extensions.code).toBe('FORBIDDEN');
    expect(
      (await appError(spaces.updateRequest(chileRep.viewer, id, { title: 'Otra', description: 'Otra descripción de la mesa.', agenda: '1. Nada', timeZone: 'America/Lima', firstSessionAt: inDays(20) })))
        .extensions.code,
    ).toBe('FORBIDDEN');

    // Open, moderated by moderator2: the other portal moderator no longer sees it; the confirmed parties' lists do.
    await spaces.confirmParty(chileRep.viewer, id, (await partyOf(id, chile)).id, [chileTeam.session.email]);
    await spaces.confirmParty(colombiaFocal.viewer, id, (await partyOf(id, colombia)).id, [colombiaTeam.session.email]);
    await spaces.review(admin.viewer, id, { decision: 'APPROVE', moderatorId: moderator2.session.id });
    expect(await level(moderator)).toBeNull();
    expect(await level(moderator2)).toBe('MODERATOR');
    expect(await level(chileTeam)).toBe('MEMBER');
    expect(await level(chileRep)).toBe('OVERVIEW');
    expect(await level(outsider)).toBeNull();
    expect((await appError(spaces.close(moderator.viewer, id))).extensions.code).toBe('NOT_FOUND');

    // The batched access of lists agrees with the access service's own decision, for everyone.
    const other = await requested();
    const declined = await requested();
    await spaces.review(moderator.viewer, declined, { decision: 'DECLINE', note: 'Fuera del alcance de las mesas.' });
    const people = [requester, requesterColleague, chileRep, chileFocal, chileTeam, colombiaFocal, colombiaTeam, moderator, moderator2, admin, outsider, brazilMember, ngoRep];
    for (const p of [...people, undefined]) {
      const many = await spaces.accessMany(p?.viewer, [id, other, declined]);
      for (const spaceId of [id, other, declined]) {
        const one = await access.accessTo(p?.viewer, await dataSource.getRepository(CollaborationSpace).findOneByOrFail({ id: spaceId }));
        const batched = many.get(spaceId)!;
        expect({ who: p?.session.name, spaceId, level: batched.level, managed: batched.managedPartyIds, party: batched.participantPartyId, organiser: batched.organiser }).toEqual({
          who: p?.session.name,
          spaceId,
          level: one.level,
          managed: one.managedPartyIds,
          party: one.participantPartyId,
          organiser: one.organiser,
        });
      }
    }

    // "My tables" lists what each person reaches.
    const mine = async (p: Person) => (await spaces.myTables(p.viewer, null, 100)).edges.map((e) => e.node.id);
    expect(await mine(outsider)).toEqual([]);
    expect(await mine(chileRep)).toEqual(expect.arrayContaining([id, other, declined]));
    expect(await mine(moderator)).toEqual(expect.arrayContaining([other, declined]));
    expect(await mine(moderator)).not.toContain(id);
    expect(await mine(moderator2)).toContain(id);
    expect(await mine(brazilMember)).not.toContain(id);
    expect((await spaces.myTables(chileRep.viewer, 'OPEN', 100)).edges.map((e) => e.node.status)).not.toContain('REQUESTED');
    // Newest activity first.
    expect((await mine(requester)).indexOf(declined)).toBeLessThan((await mine(requester)).indexOf(id));
  });

  it('resolves tables for the pages: null for outsiders, parties with names (never addresses), permissions, batched lists', async () => {
    const id = await answered();
    expect(await resolver.table(ctxOf(outsider), id)).toBeNull();
    expect(await resolver.table(ctxOf(undefined), id)).toBeNull();
    expect(await resolver.table(ctxOf(brazilMember), id)).toBeNull();

    const ctx = ctxOf(chileRep);
    const table = (await resolver.table(ctx, id))!;
    expect(await resolver.myAccess(table, ctx)).toBe('MEMBER');
    expect(await resolver.requesterName(table, ctx)).toBe('Rosa Quispe Huamán');
    expect(await resolver.requestingOrganisation(table, ctx)).toMatchObject({ id: peru, name: 'Ministerio de Educación del Perú', countryCode: 'PE' });
    const parties = await resolver.parties(table, ctx);
    expect(parties.map((p) => [p.organisationName, p.role, p.status, p.canManage])).toEqual([
      ['Ministerio de Educación del Perú', 'REQUESTER', 'CONFIRMED', false],
      ['Ministerio de Educación de Chile', 'INVITED', 'CONFIRMED', true],
      ['Ministerio de Educación Nacional de Colombia', 'INVITED', 'CONFIRMED', false],
    ]);
    expect(parties[1].canEditParticipants).toBe(true);
    expect(parties[0].canEditParticipants).toBe(false);
    expect(parties[1].participants.map((p) => p.name)).toEqual(['Catalina Rojas Fuentes', 'Valentina Muñoz Araya']);
    expect(JSON.stringify(parties)).not.toMatch(/@/);
    expect(resolver.agendaHtml(table)).toContain('<ol>');
    expect(resolver.agendaHtml(Object.assign(Object.create(table), { agenda: '<script>alert(1)</script>' }))).not.toContain('<script');
    expect(await resolver.canEdit(table, ctx)).toBe(false);
    expect(await resolver.canReview(table, ctx)).toBe(false);
    expect((await resolver.history(table, ctx)).map((e) => e.action)).toEqual(['PARTY_CONFIRMED', 'PARTY_CONFIRMED', 'REQUESTED']);

    const modCtx = ctxOf(moderator);
    const forModerator = (await resolver.table(modCtx, id))!;
    expect([await resolver.myAccess(forModerator, modCtx), await resolver.canReview(forModerator, modCtx), await resolver.canManageParticipants(forModerator, modCtx)]).toEqual([
      'OVERVIEW',
      true,
      true,
    ]);
    const reqCtx = ctxOf(requester);
    const forRequester = (await resolver.table(reqCtx, id))!;
    expect([await resolver.canEdit(forRequester, reqCtx), await resolver.canResubmit(forRequester, reqCtx), await resolver.organiser(forRequester, reqCtx)]).toEqual([true, false, true]);

    // A page of tables costs one query per kind of field, whatever its length.
    const partiesOf = jest.spyOn(spaces, 'partiesOf');
    const accessMany = jest.spyOn(spaces, 'accessMany');
    try {
      const listCtx = ctxOf(chileRep);
      const page = await resolver.myTables(listCtx, { first: 10 });
      expect(page.edges.length).toBeGreaterThan(2);
      await Promise.all(page.edges.map((e) => Promise.all([resolver.parties(e.node, listCtx), resolver.myAccess(e.node, listCtx), resolver.requestingOrganisation(e.node, listCtx)])));
      expect(partiesOf).toHaveBeenCalledTimes(1);
      expect(accessMany).toHaveBeenCalledTimes(1);
    } finally {
      partiesOf.mockRestore();
      accessMany.mockRestore();
    }
  });

  it('runs the review: changes asked with a note, edits and resubmission, decline; each step in the history and notified', async () => {
    const id = await answered();
    const invited = await batches(id, 'collaboration.invited');
    expect(invited).toHaveLength(1);
    expect(invited[0].recipients.sort()).toEqual([chileRep.session.id, chileFocal.session.id, colombiaFocal.session.id].sort());
    expect(invited[0].data).toEqual({ title: 'Evaluación formativa en escuelas rurales', organisation: 'Ministerio de Educación del Perú' });
    const requestedBatches = await batches(id, 'collaboration.requested');
    expect(requestedBatches).toHaveLength(1);
    expect(requestedBatches[0].recipients).toEqual(expect.arrayContaining([moderator.session.id, moderator2.session.id, admin.session.id]));
    expect(requestedBatches[0].recipients).not.toContain(requester.session.id);

    // The queue: moderators and administrators only, oldest first.
    expect((await appError(spaces.reviewQueue(requester.viewer, null))).extensions.code).toBe('FORBIDDEN');
    const queue = (await spaces.reviewQueue(moderator.viewer, null, 100)).edges.map((e) => e.node);
    expect(queue.map((s) => s.id)).toContain(id);
    expect(queue.every((s) => s.status === 'REQUESTED' || s.status === 'CHANGES_REQUESTED')).toBe(true);
    const times = queue.map((s) => s.requestedAt!.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect((await spaces.moderators(admin.viewer)).map((m) => m.id)).toEqual(expect.arrayContaining([moderator.session.id, moderator2.session.id]));
    expect((await appError(spaces.moderators(chileRep.viewer))).extensions.code).toBe('FORBIDDEN');

    const noNote = await appError(spaces.review(moderator.viewer, id, { decision: 'REQUEST_CHANGES', note: '   ' }));
    expect(fieldsOf(noNote)).toEqual([expect.objectContaining({ field: 'note', key: 'collaboration:noteRequired' })]);
    const changes = await spaces.review(moderator.viewer, id, { decision: 'REQUEST_CHANGES', note: 'Precise la agenda de la primera sesión.' });
    expect(changes).toMatchObject({ status: 'CHANGES_REQUESTED', reviewNote: 'Precise la agenda de la primera sesión.' });
    const reviewed = await batches(id, 'collaboration.reviewed');
    expect(reviewed).toHaveLength(1);
    expect(reviewed[0].data).toEqual({ title: 'Evaluación formativa en escuelas rurales', status: 'CHANGES_REQUESTED', note: 'Precise la agenda de la primera sesión.' });
    expect(reviewed[0].recipients.sort()).toEqual(
      [requester.session.id, requesterColleague.session.id, chileRep.session.id, chileFocal.session.id, chileTeam.session.id, colombiaFocal.session.id, colombiaTeam.session.id].sort(),
    );
    // Decided once: another decision is refused until the request comes back.
    expect((await appError(spaces.review(moderator2.viewer, id, { decision: 'DECLINE', note: 'No.' }))).messageKey).toBe('collaboration:notAwaitingReview');

    // Only the requesting side resubmits, with its edits, and the 15-day rule applies again.
    expect((await appError(spaces.resubmit(chileRep.viewer, id))).extensions.code).toBe('FORBIDDEN');
    const details = { title: 'Evaluación formativa en escuelas rurales', description: 'Intercambiar experiencias de evaluación formativa.', agenda: '1. Presentaciones\n2. Instrumentos', timeZone: 'America/Lima' };
    expect(fieldsOf(await appError(spaces.resubmit(requester.viewer, id, { ...details, firstSessionAt: inDays(10) }))).map((f) => f.key)).toEqual(['collaboration:firstSessionTooSoon']);
    const back = await spaces.resubmit(requester.viewer, id, { ...details, firstSessionAt: inDays(25) });
    expect(back).toMatchObject({ status: 'REQUESTED', agenda: '1. Presentaciones\n2. Instrumentos' });
    expect(await batches(id, 'collaboration.requested')).toHaveLength(2);
    expect((await appError(spaces.resubmit(requester.viewer, id))).messageKey).toBe('collaboration:notAwaitingChanges');

    const declined = await spaces.review(admin.viewer, id, { decision: 'DECLINE', note: 'La temática corresponde a un grupo técnico.' });
    expect(declined.status).toBe('DECLINED');
    expect((await batches(id, 'collaboration.reviewed')).map((b) => b.data.status)).toEqual(['CHANGES_REQUESTED', 'DECLINED']);
    expect(await actions(id)).toEqual(['REQUESTED', 'PARTY_CONFIRMED', 'PARTY_CONFIRMED', 'CHANGES_REQUESTED', 'RESUBMITTED', 'DECLINED']);
    expect((await spaces.historyOf([id])).find((e) => e.action === 'RESUBMITTED')?.data).toEqual({ edited: true });
    // A declined table is over: no more edits or list changes.
    expect((await appError(spaces.updateRequest(requester.viewer, id, { ...details, firstSessionAt: inDays(25) }))).messageKey).toBe('collaboration:requestNotEditable');
    expect((await appError(spaces.addParticipants(requester.viewer, id, (await partyOf(id, peru)).id, [outsider.session.email]))).messageKey).toBe('collaboration:tableDeclined');
  });

  it('keeps each party’s list with its managers, the moderator and administrators, and refreshes session and commitment reminders on every change', async () => {
    const id = await opened();
    const chileParty = (await partyOf(id, chile)).id;
    const peruParty = (await partyOf(id, peru)).id;
    const reminders = jest.spyOn(meetings, 'rescheduleReminders');
    const overdue = jest.spyOn(commitments, 'rescheduleReminders');
    try {
      await spaces.addParticipants(chileFocal.viewer, id, chileParty, [chileFocal.session.email, chileTeam.session.email]);
      expect(await listOf(id, chileParty)).toEqual([chileTeam.session.id, chileRep.session.id, chileFocal.session.id].sort());
      expect(reminders).toHaveBeenLastCalledWith(expect.anything(), id);
      // People already on the list are no change (and no history step).
      const calls = reminders.mock.calls.length;
      await spaces.addParticipants(chileFocal.viewer, id, chileParty, [chileTeam.session.email]);
      expect(reminders.mock.calls.length).toBe(calls);

      expect((await appError(spaces.addParticipants(chileRep.viewer, id, peruParty, [outsider.session.email]))).extensions.code).toBe('FORBIDDEN');
      expect((await appError(spaces.addParticipants(chileTeam.viewer, id, chileParty, [outsider.session.email]))).extensions.code).toBe('FORBIDDEN');
      await spaces.addParticipants(moderator2.viewer, id, peruParty, [outsider.session.email]);
      await spaces.addParticipants(admin.viewer, id, peruParty, [brazilMember.session.email]);
      expect(await listOf(id, peruParty)).toEqual([requester.session.id, requesterColleague.session.id, outsider.session.id, brazilMember.session.id].sort());

      const participants = await spaces.participantsOf([id]);
      const outsiderRow = participants.find((p) => p.userId === outsider.session.id)!;
      await spaces.removeParticipant(requester.viewer, id, outsiderRow.id);
      expect(reminders).toHaveBeenLastCalledWith(expect.anything(), id);
      expect(overdue).toHaveBeenLastCalledWith(expect.anything(), id);
      expect(await spaces.findTable(outsider.viewer, id)).toBeNull();
      expect((await appError(spaces.removeParticipant(chileRep.viewer, id, participants.find((p) => p.userId === brazilMember.session.id)!.id))).extensions.code).toBe('FORBIDDEN');

      // A party keeps at least one person.
      const colombiaParty = (await partyOf(id, colombia)).id;
      const [only] = (await spaces.participantsOf([id])).filter((p) => p.partyId === colombiaParty);
      expect((await appError(spaces.removeParticipant(colombiaFocal.viewer, id, only.id))).messageKey).toBe('collaboration:partyNeedsParticipant');
      const history = await spaces.historyOf([id]);
      expect(history[0]).toMatchObject({ action: 'PARTICIPANT_REMOVED', data: { person: 'Tomás Ferreyra', organisation: 'Ministerio de Educación del Perú' } });
    } finally {
      reminders.mockRestore();
      overdue.mockRestore();
    }
  });

  it('closes an open table: participants are told and every later write is refused', async () => {
    const id = await opened();
    expect((await appError(spaces.close(chileTeam.viewer, id))).extensions.code).toBe('FORBIDDEN');
    expect((await appError(spaces.close(requester.viewer, id))).extensions.code).toBe('FORBIDDEN');
    const closed = await spaces.close(moderator2.viewer, id, 'Se cumplió la agenda acordada.');
    expect(closed).toMatchObject({ status: 'CLOSED', closedById: moderator2.session.id, closedAt: expect.any(Date) });
    const told = await batches(id, 'collaboration.closed');
    expect(told).toHaveLength(1);
    expect(told[0].data).toEqual({ title: 'Evaluación formativa en escuelas rurales' });
    expect(told[0].recipients.sort()).toEqual(
      [requester.session.id, requesterColleague.session.id, chileRep.session.id, chileTeam.session.id, colombiaTeam.session.id].sort(),
    );
    expect((await spaces.historyOf([id]))[0]).toMatchObject({ action: 'CLOSED', note: 'Se cumplió la agenda acordada.' });

    // Still readable by its people, as an archive.
    expect((await spaces.findTable(chileTeam.viewer, id))?.level).toBe('MEMBER');
    const before = await counts();
    const participant = (await spaces.participantsOf([id])).find((p) => p.userId === requesterColleague.session.id)!;
    const writes = [
      spaces.close(admin.viewer, id),
      spaces.addParticipants(requester.viewer, id, (await partyOf(id, peru)).id, [outsider.session.email]),
      spaces.removeParticipant(admin.viewer, id, participant.id),
      spaces.review(admin.viewer, id, { decision: 'DECLINE', note: 'No.' }),
      spaces.updateRequest(requester.viewer, id, { title: 'Otra mesa', description: 'Otra descripción de la mesa.', agenda: '1. Nada', timeZone: 'America/Lima', firstSessionAt: inDays(20) }),
      spaces.resubmit(requester.viewer, id),
    ];
    for (const write of writes) {
      const error = await appError(write);
      expect(`${error.extensions.code} ${error.messageKey}`).toBe('CONFLICT collaboration:closedReadOnly');
    }
    expect(await counts()).toEqual(before);
    // Closing needs an open table.
    expect((await appError(spaces.close(admin.viewer, await requested()))).messageKey).toBe('collaboration:notOpen');
  });

  it('concurrent confirmations of one party give one answer, one list and one notification', async () => {
    for (let round = 0; round < 3; round++) {
      const id = await requested();
      const chileParty = (await partyOf(id, chile)).id;
      const results = await Promise.allSettled([
        spaces.confirmParty(chileRep.viewer, id, chileParty, [chileRep.session.email, chileTeam.session.email]),
        spaces.confirmParty(chileFocal.viewer, id, chileParty, [chileFocal.session.email, chileTeam.session.email]),
        spaces.declineParty(chileRep.viewer, id, chileParty, 'Duplicado.'),
      ]);
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(lost.map((r) => (r.reason as AppError).messageKey)).toEqual(['collaboration:alreadyAnswered', 'collaboration:alreadyAnswered']);
      const answers = (await actions(id)).filter((a) => a === 'PARTY_CONFIRMED' || a === 'PARTY_DECLINED');
      expect(answers).toHaveLength(1);
      const party = await partyOf(id, chile);
      expect(party.status).toBe(answers[0] === 'PARTY_CONFIRMED' ? 'CONFIRMED' : 'DECLINED');
      expect((await listOf(id, chileParty)).length).toBe(party.status === 'CONFIRMED' ? 2 : 0);
      expect(await batches(id, 'collaboration.confirmed')).toHaveLength(1);
    }
  });

  it('concurrent reviews of one request give one decision', async () => {
    for (let round = 0; round < 3; round++) {
      const id = await answered(false);
      const results = await Promise.allSettled([
        spaces.review(moderator.viewer, id, { decision: 'APPROVE', moderatorId: moderator.session.id }),
        spaces.review(moderator2.viewer, id, { decision: 'APPROVE', moderatorId: moderator2.session.id }),
        spaces.review(admin.viewer, id, { decision: 'DECLINE', note: 'Duplicada.' }),
      ]);
      const won = results.filter((r): r is PromiseFulfilledResult<Awaited<ReturnType<SpacesService['review']>>> => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      // The others find it decided; a portal moderator who was not assigned no longer sees an open table at all.
      for (const r of lost) expect(['CONFLICT collaboration:notAwaitingReview', 'NOT_FOUND collaboration:notFound']).toContain(`${(r.reason as AppError).extensions.code} ${(r.reason as AppError).messageKey}`);
      const decisions = (await actions(id)).filter((a) => ['APPROVED', 'DECLINED', 'CHANGES_REQUESTED'].includes(a));
      expect(decisions).toHaveLength(1);
      const [row]: Array<{ status: string; moderator_id: string | null }> = await dataSource.query(`SELECT status, moderator_id FROM collab_spaces WHERE id = $1`, [id]);
      expect(row).toEqual({ status: won[0].value.status, moderator_id: won[0].value.moderatorId });
      expect(await batches(id, 'collaboration.reviewed')).toHaveLength(1);
    }
  });
});
