import { Logger } from '@nestjs/common';
import { backoffDelay, DEFAULT_RETRY_POLICY, nextOccurrence, type JobData, type QueueName, type RetryPolicy, type ScheduleDefinition } from './queue.constants';
import { PermanentJobFailure, type AddJobOptions, type JobRunner, type NewJob, type QueueCounts, type QueueDriver } from './queue-driver';

// setTimeout cannot wait longer than this (about 24.8 days); longer delays wait in steps.
const MAX_TIMER_MS = 2 ** 31 - 1;

interface PendingJob {
  queue: QueueName;
  jobName: string;
  data: JobData;
  timer?: NodeJS.Timeout;
  running?: Promise<void>;
}

/**
 * Runs jobs inside this process with timers, with the same retry policy as BullMQ. Used when no
 * Redis answers (one-machine mode). Nothing is kept in memory that the outbox does not also hold:
 * after a restart the relay's sweep re-adds every unfinished row.
 */
export class InProcessDriver implements QueueDriver {
  readonly kind = 'inprocess' as const;
  private readonly jobs = new Map<string, PendingJob>();
  private readonly scheduleTimers = new Map<string, NodeJS.Timeout>();
  private closing = false;

  constructor(
    private readonly runner: JobRunner,
    private readonly policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  ) {}

  async add(queue: QueueName, jobName: string, data: JobData, { jobId, delayMs = 0 }: AddJobOptions): Promise<void> {
    if (this.closing) throw new Error('The in-process queue is closing');
    // Same contract as BullMQ: a job id the queue already holds is ignored.
    if (this.jobs.has(jobId)) return;
    const job: PendingJob = { queue, jobName, data };
    this.jobs.set(jobId, job);
    this.schedule(jobId, job, delayMs, 1);
  }

  async addMany(queue: QueueName, jobs: NewJob[]): Promise<void> {
    for (const job of jobs) await this.add(queue, job.jobName, job.data, job.options);
  }

  async jobExists(_queue: QueueName, jobId: string): Promise<boolean> {
    return this.jobs.has(jobId);
  }

  async ping(): Promise<boolean> {
    return !this.closing;
  }

  async removeJob(_queue: QueueName, jobId: string): Promise<void> {
    const job = this.jobs.get(jobId);
    if (job?.timer) clearTimeout(job.timer);
    if (job && !job.running) this.jobs.delete(jobId);
  }

  /** The outbox holds the counts for this driver (see QueueAdmin). */
  async counts(): Promise<QueueCounts | null> {
    return null;
  }

  /** Timers instead of BullMQ's job schedulers: one per schedule, re-armed after each run. */
  async upsertSchedules(schedules: ScheduleDefinition[]): Promise<void> {
    for (const schedule of schedules) {
      const key = `${schedule.queue}/${schedule.jobName}`;
      clearTimeout(this.scheduleTimers.get(key));
      const arm = () => {
        if (this.closing) return;
        const wait = Math.min(MAX_TIMER_MS, nextOccurrence(schedule, new Date()).getTime() - Date.now());
        const timer = setTimeout(() => {
          if (Date.now() + 1000 < nextOccurrence(schedule, new Date(Date.now() - 60_000)).getTime()) return arm();
          this.runner(schedule.queue, schedule.jobName, { outboxId: '', id: '', scheduled: true })
            .catch((error) => new Logger('InProcessQueue').warn(`Scheduled job ${key} failed: ${(error as Error).message}`))
            .finally(arm);
        }, wait);
        timer.unref();
        this.scheduleTimers.set(key, timer);
      };
      arm();
    }
  }

  /** Stops timers and waits for running jobs to finish; jobs not started stay in the outbox. */
  async close(): Promise<void> {
    this.closing = true;
    for (const timer of this.scheduleTimers.values()) clearTimeout(timer);
    this.scheduleTimers.clear();
    const running: Array<Promise<void>> = [];
    for (const job of this.jobs.values()) {
      if (job.timer) clearTimeout(job.timer);
      if (job.running) running.push(job.running);
    }
    await Promise.allSettled(running);
    this.jobs.clear();
  }

  private schedule(jobId: string, job: PendingJob, delayMs: number, attempt: number): void {
    const wait = Math.min(Math.max(0, delayMs), MAX_TIMER_MS);
    job.timer = setTimeout(() => {
      job.timer = undefined;
      if (delayMs > MAX_TIMER_MS) return this.schedule(jobId, job, delayMs - MAX_TIMER_MS, attempt);
      job.running = this.execute(jobId, job, attempt);
    }, wait);
  }

  private async execute(jobId: string, job: PendingJob, attempt: number): Promise<void> {
    try {
      await this.runner(job.queue, job.jobName, job.data);
      this.jobs.delete(jobId);
    } catch (error) {
      job.running = undefined;
      // The runner has already recorded and logged the failure on the outbox row.
      if (error instanceof PermanentJobFailure || attempt >= this.policy.attempts || this.closing) {
        this.jobs.delete(jobId);
        return;
      }
      this.schedule(jobId, job, backoffDelay(this.policy, attempt), attempt + 1);
    }
  }
}
