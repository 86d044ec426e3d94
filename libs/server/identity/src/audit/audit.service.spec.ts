import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConfigModule } from '@alliance/server-config';
import { dataSourceOptions, testDatabaseUrl } from '@alliance/server-database';
import { LoaderRegistry, errorTranslationPlugin, formatError, type RequestContext, type SessionUser } from '@alliance/server-graphql';
import { OutboxMessage, QueueModule } from '@alliance/server-queue';
import { OutgoingEmail } from '@alliance/server-mail';
import { catalogues } from '@alliance/shared-i18n';
import { ErrorCode, Role, resolveLocale } from '@alliance/shared-core';
import { AuditEntry, IDENTITY_ENTITIES, User } from '../entities';
import { IdentityModule } from '../identity.module';
import { UsersService } from '../users.service';
import { unique } from '../testing/identity-test-app';
import { AUDIT_ACTIONS } from './audit-actions';
import { AuditService, changedFields } from './audit.service';

interface AnswerEntry {
  action: string;
  actorId: string | null;
  ip: string | null;
  [field: string]: unknown;
}
interface Answer {
  auditLog: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: AnswerEntry }> };
  auditActions: string[];
}

/**
 * The audit log on the real test database, with the identity module served over HTTP GraphQL like
 * the api does (the request context middleware included). The signed-in person is taken from a
 * test header, so these tests exercise the role guard without depending on session details.
 */
