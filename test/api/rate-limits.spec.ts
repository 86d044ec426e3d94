import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { LIMITS } from '@alliance/shared-core';
import { GraphQLClient, startPortal, type RunningPortal } from '../support';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { id roles } }`;
const ADMIN = { email: 'rate-admin@alianza.example', password: 'Rate-Admin-Password-1' };

/**
 * Two api processes on one database and one Redis, as production scales out: a limit counted by
 * one holds at the other. Their own QUEUE_PREFIX keeps these counts away from the other journeys
 * of this run (which sign up from the same address).
 */
describe('rate limits and the session cookie through two running api processes sharing Redis', () => {
  const prefix = `${process.env.QUEUE_PREFIX ?? 'alliance_test'}-rl-${randomUUID().slice(0, 6)}`;
  let first: RunningPortal;
  let second: RunningPortal;

  beforeAll(async () => {
    // The first serves Secure cookies (as behind TLS); node's fetch sends them back over http all the same.
    first = await startPortal({ env: { QUEUE_PREFIX: prefix, COOKIE_SECURE: 'true', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
    second = await startPortal({ worker: false, env: { QUEUE_PREFIX: prefix } });
  });

  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
  });

  it('counts sign-ups per IP across both processes and refuses the one too many, translated, creating nothing', async () => {
    const { points, minutes } = LIMITS.rateLimits.signUpPerIp;
    const input = (email: string) => ({ name: 'Amélie Laurent', email, password: 'Mot-de-passe-2026', countryCode: 'HT', preferredLocale: 'fr' });
    // Bad input counts too (every attempt may cost a password hash): cheap attempts, split between the two.
    for (let i = 1; i < points; i++) {
      const portal = i % 2 ? first : second;
      const bad = await new GraphQLClient(portal.url, 'fr').request(SIGN_UP, { input: input(`not-an-email-${i}`) });
      expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    const last = await new GraphQLClient(second.url, 'fr').request(SIGN_UP, { input: input(`amelie.${randomUUID().slice(0, 8)}@education.example`) });
    expect(last.data).toEqual({ signUp: true });

    const refusedEmail = `refusee.${randomUUID().slice(0, 8)}@education.example`;
    for (const [portal, locale, message] of [
      [first, 'fr', `Trop de tentatives. Réessayez dans ${minutes} minutes.`],
      [second, 'es', `Demasiados intentos. Vuelva a intentarlo en ${minutes} minutos.`],
    ] as const) {
      const refused = await new GraphQLClient(portal.url, locale).request(SIGN_UP, { input: input(refusedEmail) });
      expect(refused.data).toBeNull();
      expect(refused.errors?.[0]).toMatchObject({ message, extensions: { code: 'RATE_LIMITED' } });
    }
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      expect((await db.query(`SELECT 1 FROM users WHERE email = $1`, [refusedEmail])).rowCount).toBe(0);
    } finally {
      await db.end();
    }
  });

  it('names the Secure session cookie __Host-alliance_session (Path=/, no Domain) and reads only that name', async () => {
    const res = await fetch(`${first.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: SIGN_IN, variables: { input: ADMIN } }),
    });
    const [setCookie] = res.headers.getSetCookie();
    expect(setCookie).toMatch(/^__Host-alliance_session=[A-Za-z0-9_-]{43}; Max-Age=2592000; Path=\/; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax$/);
    expect(setCookie).not.toMatch(/domain=/i);
    const token = setCookie.split(';')[0].split('=')[1];
    const me = (cookie: string) =>
      fetch(`${first.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query: '{ me { roles } }' }) }).then(
        (r) => r.json() as Promise<{ data: { me: { roles: string[] } | null } }>,
      );
    expect((await me(`__Host-alliance_session=${token}`)).data.me).toEqual({ roles: ['ADMIN'] });
    // Where cookies are Secure, the plain name (which a sibling subdomain could plant) is not read.
    expect((await me(`alliance_session=${token}`)).data.me).toBeNull();
  });
});
