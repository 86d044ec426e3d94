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
 * Load tests queue hundreds of transactions on one hot workshop row behind a pool of 20: waiting
 * for a connection may take longer than the api's 5 s, which is not what these tests measure.
 */
function patientPool<T extends { extra?: Record<string, unknown> }>(options: T): T {
  return { ...options, extra: { ...(options.extra ?? {}), connectionTimeoutMillis: 120_000 } };
}

/**
 * Like createWorkshopsTestApp (the registration side's specs), with a patient connection pool.
 * The workshops module as the api runs it (HTTP controllers included, listening on a random local
 * port), with the in-process queue driver, on this Jest run's real database. Test-only.
 * `app.getUrl()` gives the base URL for HTTP tests; `app.get(Service)` the services.
 */
export async function createRegistrationTestApp(): Promise<INestApplication> {
  @Module({
    imports: [
      ConfigModule,
      TypeOrmModule.forRoot(
        patientPool(dataSourceOptions({
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
          applicationName: 'workshops-registration-test',
        })),
      ),
      QueueModule.forRoot({ role: 'api', retry: { backoffMs: 50 } }),
      WorkshopsModule,
    ],
  })
  class WorkshopsRegistrationTestModule {}
  const app = await NestFactory.create(WorkshopsRegistrationTestModule, { logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  return app;
}
