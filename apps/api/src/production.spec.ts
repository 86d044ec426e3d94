import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@alliance/server-config';

/** The same application with NODE_ENV=production: nothing meant for developers is reachable. */
describe('API in production mode', () => {
  let app: NestExpressApplication;
  let url: string;
  const previousEnv = process.env.NODE_ENV;

  beforeAll(async () => {
    process.env.NODE_ENV = 'production';
    process.env.QUEUE_DRIVER = 'bullmq';
    // Production needs an explicit data directory (issuer key, files): a scratch one here.
    process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-prod-'));
    // Loaded after NODE_ENV is set: modules decide at load time which routes exist.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createApi } = require('./bootstrap') as typeof import('./bootstrap');
    app = await createApi(loadConfig());
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app?.close();
    process.env.NODE_ENV = previousEnv;
  });

  it('turns GraphQL introspection off', async () => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
    });
    const body = (await res.json()) as { errors?: Array<{ message: string; extensions: Record<string, unknown> }> };
    expect(body.errors?.[0].message).toMatch(/introspection/i);
    expect(body.errors?.[0].extensions.stacktrace).toBeUndefined();
  });

  it('gives no "Did you mean" hints that would name schema fields, types or enum values', async () => {
    const post = async (query: string, variables: Record<string, unknown> = {}) => {
      const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      return (await res.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    };
    // Outside production each of these answers with a suggestion (graphql-limits.spec.ts checks one).
    const unknownField = await post('{ mee { id } coursse { totalCount } }');
    const unknownArgument = await post('{ courses(firts: 2) { totalCount } }');
    const badEnumLiteral = await post('{ courses(level: INTRODUCTORI) { totalCount } }');
    const badEnumVariable = await post('query($level: CourseLevel) { courses(level: $level) { totalCount } }', { level: 'INTRODUCTORI' });
    for (const body of [unknownField, unknownArgument, badEnumLiteral, badEnumVariable]) {
      expect(body.errors.length).toBeGreaterThan(0);
      for (const error of body.errors) expect(error.message).not.toMatch(/did you mean|INTRODUCTORY|"me"|"courses"|"first"/i);
    }
    expect(badEnumVariable.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('serves no GraphiQL page and no development mailbox', async () => {
    const landing = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await landing.text()).not.toMatch(/graphiql/i);
    const mailbox = await fetch(`${url}/api/dev/mail`);
    expect(mailbox.status).toBe(404);
  });

  it('keeps error responses free of stack traces', async () => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify({ query: '{ users(first: 10) { totalCount } }' }),
    });
    const body = (await res.json()) as { errors: Array<{ extensions: Record<string, unknown> }> };
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('sends a Content-Security-Policy that frames only lesson video players', async () => {
    const csp = (await fetch(`${url}/health`)).headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    const frameSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('frame-src'));
    expect(frameSrc?.split(/\s+/).slice(1).sort()).toEqual(["'self'", 'https://player.vimeo.com', 'https://www.youtube-nocookie.com']);
  });
});
