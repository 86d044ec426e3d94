import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ALLIANCE_ENTITIES } from '@alliance/server-alliance';
import { createModuleTestApp } from '@alliance/server-identity';
import { NOTIFICATION_ENTITIES } from '@alliance/server-notifications';
import { EVIDENCE_ENTITIES } from '../entities';
import { EvidenceModule } from '../evidence.module';

/** The evidence module's entities and those of the domains it uses (identity's come with the test app). */
export const EVIDENCE_TEST_ENTITIES = [...NOTIFICATION_ENTITIES, ...ALLIANCE_ENTITIES, ...EVIDENCE_ENTITIES];

/**
 * The evidence module as the api runs it (HTTP controllers included, listening on a random local
 * port), with the in-process queue driver, on this Jest run's real database. Test-only.
 */
export function createEvidenceTestApp(): Promise<INestApplication> {
  return createModuleTestApp({ module: EvidenceModule, entities: EVIDENCE_TEST_ENTITIES, poolSize: 12, applicationName: 'evidence-test', http: true });
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
