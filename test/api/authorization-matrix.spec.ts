/**
 * The authorisation matrix: every query and mutation of the committed schema, called by seven
 * people (anonymous, a participant, a member organisation's representative, the focal point of
 * another country's ministry, an organiser, a moderator and an administrator) against objects they
 * own, objects of others and a private working table's objects. The expected outcome of every cell is
 * written below; any difference fails, and so does an operation of the schema without a row (a new
 * operation cannot be added without deciding who may call it).
 *
 * Outcomes: OK (no error of an access kind: the call was let through; the rest of its answer is the
 * operation's business, and any non-access error it gives must be listed in the row's `tolerate`),
 * NULL (no error and a null answer: a nullable read that hides what the caller may not see),
 * UNAUTHENTICATED, FORBIDDEN, NOT_FOUND.
 *
 * Also checked: every ID the answers carry is a uuid (nothing sequential to enumerate), and where
 * existence is private a random uuid gives the same "not found" as a real object the caller may not see.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, getNamedType, isLeafType, isListType, isNonNullType, isObjectType, type GraphQLField, type GraphQLOutputType, type GraphQLType } from 'graphql';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { insertSpace } from '@alliance/server-collaboration';
import { GraphQLClient, PASSWORD, adminEnv, es, ok, signedInClient, startPortal, type RunningPortal } from '../support';
import { CALLERS, buildMatrixFixtures, courseInput, workshopInput, type Caller, type MatrixFixtures } from '../support/matrix-fixtures';

const ADMIN = { email: 'matrix-admin@alianza.example', password: 'Matrix-Admin-Password-1' };
const schema = buildSchema(fs.readFileSync(path.resolve(__dirname, '../../apps/api/schema.gql'), 'utf8'));

type Outcome = 'OK' | 'NULL' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';
type Cells = Record<Caller, Outcome>;
type Vars = Record<string, unknown>;

interface Row {
  /** The arguments, per caller (built from the fixtures; may create a fresh object for a call that consumes one). */
  args?: (f: MatrixFixtures, who: Caller) => Vars | Promise<Vars>;
  expect: Cells;
  /** Non-access error codes an OK cell may give with these arguments (e.g. CONFLICT: already done by an earlier caller). */
  tolerate?: string[];
  /** The call changes the caller's session: it runs on a client of its own, signed in anew. */
  ownSession?: boolean;
  /** Existence is private: random uuids in place of the ids must give every signed-in caller NOT_FOUND or NULL. */
  privateExistence?: boolean;
}

const ACCESS = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every caller `fallback`, except the ones named. */
function cells(fallback: Outcome, overrides: Partial<Cells> = {}): Cells {
  return Object.fromEntries(CALLERS.map((c) => [c, overrides[c] ?? fallback])) as Cells;
}
const PUBLIC = cells('OK');
const SIGNED_IN = cells('OK', { anonymous: 'UNAUTHENTICATED' });
const ADMIN_ONLY = cells('FORBIDDEN', { anonymous: 'UNAUTHENTICATED', admin: 'OK' });
/** Course authoring is an editorial role: every organiser may edit every course (no per-course ownership). */
const EDITORS = cells('FORBIDDEN', { anonymous: 'UNAUTHENTICATED', organiser: 'OK', admin: 'OK' });
/** A workshop's managers: its own organisers (here `owner`, none of the callers) and administrators. */
const MANAGERS = cells('FORBIDDEN', { anonymous: 'UNAUTHENTICATED', admin: 'OK' });
/** Portal moderators and administrators (the table review desk). */
const REVIEWERS = cells('FORBIDDEN', { anonymous: 'UNAUTHENTICATED', moderator: 'OK', admin: 'OK' });
/** A private space's objects: its listed members (the representative), its assigned moderator and administrators; everyone else is told it does not exist. */
const SPACE = cells('NOT_FOUND', { representative: 'OK', moderator: 'OK', admin: 'OK' });
/** The same through an operation that asks to sign in first. */
const SPACE_SIGNED_IN = { ...SPACE, anonymous: 'UNAUTHENTICATED' } as Cells;
/** A space's moderation: its assigned moderator and administrators; members below that level are told it does not exist. */
const MODERATION = cells('NOT_FOUND', { moderator: 'OK', admin: 'OK' });
const MODERATION_SIGNED_IN = { ...MODERATION, anonymous: 'UNAUTHENTICATED' } as Cells;
/** A table request's requesting side (the representative of Peru's ministry); the moderator and administrators see it and are refused. */
const REQUESTER = { ...SPACE_SIGNED_IN, moderator: 'FORBIDDEN', admin: 'FORBIDDEN' } as Cells;
/** Only the object's owner (`who`), and administrators when `admin`; others are told it does not exist. */
const OWNER = (who: Caller, admin: Outcome = 'NOT_FOUND') => cells('NOT_FOUND', { anonymous: 'UNAUTHENTICATED', [who]: 'OK', admin });

const day = 86_400_000;
const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString().slice(0, 10);
const details = () => ({ title: 'Mesa actualizada', description: 'Descripción', agenda: 'Agenda', timeZone: 'America/Lima', firstSessionAt: new Date(Date.now() + 20 * day).toISOString() });
const meetingInput = () => ({ title: 'Sesión', startsAtLocal: new Date(Date.now() + 12 * day).toISOString().slice(0, 16), timeZone: 'America/Lima', durationMinutes: 60 });
const application = (f: MatrixFixtures, who: Caller) => ({
  organisationName: `Red ${who} ${f.tag}`,
  organisationType: 'NGO',
  countryCode: 'PE',
  website: null,
  description: 'Red de escuelas que trabaja con tutoría entre pares.',
  applicantRole: 'Coordinadora',
  motivation: 'Compartir lo aprendido.',
  focusAreaIds: [f.focusAreaId],
  charterVersion: f.charterVersion,
});
const signatories = [{ name: 'Valentina Rojas', title: 'Secretaria ejecutiva', organisation: 'Alianza Regional de Educación' }];
const programmeInput = (f: MatrixFixtures, slug: string) => ({ slug, title: es(`Programa ${slug}`), summary: es('Un recorrido.'), courseIds: [f.course.id], certificateIssuer: 'Alianza', certificateSignatories: signatories });
const person = (f: MatrixFixtures, who: Caller) => (who === 'anonymous' ? f.people.spare : f.people[who]);

// Set by the fixtures step: the database, so rows that consume an object can make a fresh one per caller.
let db: Client;
const rows = { query: async (sql: string, params?: unknown[]) => (await db.query(sql, params)).rows } as unknown as DataSource;

