import fs from 'node:fs';
import { embeddedUrlFile } from '@alliance/server-database';
import type { AppConfig } from '@alliance/server-config';

export class MissingDatabaseError extends Error {}

/**
 * The worker needs the API's database. With DATABASE_URL that is it; without, the API runs the
 * embedded PostgreSQL and publishes its address in `<dataDir>/embedded-db.json`.
 */
export function workerDatabaseUrl(config: Pick<AppConfig, 'DATABASE_URL' | 'dataDir'>): string {
  if (config.DATABASE_URL) return config.DATABASE_URL;
  const file = embeddedUrlFile(config.dataDir);
  let url: unknown;
  try {
    url = (JSON.parse(fs.readFileSync(file, 'utf8')) as { url?: unknown }).url;
  } catch {
    url = undefined;
  }
  if (typeof url !== 'string' || !/^postgres(ql)?:\/\//.test(url)) {
    throw new MissingDatabaseError(
      `The worker needs a database: set DATABASE_URL, or start the API first without DATABASE_URL so it publishes its embedded database in ${file}.`,
    );
  }
  return url;
}
