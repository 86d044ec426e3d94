import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type IORedis from 'ioredis';
import { producerConnection, withTimeout, workerConnection } from './redis';
import { PermanentJobFailure, type AddJobOptions, type JobRunner, type NewJob, type QueueCounts, type QueueDriver } from './queue-driver';
import {
  backoffDelay,
  CAPPED_BACKOFF,
  cronPattern,
  DEFAULT_RETRY_POLICY,
  QUEUE_NAMES,
  schedulerId,
  WORKER_SETTINGS,
  type JobData,
  type QueueName,
  type RetryPolicy,
  type ScheduleDefinition,
} from './queue.constants';

export interface BullMqDriverOptions {
  redisUrl: string;
  prefix: string;
  policy?: RetryPolicy;
}

export interface WorkerOptions {
  concurrency?: number;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  maxStalledCount?: number;
}

/** BullMQ on Redis: one Queue per QueueName; Workers are started only by the worker app. */
export class BullMqDriver implements QueueDriver {
  readonly kind = 'bullmq' as const;
  private readonly logger = new Logger('BullMQ');
  private readonly connection: IORedis;
  private readonly queues = new Map<QueueName, Queue>();
  private readonly workers: Array<{ worker: Worker; connection: IORedis }> = [];
  private readonly policy: RetryPolicy;

  constructor(private readonly options: BullMqDriverOptions) {
    this.policy = options.policy ?? DEFAULT_RETRY_POLICY;
    this.connection = producerConnection(options.redisUrl);
    // ioredis reconnects by itself; without a listener an outage would be an unhandled 'error' event.
    this.connection.on('error', (error) => this.logger.debug(`Redis: ${error.message}`));
    for (const name of QUEUE_NAMES) {
      const queue = new Queue(name, { connection: this.connection, prefix: options.prefix });
      queue.on('error', (error) => this.logger.debug(`Queue ${name}: ${error.message}`));
      this.queues.set(name, queue);
    }
  }

  async add(queue: QueueName, jobName: string, data: JobData, options: AddJobOptions): Promise<void> {
    await this.queue(queue).add(jobName, data, this.jobOptions(options));
  }

  /** One pipelined addBulk instead of a round trip per job: what a relay batch or fan-out needs. */
  async addMany(queue: QueueName, jobs: NewJob[]): Promise<void> {
    if (!jobs.length) return;
    await this.queue(queue).addBulk(jobs.map((job) => ({ name: job.jobName, data: job.data, opts: this.jobOptions(job.options) })));
  }

