import type { INestApplication } from '@nestjs/common';
import { ALLIANCE_ENTITIES } from '@alliance/server-alliance';
import { CERTIFICATE_ENTITIES, CREDENTIAL_ENTITIES } from '@alliance/server-certificates';
import { EVIDENCE_ENTITIES } from '@alliance/server-evidence';
import { createModuleTestApp } from '@alliance/server-identity';
import { NOTIFICATION_ENTITIES } from '@alliance/server-notifications';
import { LEARNING_ENTITIES } from '../entities';
import { LearningModule } from '../learning.module';

/**
 * The learning module as the api runs it (HTTP controllers included, listening on a random local
 * port), with the in-process queue driver, on this Jest run's real database. Test-only.
 * `app.getUrl()` gives the base URL for HTTP tests; `app.get(Service)` the services.
 */
export function createLearningTestApp(): Promise<INestApplication> {
  return createModuleTestApp({
    module: LearningModule,
    entities: [...NOTIFICATION_ENTITIES, ...CERTIFICATE_ENTITIES, ...CREDENTIAL_ENTITIES, ...ALLIANCE_ENTITIES, ...EVIDENCE_ENTITIES, ...LEARNING_ENTITIES],
    poolSize: 20,
    applicationName: 'learning-test',
    http: true,
  });
}