/** A fresh private space like the fixture's (the representative listed for Peru, the moderator assigned), for calls that close or empty one. */
async function freshSpace(f: MatrixFixtures, kind: 'TABLE' | 'GROUP') {
  const colombia = (await db.query(`SELECT organisation_id FROM collab_space_parties WHERE space_id = $1 ORDER BY rotation_order OFFSET 1 LIMIT 1`, [f.space.table])).rows[0].organisation_id;
  const space = await insertSpace(rows, {
    kind,
    title: `Espacio ${randomUUID().slice(0, 6)}`,
    moderatorId: f.people.moderator.id,
    ...(kind === 'GROUP' ? { rotationMonths: 6, rotationStartsOn: isoDate(-30) } : {}),
    parties: [
      { organisationId: f.peru.id, participantIds: [f.people.representative.id, f.people.spare.id] },
      { organisationId: colombia, participantIds: [] },
      ...(kind === 'GROUP' ? [{ organisationId: f.argentinaId, participantIds: [] }] : []),
    ],
  });
  // The spare person's place on Peru's list: removing it leaves the representative, as a list must keep one.
  const participant = (await db.query(`SELECT id FROM collab_space_participants WHERE space_id = $1 AND user_id = $2`, [space.spaceId, f.people.spare.id])).rows[0].id as string;
  return { ...space, participant };
}

/** The owner's fresh module with a lesson in the draft course, for calls that delete one. */
async function freshModule(f: MatrixFixtures) {
  const o = f.people.owner.client;
  const moduleId = ok<{ addModule: { id: string } }>(await o.request(`mutation($c: ID!) { addModule(courseId: $c, title: [{ locale: "es", value: "Módulo" }]) { id } }`, { c: f.draftCourse.id })).addModule.id;
  const lessonId = ok<{ addLesson: { id: string } }>(
    await o.request(`mutation($m: ID!) { addLesson(moduleId: $m, input: { type: TEXT, title: [{ locale: "es", value: "Lección" }] }) { id } }`, { m: moduleId }),
  ).addLesson.id;
  return { moduleId, lessonId };
}

/** The representative's fresh evidence draft, for calls that delete one. */
async function freshDraft(f: MatrixFixtures) {
  return ok<{ createEvidenceItem: { id: string } }>(
    await f.people.representative.client.request(`mutation($input: EvidenceItemInput!) { createEvidenceItem(input: $input) { id } }`, { input: f.evidenceInput }),
  ).createEvidenceItem.id;
}

// ------------------------------------------------------------------------------------------------
// Queries
// ------------------------------------------------------------------------------------------------
const QUERIES: Record<string, Row> = {
  // Identity and notifications
  me: { expect: cells('OK', { anonymous: 'NULL' }) },
  users: { expect: ADMIN_ONLY },
  notifications: { expect: SIGNED_IN },
  unreadNotificationCount: { expect: SIGNED_IN },
  notificationPreferences: { expect: SIGNED_IN },
  queueOverview: { expect: ADMIN_ONLY },
  auditLog: { expect: ADMIN_ONLY },
  auditActions: { expect: ADMIN_ONLY },
  deadLetters: { expect: ADMIN_ONLY },
  // Alliance
  countries: { expect: PUBLIC },
  focusAreas: { expect: PUBLIC },
  currentCharter: { expect: PUBLIC },
  allianceDashboard: { expect: ADMIN_ONLY },
  directory: { expect: PUBLIC },
  organisation: { args: (f) => ({ slug: f.peru.slug }), expect: PUBLIC },
  myOrganisations: { expect: SIGNED_IN },
  countryFocalPoints: { args: () => ({ countryCode: 'PE' }), expect: PUBLIC },
  invitation: { args: (f) => ({ token: f.invitationToken }), expect: PUBLIC },
  organisationInvitations: { args: (f) => ({ organisationId: f.peru.id }), expect: cells('FORBIDDEN', { anonymous: 'UNAUTHENTICATED', representative: 'OK', admin: 'OK' }) },
  myApplications: { expect: SIGNED_IN },
  membershipApplication: { args: (f) => ({ id: f.applicationId }), expect: OWNER('participant', 'OK'), privateExistence: true },
  membershipApplications: { expect: ADMIN_ONLY },
  // Evidence
  canSubmitEvidence: { expect: PUBLIC },
  evidenceOrganisationOptions: { expect: PUBLIC },
  evidenceSearch: { args: () => ({ query: 'tutoría' }), expect: PUBLIC },
  evidenceItem: { args: (f) => ({ id: f.evidence.publicId }), expect: PUBLIC },
  'evidenceItem (members-only)': {
    args: (f) => ({ id: f.evidence.membersId }),
    expect: cells('OK', { anonymous: 'NULL', participant: 'NULL' }),
    privateExistence: true,
  },
  'evidenceItem (draft)': { args: (f) => ({ id: f.evidence.draftId }), expect: cells('NULL', { representative: 'OK', organiser: 'OK', admin: 'OK' }), privateExistence: true },
  myEvidence: { expect: SIGNED_IN },
  evidenceReviewQueue: { expect: EDITORS },
  // Certificates
  myCertificates: { expect: SIGNED_IN },
  verifyCertificate: { args: (f) => ({ code: f.certificate.code }), expect: PUBLIC },
  certificates: { expect: ADMIN_ONLY },
  certificateBatch: { args: (f) => ({ id: f.certificate.batchId }), expect: ADMIN_ONLY },
  // Learning
  courses: { expect: PUBLIC },
  course: { args: (f) => ({ slug: f.course.slug }), expect: PUBLIC },
  programmes: { expect: PUBLIC },
  // The programme is still a draft: only editors see it, everyone else gets nothing.
  programme: { args: (f) => ({ slug: f.programme.slug }), expect: cells('NULL', { organiser: 'OK', admin: 'OK' }) },
  lesson: { args: (f) => ({ id: f.course.lessonId }), expect: cells('FORBIDDEN', { anonymous: 'UNAUTHENTICATED', participant: 'OK', organiser: 'OK', admin: 'OK' }) },
  managedCourses: { expect: EDITORS },
  managedProgrammes: { expect: EDITORS },
  courseForEditing: { args: (f) => ({ id: f.course.id }), expect: EDITORS },
  courseEnrolments: { args: (f) => ({ courseId: f.course.id }), expect: EDITORS },
  courseReport: { args: (f) => ({ courseId: f.course.id }), expect: EDITORS },
  myLearning: { expect: SIGNED_IN },
  teamEnrolments: { expect: SIGNED_IN },
  teamContext: { args: (f) => ({ offeringId: f.course.offeringId }), expect: cells('NULL', { focalOther: 'OK' }) },
  // Workshops
  workshops: { expect: PUBLIC },
  workshop: { args: (f) => ({ slug: f.workshop.slug }), expect: PUBLIC },
  workshopById: { args: (f) => ({ id: f.workshop.id }), expect: cells('NULL', { anonymous: 'UNAUTHENTICATED', admin: 'OK' }), privateExistence: true },
  'workshopById (own)': { args: (f) => ({ id: f.organiserWorkshopId }), expect: cells('NULL', { anonymous: 'UNAUTHENTICATED', organiser: 'OK', admin: 'OK' }) },
  managedWorkshops: { expect: EDITORS },
  myRegistrations: { expect: SIGNED_IN },
  workshopRegistrations: { args: (f) => ({ workshopId: f.workshop.id }), expect: MANAGERS },
  workshopFigures: { args: (f) => ({ workshopId: f.workshop.id }), expect: MANAGERS },
  followUps: { args: (f) => ({ workshopId: f.workshop.id }), expect: { ...MANAGERS, participant: 'OK' } },
  // Collaboration: lists and pickers
  myTables: { expect: SIGNED_IN },
  myTechnicalGroups: { expect: SIGNED_IN },
  tableReviewQueue: { expect: REVIEWERS },
  collaborationModerators: { expect: REVIEWERS },
  tableRequestOrganisations: { expect: PUBLIC },
  tableOrganisationSearch: { args: () => ({ search: 'Ministerio' }), expect: SIGNED_IN },
  // Collaboration: the private table's and group's objects
  table: { args: (f) => ({ id: f.space.table }), expect: cells('NULL', { representative: 'OK', moderator: 'OK', admin: 'OK' }), privateExistence: true },
  technicalGroup: { args: (f) => ({ id: f.space.group }), expect: cells('NULL', { representative: 'OK', moderator: 'OK', admin: 'OK' }), privateExistence: true },
  spaceMembers: { args: (f) => ({ spaceId: f.space.table }), expect: SPACE, privateExistence: true },
  spaceMeetings: { args: (f) => ({ spaceId: f.space.table, period: 'UPCOMING' }), expect: SPACE, privateExistence: true },
  spaceMeetingScheduling: { args: (f) => ({ spaceId: f.space.table }), expect: SPACE, privateExistence: true },
  forumThreads: { args: (f) => ({ spaceId: f.space.table }), expect: SPACE, privateExistence: true },
  forumThread: { args: (f) => ({ id: f.space.thread }), expect: SPACE, privateExistence: true },
  forumPosts: { args: (f) => ({ threadId: f.space.thread }), expect: SPACE, privateExistence: true },
  forumPostRevisions: { args: (f) => ({ postId: f.space.post }), expect: SPACE, privateExistence: true },
  spaceDocuments: { args: (f) => ({ spaceId: f.space.table }), expect: SPACE, privateExistence: true },
  spaceDocument: { args: (f) => ({ id: f.space.document }), expect: SPACE, privateExistence: true },
  spaceCommitments: { args: (f) => ({ spaceId: f.space.table }), expect: SPACE, privateExistence: true },
  commitment: { args: (f) => ({ id: f.space.commitment }), expect: SPACE, privateExistence: true },
  commitmentAccountability: { args: (f) => ({ spaceId: f.space.table }), expect: SPACE, privateExistence: true },
  priorityWorkshops: { args: (f) => ({ spaceId: f.space.table }), expect: SPACE, privateExistence: true },
  // The workshop's poll has not run yet, so even the space's organisers are told there is nothing to rank
  // (LATE_QUERIES asks again once it has).
  workshopPriorities: { args: (f) => ({ spaceId: f.space.table, workshopId: f.workshop.id }), expect: cells('NOT_FOUND'), privateExistence: true },
};

