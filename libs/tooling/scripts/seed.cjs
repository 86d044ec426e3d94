#!/usr/bin/env node
// `npm run seed`: loads the fictional demo data into the configured database (idempotent). With no
// DATABASE_URL it uses the embedded database, which must not be open in a running API at the
// same time (stop `npm start` first).
const { run, bin } = require('./lib.cjs');

run(bin('nx'), ['run', 'api:build', '--outputStyle=static'])
  .then(() => run(process.execPath, ['--enable-source-maps', 'dist/apps/api/main.js', '--seed-only'], { env: { ...process.env, SEED_DEMO: 'true' } }))
  .catch((error) => {
    process.stderr.write(`npm run seed failed: ${error.message}\n`);
    process.exit(1);
  });
