import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EmailToken, type EmailTokenPurpose } from './entities';
import { hashToken, looksLikeToken, newToken } from './tokens';

/** Single-use e-mailed secrets. The raw token goes into the link only; the database keeps its hash. */
@Injectable()
export class EmailTokensService {
  async issue(manager: EntityManager, userId: string, purpose: EmailTokenPurpose, validMinutes: number): Promise<string> {
    const token = newToken();
    await manager.insert(EmailToken, {
      userId,
      purpose,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + validMinutes * 60_000),
      usedAt: null,
    });
    return token;
  }

  /**
   * Marks the token used and returns its user, or undefined when it is unknown, used or expired.
   * One conditional UPDATE, so two concurrent uses cannot both succeed.
   */
  async consume(manager: EntityManager, token: unknown, purpose: EmailTokenPurpose): Promise<string | undefined> {
    if (!looksLikeToken(token)) return undefined;
    const rows: Array<{ user_id: string }> = await manager.query(
      `WITH used AS (
         UPDATE email_tokens SET used_at = now(), updated_at = now()
          WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
          RETURNING user_id
       ) SELECT user_id FROM used`,
      [hashToken(token), purpose],
    );
    return rows[0]?.user_id;
  }

  /** Voids every open token of a purpose (e.g. older reset links once a reset succeeded). */
  async voidAll(manager: EntityManager, userId: string, purpose: EmailTokenPurpose): Promise<void> {
    await manager.query(`UPDATE email_tokens SET used_at = now(), updated_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`, [
      userId,
      purpose,
    ]);
  }

  /** Whether a token of this purpose was sent within the last `seconds` (throttles repeated e-mails). */
  async issuedWithin(manager: EntityManager, userId: string, purpose: EmailTokenPurpose, seconds: number): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM email_tokens WHERE user_id = $1 AND purpose = $2 AND created_at > now() - make_interval(secs => $3) LIMIT 1`,
      [userId, purpose, seconds],
    );
    return rows.length > 0;
  }
}
