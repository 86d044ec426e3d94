#!/usr/bin/env node
// `npm run bench [-- --only http,queue,web] [--db alliance_scale] [--quick]`
// The benchmark suite of issue 9 (not part of `npm test`): runs each part against the data set that
// `npm run seed:scale` loaded, then writes bench/results.md (machine, date, every figure, each
// budget met or not) from the parts' sections. Method: bench/README.md.
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');
const { execFileSync } = require('node:child_process');
const { Client } = require('pg');

const root = path.resolve(__dirname, '../../..');

/** Each part is a module exporting `run(options)` → { title, markdown, budgets }. */
const PARTS = {
  http: { file: './http.cjs', needs: ['dist/apps/api/main.js', 'dist/apps/web/index.html'] },
  queue: { file: './queue.cjs', needs: ['dist/apps/worker/main.js'] },
  web: { file: './web.cjs', needs: ['dist/apps/api/main.js', 'dist/apps/web/index.html'] },
};

function parseArgs(argv) {
  const opts = { only: Object.keys(PARTS), db: 'alliance_scale', quick: false, out: path.join(root, 'bench/results.md') };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    const value = () => inline ?? argv[++i];
    if (flag === '--only') opts.only = String(value()).split(',').map((s) => s.trim()).filter(Boolean);
    else if (flag === '--db') opts.db = String(value());
    else if (flag === '--quick') opts.quick = true;
    else if (flag === '--out') opts.out = path.resolve(value());
    else if (flag === '--help' || flag === '-h') {
      console.log('Usage: npm run bench -- [--only http,queue,web] [--db alliance_scale] [--quick] [--out bench/results.md]');
      console.log('  --quick: short runs (a few seconds per figure) to check the suite works; the figures are not the ones to compare.');
      process.exit(0);
    } else throw new Error(`Unknown option ${argv[i]}`);
  }
  for (const part of opts.only) if (!PARTS[part]) throw new Error(`Unknown part "${part}" (known: ${Object.keys(PARTS).join(', ')})`);
  if (!/^[a-z0-9_]+$/.test(opts.db)) throw new Error('--db takes a database name (letters, digits, _)');
  return opts;
}

function commandVersion(command, args) {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n')[0];
  } catch {
    return 'not found';
  }
}

async function machine(adminUrl) {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  const {
    rows: [pg],
  } = await client.query(`SELECT version() AS version, current_setting('shared_buffers') AS shared_buffers, current_setting('max_connections') AS max_connections`);
  await client.end();
  const cpus = os.cpus();
  return {
    cpu: `${cpus[0]?.model ?? 'unknown'} × ${cpus.length}`,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GB`,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: `${pg.version.split(',')[0]} (shared_buffers ${pg.shared_buffers}, max_connections ${pg.max_connections})`,
    redis: commandVersion('redis-server', ['--version']),
    chromium: commandVersion('/usr/bin/chromium', ['--version']),
    commit: commandVersion('git', ['-C', root, 'rev-parse', '--short', 'HEAD']),
  };
}

async function databaseExists(adminUrl, name) {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  await client.end();
  return rowCount === 1;
}

function budgetTable(budgets) {
  const lines = ['| Part | Budget | Target | Measured | Met |', '|---|---|---|---|---|'];
  for (const b of budgets) lines.push(`| ${b.part} | ${b.name} | ${b.target} | ${b.measured} | ${b.met ? 'yes' : `**no**${b.note ? ` (${b.note})` : ''}`} |`);
  return lines.join('\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const adminUrl = process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  for (const part of opts.only) {
    for (const file of PARTS[part].needs) {
      if (!fs.existsSync(path.join(root, file))) throw new Error(`${file} is missing: run \`npm run build\` first`);
    }
  }
  if (opts.only.includes('http') && !(await databaseExists(adminUrl, opts.db))) {
    throw new Error(`The database ${opts.db} does not exist: run \`npm run seed:scale\` first (or pass --db)`);
  }
  const load = os.loadavg()[0];
  if (load > 0.5 * os.cpus().length) console.warn(`Warning: load average ${load.toFixed(2)}; other work on the machine will distort the figures.`);

  const started = new Date();
  const info = await machine(adminUrl);
  const sections = [];
  const budgets = [];
  for (const part of opts.only) {
    console.log(`\n=== ${part} ===`);
    const t0 = Date.now();
    // Each part cleans up its own processes and scratch databases, also when it fails.
    const result = await require(PARTS[part].file).run({ db: opts.db, quick: opts.quick, adminUrl, log: console.log });
    // A part run on its own prints its own heading; here the section has one already.
    const body = result.markdown.trim().replace(`## ${result.title}`, '').trim();
    sections.push(`## ${result.title}\n\n${body}\n\n_Took ${((Date.now() - t0) / 1000).toFixed(0)} s._`);
    for (const b of result.budgets) budgets.push({ part, ...b });
  }

  const beforeAfterFile = path.join(root, 'bench/before-after.md');
  const beforeAfter = fs.existsSync(beforeAfterFile) ? fs.readFileSync(beforeAfterFile, 'utf8').trim() : '';
  const report = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\` on ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC${opts.quick ? ' (**quick run**: short measurements, not for comparison)' : ''}. Method: [README.md](README.md).`,
    '',
    '## Machine',
    '',
    '| | |',
    '|---|---|',
    ...Object.entries(info).map(([k, v]) => `| ${k} | ${v} |`),
    `| data set | database \`${opts.db}\` (\`npm run seed:scale\`) |`,
    `| load average at start | ${load.toFixed(2)} |`,
    '',
    '## Budgets',
    '',
    budgetTable(budgets),
    '',
    ...sections.flatMap((s) => [s, '']),
    ...(beforeAfter ? [beforeAfter, ''] : []),
  ].join('\n');
  fs.writeFileSync(opts.out, report);
  console.log(`\nWrote ${path.relative(root, opts.out)}: ${budgets.filter((b) => b.met).length} of ${budgets.length} budgets met.`);
}

main().catch((error) => {
  console.error(error?.stack ?? String(error));
  process.exit(1);
});
