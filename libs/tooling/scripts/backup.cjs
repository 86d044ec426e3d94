#!/usr/bin/env node
// `npm run backup -- <dir>`: a consistent copy of the portal's data into <dir> (which must not exist
// or be empty): the PostgreSQL database of DATABASE_URL as a pg_dump custom-format archive, the
// files kept on local disk (evidence and working-table uploads, certificate PDFs, the credential
// issuer key) and manifest.json (date, versions, applied migrations, row count of every table, size
// and SHA-256 of every file). `npm run restore -- <dir>` checks all of it before it changes anything.
// The portal may keep running: the database is dumped from one snapshot, and the row counts and
// migration list are read from that same snapshot.
// Environment: DATABASE_URL (required), DATA_DIR, UPLOADS_DIR, STORAGE_DRIVER as for the portal;
// PG_DUMP / PG_RESTORE to use other client binaries (e.g. /usr/lib/postgresql/17/bin/pg_dump).
const { spawn, execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { pipeline } = require('node:stream/promises');
const { Client } = require('pg');

const MANIFEST = 'manifest.json';
const DUMP = 'database.dump';
const FORMAT = 1;

/** The portal's own resolution of its directories (libs/server/config), relative to the working directory. */
function dataDirectories(env = process.env) {
  const value = (name) => (env[name] && env[name].trim() !== '' ? env[name] : undefined);
  const dataDir = path.resolve(value('DATA_DIR') ?? '.data');
  const storageDriver = value('STORAGE_DRIVER') ?? 'local';
  const dirs = { keys: path.join(dataDir, 'keys') };
  // With S3 storage both kinds of file live in the bucket: see README, "Backup and restore".
  if (storageDriver !== 's3') {
    dirs.uploads = value('UPLOADS_DIR') ? path.resolve(value('UPLOADS_DIR')) : path.join(dataDir, 'uploads');
    dirs.certificates = path.join(dataDir, 'certificates');
  }
  return { dataDir, storageDriver, dirs };
}

function databaseUrl(env = process.env) {
  const url = env.DATABASE_URL && env.DATABASE_URL.trim();
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set. Backups work on a PostgreSQL server; the embedded development database ' +
        '(PGlite under DATA_DIR/pg) is backed up by stopping the portal and copying DATA_DIR.',
    );
  }
  return url;
}

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** Major version of a client binary (pg_dump --version: "pg_dump (PostgreSQL) 15.20 (Debian ...)"). */
function clientMajor(binary) {
  let out;
  try {
    out = execFileSync(binary, ['--version'], { encoding: 'utf8' });
  } catch (error) {
    throw new Error(`${binary} is not available (${error.message}); install the PostgreSQL client or set PG_DUMP / PG_RESTORE`);
  }
  const match = /\)\s+(\d+)/.exec(out);
  if (!match) throw new Error(`cannot read the version of ${binary}: ${out.trim()}`);
  return { major: Number(match[1]), text: out.trim() };
}

/** The server's major version, checked against the client's: pg_dump refuses newer servers, and says so late. */
async function checkVersions(client, binary) {
  const serverNum = Number((await client.query('SHOW server_version_num')).rows[0].server_version_num);
  const serverMajor = Math.floor(serverNum / 10000);
  const tool = clientMajor(binary);
  if (tool.major < serverMajor) {
    throw new Error(
      `${path.basename(binary)} ${tool.major} cannot handle a PostgreSQL ${serverMajor} server: install the version ${serverMajor} ` +
        `client (or newer) and point ${binary === process.env.PG_RESTORE ? 'PG_RESTORE' : binary === process.env.PG_DUMP ? 'PG_DUMP' : 'PG_DUMP / PG_RESTORE'} at it`,
    );
  }
  return { serverMajor, server: (await client.query('SHOW server_version')).rows[0].server_version, client: tool.text };
}

/** Exact row count of every table of the public schema, by name (one statement). */
async function tableRows(client) {
  const tables = (
    await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)
  ).rows.map((r) => r.tablename);
  if (tables.length === 0) return {};
  const sql = tables.map((t) => `SELECT ${client.escapeLiteral(t)} AS t, count(*)::bigint AS n FROM public.${client.escapeIdentifier(t)}`).join(' UNION ALL ');
  const counts = {};
  for (const row of (await client.query(sql)).rows) counts[row.t] = Number(row.n);
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

/** The applied migrations, oldest first (TypeORM's table), or [] on a database that has none. */
async function appliedMigrations(client) {
  const exists = (await client.query(`SELECT to_regclass('public.migrations') IS NOT NULL AS e`)).rows[0].e;
  if (!exists) return [];
  return (await client.query('SELECT name FROM public.migrations ORDER BY "timestamp", id')).rows.map((r) => r.name);
}