  private jobOptions({ jobId, delayMs = 0 }: AddJobOptions) {
    return {
      jobId,
      delay: Math.max(0, Math.round(delayMs)),
      attempts: this.policy.attempts,
      backoff: { type: CAPPED_BACKOFF },
      // The outbox keeps the history; Redis keeps finished jobs only briefly.
      removeOnComplete: { age: 3600, count: 1000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    };
  }

  /** The marker key lives beside the queues, under the same prefix, so it goes when they go. */
  async epoch(): Promise<{ value: string; created: boolean }> {
    const key = `${this.options.prefix}:outbox:epoch`;
    const created = (await this.connection.set(key, randomUUID(), 'NX')) === 'OK';
    const value = await this.connection.get(key);
    if (value === null) throw new Error('The queue epoch marker vanished while being read');
    return { value, created };
  }

  onConnect(listener: () => void): void {
    this.connection.on('ready', listener);
  }

  async jobExists(queue: QueueName, jobId: string): Promise<boolean> {
    const job = await this.queue(queue).getJob(jobId);
    if (!job) return false;
    // Asked only about open outbox rows: a job BullMQ gave up on (stalled too often) is lost too.
    if (await job.isFailed()) {
      await job.remove().catch(() => undefined);
      return false;
    }
    return true;
  }

  async removeJob(queue: QueueName, jobId: string): Promise<void> {
    await this.queue(queue).remove(jobId);
  }

  async counts(queue: QueueName): Promise<QueueCounts> {
    const counts = await this.queue(queue).getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed', 'completed');
    return {
      waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      failed: counts.failed ?? 0,
      completed: counts.completed ?? 0,
    };
  }

  async upsertSchedules(schedules: ScheduleDefinition[]): Promise<void> {
    for (const schedule of schedules) {
      await this.queue(schedule.queue).upsertJobScheduler(
        schedulerId(schedule),
        { pattern: cronPattern(schedule), tz: 'UTC' },
        {
          name: schedule.jobName,
          data: { outboxId: '', id: '', scheduled: true },
          opts: { attempts: this.policy.attempts, backoff: { type: CAPPED_BACKOFF }, removeOnComplete: { count: 50 }, removeOnFail: { count: 50 } },
        },
      );
    }
  }

  /**
   * Warnings about a Redis that can lose jobs: one that evicts keys under memory pressure, and one
   * that keeps nothing on disk. Empty when CONFIG is disabled (managed Redis) or all is well.
   */
  async persistenceWarnings(): Promise<string[]> {
    const warnings: string[] = [];
    try {
      const get = async (name: string) => ((await this.connection.config('GET', name)) as string[])[1] ?? '';
      const policy = await get('maxmemory-policy');
      if (policy && policy !== 'noeviction') {
        warnings.push(
          `Redis maxmemory-policy is "${policy}": under memory pressure Redis may evict queued jobs (BullMQ needs "noeviction"). The PostgreSQL outbox keeps every committed job and its sweep re-adds lost ones, but late.`,
        );
      }
      const appendonly = await get('appendonly');
      const save = await get('save');
      if (appendonly !== 'yes' && !save.trim()) {
        warnings.push(
          'Redis keeps nothing on disk (appendonly no, no save points): a Redis restart empties every queue. The PostgreSQL outbox is what keeps committed work; its sweep re-adds the lost jobs.',
        );
      }
    } catch (error) {
      this.logger.debug(`Could not read the Redis configuration (CONFIG may be disabled): ${(error as Error).message}`);
    }
    return warnings;
  }

  async ping(): Promise<boolean> {
    // Commands fail fast while the connection is (re)connecting: give it the same second to get ready.
    if (this.connection.status !== 'ready') {
      // The listener goes when the wait ends, so /ready polled during an outage does not pile them up.
      let onReady: (() => void) | undefined;
      const ready = new Promise<boolean>((resolve) => this.connection.once('ready', (onReady = () => resolve(true))));
      const isReady = await withTimeout(ready, 1000, false);
      this.connection.off('ready', onReady!);
      if (!isReady) return false;
    }
    try {
      return await withTimeout(this.connection.ping().then((reply) => reply === 'PONG'), 1000, false);
    } catch {
      return false;
    }
  }

  /** Starts one Worker per queue, dispatching every job to `runner`. */
  async startWorkers(runner: JobRunner, options: WorkerOptions = {}): Promise<void> {
    for (const name of QUEUE_NAMES) {
      const connection = workerConnection(this.options.redisUrl);
      const worker = new Worker<JobData>(
        name,
        async (job: Job<JobData>) => {
          try {
            await runner(name, job.name, job.data);
          } catch (error) {
            // Our own attempt count says this was the last one: tell BullMQ not to retry.
            if (error instanceof PermanentJobFailure) throw new UnrecoverableError(error.message);
            throw error;
          }
        },
        {
          connection,
          prefix: this.options.prefix,
          concurrency: options.concurrency ?? WORKER_SETTINGS.concurrency,
          lockDuration: options.lockDurationMs ?? WORKER_SETTINGS.lockDurationMs,
          stalledInterval: options.stalledIntervalMs ?? WORKER_SETTINGS.stalledIntervalMs,
          maxStalledCount: options.maxStalledCount ?? WORKER_SETTINGS.maxStalledCount,
          settings: { backoffStrategy: (attemptsMade: number) => backoffDelay(this.policy, attemptsMade) },
        },
      );
      worker.on('error', (error) => this.logger.warn(`Worker ${name}: ${error.message}`));
      this.workers.push({ worker, connection });
    }
    // Workers reconnect on their own; waiting here only makes start-up logs and tests deterministic.
    const ready = await withTimeout(Promise.all(this.workers.map(({ worker }) => worker.waitUntilReady())).then(() => true), 5000, false);
    if (!ready) this.logger.warn('Redis does not answer yet: the workers will start taking jobs when it does');
  }

  /** Workers first (they finish their in-flight jobs), then the queues and connections. */
  async close(): Promise<void> {
    await Promise.allSettled(this.workers.map(({ worker }) => worker.close()));
    await Promise.allSettled(this.workers.map(({ connection }) => connection.quit()));
    this.workers.length = 0;
    await Promise.allSettled([...this.queues.values()].map((queue) => queue.close()));
    await this.connection.quit().catch(() => this.connection.disconnect());
  }

  private queue(name: QueueName): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`Unknown queue ${name}`);
    return queue;
  }
}
