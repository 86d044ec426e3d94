import type { INestApplication } from '@nestjs/common';
import { createWorkshopsTestApp } from './workshops-test-app';

/**
 * Like createWorkshopsTestApp (the registration side's specs), with a patient connection pool:
 * load tests queue hundreds of transactions on one hot workshop row behind a pool of 20, and
 * waiting for a connection may take longer than the api's 5 s, which is not what they measure.
 */
export function createRegistrationTestApp(): Promise<INestApplication> {
  return createWorkshopsTestApp({
    applicationName: 'workshops-registration-test',
    dataSource: (options) => ({ ...options, extra: { ...(options.extra ?? {}), connectionTimeoutMillis: 120_000 } }),
  });
}