// ------------------------------------------------------------------------------------------------
// Mutations that leave the fixtures usable, in the order they run (callers in CALLERS order, admin last)
// ------------------------------------------------------------------------------------------------
const MUTATIONS: Record<string, Row> = {
  // Identity: public account operations, with arguments that change no one's account
  signUp: {
    args: (f, who) => ({ input: { name: 'Persona Nueva', email: `nueva.${who}.${f.tag}@example.org`, password: PASSWORD, countryCode: 'PE', preferredLocale: 'es' } }),
    expect: PUBLIC,
  },
  // An address of its own per call: these are rate limited per address, and answer the same whether it exists or not.
  resendVerification: { args: (f, who) => ({ email: `reenvio.${who}.${f.tag}@example.org` }), expect: PUBLIC },
  verifyEmail: { args: () => ({ token: randomUUID() }), expect: PUBLIC, tolerate: ['BAD_USER_INPUT'] },
  requestPasswordReset: { args: (f, who) => ({ email: `clave.${who}.${f.tag}@example.org` }), expect: PUBLIC },
  resetPassword: { args: () => ({ input: { token: randomUUID(), newPassword: 'Otra-Clave-Segura-2026' } }), expect: PUBLIC, tolerate: ['BAD_USER_INPUT'] },
  signIn: { args: (f, who) => ({ input: { email: person(f, who).email, password: who === 'admin' ? ADMIN.password : PASSWORD } }), expect: PUBLIC, ownSession: true },
  signOut: { expect: PUBLIC, ownSession: true },
  // A wrong password: every signed-in caller is let through to be told so, and no account is deleted.
  deleteMyAccount: { args: () => ({ password: 'not-the-password' }), expect: SIGNED_IN, tolerate: ['BAD_USER_INPUT'] },
  changePassword: { args: () => ({ input: { currentPassword: 'not-the-password', newPassword: 'Otra-Clave-Segura-2026' } }), expect: SIGNED_IN, tolerate: ['BAD_USER_INPUT'], ownSession: true },
  updateProfile: { args: (f, who) => ({ input: { name: person(f, who).name, countryCode: person(f, who).countryCode, preferredLocale: 'es' } }), expect: SIGNED_IN },
  grantRole: { args: (f) => ({ userId: f.people.spare.id, role: 'ORGANISER' }), expect: ADMIN_ONLY },
  revokeRole: { args: (f) => ({ userId: f.people.spare.id, role: 'ORGANISER' }), expect: ADMIN_ONLY },
  // Notifications
  updateNotificationPreference: { args: () => ({ type: 'workshop.reminder', email: 'DAILY', inApp: true }), expect: SIGNED_IN },
  markNotificationRead: { args: (f) => ({ id: f.notificationId }), expect: OWNER('participant'), privateExistence: true },
  markAllNotificationsRead: { expect: SIGNED_IN },
  retryDeadLetter: { args: () => ({ id: randomUUID() }), expect: { ...ADMIN_ONLY, admin: 'NOT_FOUND' } },
  // Evidence (before the participant's application is approved below, which would make them a member)
  createEvidenceItem: {
    args: (f, who) => ({ input: { ...f.evidenceInput, organisationId: who === 'representative' ? f.peru.id : who === 'focalOther' ? f.brazil.id : null } }),
    // Member organisations' people and staff (moderators included) share evidence; a participant without an organisation does not.
    expect: cells('OK', { anonymous: 'UNAUTHENTICATED', participant: 'FORBIDDEN' }),
  },
  // The submitter and the reviewers (organisers, administrators) edit; everyone else is told it does not exist.
  updateEvidenceItem: { args: (f) => ({ id: f.evidence.draftId, input: f.evidenceInput }), expect: { ...OWNER('representative', 'OK'), organiser: 'OK' }, privateExistence: true },
  'updateEvidenceItem (published)': { args: (f) => ({ id: f.evidence.publicId, input: f.evidenceInput }), expect: { ...OWNER('representative', 'OK'), organiser: 'OK' } },
  // Only the submitter submits: a reviewer who can read the draft is still told it does not exist (see the report).
  submitEvidenceItem: { args: (f) => ({ id: f.evidence.draftId }), expect: OWNER('representative'), tolerate: ['CONFLICT'], privateExistence: true },
  reviewEvidenceItem: { args: (f) => ({ id: f.evidence.draftId, decision: 'REQUEST_CHANGES', note: 'Añada el año.' }), expect: EDITORS, tolerate: ['CONFLICT'] },
  // Alliance
  submitMembershipApplication: { args: (f, who) => ({ input: application(f, who) }), expect: SIGNED_IN },
  startApplicationReview: { args: (f) => ({ id: f.applicationId }), expect: ADMIN_ONLY },
  requestApplicationChanges: { args: (f) => ({ id: f.applicationId, note: 'Amplíe la descripción.' }), expect: ADMIN_ONLY },
  updateMembershipApplication: { args: (f) => ({ id: f.applicationId, input: f.applicationInput }), expect: OWNER('participant'), privateExistence: true },
  approveMembershipApplication: { args: (f) => ({ id: f.applicationId }), expect: ADMIN_ONLY },
  rejectMembershipApplication: { args: (f) => ({ id: f.applicationId, note: 'No.' }), expect: ADMIN_ONLY, tolerate: ['CONFLICT'] },
  withdrawMembershipApplication: { args: (f) => ({ id: f.applicationId }), expect: OWNER('participant'), tolerate: ['CONFLICT'], privateExistence: true },
  publishCharter: {
    args: (f) => ({ es: `Carta de la Alianza ${f.tag}`, en: `Alliance charter ${f.tag}`, pt: `Carta da Aliança ${f.tag}`, fr: `Charte de l’Alliance ${f.tag}` }),
    expect: ADMIN_ONLY,
  },
  saveFocusArea: { args: (f) => ({ key: `area_${f.tag}`, active: true, es: 'Área', en: 'Area', pt: 'Área', fr: 'Domaine' }), expect: ADMIN_ONLY },
  addObserverCountry: { args: () => ({ code: 'DE' }), expect: ADMIN_ONLY },
  // The organisation's representatives only: administrators see the invitations but do not speak for the organisation.
  inviteToOrganisation: {
    args: (f, who) => ({ organisationId: f.peru.id, email: `invitado.${who}.${f.tag}@example.org`, role: 'MEMBER' }),
    expect: cells('FORBIDDEN', { anonymous: 'UNAUTHENTICATED', representative: 'OK' }),
  },
  acceptInvitation: { args: (f) => ({ token: f.invitationToken }), expect: cells('FORBIDDEN', { anonymous: 'UNAUTHENTICATED' }) },
  designateFocalPoint: {
    args: (f) => ({ organisationId: f.peru.id, userId: f.people.spare.id, focusAreaId: f.focusAreaId, role: 'ALTERNATE', startDate: isoDate(0) }),
    expect: cells('FORBIDDEN', { anonymous: 'UNAUTHENTICATED', representative: 'OK' }),
    tolerate: ['CONFLICT', 'BAD_USER_INPUT'],
  },
  setFocalPointConsent: { args: (f) => ({ id: f.focalPointId, consentToPublish: true }), expect: cells('FORBIDDEN', { anonymous: 'UNAUTHENTICATED' }) },
  'setFocalPointConsent (own)': { args: (f) => ({ id: f.focalOtherPointId, consentToPublish: true }), expect: cells('FORBIDDEN', { anonymous: 'UNAUTHENTICATED', focalOther: 'OK' }) },
  // Learning: authoring (the owner's course; the organiser caller did not make it)
  createCourse: { args: (f, who) => ({ input: courseInput(`${f.tag} ${who}`, `curso-${who}-${f.tag}`) }), expect: EDITORS },
  updateCourse: { args: (f) => ({ id: f.course.id, input: courseInput(f.tag, f.course.slug) }), expect: EDITORS },
  publishCourse: { args: (f) => ({ id: f.course.id }), expect: EDITORS, tolerate: ['CONFLICT'] },
  addModule: { args: (f) => ({ courseId: f.draftCourse.id, title: es('Otro módulo') }), expect: EDITORS },
  updateModule: { args: (f) => ({ id: f.course.moduleId, title: es('Fundamentos') }), expect: EDITORS },
  moveModule: { args: (f) => ({ id: f.course.moduleId, position: 0 }), expect: EDITORS },
  addLesson: { args: (f) => ({ moduleId: f.draftCourse.moduleId, input: { type: 'TEXT', title: es('Otra lección') } }), expect: EDITORS },
  updateLesson: { args: (f) => ({ id: f.course.lessonId, input: { type: 'TEXT', title: es('Qué es liderar'), body: es('Texto de la lección.') } }), expect: EDITORS },
  moveLesson: { args: (f) => ({ id: f.course.lessonId, moduleId: f.course.moduleId, position: 0 }), expect: EDITORS },
  createOffering: { args: (f) => ({ courseId: f.draftCourse.id, input: { name: 'Cohorte 2', waitlistEnabled: false } }), expect: EDITORS, tolerate: ['CONFLICT', 'BAD_USER_INPUT'] },
  updateOffering: { args: (f) => ({ id: f.course.offeringId, input: { waitlistEnabled: false } }), expect: EDITORS, tolerate: ['BAD_USER_INPUT'] },
  setCourseEvidence: { args: (f) => ({ courseId: f.course.id, evidenceItemIds: [f.evidence.publicId] }), expect: EDITORS },
  createProgramme: { args: (f, who) => ({ input: programmeInput(f, `programa-${who}-${f.tag}`) }), expect: EDITORS },
  updateProgramme: { args: (f) => ({ id: f.programme.id, input: programmeInput(f, f.programme.slug) }), expect: EDITORS },
  publishProgramme: { args: (f) => ({ id: f.programme.id }), expect: EDITORS, tolerate: ['CONFLICT'] },
  // Learning: taking part (the participant's enrolment is theirs; the others are not enrolled)
  // The course is public, so a person who is not enrolled is refused rather than told it does not exist.
  completeLesson: { args: (f) => ({ lessonId: f.course.lessonId }), expect: cells('FORBIDDEN', { anonymous: 'UNAUTHENTICATED', participant: 'OK' }) },
  submitQuizAttempt: {
    args: (f) => ({ lessonId: f.course.quizLessonId, answers: [{ questionId: f.course.questionId, optionIds: [f.course.optionId] }] }),
    expect: cells('FORBIDDEN', { anonymous: 'UNAUTHENTICATED', participant: 'OK' }),
  },
  // After the two rows above, so they prove that only the enrolled participant may take part.
  enrol: { args: (f) => ({ offeringId: f.course.offeringId }), expect: SIGNED_IN, tolerate: ['CONFLICT'] },
  saveQuiz: {
    args: (f) => ({ lessonId: f.course.quizLessonId, input: { passMark: 100, maxAttempts: 20, questions: [{ kind: 'SINGLE', prompt: es('¿Para qué sirve?'), options: [{ text: es('Para mejorar'), correct: true }, { text: es('Para sancionar'), correct: false }] }] } }),
    expect: EDITORS,
    tolerate: ['CONFLICT'],
  },
  decideEnrolment: { args: (f) => ({ id: f.enrolmentId, decision: 'APPROVE' }), expect: EDITORS, tolerate: ['CONFLICT'] },
  inviteLearners: { args: (f) => ({ offeringId: f.course.offeringId, emails: f.people.spare.email }), expect: EDITORS },
  nominateTeam: { args: (f) => ({ offeringId: f.course.offeringId, emails: f.people.spare.email }), expect: cells('FORBIDDEN', { anonymous: 'UNAUTHENTICATED', focalOther: 'OK' }) },
  // Workshops (the owner's; the organiser caller manages none of them)
  createWorkshop: { args: (f, who) => ({ input: workshopInput(`${f.tag} ${who}`, `taller-${who}-${f.tag}`) }), expect: EDITORS },
  updateWorkshop: { args: (f) => ({ id: f.workshop.id, input: workshopInput(f.tag, f.workshop.slug) }), expect: MANAGERS },
  // Ownership matters for workshops: the organiser manages the one they made, not the owner's above.
  'updateWorkshop (own)': { args: (f) => ({ id: f.organiserWorkshopId, input: workshopInput(`${f.tag} propio`, `taller-propio-${f.tag}`) }), expect: { ...MANAGERS, organiser: 'OK' } },
  openWorkshop: { args: (f) => ({ id: f.workshop.id }), expect: MANAGERS, tolerate: ['CONFLICT'] },
  saveSession: { args: (f) => ({ workshopId: f.workshop.id, id: f.workshop.sessionId, input: f.workshop.session }), expect: MANAGERS },
  saveAgendaItem: {
    args: (f) => ({ id: f.workshop.agendaItemId, input: { sessionId: f.workshop.sessionId, title: es('Apertura'), startsAt: f.workshop.session.startsAt, endsAt: new Date(Date.parse(f.workshop.session.startsAt) + 1_800_000).toISOString() } }),
    expect: MANAGERS,
  },
  addMaterial: { args: (f) => ({ workshopId: f.workshop.id, input: { phase: 'AFTER', title: 'Informe', url: 'https://example.org/informe.pdf' } }), expect: MANAGERS },
  inviteToWorkshop: { args: (f) => ({ workshopId: f.workshop.id, emails: f.people.spare.email }), expect: MANAGERS },
  decideRegistration: { args: (f) => ({ id: f.registrationId, approve: true }), expect: MANAGERS, tolerate: ['CONFLICT'] },
  acceptSeatOffer: { args: (f) => ({ id: f.registrationId }), expect: OWNER('participant'), tolerate: ['CONFLICT'], privateExistence: true },
  markAttendance: { args: (f) => ({ registrationId: f.registrationId, sessionId: f.workshop.sessionId, attended: true }), expect: MANAGERS, tolerate: ['CONFLICT', 'BAD_USER_INPUT'] },
  // A wrong code: the registered participant is let through to be told so; nobody else gets that far.
  checkIn: { args: (f) => ({ sessionId: f.workshop.sessionId, code: '000000' }), expect: cells('FORBIDDEN', { anonymous: 'UNAUTHENTICATED', participant: 'OK' }), tolerate: ['BAD_USER_INPUT'] },
  openPoll: { args: (f) => ({ workshopId: f.workshop.id }), expect: MANAGERS, tolerate: ['CONFLICT'] },
  submitBallot: { args: (f) => ({ workshopId: f.workshop.id, actionIds: f.workshop.actionIds }), expect: cells('FORBIDDEN', { anonymous: 'UNAUTHENTICATED', participant: 'OK' }) },
  closePoll: { args: (f) => ({ workshopId: f.workshop.id }), expect: MANAGERS, tolerate: ['CONFLICT'] },
  // After the ballot (a poll is edited only before it opens): the managers are let through and told it is too late.
  savePoll: {
    args: (f) => ({ workshopId: f.workshop.id, mode: 'RANK', actions: [{ title: es('Red de docentes') }, { title: es('Observatorio regional') }] }),
    expect: MANAGERS,
    tolerate: ['CONFLICT'],
  },
  // After check-in and the ballot, so they prove only the confirmed participant takes part; now everyone registers.
  registerForWorkshop: { args: (f) => ({ workshopId: f.workshop.id, answers: [], consentToList: true }), expect: SIGNED_IN, tolerate: ['CONFLICT'] },
  saveFollowUp: { args: (f) => ({ workshopId: f.workshop.id, id: f.workshop.followUpId, input: { title: 'Enviar el informe final' } }), expect: MANAGERS },
  carryTopActions: { args: (f) => ({ workshopId: f.workshop.id, count: 1 }), expect: MANAGERS, tolerate: ['CONFLICT'] },
  // Certificates
  issueParticipationCertificates: {
    args: (f) => ({
      input: { title: `Reunión ${f.tag}`, startDate: isoDate(-3), endDate: isoDate(-3), issuerName: 'Secretaría', signatories, recipients: [{ name: f.people.spare.name, email: f.people.spare.email }] },
    }),
    expect: ADMIN_ONLY,
  },
  reissueCertificate: { args: (f) => ({ id: f.certificate.id }), expect: ADMIN_ONLY },
  // Collaboration: creating a space
  // For the caller's own organisation (Brazil's for its focal point).
  requestTable: {
    args: (f, who) => ({
      input: {
        ...details(),
        requestingOrganisationId: who === 'focalOther' ? f.brazil.id : f.peru.id,
        invitedOrganisationIds: [f.argentinaId],
        participantEmails: [person(f, who).email],
      },
    }),
    expect: cells('FORBIDDEN', { anonymous: 'UNAUTHENTICATED', representative: 'OK', focalOther: 'OK' }),
  },
  createTechnicalGroup: {
    args: (f) => ({
      input: {
        title: `Grupo ${f.tag}`,
        description: 'Grupo técnico.',
        timeZone: 'America/Lima',
        rotationMonths: 6,
        rotationStartsOn: isoDate(1),
        moderatorId: f.people.moderator.id,
        members: [{ organisationId: f.peru.id }, { organisationId: f.argentinaId }],
      },
    }),
    expect: REVIEWERS,
  },
  // Collaboration: the private table's and group's objects
  // The requesting side only; the moderator and administrators, who see the table, are refused outright.
  updateTableRequest: { args: (f) => ({ id: f.space.table, input: details() }), expect: REQUESTER, tolerate: ['CONFLICT'], privateExistence: true },
  resubmitTableRequest: { args: (f) => ({ id: f.space.table, input: details() }), expect: REQUESTER, tolerate: ['CONFLICT'], privateExistence: true },
  confirmTableParty: {
    args: (f) => ({ id: f.space.table, partyId: f.space.party, participantEmails: [f.people.representative.email] }),
    expect: REQUESTER,
    tolerate: ['CONFLICT'],
    privateExistence: true,
  },
  declineTableParty: { args: (f) => ({ id: f.space.table, partyId: f.space.party, note: 'no' }), expect: REQUESTER, tolerate: ['CONFLICT'], privateExistence: true },
  addTableParticipants: {
    args: (f) => ({ id: f.space.table, partyId: f.space.party, participantEmails: [f.people.representative.email] }),
    expect: SPACE_SIGNED_IN,
    privateExistence: true,
  },
  // The review desk: the member sees the table but may not review it.
  reviewTable: { args: (f) => ({ id: f.space.table, input: { decision: 'DECLINE', note: 'no' } }), expect: { ...SPACE_SIGNED_IN, representative: 'FORBIDDEN' }, tolerate: ['CONFLICT'], privateExistence: true },
  scheduleSpaceMeeting: { args: (f) => ({ spaceId: f.space.table, input: meetingInput() }), expect: SPACE, privateExistence: true },
  updateSpaceMeeting: { args: (f) => ({ id: f.space.meeting, input: { ...meetingInput(), title: 'Sesión reservada' } }), expect: SPACE, privateExistence: true },
  recordSpaceMeetingOutcome: { args: (f) => ({ id: f.space.meeting, input: { notes: 'Notas' } }), expect: SPACE, tolerate: ['CONFLICT'], privateExistence: true },
  createForumThread: { args: (f) => ({ spaceId: f.space.table, input: { title: 'Hilo', body: 'Texto' } }), expect: SPACE, privateExistence: true },
  replyToForumThread: { args: (f) => ({ threadId: f.space.thread, input: { body: 'Respuesta' } }), expect: SPACE, privateExistence: true },
  // Only the author edits: the moderator and administrators see the post but may not rewrite it.
  editForumPost: { args: (f) => ({ id: f.space.post, input: { body: 'Mensaje interno corregido' } }), expect: { ...SPACE, moderator: 'FORBIDDEN', admin: 'FORBIDDEN' }, privateExistence: true },
  // Moderation: a member below that level is told the space does not exist, as README's access rule says.
  hideForumPost: { args: (f) => ({ id: f.space.post, reason: 'Fuera de tema' }), expect: MODERATION, privateExistence: true },
  unhideForumPost: { args: (f) => ({ id: f.space.post }), expect: MODERATION, privateExistence: true },
  createCommitment: {
    args: (f) => ({ spaceId: f.space.table, input: { title: 'Compromiso', responsibleOrganisationId: f.peru.id, dueDate: '2031-01-01' } }),
    expect: SPACE,
    privateExistence: true,
  },
  updateCommitment: {
    args: (f) => ({ id: f.space.commitment, input: { title: 'Compromiso interno', responsibleOrganisationId: f.peru.id, dueDate: '2031-01-01' } }),
    expect: SPACE,
    privateExistence: true,
  },
  addCommitmentProgress: { args: (f) => ({ id: f.space.commitment, input: { note: 'Avance', progress: 50 } }), expect: SPACE, privateExistence: true },
  carryOverPriorities: {
    args: (f) => ({ spaceId: f.space.table, workshopId: f.workshop.id, items: [{ actionId: f.workshop.actionIds[0], responsibleOrganisationId: f.peru.id, dueDate: '2031-01-01' }] }),
    expect: SPACE,
    tolerate: ['BAD_USER_INPUT', 'CONFLICT'],
    privateExistence: true,
  },
  addTechnicalGroupMember: { args: async (f) => ({ groupId: (await freshSpace(f, 'GROUP')).spaceId, member: { organisationId: f.brazil.id } }), expect: MODERATION_SIGNED_IN, privateExistence: true },
  addTechnicalGroupParticipants: {
    args: (f) => ({ groupId: f.space.group, partyId: f.space.groupParty, emails: [f.people.spare.email] }),
    expect: SPACE_SIGNED_IN,
    tolerate: ['BAD_USER_INPUT'],
    privateExistence: true,
  },
};

