import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MailOutbox } from '@alliance/server-mail';
import type { JobContext } from '@alliance/server-queue';
import { notificationType } from '@alliance/shared-core';
import { NotificationBatch } from '../entities';
import { FANOUT_CHUNK, FANOUT_PARALLEL } from '../notifications.constants';

interface InsertedRow {
  id: string;
  user_id: string;
  email_frequency: string;
  email: string;
  name: string;
  locale: string;
}

/**
 * `notifications/notifications.fanout`: turns one NotificationBatch into per-person rows, FANOUT_CHUNK
 * per multi-row INSERT (FANOUT_PARALLEL chunks at once), and queues the immediate e-mails of each
 * chunk in the same transaction. A rerun (redelivery, a worker killed half-way) inserts nothing
 * twice: (batch, user) and (user, type, dedupeKey) are unique, and only rows this run inserted get
 * an e-mail, whose key is unique too.
 */
@Injectable()
export class FanoutJob {
  private readonly logger = new Logger('FanoutJob');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mailOutbox: MailOutbox,
  ) {}

  readonly handle = async (job: JobContext): Promise<void> => {
    const batch = await this.dataSource.getRepository(NotificationBatch).findOneBy({ id: job.id });
    if (!batch) {
      this.logger.warn(`Notification batch ${job.id} does not exist; nothing to do`);
      return;
    }
    if (batch.completedAt) return;
    const definition = notificationType(batch.type);
    if (!definition) throw new Error(`Unknown notification type "${batch.type}"`);
    const chunks: string[][] = [];
    for (let start = 0; start < batch.recipients.length; start += FANOUT_CHUNK) chunks.push(batch.recipients.slice(start, start + FANOUT_CHUNK));
    // A few chunks at once: each is its own transaction over distinct people, so they never conflict,
    // and a rerun after a failure skips what committed (see the class comment).
    let next = 0;
    const lane = async () => {
      while (next < chunks.length) {
        const chunk = chunks[next++];
        await this.insertChunk(batch, chunk, definition.transactional, definition.defaultInApp, definition.defaultEmail);
      }
    };
    const results = await Promise.allSettled(Array.from({ length: Math.min(FANOUT_PARALLEL, chunks.length) }, lane));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    await this.dataSource.query(`UPDATE notification_batch SET completed_at = now() WHERE id = $1 AND completed_at IS NULL`, [batch.id]);
  };

  private async insertChunk(batch: NotificationBatch, userIds: string[], transactional: boolean, defaultInApp: boolean, defaultEmail: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // Preferences are read with the insert; transactional types ignore them.
      const rows = (await manager.query(
        `WITH recipients AS (
           SELECT u.id AS user_id, u.email, u.name, u.preferred_locale AS locale,
                  CASE WHEN $7 THEN true ELSE coalesce(p.in_app, $8) END AS in_app,
                  CASE WHEN $7 THEN 'immediately' ELSE coalesce(p.email, $9) END AS email_frequency
             FROM unnest($1::uuid[]) AS r(id)
             JOIN users u ON u.id = r.id AND u.deleted_at IS NULL -- deleted accounts hear nothing
             LEFT JOIN notification_preference p ON p.user_id = u.id AND p.type = $2
         ), inserted AS (
           INSERT INTO notification (user_id, type, data, link, dedupe_key, batch_id, in_app, email_frequency, email_queued_at, email_key)
           SELECT user_id, $2, $3::jsonb, $4, $5, $6, in_app, email_frequency, NULL, NULL
             FROM recipients WHERE in_app OR email_frequency <> 'off'
           ON CONFLICT DO NOTHING
           RETURNING id, user_id, email_frequency
         )
         SELECT i.id, i.user_id, i.email_frequency, r.email, r.name, r.locale FROM inserted i JOIN recipients r ON r.user_id = i.user_id
          WHERE i.email_frequency = 'immediately'`,
        [userIds, batch.type, JSON.stringify(batch.data), batch.link, batch.dedupeKey, batch.id, transactional, defaultInApp, defaultEmail],
      )) as InsertedRow[];
      // Only the rows that need an e-mail now come back (an in-app-only fan-out returns none).
      const immediate = rows;
      if (!immediate.length) return;
      await this.mailOutbox.queueEmails(
        manager,
        immediate.map((row) => ({
          to: row.email,
          toName: row.name,
          locale: row.locale,
          template: 'notification' as const,
          // Rendered when sent, from the notification row, in this language.
          params: { notificationId: row.id },
          dedupeKey: `notification:${row.id}`,
        })),
      );
      await manager.query(
        `UPDATE notification SET email_queued_at = now(), email_key = 'notification:' || id::text WHERE id = ANY($1::uuid[])`,
        [immediate.map((row) => row.id)],
      );
    });
  }
}
