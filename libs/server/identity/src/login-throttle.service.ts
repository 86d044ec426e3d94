import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RateLimitService } from '@alliance/server-graphql';
import { LoginAttempt } from './entities';

/**
 * Rate limit of sign-ins, counted in Redis by RateLimitService so every api process sees the same
 * numbers: at most LIMITS.loginFailuresPerAccount wrong passwords per e-mail (since its last
 * success) and LIMITS.loginFailuresPerIp per IP within LIMITS.loginWindowMinutes.
 *
 * An attempt reserves its place before the password is checked (one atomic increment per key), so
 * guesses arriving at once cannot all slip past the limit; attempts that turn out not to be
 * failures give their place back.
 */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly limits: RateLimitService) {}

  /** Reserves one attempt: 0 when it may go ahead, else the minutes until one may. */
  async reserve(email: string, ip: string): Promise<number> {
    const [account, byIp] = await Promise.all([this.limits.hit('signInFailuresPerAccount', email), this.limits.hit('signInFailuresPerIp', ip)]);
    if (account.allowed && byIp.allowed) return 0;
    // A refused attempt checks no password, so it is no failure: give back what it took.
    await this.release(email, ip, { account: account.allowed, ip: byIp.allowed });
    return Math.max(1, Math.ceil(Math.max(account.retryAfterSeconds, byIp.retryAfterSeconds) / 60));
  }

  /** The reserved attempt was not a failure (right password, address not yet confirmed). */
  async release(email: string, ip: string, which: { account: boolean; ip: boolean } = { account: true, ip: true }): Promise<void> {
    await Promise.all([
      which.account ? this.limits.refund('signInFailuresPerAccount', email) : undefined,
      which.ip ? this.limits.refund('signInFailuresPerIp', ip) : undefined,
    ]);
  }

  /** A success: the account's failures are forgotten, and this attempt does not count for the IP. */
  async succeeded(email: string, ip: string): Promise<void> {
    await Promise.all([this.limits.reset('signInFailuresPerAccount', email), this.limits.refund('signInFailuresPerIp', ip)]);
  }

  /** Keeps a record of the attempt (who tried which address from where), for incident review. */
  async record(manager: EntityManager, email: string, ip: string, succeeded: boolean): Promise<void> {
    await manager.insert(LoginAttempt, { email: email.slice(0, 254), ip: ip.slice(0, 64), succeeded });
  }
}