async function sha256File(file) {
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/** Every regular file under dir, relative paths with forward slashes, sorted; temporary files skipped. */
function listFiles(dir) {
  const out = [];
  const walk = (current) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      // *.tmp are half-written files that storage renames into place when complete.
      else if (entry.isFile() && !entry.name.endsWith('.tmp')) out.push(path.relative(dir, full).split(path.sep).join('/'));
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out.sort();
}

function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'], ...options });
    let stderr = '';
    child.stderr?.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve(stderr) : reject(new Error(`${path.basename(command)} exited with ${code ?? signal}${stderr ? `:\n${stderr.trim()}` : ''}`)),
    );
  });
}

function pgBinary(name) {
  return process.env[name === 'pg_dump' ? 'PG_DUMP' : 'PG_RESTORE'] || name;
}

async function backup(target, env = process.env) {
  const url = databaseUrl(env);
  const out = path.resolve(target);
  if (fs.existsSync(out) && fs.readdirSync(out).length > 0) throw new Error(`${out} is not empty: give each backup a directory of its own`);
  fs.mkdirSync(out, { recursive: true });
  const { storageDriver, dirs } = dataDirectories(env);
  const pgDump = pgBinary('pg_dump');

  const client = new Client({ connectionString: url });
  await client.connect();
  let manifest;
  try {
    const versions = await checkVersions(client, pgDump);
    // One snapshot for the dump, the row counts and the migration list: the transaction stays open
    // (and the snapshot valid) until pg_dump has finished.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = (await client.query('SELECT pg_export_snapshot() AS s')).rows[0].s;
    const rows = await tableRows(client);
    const migrations = await appliedMigrations(client);
    const dumpFile = path.join(out, DUMP);
    await run(pgDump, ['--format=custom', `--snapshot=${snapshot}`, `--file=${dumpFile}`, `--dbname=${url}`]);
    await client.query('COMMIT');
    manifest = {
      format: FORMAT,
      createdAt: new Date().toISOString(),
      database: {
        file: DUMP,
        size: fs.statSync(dumpFile).size,
        sha256: await sha256File(dumpFile),
        serverVersion: versions.server,
        pgDump: versions.client,
        migrations,
        tableRows: rows,
      },
      storageDriver,
      files: [],
    };
  } finally {
    await client.end().catch(() => undefined);
  }

  // Files after the snapshot: every file a row of the dump points to was already written then.
  let bytes = 0;
  for (const [area, dir] of Object.entries(dirs)) {
    for (const relative of listFiles(dir)) {
      const destination = path.join(out, 'files', area, ...relative.split('/'));
      fs.mkdirSync(path.dirname(destination), { recursive: true });
      try {
        fs.copyFileSync(path.join(dir, ...relative.split('/')), destination);
      } catch (error) {
        // Deleted between the listing and the copy (a document replaced meanwhile): not in the backup.
        if (error.code === 'ENOENT') continue;
        throw error;
      }
      // Hashed from the copy, so the manifest describes exactly what the backup holds.
      const size = fs.statSync(destination).size;
      bytes += size;
      manifest.files.push({ path: `${area}/${relative}`, size, sha256: await sha256File(destination) });
    }
  }
  // The manifest last: a backup without one was cut short and restore refuses it.
  fs.writeFileSync(path.join(out, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return { dir: out, manifest, bytes };
}

async function main() {
  const target = process.argv[2];
  if (!target || target.startsWith('-')) fail('usage: npm run backup -- <directory>');
  try {
    const { dir, manifest, bytes } = await backup(target);
    const rows = Object.values(manifest.database.tableRows).reduce((a, b) => a + b, 0);
    process.stdout.write(
      `Backup written to ${dir}\n` +
        `  database: ${manifest.database.size} bytes, ${Object.keys(manifest.database.tableRows).length} tables, ${rows} rows, ` +
        `${manifest.database.migrations.length} migrations (PostgreSQL ${manifest.database.serverVersion})\n` +
        `  files: ${manifest.files.length} (${bytes} bytes)${manifest.storageDriver === 's3' ? ', uploads and certificates are in S3 storage and not included' : ''}\n` +
        '  It holds personal data and the credential signing key: keep it encrypted and access-controlled.\n',
    );
  } catch (error) {
    fail(`Backup failed: ${error.message}`);
  }
}

module.exports = { MANIFEST, DUMP, FORMAT, dataDirectories, databaseUrl, checkVersions, tableRows, appliedMigrations, sha256File, listFiles, run, pgBinary, backup };

if (require.main === module) main();
