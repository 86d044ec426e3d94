import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MailOutbox } from '@alliance/server-mail';

export type DigestPeriod = 'daily' | 'weekly';

const USERS_PER_PASS = 500;

/** The period a moment belongs to: the UTC day, or the ISO week (Monday's date). */
export function digestPeriodKey(period: DigestPeriod, now: Date): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (period === 'weekly') day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/**
 * Daily and weekly digests: each person's notifications still owed an e-mail at that frequency go
 * into one e-mail, keyed 'digest:<period>:<user>:<period key>' so a digest job that runs twice (or
 * in two workers) sends one e-mail per person and period.
 */
@Injectable()
export class DigestService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mailOutbox: MailOutbox,
  ) {}

  /** Returns how many digest e-mails it queued. */
  async run(period: DigestPeriod, now = new Date()): Promise<number> {
    const periodKey = digestPeriodKey(period, now);
    let queued = 0;
    let afterUser = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const users = (await this.dataSource.query(
        `SELECT DISTINCT user_id FROM notification
          WHERE email_frequency = $1 AND email_queued_at IS NULL AND created_at <= $2 AND user_id > $3
          ORDER BY user_id LIMIT $4`,
        [period, now, afterUser, USERS_PER_PASS],
      )) as Array<{ user_id: string }>;
      if (!users.length) return queued;
      afterUser = users[users.length - 1].user_id;
      queued += await this.dataSource.transaction(async (manager) => {
        const rows = (await manager.query(
          `SELECT n.id, n.user_id, u.email, u.name, u.preferred_locale AS locale
             FROM notification n JOIN users u ON u.id = n.user_id
            WHERE n.user_id = ANY($1::uuid[]) AND n.email_frequency = $2 AND n.email_queued_at IS NULL AND n.created_at <= $3
            ORDER BY n.user_id, n.created_at
              FOR UPDATE OF n SKIP LOCKED`,
          [users.map((u) => u.user_id), period, now],
        )) as Array<{ id: string; user_id: string; email: string; name: string; locale: string }>;
        const byUser = new Map<string, typeof rows>();
        for (const row of rows) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row]);
        const keyOf = (userId: string) => `digest:${period}:${userId}:${periodKey}`;
        const inserted = await this.mailOutbox.queueEmails(
          manager,
          [...byUser.values()].map((list) => ({
            to: list[0].email,
            toName: list[0].name,
            locale: list[0].locale,
            template: 'digest' as const,
            params: { period, periodKey },
            dedupeKey: keyOf(list[0].user_id),
          })),
        );
        // Only the people whose digest of this period was new: the others already had theirs and
        // their newer notifications wait for the next period.
        const done = new Set(inserted);
        const ids = rows.filter((row) => done.has(keyOf(row.user_id))).map((row) => row.id);
        if (ids.length) {
          await manager.query(
            `UPDATE notification SET email_queued_at = now(), email_key = 'digest:' || $2 || ':' || user_id::text || ':' || $3 WHERE id = ANY($1::uuid[])`,
            [ids, period, periodKey],
          );
        }
        return inserted.length;
      });
    }
  }
}
