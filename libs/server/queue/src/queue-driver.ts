import type { JobData, QueueName, ScheduleDefinition } from './queue.constants';

export type DriverKind = 'bullmq' | 'inprocess';

export interface AddJobOptions {
  /** The outbox id. Adding a job whose id the queue already holds does nothing. */
  jobId: string;
  delayMs?: number;
}

export interface NewJob {
  jobName: string;
  data: JobData;
  options: AddJobOptions;
}

/** What the relay needs from a queue backend; BullMQ on Redis and an in-process one implement it. */
export interface QueueDriver {
  readonly kind: DriverKind;
  add(queue: QueueName, jobName: string, data: JobData, options: AddJobOptions): Promise<void>;
  /** Several jobs of one queue at once (one round trip to Redis with BullMQ); same contract as add. */
  addMany(queue: QueueName, jobs: NewJob[]): Promise<void>;
  /** Whether the queue still holds the job (waiting, delayed, active or kept after it ended). */
  jobExists(queue: QueueName, jobId: string): Promise<boolean>;
  /** Whether the backend answers (for /ready). */
  ping(): Promise<boolean>;
  /** Drops a job (a dead letter about to be retried) so the same id can be added again. */
  removeJob(queue: QueueName, jobId: string): Promise<void>;
  /** Job counts per state, or null when the driver keeps none (the outbox then tells). */
  counts(queue: QueueName): Promise<QueueCounts | null>;
  /** Creates or replaces the recurring jobs (deterministic ids). */
  upsertSchedules(schedules: ScheduleDefinition[]): Promise<void>;
  /**
   * A backend that can lose its memory (Redis without persistence) keeps a marker of its current
   * "life": `created` is true when this call had to create it (the backend is new or was emptied),
   * and `value` changes whenever that happens. The relay re-checks every open job at once then,
   * instead of waiting for its age-based sweep. Absent for backends that cannot lose jobs.
   */
  epoch?(): Promise<{ value: string; created: boolean }>;
  /** Calls `listener` each time the connection to the backend is (re)established. */
  onConnect?(listener: () => void): void;
  close(): Promise<void>;
}

/** Runs one attempt of a job; shared by both drivers (see JobExecutor). */
export type JobRunner = (queue: QueueName, jobName: string, data: JobData) => Promise<void>;

/** Thrown by the runner after the last attempt: the driver must not retry it. */
export class PermanentJobFailure extends Error {
  constructor(message: string, cause: unknown) {
    super(message, { cause });
    this.name = 'PermanentJobFailure';
  }
}

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}
