// Applies every committed migration to DATABASE_URL (used by the Jest global setup).
const path = require('node:path');
const root = path.resolve(__dirname, '../../..');
process.env.SWC_NODE_PROJECT = path.join(root, 'tsconfig.base.json');
require('@swc-node/register');
const { createDataSource, runMigrations } = require(path.join(root, 'libs/server/database/src/index.ts'));
const { ALL_ENTITIES } = require(path.join(root, 'libs/server/platform/src/entities.ts'));

(async () => {
  const dataSource = await createDataSource({ url: process.env.DATABASE_URL, entities: ALL_ENTITIES, poolSize: 2 });
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