describe('AuditService', () => {
  let app: INestApplication;
  let url: string;
  let db: DataSource;
  let audit: AuditService;
  let users: UsersService;

  beforeAll(async () => {
    @Module({
      imports: [
        ConfigModule,
        TypeOrmModule.forRoot(dataSourceOptions({ url: testDatabaseUrl(), entities: [...IDENTITY_ENTITIES, OutgoingEmail, OutboxMessage], poolSize: 6 })),
        QueueModule.forRoot({ role: 'api' }),
        IdentityModule,
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          csrfPrevention: true,
          plugins: [errorTranslationPlugin()] as unknown as ApolloDriverConfig['plugins'],
          formatError: (formatted, error) => formatError(formatted, error, false, () => undefined),
          context: ({ req, res }: Pick<RequestContext, 'req' | 'res'>): RequestContext => {
            const header = req.headers['x-test-user'];
            const user = typeof header === 'string' ? (JSON.parse(header) as SessionUser) : undefined;
            return { req, res, user, locale: resolveLocale(req.headers['accept-language'] as string | undefined, user?.locale), loaders: new LoaderRegistry() };
          },
        }),
      ],
    })
    class AuditTestModule {}
    app = await NestFactory.create(AuditTestModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    url = `${await app.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');
    db = app.get(DataSource);
    audit = app.get(AuditService);
    users = app.get(UsersService);
  });
  afterAll(() => app?.close());

  const person = (name: string, roles: Role[] = []) =>
    users.createUser({ name, email: unique('audit'), password: 'Long-enough-password', countryCode: 'CL', preferredLocale: 'es', verified: true, roles });

  const entriesFor = (targetId: string) => db.getRepository(AuditEntry).find({ where: { targetId }, order: { createdAt: 'ASC' } });

  async function gql(user: User | null, roles: Role[], query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    const session: SessionUser | undefined = user ? { id: user.id, sessionId: 'test', name: user.name, email: user.email, roles, locale: 'en' } : undefined;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(session ? { 'x-test-user': JSON.stringify(session) } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: Answer; errors?: Array<{ message: string; extensions: Record<string, unknown> }> };
  }

  it('writes the entry in the action’s transaction: kept when it commits, gone when it rolls back', async () => {
    const actor = await person('Camila Soto');
    const committed = `t-${Math.random().toString(36).slice(2)}`;
    await db.transaction((manager) =>
      audit.record(manager, { actorId: actor.id, action: 'table.close', targetType: 'test', targetId: committed, before: { status: 'OPEN' }, after: { status: 'CLOSED' } }),
    );
    const [entry] = await entriesFor(committed);
    expect(entry).toMatchObject({ actorId: actor.id, actorName: 'Camila Soto', action: 'table.close', before: { status: 'OPEN' }, after: { status: 'CLOSED' }, ip: null });

    const rolledBack = `t-${Math.random().toString(36).slice(2)}`;
    await expect(
      db.transaction(async (manager) => {
        await audit.record(manager, { actorId: actor.id, action: 'table.close', targetType: 'test', targetId: rolledBack });
        throw new Error('the action failed after recording');
      }),
    ).rejects.toThrow('the action failed');
    expect(await entriesFor(rolledBack)).toEqual([]);

    // Outside a transaction there is no "same transaction" to keep the promise: refused.
    await expect(audit.record(db.manager, { actorId: actor.id, action: 'table.close', targetType: 'test', targetId: rolledBack })).rejects.toThrow(/open transaction/);
    expect(await entriesFor(rolledBack)).toEqual([]);
  });

  it('never stores secrets, and keeps only the changed fields', async () => {
    const target = `t-${Math.random().toString(36).slice(2)}`;
    await db.transaction((manager) =>
      audit.record(manager, {
        actorId: null,
        action: 'user.role.grant',
        targetType: 'test',
        targetId: target,
        params: { passwordHash: 'x', token: 'y', role: 'ADMIN', nested: { apiSecret: 'z', kept: 1 } },
        after: { password: 'p', name: 'n' },
      }),
    );
    const [entry] = await entriesFor(target);
    expect(entry.params).toEqual({ role: 'ADMIN', nested: { kept: 1 } });
    expect(entry.after).toEqual({ name: 'n' });
    expect(entry.actorId).toBeNull();
    expect(changedFields({ a: 1, b: 'x', c: null }, { a: 1, b: 'y', d: true })).toEqual({ before: { b: 'x', d: null }, after: { b: 'y', d: true } });
    expect(changedFields({ a: 1 }, { a: 1 })).toBeNull();
  });

  it('records role grants and revocations with who, before and after; a no-op records nothing', async () => {
    const admin = await person('Valeria Núñez', [Role.Admin]);
    const target = await person('Tomás Quispe');
    await users.grantRole(admin.id, target.id, Role.Moderator);
    await users.grantRole(admin.id, target.id, Role.Moderator); // already held: no second entry
    await users.revokeRole(target.id, Role.Moderator, admin.id);
    await users.revokeRole(target.id, Role.Moderator, admin.id); // not held: nothing
    const entries = await entriesFor(target.id);
    expect(entries.map((e) => [e.action, e.actorName, e.targetLabel, e.params, e.before, e.after])).toEqual([
      ['user.role.grant', 'Valeria Núñez', 'Tomás Quispe', { role: 'MODERATOR' }, { 'role.MODERATOR': false }, { 'role.MODERATOR': true }],
      ['user.role.revoke', 'Valeria Núñez', 'Tomás Quispe', { role: 'MODERATOR' }, { 'role.MODERATOR': true }, { 'role.MODERATOR': false }],
    ]);
    // The actor's name is a snapshot: renaming them later does not rewrite history.
    await db.query(`UPDATE users SET name = 'Renamed' WHERE id = $1`, [admin.id]);
    expect((await entriesFor(target.id))[0].actorName).toBe('Valeria Núñez');
  });

  it('is append-only in the database: no update of the facts, no delete', async () => {
    const target = `t-${Math.random().toString(36).slice(2)}`;
    await db.transaction((manager) => audit.record(manager, { actorId: null, action: 'table.close', targetType: 'test', targetId: target, targetLabel: 'Mesa' }));
    await expect(db.query(`UPDATE audit_log SET action = 'table.review' WHERE target_id = $1`, [target])).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM audit_log WHERE target_id = $1`, [target])).rejects.toThrow(/append-only/);
    // Blanking a name snapshot (account erasure) is the one change allowed.
    await db.query(`UPDATE audit_log SET target_label = NULL, actor_name = NULL WHERE target_id = $1`, [target]);
    expect(await entriesFor(target)).toEqual([expect.objectContaining({ action: 'table.close', targetLabel: null })]);
  });

  it('serves the log to administrators only, filtered and paged, with the request’s address and id', async () => {
    const admin = await person('Inés Paredes', [Role.Admin]);
    const participant = await person('Rosa Mamani');
    const target = await person('Bruno Castillo');
    await gql(admin, [Role.Admin], `mutation($id: ID!) { grantRole(userId: $id, role: ORGANISER) { id } }`, { id: target.id }, { 'x-request-id': 'req-audit-1' });
    await gql(admin, [Role.Admin], `mutation($id: ID!) { grantRole(userId: $id, role: MODERATOR) { id } }`, { id: target.id });
    await gql(admin, [Role.Admin], `mutation($id: ID!) { revokeRole(userId: $id, role: ORGANISER) { id } }`, { id: target.id });

    const query = `query($filter: AuditFilterInput, $first: Int, $after: String) {
      auditLog(filter: $filter, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { action actorId actorName targetType targetId targetLabel params ip requestId changes { field before after } } }
      }
    }`;
    const all = await gql(admin, [Role.Admin], query, { filter: { targetId: target.id }, first: 2 });
    expect(all.errors).toBeUndefined();
    expect(all.data!.auditLog.totalCount).toBe(3);
    expect(all.data!.auditLog.edges.map((e) => e.node.action)).toEqual(['user.role.revoke', 'user.role.grant']);
    const next = await gql(admin, [Role.Admin], query, { filter: { targetId: target.id }, first: 2, after: all.data!.auditLog.pageInfo.endCursor });
    const oldest = next.data!.auditLog.edges[0].node;
    expect(next.data!.auditLog.pageInfo.hasNextPage).toBe(false);
    expect(oldest).toMatchObject({
      action: 'user.role.grant',
      actorId: admin.id,
      actorName: 'Inés Paredes',
      targetType: 'user',
      targetLabel: 'Bruno Castillo',
      params: '{"role":"ORGANISER"}',
      requestId: 'req-audit-1',
      changes: [{ field: 'role.ORGANISER', before: 'false', after: 'true' }],
    });
    expect(oldest.ip).toMatch(/127\.0\.0\.1/);

    const byAction = await gql(admin, [Role.Admin], query, { filter: { targetId: target.id, action: 'user.role.revoke', actorId: admin.id } });
    expect(byAction.data!.auditLog.totalCount).toBe(1);
    const future = await gql(admin, [Role.Admin], query, { filter: { targetId: target.id, from: new Date(Date.now() + 3_600_000).toISOString() } });
    expect(future.data!.auditLog.totalCount).toBe(0);
    const window = await gql(admin, [Role.Admin], query, {
      filter: { targetId: target.id, from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() },
    });
    expect(window.data!.auditLog.totalCount).toBe(3);

    // Bad filters are refused with translated per-field messages.
    const inverted = await gql(admin, [Role.Admin], query, { filter: { from: '2026-02-01', to: '2026-01-01' } }, { 'accept-language': 'fr' });
    expect(inverted.errors?.[0].extensions).toMatchObject({ code: ErrorCode.BadUserInput });
    expect(JSON.stringify(inverted.errors?.[0].extensions.fields)).toContain('La date de début doit précéder la date de fin.');
    for (const filter of [{ action: 'user.delete.everything' }, { actorId: 'not-a-uuid' }, { from: 'yesterday' }]) {
      const bad = await gql(admin, [Role.Admin], query, { filter });
      expect(bad.errors?.[0].extensions.code).toBe(ErrorCode.BadUserInput);
    }

    // Everyone else is refused, and the action list too.
    for (const roles of [[], [Role.Moderator], [Role.Organiser]]) {
      const refused = await gql(participant, roles, query, {});
      expect(refused.errors?.[0].extensions.code).toBe(ErrorCode.Forbidden);
      expect(refused.data?.auditLog ?? null).toBeNull();
    }
    expect((await gql(null, [], `{ auditActions }`)).errors?.[0].extensions.code).toBe(ErrorCode.Unauthenticated);
    expect((await gql(admin, [Role.Admin], `{ auditActions }`)).data!.auditActions).toEqual([...AUDIT_ACTIONS]);
  });

  it('has a label for every action code in every language', () => {
    for (const locale of ['es', 'en', 'pt', 'fr'] as const) {
      const labels = catalogues.audit[locale] as Record<string, string>;
      for (const action of AUDIT_ACTIONS) expect([locale, action, typeof labels[`action_${action.replace(/\./g, '_')}`]]).toEqual([locale, action, 'string']);
    }
  });
});
