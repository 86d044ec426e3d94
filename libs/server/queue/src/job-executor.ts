import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { OutboxMessage } from './entities/outbox-message.entity';
import { JobHandlerRegistry } from './job-handler.registry';
import { PermanentJobFailure } from './queue-driver';
import { DEFAULT_RETRY_POLICY, type JobData, type QueueName, type RetryPolicy } from './queue.constants';

export const RETRY_POLICY = Symbol('RETRY_POLICY');
const MAX_ERROR_LENGTH = 4000;

/**
 * The execution wrapper both drivers use: skips a job whose outbox row is already finished (so a
 * job added or delivered twice runs once), runs the handler, and records the outcome on the row.
 * Attempts are counted on the row, not by the driver, so a job re-added after a queue loss keeps
 * its count.
 */
@Injectable()
export class JobExecutor {
  private readonly logger = new Logger('Jobs');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: JobHandlerRegistry,
    @Optional() @Inject(RETRY_POLICY) readonly policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  ) {}

  readonly run = async (queue: QueueName, jobName: string, data: JobData): Promise<void> => {
    if (data.scheduled) {
      const scheduled = this.registry.getScheduled(queue, jobName);
      if (!scheduled) throw new Error(`No handler registered for scheduled job ${queue}/${jobName}`);
      return scheduled();
    }
    const repo = this.dataSource.getRepository(OutboxMessage);
    const row = await repo.findOneBy({ id: data.outboxId });
    if (!row) {
      this.logger.warn(`Job ${queue}/${jobName} ${data.outboxId}: no outbox row, nothing to do`);
      return;
    }
    if (row.completedAt || row.failedAt) return;
    const attempt = row.attempts + 1;
    const isLastAttempt = attempt >= this.policy.attempts;
    try {
      const handler = this.registry.get(queue, jobName);
      if (!handler) throw new Error(`No handler registered for job ${queue}/${jobName}`);
      await handler({ id: data.id, outboxId: data.outboxId, attempt, isLastAttempt });
    } catch (error) {
      const message = errorText(error);
      await repo
        .createQueryBuilder()
        .update()
        .set({ attempts: () => 'attempts + 1', lastError: message, ...(isLastAttempt ? { failedAt: () => 'now()' } : {}) })
        .where('id = :id', { id: row.id })
        .execute();
      if (isLastAttempt) {
        this.logger.error(`Job ${queue}/${jobName} ${row.id} failed for good after ${attempt} attempt(s): ${message}`);
        throw new PermanentJobFailure(message, error);
      }
      this.logger.warn(`Job ${queue}/${jobName} ${row.id} failed (attempt ${attempt} of ${this.policy.attempts}): ${message}`);
      throw error;
    }
    await repo.createQueryBuilder().update().set({ completedAt: () => 'now()' }).where('id = :id', { id: row.id }).execute();
  };
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, MAX_ERROR_LENGTH);
}
