import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Role } from '@alliance/shared-core';
import { SessionService } from './session.service';
import { UsersService } from './users.service';
import { clearSessionCookie, isSecureCookie, sessionTokenFromRequest, setSessionCookie, SESSION_COOKIE_NAME } from './cookies';
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

  it('is httpOnly, SameSite=Lax, path / and lives LIMITS.sessionDays', () => {
    const res = fakeResponse();
    setSessionCookie(res as never, 'tok', { COOKIE_SECURE: 'auto', publicUrl: 'http://localhost:3000' }, { secure: false } as never);
    expect(res.calls).toEqual([['set', SESSION_COOKIE_NAME, 'tok', { httpOnly: true, sameSite: 'lax', secure: false, path: '/', maxAge: 30 * 24 * 3600 * 1000 }]]);
    clearSessionCookie(res as never);
    expect(res.calls[1]).toEqual(['clear', 'alliance_session', '', { httpOnly: true, sameSite: 'lax', path: '/' }]);
  });

  it('is Secure when configured, or on auto behind HTTPS', () => {
    expect(isSecureCookie({ COOKIE_SECURE: 'true', publicUrl: 'http://localhost:3000' })).toBe(true);
    expect(isSecureCookie({ COOKIE_SECURE: 'false', publicUrl: 'https://alianza.example' }, { secure: true })).toBe(false);
    expect(isSecureCookie({ COOKIE_SECURE: 'auto', publicUrl: 'https://alianza.example' })).toBe(true);
    expect(isSecureCookie({ COOKIE_SECURE: 'auto', publicUrl: 'http://localhost:3000' }, { secure: true })).toBe(true);
    expect(isSecureCookie({ COOKIE_SECURE: 'auto', publicUrl: 'http://localhost:3000' }, { secure: false })).toBe(false);
  });

  it('is read from the Cookie header', () => {
    expect(sessionTokenFromRequest({ headers: { cookie: 'a=1; alliance_session=abc; b=2' } } as never)).toBe('abc');
    expect(sessionTokenFromRequest({ headers: {} } as never)).toBeUndefined();
  });
});
