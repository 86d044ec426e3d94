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
  userIds: string[];
  type: string;
  data: Record<string, string | number>;
  link?: string;
}

/**
 * Notifications to send later, for other domains (workshop reminders, deadlines). Each schedule()
 * writes a new delayed job in the caller's transaction and points the reminder at it; the job
 * fires only if it is still the reminder's current job, so moved or cancelled reminders never fire
 * from an old job.
 */
@Injectable()
export class ReminderService {
  private readonly logger = new Logger('Reminders');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly notifications: NotificationsService,
  ) {}

  async schedule(manager: EntityManager, input: ScheduleReminderInput): Promise<void> {
    if (!input.key || input.key.length > 200) throw new Error('schedule(): key must be 1 to 200 characters');
    if (!notificationType(input.type)) throw new Error(`Unknown notification type "${input.type}"`);
    if (Number.isNaN(input.runAt.getTime())) throw new Error('schedule(): runAt is not a date');
    // The reminder row is locked by the upsert, so two schedules of one key serialise.
    const [row] = (await manager.query(
      `INSERT INTO reminder (key, run_at, user_ids, type, data, link, outbox_id, version, fired_at)
       VALUES ($1, $2, $3::uuid[], $4, $5::jsonb, $6, gen_random_uuid(), 1, NULL)
       ON CONFLICT (key) DO UPDATE SET run_at = EXCLUDED.run_at, user_ids = EXCLUDED.user_ids, type = EXCLUDED.type, data = EXCLUDED.data,
         link = EXCLUDED.link, version = reminder.version + 1, fired_at = NULL, updated_at = now()
       RETURNING id`,
      [input.key, input.runAt, [...new Set(input.userIds)], input.type, JSON.stringify(input.data), input.link ?? null],
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
      await this.notifications.notify(manager, {
        userIds: reminder.userIds,
        type: reminder.type,
        data: reminder.data,
        link: reminder.link ?? undefined,
        dedupeKey: `reminder:${reminder.key}:v${reminder.version}`,
      });
      await manager.update(Reminder, { id: reminder.id }, { firedAt: new Date() });
      this.logger.log(`Reminder ${reminder.key} fired for ${reminder.userIds.length} person(s)`);
    });
  };
}
