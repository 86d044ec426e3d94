import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@alliance/server-config';
import type { RequestContext, SessionUser } from '@alliance/server-graphql';
import { isLocale, DEFAULT_LOCALE, type Role } from '@alliance/shared-core';
import { Session } from './entities';
import { sessionTokenFromRequest } from './cookies';
import { hashToken, looksLikeToken, newToken } from './tokens';

export interface SessionMeta {
  ip?: string | null;
  userAgent?: string | null;
}

/**
 * Server-side sessions behind the session cookie (`__Host-alliance_session` over HTTPS,
 * `alliance_session` over plain http): created at sign-in, revocable at any time, refused once
 * unused for SESSION_IDLE_HOURS or older than SESSION_ABSOLUTE_DAYS. The cookie holds 32 random
 * bytes; the database keeps only their SHA-256.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Opens a session and returns the raw token for the cookie (it is not stored anywhere). */
  async create(userId: string, meta: SessionMeta = {}, manager: EntityManager = this.dataSource.manager): Promise<{ token: string; sessionId: string }> {
    const token = newToken();
    const result = await manager.insert(Session, {
      userId,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + this.config.SESSION_ABSOLUTE_DAYS * 24 * 60 * 60 * 1000),
      revokedAt: null,
      ip: meta.ip?.slice(0, 64) ?? null,
      userAgent: meta.userAgent?.slice(0, 512) ?? null,
    });
    return { token, sessionId: String(result.identifiers[0].id) };
  }

  /** The person behind the request's session cookie (the name that fits the request), if any. */
  resolveRequest(req: Pick<RequestContext['req'], 'headers' | 'secure'>): Promise<SessionUser | undefined> {
    return this.resolve(sessionTokenFromRequest(req, this.config));
  }

  /**
   * The person behind a cookie token, or undefined when the session is unknown, revoked, past its
   * absolute expiry or idle longer than SESSION_IDLE_HOURS. One query (user and roles together);
   * lastSeenAt is bumped at most once a minute to spare writes, so idleness is measured to a minute.
   */
  async resolve(rawToken: string | null | undefined): Promise<SessionUser | undefined> {
    if (!looksLikeToken(rawToken)) return undefined;
    const rows: Array<{ session_id: string; stale: boolean; id: string; name: string; email: string; preferred_locale: string; roles: Role[] }> =
      await this.dataSource.query(
        `SELECT s.id AS session_id, s.last_seen_at < now() - interval '1 minute' AS stale,
                u.id, u.name, u.email, u.preferred_locale,
                COALESCE(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
           FROM sessions s
           JOIN users u ON u.id = s.user_id
           LEFT JOIN user_roles r ON r.user_id = u.id
          WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
            AND s.last_seen_at > now() - make_interval(hours => $2)
          GROUP BY s.id, u.id`,
        [hashToken(rawToken), this.config.SESSION_IDLE_HOURS],
      );
    const row = rows[0];
    if (!row) return undefined;
    if (row.stale) {
      await this.dataSource.query(`UPDATE sessions SET last_seen_at = now() WHERE id = $1 AND last_seen_at < now() - interval '1 minute'`, [
        row.session_id,
      ]);
    }
    return {
      id: row.id,
      sessionId: row.session_id,
      name: row.name,
      email: row.email,
      roles: row.roles,
      locale: isLocale(row.preferred_locale) ? row.preferred_locale : DEFAULT_LOCALE,
    };
  }

  async revoke(sessionId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE sessions SET revoked_at = now(), updated_at = now() WHERE id = $1 AND revoked_at IS NULL`, [sessionId]);
  }

  /** Revokes every open session of a user, optionally keeping one (the caller's own). */
  async revokeAllForUser(userId: string, options: { except?: string; manager?: EntityManager } = {}): Promise<void> {
    const manager = options.manager ?? this.dataSource.manager;
    await manager.query(
      `UPDATE sessions SET revoked_at = now(), updated_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)`,
      [userId, options.except ?? null],
    );
  }
}
