import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '@alliance/server-config';
import { AppError, RateLimitService, parseInput, type SessionUser } from '@alliance/server-graphql';
import { MailOutbox } from '@alliance/server-mail';
import {
  ErrorCode,
  LIMITS,
  changePasswordSchema,
  emailSchema,
  resetPasswordSchema,
  returnToSchema,
  signInSchema,
  signUpSchema,
  type Locale,
} from '@alliance/shared-core';
import { User } from './entities';
import { EmailTokensService } from './email-tokens.service';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
import { SessionService, type SessionMeta } from './session.service';
import { isUniqueViolation } from './db-errors';
import { AccountLifecycle } from './account-lifecycle';

/** A second e-mail of the same kind within this time is silently skipped (stops inbox flooding). */
const RESEND_THROTTLE_SECONDS = 60;

const emailOnly = z.object({ email: emailSchema });
const resendInput = z.object({ email: emailSchema, returnTo: returnToSchema.nullish() });

type SignInOutcome = { kind: 'ok'; user: User; token: string } | { kind: 'invalid' } | { kind: 'unverified' } | { kind: 'limited'; minutes: number };

/** Accounts: sign-up, e-mail verification, sign-in and out, password reset and change. */
@Injectable()
export class AccountService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailOutbox,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly tokens: EmailTokensService,
    private readonly throttle: LoginThrottleService,
    private readonly limits: RateLimitService,
    private readonly lifecycle: AccountLifecycle,
  ) {}

  /** Creates an unverified account and queues its verification e-mail in the same transaction. */
  async signUp(input: unknown, meta: SessionMeta = {}): Promise<User> {
    // Counted before anything else: each attempt costs a password hash and may send an e-mail.
    // Callers without an address (seeds, scripts: not a request) have no per-IP limit.
    if (meta.ip) await this.limits.consume('signUpPerIp', meta.ip);
    const values = parseInput(signUpSchema, input);
    const emailTaken = () => new AppError(ErrorCode.Conflict, 'errors:emailTaken', {}, [{ field: 'email', key: 'errors:emailTaken' }]);
    // Fast path; the unique index below is what holds under concurrency.
    if (await this.dataSource.getRepository(User).existsBy({ email: values.email })) throw emailTaken();
    const passwordHash = await this.passwords.hash(values.password);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const user = await manager.save(
          manager.create(User, {
            email: values.email,
            name: values.name,
            passwordHash,
            countryCode: values.countryCode,
            preferredLocale: values.preferredLocale,
            emailVerifiedAt: null,
          }),
        );
        const token = await this.tokens.issue(manager, user.id, 'verify', LIMITS.verificationTokenHours * 60);
        await this.mail.queueEmail(manager, {
          to: user.email,
          toName: user.name,
          locale: user.preferredLocale,
          template: 'verify',
          params: { name: user.name, link: this.verifyLink(token, values.returnTo), hours: LIMITS.verificationTokenHours },
        });
        return user;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_unique')) throw emailTaken();
      throw error;
    }
  }

  async verifyEmail(token: string): Promise<true> {
    await this.dataSource.transaction(async (manager) => {
      const userId = await this.tokens.consume(manager, token, 'verify');
      if (!userId) throw invalidToken();
      const [, verifiedNow] = (await manager.query(`UPDATE users SET email_verified_at = now(), updated_at = now() WHERE id = $1 AND email_verified_at IS NULL`, [userId])) as [unknown, number];
      if (verifiedNow) await this.lifecycle.emailVerified(manager, userId);
    });
    return true;
  }

  /** Always true, whether or not the address has an account (no account enumeration). */
  async resendVerification(email: string, returnTo?: string | null): Promise<true> {
    const values = parseInput(resendInput, { email, returnTo });
    const user = await this.dataSource.getRepository(User).findOneBy({ email: values.email });
    if (!user || user.emailVerifiedAt) return true;
    await this.dataSource.transaction(async (manager) => {
      if (await this.tokens.issuedWithin(manager, user.id, 'verify', RESEND_THROTTLE_SECONDS)) return;
      const token = await this.tokens.issue(manager, user.id, 'verify', LIMITS.verificationTokenHours * 60);
      await this.mail.queueEmail(manager, {
        to: user.email,
        toName: user.name,
        locale: user.preferredLocale,
        template: 'verify',
        params: { name: user.name, link: this.verifyLink(token, values.returnTo), hours: LIMITS.verificationTokenHours },
      });
    });
    return true;
  }

  /**
   * Checks the password and opens a session. Each attempt first reserves its place in the per-account
   * limit (atomic in Redis), so concurrent guesses cannot slip past it, and is refused while its IP is
   * over the failure limit; a wrong password counts for the IP (see LoginThrottleService). The attempt is
   * recorded even when the answer is a refusal (the transaction returns an outcome instead of throwing).
   */
  async signIn(input: unknown, meta: SessionMeta = {}): Promise<{ user: User; token: string }> {
    const { email, password } = parseInput(signInSchema, input);
    const ip = meta.ip || 'unknown';
    const minutes = await this.throttle.reserve(email, ip);
    const outcome: SignInOutcome = minutes
      ? { kind: 'limited', minutes }
      : await this.dataSource.transaction(async (manager): Promise<SignInOutcome> => {
          const user = await manager.findOneBy(User, { email });
          const valid = user ? await this.passwords.verify(user.passwordHash, password) : await this.passwords.verifyDummy(password);
          if (!user || !valid) {
            await this.throttle.record(manager, email, ip, false);
            return { kind: 'invalid' };
          }
          // The password was right: not a failure, but no session before the address is confirmed.
          if (!user.emailVerifiedAt) return { kind: 'unverified' };
          await this.throttle.record(manager, email, ip, true);
          const { token } = await this.sessions.create(user.id, meta, manager);
          return { kind: 'ok', user, token };
        });
    if (outcome.kind === 'ok') await this.throttle.succeeded(email);
    else if (outcome.kind === 'unverified') await this.throttle.release(email);
    else if (outcome.kind === 'invalid') await this.throttle.failed(ip);
    switch (outcome.kind) {
      case 'ok':
        return { user: outcome.user, token: outcome.token };
      case 'limited':
        throw new AppError(ErrorCode.RateLimited, 'errors:rateLimited', { minutes: outcome.minutes });
      case 'unverified':
        throw new AppError(ErrorCode.EmailNotVerified, 'errors:emailNotVerified');
      default:
        throw AppError.unauthenticated('errors:invalidCredentials');
    }
  }

  async signOut(sessionId: string): Promise<true> {
    await this.sessions.revoke(sessionId);
    return true;
  }

  async signOutEverywhere(userId: string): Promise<true> {
    await this.sessions.revokeAllForUser(userId);
    return true;
  }

  /** Always true (no account enumeration); the link is valid LIMITS.resetTokenMinutes. */
  async requestPasswordReset(email: string, meta: SessionMeta = {}): Promise<true> {
    const values = parseInput(emailOnly, { email });
    // Per address whether or not it has an account, so the refusal reveals nothing either.
    if (meta.ip) await this.limits.consume('passwordResetPerIp', meta.ip);
    await this.limits.consume('passwordResetPerAccount', values.email);
    const user = await this.dataSource.getRepository(User).findOneBy({ email: values.email });
    if (!user) return true;
    await this.dataSource.transaction(async (manager) => {
      if (await this.tokens.issuedWithin(manager, user.id, 'reset', RESEND_THROTTLE_SECONDS)) return;
      const token = await this.tokens.issue(manager, user.id, 'reset', LIMITS.resetTokenMinutes);
      await this.mail.queueEmail(manager, {
        to: user.email,
        toName: user.name,
        locale: user.preferredLocale,
        template: 'reset',
        params: { name: user.name, link: this.link('/reset-password', token), minutes: LIMITS.resetTokenMinutes },
      });
    });
    return true;
  }

  /**
   * Sets a new password from an e-mailed link: single use, voids the other reset links, signs out
   * every session, and confirms the address (the link proved the person reads that mailbox).
   */
  async resetPassword(input: unknown): Promise<true> {
    const values = parseInput(resetPasswordSchema, input);
    const passwordHash = await this.passwords.hash(values.newPassword);
    await this.dataSource.transaction(async (manager) => {
      const userId = await this.tokens.consume(manager, values.token, 'reset');
      if (!userId) throw invalidToken();
      const [wasUnverified] = (await manager.query(`SELECT email_verified_at IS NULL AS "unverified" FROM users WHERE id = $1 FOR UPDATE`, [userId])) as Array<{ unverified: boolean }>;
      await manager.query(
        `UPDATE users SET password_hash = $2, email_verified_at = COALESCE(email_verified_at, now()), updated_at = now() WHERE id = $1`,
        [userId, passwordHash],
      );
      if (wasUnverified?.unverified) await this.lifecycle.emailVerified(manager, userId);
      await this.tokens.voidAll(manager, userId, 'reset');
      await this.sessions.revokeAllForUser(userId, { manager });
    });
    return true;
  }

  /** Changes the password of the signed-in person, signs out their other sessions and tells them by e-mail. */
  async changePassword(current: SessionUser, input: unknown): Promise<true> {
    const values = parseInput(changePasswordSchema, input);
    const user = await this.dataSource.getRepository(User).findOneBy({ id: current.id });
    if (!user) throw AppError.unauthenticated();
    if (!(await this.passwords.verify(user.passwordHash, values.currentPassword))) {
      throw AppError.badInput([{ field: 'currentPassword', key: 'errors:wrongCurrentPassword' }], 'errors:wrongCurrentPassword');
    }
    const passwordHash = await this.passwords.hash(values.newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [user.id, passwordHash]);
      await this.sessions.revokeAllForUser(user.id, { except: current.sessionId, manager });
      await this.mail.queueEmail(manager, {
        to: user.email,
        toName: user.name,
        locale: user.preferredLocale as Locale,
        template: 'passwordChanged',
        params: { name: user.name, link: `${this.config.publicUrl}/forgot-password` },
      });
    });
    return true;
  }

  private link(path: string, token: string): string {
    return `${this.config.publicUrl}${path}?token=${encodeURIComponent(token)}`;
  }

  /** The verification link; with a return path, the page then leads to sign-in and back there. */
  private verifyLink(token: string, returnTo: string | null | undefined): string {
    const link = this.link('/verify-email', token);
    return returnTo ? `${link}&next=${encodeURIComponent(returnTo)}` : link;
  }
}

function invalidToken(): AppError {
  return new AppError(ErrorCode.BadUserInput, 'errors:tokenInvalidOrExpired', {}, [{ field: 'token', key: 'validation:tokenInvalid' }]);
}
