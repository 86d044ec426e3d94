import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AnonymiseContext, PersonalDataContributor } from './personal-data.registry';

/**
 * Identity's share of a person's data: profile, portal roles, sessions, sign-in attempts and the
 * e-mails the portal sent them. Secrets never leave: no password hash, no token hashes, no e-mail
 * parameters (they carry the one-time links).
 */
@Injectable()
// Not in the registry: PersonalDataService calls it first for the export and last for the deletion.
export class IdentityPersonalData implements PersonalDataContributor {
  readonly section = 'account';

  async export(userId: string, manager: EntityManager): Promise<unknown> {
    const [profile] = (await manager.query(
      `SELECT name, email, country_code AS "countryCode", preferred_locale AS "preferredLocale",
              email_verified_at AS "emailVerifiedAt", created_at AS "createdAt", updated_at AS "updatedAt"
         FROM users WHERE id = $1`,
      [userId],
    )) as Array<{ email: string }>;
    const roles = await manager.query(`SELECT role, granted_at AS "grantedAt" FROM user_roles WHERE user_id = $1 ORDER BY granted_at`, [userId]);
    const sessions = await manager.query(
      `SELECT created_at AS "createdAt", last_seen_at AS "lastSeenAt", expires_at AS "expiresAt", revoked_at AS "revokedAt", ip, user_agent AS "userAgent"
         FROM sessions WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
    const signInAttempts = profile
      ? await manager.query(`SELECT created_at AS "at", ip, succeeded FROM login_attempts WHERE email = $1 ORDER BY created_at`, [profile.email])
      : [];
    const emails = profile
      ? await manager.query(
          `SELECT created_at AS "createdAt", template, locale, status, sent_at AS "sentAt" FROM outgoing_email WHERE to_address = $1 ORDER BY created_at`,
          [profile.email],
        )
      : [];
    return { profile: profile ?? null, roles, sessions, signInAttempts, emails };
  }

  async anonymise(userId: string, manager: EntityManager, context: AnonymiseContext): Promise<void> {
    await manager.query(`DELETE FROM user_roles WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM email_tokens WHERE user_id = $1`, [userId]);
    // Every session ends now; where and with what browser the person signed in is theirs, so it goes too.
    await manager.query(
      `UPDATE sessions SET revoked_at = COALESCE(revoked_at, now()), ip = NULL, user_agent = NULL, updated_at = now() WHERE user_id = $1`,
      [userId],
    );
    await manager.query(`DELETE FROM login_attempts WHERE email = $1`, [context.previousEmail]);
    // E-mails still queued are dropped (their job then finds nothing to send); the others stay as a
    // count with the address and the parameters (names, links) blanked.
    await manager.query(`DELETE FROM outgoing_email WHERE to_address = $1 AND status = 'queued'`, [context.previousEmail]);
    await manager.query(
      `UPDATE outgoing_email SET to_address = $2, to_name = $3, params = '{}'::jsonb, updated_at = now() WHERE to_address = $1`,
      [context.previousEmail, context.placeholderEmail, context.placeholderName],
    );
    await manager.query(
      `UPDATE users SET name = $2, email = $3, password_hash = '!deleted', email_verified_at = NULL, deleted_at = now(), updated_at = now() WHERE id = $1`,
      [userId, context.placeholderName, context.placeholderEmail],
    );
  }
}
