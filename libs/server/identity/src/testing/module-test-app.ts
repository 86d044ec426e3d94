import { Module, type DynamicModule, type INestApplication, type INestApplicationContext, type LogLevel, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import { ConfigModule } from '@alliance/server-config';
import { dataSourceOptions, testDatabaseUrl } from '@alliance/server-database';
import { OutgoingEmail } from '@alliance/server-mail';
import { OutboxMessage, QueueModule, type QueueModuleOptions } from '@alliance/server-queue';
import { IDENTITY_ENTITIES } from '../entities';

export interface ModuleTestAppOptions {
  /** The domain module under test. */
  module: Type | DynamicModule;
  /** Its entities and those of the domains it uses; identity's and the two outboxes' are always there. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: Function[];
  poolSize: number;
  /** The PostgreSQL application_name of its connections. */
  applicationName: string;
  /** QueueModule.forRoot options (by default the api's role, retrying after 50 ms). */
  queue?: QueueModuleOptions;
  /** Nest's logger levels (by default errors only). */
  logger?: LogLevel[] | false;
  /** A last change to the TypeORM options (e.g. a more patient pool). */
  dataSource?: (options: DataSourceOptions) => DataSourceOptions;
}

/**
 * A domain module as the api composes it (configuration, TypeORM on this Jest run's real database,
 * the queue with the in-process driver the tests select), for the domain libraries' specs. With
 * `http`, the HTTP controllers listen on a random local port (`app.getUrl()`); without, it is an
 * application context (@nestjs/testing is not installed; a plain application composes the same
 * modules). Test-only.
 */
export async function createModuleTestApp(options: ModuleTestAppOptions & { http: true }): Promise<INestApplication>;
export async function createModuleTestApp(options: ModuleTestAppOptions & { http?: false }): Promise<INestApplicationContext>;
export async function createModuleTestApp(options: ModuleTestAppOptions & { http?: boolean }): Promise<INestApplicationContext> {
  const settings = dataSourceOptions({
    url: testDatabaseUrl(),
    entities: [...IDENTITY_ENTITIES, ...(options.entities ?? []), OutgoingEmail, OutboxMessage],
    poolSize: options.poolSize,
    applicationName: options.applicationName,
  });
  @Module({
    imports: [
      ConfigModule,
      TypeOrmModule.forRoot(options.dataSource ? options.dataSource(settings) : settings),
      QueueModule.forRoot(options.queue ?? { role: 'api', retry: { backoffMs: 50 } }),
      options.module,
    ],
  })
  class ModuleTestAppModule {}
  const logger = options.logger ?? ['error'];
  if (!options.http) return NestFactory.createApplicationContext(ModuleTestAppModule, { logger });
  const app = await NestFactory.create(ModuleTestAppModule, { logger });
  await app.listen(0, '127.0.0.1');
  return app;
}
