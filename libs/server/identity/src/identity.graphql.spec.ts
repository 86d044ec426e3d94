import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { printSchema, type GraphQLSchema } from 'graphql';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { ConfigModule } from '@alliance/server-config';
import { dataSourceOptions, testDatabaseUrl } from '@alliance/server-database';
import { LoaderRegistry, errorTranslationPlugin, formatError, type RequestContext } from '@alliance/server-graphql';
import { OutboxMessage, QueueModule } from '@alliance/server-queue';
import { OutgoingEmail } from '@alliance/server-mail';
import { resolveLocale, Role } from '@alliance/shared-core';
import { IDENTITY_ENTITIES } from './entities';
import { IdentityModule } from './identity.module';
import { SessionService } from './session.service';
import { UsersService } from './users.service';
import { tokenFromLastEmail, unique } from './testing/identity-test-app';

/** Through real HTTP GraphQL requests, with a context built like the api's (cookie -> SessionService). */
describe('identity over GraphQL', () => {
  let app: INestApplication;
  let url: string;
  let db: DataSource;

  beforeAll(async () => {
    @Module({
      imports: [
        ConfigModule,
        TypeOrmModule.forRoot(dataSourceOptions({ url: testDatabaseUrl(), entities: [...IDENTITY_ENTITIES, OutgoingEmail, OutboxMessage], poolSize: 6 })),
        QueueModule.forRoot({ role: 'api' }),
        IdentityModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [IdentityModule],
          inject: [SessionService],
          useFactory: (sessions: SessionService) => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            csrfPrevention: true,
            // Cast: @nestjs/apollo sees @apollo/server's ESM types, our plugin its CJS ones (same runtime object).
            plugins: [errorTranslationPlugin()] as unknown as ApolloDriverConfig['plugins'],
            formatError: (formatted, error) => formatError(formatted, error, false, () => undefined),
            context: async ({ req, res }: Pick<RequestContext, 'req' | 'res'>): Promise<RequestContext> => {
              const user = await sessions.resolveRequest(req);
              const locale = resolveLocale(req.headers['accept-language'] as string | undefined, user?.locale);
              return { req, res, user, locale, loaders: new LoaderRegistry() };
            },
          }),
        }),
      ],
    })
    class GraphqlTestModule {}
    app = await NestFactory.create(GraphqlTestModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    url = `${await app.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');
    db = app.get(DataSource);
  });
  afterAll(() => app?.close());

  async function gql(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: Array<{ message: string; extensions: Record<string, unknown> }> };
    return { body, setCookie: response.headers.get('set-cookie') };
  }

  it('exposes exactly the agreed contract', () => {
    const schema: GraphQLSchema = app.get(GraphQLSchemaHost).schema;
    const sdl = printSchema(schema);
    const block = (name: string) => sdl.match(new RegExp(`(type|input|enum) ${name} \\{[^}]*\\}`))?.[0].replace(/\s*"""[^"]*"""/g, '').replace(/\s+/g, ' ');
    expect(block('User')).toBe(
      'type User { countryCode: String! createdAt: DateTime! email: String! emailVerified: Boolean! id: ID! name: String! preferredLocale: Locale! roles: [Role!]! }',
    );
    expect(block('Role')).toBe('enum Role { ADMIN MODERATOR ORGANISER }');
    expect(block('Locale')).toBe('enum Locale { en es fr pt }');
    expect(block('SignUpInput')).toBe('input SignUpInput { countryCode: String! email: String! name: String! password: String! preferredLocale: Locale! returnTo: String }');
    const query = schema.getQueryType()!.getFields();
    expect(String(query.me.type)).toBe('User');
    expect(String(query.users.type)).toBe('UserConnection!');
    expect(query.users.args.map((a) => `${a.name}: ${a.type}${a.defaultValue !== undefined ? ` = ${a.defaultValue}` : ''}`)).toEqual([
      'after: String',
      'first: Int = 20',
      'role: Role',
      'search: String',
    ]);
    const mutations = schema.getMutationType()!.getFields();
    // Argument order carries no meaning in GraphQL (sortSchema sorts them), so compare sorted.
    const signature = (name: string) => {
      const args = mutations[name].args.map((a) => `${a.name}: ${a.type}`).sort();
      return `${name}${args.length ? `(${args.join(', ')})` : ''}: ${mutations[name].type}`;
    };
    expect(Object.keys(mutations).sort().map(signature)).toEqual([
      'changePassword(input: ChangePasswordInput!): Boolean!',
      'deleteMyAccount(password: String!): Boolean!',
      'grantRole(role: Role!, userId: ID!): User!',
      'requestPasswordReset(email: String!): Boolean!',
      'resendVerification(email: String!, returnTo: String): Boolean!',
      'resetPassword(input: ResetPasswordInput!): Boolean!',
      'revokeRole(role: Role!, userId: ID!): User!',
      'signIn(input: SignInInput!): User!',
      'signOut: Boolean!',
      'signOutEverywhere: Boolean!',
      'signUp(input: SignUpInput!): Boolean!',
      'updateProfile(input: UpdateProfileInput!): User!',
      'verifyEmail(token: String!): Boolean!',
    ]);
  });

  it('signs up, verifies, signs in with a cookie, reads me, and signs out', async () => {
    const email = unique('gql');
    const input = { name: 'Keisha Thompson', email, password: 'Long-enough-password', countryCode: 'JM', preferredLocale: 'en' };
    expect((await gql('mutation($input: SignUpInput!) { signUp(input: $input) }', { input })).body.data).toEqual({ signUp: true });

    const early = await gql('mutation($input: SignInInput!) { signIn(input: $input) { id } }', { input: { email, password: input.password } });
    expect(early.body.errors?.[0].extensions.code).toBe('EMAIL_NOT_VERIFIED');

    const token = await tokenFromLastEmail(db, email, 'verify');
    expect((await gql('mutation($t: String!) { verifyEmail(token: $t) }', { t: token })).body.data).toEqual({ verifyEmail: true });

    const signIn = await gql('mutation($input: SignInInput!) { signIn(input: $input) { id email emailVerified roles preferredLocale } }', {
      input: { email, password: input.password },
    });
    expect(signIn.body.data?.signIn).toMatchObject({ email, emailVerified: true, roles: [], preferredLocale: 'en' });
    expect(signIn.setCookie).toMatch(/^alliance_session=[A-Za-z0-9_-]{43}; Max-Age=2592000; Path=\/; Expires=.*; HttpOnly; SameSite=Lax$/);
    const cookie = signIn.setCookie!.split(';')[0];

    const me = await gql('{ me { name countryCode roles } }', {}, { cookie });
    expect(me.body.data).toEqual({ me: { name: 'Keisha Thompson', countryCode: 'JM', roles: [] } });

    const forbidden = await gql('{ users { totalCount } }', {}, { cookie, 'accept-language': 'pt' });
    expect(forbidden.body.errors?.[0]).toMatchObject({ message: 'Você não tem permissão para fazer isso.', extensions: { code: 'FORBIDDEN' } });

    const out = await gql('mutation { signOut }', {}, { cookie });
    expect(out.body.data).toEqual({ signOut: true });
    expect(out.setCookie).toMatch(/^alliance_session=; Path=\/; Expires=Thu, 01 Jan 1970/);
    expect((await gql('{ me { id } }', {}, { cookie })).body.data).toEqual({ me: null });
  });

  it('reports field errors translated to the reader', async () => {
    const result = await gql(
      'mutation($input: SignUpInput!) { signUp(input: $input) }',
      { input: { name: 'Jo', email: 'nope', password: 'Long-enough-password', countryCode: 'BR', preferredLocale: 'pt' } },
      { 'accept-language': 'fr' },
    );
    expect(result.body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'email', key: 'validation:emailInvalid', message: 'Saisissez une adresse e-mail valide, par ex. nom@ministere.gouv.' }],
    });
  });

  it('takes a return path on sign-up and resend, puts it in the link, and refuses one leading off the site', async () => {
    const email = unique('gql-return');
    const input = { name: 'Keisha Thompson', email, password: 'Long-enough-password', countryCode: 'JM', preferredLocale: 'en' };
    const offSite = await gql(
      'mutation($input: SignUpInput!) { signUp(input: $input) }',
      { input: { ...input, returnTo: '//evil.example/x' } },
      { 'accept-language': 'es' },
    );
    expect(offSite.body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'returnTo', key: 'validation:returnToInvalid', message: expect.stringContaining('ruta de este sitio') }],
    });
    const badResend = await gql('mutation($e: String!, $r: String) { resendVerification(email: $e, returnTo: $r) }', { e: email, r: 'https://evil.example' });
    expect(badResend.body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');

    const returnTo = '/invitations/tok_en-1';
    expect((await gql('mutation($input: SignUpInput!) { signUp(input: $input) }', { input: { ...input, returnTo } })).body.data).toEqual({ signUp: true });
    const emails = await db.getRepository(OutgoingEmail).findBy({ toAddress: email, template: 'verify' });
    expect(emails).toHaveLength(1);
    expect(emails[0].params.link).toMatch(/^http:\/\/localhost:3000\/verify-email\?token=[A-Za-z0-9_-]{43}&next=%2Finvitations%2Ftok_en-1$/);
  });

  it('lets an administrator list people with their roles and grant and revoke roles', async () => {
    const users = app.get(UsersService);
    const marker = `Gql${Math.random().toString(36).slice(2, 8)}`;
    const adminEmail = unique('gql-admin');
    await users.createUser({ name: `Admin ${marker}`, email: adminEmail, password: 'Long-enough-password', countryCode: 'CL', verified: true, roles: [Role.Admin] });
    const target = await users.createUser({ name: `Target ${marker}`, email: unique(), password: 'Long-enough-password', countryCode: 'PE', verified: true });
    const signIn = await gql('mutation($input: SignInInput!) { signIn(input: $input) { id } }', { input: { email: adminEmail, password: 'Long-enough-password' } });
    const cookie = signIn.setCookie!.split(';')[0];

    const granted = await gql('mutation($id: ID!) { grantRole(userId: $id, role: MODERATOR) { id roles } }', { id: target.id }, { cookie });
    expect(granted.body.data).toEqual({ grantRole: { id: target.id, roles: ['MODERATOR'] } });

    const list = await gql('query($s: String) { users(first: 10, search: $s) { totalCount edges { node { name roles } } pageInfo { hasNextPage } } }', { s: marker }, { cookie });
    expect(list.body.data?.users).toEqual({
      totalCount: 2,
      edges: [{ node: { name: `Target ${marker}`, roles: ['MODERATOR'] } }, { node: { name: `Admin ${marker}`, roles: ['ADMIN'] } }],
      pageInfo: { hasNextPage: false },
    });

    const revoked = await gql('mutation($id: ID!) { revokeRole(userId: $id, role: MODERATOR) { roles } }', { id: target.id }, { cookie });
    expect(revoked.body.data).toEqual({ revokeRole: { roles: [] } });
  });
});
