import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { BullMqDriver } from './bullmq.driver';
import { JobExecutor } from './job-executor';
import { JobHandlerRegistry } from './job-handler.registry';
import { OutboxRelay } from './outbox.relay';
import type { QueueDriver } from './queue-driver';
import { QUEUE_DRIVER, QUEUE_MODULE_OPTIONS } from './queue.tokens';
import type { QueueModuleOptions } from './queue.module-options';

/**
 * Starts the relay (and, in the worker app, the BullMQ workers) once every module has registered
 * its handlers, and stops them before the database closes: beforeApplicationShutdown runs ahead of
 * TypeORM's onApplicationShutdown, so in-flight jobs can still finish their writes.
 */
@Injectable()
export class QueueLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Queue');
  /** False when this process does not take part (a worker app while jobs run in-process in the API). */
  active = false;

  constructor(
    @Inject(QUEUE_DRIVER) private readonly driver: QueueDriver,
    @Inject(QUEUE_MODULE_OPTIONS) private readonly options: QueueModuleOptions,
    private readonly relay: OutboxRelay,
    private readonly executor: JobExecutor,
    private readonly registry: JobHandlerRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.role === 'worker' && this.driver.kind === 'inprocess') {
      this.logger.warn('QUEUE_DRIVER=inprocess: jobs run inside the API process; this worker has nothing to do');
      return;
    }
    this.active = true;
    if (this.driver instanceof BullMqDriver) {
      for (const warning of await this.driver.persistenceWarnings()) this.logger.warn(warning);
    }
    if (this.options.role === 'worker' && this.driver instanceof BullMqDriver) {
      await this.driver.startWorkers(this.executor.run, this.options.workers);
      this.logger.log('BullMQ workers started');
    }
    // Whoever runs the jobs keeps the recurring ones: the worker with BullMQ, the api in-process.
    const runsJobs = this.driver.kind === 'inprocess' || this.options.role === 'worker';
    const schedules = this.registry.schedules();
    if (runsJobs && schedules.length) {
      await this.driver.upsertSchedules(schedules).catch((error) => this.logger.warn(`Could not set up the recurring jobs: ${(error as Error).message}`));
    }
    this.relay.start(this.driver);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.driver.close();
  }
}
