import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { OutboxService, QueueName, type JobContext } from '@alliance/server-queue';
import { notificationType } from '@alliance/shared-core';
import { Reminder } from './entities';
import { REMINDER_FIRE_JOB } from './notifications.constants';
import { NotificationsService } from './notifications.service';

export interface ScheduleReminderInput {
  /** Deterministic, e.g. 'workshop:<id>:24h': scheduling the same key again moves the reminder. */
  key: string;
  runAt: Date;
  /** Ignored (stored empty) for keys whose recipients are resolved when the reminder fires. */
  userIds: string[];
  type: string;
  data: Record<string, string | number>;
  link?: string;
}

/** The people a reminder goes to, looked up when it fires (e.g. a workshop's confirmed registrants). */
export type ReminderRecipients = (manager: EntityManager, reminder: Reminder) => Promise<string[]>;

/**
 * Notifications to send later, for other domains (workshop reminders, deadlines). Each schedule()
 * writes a new delayed job in the caller's transaction and points the reminder at it; the job
 * fires only if it is still the reminder's current job, so moved or cancelled reminders never fire
 * from an old job.
 */
@Injectable()
export class ReminderService {
  private readonly logger = new Logger('Reminders');
  private readonly recipientsByPrefix = new Map<string, ReminderRecipients>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Reminders whose key starts with `prefix` go to the people `recipients` returns when they fire,
   * so a changing audience (registrations) never has to rewrite the reminder or move its job.
   */
  resolveRecipientsWhenFiring(prefix: string, recipients: ReminderRecipients): void {
    this.recipientsByPrefix.set(prefix, recipients);
  }

  private recipientsOf(key: string): ReminderRecipients | undefined {
    for (const [prefix, recipients] of this.recipientsByPrefix) if (key.startsWith(prefix)) return recipients;
    return undefined;
  }

  async schedule(manager: EntityManager, input: ScheduleReminderInput): Promise<void> {
    if (!input.key || input.key.length > 200) throw new Error('schedule(): key must be 1 to 200 characters');
    if (!notificationType(input.type)) throw new Error(`Unknown notification type "${input.type}"`);
    if (Number.isNaN(input.runAt.getTime())) throw new Error('schedule(): runAt is not a date');
    const userIds = this.recipientsOf(input.key) ? [] : [...new Set(input.userIds)];
    const data = JSON.stringify(input.data);
    const link = input.link ?? null;
    // Same time, still to fire: the job already queued will read the row, so only the row changes
    // (and nothing at all when nothing changed), with no new delayed job to relay.
    const [current] = (await manager.query(
      `SELECT id, run_at = $2 AS same_time, (user_ids = $3::uuid[] AND type = $4 AND data = $5::jsonb AND link IS NOT DISTINCT FROM $6) AS same_content
         FROM reminder WHERE key = $1 AND fired_at IS NULL FOR UPDATE`,
      [input.key, input.runAt, userIds, input.type, data, link],
    )) as Array<{ id: string; same_time: boolean; same_content: boolean }>;
    if (current?.same_time) {
      if (!current.same_content) {
        await manager.query(`UPDATE reminder SET user_ids = $2::uuid[], type = $3, data = $4::jsonb, link = $5, updated_at = now() WHERE id = $1`, [
          current.id,
          userIds,
          input.type,
          data,
          link,
        ]);
      }
      return;
    }
    // The reminder row is locked by the upsert, so two schedules of one key serialise.
    const [row] = (await manager.query(
      `INSERT INTO reminder (key, run_at, user_ids, type, data, link, outbox_id, version, fired_at)
       VALUES ($1, $2, $3::uuid[], $4, $5::jsonb, $6, gen_random_uuid(), 1, NULL)
       ON CONFLICT (key) DO UPDATE SET run_at = EXCLUDED.run_at, user_ids = EXCLUDED.user_ids, type = EXCLUDED.type, data = EXCLUDED.data,
         link = EXCLUDED.link, version = reminder.version + 1, fired_at = NULL, updated_at = now()
       RETURNING id`,
      [input.key, input.runAt, userIds, input.type, data, link],
    )) as Array<{ id: string }>;
    const outboxId = await this.outbox.enqueue(manager, {
      queue: QueueName.Notifications,
      name: REMINDER_FIRE_JOB,
      id: row.id,
      delayMs: input.runAt.getTime() - Date.now(),
    });
    await manager.query(`UPDATE reminder SET outbox_id = $2 WHERE id = $1`, [row.id, outboxId]);
  }

  /** Removes the reminder; a job already queued for it will find nothing to do. */
  async cancel(manager: EntityManager, key: string): Promise<boolean> {
    const [, count] = (await manager.query(`DELETE FROM reminder WHERE key = $1`, [key])) as [unknown, number];
    return count > 0;
  }

  /** `notifications/reminder.fire`. */
  readonly fire = async (job: JobContext): Promise<void> => {
    await this.dataSource.transaction(async (manager) => {
      const reminder = await manager.findOne(Reminder, { where: { id: job.id }, lock: { mode: 'pessimistic_write' } });
      if (!reminder || reminder.outboxId !== job.outboxId || reminder.firedAt) return;
      const recipients = this.recipientsOf(reminder.key);
      const userIds = recipients ? await recipients(manager, reminder) : reminder.userIds;
      await this.notifications.notify(manager, {
        userIds,
        type: reminder.type,
        data: reminder.data,
        link: reminder.link ?? undefined,
        dedupeKey: `reminder:${reminder.key}:v${reminder.version}`,
      });
      await manager.update(Reminder, { id: reminder.id }, { firedAt: new Date() });
      this.logger.log(`Reminder ${reminder.key} fired for ${userIds.length} person(s)`);
    });
  };
}
