/**
 * The access matrix of working tables and technical groups. Every query and mutation of the
 * collaboration resolvers and every HTTP route of its controllers is called, against a table's and a
 * group's objects, by three people who must learn nothing: an outsider (signed in, no relation), a
 * member of another table, and an anonymous visitor. Each must get "not found" (or, anonymous, "sign
 * in"), never see any of the space's texts, and change nothing. A member gets the same calls' answers
 * (the positive control: the calls are right, and would reveal the texts if access were broken).
 * The list of operations is checked against the resolvers' and controllers' source, so an operation
 * added later without a row here fails this test.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { grantOrganisationRole, insertSpace, makeMinistry } from '@alliance/server-collaboration';
import { GraphQLClient, newAccount, ok, portalWithAdmin, type RunningPortal } from '../support';

const ADMIN = { email: 'collab-access-admin@alianza.example', password: 'Collab-Access-Admin-Password-1' };
const SOURCE = path.resolve(__dirname, '../../libs/server/collaboration/src');

type Ids = Record<'table' | 'group' | 'thread' | 'post' | 'meeting' | 'commitment' | 'document' | 'version' | 'party' | 'participant' | 'groupParty' | 'groupParticipant' | 'organisation', string>;

interface Operation {
  /** A GraphQL document calling exactly the operation named by the row's key. */
  doc: string;
  vars: (ids: Ids) => Record<string, unknown>;
  /** Queries: the member's answer must contain this secret (a text of the space). */
  reveals?: keyof typeof SECRETS;
}

const tag = randomUUID().slice(0, 8);
/** Texts of the private spaces that nobody outside may ever read. */
const SECRETS = {
  table: `Mesa confidencial ${tag}`,
  group: `Grupo técnico reservado ${tag}`,
  thread: `Hilo privado ${tag}`,
  post: `Mensaje interno ${tag}`,
  meeting: `Sesión reservada ${tag}`,
  commitment: `Compromiso interno ${tag}`,
  document: `Documento reservado ${tag}`,
};

/** A registered account's address (the outsider's), so list changes are refused for access, not for input. */
const KNOWN_EMAIL = `tomas.${tag}@example.org`;

const in20Days = () => new Date(Date.now() + 20 * 86_400_000).toISOString();
const startsAtLocal = () => new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 16);
const meetingInput = { title: 'Sesión', startsAtLocal: startsAtLocal(), timeZone: 'America/Lima', durationMinutes: 60, link: 'https://meet.example.org/x', agenda: 'Agenda' };
const details = { title: 'Nuevo título', description: 'Descripción', agenda: 'Agenda', timeZone: 'America/Lima', firstSessionAt: in20Days() };
const commitmentInput = (ids: Ids) => ({ title: 'Compromiso', responsibleOrganisationId: ids.organisation, dueDate: '2031-01-01' });

