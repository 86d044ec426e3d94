#!/usr/bin/env node
// `npm start`: build (cached by Nx), then run the API (which also serves the web app) and, when the
// queue runs on Redis, the worker, on one URL. Without DATABASE_URL the API runs the embedded
// PostgreSQL and the worker connects to it; without Redis the API runs jobs in-process.
const path = require('node:path');
const { spawn } = require('node:child_process');
const { root, run, bin, waitForReady, readEmbeddedUrl } = require('./lib.cjs');

async function main() {
  if (!process.argv.includes('--no-build')) {
    await run(bin('nx'), ['run-many', '-t', 'build', '-p', 'api', 'worker', 'web', '--outputStyle=static']);
  }
  const port = process.env.PORT || '3000';
  const url = process.env.PUBLIC_URL || `http://localhost:${port}`;
  const dataDir = path.resolve(root, process.env.DATA_DIR || '.data');
  const children = [];
  let exiting = false;

  const shutdown = (code) => {
    if (exiting) return;
    exiting = true;
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    setTimeout(() => process.exit(code), 100).unref();
    Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.on('exit', r))))).then(() => process.exit(code));
  };
  process.on('SIGINT', () => shutdown(0));
  process.on('SIGTERM', () => shutdown(0));

  const api = spawn(process.execPath, ['--enable-source-maps', 'dist/apps/api/main.js'], { cwd: root, stdio: 'inherit', env: { ...process.env, PORT: port } });
  children.push(api);
  api.on('exit', (code) => shutdown(code ?? 1));

  const ready = await waitForReady(`http://127.0.0.1:${port}`, 180_000, api);
  if (ready.queue && ready.queue.driver === 'bullmq') {
    const databaseUrl = process.env.DATABASE_URL || readEmbeddedUrl(dataDir);
    const worker = spawn(process.execPath, ['--enable-source-maps', 'dist/apps/worker/main.js'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    children.push(worker);
    worker.on('exit', (code) => shutdown(code ?? 1));
  }
  process.stdout.write(`\n  Alliance portal: ${url}\n  Demo sign-in: admin@alianza.example / Alianza-Demo-2026 (see README)\n  Dev mailbox: ${url}/dev/mail\n\n`);
}

main().catch((error) => {
  process.stderr.write(`npm start failed: ${error.message}\n`);
  process.exit(1);
});
