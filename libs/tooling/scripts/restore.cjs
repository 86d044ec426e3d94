#!/usr/bin/env node
// `npm run restore -- <dir>`: puts back a backup made by `npm run backup`. Stop the API and the
// workers first (they would write to what is being replaced). Order, so that a bad backup changes
// nothing: (1) the manifest is read and the dump and every file are checked against their recorded
// sizes and SHA-256; (2) the files are copied into staging directories beside their places and
// checked again; (3) the database is restored with pg_restore --clean --if-exists in ONE
// transaction (all or nothing); (4) the restored row counts and migration list are compared with
// the manifest; (5) only then do the staged directories replace the current ones.
// Environment as for `npm run backup` (DATABASE_URL, DATA_DIR, UPLOADS_DIR, STORAGE_DRIVER, PG_RESTORE).
const fs = require('node:fs');
const path = require('node:path');
const { Client } = require('pg');
const { MANIFEST, FORMAT, dataDirectories, databaseUrl, checkVersions, tableRows, appliedMigrations, sha256File, run, pgBinary } = require('./backup.cjs');

function readManifest(dir) {
  const file = path.join(dir, MANIFEST);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: not a backup, or one that was cut short`);
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (manifest.format !== FORMAT) throw new Error(`unknown backup format ${manifest.format} (this version reads ${FORMAT})`);
  return manifest;
}

/** Size and SHA-256 of the dump and every file, and no file path leaving the backup directory. */
async function verify(dir, manifest) {
  const problems = [];
  const check = async (relative, size, sha256) => {
    const full = path.resolve(dir, relative);
    if (!full.startsWith(path.resolve(dir) + path.sep)) return problems.push(`${relative}: path outside the backup`);
    if (!fs.existsSync(full)) return problems.push(`${relative}: missing`);
    const actual = fs.statSync(full).size;
    if (actual !== size) return problems.push(`${relative}: ${actual} bytes, the manifest says ${size}`);
    if ((await sha256File(full)) !== sha256) problems.push(`${relative}: content differs from the manifest (SHA-256)`);
  };
  await check(manifest.database.file, manifest.database.size, manifest.database.sha256);
  for (const file of manifest.files) await check(path.join('files', ...file.path.split('/')), file.size, file.sha256);
  if (problems.length > 0) throw new Error(`the backup does not match its manifest, nothing was changed:\n  ${problems.join('\n  ')}`);
}

/** Copies the backup's files of each area into `<place>.restoring`, checked again after the copy. */
async function stageFiles(dir, manifest, dirs) {
  const staged = {};
  const areas = new Set(manifest.files.map((f) => f.path.split('/')[0]));
  for (const area of areas) {
    if (!dirs[area]) {
      throw new Error(`the backup holds ${area} files but this portal keeps none on disk (STORAGE_DRIVER=s3?): restore them into the bucket yourself, nothing was changed`);
    }
  }
  for (const [area, place] of Object.entries(dirs)) {
    // A key made after the backup is kept when the backup has none (CREDENTIAL_ISSUER_KEY set then):
    // losing the signing key would make every credential signed with it unverifiable.
    if (area === 'keys' && !areas.has('keys')) continue;
    const staging = `${place}.restoring`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging, { recursive: true });
    staged[area] = staging;
    for (const file of manifest.files.filter((f) => f.path.split('/')[0] === area)) {
      const relative = file.path.split('/').slice(1);
      const destination = path.join(staging, ...relative);
      fs.mkdirSync(path.dirname(destination), { recursive: true });
      fs.copyFileSync(path.join(dir, 'files', area, ...relative), destination);
      if ((await sha256File(destination)) !== file.sha256) throw new Error(`${destination}: the copy differs from the backup (disk full or failing?)`);
    }
    // The issuer key is a secret: readable by its owner only, as the portal writes it.
    if (area === 'keys') for (const f of fs.readdirSync(staging)) fs.chmodSync(path.join(staging, f), 0o600);
  }
  return staged;
}

/** Swaps each staged directory into place; the old one is removed once the new one is there. */
function swapFiles(staged, dirs) {
  for (const [area, staging] of Object.entries(staged)) {
    const place = dirs[area];
    const old = `${place}.replaced`;
    fs.rmSync(old, { recursive: true, force: true });
    if (fs.existsSync(place)) fs.renameSync(place, old);
    fs.renameSync(staging, place);
    fs.rmSync(old, { recursive: true, force: true });
  }
}

async function restore(source, env = process.env) {
  const dir = path.resolve(source);
  const url = databaseUrl(env);
  const manifest = readManifest(dir);
  const { dirs } = dataDirectories(env);
  const pgRestore = pgBinary('pg_restore');

  await verify(dir, manifest);
  const client = new Client({ connectionString: url });
  await client.connect();
  let staged = {};
  try {
    const versions = await checkVersions(client, pgRestore);
    const dumpedMajor = Number(/^(\d+)/.exec(manifest.database.serverVersion)?.[1]);
    if (dumpedMajor > versions.serverMajor) {
      throw new Error(`the backup comes from PostgreSQL ${manifest.database.serverVersion} and this server is ${versions.server}: restore it on ${dumpedMajor} or newer, nothing was changed`);
    }
    // Tables the backup does not know (from later migrations) would survive --clean while the
    // migrations table forgets them, and the next start would fail creating them again.
    const newer = Object.keys(await tableRows(client)).filter((t) => !(t in manifest.database.tableRows));
    if (newer.length > 0) {
      throw new Error(
        `the database has tables the backup does not (${newer.join(', ')}): restore into an empty database ` +
          '(createdb, then point DATABASE_URL at it), nothing was changed',
      );
    }
    staged = await stageFiles(dir, manifest, dirs);
    // Objects of the backup are dropped and re-created; the owner and grants of the restoring role
    // apply (the backup may come from another installation). --single-transaction: a failure
    // leaves the database exactly as it was.
    await run(pgRestore, ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${url}`, path.join(dir, manifest.database.file)]);
    const rows = await tableRows(client);
    const migrations = await appliedMigrations(client);
    const problems = [];
    if (JSON.stringify(migrations) !== JSON.stringify(manifest.database.migrations)) problems.push('the applied migrations differ from the manifest');
    for (const [table, count] of Object.entries(manifest.database.tableRows)) {
      if (rows[table] !== count) problems.push(`${table}: ${rows[table] ?? 'missing'} rows, the manifest says ${count}`);
    }
    if (problems.length > 0) throw new Error(`the restored database does not match the manifest (the files were left as they were):\n  ${problems.join('\n  ')}`);
    swapFiles(staged, dirs);
    staged = {};
    return { dir, manifest };
  } finally {
    for (const staging of Object.values(staged)) fs.rmSync(staging, { recursive: true, force: true });
    await client.end().catch(() => undefined);
  }
}

async function main() {
  const source = process.argv[2];
  if (!source || source.startsWith('-')) {
    process.stderr.write('usage: npm run restore -- <backup directory>\n');
    process.exit(1);
  }
  try {
    const { dir, manifest } = await restore(source);
    const rows = Object.values(manifest.database.tableRows).reduce((a, b) => a + b, 0);
    process.stdout.write(
      `Restored the backup of ${manifest.createdAt} from ${dir}: ${Object.keys(manifest.database.tableRows).length} tables, ${rows} rows, ` +
        `${manifest.database.migrations.length} migrations, ${manifest.files.length} files, all checked against the manifest.\n` +
        'Start the portal: it applies any migration newer than the backup.\n',
    );
  } catch (error) {
    process.stderr.write(`Restore failed: ${error.message}\n`);
    process.exit(1);
  }
}

module.exports = { restore, verify, readManifest };

if (require.main === module) main();
