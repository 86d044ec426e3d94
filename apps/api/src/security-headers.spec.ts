import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@alliance/server-config';
import { UsersService } from '@alliance/server-identity';
import { createApi, securityHeaders } from './bootstrap';

const ADMIN = { email: 'headers-admin@alianza.example', password: 'Headers-Clave-2026' };

/** The directives of a Content-Security-Policy header, by name. */
function directives(csp: string | null): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (csp ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

async function signIn(url: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: 'mutation($input: SignInInput!) { signIn(input: $input) { id } }', variables: { input: ADMIN } }),
  });
  const body = (await res.json()) as { errors?: unknown };
  expect(body.errors).toBeUndefined();
  // Named __Host-alliance_session where it is Secure (no subdomain can plant or shadow it).
  const cookie = res.headers.getSetCookie().find((c) => /^(__Host-)?alliance_session=/.test(c));
  expect(cookie).toBeDefined();
  return cookie!;
}

/** The whole API behind a proxy (TRUST_PROXY=true) with a plain-http public address. */
describe('security headers of the API', () => {
  let app: NestExpressApplication;
  let url: string;

  beforeAll(async () => {
    process.env.QUEUE_DRIVER = 'bullmq';
    process.env.TRUST_PROXY = 'true';
    app = await createApi(loadConfig());
    await app.init();
    await app.get(UsersService).ensureAdmin(ADMIN.email, ADMIN.password);
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app?.close();
    delete process.env.TRUST_PROXY;
  });

  it('sends a strict Content-Security-Policy on the web app and the API', async () => {
    for (const path of ['/', '/courses', '/health']) {
      const res = await fetch(`${url}${path}`);
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('script-src-attr')).toEqual(["'none'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'self'"]);
      expect(csp.get('form-action')).toEqual(["'self'"]);
      // No script source beyond this origin: no 'unsafe-inline', no 'unsafe-eval', no other host.
      expect(JSON.stringify(csp.get('script-src'))).not.toMatch(/unsafe|https?:/);
      // A plain-http portal must still load its own assets: nothing upgrades them to https.
      expect(csp.has('upgrade-insecure-requests')).toBe(false);
    }
  });

  it('sends nosniff, a referrer policy, COOP and frame denial, and no X-Powered-By', async () => {
    const res = await fetch(`${url}/`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('sends no HSTS over plain http', async () => {
    const res = await fetch(`${url}/health`);
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('sends HSTS when the trusted proxy says the request came over https', async () => {
    const res = await fetch(`${url}/health`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=31536000; includeSubDomains$/);
  });

  it('sets the session cookie HttpOnly and SameSite=Lax, and Secure only over https', async () => {
    const overHttp = await signIn(url);
    expect(overHttp).toMatch(/; HttpOnly/i);
    expect(overHttp).toMatch(/; SameSite=Lax/i);
    expect(overHttp).toMatch(/; Path=\//i);
    expect(overHttp).not.toMatch(/; Secure/i);
    const overHttps = await signIn(url, { 'x-forwarded-proto': 'https' });
    expect(overHttps).toMatch(/; HttpOnly/i);
    expect(overHttps).toMatch(/; SameSite=Lax/i);
    expect(overHttps).toMatch(/; Secure/i);
  });
});

/** The same middleware on a bare Express app, for the configurations the full app above does not have. */
describe('securityHeaders()', () => {
  async function serve(trustProxy: boolean, config: Parameters<typeof securityHeaders>[0]): Promise<{ url: string; close(): Promise<void> }> {
    const app = express();
    app.set('trust proxy', trustProxy);
    for (const middleware of securityHeaders(config)) app.use(middleware);
    app.get('/', (_req, res) => void res.send('ok'));
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      close: () => new Promise((resolve) => server.close(() => resolve())),
    };
  }

  it('ignores a spoofed X-Forwarded-Proto without TRUST_PROXY', async () => {
    const server = await serve(false, { NODE_ENV: 'production', publicUrl: 'http://portal.example' });
    try {
      const res = await fetch(server.url, { headers: { 'x-forwarded-proto': 'https' } });
      expect(res.headers.get('strict-transport-security')).toBeNull();
    } finally {
      await server.close();
    }
  });

  it('pins https and upgrades insecure requests when the public address is https', async () => {
    const server = await serve(false, { NODE_ENV: 'production', publicUrl: 'https://portal.example' });
    try {
      const res = await fetch(server.url);
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
      expect(directives(res.headers.get('content-security-policy')).has('upgrade-insecure-requests')).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('leaves the CSP out in development only (GraphiQL loads from a CDN), keeping the other headers', async () => {
    const server = await serve(false, { NODE_ENV: 'development', publicUrl: 'http://localhost:3000' });
    try {
      const res = await fetch(server.url);
      expect(res.headers.get('content-security-policy')).toBeNull();
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    } finally {
      await server.close();
    }
  });
});
