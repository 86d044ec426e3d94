import { Client } from 'pg';
import { createDataSource, pendingSchemaChanges, runMigrations, startEmbeddedPostgres, MIGRATIONS } from '@alliance/server-database';
import { ALL_ENTITIES } from './entities';

async function withEmptyDatabase(use: (url: string) => Promise<void>): Promise<void> {
  const adminUrl = process.env.TEST_ADMIN_PG_URL!;
  const name = `${process.env.TEST_DATABASE_NAME}_empty`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    await use(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

describe('migrations', () => {
  it('apply to an empty PostgreSQL database, leave nothing for the entities to add, and revert cleanly', async () => {
    await withEmptyDatabase(async (url) => {
      const dataSource = await createDataSource({ url, entities: ALL_ENTITIES, poolSize: 2 });
      try {
        const applied = await runMigrations(dataSource);
        expect(applied).toHaveLength(MIGRATIONS.length);
        expect(await pendingSchemaChanges(dataSource)).toEqual([]);
        // Running again is a no-op (several processes may start at once).
        expect(await runMigrations(dataSource)).toEqual([]);
        for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
        const tables = await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`);
        expect(tables).toEqual([]);
      } finally {
        await dataSource.destroy();
      }
    });
  });

  it('apply on the embedded PGlite database too, which then answers queries through the pg driver', async () => {
    const embedded = await startEmbeddedPostgres(undefined, 4);
    try {
      const dataSource = await createDataSource({ url: embedded.url, entities: ALL_ENTITIES, poolSize: 2 });
      try {
        await runMigrations(dataSource);
        expect(await pendingSchemaChanges(dataSource)).toEqual([]);
        const [row] = await dataSource.query('SELECT gen_random_uuid() AS id, now() AS at');
        expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      } finally {
        await dataSource.destroy();
      }
    } finally {
      await embedded.stop();
    }
  });
});
