import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RateLimitService } from '@alliance/server-graphql';
import { LoginAttempt } from './entities';

/**
 * Rate limit of sign-ins, counted in Redis by RateLimitService so every api process sees the same
 * numbers: at most LIMITS.loginFailuresPerAccount wrong passwords per e-mail (since its last
 * success) and LIMITS.loginFailuresPerIp per IP within LIMITS.loginWindowMinutes.
 *
 * Per account, an attempt reserves its place before the password is checked (one atomic increment),
 * so guesses at one account arriving at once cannot slip past the limit; attempts that turn out not
 * to be failures give their place back. Per IP, only failures are counted, after the check (the
 * library's documented pattern): reserving there too would refuse a room of people signing in at
 * once behind one address (a workshop, a ministry's office) although none of them failed. A burst
 * of wrong guesses from one IP can overshoot its limit by the requests already in flight, each of
 * which pays a full password hash.
 */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly limits: RateLimitService) {}

  /** Reserves one attempt: 0 when it may go ahead, else the minutes until one may. */
  async reserve(email: string, ip: string): Promise<number> {
    const byIp = await this.limits.peek('signInFailuresPerIp', ip);
    if (!byIp.allowed) return toMinutes(byIp.retryAfterSeconds);
    const account = await this.limits.hit('signInFailuresPerAccount', email);
    if (account.allowed) return 0;
    // A refused attempt checks no password, so it is no failure: give back what it took.
    await this.limits.refund('signInFailuresPerAccount', email);
    return toMinutes(account.retryAfterSeconds);
  }

  /** The reserved attempt was not a failure (right password, address not yet confirmed). */
  async release(email: string): Promise<void> {
    await this.limits.refund('signInFailuresPerAccount', email);
  }

  /** A wrong password: the account keeps its reserved place, and the IP counts one failure. */
  async failed(ip: string): Promise<void> {
    await this.limits.hit('signInFailuresPerIp', ip);
  }

  /** A success: the account's failures are forgotten. */
  async succeeded(email: string): Promise<void> {
    await this.limits.reset('signInFailuresPerAccount', email);
  }

  /** Keeps a record of the attempt (who tried which address from where), for incident review. */
  async record(manager: EntityManager, email: string, ip: string, succeeded: boolean): Promise<void> {
    await manager.insert(LoginAttempt, { email: email.slice(0, 254), ip: ip.slice(0, 64), succeeded });
  }
}

function toMinutes(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}
