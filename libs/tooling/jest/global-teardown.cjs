const { Client } = require('pg');

module.exports = async function globalTeardown() {
  const dbName = process.env.TEST_DATABASE_NAME;
  if (!dbName) return;
  const client = new Client({ connectionString: process.env.TEST_ADMIN_PG_URL });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await client.end();
};
