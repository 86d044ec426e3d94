import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConfigModule } from '@alliance/server-config';
import { dataSourceOptions, testDatabaseUrl } from '@alliance/server-database';
import { IDENTITY_ENTITIES } from '@alliance/server-identity';
import { OutgoingEmail } from '@alliance/server-mail';
import { NOTIFICATION_ENTITIES } from '@alliance/server-notifications';
import { OutboxMessage, QueueModule } from '@alliance/server-queue';
import { CREDENTIAL_ENTITIES } from '../credentials';
import { CERTIFICATE_ENTITIES } from '../entities';
import { CertificatesModule } from '../certificates.module';

/**
 * The certificates module as the api runs it (HTTP controllers included), with the in-process
 * queue driver so render jobs run in this process, on this Jest run's real database. Test-only.
 */
export async function createCertificatesTestApp(): Promise<INestApplication> {
  @Module({
    imports: [
      ConfigModule,
      TypeOrmModule.forRoot(
        dataSourceOptions({
          url: testDatabaseUrl(),
          entities: [...IDENTITY_ENTITIES, ...NOTIFICATION_ENTITIES, ...CERTIFICATE_ENTITIES, ...CREDENTIAL_ENTITIES, OutgoingEmail, OutboxMessage],
          poolSize: 12,
          applicationName: 'certificates-test',
        }),
      ),
      QueueModule.forRoot({ role: 'api', retry: { backoffMs: 50 } }),
      CertificatesModule,
    ],
  })
  class CertificatesTestModule {}
  const app = await NestFactory.create(CertificatesTestModule, { logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  return app;
}
