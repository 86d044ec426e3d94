import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { OutboxRelay } from './outbox.relay';
import type { QueueCounts, QueueDriver } from './queue-driver';
import { QUEUE_NAMES, type QueueName } from './queue.constants';
import { QUEUE_DRIVER } from './queue.tokens';

export interface QueueOverview extends QueueCounts {
  name: QueueName;
}

export interface DeadLetter {
  id: string;
  queue: string;
  jobName: string;
  attempts: number;
  lastError: string | null;
  failedAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What administrators see of the queues. Dead letters are outbox rows whose job ran out of
 * attempts (failedAt): they stay there, with their last error, until someone retries them.
 */
@Injectable()
export class QueueAdmin {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(QUEUE_DRIVER) private readonly driver: QueueDriver,
    private readonly relay: OutboxRelay,
  ) {}

  async overview(): Promise<QueueOverview[]> {
    return Promise.all(QUEUE_NAMES.map(async (name) => ({ name, ...((await this.driver.counts(name).catch(() => null)) ?? (await this.outboxCounts(name))) })));
  }

  /** Newest failure first; `after` is the id of the last row of the previous page. */
  async deadLetters(first: number, after?: string | null): Promise<{ rows: DeadLetter[]; total: number; hasNextPage: boolean }> {
    const params: unknown[] = [];
    let cursor = '';
    if (after) {
      if (!UUID.test(after)) return { rows: [], total: 0, hasNextPage: false };
      params.push(after);
      cursor = `AND (failed_at, id) < (SELECT failed_at, id FROM outbox_message WHERE id = $1)`;
    }
    params.push(first + 1);
    const rows = (await this.dataSource.query(
      `SELECT id, queue, job_name, attempts, last_error, failed_at FROM outbox_message
        WHERE failed_at IS NOT NULL ${cursor} ORDER BY failed_at DESC, id DESC LIMIT $${params.length}`,
      params,
    )) as Array<{ id: string; queue: string; job_name: string; attempts: number; last_error: string | null; failed_at: Date }>;
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM outbox_message WHERE failed_at IS NOT NULL`)) as Array<{ total: number }>;
    return {
      total,
      hasNextPage: rows.length > first,
      rows: rows.slice(0, first).map((r) => ({ id: r.id, queue: r.queue, jobName: r.job_name, attempts: r.attempts, lastError: r.last_error, failedAt: r.failed_at })),
    };
  }

  /** Puts a dead letter back in the queue with fresh attempts; false when there is no such dead letter. */
  async retry(id: string): Promise<boolean> {
    if (!UUID.test(id)) return false;
    const [row] = (await this.dataSource.query(`SELECT queue FROM outbox_message WHERE id = $1 AND failed_at IS NOT NULL`, [id])) as Array<{ queue: QueueName }>;
    if (!row) return false;
    // The queue still holds the failed job under this id: drop it first, or the re-add is ignored.
    await this.driver.removeJob(row.queue, id);
    const [, count] = (await this.dataSource.query(
      `UPDATE outbox_message SET failed_at = NULL, completed_at = NULL, relayed_at = NULL, attempts = 0, available_at = now()
        WHERE id = $1 AND failed_at IS NOT NULL`,
      [id],
    )) as [unknown, number];
    if (count) this.relay.nudge();
    return count > 0;
  }

  private async outboxCounts(queue: QueueName): Promise<QueueCounts> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE completed_at IS NULL AND failed_at IS NULL AND available_at <= now())::int AS waiting,
              count(*) FILTER (WHERE completed_at IS NULL AND failed_at IS NULL AND available_at > now())::int AS delayed,
              count(*) FILTER (WHERE failed_at IS NOT NULL)::int AS failed,
              count(*) FILTER (WHERE completed_at IS NOT NULL)::int AS completed
         FROM outbox_message WHERE queue = $1`,
      [queue],
    )) as Array<Omit<QueueCounts, 'active'>>;
    return { ...row, active: 0 };
  }
}
