import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { grantOrganisationRole, insertSpace, makeMinistry } from '@alliance/server-collaboration';
import { GraphQLClient, waitForMail, type RunningPortal } from './portal';
import { PASSWORD, es, newAccount, ok, signedInClient, type Credentials } from './journey';

/**
 * The objects the authorisation matrix acts on, made through the API as their owners would make them
 * (organisations, their roles and the private spaces straight in the tables, as the collaboration
 * journeys do, because no API creates an already-confirmed space). Test-only.
 */

export const CALLERS = ['anonymous', 'participant', 'representative', 'focalOther', 'organiser', 'moderator', 'admin'] as const;
export type Caller = (typeof CALLERS)[number];

export interface Person {
  id: string;
  name: string;
  email: string;
  countryCode: string;
  client: GraphQLClient;
}

export interface MatrixFixtures {
  tag: string;
  people: Record<Exclude<Caller, 'anonymous'>, Person> & { owner: Person; spare: Person };
  credentials: Record<Exclude<Caller, 'anonymous'>, Credentials>;
  focusAreaId: string;
  charterVersion: number;
  // Alliance
  peru: { id: string; slug: string };
  brazil: { id: string; slug: string };
  /** A member ministry nobody else uses, to suspend and reinstate. */
  argentinaId: string;
  /** Brazil's focal point designation of focalOther (their own). */
  focalOtherPointId: string;
  applicationId: string;
  applicationInput: Record<string, unknown>;
  invitationToken: string;
  focalPointId: string;
  // Learning (owned by `owner`, an organiser who is none of the callers)
  course: { id: string; slug: string; offeringId: string; moduleId: string; lessonId: string; quizLessonId: string; questionId: string; optionId: string };
  draftCourse: { id: string; moduleId: string; lessonId: string; offeringId: string };
  programme: { id: string; slug: string };
  enrolmentId: string;
  // Workshops (owned by `owner`)
  workshop: { id: string; slug: string; sessionId: string; session: { title: Array<{ locale: string; value: string }>; startsAt: string; endsAt: string }; agendaItemId: string; materialId: string; actionIds: string[]; followUpId: string };
  draftWorkshop: { id: string; slug: string; sessionId: string };
  /** A draft workshop the organiser caller made: theirs to manage. */
  organiserWorkshopId: string;
  registrationId: string;
  // Evidence (submitted by the representative for Peru's ministry)
  evidence: { publicId: string; membersId: string; draftId: string; spareDraftId: string };
  evidenceInput: Record<string, unknown>;
  // Certificates
  certificate: { id: string; code: string; batchId: string };
  // Collaboration: a private table and a group of Peru's ministry (the representative is on the lists)
  space: { table: string; group: string; party: string; groupParty: string; participant: string; groupParticipant: string; thread: string; post: string; meeting: string; commitment: string; document: string };
  // Notifications
  notificationId: string;
}

const day = 86_400_000;
const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString().slice(0, 10);

