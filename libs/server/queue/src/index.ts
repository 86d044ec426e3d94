export {
  QueueName,
  QUEUE_NAMES,
  DEFAULT_RETRY_POLICY,
  DEFAULT_RELAY_SETTINGS,
  WORKER_SETTINGS,
  backoffDelay,
  cronPattern,
  nextOccurrence,
  schedulerId,
} from './queue.constants';
export type { JobData, RetryPolicy, RelaySettings, ScheduleDefinition } from './queue.constants';
export { OutboxMessage } from './entities/outbox-message.entity';
export { OutboxService, type EnqueueRequest } from './outbox.service';
export { OutboxRelay } from './outbox.relay';
export { JobHandlerRegistry, type JobContext, type JobHandler } from './job-handler.registry';
export { JobExecutor } from './job-executor';
export { PermanentJobFailure, type QueueDriver, type DriverKind, type AddJobOptions, type NewJob, type JobRunner, type QueueCounts } from './queue-driver';
export { QueueAdmin, type QueueOverview, type DeadLetter } from './queue-admin.service';
export { BullMqDriver, type BullMqDriverOptions, type WorkerOptions } from './bullmq.driver';
export { InProcessDriver } from './inprocess.driver';
export { redisAnswers } from './redis';
export { resolveQueueDriver, type QueueRole } from './resolve-driver';
export { QueueHealth } from './queue.health';
export { QueueLifecycle } from './queue.lifecycle';
export { QueueModule } from './queue.module';
export type { QueueModuleOptions } from './queue.module-options';
