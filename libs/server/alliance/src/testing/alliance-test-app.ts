import type { INestApplicationContext } from '@nestjs/common';
import { createModuleTestApp } from '@alliance/server-identity';
import { NOTIFICATION_ENTITIES } from '@alliance/server-notifications';
import { ALLIANCE_ENTITIES } from '../entities';
import { AllianceModule } from '../alliance.module';

/** The alliance module on this Jest run's real database, with the in-process queue driver. Test-only. */
export function createAllianceTestApp(): Promise<INestApplicationContext> {
  return createModuleTestApp({ module: AllianceModule, entities: [...NOTIFICATION_ENTITIES, ...ALLIANCE_ENTITIES], poolSize: 14, applicationName: 'alliance-test' });
}
