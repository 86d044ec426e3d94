import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { FocalPoint, FocusArea, Membership, Organisation } from '@alliance/server-alliance';
import { AccountService, UsersService, type User } from '@alliance/server-identity';
import { OutgoingEmail } from '@alliance/server-mail';
import { ErrorCode, Role } from '@alliance/shared-core';
import { parseEmailList } from './enrolment-input';
import { EnrolmentService, type LearningActor } from './enrolment.service';
import { Enrolment, Offering, OfferingCountrySeats } from './entities';
import { NominationsService } from './nominations.service';
import { actorOf, appError, makeCourse, person, tag } from './testing/enrolment-fixtures';
import { createLearningTestApp } from './testing/learning-test-app';

describe('parseEmailList', () => {
  it('reads lists separated by commas, semicolons, spaces and new lines; marks invalid and repeated entries', () => {
    const parsed = parseEmailList('ana@example.org, Luis@Example.org;\nnot-an-email\n\n<marta@example.org> ana@example.org');
    expect(parsed).toEqual([
      { raw: 'ana@example.org', email: 'ana@example.org' },
      { raw: 'Luis@Example.org', email: 'luis@example.org' },
      { raw: 'not-an-email', email: null, skip: 'enrolment:skipInvalidEmail' },
      { raw: 'marta@example.org', email: 'marta@example.org' },
      { raw: 'ana@example.org', email: 'ana@example.org', skip: 'enrolment:skipDuplicate' },
    ]);
  });

  it('reads a CSV with an "email" column (BOM, semicolons, quotes, other columns)', () => {
    const csv = '\uFEFFNombre;Email;Cargo\r\n"Pérez; Ana";ana@example.org;Directora\r\nLuis Soto;LUIS@example.org;"Técnico ""senior"""\r\n;;\r\n';
    expect(parseEmailList(csv).map((e) => e.email)).toEqual(['ana@example.org', 'luis@example.org']);
    expect(parseEmailList('email,name\nx@example.org,X').map((e) => e.email)).toEqual(['x@example.org']);
  });

  it('refuses an empty text and more than the limit', () => {
    expect(() => parseEmailList(' \n ,; ')).toThrow('enrolment:emailsRequired');
    expect(() => parseEmailList(Array.from({ length: 501 }, (_, i) => `p${i}@example.org`).join('\n'))).toThrow('enrolment:tooManyEmails');
  });
});

