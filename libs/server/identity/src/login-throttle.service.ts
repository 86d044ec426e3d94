import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LIMITS } from '@alliance/shared-core';
import { LoginAttempt } from './entities';

/**
 * Rate limit of sign-ins, counted in PostgreSQL so every api process sees the same numbers:
 * at most LIMITS.loginFailuresPerAccount failures per e-mail (since its last success) and
 * LIMITS.loginFailuresPerIp failures per IP within LIMITS.loginWindowMinutes.
 */
@Injectable()
export class LoginThrottleService {
  /** Minutes until a new attempt is allowed, or 0 when it is allowed now. */
  async blockedForMinutes(manager: EntityManager, email: string, ip: string): Promise<number> {
    // The N-th most recent failure in the window: when it leaves the window, fewer than N remain.
    const [account]: Array<{ minutes: number }> = await manager.query(
      `SELECT ceil(extract(epoch FROM created_at + make_interval(mins => $2) - now()) / 60)::int AS minutes
         FROM login_attempts
        WHERE email = $1 AND NOT succeeded AND created_at > now() - make_interval(mins => $2)
          AND created_at > COALESCE((SELECT max(created_at) FROM login_attempts WHERE email = $1 AND succeeded), '-infinity')
        ORDER BY created_at DESC OFFSET $3 LIMIT 1`,
      [email, LIMITS.loginWindowMinutes, LIMITS.loginFailuresPerAccount - 1],
    );
    const [byIp]: Array<{ minutes: number }> = await manager.query(
      `SELECT ceil(extract(epoch FROM created_at + make_interval(mins => $2) - now()) / 60)::int AS minutes
         FROM login_attempts
        WHERE ip = $1 AND NOT succeeded AND created_at > now() - make_interval(mins => $2)
        ORDER BY created_at DESC OFFSET $3 LIMIT 1`,
      [ip, LIMITS.loginWindowMinutes, LIMITS.loginFailuresPerIp - 1],
    );
    const minutes = Math.max(account?.minutes ?? 0, byIp?.minutes ?? 0);
    return minutes > 0 ? minutes : account || byIp ? 1 : 0;
  }

  async record(manager: EntityManager, email: string, ip: string, succeeded: boolean): Promise<void> {
    await manager.insert(LoginAttempt, { email: email.slice(0, 254), ip: ip.slice(0, 64), succeeded });
  }
}
