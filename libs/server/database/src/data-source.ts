import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';
import { SnakeNamingStrategy } from './naming.strategy';
import { MIGRATIONS } from './migrations';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityList = MixedList<Function | string | EntitySchema>;

export interface DataSourceSettings {
  url: string;
  entities: EntityList;
  poolSize?: number;
  applicationName?: string;
}

export function dataSourceOptions({ url, entities, poolSize = 10, applicationName = 'alliance' }: DataSourceSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    // The schema changes only through committed migrations.
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    useUTC: true,
    // JIT compiles any plan above jit_above_cost, which search counts over many rows reach: it cost
    // 0.8 s of a 1.4 s evidence search at 100,000 items and never pays off for short statements.
    extra: { max: poolSize, application_name: applicationName, connectionTimeoutMillis: 5000, options: '-c jit=off' },
    logging: ['error'],
  };
}

/** Arbitrary but fixed key: only one process migrates at a time when several start together. */
const MIGRATION_LOCK_KEY = 727_001;

/** Needs a pool of at least two connections: one holds the lock while TypeORM migrates on another. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}

export async function createDataSource(settings: DataSourceSettings): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(settings));
  await dataSource.initialize();
  return dataSource;
}

/** SQL the entities would still need on top of the migrated schema (empty when they match). */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const sqlInMemory = await dataSource.driver.createSchemaBuilder().log();
  return sqlInMemory.upQueries.map((q) => q.query);
}
