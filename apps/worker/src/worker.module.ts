import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { APP_CONFIG, ConfigModule, type AppConfig } from '@alliance/server-config';
import { dataSourceOptions, runMigrations } from '@alliance/server-database';
import { QueueModule } from '@alliance/server-queue';
import { MailModule } from '@alliance/server-mail';
import { NotificationsModule } from '@alliance/server-notifications';
import { CertificatesModule } from '@alliance/server-certificates';
import { StorageModule } from '@alliance/server-storage';
import { WorkshopsModule } from '@alliance/server-workshops';
import { CollaborationModule } from '@alliance/server-collaboration';
import { ALL_ENTITIES } from '@alliance/server-platform';
import { workerDatabaseUrl } from './database-url';

// Two queues at the default concurrency (5 each) plus the relay and the fan-out's parallel lanes: with
// 5 connections, jobs waited for one while others held theirs through a render.
const WORKER_POOL_SIZE = 10;

@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ pinoHttp: { level: config.LOG_LEVEL, base: { app: 'worker' } } }),
    }),
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        dataSourceOptions({ url: workerDatabaseUrl(config), entities: ALL_ENTITIES, poolSize: WORKER_POOL_SIZE, applicationName: 'alliance-worker' }),
      // A worker may start before the API has migrated: migrating here is safe (an advisory lock
      // lets one process at a time run them) and a no-op when the schema is current.
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource(options!).initialize();
        await runMigrations(dataSource);
        return dataSource;
      },
    }),
    QueueModule.forRoot({ role: 'worker' }),
    // Certificates rendered here are read by the API: with STORAGE_DRIVER=s3 both use the object store.
    StorageModule,
    MailModule,
    NotificationsModule,
    CertificatesModule,
    // Runs the workshops' delayed jobs (seat offers that expire).
    WorkshopsModule,
    // Runs the collaboration domain's delayed jobs (overdue commitments).
    CollaborationModule,
  ],
})
export class WorkerModule {}
