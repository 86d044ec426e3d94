import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConfigModule } from '@alliance/server-config';
import { dataSourceOptions, testDatabaseUrl } from '@alliance/server-database';
import { IDENTITY_ENTITIES } from '@alliance/server-identity';
import { OutgoingEmail } from '@alliance/server-mail';
import { NOTIFICATION_ENTITIES } from '@alliance/server-notifications';
import { OutboxMessage, QueueModule } from '@alliance/server-queue';
import { ALLIANCE_ENTITIES } from '../entities';
import { AllianceModule } from '../alliance.module';

/** The alliance module on this Jest run's real database, with the in-process queue driver. Test-only. */
export async function createAllianceTestApp(): Promise<INestApplicationContext> {
  @Module({
    imports: [
      ConfigModule,
      TypeOrmModule.forRoot(
        dataSourceOptions({
          url: testDatabaseUrl(),
          entities: [...IDENTITY_ENTITIES, ...NOTIFICATION_ENTITIES, ...ALLIANCE_ENTITIES, OutgoingEmail, OutboxMessage],
          poolSize: 14,
          applicationName: 'alliance-test',
        }),
      ),
      QueueModule.forRoot({ role: 'api', retry: { backoffMs: 50 } }),
      AllianceModule,
    ],
  })
  class AllianceTestModule {}
  return NestFactory.createApplicationContext(AllianceTestModule, { logger: ['error'] });
}
