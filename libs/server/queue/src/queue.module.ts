import { Module, type DynamicModule } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@alliance/server-config';
import { JobExecutor, RETRY_POLICY } from './job-executor';
import { JobHandlerRegistry } from './job-handler.registry';
import { OutboxRelay, RELAY_SETTINGS } from './outbox.relay';
import { OutboxService } from './outbox.service';
import { QueueHealth } from './queue.health';
import { QueueLifecycle } from './queue.lifecycle';
import { QueueAdmin } from './queue-admin.service';
import type { QueueModuleOptions } from './queue.module-options';
import { QUEUE_DRIVER, QUEUE_MODULE_OPTIONS } from './queue.tokens';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './queue.constants';
import { resolveQueueDriver } from './resolve-driver';

/**
 * Outbox, relay and queue driver for the whole application (global). Needs ConfigModule and a
 * TypeORM DataSource from the app module. Domain modules inject OutboxService to create jobs and
 * JobHandlerRegistry to register their processors in onModuleInit.
 */
@Module({})
export class QueueModule {
  static forRoot(options: QueueModuleOptions): DynamicModule {
    const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    return {
      module: QueueModule,
      global: true,
      providers: [
        { provide: QUEUE_MODULE_OPTIONS, useValue: options },
        { provide: RETRY_POLICY, useValue: policy },
        { provide: RELAY_SETTINGS, useValue: options.relay ?? {} },
        JobHandlerRegistry,
        JobExecutor,
        OutboxRelay,
        OutboxService,
        {
          provide: QUEUE_DRIVER,
          inject: [APP_CONFIG, JobExecutor],
          useFactory: (config: AppConfig, executor: JobExecutor) => resolveQueueDriver(config, options.role, executor.run, policy),
        },
        QueueHealth,
        QueueLifecycle,
        QueueAdmin,
      ],
      exports: [OutboxService, JobHandlerRegistry, QueueHealth, QueueLifecycle, QueueAdmin],
    };
  }
}