/** Every space-scoped query and mutation. Global ones (lists, pickers, creating a new space) are below. */
const SCOPED: Record<string, Operation> = {
  // Tables
  table: { doc: `query($id: ID!) { table(id: $id) { id title } }`, vars: (i) => ({ id: i.table }), reveals: 'table' },
  updateTableRequest: { doc: `mutation($id: ID!, $input: TableDetailsInput!) { updateTableRequest(id: $id, input: $input) { id } }`, vars: (i) => ({ id: i.table, input: details }) },
  resubmitTableRequest: { doc: `mutation($id: ID!, $input: TableDetailsInput) { resubmitTableRequest(id: $id, input: $input) { id } }`, vars: (i) => ({ id: i.table, input: details }) },
  confirmTableParty: {
    doc: `mutation($id: ID!, $partyId: ID!, $emails: [String!]!) { confirmTableParty(id: $id, partyId: $partyId, participantEmails: $emails) { id } }`,
    vars: (i) => ({ id: i.table, partyId: i.party, emails: [KNOWN_EMAIL] }),
  },
  declineTableParty: { doc: `mutation($id: ID!, $partyId: ID!) { declineTableParty(id: $id, partyId: $partyId, note: "no") { id } }`, vars: (i) => ({ id: i.table, partyId: i.party }) },
  addTableParticipants: {
    doc: `mutation($id: ID!, $partyId: ID!, $emails: [String!]!) { addTableParticipants(id: $id, partyId: $partyId, participantEmails: $emails) { id } }`,
    vars: (i) => ({ id: i.table, partyId: i.party, emails: [KNOWN_EMAIL] }),
  },
  removeTableParticipant: { doc: `mutation($id: ID!, $p: ID!) { removeTableParticipant(id: $id, participantId: $p) { id } }`, vars: (i) => ({ id: i.table, p: i.participant }) },
  reviewTable: { doc: `mutation($id: ID!) { reviewTable(id: $id, input: { decision: DECLINE, note: "no" }) { id } }`, vars: (i) => ({ id: i.table }) },
  closeTable: { doc: `mutation($id: ID!) { closeTable(id: $id) { id } }`, vars: (i) => ({ id: i.table }) },
  // Sessions
  spaceMeetings: { doc: `query($s: ID!) { spaceMeetings(spaceId: $s) { edges { node { id title } } } }`, vars: (i) => ({ s: i.table }), reveals: 'meeting' },
  spaceMeetingScheduling: { doc: `query($s: ID!) { spaceMeetingScheduling(spaceId: $s) { canSchedule timeZone } }`, vars: (i) => ({ s: i.table }) },
  scheduleSpaceMeeting: { doc: `mutation($s: ID!, $input: SpaceMeetingInput!) { scheduleSpaceMeeting(spaceId: $s, input: $input) { id } }`, vars: (i) => ({ s: i.table, input: meetingInput }) },
  updateSpaceMeeting: { doc: `mutation($id: ID!, $input: SpaceMeetingInput!) { updateSpaceMeeting(id: $id, input: $input) { id } }`, vars: (i) => ({ id: i.meeting, input: meetingInput }) },
  cancelSpaceMeeting: { doc: `mutation($id: ID!) { cancelSpaceMeeting(id: $id) { id } }`, vars: (i) => ({ id: i.meeting }) },
  recordSpaceMeetingOutcome: {
    doc: `mutation($id: ID!) { recordSpaceMeetingOutcome(id: $id, input: { notes: "Notas", recordingUrl: "https://rec.example.org/1" }) { id } }`,
    vars: (i) => ({ id: i.meeting }),
  },
  // Forum
  spaceMembers: { doc: `query($s: ID!) { spaceMembers(spaceId: $s) { id name } }`, vars: (i) => ({ s: i.table }) },
  forumThreads: { doc: `query($s: ID!) { forumThreads(spaceId: $s) { edges { node { id title } } } }`, vars: (i) => ({ s: i.table }), reveals: 'thread' },
  forumThread: { doc: `query($id: ID!) { forumThread(id: $id) { id title } }`, vars: (i) => ({ id: i.thread }), reveals: 'thread' },
  forumPosts: { doc: `query($t: ID!) { forumPosts(threadId: $t) { edges { node { id body } } } }`, vars: (i) => ({ t: i.thread }), reveals: 'post' },
  forumPostRevisions: { doc: `query($p: ID!) { forumPostRevisions(postId: $p) { body } }`, vars: (i) => ({ p: i.post }), reveals: 'post' },
  createForumThread: { doc: `mutation($s: ID!) { createForumThread(spaceId: $s, input: { title: "Hilo", body: "Texto" }) { id } }`, vars: (i) => ({ s: i.table }) },
  replyToForumThread: { doc: `mutation($t: ID!) { replyToForumThread(threadId: $t, input: { body: "Respuesta" }) { id } }`, vars: (i) => ({ t: i.thread }) },
  editForumPost: { doc: `mutation($id: ID!) { editForumPost(id: $id, input: { body: "Cambio" }) { id } }`, vars: (i) => ({ id: i.post }) },
  hideForumPost: { doc: `mutation($id: ID!) { hideForumPost(id: $id, reason: "Fuera de tema") { id } }`, vars: (i) => ({ id: i.post }) },
  unhideForumPost: { doc: `mutation($id: ID!) { unhideForumPost(id: $id) { id } }`, vars: (i) => ({ id: i.post }) },
  // Documents
  spaceDocuments: { doc: `query($s: ID!) { spaceDocuments(spaceId: $s) { edges { node { id title } } } }`, vars: (i) => ({ s: i.table }), reveals: 'document' },
  spaceDocument: { doc: `query($id: ID!) { spaceDocument(id: $id) { id title } }`, vars: (i) => ({ id: i.document }), reveals: 'document' },
  // Commitments and accountability
  spaceCommitments: { doc: `query($s: ID!) { spaceCommitments(spaceId: $s) { edges { node { id title } } } }`, vars: (i) => ({ s: i.table }), reveals: 'commitment' },
  commitment: { doc: `query($id: ID!) { commitment(id: $id) { id title } }`, vars: (i) => ({ id: i.commitment }), reveals: 'commitment' },
  commitmentAccountability: { doc: `query($s: ID!) { commitmentAccountability(spaceId: $s) { __typename } }`, vars: (i) => ({ s: i.table }) },
  createCommitment: { doc: `mutation($s: ID!, $input: CommitmentInput!) { createCommitment(spaceId: $s, input: $input) { id } }`, vars: (i) => ({ s: i.table, input: commitmentInput(i) }) },
  updateCommitment: { doc: `mutation($id: ID!, $input: CommitmentInput!) { updateCommitment(id: $id, input: $input) { id } }`, vars: (i) => ({ id: i.commitment, input: commitmentInput(i) }) },
  addCommitmentProgress: { doc: `mutation($id: ID!) { addCommitmentProgress(id: $id, input: { note: "Avance", progress: 50 }) { id } }`, vars: (i) => ({ id: i.commitment }) },
  priorityWorkshops: { doc: `query($s: ID!) { priorityWorkshops(spaceId: $s) { __typename } }`, vars: (i) => ({ s: i.table }) },
  workshopPriorities: { doc: `query($s: ID!, $w: ID!) { workshopPriorities(spaceId: $s, workshopId: $w) { __typename } }`, vars: (i) => ({ s: i.table, w: randomUUID() }) },
  carryOverPriorities: {
    doc: `mutation($s: ID!, $w: ID!, $items: [CarryOverItemInput!]!) { carryOverPriorities(spaceId: $s, workshopId: $w, items: $items) { __typename } }`,
    vars: (i) => ({ s: i.table, w: randomUUID(), items: [{ actionId: randomUUID(), responsibleOrganisationId: i.organisation, dueDate: '2031-01-01' }] }),
  },
  // Technical groups
  technicalGroup: { doc: `query($id: ID!) { technicalGroup(id: $id) { id title } }`, vars: (i) => ({ id: i.group }), reveals: 'group' },
  addTechnicalGroupMember: {
    doc: `mutation($g: ID!, $o: ID!) { addTechnicalGroupMember(groupId: $g, member: { organisationId: $o }) { id } }`,
    vars: (i) => ({ g: i.group, o: i.organisation }),
  },
  removeTechnicalGroupMember: { doc: `mutation($g: ID!, $p: ID!) { removeTechnicalGroupMember(groupId: $g, partyId: $p) { id } }`, vars: (i) => ({ g: i.group, p: i.groupParty }) },
  addTechnicalGroupParticipants: {
    doc: `mutation($g: ID!, $p: ID!, $emails: [String!]!) { addTechnicalGroupParticipants(groupId: $g, partyId: $p, emails: $emails) { id } }`,
    vars: (i) => ({ g: i.group, p: i.groupParty, emails: [KNOWN_EMAIL] }),
  },
  removeTechnicalGroupParticipant: {
    doc: `mutation($g: ID!, $p: ID!) { removeTechnicalGroupParticipant(groupId: $g, participantId: $p) { id } }`,
    vars: (i) => ({ g: i.group, p: i.groupParticipant }),
  },
  handOverTechnicalGroupCoordination: { doc: `mutation($g: ID!) { handOverTechnicalGroupCoordination(groupId: $g) { id } }`, vars: (i) => ({ g: i.group }) },
  closeTechnicalGroup: { doc: `mutation($g: ID!) { closeTechnicalGroup(groupId: $g) { id } }`, vars: (i) => ({ g: i.group }) },
};

