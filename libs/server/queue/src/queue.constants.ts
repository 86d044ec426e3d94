/** The queues of the portal. A job's data is only ids: the row it works on is read when it runs. */
export enum QueueName {
  Certificates = 'certificates',
  Notifications = 'notifications',
}

export const QUEUE_NAMES: readonly QueueName[] = Object.values(QueueName);

export function isQueueName(value: string): value is QueueName {
  return (QUEUE_NAMES as readonly string[]).includes(value);
}

/** What travels through the queue: the outbox row (= job id) and the domain row to work on. */
export interface JobData {
  outboxId: string;
  id: string;
  /** Set on the jobs of a schedule (digests): they have no outbox row. */
  scheduled?: boolean;
}

/** Retry policy shared by both drivers. The only place these numbers live. */
export interface RetryPolicy {
  /** Total runs of a job, the first included. */
  attempts: number;
  /** Exponential backoff: the n-th retry waits backoffMs * 2^(n-1) ... */
  backoffMs: number;
  /** ... but never longer than this. */
  maxBackoffMs?: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 5, backoffMs: 1000, maxBackoffMs: 60_000 };

/** Delay before retry number `retry` (1 = the first retry): exponential with a cap, for both drivers. */
export function backoffDelay(policy: RetryPolicy, retry: number): number {
  return Math.min(policy.maxBackoffMs ?? Number.POSITIVE_INFINITY, Math.round(policy.backoffMs * 2 ** Math.max(0, retry - 1)));
}

/** Name of the BullMQ backoff strategy that applies backoffDelay. */
export const CAPPED_BACKOFF = 'capped-exponential';

/** Timings of the outbox relay and its recovery sweep. */
export interface RelaySettings {
  /** How often the relay looks for committed, unrelayed outbox rows. */
  pollMs: number;
  /** How often the sweep looks for relayed jobs that the queue lost. */
  sweepMs: number;
  /** A relayed row is checked by the sweep only once it has been in the queue this long. */
  sweepAfterMs: number;
  /** Rows moved per relay transaction. */
  batchSize: number;
}

export const DEFAULT_RELAY_SETTINGS: RelaySettings = { pollMs: 250, sweepMs: 10_000, sweepAfterMs: 30_000, batchSize: 100 };

/**
 * BullMQ worker settings. A SIGKILLed worker's jobs come back after about lockDuration +
 * stalledInterval (~9 s here, leaving room within the 15 s promise; BullMQ's defaults take about 90 s), so jobs must stay short: a job
 * that holds the event loop longer than lockDuration would be taken for stalled. A job may stall
 * this many times before BullMQ fails it (the outbox sweep re-adds it even then).
 */
export const WORKER_SETTINGS = { concurrency: 5, lockDurationMs: 6_000, stalledIntervalMs: 3_000, maxStalledCount: 3 } as const;

/** A recurring job (digests): daily at hour:minute UTC, or weekly on `weekday` (0 = Sunday). */
export interface ScheduleDefinition {
  queue: QueueName;
  jobName: string;
  hourUtc: number;
  minuteUtc: number;
  weekday?: number;
}

/** The cron pattern BullMQ's job scheduler uses for a schedule. */
export function cronPattern(schedule: ScheduleDefinition): string {
  return `${schedule.minuteUtc} ${schedule.hourUtc} * * ${schedule.weekday ?? '*'}`;
}

/** The next moment strictly after `from` at which a schedule fires (the in-process driver's timer). */
export function nextOccurrence(schedule: ScheduleDefinition, from: Date): Date {
  const next = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate(), schedule.hourUtc, schedule.minuteUtc));
  while (next <= from || (schedule.weekday !== undefined && next.getUTCDay() !== schedule.weekday)) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/** Deterministic scheduler id: upserting it again replaces it rather than adding a second one. */
export function schedulerId(schedule: ScheduleDefinition): string {
  return `schedule:${schedule.queue}:${schedule.jobName}`;
}
