import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@alliance/server-config';
import { Role } from '@alliance/shared-core';
import { SessionService } from './session.service';
import { UsersService } from './users.service';
import { clearSessionCookie, isSecureCookie, sessionTokenFromRequest, setSessionCookie, SECURE_SESSION_COOKIE_NAME, SESSION_COOKIE_NAME } from './cookies';
import { newToken } from './tokens';
import { hashToken } from './tokens';
import { createIdentityTestApp, unique } from './testing/identity-test-app';

describe('SessionService', () => {
  let app: INestApplicationContext;
  let sessions: SessionService;
  let users: UsersService;
  let db: DataSource;

  beforeAll(async () => {
    app = await createIdentityTestApp();
    sessions = app.get(SessionService);
    users = app.get(UsersService);
    db = app.get(DataSource);
  });
  afterAll(() => app.close());

  async function person(roles: Role[] = []) {
    return users.createUser({ name: 'João Pereira', email: unique(), password: 'Long-enough-password', countryCode: 'BR', preferredLocale: 'pt', verified: true, roles });
  }

  it('resolves a token to the person with roles and language, storing only its hash', async () => {
    const user = await person([Role.Moderator, Role.Organiser]);
    const { token, sessionId } = await sessions.create(user.id, { ip: '203.0.113.9', userAgent: 'Firefox' });
    expect(await sessions.resolve(token)).toEqual({
      id: user.id,
      sessionId,
      name: 'João Pereira',
      email: user.email,
      roles: [Role.Moderator, Role.Organiser],
      locale: 'pt',
    });
    const [row] = await db.query(`SELECT token_hash, ip, user_agent FROM sessions WHERE id = $1`, [sessionId]);
    expect(row).toEqual({ token_hash: hashToken(token), ip: '203.0.113.9', user_agent: 'Firefox' });
  });

  it('ignores unknown, malformed, expired and revoked tokens', async () => {
    const user = await person();
    expect(await sessions.resolve(undefined)).toBeUndefined();
    expect(await sessions.resolve('not a token')).toBeUndefined();
    expect(await sessions.resolve('A'.repeat(43))).toBeUndefined();
    const expired = await sessions.create(user.id);
    await db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = $1`, [expired.sessionId]);
    expect(await sessions.resolve(expired.token)).toBeUndefined();
    const revoked = await sessions.create(user.id);
    await sessions.revoke(revoked.sessionId);
    expect(await sessions.resolve(revoked.token)).toBeUndefined();
  });

  it('makes 256-bit random tokens', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => newToken()));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  });

  it(`ends a session SESSION_ABSOLUTE_DAYS after sign-in, however much it is used`, async () => {
    const config = app.get<AppConfig>(APP_CONFIG);
    const user = await person();
    const before = Date.now();
    const { token, sessionId } = await sessions.create(user.id);
    const [{ expires_at }] = await db.query(`SELECT expires_at FROM sessions WHERE id = $1`, [sessionId]);
    const days = (new Date(expires_at).getTime() - before) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(config.SESSION_ABSOLUTE_DAYS - 0.001);
    expect(days).toBeLessThan(config.SESSION_ABSOLUTE_DAYS + 0.001);
    // In constant use (seen a second ago) but created longer ago than the absolute limit.
    await db.query(`UPDATE sessions SET created_at = now() - make_interval(days => $2 + 1), expires_at = now() - interval '1 second', last_seen_at = now() - interval '1 second' WHERE id = $1`, [
      sessionId,
      config.SESSION_ABSOLUTE_DAYS,
    ]);
    expect(await sessions.resolve(token)).toBeUndefined();
  });

  it('refuses a session unused for longer than SESSION_IDLE_HOURS, and keeps one used just within it', async () => {
    const config = app.get<AppConfig>(APP_CONFIG);
    const user = await person();
    const idle = await sessions.create(user.id);
    const active = await sessions.create(user.id);
    await db.query(`UPDATE sessions SET last_seen_at = now() - make_interval(hours => $2) - interval '1 minute' WHERE id = $1`, [idle.sessionId, config.SESSION_IDLE_HOURS]);
    await db.query(`UPDATE sessions SET last_seen_at = now() - make_interval(hours => $2) + interval '2 minutes' WHERE id = $1`, [active.sessionId, config.SESSION_IDLE_HOURS]);
    expect(await sessions.resolve(idle.token)).toBeUndefined();
    // Using it moves its idle deadline: a refused session stays refused, a used one is renewed.
    expect(await sessions.resolve(active.token)).toMatchObject({ id: user.id });
    const [{ idle_hours }] = await db.query(`SELECT extract(epoch FROM now() - last_seen_at) / 3600 AS idle_hours FROM sessions WHERE id = $1`, [active.sessionId]);
    expect(Number(idle_hours)).toBeLessThan(0.01);
    expect(await sessions.resolve(idle.token)).toBeUndefined();
  });

  it('bumps lastSeenAt at most once a minute', async () => {
    const user = await person();
    const { token, sessionId } = await sessions.create(user.id);
    const seen = async () => (await db.query(`SELECT last_seen_at FROM sessions WHERE id = $1`, [sessionId]))[0].last_seen_at as Date;
    const fresh = await seen();
    await sessions.resolve(token);
    expect(await seen()).toEqual(fresh);
    await db.query(`UPDATE sessions SET last_seen_at = now() - interval '5 minutes' WHERE id = $1`, [sessionId]);
    const old = await seen();
    await sessions.resolve(token);
    expect((await seen()).getTime()).toBeGreaterThan(old.getTime() + 4 * 60_000);
  });

  it('revokes all sessions of a user except the one kept', async () => {
    const user = await person();
    const other = await person();
    const [a, b, c] = [await sessions.create(user.id), await sessions.create(user.id), await sessions.create(other.id)];
    await sessions.revokeAllForUser(user.id, { except: a.sessionId });
    expect(await sessions.resolve(a.token)).toBeDefined();
    expect(await sessions.resolve(b.token)).toBeUndefined();
    expect(await sessions.resolve(c.token)).toBeDefined();
  });
});

describe('session cookie', () => {
  function fakeResponse() {
    const calls: Array<[string, string, string, Record<string, unknown>]> = [];
    return {
      calls,
      cookie: (name: string, value: string, options: Record<string, unknown>) => calls.push(['set', name, value, options]),
      clearCookie: (name: string, options: Record<string, unknown>) => calls.push(['clear', name, '', options]),
    };
  }

  const http = { COOKIE_SECURE: 'auto', publicUrl: 'http://localhost:3000' } as const;
  const https = { COOKIE_SECURE: 'auto', publicUrl: 'https://alianza.example' } as const;

  it('over plain http is alliance_session: httpOnly, SameSite=Lax, path /, lives SESSION_ABSOLUTE_DAYS', () => {
    const res = fakeResponse();
    setSessionCookie(res as never, 'tok', { ...http, SESSION_ABSOLUTE_DAYS: 30 }, { secure: false } as never);
    expect(res.calls).toEqual([['set', 'alliance_session', 'tok', { httpOnly: true, sameSite: 'lax', secure: false, path: '/', maxAge: 30 * 24 * 3600 * 1000 }]]);
    clearSessionCookie(res as never, http, { secure: false } as never);
    expect(res.calls[1]).toEqual(['clear', 'alliance_session', '', { httpOnly: true, sameSite: 'lax', path: '/' }]);
  });

  it('whenever Secure is __Host-alliance_session: Secure, path /, no Domain', () => {
    for (const [config, req] of [
      [https, { secure: false }],
      [http, { secure: true }],
      [{ COOKIE_SECURE: 'true', publicUrl: 'http://localhost:3000' }, { secure: false }],
    ] as const) {
      const res = fakeResponse();
      setSessionCookie(res as never, 'tok', { ...config, SESSION_ABSOLUTE_DAYS: 7 }, req as never);
      expect(res.calls).toEqual([['set', '__Host-alliance_session', 'tok', { httpOnly: true, sameSite: 'lax', secure: true, path: '/', maxAge: 7 * 24 * 3600 * 1000 }]]);
      // Clearing a __Host- cookie only works with a Secure Set-Cookie.
      clearSessionCookie(res as never, config, req as never);
      expect(res.calls[1]).toEqual(['clear', '__Host-alliance_session', '', { httpOnly: true, sameSite: 'lax', path: '/', secure: true }]);
    }
  });

  it('without the configuration, clearing drops both names', () => {
    const res = fakeResponse();
    clearSessionCookie(res as never);
    expect(res.calls.map((c) => c[1])).toEqual([SESSION_COOKIE_NAME, SECURE_SESSION_COOKIE_NAME]);
  });

  it('is Secure when configured, or on auto behind HTTPS', () => {
    expect(isSecureCookie({ COOKIE_SECURE: 'true', publicUrl: 'http://localhost:3000' })).toBe(true);
    expect(isSecureCookie({ COOKIE_SECURE: 'false', publicUrl: 'https://alianza.example' }, { secure: true })).toBe(false);
    expect(isSecureCookie({ COOKIE_SECURE: 'auto', publicUrl: 'https://alianza.example' })).toBe(true);
    expect(isSecureCookie({ COOKIE_SECURE: 'auto', publicUrl: 'http://localhost:3000' }, { secure: true })).toBe(true);
    expect(isSecureCookie({ COOKIE_SECURE: 'auto', publicUrl: 'http://localhost:3000' }, { secure: false })).toBe(false);
  });

  it('is read from the Cookie header under the name that fits the request only', () => {
    const both = { cookie: 'a=1; alliance_session=plain; __Host-alliance_session=host; b=2' };
    expect(sessionTokenFromRequest({ headers: { cookie: 'a=1; alliance_session=abc; b=2' }, secure: false } as never, http)).toBe('abc');
    expect(sessionTokenFromRequest({ headers: both, secure: false } as never, http)).toBe('plain');
    expect(sessionTokenFromRequest({ headers: both, secure: false } as never, https)).toBe('host');
    expect(sessionTokenFromRequest({ headers: both, secure: true } as never, http)).toBe('host');
    // Where cookies are Secure, a plain-named cookie (which a sibling subdomain could plant) is ignored.
    expect(sessionTokenFromRequest({ headers: { cookie: 'alliance_session=planted' }, secure: true } as never, https)).toBeUndefined();
    expect(sessionTokenFromRequest({ headers: {} } as never, http)).toBeUndefined();
  });
});
