import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import IORedis from 'ioredis';
import { AppError, RateLimitService, type RateLimitName } from '@alliance/server-graphql';
import { ErrorCode, LIMITS } from '@alliance/shared-core';
import { AccountService } from './account.service';
import { SessionService } from './session.service';
import { User } from './entities';
import { hashToken } from './tokens';
import { createIdentityTestApp, emailsTo, randomIp, tokenFromLastEmail, unique } from './testing/identity-test-app';

const PASSWORD = 'Correct-Horse-Battery-9';

function signUpInput(email: string, overrides: Record<string, unknown> = {}) {
  return { name: 'Ana María Gómez', email, password: PASSWORD, countryCode: 'CO', preferredLocale: 'es', ...overrides };
}

/** Runs `fn` and returns the AppError it threw (fails the test when it does not throw one). */
async function appError(fn: () => Promise<unknown>): Promise<AppError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('AccountService', () => {
  let app: INestApplicationContext;
  let accounts: AccountService;
  let sessions: SessionService;
  let db: DataSource;

  beforeAll(async () => {
    app = await createIdentityTestApp();
    accounts = app.get(AccountService);
    sessions = app.get(SessionService);
    db = app.get(DataSource);
  });
  afterAll(() => app.close());

  /** Ends a rate-limit window now, as time passing would: its Redis key expires. */
  async function expireWindow(name: RateLimitName, key: string): Promise<void> {
    expect(app.get(RateLimitService).kind).toBe('redis');
    const redis = new IORedis(process.env.REDIS_URL!);
    try {
      expect(await redis.pexpire(`${process.env.QUEUE_PREFIX}:rl:${name}:${key}`, 1)).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      redis.disconnect();
    }
  }

  /** Signs up and confirms the address through the e-mailed link. */
  async function verifiedAccount(email = unique()): Promise<string> {
    await accounts.signUp(signUpInput(email));
    await accounts.verifyEmail(await tokenFromLastEmail(db, email, 'verify'));
    return email;
  }

  describe('sign-up', () => {
    it('reports every invalid field with its i18n key', async () => {
      const error = await appError(() =>
        accounts.signUp({ name: 'A', email: 'not-an-email', password: 'short', countryCode: 'XX', preferredLocale: 'de' }),
      );
      expect(error.extensions.code).toBe(ErrorCode.BadUserInput);
      const fields = Object.fromEntries((error.fieldErrors ?? []).map((f) => [f.field, f.key]));
      expect(fields).toEqual({
        name: 'validation:nameTooShort',
        email: 'validation:emailInvalid',
        password: 'validation:passwordTooShort',
        countryCode: 'validation:countryInvalid',
        preferredLocale: 'validation:localeInvalid',
      });
    });

    it('stores the e-mail in lower case, unverified, with an argon2id hash and a verification e-mail', async () => {
      const email = unique('Mixed.Case');
      const user = await accounts.signUp(signUpInput(email.toUpperCase()));
      expect(user.email).toBe(email.toLowerCase());
      expect(user.emailVerifiedAt).toBeNull();
      const stored = await db.getRepository(User).findOneByOrFail({ id: user.id });
      expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      const emails = await emailsTo(db, user.email);
      expect(emails).toHaveLength(1);
      expect(emails[0]).toMatchObject({ template: 'verify', locale: 'es', toName: 'Ana María Gómez' });
      expect(emails[0].params).toMatchObject({ name: 'Ana María Gómez', hours: LIMITS.verificationTokenHours });
      expect(String(emails[0].params.link)).toMatch(/^http:\/\/localhost:3000\/verify-email\?token=[A-Za-z0-9_-]{43}$/);
      // Only the hash of the token is stored.
      const token = await tokenFromLastEmail(db, user.email, 'verify');
      const rows: Array<{ token_hash: string }> = await db.query(`SELECT token_hash FROM email_tokens WHERE user_id = $1`, [user.id]);
      expect(rows.map((r) => r.token_hash)).toEqual([hashToken(token)]);
    });

    it('refuses a taken e-mail (whatever its case) with CONFLICT and queues no second e-mail', async () => {
      const email = unique();
      await accounts.signUp(signUpInput(email));
      const error = await appError(() => accounts.signUp(signUpInput(email.toUpperCase(), { name: 'Someone Else' })));
      expect(error.extensions.code).toBe(ErrorCode.Conflict);
      expect(error.messageKey).toBe('errors:emailTaken');
      expect(await emailsTo(db, email)).toHaveLength(1);
    });

    it('creates exactly one account and one e-mail when ten sign-ups race for one address', async () => {
      const email = unique('race');
      const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => accounts.signUp(signUpInput(email, { name: `Racer ${i}` }))));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) {
        expect(r.reason).toBeInstanceOf(AppError);
        expect((r.reason as AppError).messageKey).toBe('errors:emailTaken');
      }
      expect(await db.getRepository(User).countBy({ email })).toBe(1);
      expect(await emailsTo(db, email)).toHaveLength(1);
    });
    it('carries a return path into the verification link', async () => {
      const email = unique('return');
      const returnTo = '/invitations/abc_DEF-123?from=mail#top';
      await accounts.signUp(signUpInput(email, { returnTo }));
      const link = new URL(String((await emailsTo(db, email))[0].params.link));
      expect(link.origin + link.pathname).toBe('http://localhost:3000/verify-email');
      expect(link.searchParams.get('token')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(link.searchParams.get('next')).toBe(returnTo);
      expect(link.search).toContain(`&next=${encodeURIComponent(returnTo)}`);
      // A null return path is the same as none.
      const plain = unique('plain');
      await accounts.signUp(signUpInput(plain, { returnTo: null }));
      expect(String((await emailsTo(db, plain))[0].params.link)).not.toContain('next=');
    });

    it.each([
      ['an absolute address', 'https://evil.example/invitations/x'],
      ['a protocol-relative address', '//evil.example/x'],
      ['a backslash host', '/\\evil.example'],
      ['a relative path', 'invitations/x'],
      ['an empty string', ''],
      ['a path with a line break', '/invitations/x\nSet-Cookie: a=b'],
      ['a path longer than the limit', `/${'a'.repeat(LIMITS.returnToMax)}`],
    ])('refuses %s as the return path with BAD_USER_INPUT and creates nothing', async (_label, returnTo) => {
      const email = unique('badreturn');
      const error = await appError(() => accounts.signUp(signUpInput(email, { returnTo })));
      expect(error.extensions.code).toBe(ErrorCode.BadUserInput);
      expect(new Set((error.fieldErrors ?? []).map((f) => `${f.field} ${f.key}`))).toEqual(new Set(['returnTo validation:returnToInvalid']));
      expect(await db.getRepository(User).countBy({ email })).toBe(0);
    });
  });

  describe('e-mail verification', () => {
    it('confirms the address once; the link cannot be used again', async () => {
      const email = unique();
      await accounts.signUp(signUpInput(email));
      const token = await tokenFromLastEmail(db, email, 'verify');
      await expect(accounts.verifyEmail(token)).resolves.toBe(true);
      expect((await db.getRepository(User).findOneByOrFail({ email })).emailVerifiedAt).toBeInstanceOf(Date);
      const again = await appError(() => accounts.verifyEmail(token));
      expect(again.extensions.code).toBe(ErrorCode.BadUserInput);
      expect(again.messageKey).toBe('errors:tokenInvalidOrExpired');
    });

    it('refuses an expired or made-up link', async () => {
      const email = unique();
      await accounts.signUp(signUpInput(email));
      const token = await tokenFromLastEmail(db, email, 'verify');
      await db.query(`UPDATE email_tokens SET expires_at = now() - interval '1 second' WHERE user_id = (SELECT id FROM users WHERE email = $1)`, [email]);
      expect((await appError(() => accounts.verifyEmail(token))).messageKey).toBe('errors:tokenInvalidOrExpired');
      expect((await appError(() => accounts.verifyEmail('x'.repeat(43)))).messageKey).toBe('errors:tokenInvalidOrExpired');
      expect((await db.getRepository(User).findOneByOrFail({ email })).emailVerifiedAt).toBeNull();
    });

    it('resends a link to unverified accounts only, and answers true for unknown addresses', async () => {
      const email = unique();
      await accounts.signUp(signUpInput(email));
      // Just sent: a second one within the minute is skipped.
      await expect(accounts.resendVerification(email)).resolves.toBe(true);
      expect(await emailsTo(db, email)).toHaveLength(1);
      await db.query(`UPDATE email_tokens SET created_at = now() - interval '2 minutes' WHERE user_id = (SELECT id FROM users WHERE email = $1)`, [email]);
      await accounts.resendVerification(email.toUpperCase());
      expect(await emailsTo(db, email)).toHaveLength(2);
      await accounts.verifyEmail(await tokenFromLastEmail(db, email, 'verify'));
      await db.query(`UPDATE email_tokens SET created_at = now() - interval '2 minutes' WHERE user_id = (SELECT id FROM users WHERE email = $1)`, [email]);
      await accounts.resendVerification(email);
      expect(await emailsTo(db, email)).toHaveLength(2);
      const nobody = unique('nobody');
      await expect(accounts.resendVerification(nobody)).resolves.toBe(true);
      expect(await emailsTo(db, nobody)).toHaveLength(0);
    });

    it('a resent link keeps the return path it is given, and refuses an unsafe one', async () => {
      const email = unique('resend-return');
      await accounts.signUp(signUpInput(email));
      await db.query(`UPDATE email_tokens SET created_at = now() - interval '2 minutes' WHERE user_id = (SELECT id FROM users WHERE email = $1)`, [email]);
      const bad = await appError(() => accounts.resendVerification(email, 'https://evil.example'));
      expect(bad.extensions.code).toBe(ErrorCode.BadUserInput);
      expect(bad.fieldErrors).toEqual([{ field: 'returnTo', key: 'validation:returnToInvalid' }]);
      expect(await emailsTo(db, email)).toHaveLength(1);
      await accounts.resendVerification(email, '/invitations/xyz');
      const emails = await emailsTo(db, email);
      expect(emails).toHaveLength(2);
      expect(new URL(String(emails[1].params.link)).searchParams.get('next')).toBe('/invitations/xyz');
    });
  });

  describe('sign-in', () => {
    it('is refused before the address is confirmed, and opens a session after', async () => {
      const email = unique();
      await accounts.signUp(signUpInput(email));
      const error = await appError(() => accounts.signIn({ email, password: PASSWORD }, { ip: randomIp() }));
      expect(error.extensions.code).toBe(ErrorCode.EmailNotVerified);
      await accounts.verifyEmail(await tokenFromLastEmail(db, email, 'verify'));
      const { user, token } = await accounts.signIn({ email: ` ${email.toUpperCase()} `, password: PASSWORD }, { ip: randomIp(), userAgent: 'jest' });
      expect(user.email).toBe(email);
      const sessionUser = await sessions.resolve(token);
      expect(sessionUser).toMatchObject({ id: user.id, email, roles: [], locale: 'es' });
    });

    it('answers wrong passwords and unknown e-mails alike', async () => {
      const email = await verifiedAccount();
      const wrong = await appError(() => accounts.signIn({ email, password: 'Wrong-password-1' }, { ip: randomIp() }));
      const unknown = await appError(() => accounts.signIn({ email: unique('ghost'), password: PASSWORD }, { ip: randomIp() }));
      for (const error of [wrong, unknown]) {
        expect(error.extensions.code).toBe(ErrorCode.Unauthenticated);
        expect(error.messageKey).toBe('errors:invalidCredentials');
      }
    });

    it(`locks an account after ${LIMITS.loginFailuresPerAccount} failures, even against the right password and from other IPs`, async () => {
      const email = await verifiedAccount();
      for (let i = 0; i < LIMITS.loginFailuresPerAccount; i++) {
        expect((await appError(() => accounts.signIn({ email, password: `Wrong-password-${i}` }, { ip: randomIp() }))).messageKey).toBe('errors:invalidCredentials');
      }
      const limited = await appError(() => accounts.signIn({ email, password: PASSWORD }, { ip: randomIp() }));
      expect(limited.extensions.code).toBe(ErrorCode.RateLimited);
      expect(limited.params.minutes).toBe(LIMITS.loginWindowMinutes);
      // Once the window ends (its Redis key expires), the right password works again.
      await expireWindow('signInFailuresPerAccount', email);
      await expect(accounts.signIn({ email, password: PASSWORD }, { ip: randomIp() })).resolves.toHaveProperty('token');
    });

    it('holds the per-account limit when many wrong guesses arrive at once', async () => {
      const email = await verifiedAccount();
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) => accounts.signIn({ email, password: `Wrong-password-${i}` }, { ip: randomIp() })),
      );
      const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as AppError).extensions.code : 'OK'));
      expect(codes.filter((c) => c === ErrorCode.Unauthenticated)).toHaveLength(LIMITS.loginFailuresPerAccount);
      expect(codes.filter((c) => c === ErrorCode.RateLimited)).toHaveLength(12 - LIMITS.loginFailuresPerAccount);
    });

    it('a success clears the per-account count', async () => {
      const email = await verifiedAccount();
      const ip = randomIp();
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < LIMITS.loginFailuresPerAccount - 1; i++) {
          await appError(() => accounts.signIn({ email, password: 'Wrong-password-1' }, { ip }));
        }
        await expect(accounts.signIn({ email, password: PASSWORD }, { ip })).resolves.toHaveProperty('token');
      }
    });

    it('lets a room of people behind one address sign in at once (the per-IP limit counts failures only)', async () => {
      const ip = randomIp();
      const emails = await Promise.all(Array.from({ length: LIMITS.loginFailuresPerIp + 15 }, () => verifiedAccount()));
      const results = await Promise.allSettled(emails.map((email) => accounts.signIn({ email, password: PASSWORD }, { ip })));
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    });

    it(`limits one IP to ${LIMITS.loginFailuresPerIp} failures across accounts; other IPs are unaffected`, async () => {
      const ip = randomIp();
      for (let i = 0; i < LIMITS.loginFailuresPerIp; i++) {
        await appError(() => accounts.signIn({ email: unique('spray'), password: 'Wrong-password-1' }, { ip }));
      }
      const email = await verifiedAccount();
      const limited = await appError(() => accounts.signIn({ email, password: PASSWORD }, { ip }));
      expect(limited.extensions.code).toBe(ErrorCode.RateLimited);
      expect(limited.messageKey).toBe('errors:rateLimited');
      await expect(accounts.signIn({ email, password: PASSWORD }, { ip: randomIp() })).resolves.toHaveProperty('token');
    });
  });

  describe('rate limits', () => {
    it(`refuses sign-ups beyond LIMITS.rateLimits.signUpPerIp from one IP, translated, and creates nothing`, async () => {
      const ip = randomIp();
      const { points, minutes } = LIMITS.rateLimits.signUpPerIp;
      // Bad input counts too (every attempt may cost a password hash), and costs the test no hashing.
      for (let i = 1; i < points; i++) expect((await appError(() => accounts.signUp(signUpInput('not-an-email'), { ip }))).extensions.code).toBe(ErrorCode.BadUserInput);
      await expect(accounts.signUp(signUpInput(unique('last')), { ip })).resolves.toHaveProperty('id');
      const refusedEmail = unique('refused');
      const refused = await appError(() => accounts.signUp(signUpInput(refusedEmail), { ip }));
      expect(refused.extensions).toMatchObject({ code: ErrorCode.RateLimited, messageKey: 'errors:rateLimited', messageParams: { minutes } });
      expect(await db.getRepository(User).existsBy({ email: refusedEmail })).toBe(false);
      expect(await emailsTo(db, refusedEmail)).toHaveLength(0);
      // Another address is unaffected, and the window's end lets this one in again.
      await expect(accounts.signUp(signUpInput(unique()), { ip: randomIp() })).resolves.toHaveProperty('id');
      await expireWindow('signUpPerIp', ip);
      await expect(accounts.signUp(signUpInput(refusedEmail), { ip })).resolves.toHaveProperty('id');
    });

    it('limits reset e-mails per address (known or not) and per IP', async () => {
      const email = await verifiedAccount();
      const nobody = unique('nobody');
      for (const address of [email, nobody]) {
        for (let i = 0; i < LIMITS.rateLimits.passwordResetPerAccount.points; i++) await accounts.requestPasswordReset(address, { ip: randomIp() });
        const refused = await appError(() => accounts.requestPasswordReset(address, { ip: randomIp() }));
        expect(refused.extensions).toMatchObject({ code: ErrorCode.RateLimited, messageParams: { minutes: 60 } });
      }
      const ip = randomIp();
      for (let i = 0; i < LIMITS.rateLimits.passwordResetPerIp.points; i++) await accounts.requestPasswordReset(unique('spray'), { ip });
      expect((await appError(() => accounts.requestPasswordReset(unique('spray'), { ip }))).extensions.code).toBe(ErrorCode.RateLimited);
      await expireWindow('passwordResetPerIp', ip);
      await expect(accounts.requestPasswordReset(unique('spray'), { ip })).resolves.toBe(true);
    });
  });

  describe('sessions and passwords', () => {
    async function twoSessions(email: string) {
      const a = await accounts.signIn({ email, password: PASSWORD }, { ip: randomIp() });
      const b = await accounts.signIn({ email, password: PASSWORD }, { ip: randomIp() });
      return [a.token, b.token];
    }

    it('sign-out ends one session; sign-out-everywhere ends them all', async () => {
      const email = await verifiedAccount();
      const [a, b] = await twoSessions(email);
      const c = (await accounts.signIn({ email, password: PASSWORD }, { ip: randomIp() })).token;
      const userA = (await sessions.resolve(a))!;
      await accounts.signOut(userA.sessionId);
      expect(await sessions.resolve(a)).toBeUndefined();
      expect(await sessions.resolve(b)).toBeDefined();
      await accounts.signOutEverywhere(userA.id);
      expect(await sessions.resolve(b)).toBeUndefined();
      expect(await sessions.resolve(c)).toBeUndefined();
    });

    it('a password reset link works once, changes the password and ends every session', async () => {
      const email = await verifiedAccount();
      const [a, b] = await twoSessions(email);
      await expect(accounts.requestPasswordReset(email)).resolves.toBe(true);
      const [reset] = (await emailsTo(db, email)).filter((e) => e.template === 'reset');
      expect(String(reset.params.link)).toMatch(/^http:\/\/localhost:3000\/reset-password\?token=/);
      expect(reset.params.minutes).toBe(LIMITS.resetTokenMinutes);
      const token = await tokenFromLastEmail(db, email, 'reset');
      const newPassword = 'Brand-New-Password-7';
      await expect(accounts.resetPassword({ token, newPassword })).resolves.toBe(true);
      expect(await sessions.resolve(a)).toBeUndefined();
      expect(await sessions.resolve(b)).toBeUndefined();
      expect((await appError(() => accounts.resetPassword({ token, newPassword: 'Another-Password-8' }))).messageKey).toBe('errors:tokenInvalidOrExpired');
      expect((await appError(() => accounts.signIn({ email, password: PASSWORD }, { ip: randomIp() }))).messageKey).toBe('errors:invalidCredentials');
      await expect(accounts.signIn({ email, password: newPassword }, { ip: randomIp() })).resolves.toHaveProperty('token');
    });

    it('a reset link expires', async () => {
      const email = await verifiedAccount();
      await accounts.requestPasswordReset(email);
      const token = await tokenFromLastEmail(db, email, 'reset');
      await db.query(`UPDATE email_tokens SET expires_at = now() - interval '1 second' WHERE purpose = 'reset' AND user_id = (SELECT id FROM users WHERE email = $1)`, [email]);
      expect((await appError(() => accounts.resetPassword({ token, newPassword: 'Brand-New-Password-7' }))).messageKey).toBe('errors:tokenInvalidOrExpired');
    });

    it('asking a reset for an unknown address answers true and sends nothing', async () => {
      const nobody = unique('nobody');
      await expect(accounts.requestPasswordReset(nobody)).resolves.toBe(true);
      expect(await emailsTo(db, nobody)).toHaveLength(0);
    });

    it('changing the password checks the current one, keeps this session, ends the others and tells the person', async () => {
      const email = await verifiedAccount();
      const [a, b] = await twoSessions(email);
      const me = (await sessions.resolve(a))!;
      const wrong = await appError(() => accounts.changePassword(me, { currentPassword: 'Not-my-password', newPassword: 'Brand-New-Password-7' }));
      expect(wrong.fieldErrors).toEqual([{ field: 'currentPassword', key: 'errors:wrongCurrentPassword' }]);
      expect(await sessions.resolve(b)).toBeDefined();
      await accounts.changePassword(me, { currentPassword: PASSWORD, newPassword: 'Brand-New-Password-7' });
      expect(await sessions.resolve(a)).toBeDefined();
      expect(await sessions.resolve(b)).toBeUndefined();
      const changed = (await emailsTo(db, email)).filter((e) => e.template === 'passwordChanged');
      expect(changed).toHaveLength(1);
      await expect(accounts.signIn({ email, password: 'Brand-New-Password-7' }, { ip: randomIp() })).resolves.toHaveProperty('token');
    });
  });
});
