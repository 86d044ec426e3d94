import type { INestApplication } from '@nestjs/common';
import { ALLIANCE_ENTITIES } from '@alliance/server-alliance';
import { CERTIFICATE_ENTITIES, CREDENTIAL_ENTITIES } from '@alliance/server-certificates';
import { EVIDENCE_ENTITIES } from '@alliance/server-evidence';
import { createModuleTestApp } from '@alliance/server-identity';
import { NOTIFICATION_ENTITIES } from '@alliance/server-notifications';
import { WORKSHOP_ENTITIES } from '@alliance/server-workshops';
import { COLLABORATION_ENTITIES } from '../entities';
import { CollaborationModule } from '../collaboration.module';

/** The collaboration module's entities and those of the domains it uses (identity's come with the test app). */
export const COLLABORATION_TEST_ENTITIES = [
  ...NOTIFICATION_ENTITIES,
  ...CERTIFICATE_ENTITIES,
  ...CREDENTIAL_ENTITIES,
  ...ALLIANCE_ENTITIES,
  ...EVIDENCE_ENTITIES,
  ...WORKSHOP_ENTITIES,
  ...COLLABORATION_ENTITIES,
];

/**
 * The collaboration module as the api runs it (HTTP controllers included, listening on a random
 * local port), with the in-process queue driver, on this Jest run's real database. Test-only.
 */
export function createCollaborationTestApp(applicationName = 'collaboration-test'): Promise<INestApplication> {
  return createModuleTestApp({ module: CollaborationModule, entities: COLLABORATION_TEST_ENTITIES, poolSize: 16, applicationName, http: true });
}
