#!/usr/bin/env node
// `node libs/tooling/bench/hostile.cjs [--url http://127.0.0.1:3000] [--requests 1000]`
//
// How fast the API refuses hostile GraphQL requests (issue 10): a query deeper than the depth limit,
// too many aliases, an alias bomb, a fragment bomb (2^30 fields once expanded), a fragment cycle,
// a 10,000-token document, a batch of 100 operations, a page of 5,000 and a cross-site form post.
// Each is sent --requests times one after the other; the script prints the answer's code and the
// median and p99 time per request, beside a cheap accepted query ({ me { id } }) for scale. A
// refusal should cost about what the cheap query costs: none of them reaches a resolver.
//
// Without --url it starts the built API (dist/apps/api/main.js, `npx nx run-many -t build -p api`)
// in production mode on a scratch database (dropped on exit) and stops it afterwards.
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');
const net = require('node:net');
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { performance } = require('node:perf_hooks');
const { buildSchema, getNamedType, isLeafType, isNonNullType, isObjectType } = require('graphql');

const root = path.resolve(__dirname, '../../..');

function parseArgs(argv) {
  const opts = { url: null, requests: 1000 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    const value = () => inline ?? argv[++i];
    if (flag === '--url') opts.url = String(value()).replace(/\/$/, '');
    else if (flag === '--requests') opts.requests = Number(value());
    else if (flag === '--help' || flag === '-h') {
      console.log('Usage: node libs/tooling/bench/hostile.cjs [--url http://127.0.0.1:3000] [--requests 1000]');
      process.exit(0);
    } else throw new Error(`unknown option ${argv[i]}`);
  }
  return opts;
}

/** A valid query `depth` levels deep (root fields at 0), from the committed schema. */
function deepQuery(depth) {
  const schema = buildSchema(fs.readFileSync(path.join(root, 'apps/api/schema.gql'), 'utf8'));
  const dead = new Set();
  const walk = (type, remaining) => {
    if (dead.has(`${type.name}:${remaining}`)) return undefined;
    const fields = Object.values(type.getFields()).filter((f) => !f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined));
    for (const field of fields) {
      const named = getNamedType(field.type);
      if (remaining === 0 && isLeafType(named)) return field.name;
      if (remaining > 0 && isObjectType(named)) {
        const rest = walk(named, remaining - 1);
        if (rest) return `${field.name} { ${rest} }`;
      }
    }
    dead.add(`${type.name}:${remaining}`);
    return undefined;
  };
  return `{ ${walk(schema.getQueryType(), depth)} }`;
}

function scenarios() {
  const json = (body) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const aliases = (n) => Array.from({ length: n }, (_, i) => `a${i}: me { id }`).join(' ');
  const levels = 30;
  const bomb = `{ ...F0 } ${Array.from({ length: levels }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ')} fragment F${levels} on Query { me { id } }`;
  return [
    { name: 'accepted: { me { id } }', request: json({ query: '{ me { id } }' }) },
    { name: 'depth 9 (limit 8)', request: json({ query: deepQuery(9) }) },
    { name: '16 aliases (limit 15)', request: json({ query: `{ ${aliases(16)} }` }) },
    { name: 'alias bomb: 300 aliases', request: json({ query: `{ ${aliases(300)} }` }) },
    { name: 'fragment bomb: 2^30 fields', request: json({ query: bomb }) },
    { name: 'fragment cycle', request: json({ query: '{ ...A } fragment A on Query { me { id } ...B } fragment B on Query { ...A }' }) },
    { name: '10,000-token document', request: json({ query: `{ me { ${'id '.repeat(10000)} } }` }) },
    { name: 'batch of 100 operations', request: json(Array.from({ length: 100 }, () => ({ query: '{ me { id } }' }))) },
    { name: 'page of 5,000', request: json({ query: '{ courses(first: 5000) { totalCount } }' }) },
    { name: 'cross-site form post', request: { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%7B%20me%20%7B%20id%20%7D%20%7D' } },
  ];
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function measure(url, scenario, requests) {
  const times = [];
  let answer = '';
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'accept-language': 'en', ...scenario.request.headers }, body: scenario.request.body });
    const body = await res.json();
    times.push(performance.now() - started);
    if (i === 0) answer = `${res.status} ${body.errors?.[0]?.extensions?.code ?? 'data'}`;
  }
  times.sort((a, b) => a - b);
  return { answer, median: percentile(times, 50), p99: percentile(times, 99), bytes: Buffer.byteLength(scenario.request.body) };
}

// ---------------------------------------------------------------- a scratch API

const children = new Set();
let scratchDb = null;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function adminQuery(sql) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function startApi() {
  if (!fs.existsSync(path.join(root, 'dist/apps/api/main.js'))) throw new Error('dist/apps/api/main.js is missing: build the API first (npx nx run-many -t build -p api)');
  scratchDb = `alliance_bench_hostile_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${scratchDb}`);
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-hostile-'));
  const child = spawn(process.execPath, ['dist/apps/api/main.js'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${scratchDb}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      QUEUE_PREFIX: scratchDb,
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      COOKIE_SECURE: 'false',
      RATE_LIMITS: 'off',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.add(child);
  let err = '';
  child.stderr.on('data', (d) => (err = (err + d).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The API exited (${child.exitCode}): ${err}`);
    try {
      if ((await fetch(`${url}/ready`)).ok) return url;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`The API did not become ready: ${err}`);
}

async function cleanup() {
  for (const child of children) {
    if (child.exitCode !== null) continue;
    child.kill('SIGTERM');
    await new Promise((r) => {
      child.once('exit', r);
      setTimeout(() => {
        if (child.exitCode === null) child.kill('SIGKILL');
        r();
      }, 8000).unref();
    });
  }
  if (scratchDb) {
    const db = scratchDb;
    scratchDb = null;
    await adminQuery(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`).catch((e) => console.error(`could not drop ${db}: ${e.message}`));
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  process.once('SIGINT', () => cleanup().finally(() => process.exit(130)));
  const url = opts.url ?? (await startApi());
  console.log(`Hostile GraphQL requests against ${url}, ${opts.requests} each, one at a time:\n`);
  console.log('| request | bytes | answer | median ms | p99 ms |');
  console.log('| --- | ---: | --- | ---: | ---: |');
  for (const scenario of scenarios()) {
    const r = await measure(url, scenario, opts.requests);
    console.log(`| ${scenario.name} | ${r.bytes} | ${r.answer} | ${r.median.toFixed(2)} | ${r.p99.toFixed(2)} |`);
  }
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(cleanup);
