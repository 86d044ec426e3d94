// Each Jest run gets its own PostgreSQL database, created here and dropped in global-teardown.
// The admin connection uses the machine's PostgreSQL (TEST_PG_URL overrides it).
const { Client } = require('pg');
const crypto = require('node:crypto');

module.exports = async function globalSetup() {
  const adminUrl = process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `alliance_test_${Date.now().toString(36)}_${crypto.randomBytes(3).toString('hex')}`;
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE "${dbName}"`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  process.env.DATABASE_URL = url.toString();
  process.env.TEST_DATABASE_NAME = dbName;
  process.env.TEST_ADMIN_PG_URL = adminUrl;
  // Queues of this run live under their own Redis prefix, so parallel runs never share jobs.
  process.env.QUEUE_PREFIX = dbName;
  await migrate(process.env.DATABASE_URL);
};

// Tests start from the committed migrations, exactly as production does. They run in a child
// process because Jest's own module hooks do not resolve the TypeScript path aliases.
async function migrate(databaseUrl) {
  const { execFileSync } = require('node:child_process');
  const path = require('node:path');
  execFileSync(process.execPath, [path.join(__dirname, 'migrate.cjs')], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: 'inherit',
  });
}