// ------------------------------------------------------------------------------------------------
// Queries asked again after the mutations above changed what they answer
// ------------------------------------------------------------------------------------------------
const LATE_QUERIES: Record<string, Row> = {
  // The poll was opened, voted on and closed above: the space's organisers now read its ranking.
  'workshopPriorities (closed poll)': { args: (f) => ({ spaceId: f.space.table, workshopId: f.workshop.id }), expect: SPACE, privateExistence: true },
  // publishProgramme ran above: the programme is now public.
  'programme (published)': { args: (f) => ({ slug: f.programme.slug }), expect: PUBLIC },
};

// ------------------------------------------------------------------------------------------------
// Mutations that consume or end what they act on: last, on fresh copies where several callers may succeed
// ------------------------------------------------------------------------------------------------
const DESTRUCTIVE: Record<string, Row> = {
  cancelSpaceMeeting: { args: (f) => ({ id: f.space.meeting }), expect: SPACE, tolerate: ['CONFLICT'], privateExistence: true },
  removeTableParticipant: { args: async (f) => ((s) => ({ id: s.spaceId, participantId: s.participant }))(await freshSpace(f, 'TABLE')), expect: SPACE_SIGNED_IN, privateExistence: true },
  // The assigned moderator or an administrator; the member sees the table and is refused (FORBIDDEN, where the group's
  // operations below say NOT_FOUND: see the report).
  closeTable: { args: async (f) => ({ id: (await freshSpace(f, 'TABLE')).spaceId }), expect: { ...SPACE_SIGNED_IN, representative: 'FORBIDDEN' }, privateExistence: true },
  removeTechnicalGroupParticipant: {
    args: async (f) => ((s) => ({ groupId: s.spaceId, participantId: s.participant }))(await freshSpace(f, 'GROUP')),
    expect: SPACE_SIGNED_IN,
    privateExistence: true,
  },
  removeTechnicalGroupMember: { args: async (f) => ((s) => ({ groupId: s.spaceId, partyId: s.partyIds[2] }))(await freshSpace(f, 'GROUP')), expect: MODERATION_SIGNED_IN, privateExistence: true },
  handOverTechnicalGroupCoordination: { args: async (f) => ({ groupId: (await freshSpace(f, 'GROUP')).spaceId }), expect: MODERATION_SIGNED_IN, privateExistence: true },
  closeTechnicalGroup: { args: async (f) => ({ groupId: (await freshSpace(f, 'GROUP')).spaceId }), expect: MODERATION_SIGNED_IN, privateExistence: true },
  // Only the submitter deletes a draft (reviewers who can read it are told it does not exist: see the report).
  deleteEvidenceDraft: { args: async (f) => ({ id: await freshDraft(f) }), expect: OWNER('representative'), privateExistence: true },
  deleteLesson: { args: async (f) => ({ id: (await freshModule(f)).lessonId }), expect: EDITORS },
  deleteModule: { args: async (f) => ({ id: (await freshModule(f)).moduleId }), expect: EDITORS },
  cancelOffering: { args: (f) => ({ id: f.draftCourse.offeringId }), expect: EDITORS, tolerate: ['CONFLICT'] },
  archiveCourse: { args: (f) => ({ id: f.draftCourse.id }), expect: EDITORS, tolerate: ['CONFLICT'] },
  archiveProgramme: { args: (f) => ({ id: f.programme.id }), expect: EDITORS, tolerate: ['CONFLICT'] },
  // The participant completed the course above, so withdrawing is refused as too late (CONFLICT), after the access check.
  withdrawEnrolment: { args: (f) => ({ id: f.enrolmentId }), expect: OWNER('participant'), tolerate: ['CONFLICT'], privateExistence: true },
  removeEnrolment: { args: (f) => ({ id: f.enrolmentId, note: 'Baja.' }), expect: EDITORS, tolerate: ['CONFLICT'] },
  cancelRegistration: { args: (f) => ({ id: f.registrationId }), expect: OWNER('participant', 'OK'), tolerate: ['CONFLICT'], privateExistence: true },
  deleteAgendaItem: { args: (f) => ({ id: f.workshop.agendaItemId }), expect: MANAGERS },
  removeMaterial: { args: (f) => ({ id: f.workshop.materialId }), expect: MANAGERS },
  deleteSession: { args: (f) => ({ id: f.draftWorkshop.sessionId }), expect: MANAGERS },
  addWorkshopOrganiser: { args: (f) => ({ workshopId: f.draftWorkshop.id, email: f.people.organiser.email }), expect: MANAGERS },
  // The organiser caller is made a co-organiser of the second workshop before each call (their own workshop now):
  // they may step down themselves; administrators may remove them.
  removeWorkshopOrganiser: {
    args: async (f) => {
      await f.people.owner.client.request(`mutation($w: ID!, $e: String!) { addWorkshopOrganiser(workshopId: $w, email: $e) { id } }`, { w: f.draftWorkshop.id, e: f.people.organiser.email });
      return { workshopId: f.draftWorkshop.id, userId: f.people.organiser.id };
    },
    expect: { ...MANAGERS, organiser: 'OK' },
  },
  closeWorkshop: { args: (f) => ({ id: f.workshop.id }), expect: MANAGERS, tolerate: ['CONFLICT'] },
  markWorkshopHeld: { args: (f) => ({ id: f.workshop.id }), expect: MANAGERS, tolerate: ['CONFLICT'] },
  cancelWorkshop: { args: (f) => ({ id: f.draftWorkshop.id, note: 'Suspendido.' }), expect: MANAGERS, tolerate: ['CONFLICT'] },
  archiveWorkshop: { args: (f) => ({ id: f.draftWorkshop.id }), expect: MANAGERS, tolerate: ['CONFLICT'] },
  endFocalPoint: { args: (f) => ({ id: f.focalPointId, endDate: isoDate(0) }), expect: cells('FORBIDDEN', { anonymous: 'UNAUTHENTICATED', representative: 'OK', admin: 'OK' }), tolerate: ['CONFLICT'] },
  // The spare person's certificate (issued by the matrix above): the participant's was replaced by reissueCertificate.
  revokeCertificate: {
    args: async (f) => {
      const found = ok<{ certificates: { edges: Array<{ node: { id: string } }> } }>(
        await f.people.admin.client.request(`query($s: String!) { certificates(first: 1, search: $s) { edges { node { id } } } }`, { s: f.people.spare.email }),
      );
      return { id: found.certificates.edges[0].node.id, reason: 'Emitido por error.' };
    },
    expect: ADMIN_ONLY,
  },
  suspendMembership: { args: (f) => ({ organisationId: f.argentinaId, reason: 'Falta de pago.' }), expect: ADMIN_ONLY },
  reinstateMembership: { args: (f) => ({ organisationId: f.argentinaId, reason: 'Pagado.' }), expect: ADMIN_ONLY },
  // Ends every session of the person, the matrix's own clients included: the very last call.
  signOutEverywhere: { expect: SIGNED_IN, ownSession: true },
};

