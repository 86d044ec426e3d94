#!/usr/bin/env node
// `npm run dev`: live reload for everything. webpack rebuilds api and worker on change and node
// --watch restarts them; Vite serves the web app with hot reload on http://localhost:4200 and
// proxies /graphql and /api to the API on :3000.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { root, bin, waitForReady } = require('./lib.cjs');

const env = { ...process.env, NODE_ENV: process.env.NODE_ENV || 'development', EMBEDDED_DB_PORT: process.env.EMBEDDED_DB_PORT || '54329' };
const children = [];
const start = (name, command, args, extraEnv = {}) => {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  children.push(child);
  child.on('exit', (code) => process.stdout.write(`[dev] ${name} exited (${code})\n`));
  return child;
};
const stopAll = () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);

async function waitForFile(file) {
  while (!fs.existsSync(path.join(root, file))) await new Promise((r) => setTimeout(r, 500));
}

async function main() {
  start('api build', bin('webpack'), ['-c', 'apps/api/webpack.config.cjs', '--mode', 'development', '--watch']);
  start('worker build', bin('webpack'), ['-c', 'apps/worker/webpack.config.cjs', '--mode', 'development', '--watch']);
  await waitForFile('dist/apps/api/main.js');
  const api = start('api', process.execPath, ['--enable-source-maps', '--watch-path=dist/apps/api', 'dist/apps/api/main.js']);
  start('web', bin('vite'), ['--config', 'apps/web/vite.config.ts']);
  const ready = await waitForReady(`http://127.0.0.1:${env.PORT || 3000}`, 180_000, api);
  if (ready.queue?.driver === 'bullmq') {
    await waitForFile('dist/apps/worker/main.js');
    const databaseUrl = env.DATABASE_URL || `postgres://postgres@127.0.0.1:${env.EMBEDDED_DB_PORT}/postgres`;
    start('worker', process.execPath, ['--enable-source-maps', '--watch-path=dist/apps/worker', 'dist/apps/worker/main.js'], { DATABASE_URL: databaseUrl });
  }
  process.stdout.write(`\n  Web (hot reload): http://localhost:4200\n  API: http://localhost:${env.PORT || 3000}/graphql\n\n`);
}

main().catch((error) => {
  process.stderr.write(`npm run dev failed: ${error.message}\n`);
  stopAll();
});
