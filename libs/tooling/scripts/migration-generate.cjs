#!/usr/bin/env node
// Usage: npm run migration:generate -- AddUsers
// Applies the committed migrations to a scratch database on the machine's PostgreSQL, compares the
// result with the entities, and writes the difference as a new migration (appended to the index).
// Review the file: it must contain only the changes you meant.
process.env.SWC_NODE_PROJECT = require('node:path').resolve(__dirname, '../../../tsconfig.base.json');
require('@swc-node/register');
const path = require('node:path');
const fs = require('node:fs');
const { Client } = require('pg');

async function main() {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('Give the migration a PascalCase name, e.g. AddUsers');
  const root = path.resolve(__dirname, '../../..');
  const { createDataSource, runMigrations, pendingSchemaChanges } = require(path.join(root, 'libs/server/database/src/index.ts'));
  const { ALL_ENTITIES } = require(path.join(root, 'libs/server/platform/src/entities.ts'));
  const adminUrl = process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `alliance_migration_${Date.now()}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  try {
    const ds = await createDataSource({ url: url.toString(), entities: ALL_ENTITIES, poolSize: 2 });
    await runMigrations(ds);
    const log = await ds.driver.createSchemaBuilder().log();
    await ds.destroy();
    if (!log.upQueries.length) {
      console.log('No changes: the entities match the migrations.');
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const q = (s) => '`' + s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
    const up = log.upQueries.map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
    const down = log.downQueries.reverse().map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
    const file = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${up}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${down}
  }
}
`;
    const dir = path.join(root, 'libs/server/database/src/migrations');
    const fileName = `${timestamp}-${name}`;
    fs.writeFileSync(path.join(dir, `${fileName}.ts`), file);
    const indexPath = path.join(dir, 'index.ts');
    let index = fs.readFileSync(indexPath, 'utf8');
    index = index.replace(/(import type \{ MigrationInterface \} from 'typeorm';\n)/, `$1import { ${className} } from './${fileName}';\n`);
    index = index.replace(/\];\s*$/, `  ${className},\n];\n`).replace('= [  ', '= [\n  ');
    fs.writeFileSync(indexPath, index);
    console.log(`Wrote migrations/${fileName}.ts (${log.upQueries.length} statements). Review it.`);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err.message || err);
  process.exit(1);
});
