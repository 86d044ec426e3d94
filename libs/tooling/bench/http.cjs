#!/usr/bin/env node
// `node libs/tooling/bench/http.cjs [--db alliance_scale] [--duration 10] [--connections 32] [--scale 0.05 | --demo] [--quick] [--only a,b] [--no-scale-out]`
// HTTP load benchmark of issue 9, part of `npm run bench` (run.cjs calls run(options)). Starts the
// built API (dist/apps/api/main.js) as real processes on a seeded database and measures, with
// autocannon, the GraphQL operations the web app sends (taken from apps/web's operation modules,
// with the __typename fields Apollo Client adds): requests/s at saturation and p50/p95/p99 +
// errors at fixed rates, for the public catalogue, "My learning", the notification centre, a course
// page, evidence search with facets and a workshop registration. Beside each figure, the same data
// from hand-written SQL through pg in a plain Node http server (http/plain-server.cjs, same pool
// size) measured the same way in the same run, and the GraphQL/plain ratio. Queries per request
// come from the API's x-query-count header (QUERY_COUNT_HEADER=true). Then the read and
// registration scenarios again with two API processes behind a round-robin TCP balancer.
//
// Data: --db NAME (default alliance_scale, `npm run seed:scale`) is used as it is and left in
// place. When it does not exist, or with --scale N, a scratch database alliance_bench_http_<random>
// is filled by seed-scale.cjs at that scale (0.05 by default); with --demo, by the API's demo data.
// Scratch databases are dropped on exit, failure or Ctrl-C; every child process is stopped.
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');
const net = require('node:net');
const { spawn, execFileSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');

const root = path.resolve(__dirname, '../../..');
process.env.SWC_NODE_PROJECT = path.join(root, 'tsconfig.base.json');
require('@swc-node/register');
const { Client } = require('pg');
const autocannon = require('autocannon');
// autocannon reports a fixed list of latency percentiles without p95: add it to the shared list.
const percentileList = require(require.resolve('hdr-histogram-percentiles-obj', { paths: [path.dirname(require.resolve('autocannon'))] })).percentiles;
if (!percentileList.includes(95)) percentileList.splice(percentileList.indexOf(97.5), 0, 95);
const { print } = require('graphql');

const DEMO_PASSWORD = 'Alianza-Demo-2026';
const SCALE_PASSWORD = 'Alianza-Escala-2026';
const POOL_SIZE = 10;

// ---------------------------------------------------------------- options

function parseArgs(argv) {
  const opts = { db: 'alliance_scale', duration: 10, connections: 32, scale: null, demo: false, quick: false, only: null, scaleOut: true, out: null, catalogueCache: true, keep: false, manifest: path.join(root, 'bench/.scale.json') };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    const value = () => inline ?? argv[++i];
    if (flag === '--db') opts.db = String(value());
    else if (flag === '--duration') opts.duration = Number(value());
    else if (flag === '--connections') opts.connections = Number(value());
    else if (flag === '--scale') opts.scale = Number(value());
    else if (flag === '--demo') opts.demo = true;
    else if (flag === '--quick') opts.quick = true;
    else if (flag === '--only') opts.only = String(value()).split(',');
    else if (flag === '--no-scale-out') opts.scaleOut = false;
    else if (flag === '--no-catalogue-cache') opts.catalogueCache = false;
    else if (flag === '--keep') opts.keep = true;
    else if (flag === '--manifest') opts.manifest = path.resolve(value());
    else if (flag === '--out') opts.out = path.resolve(value());
    else if (flag === '--help' || flag === '-h') {
      console.log('Usage: node libs/tooling/bench/http.cjs [--db alliance_scale] [--duration 10] [--connections 32] [--scale N | --demo] [--quick] [--only catalogue,myLearning,notifications,course,evidence,registration] [--no-scale-out] [--no-catalogue-cache] [--out file.md]');
      process.exit(0);
    } else throw new Error(`Unknown option ${argv[i]}`);
  }
  if (!/^[a-z0-9_]+$/.test(opts.db)) throw new Error('--db takes a database name');
  return opts;
}

// ---------------------------------------------------------------- processes and cleanup

const children = new Set();
const cleanups = [];
let cleaning = null;
function cleanup() {
  cleaning ??= (async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.all([...children].map((c) => (c.exitCode !== null ? null : new Promise((r) => { c.once('exit', r); setTimeout(r, 5000).unref(); }))));
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    for (const fn of cleanups.reverse()) await fn().catch((e) => console.error(`cleanup: ${e.message}`));
  })();
  return cleaning;
}
function onSignal() {
  cleanup().finally(() => process.exit(130));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Spawns a node script that prints {"port": N} on its first stdout line. */
function spawnWithPort(script, env, name) {
  const child = spawn(process.execPath, [script], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let err = '';
  child.stderr.on('data', (d) => (err = (err + d).slice(-4000)));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const line = out.split('\n')[0];
      if (out.includes('\n')) {
        try {
          resolve({ child, port: JSON.parse(line).port });
        } catch {
          reject(new Error(`${name}: unexpected output ${line}`));
        }
      }
    });
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}): ${err}`)));
  });
}

async function startApi({ databaseUrl, prefix, seedDemo, dataDir, log, extraEnv = {} }) {
  const port = await freePort();
  // BENCH_API_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the API under the load (bench/README.md).
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, 'dist/apps/api/main.js'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: String(POOL_SIZE),
      PORT: String(port),
      HOST: '127.0.0.1',
      // Production logs every request at info; the figures here are for the stack, not the log sink.
      LOG_LEVEL: 'warn',
      QUEUE_PREFIX: prefix,
      DATA_DIR: dataDir,
      SEED_DEMO: seedDemo ? 'true' : 'false',
      QUERY_COUNT_HEADER: 'true',
      COOKIE_SECURE: 'false',
      // Thousands of sign-ins and registrations from one address in minutes: what the rate limits stop.
      RATE_LIMITS: 'off',
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let err = '';
  child.stderr.on('data', (d) => (err = (err + d).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The API exited (${child.exitCode}): ${err}`);
    try {
      const res = await fetch(`${url}/ready`);
      if (res.ok) {
        log?.(`  API ready on port ${port} (pid ${child.pid})`);
        return { child, port, url };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`The API did not become ready: ${err}`);
}

