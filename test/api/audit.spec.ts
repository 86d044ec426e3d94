import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { grantOrganisationRole, insertSpace, makeMinistry } from '@alliance/server-collaboration';
import { PASSWORD, newAccount, ok, portalWithAdmin, signedInClient, type GraphQLClient } from '../support';

const ADMIN = { email: 'audit-admin@alianza.example', password: 'Audit-Admin-Password-1' };

const AUDIT_LOG = `query($filter: AuditFilterInput, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id createdAt action actorId actorName targetType targetId targetLabel params ip requestId changes { field before after } } }
  }
}`;

interface Entry {
  id: string;
  createdAt: string;
  action: string;
  actorId: string | null;
  actorName: string | null;
  targetType: string;
  targetId: string | null;
  targetLabel: string | null;
  params: string;
  ip: string | null;
  requestId: string | null;
  changes: Array<{ field: string; before: string | null; after: string | null }>;
}
type AuditLog = { auditLog: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: Entry }> } };

describe('audit log journey through the running api + worker', () => {
  const running = portalWithAdmin(ADMIN);
  let db: Client;

  beforeAll(async () => {
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
  });

  const log = async (client: GraphQLClient, filter: Record<string, unknown>, first = 20) => ok<AuditLog>(await client.request(AUDIT_LOG, { filter, first })).auditLog;

  it('records a role grant, an application review and moderation with before and after; filters work; others are refused', async () => {
    const portal = running();
    const t = randomUUID().slice(0, 6);
    const admin = await signedInClient(portal, ADMIN);
    const adminId = ok<{ me: { id: string } }>(await admin.request(`{ me { id } }`)).me.id;
    const started = new Date(Date.now() - 60_000).toISOString();

    // --- A role grant.
    const moderatorEmail = `julian.${t}@alianza.example`;
    const { id: moderatorId } = await newAccount(portal, 'Julián Ortega Paz', moderatorEmail, 'CL', 'es');
    ok(await admin.request(`mutation($u: ID!) { grantRole(userId: $u, role: MODERATOR) { id } }`, { u: moderatorId }));
    const moderator = await signedInClient(portal, { email: moderatorEmail, password: PASSWORD });

    const grants = await log(admin, { targetId: moderatorId });
    expect(grants.totalCount).toBe(1);
    expect(grants.edges[0].node).toMatchObject({
      action: 'user.role.grant',
      actorId: adminId,
      targetType: 'user',
      targetLabel: 'Julián Ortega Paz',
      params: '{"role":"MODERATOR"}',
      changes: [{ field: 'role.MODERATOR', before: 'false', after: 'true' }],
    });
    // Where it came from: the client's address and the request id the api logged.
    expect(grants.edges[0].node.ip).toBeTruthy();
    expect(grants.edges[0].node.requestId).toBeTruthy();

    // --- A membership application review (and a refused step, which leaves no entry).
    const repEmail = `rosa.${t}@aprender.example`;
    const { client: rep, id: repId } = await newAccount(portal, 'Rosa Quispe Mamani', repEmail, 'PE', 'es');
    const reference = ok<{ currentCharter: { version: number }; focusAreas: Array<{ id: string }> }>(await rep.request(`{ currentCharter { version } focusAreas { id } }`));
    const submitted = ok<{ submitMembershipApplication: { id: string } }>(
      await rep.request(`mutation($input: ApplicationInput!) { submitMembershipApplication(input: $input) { id } }`, {
        input: {
          organisationName: `Fundación Aprender Juntos ${t}`,
          organisationType: 'NGO',
          countryCode: 'PE',
          website: `https://aprender-juntos-${t}.example`,
          description: 'Acompañamos a escuelas rurales en lectura, escritura y convivencia escolar.',
          applicantRole: 'Directora ejecutiva',
          motivation: 'Queremos compartir lo aprendido y aprender de los ministerios de la región.',
          focusAreaIds: [reference.focusAreas[0].id],
          charterVersion: reference.currentCharter.version,
        },
      }),
    ).submitMembershipApplication;
    ok(await admin.request(`mutation($id: ID!, $note: String!) { requestApplicationChanges(id: $id, note: $note) { status } }`, { id: submitted.id, note: 'Indique el sitio web oficial.' }));
    const illegal = await admin.request(`mutation($id: ID!) { approveMembershipApplication(id: $id) { status } }`, { id: submitted.id });
    expect(illegal.errors![0].extensions.code).toBe('CONFLICT');

    const review = await log(admin, { targetId: submitted.id });
    expect(review.edges.map((e) => e.node.action)).toEqual(['membership.application.requestChanges']);
    expect(review.edges[0].node).toMatchObject({
      actorId: adminId,
      targetType: 'membershipApplication',
      targetLabel: `Fundación Aprender Juntos ${t}`,
      params: '{"note":"Indique el sitio web oficial."}',
      changes: [{ field: 'status', before: '"SUBMITTED"', after: '"CHANGES_REQUESTED"' }],
    });

    // --- Moderation of a working table: hiding a post, then closing the table.
    const rows = { query: async (sql: string, params?: unknown[]) => (await db.query(sql, params)).rows } as unknown as DataSource;
    const ministry = await makeMinistry(rows, 'PE', `Ministerio de Educación del Perú ${t}`);
    await grantOrganisationRole(rows, repId, ministry, 'REPRESENTATIVE');
    const table = await insertSpace(rows, { title: `Mesa de lectura ${t}`, moderatorId, parties: [{ organisationId: ministry, participantIds: [repId] }] });
    const thread = ok<{ createForumThread: { id: string } }>(
      await rep.request(`mutation($s: ID!) { createForumThread(spaceId: $s, input: { title: "Materiales", body: "Texto fuera de tema" }) { id } }`, { s: table.spaceId }),
    ).createForumThread;
    const post = ok<{ forumPosts: { edges: Array<{ node: { id: string } }> } }>(await rep.request(`query($t: ID!) { forumPosts(threadId: $t) { edges { node { id } } } }`, { t: thread.id }))
      .forumPosts.edges[0].node.id;
    // A participant cannot moderate, and the refusal leaves no entry.
    expect((await rep.request(`mutation($id: ID!) { hideForumPost(id: $id, reason: "x") { id } }`, { id: post })).errors).toBeDefined();
    ok(await moderator.request(`mutation($id: ID!) { hideForumPost(id: $id, reason: "Fuera de tema") { id } }`, { id: post }));
    ok(await moderator.request(`mutation($id: ID!) { closeTable(id: $id, note: "Trabajo terminado") { status } }`, { id: table.spaceId }));

    const hidden = await log(admin, { targetId: post });
    expect(hidden.totalCount).toBe(1);
    expect(hidden.edges[0].node).toMatchObject({
      action: 'forum.post.hide',
      actorId: moderatorId,
      actorName: 'Julián Ortega Paz',
      targetType: 'forumPost',
      targetLabel: `Mesa de lectura ${t}`,
    });
    expect(hidden.edges[0].node.changes).toEqual([
      { field: 'hidden', before: 'false', after: 'true' },
      { field: 'hiddenReason', before: 'null', after: '"Fuera de tema"' },
    ]);
    // Never the post's text.
    expect(JSON.stringify(hidden.edges[0].node)).not.toContain('Texto fuera de tema');
    const closed = await log(admin, { targetId: table.spaceId });
    expect(closed.edges[0].node).toMatchObject({ action: 'table.close', actorId: moderatorId, changes: [{ field: 'status', before: '"OPEN"', after: '"CLOSED"' }] });

    // --- Other administrative acts: a bulk issue and a revocation, a suspension, a focus area.
    const batch = ok<{ issueParticipationCertificates: { id: string } }>(
      await admin.request(`mutation($input: IssueParticipationInput!) { issueParticipationCertificates(input: $input) { id } }`, {
        input: {
          title: `Encuentro de lectura ${t}`,
          hours: 4,
          startDate: '2026-03-02',
          endDate: '2026-03-02',
          issuerName: 'Secretaría de la Alianza',
          signatories: [{ name: 'Ana Pérez', title: 'Secretaria Ejecutiva', organisation: 'Secretaría de la Alianza' }],
          recipients: [{ name: 'Rosa Quispe Mamani', email: repEmail }],
        },
      }),
    ).issueParticipationCertificates;
    const certificate = ok<{ certificates: { edges: Array<{ node: { id: string } }> } }>(
      await admin.request(`query($s: String) { certificates(search: $s, first: 1) { edges { node { id } } } }`, { s: `Encuentro de lectura ${t}` }),
    ).certificates.edges[0].node;
    ok(await admin.request(`mutation($id: ID!) { revokeCertificate(id: $id, reason: "Emitido por error") { id } }`, { id: certificate.id }));
    expect((await log(admin, { targetId: batch.id })).edges[0].node).toMatchObject({ action: 'certificate.issueBatch', actorId: adminId, params: '{"count":1}' });
    expect((await log(admin, { targetId: certificate.id })).edges[0].node).toMatchObject({
      action: 'certificate.revoke',
      actorId: adminId,
      changes: [
        { field: 'revocationReason', before: null, after: '"Emitido por error"' },
        { field: 'status', before: '"issued"', after: '"revoked"' },
      ],
    });

    ok(await admin.request(`mutation($o: ID!) { suspendMembership(organisationId: $o, reason: "Falta de pago.") { id } }`, { o: ministry }));
    expect((await log(admin, { targetId: ministry, action: 'organisation.suspend' })).edges[0].node).toMatchObject({
      actorId: adminId,
      params: '{"reason":"Falta de pago."}',
      changes: [{ field: 'membershipStatus', before: '"ACTIVE"', after: '"SUSPENDED"' }],
    });

    const area = ok<{ saveFocusArea: { id: string } }>(
      await admin.request(`mutation($k: String!) { saveFocusArea(key: $k, es: "Lectura", en: "Reading", pt: "Leitura", fr: "Lecture", active: true) { id } }`, { k: `reading_${t}` }),
    ).saveFocusArea;
    ok(await admin.request(`mutation($id: ID!, $k: String!) { saveFocusArea(id: $id, key: $k, es: "Lectura", en: "Reading", pt: "Leitura", fr: "Lecture", active: false) { id } }`, { id: area.id, k: `reading_${t}` }));
    const areaLog = await log(admin, { targetId: area.id });
    expect(areaLog.edges.map((e) => e.node.action)).toEqual(['focusArea.save', 'focusArea.save']);
    // The update keeps only what changed; the creation has no "before".
    expect(areaLog.edges[0].node.changes).toEqual([{ field: 'active', before: 'true', after: 'false' }]);
    expect(areaLog.edges[1].node.changes.every((c) => c.before === null)).toBe(true);

    // --- Filters: by actor, by action, by date, combined, and paged.
    const byModerator = await log(admin, { actorId: moderatorId });
    expect(byModerator.edges.map((e) => e.node.action)).toEqual(['table.close', 'forum.post.hide']);
    const byAction = await log(admin, { action: 'forum.post.hide', from: started });
    expect(byAction.edges.map((e) => e.node.targetId)).toContain(post);
    expect(byAction.edges.every((e) => e.node.action === 'forum.post.hide')).toBe(true);
    const mine = await log(admin, { actorId: adminId, from: started, to: new Date(Date.now() + 60_000).toISOString() });
    expect(mine.edges.map((e) => e.node.action)).toEqual(expect.arrayContaining(['user.role.grant', 'membership.application.requestChanges']));
    expect((await log(admin, { actorId: adminId, from: new Date(Date.now() + 3_600_000).toISOString() })).totalCount).toBe(0);
    const page1 = await log(admin, { from: started }, 1);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = ok<AuditLog>(await admin.request(AUDIT_LOG, { filter: { from: started }, first: 1, after: page1.pageInfo.endCursor })).auditLog;
    expect(page2.edges[0].node.id).not.toBe(page1.edges[0].node.id);
    expect(new Date(page2.edges[0].node.createdAt) <= new Date(page1.edges[0].node.createdAt)).toBe(true);

    // Bad filters: translated, per field.
    const inverted = await admin.request(AUDIT_LOG, { filter: { from: '2026-03-01', to: '2026-02-01' } });
    expect(inverted.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(inverted.errors![0].extensions)).toContain('La fecha de inicio debe ser anterior a la fecha de fin.');
    expect((await admin.request(AUDIT_LOG, { filter: { action: 'drop.table' } })).errors![0].extensions.code).toBe('BAD_USER_INPUT');

    // The action codes for the page's filter.
    const actions = ok<{ auditActions: string[] }>(await admin.request(`{ auditActions }`)).auditActions;
    expect(actions).toEqual(expect.arrayContaining(['user.role.grant', 'membership.application.requestChanges', 'forum.post.hide', 'table.close']));

    // --- Nobody else reads the log: a participant or a moderator is refused.
    for (const client of [rep, moderator]) {
      const refused = await client.request(AUDIT_LOG, { filter: {} });
      expect(refused.errors![0].extensions.code).toBe('FORBIDDEN');
      expect(refused.data?.auditLog ?? null).toBeNull();
      expect((await client.request(`{ auditActions }`)).errors![0].extensions.code).toBe('FORBIDDEN');
    }

    // --- Append-only: there is no mutation that edits or deletes entries, and the database refuses it.
    await expect(db.query(`DELETE FROM audit_log WHERE target_id = $1`, [post])).rejects.toThrow(/append-only/);
    expect((await log(admin, { targetId: post })).totalCount).toBe(1);
  });
});
