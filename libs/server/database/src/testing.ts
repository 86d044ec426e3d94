import { DataSource } from 'typeorm';
import { dataSourceOptions, type EntityList } from './data-source';

/**
 * For tests: a connection to this Jest run's database (created and migrated by the Jest global
 * setup, named in DATABASE_URL). Never points at a developer's own database.
 */
export async function connectTestDatabase(entities: EntityList, poolSize = 5): Promise<DataSource> {
  const url = process.env.DATABASE_URL;
  if (!url || !process.env.TEST_DATABASE_NAME) throw new Error('connectTestDatabase runs only under the Jest global setup');
  const dataSource = new DataSource(dataSourceOptions({ url, entities, poolSize, applicationName: 'alliance-test' }));
  await dataSource.initialize();
  return dataSource;
}

export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url || !process.env.TEST_DATABASE_NAME) throw new Error('testDatabaseUrl runs only under the Jest global setup');
  return url;
}