/** The worker, as `npm start` runs it beside the API when the queue is on Redis: it consumes the jobs the API's outbox relays (otherwise they pile up and the relay keeps re-adding them inside the API process). */
function startWorker({ databaseUrl, prefix, dataDir }) {
  if (!fs.existsSync(path.join(root, 'dist/apps/worker/main.js'))) return null;
  const child = spawn(process.execPath, ['dist/apps/worker/main.js'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: '5', QUEUE_PREFIX: prefix, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

function stopChild(child) {
  if (!child || child.exitCode !== null) return Promise.resolve();
  child.kill('SIGTERM');
  return new Promise((r) => {
    child.once('exit', r);
    setTimeout(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
      r();
    }, 8000).unref();
  });
}

// ---------------------------------------------------------------- the web app's operations

/** The documents the web app sends: its own modules, printed with the __typename fields Apollo Client adds. */
function webOperations() {
  const { addTypenameToDocument } = require('@apollo/client/utilities');
  const doc = (d) => print(addTypenameToDocument(d));
  const catalogue = require(path.join(root, 'apps/web/src/features/learning/operations-catalogue.ts'));
  const learner = require(path.join(root, 'apps/web/src/features/learning/operations-learner.ts'));
  const notifications = require(path.join(root, 'apps/web/src/features/notifications/operations.ts'));
  const evidence = require(path.join(root, 'apps/web/src/features/evidence/operations-public.ts'));
  const workshops = require(path.join(root, 'apps/web/src/features/workshops/operations-participant.ts'));
  const identity = require(path.join(root, 'apps/web/src/graphql/operations.ts'));
  return {
    Courses: doc(catalogue.COURSES),
    CoursePage: doc(catalogue.COURSE),
    MyLearning: doc(learner.MY_LEARNING),
    Notifications: doc(notifications.NOTIFICATIONS_QUERY),
    EvidenceSearch: doc(evidence.EVIDENCE_SEARCH),
    RegisterForWorkshop: doc(workshops.REGISTER_FOR_WORKSHOP),
    SignIn: doc(identity.SIGN_IN),
  };
}

function gqlBody(operationName, query, variables) {
  return JSON.stringify({ operationName, query, variables });
}

// ---------------------------------------------------------------- data set

async function databaseExists(adminUrl, name) {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  await c.end();
  return rowCount === 1;
}

function dbUrl(adminUrl, name) {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Learners signed in through the real SignIn mutation; returns their session cookies. */
async function signIn(url, ops, emails, password, log) {
  const cookies = new Array(emails.length);
  let next = 0;
  let failed = 0;
  const t0 = Date.now();
  // argon2 verification dominates: a few in flight keep both cores busy without queueing.
  await Promise.all(
    Array.from({ length: 6 }, async () => {
      while (next < emails.length) {
        const i = next++;
        const res = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: gqlBody('SignIn', ops.SignIn, { input: { email: emails[i], password } }),
        });
        const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).find((c) => c.startsWith('alliance_session='));
        const json = await res.json();
        if (!cookie || json.errors) failed++;
        cookies[i] = cookie;
      }
    }),
  );
  log(`  signed in ${emails.length - failed} of ${emails.length} learners in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (failed) throw new Error(`${failed} sign-ins failed`);
  return cookies;
}

/**
 * Picks the people and things each scenario needs, by SQL on the loaded data. In the demo data set
 * there are too few learners and one open workshop, so extra learners (the demo password's hash
 * copied) and workshops (copies of the open one, 40 seats) are added to the scratch database.
 */
async function fixtures(db, { demo, learnersNeeded, log }) {
  const q = async (sql, params) => (await db.query(sql, params)).rows;
  if (demo) {
    const [{ n }] = await q(`SELECT count(*)::int AS n FROM users WHERE email LIKE 'bench-learner-%'`);
    if (n < learnersNeeded) {
      await q(
        `INSERT INTO users (email, name, password_hash, country_code, preferred_locale, email_verified_at)
         SELECT 'bench-learner-' || g || '@bench.example', 'Bench Learner ' || g, (SELECT password_hash FROM users WHERE email LIKE '%@mep-cr.example' LIMIT 1), 'CR', 'es', now()
           FROM generate_series($1::int + 1, $2::int) g ON CONFLICT DO NOTHING`,
        [n, learnersNeeded],
      );
      // Something to show: an enrolment in every published course's first offering, and notifications.
      await q(
        `INSERT INTO enrolments (course_id, offering_id, user_id, status, holds_seat, country_code)
         SELECT c.id, (SELECT o.id FROM course_offerings o WHERE o.course_id = c.id AND o.cancelled_at IS NULL ORDER BY o.created_at LIMIT 1), u.id, 'ENROLLED', false, 'CR'
           FROM users u CROSS JOIN courses c WHERE u.email LIKE 'bench-learner-%' AND c.status = 'PUBLISHED' ON CONFLICT DO NOTHING`,
      );
      await q(
        `INSERT INTO notification (user_id, type, data, link, in_app, email_frequency)
         SELECT u.id, 'learning.enrolment', jsonb_build_object('course', 'Curso ' || g, 'status', 'ENROLLED', 'note', ''), '/learning', true, 'off'
           FROM users u CROSS JOIN generate_series(1, 25) g WHERE u.email LIKE 'bench-learner-%'
            AND NOT EXISTS (SELECT 1 FROM notification x WHERE x.user_id = u.id)`,
      );
      const [{ w }] = await q(`SELECT count(*)::int AS w FROM workshops WHERE slug LIKE 'bench-workshop-%'`);
      if (w < 60) {
        await q(
          `INSERT INTO workshops (slug, title, description, mode, status, audience, time_zone, starts_at, ends_at, venue, meeting_url, capacity, seats_taken,
             registration_opens_at, registration_closes_at, approval_required, waitlist_mode, offer_hours, attendance_threshold, languages, focus_area_ids,
             certificate_issuer, certificate_signatories, created_by_id, revision)
           SELECT 'bench-workshop-' || g, title, description, mode, 'OPEN', 'OPEN', time_zone, now() + interval '20 days', now() + interval '20 days 3 hours', venue, meeting_url, 40, 0,
             now() - interval '1 day', now() + interval '15 days', false, waitlist_mode, offer_hours, attendance_threshold, languages, focus_area_ids,
             certificate_issuer, certificate_signatories, created_by_id, 1
             FROM workshops, generate_series($1::int + 1, 60) g WHERE id = (SELECT id FROM workshops WHERE status = 'OPEN' ORDER BY created_at LIMIT 1)`,
          [w],
        );
        await q(`INSERT INTO workshop_sessions (workshop_id, position, title, starts_at, ends_at)
                 SELECT w.id, 0, '{"es":"Sesión"}'::jsonb, w.starts_at, w.ends_at FROM workshops w
                  WHERE w.slug LIKE 'bench-workshop-%' AND NOT EXISTS (SELECT 1 FROM workshop_sessions s WHERE s.workshop_id = w.id)`).catch((e) => log(`  (sessions not copied: ${e.message})`));
      }
    }
    await db.query('ANALYZE');
  }
  // Learners: verified accounts without roles, most enrolments first (a full "My learning" page).
  const learners = await q(
    `SELECT u.id, u.email FROM users u
      WHERE u.email_verified_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id)
        ${demo ? `AND u.email LIKE 'bench-learner-%'` : ''}
      ORDER BY (SELECT count(*) FROM enrolments e WHERE e.user_id = u.id) DESC, u.id LIMIT $1`,
    [learnersNeeded],
  );
  // Notification readers: people with the most in-app notifications.
  const readers = await q(
    `SELECT u.id, u.email FROM users u JOIN (SELECT user_id, count(*) n FROM notification WHERE in_app GROUP BY 1 ORDER BY 2 DESC LIMIT 200) x ON x.user_id = u.id
      WHERE u.email_verified_at IS NOT NULL ORDER BY x.n DESC`,
  );
  // Course pages: published courses with the most lessons.
  const courses = await q(
    `SELECT c.slug FROM courses c WHERE c.status = 'PUBLISHED' ORDER BY (SELECT count(*) FROM lessons l WHERE l.course_id = c.id) DESC, c.id LIMIT 20`,
  );
  // Workshops anyone may register for at once: open, public, no approval, no required questions.
  const workshops = await q(
    `SELECT w.id, w.capacity, w.seats_taken FROM workshops w
      WHERE w.status = 'OPEN' AND w.audience = 'OPEN' AND NOT w.approval_required AND w.capacity IS NOT NULL
        AND (w.registration_opens_at IS NULL OR w.registration_opens_at <= now()) AND (w.registration_closes_at IS NULL OR w.registration_closes_at > now() + interval '1 hour')
        AND NOT EXISTS (SELECT 1 FROM workshop_questions q WHERE q.workshop_id = w.id AND q.required)
        AND NOT EXISTS (SELECT 1 FROM workshop_country_seats s WHERE s.workshop_id = w.id)
        -- An earlier run registered these learners somewhere: only workshops none of them is in, so
        -- every request of this run is a first registration.
        AND NOT EXISTS (SELECT 1 FROM workshop_registrations r WHERE r.workshop_id = w.id AND r.user_id = ANY($1::uuid[]))
      ORDER BY w.starts_at, w.id`,
    [learners.map((l) => l.id)],
  );
  return { learners, readers, courses: courses.map((c) => c.slug), workshops };
}

// ---------------------------------------------------------------- measuring

function summarise(r) {
  const errors = r.errors + r.timeouts + r.non2xx + (r.mismatches ?? 0);
  return {
    rps: r.requests.average,
    total: r.requests.total,
    p50: r.latency.p50,
    p95: r.latency.p95,
    p99: r.latency.p99,
    errors,
    duration: r.duration,
  };
}

/**
 * One autocannon run. `request(i)` gives the i-th request ({ path, method, headers, body }); with
 * `perConnection`, connection j keeps request(j) for its whole life instead.
 */
function load({ url, connections, duration, rate, amount, request, perConnection, verify }) {
  let i = 0;
  const first = request(0);
  const opts = {
    // autocannon takes the path from the URL; per-connection requests all share the first's path.
    url: perConnection ? url + first.path : url,
    connections,
    duration,
    amount,
    overallRate: rate,
    method: first.method ?? 'GET',
    headers: first.headers,
    body: first.body,
    path: first.path,
    timeout: 10,
    excludeErrorStats: false,
    // autocannon corrects latencies for coordinated omission at a fixed rate (the default); keep it.
    requests: perConnection
      ? undefined
      : [
          {
            setupRequest: (req) => {
              const r = request(i++);
              return { ...req, method: r.method ?? 'GET', path: r.path, headers: r.headers, body: r.body };
            },
          },
        ],
    setupClient: perConnection
      ? (client) => {
          // setRequest would last one request: the iterator goes back to its own request object.
          const r = request(i++);
          if (r.body) client.setHeadersAndBody(r.headers, r.body);
          else client.setHeaders(r.headers);
        }
      : undefined,
    verifyBody: verify,
  };
  for (const k of Object.keys(opts)) if (opts[k] === undefined) delete opts[k];
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(summarise(result))));
  });
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux); null elsewhere. */
function cpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

async function queryCounts(url, request, n = 5) {
  const counts = [];
  for (let k = 0; k < n; k++) {
    const r = request(k);
    const res = await fetch(url + r.path, { method: r.method ?? 'GET', headers: r.headers, body: r.body });
    await res.text();
    counts.push(Number(res.headers.get('x-query-count')));
  }
  return counts;
}

// ---------------------------------------------------------------- the run

async function run(options = {}) {
  const opts = { ...parseArgs([]), ...options };
  const log = options.log ?? console.log;
  const adminUrl = options.adminUrl ?? process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (opts.quick) {
    opts.duration = Math.min(opts.duration, 3);
  }
  const D = opts.duration;
  const loadAtStart = os.loadavg()[0];
  const C = opts.connections;
  const rand = randomBytes(4).toString('hex');
  const ops = webOperations();

  // Which database.
  let dbName = opts.db;
  let demo = false;
  let manifest = null;
  const exists = !opts.demo && opts.scale === null && (await databaseExists(adminUrl, dbName));
  if (!exists) {
    dbName = `alliance_bench_http_${rand}`;
    demo = opts.demo || !fs.existsSync(path.join(__dirname, 'seed-scale.cjs'));
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    cleanups.push(async () => {
      if (opts.keep) return log(`  kept ${dbName} (--keep): drop it when done`);
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await c.end();
      log(`  dropped ${dbName}`);
    });
    if (demo) {
      await admin.query(`CREATE DATABASE ${dbName}`);
      log(`Scratch database ${dbName} with the demo data`);
    } else {
      const scale = opts.scale ?? 0.05;
      log(`Scratch database ${dbName}: seed-scale --scale ${scale} (${opts.db} does not exist)`);
      const manifestFile = path.join(os.tmpdir(), `${dbName}.json`);
      cleanups.push(async () => fs.rmSync(manifestFile, { force: true }));
      execFileSync(process.execPath, [path.join(__dirname, 'seed-scale.cjs'), '--scale', String(scale), '--db', dbName, '--fresh', '--quiet', '--manifest', manifestFile], {
        cwd: root,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    }
    await admin.end();
  } else {
    const file = opts.manifest;
    if (fs.existsSync(file)) {
      const m = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (m.database === dbName) manifest = m;
    }
    log(`Database ${dbName} (kept as it is)${manifest ? `, seed-scale manifest at scale ${manifest.scale}` : ''}`);
  }
  const databaseUrl = dbUrl(adminUrl, dbName);
  const prefix = `bench_http_${rand}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-http-'));
  cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  cleanups.push(async () => {
    // Our queue and cache keys in Redis.
    try {
      const IORedis = require('ioredis');
      const redis = new IORedis(process.env.REDIS_URL || 'redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 1 });
      await redis.connect();
      let cursor = '0';
      do {
        const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        cursor = nextCursor;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== '0');
      redis.disconnect();
    } catch {
      // no Redis: nothing to clean
    }
  });

  const results = [];
  const budgets = [];
  // --no-catalogue-cache: the "before" figures of the catalogue cache fix.
  const extraEnv = opts.catalogueCache ? {} : { CATALOGUE_CACHE: 'off' };
  let api;
  let api2;
  let worker;
  let worker2;
  let plain;
  let balancer;
  try {
    if (exists) {
      // Jobs of earlier runs were queued under their own (since deleted) queue prefix: set them aside,
      // or this run's API would relay them again and its worker spend the first figures on them.
      const c = new Client({ connectionString: databaseUrl });
      await c.connect();
      const jobs = await c.query(`UPDATE outbox_message SET relayed_at = now() WHERE relayed_at IS NULL`);
      const batches = await c.query(`UPDATE notification_batch SET completed_at = now() WHERE completed_at IS NULL`);
      await c.end();
      if (jobs.rowCount || batches.rowCount) log(`  set aside ${jobs.rowCount} jobs and ${batches.rowCount} notification fan-outs left by earlier runs`);
    }
    log('Starting the API (dist/apps/api/main.js)…');
    api = await startApi({ databaseUrl, prefix, seedDemo: demo, dataDir, log, extraEnv });
    worker = startWorker({ databaseUrl, prefix, dataDir });
    plain = await spawnWithPort(path.join(__dirname, 'http/plain-server.cjs'), { DATABASE_URL: databaseUrl, POOL_SIZE: String(POOL_SIZE) }, 'plain server');
    const plainUrl = `http://127.0.0.1:${plain.port}`;

    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    cleanups.push(() => db.end());
    // Registration: every request a distinct (learner, workshop) pair; learners × workshops pairs per run.
    const regRate = 300;
    const learnersNeeded = Math.max(C, opts.quick ? 300 : 600);
    // A database a demo run kept (--keep) is a demo database again.
    if (!demo && !manifest && (await db.query(`SELECT 1 FROM users WHERE email LIKE 'bench-learner-%' LIMIT 1`)).rowCount) demo = true;
    const fx = await fixtures(db, { demo, learnersNeeded, log });
    log(`  fixtures: ${fx.learners.length} learners, ${fx.readers.length} notification readers, ${fx.courses.length} courses, ${fx.workshops.length} open workshops`);
    const password = manifest?.password ?? (demo ? DEMO_PASSWORD : SCALE_PASSWORD);
    const wants = (key) => !opts.only || opts.only.includes(key);
    const learnerCookies = wants('myLearning') || wants('registration') ? await signIn(api.url, ops, fx.learners.map((l) => l.email), password, log) : [];
    const readerCookies = wants('notifications') ? await signIn(api.url, ops, fx.readers.slice(0, C).map((l) => l.email), password, log) : [];

    const jsonHeaders = (cookie) => ({ 'content-type': 'application/json', 'accept-language': 'es', ...(cookie ? { cookie } : {}) });
    const gql = (name, variables, cookie) => ({ method: 'POST', path: '/graphql', headers: jsonHeaders(cookie), body: gqlBody(name, ops[name], variables) });
    const noErrors = (body) => typeof body === 'string' && !body.includes('"errors"');
    const evidenceQueries = manifest?.evidenceQueries ?? ['evaluación', 'formación docente', 'alfabetização', 'early literacy', 'éducation inclusive'];
    const evidenceFacets = [undefined, { types: ['RESEARCH'] }, { languages: ['es'] }];

    // Registration: hands out (learner, workshop) pairs no run has used yet.
    let workshopCursor = 0;
    const registrationPairs = (count) => {
      const L = fx.learners.length;
      const needed = Math.ceil(count / L);
      if (workshopCursor + needed > fx.workshops.length) throw new Error(`not enough open workshops for ${count} registrations (${fx.workshops.length - workshopCursor} left)`);
      const ws = fx.workshops.slice(workshopCursor, workshopCursor + needed);
      workshopCursor += needed;
      return (i) => ({ cookie: learnerCookies[i % L], learner: fx.learners[i % L], workshop: ws[Math.min(Math.floor(i / L), ws.length - 1)] });
    };

    const scenarios = [
      {
        key: 'catalogue',
        name: 'Public catalogue (Courses, first 12, es)',
        rate: 500,
        p95: 25,
        saturationBudget: 1500,
        gql: () => gql('Courses', { first: 12 }),
        plain: () => ({ path: '/catalogue?first=12', headers: { 'accept-language': 'es' } }),
      },
      {
        key: 'myLearning',
        name: '"My learning" (MyLearning, signed in)',
        rate: 300,
        p95: 50,
        perConnection: true,
        gql: (i) => gql('MyLearning', {}, learnerCookies[i % learnerCookies.length]),
        plain: (i) => ({ path: '/myLearning', headers: { 'accept-language': 'es', cookie: learnerCookies[i % learnerCookies.length] } }),
      },
      {
        key: 'notifications',
        name: 'Notification centre (Notifications, first 20, signed in)',
        rate: 300,
        p95: 50,
        perConnection: true,
        gql: (i) => gql('Notifications', { first: 20, unreadOnly: false }, readerCookies[i % readerCookies.length]),
        plain: (i) => ({ path: '/notifications', headers: { 'accept-language': 'es', cookie: readerCookies[i % readerCookies.length] } }),
      },
      {
        key: 'course',
        name: 'Course page (CoursePage, signed out)',
        rate: 300,
        p95: 50,
        gql: (i) => gql('CoursePage', { slug: fx.courses[i % fx.courses.length] }),
        plain: (i) => ({ path: `/course?slug=${encodeURIComponent(fx.courses[i % fx.courses.length])}`, headers: { 'accept-language': 'es' } }),
      },
      {
        key: 'evidence',
        name: 'Evidence search with facets (EvidenceSearch, first 20, signed out)',
        rate: 100,
        p95: 100,
        gql: (i) => gql('EvidenceSearch', { query: evidenceQueries[i % evidenceQueries.length], first: 20, ...(evidenceFacets[i % 3] ? { filters: evidenceFacets[i % 3] } : {}) }),
        plain: (i) => ({ path: `/evidence?q=${encodeURIComponent(evidenceQueries[i % evidenceQueries.length])}`, headers: { 'accept-language': 'es' } }),
      },
      {
        key: 'registration',
        name: 'Workshop registration (RegisterForWorkshop, each request a new learner × workshop)',
        rate: regRate,
        p95: 50,
        write: true,
      },
    ].filter((s) => !opts.only || opts.only.includes(s.key));

    // CPU ms per request of the serving processes during the saturation run: a figure that holds
    // up better than req/s when other work shares the cores.
    const withCpu = async (pids, fn) => {
      const before = pids.map(cpuMs);
      const result = await fn();
      const after = pids.map(cpuMs);
      const used = before.every((x) => x !== null) ? after.reduce((sum, x, k) => sum + (x - before[k]), 0) : null;
      return { ...result, cpuPerRequest: used === null || !result.total ? null : used / result.total };
    };
    const measure = async (s, target, targetUrl, label) => {
      const pids = target === 'plain' ? [plain.child.pid] : label.startsWith('2') ? [api.child.pid, api2.child.pid] : [api.child.pid];
      // Saturation: as fast as C connections go. Fixed rate: the budget's rate, latency percentiles.
      if (s.write) {
        // Enough fresh pairs for D seconds at up to 2,500 req/s (the plain server's pace); the run is
        // bounded by time. Had pairs run out, repeats would be cheap "already registered" answers.
        const satAmount = Math.round(D * 2500);
        const sat = registrationPairs(satAmount);
        const reqSat = (i) => {
          const p = sat(i);
          return target === 'plain'
            ? { method: 'POST', path: `/register?workshopId=${p.workshop.id}`, headers: { cookie: p.cookie } }
            : gql('RegisterForWorkshop', { workshopId: p.workshop.id, answers: [], consentToList: true }, p.cookie);
        };
        const saturation = await withCpu(pids, () => load({ url: targetUrl, connections: C, duration: D, request: reqSat, verify: noErrors }));
        const fixedAmount = s.rate * D;
        const fixed = registrationPairs(fixedAmount);
        const reqFixed = (i) => {
          const p = fixed(i);
          return target === 'plain'
            ? { method: 'POST', path: `/register?workshopId=${p.workshop.id}`, headers: { cookie: p.cookie } }
            : gql('RegisterForWorkshop', { workshopId: p.workshop.id, answers: [], consentToList: true }, p.cookie);
        };
        const atRate = await load({ url: targetUrl, connections: C, rate: s.rate, duration: D, request: reqFixed, verify: noErrors });
        return { saturation, atRate, label };
      }
      const request = target === 'plain' ? s.plain : s.gql;
      const saturation = await withCpu(pids, () => load({ url: targetUrl, connections: C, duration: D, request, perConnection: s.perConnection, verify: target === 'plain' ? undefined : noErrors }));
      const atRate = await load({ url: targetUrl, connections: C, duration: D, rate: s.rate, request, perConnection: s.perConnection, verify: target === 'plain' ? undefined : noErrors });
      return { saturation, atRate, label };
    };

    // Jobs left by earlier runs (or by the registrations just measured) would compete with the next
    // figure for the cores: wait until the outbox is relayed and every notification fanned out.
    const drain = async () => {
      const started = Date.now();
      for (;;) {
        const { rows } = await db.query(
          `SELECT (SELECT count(*) FROM outbox_message WHERE relayed_at IS NULL AND available_at <= now())::int AS outbox,
                  (SELECT count(*) FROM notification_batch WHERE completed_at IS NULL)::int AS batches`,
        );
        if (!rows[0].outbox && !rows[0].batches) break;
        if (Date.now() - started > 300_000) {
          log(`  (still ${rows[0].outbox} jobs to relay and ${rows[0].batches} notifications to fan out after 300 s: measuring anyway)`);
          break;
        }
        await new Promise((r) => setTimeout(r, 500));
      }
      if (Date.now() - started > 1000) log(`  waited ${((Date.now() - started) / 1000).toFixed(0)} s for the worker to finish earlier jobs`);
    };

    for (const s of scenarios) {
      log(`\n${s.name}`);
      await drain();
      let counts = [];
      if (s.write) {
        const probe = registrationPairs(5);
        counts = await queryCounts(api.url, (i) => gql('RegisterForWorkshop', { workshopId: probe(i).workshop.id, answers: [], consentToList: true }, probe(i).cookie));
      } else {
        counts = await queryCounts(api.url, s.gql);
      }
      const g = await measure(s, 'graphql', api.url, '1 API process');
      log(`  GraphQL: ${fmt(g.saturation.rps)} req/s at saturation (${cpu(g.saturation.cpuPerRequest)} CPU ms/request); at ${s.rate}/s p50 ${g.atRate.p50} p95 ${g.atRate.p95} p99 ${g.atRate.p99} ms, ${g.atRate.errors + g.saturation.errors} errors; queries/request ${counts.join(',')}`);
      const p = await measure(s, 'plain', plainUrl, 'plain');
      log(`  plain:   ${fmt(p.saturation.rps)} req/s at saturation (${cpu(p.saturation.cpuPerRequest)} CPU ms/request); at ${s.rate}/s p50 ${p.atRate.p50} p95 ${p.atRate.p95} p99 ${p.atRate.p99} ms, ${p.atRate.errors + p.saturation.errors} errors`);
      results.push({ scenario: s, counts, graphql: g, plain: p });
    }

    // Never oversold: no workshop has more confirmed registrations (or seats taken) than seats.
    const [oversold] = (
      await db.query(
        `SELECT count(*)::int AS workshops, COALESCE(sum(confirmed - capacity), 0)::int AS extra FROM (
           SELECT w.capacity, w.seats_taken, (SELECT count(*) FROM workshop_registrations r WHERE r.workshop_id = w.id AND r.status = 'CONFIRMED') AS confirmed
             FROM workshops w WHERE w.capacity IS NOT NULL) x
          WHERE confirmed > capacity OR seats_taken > capacity`,
      )
    ).rows;

    // Scale-out: the same GraphQL scenarios with two API processes behind a round-robin balancer.
    const scaleOut = [];
    if (opts.scaleOut) {
      log('\nScale-out: a second API process and a round-robin TCP balancer…');
      api2 = await startApi({ databaseUrl, prefix, seedDemo: false, dataDir, log, extraEnv });
      // Production's shape: two workers share the queue too (jobs of either API, each taken once).
      worker2 = startWorker({ databaseUrl, prefix, dataDir });
      balancer = await spawnWithPort(path.join(__dirname, 'http/balancer.cjs'), { BACKENDS: `${api.port},${api2.port}` }, 'balancer');
      const lbUrl = `http://127.0.0.1:${balancer.port}`;
      for (const r of results) {
        await drain();
        const two = await measure(r.scenario, 'graphql', lbUrl, '2 API processes');
        log(`  ${r.scenario.key}: ${fmt(two.saturation.rps)} req/s (x${(two.saturation.rps / r.graphql.saturation.rps).toFixed(2)}); at ${r.scenario.rate}/s p95 ${two.atRate.p95} ms`);
        scaleOut.push({ scenario: r.scenario, one: r.graphql, two });
      }
    }
    const [oversoldAfter] = (
      await db.query(
        `SELECT count(*)::int AS workshops FROM workshops w
          WHERE w.capacity IS NOT NULL AND ((SELECT count(*) FROM workshop_registrations r WHERE r.workshop_id = w.id AND r.status = 'CONFIRMED') > w.capacity OR w.seats_taken > w.capacity)`,
      )
    ).rows;
    const [regTotals] = (
      await db.query(
        `SELECT count(*) FILTER (WHERE r.status = 'CONFIRMED')::int AS confirmed, count(*) FILTER (WHERE r.status = 'WAITLISTED')::int AS waitlisted
           FROM workshop_registrations r JOIN users u ON u.id = r.user_id WHERE r.created_at > now() - interval '1 hour'`,
      )
    ).rows;

    // ------------------------------------------------------------ budgets
    for (const r of results) {
      const s = r.scenario;
      const g = r.graphql;
      const errors = g.saturation.errors + g.atRate.errors;
      if (s.saturationBudget) budgets.push({ name: `${s.key}: requests/s at saturation`, target: `>= ${s.saturationBudget}`, measured: fmt(g.saturation.rps), met: g.saturation.rps >= s.saturationBudget, note: errors ? `${errors} errors` : '' });
      budgets.push({ name: `${s.key}: p95 at ${s.rate} req/s`, target: `< ${s.p95} ms`, measured: `${g.atRate.p95} ms`, met: g.atRate.p95 < s.p95 && g.atRate.errors === 0, note: g.atRate.errors ? `${g.atRate.errors} errors` : '' });
      const ratio = g.saturation.rps / r.plain.saturation.rps;
      budgets.push({ name: `${s.key}: GraphQL / plain throughput`, target: '>= 0.33', measured: ratio.toFixed(2), met: ratio >= 1 / 3, note: '' });
      if (!s.write) budgets.push({ name: `${s.key}: queries per request`, target: 'bounded (no N+1)', measured: String(Math.max(...r.counts)), met: Math.max(...r.counts) <= 12, note: '' });
    }
    if (results.some((r) => r.scenario.write)) {
      budgets.push({ name: 'registration: never oversold', target: '0 workshops over capacity', measured: String(oversoldAfter.workshops), met: oversoldAfter.workshops === 0, note: '' });
    }

    // ------------------------------------------------------------ report
    const md = [];
    const [pgv] = (await db.query(`SELECT version() AS v, pg_size_pretty(pg_database_size(current_database())) AS size`)).rows;
    const [counts] = (
      await db.query(
        `SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM courses WHERE status = 'PUBLISHED')::int AS courses, (SELECT count(*) FROM enrolments)::int AS enrolments,
                (SELECT count(*) FROM workshops)::int AS workshops, (SELECT count(*) FROM workshop_registrations)::int AS registrations, (SELECT count(*) FROM evidence_items)::int AS evidence,
                (SELECT count(*) FROM notification)::int AS notifications`,
      )
    ).rows;
    md.push(`### Setup`);
    md.push('');
    md.push(`- Data: ${demo ? `demo data plus ${fx.learners.length} bench learners (scratch database)` : `database \`${exists ? dbName : `scratch, seed-scale --scale ${opts.scale ?? 0.05}`}\``}: ${Object.entries(counts).map(([k, v]) => `${v.toLocaleString('en')} ${k}`).join(', ')}; ${pgv.size}.`);
    md.push(`- A worker (\`dist/apps/worker/main.js\`) runs beside the API${worker ? '' : ' (**not built: none ran**)'}, as \`npm start\` does, so the jobs the requests cause (notification fan-out, reminders) are consumed.`);
    md.push(`- The built API (\`dist/apps/api/main.js\`, NODE_ENV=production, LOG_LEVEL=warn, pool ${POOL_SIZE}, Redis at 127.0.0.1 for queue and catalogue cache) and the plain server (\`http/plain-server.cjs\`: node:http + pg, pool ${POOL_SIZE}, hand-written SQL, roughly the same JSON) run as separate processes; autocannon runs in this process on the same ${os.cpus().length} cores as PostgreSQL and Redis.`);
    md.push(`- Load average (1 min) at the start ${loadAtStart.toFixed(2)}, at the end ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} cores: other work on the machine lowers every req/s figure; CPU ms per request (the serving process's user + system time over the saturation run / requests) is less sensitive to it.`);
    md.push(`- Public catalogue cache (Redis, per language and query, invalidated on change): ${opts.catalogueCache ? 'on' : '**off** (--no-catalogue-cache)'}.`);
    md.push(`- Each figure: ${C} connections, ${D} s (registration: each request a distinct learner × open workshop pair, so seats run out and later ones are waitlisted). Saturation = no rate limit; fixed rate = autocannon \`overallRate\`, latencies corrected for coordinated omission. Errors = network errors, timeouts, non-2xx and GraphQL \`errors\` in the body (plain server: network/non-2xx only).`);
    md.push(`- Operations: the web app's own documents (apps/web/src/features/**/operations*.ts) with the \`__typename\` fields Apollo Client adds. Signed-in scenarios: one learner's session cookie per connection, obtained through the real SignIn mutation.`);
    md.push(`- Queries per request: the API's \`x-query-count\` header (QUERY_COUNT_HEADER=true counts every statement sent through pg per request, session lookup and BEGIN/COMMIT included), 5 sequential requests.`);
    md.push('');
    md.push('### Results, one API process');
    md.push('');
    md.push('| Scenario | Stack | req/s at saturation | server CPU ms/request | fixed rate | p50 ms | p95 ms | p99 ms | errors | queries/request | GraphQL / plain (req/s) |');
    md.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of results) {
      const ratio = r.graphql.saturation.rps / r.plain.saturation.rps;
      const g = r.graphql;
      const p = r.plain;
      md.push(`| ${r.scenario.name} | GraphQL | ${fmt(g.saturation.rps)} | ${cpu(g.saturation.cpuPerRequest)} | ${r.scenario.rate}/s | ${g.atRate.p50} | ${g.atRate.p95} | ${g.atRate.p99} | ${g.saturation.errors + g.atRate.errors} | ${[...new Set(r.counts)].join(', ')} | **${ratio.toFixed(2)}** |`);
      md.push(`| | plain pg | ${fmt(p.saturation.rps)} | ${cpu(p.saturation.cpuPerRequest)} | ${r.scenario.rate}/s | ${p.atRate.p50} | ${p.atRate.p95} | ${p.atRate.p99} | ${p.saturation.errors + p.atRate.errors} | | |`);
    }
    md.push('');
    if (results.some((r) => r.scenario.write)) {
      md.push(`Registrations made in this run: ${regTotals.confirmed.toLocaleString('en')} confirmed, ${regTotals.waitlisted.toLocaleString('en')} waitlisted. Workshops with more confirmed registrations (or seats taken) than seats afterwards: **${oversoldAfter.workshops}** (after the one-process runs: ${oversold.workshops}).`);
      md.push('');
    }
    if (scaleOut.length) {
      md.push('### Scale-out: one vs two API processes (GraphQL)');
      md.push('');
      md.push('Two API processes behind `http/balancer.cjs` (round-robin per TCP connection, a separate process) and two worker processes on the same queue, same database and Redis, same load generator.');
      md.push('');
      md.push('| Scenario | req/s, 1 process | req/s, 2 processes | scaling | p95 ms at fixed rate, 1 → 2 |');
      md.push('|---|---:|---:|---:|---:|');
      for (const x of scaleOut) md.push(`| ${x.scenario.key} | ${fmt(x.one.saturation.rps)} | ${fmt(x.two.saturation.rps)} | x${(x.two.saturation.rps / x.one.saturation.rps).toFixed(2)} | ${x.one.atRate.p95} → ${x.two.atRate.p95} |`);
      md.push('');
      md.push(`On ${os.cpus().length} cores shared by the API processes, PostgreSQL, Redis, the balancer and the load generator, a second process can only help as far as one process left a core idle; the factor says how much of the stack's cost is per-process (event loop) rather than shared (database, CPU).`);
      md.push('');
    }
    const text = md.join('\n');
    return { title: 'HTTP load (GraphQL API vs plain pg)', markdown: text, budgets };
  } finally {
    await stopChild(balancer?.child);
    await stopChild(api2?.child);
    await stopChild(api?.child);
    await stopChild(plain?.child);
    await stopChild(worker);
    await stopChild(worker2);
    await cleanup();
  }
}

function cpu(x) {
  return x === null || x === undefined ? '—' : x.toFixed(2);
}

function fmt(x) {
  return Math.round(x).toLocaleString('en');
}

module.exports = { run };

if (require.main === module) {
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const opts = parseArgs(process.argv.slice(2));
  run({ ...opts, log: console.log })
    .then((result) => {
      const budgetLines = ['| Budget | Target | Measured | Met |', '|---|---|---|---|', ...result.budgets.map((b) => `| ${b.name} | ${b.target} | ${b.measured} | ${b.met ? 'yes' : `**no**${b.note ? ` (${b.note})` : ''}`} |`)];
      const text = `## ${result.title}\n\n${result.markdown}\n\n#### Budgets\n\n${budgetLines.join('\n')}\n`;
      console.log(`\n${text}`);
      if (opts.out) fs.writeFileSync(opts.out, text);
    })
    .catch((error) => {
      console.error(error?.stack ?? String(error));
      process.exitCode = 1;
    });
}
