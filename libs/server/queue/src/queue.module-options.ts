import type { RelaySettings, RetryPolicy } from './queue.constants';
import type { WorkerOptions } from './bullmq.driver';
import type { QueueRole } from './resolve-driver';

export interface QueueModuleOptions {
  role: QueueRole;
  /** Overrides for tests; production uses the defaults in queue.constants.ts. */
  retry?: Partial<RetryPolicy>;
  relay?: Partial<RelaySettings>;
  workers?: WorkerOptions;
}
