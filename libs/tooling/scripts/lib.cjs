// Small helpers shared by the run scripts (start, dev, test). Plain Node, no build needed.
const { spawn } = require('node:child_process');
const path = require('node:path');
const fs = require('node:fs');

const root = path.resolve(__dirname, '../../..');

function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}`))));
  });
}

function bin(name) {
  return path.join(root, 'node_modules/.bin', name);
}

async function waitForReady(url, timeoutMs = 120_000, child) {
  const started = Date.now();
  let lastError;
  while (Date.now() - started < timeoutMs) {
    if (child && child.exitCode !== null) throw new Error(`the process exited with code ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(`${url}/ready`);
      const body = await res.json();
      if (res.ok) return body;
      lastError = JSON.stringify(body);
    } catch (error) {
      lastError = error.message;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`not ready after ${timeoutMs / 1000} s (${lastError})`);
}

function readEmbeddedUrl(dataDir) {
  const file = path.join(dataDir, 'embedded-db.json');
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).url : undefined;
}

module.exports = { root, run, bin, waitForReady, readEmbeddedUrl };
