import { Injectable } from '@nestjs/common';
import type { QueueName, ScheduleDefinition } from './queue.constants';

/** What a handler receives: the domain row id, the outbox id and which attempt this is (1-based). */
export interface JobContext {
  id: string;
  outboxId: string;
  attempt: number;
  /** True when a failure of this attempt is final (no retry follows). */
  isLastAttempt: boolean;
}

export type JobHandler = (job: JobContext) => Promise<void>;

/** Domain modules register their processors here in onModuleInit; both drivers dispatch through it. */
@Injectable()
export class JobHandlerRegistry {
  private readonly handlers = new Map<string, JobHandler>();

  register(queue: QueueName, jobName: string, handler: JobHandler): void {
    const key = `${queue}/${jobName}`;
    if (this.handlers.has(key)) throw new Error(`A handler for job ${key} is already registered`);
    this.handlers.set(key, handler);
  }

  get(queue: QueueName, jobName: string): JobHandler | undefined {
    return this.handlers.get(`${queue}/${jobName}`);
  }

  private readonly scheduledHandlers = new Map<string, { schedule: ScheduleDefinition; handler: () => Promise<void> }>();

  /**
   * A recurring job with no outbox row (BullMQ job scheduler, or a timer in-process). Its handler
   * must be idempotent per period on its own (e.g. a unique key per person and day).
   */
  registerScheduled(schedule: ScheduleDefinition, handler: () => Promise<void>): void {
    const key = `${schedule.queue}/${schedule.jobName}`;
    if (this.handlers.has(key) || this.scheduledHandlers.has(key)) throw new Error(`A handler for job ${key} is already registered`);
    this.scheduledHandlers.set(key, { schedule, handler });
  }

  getScheduled(queue: QueueName, jobName: string): (() => Promise<void>) | undefined {
    return this.scheduledHandlers.get(`${queue}/${jobName}`)?.handler;
  }

  schedules(): ScheduleDefinition[] {
    return [...this.scheduledHandlers.values()].map((entry) => entry.schedule);
  }
}