describe('NominationsService (real PostgreSQL)', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let users: UsersService;
  let accounts: AccountService;
  let enrolments: EnrolmentService;
  let nominations: NominationsService;
  let organiser: LearningActor;
  let focal: LearningActor;
  let ministry: Organisation;
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, { QUEUE_DRIVER: 'inprocess', SMTP_URL: '', PUBLIC_URL: 'https://portal.example' });
    app = await createLearningTestApp();
    dataSource = app.get<DataSource>(getDataSourceToken());
    users = app.get(UsersService);
    accounts = app.get(AccountService);
    enrolments = app.get(EnrolmentService);
    nominations = app.get(NominationsService);
    organiser = actorOf(await person(users, { roles: [Role.Organiser] }), [Role.Organiser]);
    const focalUser = await person(users, { name: 'Rosa Quispe', countryCode: 'PE' });
    focal = actorOf(focalUser);
    ministry = await ministryWithFocalPoint(focalUser, 'PE');
  });

  afterAll(async () => {
    await app?.close();
    process.env = saved;
  });

  async function ministryWithFocalPoint(focalUser: User, countryCode: string, membershipStatus: 'ACTIVE' | 'SUSPENDED' = 'ACTIVE'): Promise<Organisation> {
    const m = dataSource.manager;
    const name = `Ministerio de Educación ${tag()}`;
    const organisation = await m.save(
      m.create(Organisation, { slug: `minedu-${tag()}`, name, nameKey: name.toLowerCase(), type: 'MINISTRY_OF_EDUCATION', countryCode, description: 'Ministerio', focusAreaIds: [] }),
    );
    await m.save(m.create(Membership, { organisationId: organisation.id, category: 'MEMBER_STATE', status: membershipStatus }));
    const [area] = await m.find(FocusArea, { take: 1 });
    await m.save(
      m.create(FocalPoint, { organisationId: organisation.id, userId: focalUser.id, focusAreaId: area.id, role: 'TITULAR', startDate: '2020-01-01', endDate: null, consentToPublish: false }),
    );
    return organisation;
  }

  const reload = (id: string) => dataSource.getRepository(Enrolment).findOneByOrFail({ id });

  it('only a current focal point of an active member ministry may nominate', async () => {
    const { offering } = await makeCourse(dataSource);
    const stranger = actorOf(await person(users));
    const refused = await appError(nominations.nominateTeam(stranger, offering.id, 'a@example.org'));
    expect([refused.extensions.code, refused.messageKey]).toEqual([ErrorCode.Forbidden, 'enrolment:notFocalPoint']);
    const suspendedFocal = await person(users);
    await ministryWithFocalPoint(suspendedFocal, 'CO', 'SUSPENDED');
    expect((await appError(nominations.nominateTeam(actorOf(suspendedFocal), offering.id, 'a@example.org'))).messageKey).toBe('enrolment:notFocalPoint');
    expect(await nominations.teamContext(stranger, offering.id)).toBeNull();
    expect(await dataSource.getRepository(Enrolment).countBy({ offeringId: offering.id })).toBe(0);
  });

  it('nominates within the country seats, invites unknown e-mails, reports every skip; the invitation is claimed on verification', async () => {
    const { offering } = await makeCourse(dataSource, { capacity: 10, countrySeats: { PE: 2 } });
    const colleague = await person(users, { name: 'Jorge Mamani', countryCode: 'PE' });
    const late = await person(users, { name: 'Carla Ríos', countryCode: 'PE' });
    const unknown = `nuevo.${tag()}@example.org`;
    const outcome = await nominations.nominateTeam(focal, offering.id, `${colleague.email}\n${unknown.toUpperCase()}\nmal-correo\n${colleague.email}\n${late.email}`);

    expect(outcome.enrolled.map((e) => e.userId)).toEqual([colleague.id]);
    expect(outcome.invited.map((e) => e.invitedEmail)).toEqual([unknown]);
    expect(outcome.pending).toEqual([]);
    expect(outcome.skipped).toEqual([
      { email: 'mal-correo', reasonKey: 'enrolment:skipInvalidEmail' },
      { email: colleague.email, reasonKey: 'enrolment:skipDuplicate' },
      { email: late.email, reasonKey: 'enrolment:countrySeatsExhausted' },
    ]);
    const enrolled = outcome.enrolled[0];
    expect(enrolled).toMatchObject({ status: 'ENROLLED', countryCode: 'PE', seatCountryCode: 'PE', organisationId: ministry.id, organisationName: ministry.name, nominatedById: focal.id });
    expect(outcome.invited[0]).toMatchObject({ status: 'NOMINATED', userId: null, holdsSeat: true });
    // The refused nomination gave its offering seat back (one transaction per e-mail).
    expect((await dataSource.getRepository(Offering).findOneByOrFail({ id: offering.id })).seatsTaken).toBe(2);
    expect((await dataSource.getRepository(OfferingCountrySeats).findOneByOrFail({ offeringId: offering.id, countryCode: 'PE' })).taken).toBe(2);
    expect(await dataSource.getRepository(Enrolment).countBy({ offeringId: offering.id, userId: late.id })).toBe(0);
    const invitation = await dataSource.getRepository(OutgoingEmail).findOneByOrFail({ toAddress: unknown, template: 'learningInvitation' });
    expect(String(invitation.params.link)).toMatch(/^https:\/\/portal\.example\/sign-up\?next=/);

    const context = await nominations.teamContext(focal, offering.id);
    expect(context).toMatchObject({ organisationId: ministry.id, countryCode: 'PE', seats: 2, seatsTaken: 2 });
    expect((await enrolments.nominatedBy(focal.id)).filter((e) => e.offeringId === offering.id)).toHaveLength(2);

    // The unknown colleague signs up and verifies the address: the invitation becomes their enrolment.
    const account = await accounts.signUp({ name: 'Nueva Colega', email: unknown, password: 'correct horse battery', countryCode: 'PE', preferredLocale: 'es' });
    const verify = await dataSource.getRepository(OutgoingEmail).findOneByOrFail({ toAddress: unknown, template: 'verify' });
    const token = new URL(String(verify.params.link)).searchParams.get('token')!;
    await accounts.verifyEmail(token);
    const claimed = await reload(outcome.invited[0].id);
    expect([claimed.userId, claimed.status, claimed.holdsSeat, claimed.countryCode]).toEqual([account.id, 'ENROLLED', true, 'PE']);
    const [note] = await dataSource.query(`SELECT count(*)::int AS n FROM notification_batch WHERE type = 'learning.enrolment' AND $1 = ANY(recipients)`, [account.id]);
    expect(note.n).toBe(1);
  });

  it('an organiser invites from a CSV; under APPROVAL known people wait with a held seat and approval keeps it', async () => {
    const { offering } = await makeCourse(dataSource, { policy: 'APPROVAL', capacity: 1 });
    const known = await person(users);
    const other = await person(users);
    expect((await appError(nominations.inviteLearners(focal, offering.id, known.email))).extensions.code).toBe(ErrorCode.Forbidden);
    const outcome = await nominations.inviteLearners(organiser, offering.id, `email;nombre\n${known.email};Conocida\n${other.email};Otra`);
    expect(outcome.pending.map((e) => [e.userId, e.status, e.holdsSeat])).toEqual([[known.id, 'NOMINATED', true]]);
    expect(outcome.skipped).toEqual([{ email: other.email, reasonKey: 'enrolment:skipFull' }]);
    const approved = await enrolments.decide(organiser, outcome.pending[0].id, 'APPROVE');
    expect([approved.status, approved.holdsSeat]).toEqual(['APPROVED', true]);
    expect((await dataSource.getRepository(Offering).findOneByOrFail({ id: offering.id })).seatsTaken).toBe(1);
    const again = await nominations.inviteLearners(organiser, offering.id, known.email);
    expect(again.skipped).toEqual([{ email: known.email, reasonKey: 'enrolment:skipAlreadyEnrolled' }]);
  });

  it('an INVITATION course: the invited person accepts with enrol(); others are refused', async () => {
    const { offering } = await makeCourse(dataSource, { policy: 'INVITATION' });
    const unverified = await person(users, { verified: false });
    const outcome = await nominations.inviteLearners(organiser, offering.id, unverified.email);
    // An address not yet verified is not trusted as the person: it gets an invitation.
    expect(outcome.invited).toHaveLength(1);
    const known = await person(users);
    const direct = await nominations.inviteLearners(organiser, offering.id, known.email);
    expect(direct.enrolled.map((e) => e.status)).toEqual(['ENROLLED']);
    const nominated = await dataSource.getRepository(Enrolment).save({ ...direct.enrolled[0], status: 'NOMINATED' as const });
    expect((await enrolments.enrol(actorOf(known), offering.id)).status).toBe('ENROLLED');
    expect(nominated.id).toBe(direct.enrolled[0].id);
    const stranger = actorOf(await person(users));
    expect((await appError(enrolments.enrol(stranger, offering.id))).messageKey).toBe('enrolment:invitationOnly');
  });
});
