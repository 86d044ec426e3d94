import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ALLIANCE_ENTITIES } from '@alliance/server-alliance';
import { ConfigModule } from '@alliance/server-config';
import { dataSourceOptions, testDatabaseUrl } from '@alliance/server-database';
import { IDENTITY_ENTITIES } from '@alliance/server-identity';
import { OutgoingEmail } from '@alliance/server-mail';
import { NOTIFICATION_ENTITIES } from '@alliance/server-notifications';
import { OutboxMessage, QueueModule } from '@alliance/server-queue';
import { EVIDENCE_ENTITIES } from '../entities';
import { EvidenceModule } from '../evidence.module';

/**
 * The evidence module as the api runs it (HTTP controllers included, listening on a random local
 * port), with the in-process queue driver, on this Jest run's real database. Test-only.
 */
export async function createEvidenceTestApp(): Promise<INestApplication> {
  @Module({
    imports: [
      ConfigModule,
      TypeOrmModule.forRoot(
        dataSourceOptions({
          url: testDatabaseUrl(),
          entities: [...IDENTITY_ENTITIES, ...NOTIFICATION_ENTITIES, ...ALLIANCE_ENTITIES, ...EVIDENCE_ENTITIES, OutgoingEmail, OutboxMessage],
          poolSize: 12,
          applicationName: 'evidence-test',
        }),
      ),
      QueueModule.forRoot({ role: 'api', retry: { backoffMs: 50 } }),
      EvidenceModule,
    ],
  })
  class EvidenceTestModule {}
  const app = await NestFactory.create(EvidenceTestModule, { logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  return app;
}

/** A fictional active member organisation with the person holding a role in it. */
export async function makeMember(dataSource: DataSource, userId: string, name: string, countryCode = 'PE'): Promise<string> {
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${userId.slice(0, 8)}`;
  const [{ id }]: Array<{ id: string }> = await dataSource.query(
    `INSERT INTO organisations (slug, name, name_key, type, country_code, description) VALUES ($1, $2, $1, 'NGO', $3, 'Organización de la sociedad civil.') RETURNING id`,
    [slug, name, countryCode],
  );
  await dataSource.query(`INSERT INTO memberships (organisation_id, category) VALUES ($1, 'PARTNER')`, [id]);
  await dataSource.query(`INSERT INTO organisation_roles (user_id, organisation_id, role) VALUES ($1, $2, 'MEMBER')`, [userId, id]);
  return id;
}