const fieldOf = (key: string) => key.replace(/ \(.*\)$/, '');

/** A selection of the answer's ids (and nothing else), so the uuid check sees every id it returns. */
function selection(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  const parts = ['__typename'];
  if (isObjectType(named)) {
    for (const field of Object.values(named.getFields()) as Array<GraphQLField<unknown, unknown>>) {
      if (field.args.some((a) => isNonNullType(a.type))) continue;
      const inner = getNamedType(field.type);
      if (inner.name === 'ID') parts.push(field.name);
      else if (depth < 2 && (field.name === 'edges' || field.name === 'node')) parts.push(`${field.name} ${selection(field.type, depth + 1)}`);
    }
  }
  return `{ ${parts.join(' ')} }`;
}

/** The document calling `field` with exactly the arguments given. */
function documentFor(kind: 'query' | 'mutation', field: string, vars: Vars): string {
  const definition = (kind === 'query' ? schema.getQueryType() : schema.getMutationType())!.getFields()[field];
  const args = definition.args.filter((a) => a.name in vars);
  const declared = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `${kind}${declared ? `(${declared})` : ''} { ${field}${passed ? `(${passed})` : ''} ${selection(definition.type)} }`;
}

const isId = (type: GraphQLType): boolean => !isListType(isNonNullType(type) ? type.ofType : type) && getNamedType(type).name === 'ID';

