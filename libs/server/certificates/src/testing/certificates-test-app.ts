import type { INestApplication } from '@nestjs/common';
import { createModuleTestApp } from '@alliance/server-identity';
import { NOTIFICATION_ENTITIES } from '@alliance/server-notifications';
import { CREDENTIAL_ENTITIES } from '../credentials';
import { CERTIFICATE_ENTITIES } from '../entities';
import { CertificatesModule } from '../certificates.module';

/**
 * The certificates module as the api runs it (HTTP controllers included), with the in-process
 * queue driver so render jobs run in this process, on this Jest run's real database. Test-only.
 */
export function createCertificatesTestApp(): Promise<INestApplication> {
  const entities = [...NOTIFICATION_ENTITIES, ...CERTIFICATE_ENTITIES, ...CREDENTIAL_ENTITIES];
  return createModuleTestApp({ module: CertificatesModule, entities, poolSize: 12, applicationName: 'certificates-test', http: true });
}