function cookieOf(client: GraphQLClient): string {
  const jar = (client as unknown as { cookies: Map<string, string> }).cookies;
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** A tiny but valid PDF, as a person would upload it. */
export function samplePdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

export const courseInput = (tag: string, slug: string) => ({
  slug,
  title: es(`Liderazgo pedagógico ${tag}`),
  summary: es('Cómo acompañar a los equipos docentes.'),
  level: 'INTRODUCTORY',
  format: 'SELF_PACED',
  estimatedHours: 3,
  languages: ['es'],
  focusAreaIds: [],
  enrolmentPolicy: 'OPEN',
  certificateIssuer: 'Alianza Regional de Educación',
  certificateSignatories: [{ name: 'Valentina Rojas', title: 'Secretaria ejecutiva', organisation: 'Alianza Regional de Educación' }],
});

export const workshopInput = (tag: string, slug: string) => ({
  slug,
  title: es(`Taller de priorización ${tag}`),
  description: es('Prioridades de acción de la región.'),
  mode: 'VIRTUAL',
  timeZone: 'America/Lima',
  meetingUrl: 'https://meet.example.org/taller',
  capacity: 30,
  audience: 'OPEN',
  approvalRequired: false,
  waitlistMode: 'AUTO',
  languages: ['es'],
  certificateIssuer: 'Alianza Regional de Educación',
  certificateSignatories: [{ name: 'Valentina Rojas', title: 'Secretaria ejecutiva', organisation: 'Alianza Regional de Educación' }],
});

export const sessionInput = (offsetDays: number) => ({
  title: es('Sesión plenaria'),
  startsAt: new Date(Date.now() + offsetDays * day).toISOString(),
  endsAt: new Date(Date.now() + offsetDays * day + 2 * 3_600_000).toISOString(),
});

/** A session starting in ten minutes, so its check-in window (from 15 minutes before) is open while the matrix runs. */
const soonSession = () => ({
  title: es('Sesión plenaria'),
  startsAt: new Date(Date.now() + 10 * 60_000).toISOString(),
  endsAt: new Date(Date.now() + 10 * 60_000 + 2 * 3_600_000).toISOString(),
});

async function person(portal: RunningPortal, name: string, email: string, countryCode: string): Promise<Person> {
  const { client, id } = await newAccount(portal, name, email, countryCode);
  return { id, name, email, countryCode, client };
}

/** Polls `read` until it returns a value (the worker's jobs are asynchronous). */
async function eventually<T>(read: () => Promise<T | undefined | null>, what: string, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (value !== undefined && value !== null) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`${what} never appeared`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function buildMatrixFixtures(portal: RunningPortal, db: Client, adminCredentials: Credentials): Promise<MatrixFixtures> {
  const tag = randomUUID().slice(0, 8);
  const rows = { query: async (sql: string, params?: unknown[]) => (await db.query(sql, params)).rows } as unknown as DataSource;
  const admin = await signedInClient(portal, adminCredentials);
  const me = ok<{ me: { id: string; name: string; countryCode: string } }>(await admin.request(`{ me { id name countryCode } }`)).me;

  const participant = await person(portal, 'Ana Torres Quispe', `ana.${tag}@example.org`, 'PE');
  const representative = await person(portal, 'Rosa Mamani Condori', `rosa.${tag}@minedu.example.pe`, 'PE');
  const focalOther = await person(portal, 'Mariana Duarte Lopes', `mariana.${tag}@mec.example.br`, 'BR');
  const organiser = await person(portal, 'Marcela Fuentes Ríos', `marcela.${tag}@alianza.example`, 'CO');
  const moderator = await person(portal, 'Julián Ortega Paz', `julian.${tag}@alianza.example`, 'CL');
  const owner = await person(portal, 'Valentina Rojas Díaz', `valentina.${tag}@alianza.example`, 'PA');
  const spare = await person(portal, 'Diego Condori Huanca', `diego.${tag}@minedu.example.pe`, 'PE');
  const grant = async (p: Person, role: string) => ok(await admin.request(`mutation($u: ID!, $r: Role!) { grantRole(userId: $u, role: $r) { id } }`, { u: p.id, r: role }));
  await grant(organiser, 'ORGANISER');
  await grant(owner, 'ORGANISER');
  await grant(moderator, 'MODERATOR');
  // Roles are read at sign-in: sign the promoted people in again.
  for (const p of [organiser, owner, moderator]) p.client = await signedInClient(portal, { email: p.email, password: PASSWORD });
  const credentials = {
    participant: { email: participant.email, password: PASSWORD },
    representative: { email: representative.email, password: PASSWORD },
    focalOther: { email: focalOther.email, password: PASSWORD },
    organiser: { email: organiser.email, password: PASSWORD },
    moderator: { email: moderator.email, password: PASSWORD },
    admin: adminCredentials,
  };

  const reference = ok<{ focusAreas: Array<{ id: string }>; currentCharter: { version: number } }>(await admin.request(`{ focusAreas { id } currentCharter { version } }`));
  const focusAreaId = reference.focusAreas[0].id;

  // --- Alliance: Peru's ministry (the representative; the spare person becomes its focal point) and Brazil's (focal point: focalOther).
  const peruId = await makeMinistry(rows, 'PE', `Ministerio de Educación del Perú ${tag}`);
  const brazilId = await makeMinistry(rows, 'BR', `Ministério da Educação ${tag}`);
  const colombiaId = await makeMinistry(rows, 'CO', `Ministerio de Educación Nacional ${tag}`);
  const argentinaId = await makeMinistry(rows, 'AR', `Ministerio de Educación de la Argentina ${tag}`);
  await grantOrganisationRole(rows, representative.id, peruId, 'REPRESENTATIVE');
  await grantOrganisationRole(rows, focalOther.id, brazilId, 'MEMBER');
  await grantOrganisationRole(rows, focalOther.id, brazilId, 'FOCAL_POINT');
  await grantOrganisationRole(rows, spare.id, peruId, 'MEMBER');
  const slugOf = async (id: string) => (await db.query(`SELECT slug FROM organisations WHERE id = $1`, [id])).rows[0].slug as string;
  const focalPoint = ok<{ designateFocalPoint: { id: string } }>(
    await representative.client.request(
      `mutation($o: ID!, $u: ID!, $a: ID!, $d: String!) { designateFocalPoint(organisationId: $o, userId: $u, focusAreaId: $a, role: TITULAR, startDate: $d) { id } }`,
      { o: peruId, u: spare.id, a: focusAreaId, d: isoDate(-1) },
    ),
  ).designateFocalPoint;
  // Brazil's focal point also holds a current designation, as a real one would.
  await grantOrganisationRole(rows, owner.id, brazilId, 'REPRESENTATIVE');
  const focalOtherPoint = ok<{ designateFocalPoint: { id: string } }>(
    await owner.client.request(
      `mutation($o: ID!, $u: ID!, $a: ID!, $d: String!) { designateFocalPoint(organisationId: $o, userId: $u, focusAreaId: $a, role: TITULAR, startDate: $d) { id } }`,
      { o: brazilId, u: focalOther.id, a: focusAreaId, d: isoDate(-1) },
    ),
  ).designateFocalPoint;
  const invitedEmail = `invitada.${tag}@minedu.example.pe`;
  ok(
    await representative.client.request(`mutation($o: ID!, $e: String!) { inviteToOrganisation(organisationId: $o, email: $e, role: MEMBER) { id } }`, {
      o: peruId,
      e: invitedEmail,
    }),
  );
  const invitationMail = await waitForMail(portal.url, (m) => m.to.includes(invitedEmail) && m.links.some((l) => l.includes('/invitations/')));
  const invitationToken = invitationMail.links.find((l) => l.includes('/invitations/'))!.split('/invitations/')[1];
  const applicationInput = {
    organisationName: `Fundación Aprender Juntos ${tag}`,
    organisationType: 'NGO',
    countryCode: 'PE',
    website: null,
    description: 'Acompañamos a escuelas rurales en lectura y escritura.',
    applicantRole: 'Directora',
    motivation: 'Compartir lo aprendido con la región.',
    focusAreaIds: [focusAreaId],
    charterVersion: reference.currentCharter.version,
  };
  const application = ok<{ submitMembershipApplication: { id: string } }>(
    await participant.client.request(`mutation($input: ApplicationInput!) { submitMembershipApplication(input: $input) { id } }`, { input: applicationInput }),
  ).submitMembershipApplication;

  // --- Learning: a published course with a quiz, a draft course to take apart, a programme; the participant enrols.
  const o = owner.client;
  const created = ok<{ createCourse: { id: string; slug: string; offerings: Array<{ id: string }> } }>(
    await o.request(`mutation($input: CourseInput!) { createCourse(input: $input) { id slug offerings { id } } }`, { input: courseInput(tag, `liderazgo-${tag}`) }),
  ).createCourse;
  const addModule = async (courseId: string, title: string) =>
    ok<{ addModule: { id: string } }>(await o.request(`mutation($c: ID!, $t: [LocalizedTextInput!]!) { addModule(courseId: $c, title: $t) { id } }`, { c: courseId, t: es(title) })).addModule.id;
  const addLesson = async (moduleId: string, input: Record<string, unknown>) =>
    ok<{ addLesson: { id: string } }>(await o.request(`mutation($m: ID!, $i: LessonInput!) { addLesson(moduleId: $m, input: $i) { id } }`, { m: moduleId, i: input })).addLesson.id;
  const moduleId = await addModule(created.id, 'Fundamentos');
  const lessonId = await addLesson(moduleId, { type: 'TEXT', title: es('Qué es liderar'), body: es('Texto de la lección.') });
  const quizLessonId = await addLesson(moduleId, { type: 'QUIZ', title: es('Compruebe lo aprendido') });
  const quiz = ok<{ saveQuiz: { quiz: { questions: Array<{ id: string; options: Array<{ id: string; correct: boolean }> }> } } }>(
    await o.request(`mutation($l: ID!, $i: QuizInput!) { saveQuiz(lessonId: $l, input: $i) { quiz { questions { id options { id correct } } } } }`, {
      l: quizLessonId,
      i: { passMark: 100, maxAttempts: 20, questions: [{ kind: 'SINGLE', prompt: es('¿Para qué sirve?'), options: [{ text: es('Para mejorar'), correct: true }, { text: es('Para sancionar'), correct: false }] }] },
    }),
  ).saveQuiz.quiz.questions[0];
  ok(await o.request(`mutation($id: ID!) { publishCourse(id: $id) { id } }`, { id: created.id }));
  const draft = ok<{ createCourse: { id: string; offerings: Array<{ id: string }> } }>(
    await o.request(`mutation($input: CourseInput!) { createCourse(input: $input) { id offerings { id } } }`, { input: courseInput(`${tag} borrador`, `borrador-${tag}`) }),
  ).createCourse;
  const draftModuleId = await addModule(draft.id, 'Módulo a borrar');
  const draftLessonId = await addLesson(draftModuleId, { type: 'TEXT', title: es('Lección a borrar'), body: es('Texto.') });
  const programme = ok<{ createProgramme: { id: string; slug: string } }>(
    await o.request(`mutation($input: ProgrammeInput!) { createProgramme(input: $input) { id slug } }`, {
      input: {
        slug: `programa-${tag}`,
        title: es(`Programa de liderazgo ${tag}`),
        summary: es('Un recorrido.'),
        courseIds: [created.id],
        certificateIssuer: 'Alianza Regional de Educación',
        certificateSignatories: [{ name: 'Valentina Rojas', title: 'Secretaria ejecutiva', organisation: 'Alianza Regional de Educación' }],
      },
    }),
  ).createProgramme;
  const enrolment = ok<{ enrol: { id: string } }>(await participant.client.request(`mutation($o: ID!) { enrol(offeringId: $o) { id } }`, { o: created.offerings[0].id })).enrol;

  // --- Workshops: an open one with a session, agenda, material, poll and follow-up; a second one to cancel and archive.
  const workshop = ok<{ createWorkshop: { id: string; slug: string } }>(
    await o.request(`mutation($input: WorkshopInput!) { createWorkshop(input: $input) { id slug } }`, { input: workshopInput(tag, `taller-${tag}`) }),
  ).createWorkshop;
  const session = soonSession();
  const withSession = ok<{ saveSession: { sessions: Array<{ id: string }> } }>(
    await o.request(`mutation($w: ID!, $input: SessionInput!) { saveSession(workshopId: $w, input: $input) { sessions { id } } }`, { w: workshop.id, input: session }),
  ).saveSession;
  const sessionId = withSession.sessions[0].id;
  const agenda = ok<{ saveAgendaItem: { sessions: Array<{ agenda: Array<{ id: string }> }> } }>(
    await o.request(`mutation($input: AgendaItemInput!) { saveAgendaItem(input: $input) { sessions { agenda { id } } } }`, {
      input: { sessionId, title: es('Apertura'), startsAt: session.startsAt, endsAt: new Date(Date.parse(session.startsAt) + 1_800_000).toISOString() },
    }),
  ).saveAgendaItem;
  const material = ok<{ addMaterial: { materials: Array<{ id: string }> } }>(
    await o.request(`mutation($w: ID!, $input: MaterialInput!) { addMaterial(workshopId: $w, input: $input) { materials { id } } }`, {
      w: workshop.id,
      input: { phase: 'BEFORE', title: 'Guía', url: 'https://example.org/guia.pdf' },
    }),
  ).addMaterial;
  const poll = ok<{ savePoll: { poll: { actions: Array<{ id: string }> } } }>(
    await o.request(`mutation($w: ID!, $a: [PollActionInput!]!) { savePoll(workshopId: $w, mode: RANK, actions: $a) { poll { actions { id } } } }`, {
      w: workshop.id,
      a: [{ title: es('Red de docentes') }, { title: es('Observatorio regional') }],
    }),
  ).savePoll;
  const followUp = ok<{ saveFollowUp: { id: string } }>(
    await o.request(`mutation($w: ID!, $input: FollowUpInput!) { saveFollowUp(workshopId: $w, input: $input) { id } }`, { w: workshop.id, input: { title: 'Enviar el informe' } }),
  ).saveFollowUp;
  ok(await o.request(`mutation($id: ID!) { openWorkshop(id: $id) { id } }`, { id: workshop.id }));
  const registration = ok<{ registerForWorkshop: { id: string } }>(
    await participant.client.request(`mutation($w: ID!) { registerForWorkshop(workshopId: $w, answers: [], consentToList: true) { id } }`, { w: workshop.id }),
  ).registerForWorkshop;
  const second = ok<{ createWorkshop: { id: string; slug: string } }>(
    await o.request(`mutation($input: WorkshopInput!) { createWorkshop(input: $input) { id slug } }`, { input: workshopInput(`${tag} b`, `taller-b-${tag}`) }),
  ).createWorkshop;
  const secondSession = ok<{ saveSession: { sessions: Array<{ id: string }> } }>(
    await o.request(`mutation($w: ID!, $input: SessionInput!) { saveSession(workshopId: $w, input: $input) { sessions { id } } }`, { w: second.id, input: sessionInput(5) }),
  ).saveSession.sessions[0].id;

  const organiserWorkshop = ok<{ createWorkshop: { id: string } }>(
    await organiser.client.request(`mutation($input: WorkshopInput!) { createWorkshop(input: $input) { id } }`, { input: workshopInput(`${tag} propio`, `taller-propio-${tag}`) }),
  ).createWorkshop;

  // --- Evidence of Peru's ministry: one public and one members-only item published, one draft.
  const evidenceOrg = ok<{ evidenceOrganisationOptions: Array<{ id: string }> }>(await representative.client.request(`{ evidenceOrganisationOptions { id } }`)).evidenceOrganisationOptions;
  const evidenceInput = {
    type: 'CASE_STUDY',
    language: 'es',
    texts: [{ locale: 'es', title: `Tutoría entre pares ${tag}`, abstract: 'Estudio de caso sobre la tutoría entre pares en escuelas rurales multigrado.' }],
    countryCodes: ['PE'],
    focusAreaIds: [focusAreaId],
    year: 2024,
    authors: [{ name: 'Rosa Mamani Condori' }],
    organisationId: evidenceOrg[0]?.id ?? null,
    publisher: null,
    licence: 'CC_BY_4_0',
    externalUrl: 'https://example.org/estudio',
    doi: null,
    visibility: 'PUBLIC',
  };
  const createItem = async (visibility: string, title: string) =>
    ok<{ createEvidenceItem: { id: string } }>(
      await representative.client.request(`mutation($input: EvidenceItemInput!) { createEvidenceItem(input: $input) { id } }`, {
        input: { ...evidenceInput, visibility, texts: [{ ...evidenceInput.texts[0], title }] },
      }),
    ).createEvidenceItem.id;
  const publicId = await createItem('PUBLIC', `Tutoría entre pares ${tag}`);
  const membersId = await createItem('MEMBERS', `Datos internos de la red ${tag}`);
  const draftId = await createItem('PUBLIC', `Borrador ${tag}`);
  const spareDraftId = await createItem('PUBLIC', `Borrador descartable ${tag}`);
  for (const id of [publicId, membersId]) {
    ok(await representative.client.request(`mutation($id: ID!) { submitEvidenceItem(id: $id) { id } }`, { id }));
    ok(await admin.request(`mutation($id: ID!) { reviewEvidenceItem(id: $id, decision: PUBLISH) { id } }`, { id }));
  }

  // --- A participation certificate for the participant.
  const batch = ok<{ issueParticipationCertificates: { id: string } }>(
    await admin.request(`mutation($input: IssueParticipationInput!) { issueParticipationCertificates(input: $input) { id } }`, {
      input: {
        title: `Encuentro regional ${tag}`,
        hours: 8,
        startDate: isoDate(-10),
        endDate: isoDate(-9),
        issuerName: 'Secretaría de la Alianza',
        signatories: [{ name: 'Ana Pérez', title: 'Secretaria Ejecutiva', organisation: 'Secretaría de la Alianza' }],
        recipients: [{ name: participant.name, email: participant.email }],
      },
    }),
  ).issueParticipationCertificates;
  const certificate = await eventually(async () => {
    const mine = ok<{ myCertificates: { edges: Array<{ node: { id: string; code: string } }> } }>(await participant.client.request(`{ myCertificates(first: 5) { edges { node { id code } } } }`));
    return mine.myCertificates.edges[0]?.node;
  }, 'the certificate');

  // --- A private working table (Peru's and Colombia's ministries; the representative is on Peru's list, the moderator assigned) and a group.
  const table = await insertSpace(rows, {
    title: `Mesa reservada ${tag}`,
    moderatorId: moderator.id,
    parties: [{ organisationId: peruId, participantIds: [representative.id] }, { organisationId: colombiaId, participantIds: [] }],
  });
  const group = await insertSpace(rows, {
    kind: 'GROUP',
    title: `Grupo técnico reservado ${tag}`,
    moderatorId: moderator.id,
    rotationMonths: 6,
    rotationStartsOn: isoDate(-30),
    parties: [{ organisationId: peruId, participantIds: [representative.id] }, { organisationId: colombiaId, participantIds: [] }],
  });
  const r = representative.client;
  const thread = ok<{ createForumThread: { id: string } }>(
    await r.request(`mutation($s: ID!) { createForumThread(spaceId: $s, input: { title: "Hilo privado", body: "Mensaje interno" }) { id } }`, { s: table.spaceId }),
  ).createForumThread;
  const posts = ok<{ forumPosts: { edges: Array<{ node: { id: string } }> } }>(await r.request(`query($t: ID!) { forumPosts(threadId: $t) { edges { node { id } } } }`, { t: thread.id }));
  const meeting = ok<{ scheduleSpaceMeeting: { id: string } }>(
    await r.request(`mutation($s: ID!, $input: SpaceMeetingInput!) { scheduleSpaceMeeting(spaceId: $s, input: $input) { id } }`, {
      s: table.spaceId,
      input: { title: 'Sesión reservada', startsAtLocal: new Date(Date.now() + 10 * day).toISOString().slice(0, 16), timeZone: 'America/Lima', durationMinutes: 60 },
    }),
  ).scheduleSpaceMeeting;
  const commitment = ok<{ createCommitment: { id: string } }>(
    await r.request(`mutation($s: ID!, $input: CommitmentInput!) { createCommitment(spaceId: $s, input: $input) { id } }`, {
      s: table.spaceId,
      input: { title: 'Compromiso interno', responsibleOrganisationId: peruId, dueDate: '2031-01-01' },
    }),
  ).createCommitment;
  const form = new FormData();
  form.append('title', 'Documento reservado');
  form.append('file', new Blob([new Uint8Array(samplePdf('Documento reservado'))]), 'informe.pdf');
  const uploaded = await fetch(`${portal.url}/api/collaboration/spaces/${table.spaceId}/documents`, { method: 'POST', headers: { cookie: cookieOf(r), 'x-requested-with': 'fetch' }, body: form });
  if (uploaded.status !== 201) throw new Error(`document upload: ${uploaded.status} ${await uploaded.text()}`);
  const { rows: docs } = await db.query(`SELECT id FROM collab_documents WHERE space_id = $1`, [table.spaceId]);
  const { rows: listed } = await db.query(`SELECT id, space_id FROM collab_space_participants WHERE user_id = $1 AND space_id = ANY($2)`, [representative.id, [table.spaceId, group.spaceId]]);

  // --- The participant's notifications (the enrolment and registration confirmations).
  const notificationId = await eventually(async () => {
    const inbox = ok<{ notifications: { edges: Array<{ node: { id: string } }> } }>(await participant.client.request(`{ notifications(first: 5) { edges { node { id } } } }`));
    return inbox.notifications.edges[0]?.node.id;
  }, 'a notification of the participant');

  return {
    tag,
    people: {
      participant,
      representative,
      focalOther,
      organiser,
      moderator,
      admin: { id: me.id, name: me.name, email: adminCredentials.email, countryCode: me.countryCode, client: admin },
      owner,
      spare,
    },
    credentials,
    focusAreaId,
    charterVersion: reference.currentCharter.version,
    peru: { id: peruId, slug: await slugOf(peruId) },
    brazil: { id: brazilId, slug: await slugOf(brazilId) },
    argentinaId,
    focalOtherPointId: focalOtherPoint.id,
    applicationId: application.id,
    applicationInput,
    invitationToken,
    focalPointId: focalPoint.id,
    course: { id: created.id, slug: created.slug, offeringId: created.offerings[0].id, moduleId, lessonId, quizLessonId, questionId: quiz.id, optionId: quiz.options.find((x) => x.correct)!.id },
    draftCourse: { id: draft.id, moduleId: draftModuleId, lessonId: draftLessonId, offeringId: draft.offerings[0]?.id },
    programme,
    enrolmentId: enrolment.id,
    workshop: {
      id: workshop.id,
      slug: workshop.slug,
      sessionId,
      session,
      agendaItemId: agenda.sessions[0].agenda[0].id,
      materialId: material.materials[0].id,
      actionIds: poll.poll.actions.map((a) => a.id),
      followUpId: followUp.id,
    },
    draftWorkshop: { id: second.id, slug: second.slug, sessionId: secondSession },
    organiserWorkshopId: organiserWorkshop.id,
    registrationId: registration.id,
    evidence: { publicId, membersId, draftId, spareDraftId },
    evidenceInput,
    certificate: { id: certificate.id, code: certificate.code, batchId: batch.id },
    space: {
      table: table.spaceId,
      group: group.spaceId,
      party: table.partyIds[0],
      groupParty: group.partyIds[0],
      participant: listed.find((x) => x.space_id === table.spaceId).id,
      groupParticipant: listed.find((x) => x.space_id === group.spaceId).id,
      thread: thread.id,
      post: posts.forumPosts.edges[0].node.id,
      meeting: meeting.id,
      commitment: commitment.id,
      document: docs[0].id,
    },
    notificationId,
  };
}
