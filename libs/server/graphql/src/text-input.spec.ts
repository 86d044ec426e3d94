import { ApolloServer } from '@apollo/server';
import { Client, Pool } from 'pg';
import { complexityLimitPlugin, formatError, isDatabaseUnavailable } from './plugins';
import { nulCharacterPlugin } from './text-input';

/** A real Apollo server with the two plugins; the resolver counts the calls that got through. */
function server() {
  const calls: unknown[] = [];
  const apollo = new ApolloServer({
    typeDefs: 'type Query { ok: Boolean } input Item { title: String! tags: [String!] } type Mutation { save(id: ID!, item: Item, n: Int): Boolean }',
    resolvers: { Mutation: { save: (_: unknown, args: unknown) => (calls.push(args), true) } },
    plugins: [complexityLimitPlugin(100) as never, nulCharacterPlugin() as never],
  });
  return { apollo, calls };
}

async function run(query: string, variables: Record<string, unknown> = {}) {
  const { apollo, calls } = server();
  await apollo.start();
  const response = await apollo.executeOperation({ query, variables });
  await apollo.stop();
  const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
  return { status: response.http.status ?? 200, errors: body?.errors, calls };
}

const SAVE = 'mutation($id: ID!, $item: Item, $n: Int) { save(id: $id, item: $item, n: $n) }';

describe('nulCharacterPlugin', () => {
  it('refuses a NUL character in a variable, naming each field, before the resolver (HTTP 400)', async () => {
    const { status, errors, calls } = await run(SAVE, { id: '1', item: { title: 'a\u0000b', tags: ['x', '\u0000'] } });
    expect(status).toBe(400);
    expect(errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'item.title', key: 'validation:invalid' },
        { field: 'item.tags.1', key: 'validation:invalid' },
      ],
    });
    expect(calls).toEqual([]);
  });

  it('refuses a NUL character written inline in the document, naming the argument', async () => {
    const { status, errors, calls } = await run('mutation { save(id: "1", item: { title: "x\\u0000" }) }');
    expect(status).toBe(400);
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'item' }] });
    expect(calls).toEqual([]);
  });

  it('lets other control characters, bidi marks and emoji through', async () => {
    const { errors, calls } = await run(SAVE, { id: '1', item: { title: '\u202e\t😀\u0001' } });
    expect(errors).toBeUndefined();
    expect(calls).toHaveLength(1);
  });
});

describe('complexityLimitPlugin with variables of the wrong type', () => {
  it.each([
    ['a null for a required id', { id: null }],
    ['a string for an Int', { id: '1', n: 'many' }],
    ['an unknown input field', { id: '1', item: { title: 't', admin: true } }],
    ['more than 50 bad list items', { id: '1', item: { title: 't', tags: Array.from({ length: 80 }, () => null) } }],
  ])('answers %s as BAD_USER_INPUT with HTTP 400, not a 500', async (_label, variables) => {
    const { status, errors, calls } = await run(SAVE, variables);
    expect(status).toBe(400);
    expect(errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(calls).toEqual([]);
  });
});

describe('formatError', () => {
  it('hides the message of an error Apollo labelled INTERNAL_SERVER_ERROR (a driver error, say)', () => {
    const logged: unknown[] = [];
    const sqlError = new Error('invalid input syntax for type uuid: "x"');
    const formatted = formatError({ message: sqlError.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, sqlError, false, (e) => logged.push(e));
    expect(formatted).toMatchObject({ message: 'errors:internal', extensions: { code: 'INTERNAL_SERVER_ERROR', messageKey: 'errors:internal' } });
    expect(JSON.stringify(formatted)).not.toContain('uuid');
    expect(logged).toEqual([sqlError]);
  });

  const postgresUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

  it('answers SERVICE_UNAVAILABLE, not an internal error, when every pooled connection stays busy (real pg pool)', async () => {
    const pool = new Pool({ connectionString: postgresUrl, max: 1, connectionTimeoutMillis: 100 });
    const held = await pool.connect();
    try {
      const waited = await pool.connect().then(
        (client) => {
          client.release();
          throw new Error('a second connection was handed out from a pool of one');
        },
        (error: unknown) => error,
      );
      expect(isDatabaseUnavailable(waited)).toBe(true);
      const logged: unknown[] = [];
      const formatted = formatError({ message: (waited as Error).message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, waited, false, (e) => logged.push(e));
      expect(formatted).toMatchObject({ message: 'errors:serviceUnavailable', extensions: { code: 'SERVICE_UNAVAILABLE', messageKey: 'errors:serviceUnavailable' } });
      expect(logged).toEqual([]);
    } finally {
      held.release();
      await pool.end();
    }
  });

  it('answers SERVICE_UNAVAILABLE when PostgreSQL ends the connection under a query (real pg_terminate_backend)', async () => {
    const victim = new Client({ connectionString: postgresUrl });
    const killer = new Client({ connectionString: postgresUrl });
    victim.on('error', () => undefined);
    await Promise.all([victim.connect(), killer.connect()]);
    try {
      const [{ pid }] = (await victim.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
      const running = victim.query('SELECT pg_sleep(5)').then(
        () => undefined,
        (error: unknown) => error,
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      await killer.query('SELECT pg_terminate_backend($1)', [pid]);
      const error = await running;
      expect(error).toBeInstanceOf(Error);
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(formatError({ message: 'x', extensions: {} }, error, false, () => undefined).extensions?.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await Promise.allSettled([victim.end(), killer.end()]);
    }
  });

  it('answers SERVICE_UNAVAILABLE when the database refuses new connections (real ALLOW_CONNECTIONS false)', async () => {
    const admin = new Client({ connectionString: postgresUrl });
    await admin.connect();
    const name = `alliance_test_closed_${process.pid}_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      const url = new URL(postgresUrl);
      url.pathname = `/${name}`;
      const refused = new Client({ connectionString: url.toString() });
      const error = await refused.connect().then(
        () => new Error('connected to a database that refuses connections'),
        (e: unknown) => e,
      );
      await refused.end().catch(() => undefined);
      expect(String(error)).toMatch(/not currently accepting connections/);
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    }
  });

  it('still treats an ordinary driver error as internal', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable('timeout exceeded when trying to connect')).toBe(false);
  });
});