/** Every string in `data` under a key other than __typename (the selection holds ids only). */
function idsIn(data: unknown, trail: string, found: Array<[string, unknown]>): void {
  if (Array.isArray(data)) {
    data.forEach((d, i) => idsIn(d, `${trail}[${i}]`, found));
  } else if (data && typeof data === 'object') {
    for (const [k, v] of Object.entries(data)) if (k !== '__typename') idsIn(v, `${trail}.${k}`, found);
  } else if (data !== null && data !== undefined) {
    found.push([trail, data]);
  }
}

interface Answer {
  outcome: Outcome | 'INVALID';
  codes: string[];
  text: string;
}

function judge(answer: { status: number; data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions: Record<string, unknown> }> }, field: string): Answer {
  const codes = (answer.errors ?? []).map((e) => String(e.extensions?.code ?? 'NONE'));
  const text = JSON.stringify(answer).slice(0, 400);
  // A document the schema refuses, or a server failure, is never an access decision: the matrix or the portal is wrong.
  if (codes.some((c) => c.startsWith('GRAPHQL_') || c === 'INTERNAL_SERVER_ERROR' || c === 'NONE')) return { outcome: 'INVALID', codes, text };
  const access = codes.find((c) => ACCESS.includes(c));
  if (access) return { outcome: access as Outcome, codes, text };
  if (codes.length === 0 && answer.data?.[field] === null) return { outcome: 'NULL', codes, text };
  return { outcome: 'OK', codes, text };
}

