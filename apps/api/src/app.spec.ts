import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@alliance/server-config';
import { createApi } from './bootstrap';

const SCHEMA_FILE = path.join(__dirname, '../schema.gql');

describe('API application', () => {
  let app: NestExpressApplication;
  let url: string;

  beforeAll(async () => {
    process.env.QUEUE_DRIVER = 'bullmq';
    process.env.GRAPHQL_MAX_DEPTH = '2';
    process.env.GRAPHQL_MAX_COMPLEXITY = '40';
    // The complexity test below aliases one field 30 times: only the complexity limit should refuse it.
    process.env.GRAPHQL_MAX_ALIASES = '100';
    app = await createApi(loadConfig());
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app?.close();
  });

  const gql = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: (await res.json()) as { data?: Record<string, unknown>; errors?: Array<{ message: string; extensions: Record<string, unknown> }> } };
  };

  it('serves the schema committed in apps/api/schema.gql (run `npm run schema:write` after changing the API)', () => {
    const printed = printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema)) + '\n';
    if (process.env.UPDATE_SCHEMA === '1') fs.writeFileSync(SCHEMA_FILE, printed);
    expect(fs.existsSync(SCHEMA_FILE)).toBe(true);
    expect(printed).toBe(fs.readFileSync(SCHEMA_FILE, 'utf8'));
  });

  it('reports liveness and readiness of the database and the queue', async () => {
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'up', queue: { driver: 'bullmq', ok: true } });
    expect(ready.headers.get('x-request-id')).toBeTruthy();
  });

  it('answers bad input with BAD_USER_INPUT, per-field messages, in the caller’s language', async () => {
    const mutation = `mutation($input: SignUpInput!) { signUp(input: $input) }`;
    const input = { name: 'A', email: 'not-an-email', password: 'short', countryCode: 'XX', preferredLocale: 'es' };
    const fr = await gql(mutation, { input }, { 'accept-language': 'fr-CA,fr;q=0.9' });
    const error = fr.body.errors![0];
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('Vérifiez les champs signalés.');
    const fields = error.extensions.fields as Array<{ field: string; message: string }>;
    expect(fields).toEqual(
      expect.arrayContaining([
        { field: 'name', key: 'validation:nameTooShort', message: 'Le nom doit comporter au moins 2 caractères.' },
        expect.objectContaining({ field: 'email', key: 'validation:emailInvalid' }),
        expect.objectContaining({ field: 'password', key: 'validation:passwordTooShort' }),
        expect.objectContaining({ field: 'countryCode', key: 'validation:countryInvalid' }),
      ]),
    );
    expect(error.extensions.stacktrace).toBeUndefined();
    const pt = await gql(mutation, { input }, { 'accept-language': 'pt-BR' });
    expect(pt.body.errors![0].message).toBe('Verifique os campos destacados.');
    const fallback = await gql(mutation, { input }, { 'accept-language': 'de-DE' });
    expect(fallback.body.errors![0].message).toBe('Revise los datos marcados.');
  });

  it('answers UNAUTHENTICATED for protected fields when signed out, and null for me', async () => {
    const me = await gql('{ me { id } }');
    expect(me.body.data).toEqual({ me: null });
    const users = await gql('{ users(first: 5) { totalCount } }', {}, { 'accept-language': 'en' });
    expect(users.body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect(users.body.errors![0].message).toBe('Please sign in to continue.');
  });

  it('refuses queries nested deeper than the depth limit (2 in this test)', async () => {
    const res = await gql('{ users(first: 1) { edges { node { id } } } }', {}, { 'accept-language': 'en' });
    expect(res.body.errors![0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.body.errors![0].message).toMatch(/depth/);
    expect(res.body.data).toBeUndefined();
  });

  it('refuses queries above the complexity limit (40 in this test) before running any resolver', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `m${i}: me { id name }`).join(' ');
    // Twice: the second answer comes from the remembered cost of the same document.
    for (let i = 0; i < 2; i++) {
      const res = await gql(`{ ${aliases} }`, {}, { 'accept-language': 'es' });
      expect(res.body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors![0].message).toBe('La consulta es demasiado compleja.');
    }
    // A cheap query of the same shape still passes.
    expect((await gql(`{ m0: me { id name } }`, {}, { 'accept-language': 'es' })).body.errors).toBeUndefined();
  });

  it('answers a spread of an undefined fragment with a validation error, not a server error', async () => {
    const res = await gql(`{ me { ...Missing } }`, {}, { 'accept-language': 'en' });
    expect(res.status).toBe(400);
    expect(res.body.errors![0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.body.errors![0].message).toMatch(/Missing/);
  });

  it('blocks requests that could be cross-site (Apollo CSRF prevention)', async () => {
    const res = await fetch(`${url}/graphql?query=${encodeURIComponent('{ me { id } }')}`, { method: 'GET' });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF|preflight/i);
  });

});
