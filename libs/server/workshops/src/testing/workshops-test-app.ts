import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ALLIANCE_ENTITIES } from '@alliance/server-alliance';
import { CERTIFICATE_ENTITIES, CREDENTIAL_ENTITIES } from '@alliance/server-certificates';
import { ConfigModule } from '@alliance/server-config';
import { EVIDENCE_ENTITIES } from '@alliance/server-evidence';
import { dataSourceOptions, testDatabaseUrl } from '@alliance/server-database';
import { IDENTITY_ENTITIES } from '@alliance/server-identity';
import { OutgoingEmail } from '@alliance/server-mail';
import { NOTIFICATION_ENTITIES } from '@alliance/server-notifications';
import { OutboxMessage, QueueModule } from '@alliance/server-queue';
import { WORKSHOP_ENTITIES } from '../entities';
import { WorkshopsModule } from '../workshops.module';

/**
 * The workshops module as the api runs it (HTTP controllers included, listening on a random local
 * port), with the in-process queue driver, on this Jest run's real database. Test-only.
 * `app.getUrl()` gives the base URL for HTTP tests; `app.get(Service)` the services.
 */
export async function createWorkshopsTestApp(): Promise<INestApplication> {
  @Module({
    imports: [
      ConfigModule,
      TypeOrmModule.forRoot(
        dataSourceOptions({
          url: testDatabaseUrl(),
          entities: [
            ...IDENTITY_ENTITIES,
            ...NOTIFICATION_ENTITIES,
            ...CERTIFICATE_ENTITIES,
            ...CREDENTIAL_ENTITIES,
            ...ALLIANCE_ENTITIES,
            ...EVIDENCE_ENTITIES,
            ...WORKSHOP_ENTITIES,
            OutgoingEmail,
            OutboxMessage,
          ],
          poolSize: 20,
          applicationName: 'workshops-test',
        }),
      ),
      QueueModule.forRoot({ role: 'api', retry: { backoffMs: 50 } }),
      WorkshopsModule,
    ],
  })
  class WorkshopsTestModule {}
  const app = await NestFactory.create(WorkshopsTestModule, { logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  return app;
}