/**
 * Operations that name no existing space: lists of the caller's own spaces, the reviewers' queue,
 * pickers, and creating a new space. They must still never show the spaces' texts to these callers.
 */
const GLOBAL: Record<string, Operation | null> = {
  myTables: { doc: `{ myTables { edges { node { id title } } } }`, vars: () => ({}) },
  myTechnicalGroups: { doc: `{ myTechnicalGroups { edges { node { id title } } } }`, vars: () => ({}) },
  tableReviewQueue: { doc: `{ tableReviewQueue { edges { node { id title } } } }`, vars: () => ({}) },
  collaborationModerators: { doc: `{ collaborationModerators { name } }`, vars: () => ({}) },
  tableRequestOrganisations: { doc: `{ tableRequestOrganisations { __typename } }`, vars: () => ({}) },
  tableOrganisationSearch: { doc: `{ tableOrganisationSearch(search: "Ministerio") { __typename } }`, vars: () => ({}) },
  // Creating a space touches no existing one; their own specs cover who may create.
  requestTable: null,
  createTechnicalGroup: null,
};

/** Every HTTP route of the collaboration controllers, as METHOD path-with-ids. */
const ROUTES: Record<string, (i: Ids) => { method: 'GET' | 'POST'; path: string }> = {
  'GET api/collaboration/documents/:versionId': (i) => ({ method: 'GET', path: `/api/collaboration/documents/${i.version}` }),
  'POST api/collaboration/spaces/:spaceId/documents': (i) => ({ method: 'POST', path: `/api/collaboration/spaces/${i.table}/documents` }),
  'POST api/collaboration/documents/:documentId/versions': (i) => ({ method: 'POST', path: `/api/collaboration/documents/${i.document}/versions` }),
  'GET api/collaboration/accountability/:spaceId.csv': (i) => ({ method: 'GET', path: `/api/collaboration/accountability/${i.table}.csv` }),
  'GET api/collaboration/accountability/:spaceId.pdf': (i) => ({ method: 'GET', path: `/api/collaboration/accountability/${i.table}.pdf` }),
};