describe('authorisation matrix generated from the schema', () => {
  let running: RunningPortal | undefined;
  const portal = () => running!;
  let f: MatrixFixtures;
  const clients = new Map<Caller, GraphQLClient>();
  const table: string[] = [];
  let failed = false;

  beforeAll(async () => {
    // A queue prefix of its own keeps this matrix's sign-ups, resets and wrong passwords out of the rate
    // limit counts (per IP) the other journeys of the same run share, and theirs out of its counts.
    running = await startPortal({ env: { ...adminEnv(ADMIN), QUEUE_PREFIX: `${process.env.QUEUE_PREFIX ?? 'alliance_test'}-matrix-${randomUUID().slice(0, 6)}` } });
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await running?.stop();
    await db?.end();
    // The whole matrix as observed, for the reader of a failure.
    if (failed) console.log(`${['operation', ...CALLERS].join(' | ')}\n${table.join('\n')}`);
  });

  it('has a row for every query and mutation of the schema, and no row for anything else', () => {
    const declared = (type: 'Query' | 'Mutation') => Object.keys((schema.getType(type) as import('graphql').GraphQLObjectType).getFields()).sort();
    const covered = (rowsOf: Array<Record<string, Row>>) => [...new Set(rowsOf.flatMap((r) => Object.keys(r).map(fieldOf)))].sort();
    expect(covered([QUERIES, LATE_QUERIES])).toEqual(declared('Query'));
    expect(covered([MUTATIONS, DESTRUCTIVE])).toEqual(declared('Mutation'));
  });

  it('builds the fixtures through the API as their owners would', async () => {
    f = await buildMatrixFixtures(portal(), db, ADMIN);
    clients.set('anonymous', new GraphQLClient(portal().url));
    for (const who of CALLERS) if (who !== 'anonymous') clients.set(who, f.people[who].client);
  });

  const run = async (kind: 'query' | 'mutation', rowsToRun: Record<string, Row>) => {
    const wrong: string[] = [];
    const notUuid: string[] = [];
    for (const [key, row] of Object.entries(rowsToRun)) {
      const field = fieldOf(key);
      const observed: string[] = [];
      for (const who of CALLERS) {
        const vars = (await row.args?.(f, who)) ?? {};
        const client = row.ownSession ? (who === 'anonymous' ? new GraphQLClient(portal().url) : await signedInClient(portal(), f.credentials[who])) : clients.get(who)!;
        const raw = await client.request<Record<string, unknown>>(documentFor(kind, field, vars), vars);
        const answer = judge(raw, field);
        observed.push(answer.outcome + (answer.codes.length && answer.outcome === 'OK' ? `(${answer.codes.join(',')})` : ''));
        const extra = answer.codes.filter((c) => !ACCESS.includes(c) && !(row.tolerate ?? []).includes(c));
        if (answer.outcome !== row.expect[who] || (answer.outcome === 'OK' && extra.length)) wrong.push(`${key} as ${who}: expected ${row.expect[who]}, got ${answer.outcome} ${answer.text}`);
        const ids: Array<[string, unknown]> = [];
        const returns = getNamedType(((kind === 'query' ? schema.getQueryType() : schema.getMutationType())!.getFields()[field]).type);
        // A scalar answer (a count, a flag) is not an id unless its type says so.
        if (!isLeafType(returns) || returns.name === 'ID') idsIn(raw.data, key, ids);
        for (const [trail, value] of ids) if (typeof value !== 'string' || !UUID.test(value)) notUuid.push(`${trail} = ${JSON.stringify(value)}`);
        if (row.privateExistence && who !== 'anonymous') {
          const definition = (kind === 'query' ? schema.getQueryType() : schema.getMutationType())!.getFields()[field];
          const random = Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, definition.args.some((a) => a.name === k && isId(a.type)) ? randomUUID() : v]));
          const blind = judge(await client.request<Record<string, unknown>>(documentFor(kind, field, random), random), field);
          if (blind.outcome !== 'NOT_FOUND' && blind.outcome !== 'NULL') wrong.push(`${key} as ${who} with random ids: expected NOT_FOUND or NULL, got ${blind.outcome} ${blind.text}`);
        }
      }
      table.push(`${key} | ${observed.join(' | ')}`);
    }
    failed ||= wrong.length > 0 || notUuid.length > 0;
    expect({ wrong, notUuid }).toEqual({ wrong: [], notUuid: [] });
  };

  it('answers every query as the matrix says', () => run('query', QUERIES));
  it('answers every mutation that leaves the fixtures usable as the matrix says', () => run('mutation', MUTATIONS));
  it('answers again the queries those mutations changed', () => run('query', LATE_QUERIES));
  it('answers every mutation that consumes what it acts on as the matrix says (fresh copies where several may)', () => run('mutation', DESTRUCTIVE));
});
