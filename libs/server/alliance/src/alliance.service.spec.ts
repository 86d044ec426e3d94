import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppError } from '@alliance/server-graphql';
import { appError, UsersService, type User } from '@alliance/server-identity';
import { OutgoingEmail } from '@alliance/server-mail';
import { Role } from '@alliance/shared-core';
import { translator } from '@alliance/shared-i18n';
import type { Actor } from './actor';
import { ApplicationsService, type ApplicationInput } from './applications.service';
import { DashboardService } from './dashboard.service';
import { ApplicationEvent, FocalPoint, Membership, MembershipApplication, Organisation } from './entities';
import { FocalPointsService } from './focal-points.service';
import { InvitationsService } from './invitations.service';
import { OrganisationRolesService } from './organisation-roles.service';
import { OrganisationsService } from './organisations.service';
import { ReferenceService } from './reference.service';
import { createAllianceTestApp } from './testing/alliance-test-app';
import { nameKey, websiteHost } from './normalise';

const tag = () => randomBytes(4).toString('hex');

describe('alliance services (real PostgreSQL, in-process queue)', () => {
  let app: INestApplicationContext;
  let dataSource: DataSource;
  let users: UsersService;
  let applications: ApplicationsService;
  let organisations: OrganisationsService;
  let focalPoints: FocalPointsService;
  let invitations: InvitationsService;
  let roles: OrganisationRolesService;
  let reference: ReferenceService;
  let dashboards: DashboardService;
  let admin: Actor;
  let focusAreaIds: string[];
  let charterVersion: number;
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, { QUEUE_DRIVER: 'inprocess', SMTP_URL: '', PUBLIC_URL: 'https://portal.example' });
    app = await createAllianceTestApp();
    dataSource = app.get<DataSource>(getDataSourceToken());
    users = app.get(UsersService);
    applications = app.get(ApplicationsService);
    organisations = app.get(OrganisationsService);
    focalPoints = app.get(FocalPointsService);
    invitations = app.get(InvitationsService);
    roles = app.get(OrganisationRolesService);
    reference = app.get(ReferenceService);
    dashboards = app.get(DashboardService);
    admin = await actor({ roles: [Role.Admin], name: 'Valentina Rojas' });
    focusAreaIds = (await reference.focusAreas(false)).map((f) => f.id);
    charterVersion = (await reference.currentCharter()).version;
  });

  afterAll(async () => {
    await app?.close();
    process.env = saved;
  });

  async function person(overrides: Partial<{ name: string; roles: Role[]; email: string }> = {}): Promise<User> {
    return users.createUser({
      name: overrides.name ?? 'Ana Pérez',
      email: overrides.email ?? `person.${tag()}@example.org`,
      password: 'correct horse battery',
      countryCode: 'CL',
      preferredLocale: 'es',
      verified: true,
      roles: overrides.roles,
    });
  }
  async function actor(overrides: Partial<{ name: string; roles: Role[]; email: string }> = {}): Promise<Actor & { email: string }> {
    const user = await person(overrides);
    return { id: user.id, name: user.name, roles: overrides.roles ?? [], email: user.email };
  }

  const input = (overrides: Partial<ApplicationInput> = {}): ApplicationInput => {
    const t = tag();
    return {
      organisationName: `Fundación Aprender ${t}`,
      organisationType: 'NGO',
      countryCode: 'PE',
      website: `https://www.aprender-${t}.org.pe/quienes-somos`,
      description: 'Acompañamos a escuelas rurales de los Andes en la mejora de la lectura y la escritura.',
      applicantRole: 'Directora ejecutiva',
      motivation: 'Queremos compartir nuestra experiencia y aprender de los ministerios de la región.',
      focusAreaIds: focusAreaIds.slice(0, 2),
      charterVersion,
      ...overrides,
    };
  };

  async function approved(overrides: Partial<ApplicationInput> = {}, applicant?: Actor) {
    const who = applicant ?? (await actor({ name: 'Rosa Quispe' }));
    const application = await applications.submit(who, input(overrides));
    const done = await applications.approve(admin, application.id);
    const organisation = await dataSource.getRepository(Organisation).findOneByOrFail({ id: done.organisationId! });
    return { applicant: who, application: done, organisation };
  }

  it('normalises names and websites for the duplicate guard', () => {
    expect(nameKey('  Fundación  Educa-Más ')).toBe('fundacion educa mas');
    expect(websiteHost('https://WWW.Educa.org.br/sobre?x=1')).toBe('educa.org.br');
    expect(websiteHost('educa.org.br')).toBe('educa.org.br');
    expect(websiteHost('not a site')).toBeNull();
  });

  it('walks every legal transition, records each with who and note, and notifies the applicant', async () => {
    const applicant = await actor();
    const a = await applications.submit(applicant, input());
    expect(a.status).toBe('SUBMITTED');
    expect((await applications.startReview(admin, a.id, 'Revisando')).status).toBe('UNDER_REVIEW');
    expect((await applications.requestChanges(admin, a.id, 'Agregue el sitio web oficial')).status).toBe('CHANGES_REQUESTED');
    const resubmitted = await applications.update(applicant, a.id, input({ organisationName: a.organisationName, description: 'Una descripción corregida y más completa de nuestro trabajo.' }));
    expect(resubmitted.status).toBe('SUBMITTED');
    expect(resubmitted.description).toContain('corregida');
    expect((await applications.requestChanges(admin, a.id, 'Otra vez')).status).toBe('CHANGES_REQUESTED');
    expect((await applications.withdraw(applicant, a.id, null)).status).toBe('WITHDRAWN');

    const events = await dataSource.getRepository(ApplicationEvent).find({ where: { applicationId: a.id }, order: { createdAt: 'ASC' } });
    expect(events.map((e) => [e.fromStatus, e.toStatus])).toEqual([
      [null, 'SUBMITTED'],
      ['SUBMITTED', 'UNDER_REVIEW'],
      ['UNDER_REVIEW', 'CHANGES_REQUESTED'],
      ['CHANGES_REQUESTED', 'SUBMITTED'],
      ['SUBMITTED', 'CHANGES_REQUESTED'],
      ['CHANGES_REQUESTED', 'WITHDRAWN'],
    ]);
    expect(events[2]).toMatchObject({ note: 'Agregue el sitio web oficial', actorId: admin.id, actorName: 'Valentina Rojas' });
    const batches: Array<{ data: { status: string } }> = await dataSource.query(
      `SELECT data FROM notification_batch WHERE type = 'alliance.application' AND $1::uuid = ANY(recipients) ORDER BY created_at`,
      [applicant.id],
    );
    expect(batches.map((b) => b.data.status)).toEqual(['SUBMITTED', 'UNDER_REVIEW', 'CHANGES_REQUESTED', 'SUBMITTED', 'CHANGES_REQUESTED', 'WITHDRAWN']);

    const b = await applications.submit(applicant, input());
    expect((await applications.reject(admin, b.id, 'Fuera del ámbito de la Alianza')).status).toBe('REJECTED');
    const c = await applications.submit(applicant, input());
    await applications.startReview(admin, c.id);
    expect((await applications.approve(admin, c.id)).status).toBe('APPROVED');
    const d = await applications.submit(applicant, input());
    expect((await applications.withdraw(applicant, d.id, 'Nos equivocamos')).status).toBe('WITHDRAWN');
  });

  it('refuses illegal transitions with a translated conflict and changes nothing', async () => {
    const applicant = await actor();
    const a = await applications.submit(applicant, input());
    await applications.reject(admin, a.id, 'No corresponde');
    const error = await appError(applications.approve(admin, a.id));
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'alliance:illegalTransition', messageParams: { from: 'REJECTED', to: 'APPROVED' } });
    expect(String(translator('es')('alliance:illegalTransition', error.params))).toBe('No se puede pasar una solicitud de «Rechazada» a «Aprobada».');
    expect((await appError(applications.withdraw(applicant, a.id))).extensions.code).toBe('CONFLICT');
    const b = await applications.submit(applicant, input());
    expect((await appError(applications.update(applicant, b.id, input()))).extensions.messageKey).toBe('alliance:illegalTransition');
    await applications.startReview(admin, b.id);
    expect((await appError(applications.startReview(admin, b.id))).extensions.code).toBe('CONFLICT');
    expect((await dataSource.getRepository(MembershipApplication).findOneByOrFail({ id: b.id })).status).toBe('UNDER_REVIEW');
    expect((await appError(applications.requestChanges(admin, b.id, '   '))).extensions.code).toBe('BAD_USER_INPUT');
  });

  it('lets only administrators review, and only the applicant see, edit or withdraw', async () => {
    const applicant = await actor();
    const participant = await actor();
    const a = await applications.submit(applicant, input());
    for (const attempt of [
      applications.startReview(participant, a.id),
      applications.approve(participant, a.id),
      applications.reject(participant, a.id, 'no'),
      applications.requestChanges(applicant, a.id, 'no'),
    ]) {
      expect((await appError(attempt)).extensions.code).toBe('FORBIDDEN');
    }
    expect((await appError(applications.withdraw(participant, a.id))).extensions.code).toBe('NOT_FOUND');
    expect(await applications.findVisible(participant, a.id)).toBeNull();
    expect(await applications.findVisible(admin, a.id)).not.toBeNull();
    expect((await dataSource.getRepository(MembershipApplication).findOneByOrFail({ id: a.id })).status).toBe('SUBMITTED');
  });

  it('validates the application and the accepted charter version', async () => {
    const applicant = await actor();
    const error = await appError(applications.submit(applicant, input({ organisationName: 'X', website: 'not a site', focusAreaIds: [], charterVersion })));
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect((error.extensions.fields as Array<{ field: string }>).map((f) => f.field).sort()).toEqual(['focusAreaIds', 'organisationName', 'website']);
    const stale = await appError(applications.submit(applicant, input({ charterVersion: charterVersion + 5 })));
    expect(stale.fieldErrors).toEqual([{ field: 'charterVersion', key: 'alliance:charterOutdated' }]);
    expect(await dataSource.getRepository(MembershipApplication).countBy({ applicantId: applicant.id })).toBe(0);
  });

  it('guards against duplicates: same website host, same accent-insensitive name in the country, members too', async () => {
    const t = tag();
    const first = await actor();
    await applications.submit(first, input({ organisationName: `Red de Educación Rural ${t}`, countryCode: 'CO', website: `https://red-${t}.org.co` }));
    const other = await actor();
    const byHost = await appError(applications.submit(other, input({ website: `http://www.RED-${t}.org.co/contacto` })));
    expect(byHost.extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'alliance:duplicateApplication', messageParams: { name: `Red de Educación Rural ${t}` } });
    const byName = await appError(applications.submit(other, input({ organisationName: `RED DE EDUCACION rural ${t}`, countryCode: 'CO', website: null })));
    expect(byName.extensions.messageKey).toBe('alliance:duplicateApplication');
    // Same name in another country is another organisation.
    await applications.submit(other, input({ organisationName: `Red de Educación Rural ${t}`, countryCode: 'EC', website: null }));

    const { organisation } = await approved({ organisationName: `Ministerio de Educación ${t}`, organisationType: 'MINISTRY_OF_EDUCATION', countryCode: 'GT', website: null });
    const member = await appError(applications.submit(other, input({ organisationName: `ministerio de educacion ${t}`, countryCode: 'GT', website: null })));
    expect(member.extensions).toMatchObject({ messageKey: 'alliance:duplicateMember', messageParams: { name: organisation.name } });
    expect(String(translator('en')('alliance:duplicateMember', member.params))).toContain('ask one of its representatives to invite you');
  });

  it('keeps one application of five concurrent identical submissions', async () => {
    const body = input();
    const people = await Promise.all([1, 2, 3, 4, 5].map(() => actor()));
    const results = await Promise.allSettled(people.map((p) => applications.submit(p, body)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) {
      expect(r.reason).toBeInstanceOf(AppError);
      expect((r.reason as AppError).extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'alliance:duplicateApplication' });
    }
    expect(await dataSource.getRepository(MembershipApplication).countBy({ nameKey: nameKey(body.organisationName) })).toBe(1);
  });

  it('approves once under five concurrent approvals: one organisation, one membership, the applicant its representative', async () => {
    const applicant = await actor();
    const a = await applications.submit(applicant, input({ organisationType: 'MINISTRY_OF_EDUCATION' }));
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map(() => applications.approve(admin, a.id)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await dataSource.getRepository(Organisation).countBy({ applicationId: a.id })).toBe(1);
    const organisation = await dataSource.getRepository(Organisation).findOneByOrFail({ applicationId: a.id });
    const memberships = await dataSource.getRepository(Membership).findBy({ organisationId: organisation.id });
    expect(memberships).toHaveLength(1);
    expect(memberships[0]).toMatchObject({ category: 'MEMBER_STATE', status: 'ACTIVE' });
    expect(await roles.rolesIn(applicant.id, organisation.id)).toEqual(['REPRESENTATIVE']);
    expect((await roles.rolesOf(applicant.id)).map((r) => r.organisationId)).toEqual([organisation.id]);
    const events = await dataSource.getRepository(ApplicationEvent).countBy({ applicationId: a.id, toStatus: 'APPROVED' });
    expect(events).toBe(1);
  });

  it('suspends and reinstates with reasons and history; suspended members leave the directory', async () => {
    const t = tag();
    const { organisation, applicant } = await approved({ organisationName: `Colectivo Escuela Viva ${t}` });
    expect((await organisations.directory({ search: `escuela viva ${t}` })).totalCount).toBe(1);
    expect((await appError(organisations.suspend(applicant, organisation.id, 'Falta de pago'))).extensions.code).toBe('FORBIDDEN');
    await organisations.suspend(admin, organisation.id, 'Incumplimiento de la carta');
    expect((await appError(organisations.suspend(admin, organisation.id, 'Otra vez'))).extensions.messageKey).toBe('alliance:alreadySuspended');
    expect((await organisations.directory({ search: `escuela viva ${t}` })).totalCount).toBe(0);
    expect(await organisations.findBySlug(organisation.slug, undefined)).toBeNull();
    expect(await organisations.findBySlug(organisation.slug, applicant)).not.toBeNull();
    await organisations.reinstate(admin, organisation.id, 'Situación regularizada');
    const membership = await dataSource.getRepository(Membership).findOneByOrFail({ organisationId: organisation.id });
    expect((await organisations.membershipEvents(membership.id)).map((e) => [e.action, e.reason])).toEqual([
      ['CREATED', null],
      ['SUSPENDED', 'Incumplimiento de la carta'],
      ['REINSTATED', 'Situación regularizada'],
    ]);
  });

  it('directory: accent-insensitive search, filters and keyset pages', async () => {
    const t = tag();
    await approved({ organisationName: `Fundación Educación Caribe ${t}`, countryCode: 'JM', organisationType: 'NETWORK', focusAreaIds: [focusAreaIds[3]] });
    await approved({ organisationName: `Educación Sin Fronteras ${t}`, countryCode: 'MX', organisationType: 'NGO', focusAreaIds: [focusAreaIds[4]] });
    await approved({ organisationName: `Instituto Educacional ${t}`, countryCode: 'BR', organisationType: 'UNIVERSITY_RESEARCH', focusAreaIds: [focusAreaIds[4]] });
    const found = await organisations.directory({ search: `educacion caribe ${t}` });
    expect(found.edges.map((e) => e.node.name)).toEqual([`Fundación Educación Caribe ${t}`]);
    expect((await organisations.directory({ search: `EDUCACIÓN SIN FRONTERAS ${t}` })).totalCount).toBe(1);
    const all = (s: string) => organisations.directory({ search: s, first: 100 });
    expect((await all(`${t}`)).totalCount).toBe(3);
    expect((await organisations.directory({ search: t, subRegion: 'CARIBBEAN' })).totalCount).toBe(1);
    expect((await organisations.directory({ search: t, countryCode: 'mx' })).totalCount).toBe(1);
    expect((await organisations.directory({ search: t, type: 'UNIVERSITY_RESEARCH' })).totalCount).toBe(1);
    expect((await organisations.directory({ search: t, focusAreaId: focusAreaIds[4] })).totalCount).toBe(2);
    const page1 = await organisations.directory({ search: t, first: 2 });
    const page2 = await organisations.directory({ search: t, first: 2, after: page1.pageInfo.endCursor });
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect([...page1.edges, ...page2.edges].map((e) => e.node.name)).toEqual([`Educación Sin Fronteras ${t}`, `Fundación Educación Caribe ${t}`, `Instituto Educacional ${t}`]);
  });

  it('a representative manages only their organisation; invitations go by e-mail and are accepted by the invited account only', async () => {
    const mine = await approved();
    const theirs = await approved();
    const colleague = await actor({ name: 'Carlos Mamani' });
    expect((await appError(invitations.invite(mine.applicant, theirs.organisation.id, { email: colleague.email, role: 'MEMBER' }))).extensions.code).toBe('FORBIDDEN');
    expect((await appError(invitations.list(mine.applicant, theirs.organisation.id))).extensions.code).toBe('FORBIDDEN');
    const missingArea = await appError(invitations.invite(mine.applicant, mine.organisation.id, { email: colleague.email, role: 'FOCAL_POINT' }));
    expect(missingArea.fieldErrors.map((f) => f.key).sort()).toEqual(['alliance:focalAreaRequired', 'alliance:focalRoleRequired']);

    const invitation = await invitations.invite(mine.applicant, mine.organisation.id, { email: colleague.email.toUpperCase(), role: 'FOCAL_POINT', focusAreaId: focusAreaIds[5], focalRole: 'TITULAR' });
    expect(invitation.email).toBe(colleague.email);
    const [mail] = await dataSource.getRepository(OutgoingEmail).find({ where: { toAddress: colleague.email, template: 'invitation' } });
    const link = String(mail.params.link);
    expect(link).toMatch(/^https:\/\/portal\.example\/invitations\/[A-Za-z0-9_-]{43}$/);
    const token = link.split('/').pop()!;
    expect(invitation.tokenHash).not.toContain(token);
    expect(await invitations.preview(token)).toMatchObject({ organisationName: mine.organisation.name, role: 'FOCAL_POINT', expired: false, accepted: false });

    const stranger = await actor();
    const wrong = await appError(invitations.accept(stranger, token));
    expect(wrong.extensions).toMatchObject({ code: 'FORBIDDEN', messageKey: 'alliance:invitationWrongAccount', messageParams: { email: colleague.email } });
    expect((await appError(invitations.accept(colleague, 'x'.repeat(43)))).extensions.code).toBe('NOT_FOUND');

    await invitations.accept(colleague, token);
    await invitations.accept(colleague, token); // twice is harmless
    expect(await roles.rolesIn(colleague.id, mine.organisation.id)).toEqual(['FOCAL_POINT', 'MEMBER']);
    const current = await focalPoints.ofOrganisation(mine.organisation.id, false);
    expect(current.map((f) => [f.userId, f.role, f.focusAreaId, f.consentToPublish])).toEqual([[colleague.id, 'TITULAR', focusAreaIds[5], false]]);
    expect(await roles.isFocalPointFor(colleague.id, mine.organisation.countryCode)).toBe(true);
    expect((await invitations.preview(token))!.accepted).toBe(true);

    await dataSource.query(`UPDATE organisation_invitations SET expires_at = now() - interval '1 day' WHERE id = $1`, [invitation.id]);
    const second = await invitations.invite(mine.applicant, mine.organisation.id, { email: stranger.email, role: 'MEMBER' });
    await dataSource.query(`UPDATE organisation_invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [second.id]);
    const [secondMail] = await dataSource.getRepository(OutgoingEmail).find({ where: { toAddress: stranger.email, template: 'invitation' } });
    const expired = await appError(invitations.accept(stranger, String(secondMail.params.link).split('/').pop()!));
    expect(expired.extensions.messageKey).toBe('alliance:invitationExpired');
    expect(await roles.rolesIn(stranger.id, mine.organisation.id)).toEqual([]);
  });

  it('hands focal points over keeping the history; names need consent to be public', async () => {
    const { organisation, applicant } = await approved({ organisationType: 'MINISTRY_OF_EDUCATION', countryCode: 'HN' });
    const first = await actor({ name: 'Lucía Fernández' });
    const second = await actor({ name: 'Diego Hernández' });
    await dataSource.transaction((m) => roles.grant(m, first.id, organisation.id, 'MEMBER'));
    await dataSource.transaction((m) => roles.grant(m, second.id, organisation.id, 'MEMBER'));
    const outsider = await actor();
    expect((await appError(focalPoints.designate(applicant, organisation.id, { userId: outsider.id, focusAreaId: focusAreaIds[0], role: 'TITULAR', startDate: '2026-01-01' }))).extensions.messageKey).toBe(
      'alliance:notOrganisationPerson',
    );
    expect((await appError(focalPoints.designate(first, organisation.id, { userId: first.id, focusAreaId: focusAreaIds[0], role: 'TITULAR', startDate: '2026-01-01' }))).extensions.code).toBe('FORBIDDEN');

    const a = await focalPoints.designate(applicant, organisation.id, { userId: first.id, focusAreaId: focusAreaIds[0], role: 'TITULAR', startDate: '2025-01-01' });
    const b = await focalPoints.designate(applicant, organisation.id, { userId: second.id, focusAreaId: focusAreaIds[0], role: 'TITULAR', startDate: '2025-06-01' });
    const history = await focalPoints.ofOrganisation(organisation.id, true);
    expect(history.map((f) => [f.id, f.startDate, f.endDate])).toEqual([
      [b.id, '2025-06-01', null],
      [a.id, '2025-01-01', '2025-05-31'],
    ]);
    expect((await focalPoints.ofOrganisation(organisation.id, false)).map((f) => f.userId)).toEqual([second.id]);
    expect(await roles.rolesIn(first.id, organisation.id)).toEqual(['MEMBER']);
    expect(await roles.rolesIn(second.id, organisation.id)).toEqual(['FOCAL_POINT', 'MEMBER']);

    const country = await focalPoints.ofCountry('HN');
    const focal = country.find((f) => f.id === b.id)!;
    expect(await focalPoints.mayShowName(focal, undefined)).toBe(false);
    expect(await focalPoints.mayShowName(focal, first)).toBe(true); // a person of the organisation
    expect((await appError(focalPoints.setConsent(first, b.id, true))).extensions.code).toBe('FORBIDDEN');
    await focalPoints.setConsent(second, b.id, true);
    expect(await focalPoints.mayShowName((await dataSource.getRepository(FocalPoint).findOneByOrFail({ id: b.id })), undefined)).toBe(true);

    expect((await appError(focalPoints.end(applicant, b.id, '2025-05-01'))).extensions.messageKey).toBe('alliance:endBeforeStart');
    await focalPoints.end(admin, b.id, '2025-12-31');
    expect(await focalPoints.ofOrganisation(organisation.id, false)).toEqual([]);
    expect(await roles.rolesIn(second.id, organisation.id)).toEqual(['MEMBER']);
  });

  it('counts members on the dashboard by country, sub-region and type, with growth and waiting applications', async () => {
    const before = await dashboards.dashboard(admin);
    expect((await appError(dashboards.dashboard(await actor()))).extensions.code).toBe('FORBIDDEN');
    await approved({ countryCode: 'BB', organisationType: 'PRIVATE_SECTOR' });
    const waiting = await applications.submit(await actor(), input({ countryCode: 'BB' }));
    await dataSource.query(`UPDATE membership_applications SET submitted_at = now() - interval '9 days' WHERE id = $1`, [waiting.id]);
    const after = await dashboards.dashboard(admin);
    const count = (rows: Array<{ key: string; count: number }>, key: string) => rows.find((r) => r.key === key)?.count ?? 0;
    expect(after.totalMembers).toBe(before.totalMembers + 1);
    expect(count(after.byCountry, 'BB')).toBe(count(before.byCountry, 'BB') + 1);
    expect(count(after.bySubRegion, 'CARIBBEAN')).toBe(count(before.bySubRegion, 'CARIBBEAN') + 1);
    expect(count(after.byType, 'PRIVATE_SECTOR')).toBe(count(before.byType, 'PRIVATE_SECTOR') + 1);
    const month = new Date().toISOString().slice(0, 7);
    expect(after.growth[after.growth.length - 1]).toMatchObject({ month, total: after.totalMembers });
    expect(after.waiting.find((w) => w.id === waiting.id)).toMatchObject({ ageDays: 9, status: 'SUBMITTED' });
  });

  it('manages reference data: charter versions, focus areas, observer countries', async () => {
    const text = 'Texto suficientemente largo de la carta.';
    const [v1, v2] = await Promise.all([
      reference.publishCharter(admin.id, { es: text, en: text, pt: text, fr: text }),
      reference.publishCharter(admin.id, { es: text, en: text, pt: text, fr: text }),
    ]);
    expect(Math.abs(v1.version - v2.version)).toBe(1);
    expect((await reference.currentCharter()).version).toBe(Math.max(v1.version, v2.version));
    charterVersion = Math.max(v1.version, v2.version);
    const key = `area_${tag()}`;
    const area = await reference.saveFocusArea({ key, es: 'Primera infancia', en: 'Early childhood', pt: 'Primeira infância', fr: 'Petite enfance', active: true });
    expect((await appError(reference.saveFocusArea({ key, es: 'Otra', en: 'Other', pt: 'Outra', fr: 'Autre', active: true }))).extensions.code).toBe('CONFLICT');
    await reference.saveFocusArea({ id: area.id, key, es: 'Primera infancia', en: 'Early childhood', pt: 'Primeira infância', fr: 'Petite enfance', active: false });
    expect((await reference.focusAreas(false)).some((f) => f.id === area.id)).toBe(false);
    expect((await reference.focusAreas(true)).some((f) => f.id === area.id)).toBe(true);
    const es = await reference.addObserverCountry('es');
    expect(es).toMatchObject({ code: 'ES', nameEs: 'España', nameFr: 'Espagne', subRegion: 'OBSERVER', observer: true });
    expect((await appError(reference.addObserverCountry('BR'))).extensions.messageKey).toBe('alliance:countryInRegion');
    expect((await reference.countries(false, 'es')).length).toBe(33);
    expect((await reference.countries(true, 'es')).some((c) => c.code === 'ES')).toBe(true);
  });
});