/** The GraphQL field names the collaboration resolvers declare (method name, or the decorator's `name`). */
function declaredOperations(): string[] {
  const names: string[] = [];
  for (const file of fs.readdirSync(SOURCE).filter((f) => f.endsWith('.resolver.ts'))) {
    const source = fs.readFileSync(path.join(SOURCE, file), 'utf8');
    for (const match of source.matchAll(/@(Query|Mutation)\(([\s\S]*?)\n\s*(?:@[\w.]+\([^)]*\)\s*)*(?:async\s+)?(\w+)\s*\(/g)) {
      const named = /name:\s*'(\w+)'/.exec(match[2]);
      names.push(named ? named[1] : match[3]);
    }
  }
  return names.sort();
}

/** The HTTP routes the collaboration controllers declare, as METHOD prefix/path. */
function declaredRoutes(): string[] {
  const routes: string[] = [];
  for (const file of fs.readdirSync(SOURCE).filter((f) => f.endsWith('.controller.ts'))) {
    const source = fs.readFileSync(path.join(SOURCE, file), 'utf8');
    const prefix = /@Controller\('([^']*)'\)/.exec(source)?.[1] ?? '';
    for (const match of source.matchAll(/@(Get|Post|Put|Patch|Delete)\('([^']*)'\)/g)) routes.push(`${match[1].toUpperCase()} ${prefix}/${match[2]}`);
  }
  return routes.sort();
}

function cookieOf(client: GraphQLClient): string {
  const jar = (client as unknown as { cookies: Map<string, string> }).cookies;
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** A tiny but valid PDF, as a person would upload it. */
function samplePdf(text: string): Buffer {
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

/** The answer of an HTTP route, with a multipart body for uploads. */
async function callRoute(portal: RunningPortal, client: GraphQLClient | null, route: { method: 'GET' | 'POST'; path: string }): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = client ? { cookie: cookieOf(client) } : {};
  let body: FormData | undefined;
  if (route.method === 'POST') {
    body = new FormData();
    body.append('title', 'Intento');
    body.append('file', new Blob([new Uint8Array(samplePdf('intento'))]), 'intento.pdf');
    headers['x-requested-with'] = 'fetch';
  }
  const res = await fetch(`${portal.url}${route.path}`, { method: route.method, headers, body });
  return { status: res.status, text: Buffer.from(await res.arrayBuffer()).toString('latin1') };
}

/** A hash of every collaboration table, notification and reminder row: equal before and after means nothing changed. */
async function stateOf(db: Client): Promise<string> {
  const tables = ['collab_spaces', 'collab_space_parties', 'collab_space_participants', 'collab_space_events', 'collab_meetings', 'collab_threads', 'collab_posts', 'collab_post_revisions', 'collab_documents', 'collab_document_versions', 'collab_commitments', 'collab_commitment_updates', 'notification_batch', 'reminder'];
  const hash = createHash('sha256');
  for (const table of tables) {
    const { rows } = await db.query(`SELECT coalesce(string_agg(t::text, '|' ORDER BY t::text), '') AS all FROM ${table} t`);
    hash.update(`${table}:${rows[0].all}\n`);
  }
  return hash.digest('hex');
}

describe('working tables and technical groups: who sees what (access matrix)', () => {
  const portal = portalWithAdmin(ADMIN);
  let db: Client;
  let ids: Ids;
  let member: GraphQLClient;
  let outsider: GraphQLClient;
  let otherMember: GraphQLClient;

  beforeAll(async () => {
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
  });

  it('lists every operation and route of the collaboration resolvers and controllers', () => {
    expect(declaredOperations()).toEqual([...Object.keys(SCOPED), ...Object.keys(GLOBAL)].sort());
    expect(declaredRoutes()).toEqual(Object.keys(ROUTES).sort());
  });

  it('builds a table and a group with content, through the API as their member', async () => {
    const p = portal();
    const rows = { query: async (sql: string, params?: unknown[]) => (await db.query(sql, params)).rows } as unknown as DataSource;
    const memberAccount = await newAccount(p, 'Lucía Paredes Quispe', `lucia.${tag}@minedu.example.pe`, 'PE');
    const outsiderAccount = await newAccount(p, 'Tomás Herrera Vidal', KNOWN_EMAIL, 'CL');
    const otherAccount = await newAccount(p, 'Mariana Duarte Lopes', `mariana.${tag}@mec.example.br`, 'BR');
    member = memberAccount.client;
    outsider = outsiderAccount.client;
    otherMember = otherAccount.client;

    const peru = await makeMinistry(rows, 'PE', `Ministerio de Educación del Perú ${tag}`);
    const colombia = await makeMinistry(rows, 'CO', `Ministerio de Educación Nacional ${tag}`);
    const brazil = await makeMinistry(rows, 'BR', `Ministério da Educação ${tag}`);
    await grantOrganisationRole(rows, memberAccount.id, peru, 'FOCAL_POINT');
    await grantOrganisationRole(rows, otherAccount.id, brazil, 'FOCAL_POINT');
    const table = await insertSpace(rows, { title: SECRETS.table, parties: [{ organisationId: peru, participantIds: [memberAccount.id] }, { organisationId: colombia, participantIds: [] }] });
    // The other member's own table, so "member of another table" is a real member somewhere.
    await insertSpace(rows, { title: `Otra mesa ${tag}`, parties: [{ organisationId: brazil, participantIds: [otherAccount.id] }, { organisationId: colombia, participantIds: [] }] });
    const group = await insertSpace(rows, {
      kind: 'GROUP',
      title: SECRETS.group,
      rotationMonths: 6,
      rotationStartsOn: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10),
      parties: [{ organisationId: peru, participantIds: [memberAccount.id] }, { organisationId: colombia, participantIds: [] }],
    });

    const thread = ok<{ createForumThread: { id: string } }>(
      await member.request(`mutation($s: ID!, $input: ForumThreadInput!) { createForumThread(spaceId: $s, input: $input) { id } }`, {
        s: table.spaceId,
        input: { title: SECRETS.thread, body: SECRETS.post },
      }),
    ).createForumThread;
    const posts = ok<{ forumPosts: { edges: Array<{ node: { id: string } }> } }>(await member.request(`query($t: ID!) { forumPosts(threadId: $t) { edges { node { id } } } }`, { t: thread.id }));
    const postId = posts.forumPosts.edges[0].node.id;
    // An edit, so the post has a revision holding the secret text.
    ok(await member.request(`mutation($id: ID!, $body: String!) { editForumPost(id: $id, input: { body: $body }) { id } }`, { id: postId, body: `${SECRETS.post} (corregido)` }));
    const meeting = ok<{ scheduleSpaceMeeting: { id: string } }>(
      await member.request(`mutation($s: ID!, $input: SpaceMeetingInput!) { scheduleSpaceMeeting(spaceId: $s, input: $input) { id } }`, {
        s: table.spaceId,
        input: { ...meetingInput, title: SECRETS.meeting },
      }),
    ).scheduleSpaceMeeting;
    const commitment = ok<{ createCommitment: { id: string } }>(
      await member.request(`mutation($s: ID!, $input: CommitmentInput!) { createCommitment(spaceId: $s, input: $input) { id } }`, {
        s: table.spaceId,
        input: { title: SECRETS.commitment, responsibleOrganisationId: peru, dueDate: '2031-01-01' },
      }),
    ).createCommitment;
    const form = new FormData();
    form.append('title', SECRETS.document);
    form.append('file', new Blob([new Uint8Array(samplePdf(SECRETS.document.replace(/[^\x20-\x7e]/g, '')))]), 'informe.pdf');
    const uploaded = await fetch(`${p.url}/api/collaboration/spaces/${table.spaceId}/documents`, { method: 'POST', headers: { cookie: cookieOf(member), 'x-requested-with': 'fetch' }, body: form });
    expect(uploaded.status).toBe(201);
    const { rows: docs } = await db.query(`SELECT d.id AS document, v.id AS version FROM collab_documents d JOIN collab_document_versions v ON v.document_id = d.id WHERE d.space_id = $1`, [table.spaceId]);
    const { rows: participants } = await db.query(`SELECT id, space_id FROM collab_space_participants WHERE user_id = $1 AND space_id = ANY($2)`, [memberAccount.id, [table.spaceId, group.spaceId]]);
    ids = {
      table: table.spaceId,
      group: group.spaceId,
      thread: thread.id,
      post: postId,
      meeting: meeting.id,
      commitment: commitment.id,
      document: docs[0].document,
      version: docs[0].version,
      party: table.partyIds[0],
      participant: participants.find((r) => r.space_id === table.spaceId).id,
      groupParty: group.partyIds[0],
      groupParticipant: participants.find((r) => r.space_id === group.spaceId).id,
      organisation: peru,
    };
  });

  it('answers the member: every query returns the space’s own texts (the calls are right)', async () => {
    for (const [name, operation] of Object.entries(SCOPED)) {
      if (!operation.reveals || name.startsWith('forumPostRevisions')) continue;
      const answer = await member.request(operation.doc, operation.vars(ids));
      expect(`${name}: ${JSON.stringify(answer.errors ?? null)}`).toBe(`${name}: null`);
      expect(`${name}: ${JSON.stringify(answer.data).includes(SECRETS[operation.reveals])}`).toBe(`${name}: true`);
    }
    const revisions = await member.request(SCOPED.forumPostRevisions.doc, SCOPED.forumPostRevisions.vars(ids));
    expect(JSON.stringify(revisions.data)).toContain(SECRETS.post);
    const download = await callRoute(portal(), member, ROUTES['GET api/collaboration/documents/:versionId'](ids));
    expect(download.status).toBe(200);
    const csv = await callRoute(portal(), member, ROUTES['GET api/collaboration/accountability/:spaceId.csv'](ids));
    expect(csv.status).toBe(200);
    expect(Buffer.from(csv.text, 'latin1').toString('utf8')).toContain(SECRETS.commitment);
  });

  for (const who of ['outsider', 'member of another table', 'anonymous'] as const) {
    it(`tells ${who} nothing and lets them change nothing, on every operation and route`, async () => {
      const p = portal();
      const client = who === 'outsider' ? outsider : who === 'member of another table' ? otherMember : new GraphQLClient(p.url);
      const signedIn = who !== 'anonymous';
      const before = await stateOf(db);
      const leaks: string[] = [];
      const wrong: string[] = [];
      const secrets = Object.values(SECRETS);
      for (const [name, operation] of Object.entries(SCOPED)) {
        const answer = await client.request(operation.doc, operation.vars(ids));
        const text = JSON.stringify(answer);
        if (secrets.some((s) => text.includes(s))) leaks.push(name);
        const codes = (answer.errors ?? []).map((e) => e.extensions.code);
        const field = (answer.data as Record<string, unknown> | null | undefined)?.[name];
        const refused = codes.length > 0 && codes.every((c) => c === 'NOT_FOUND' || (!signedIn && c === 'UNAUTHENTICATED'));
        if (!(refused || (codes.length === 0 && field === null))) wrong.push(`${name}: ${text.slice(0, 300)}`);
      }
      for (const [name, operation] of Object.entries(GLOBAL)) {
        if (!operation) continue;
        const answer = await client.request(operation.doc, operation.vars(ids));
        const text = JSON.stringify(answer);
        if (secrets.some((s) => text.includes(s))) leaks.push(name);
        const codes = (answer.errors ?? []).map((e) => e.extensions.code);
        if (!codes.every((c) => c === 'FORBIDDEN' || c === 'UNAUTHENTICATED')) wrong.push(`${name}: ${text.slice(0, 300)}`);
      }
      for (const [route, target] of Object.entries(ROUTES)) {
        const answer = await callRoute(p, signedIn ? client : null, target(ids));
        if (secrets.some((s) => answer.text.includes(s)) || answer.text.includes('%PDF')) leaks.push(route);
        const expected = signedIn ? [404] : [401, 404];
        if (!expected.includes(answer.status)) wrong.push(`${route}: ${answer.status} ${answer.text.slice(0, 200)}`);
      }
      if (signedIn) {
        // Nor through their notifications: nothing of the space ever reached them.
        const inbox = await client.request(`{ notifications(first: 50) { edges { node { title body link } } } }`);
        const text = JSON.stringify(inbox);
        if (secrets.some((s) => text.includes(s)) || text.includes(ids.table) || text.includes(ids.group)) leaks.push('notifications');
      }
      expect(leaks).toEqual([]);
      expect(wrong).toEqual([]);
      expect(await stateOf(db)).toBe(before);
    });
  }
});
