#!/usr/bin/env node
// `node libs/tooling/bench/web.cjs [--runs 1] [--no-lighthouse] [--locale es]`
// Web benchmark (issue 9): the JavaScript the first page loads (gzipped) and Lighthouse performance
// and accessibility for the home, catalogue and course pages in Chromium. Not part of `npm test`.
// Starts the BUILT api (dist/apps/api/main.js, which serves dist/apps/web) on a scratch database
// migrated and seeded with the demo data, measures with playwright-core and Lighthouse driving
// /usr/bin/chromium, then stops the api and drops the database, also on failure or Ctrl-C.
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');
const net = require('node:net');
const zlib = require('node:zlib');
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { Client } = require('pg');

const root = path.resolve(__dirname, '../../..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const BUDGET_JS_KB = 200;
const BUDGET_PERFORMANCE = 90;
const BUDGET_ACCESSIBILITY = 100;

// ---------------------------------------------------------------- options

function parseArgs(argv) {
  const opts = { runs: 1, lighthouse: true, desktop: true, locale: 'es', log: true };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    const value = () => inline ?? argv[++i];
    if (flag === '--runs') opts.runs = Number(value());
    else if (flag === '--no-lighthouse') opts.lighthouse = false;
    else if (flag === '--no-desktop') opts.desktop = false;
    else if (flag === '--locale') opts.locale = String(value());
    else if (flag === '--help' || flag === '-h') {
      console.log('Usage: node libs/tooling/bench/web.cjs [--runs N (1, Lighthouse runs per page and preset; the median is kept)] [--no-lighthouse] [--no-desktop] [--locale es|en|pt|fr]');
      process.exit(0);
    } else throw new Error(`Unknown option ${argv[i]}`);
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new Error('--runs must be a positive integer');
  if (!['es', 'en', 'pt', 'fr'].includes(opts.locale)) throw new Error('--locale must be es, en, pt or fr');
  return opts;
}

// ---------------------------------------------------------------- helpers

/** Gzip at zlib's default level, the level the api's compression middleware sends. */
const gzipSize = (buffer) => zlib.gzipSync(buffer).length;
const kb = (bytes) => (bytes / 1024).toFixed(1);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function pgUrl(database) {
  const base = new URL(process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  base.pathname = `/${database}`;
  return base.toString();
}

/** Scratch database + built api; `stop()` is idempotent and also runs on Ctrl-C. */
async function startPortal(log) {
  for (const file of ['dist/apps/api/main.js', 'dist/apps/web/index.html']) {
    if (!fs.existsSync(path.join(root, file))) throw new Error(`${file} is missing: run \`npx nx run api:build\` and \`npx nx run web:build\` first`);
  }
  const database = `alliance_bench_web_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: pgUrl('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-bench-web-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const api = spawn(process.execPath, ['dist/apps/api/main.js'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      DATABASE_URL: pgUrl(database),
      DATA_DIR: dataDir,
      QUEUE_DRIVER: 'inprocess',
      QUEUE_PREFIX: `bench_web_${randomBytes(3).toString('hex')}`,
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  api.stdout.on('data', (d) => (output += d));
  api.stderr.on('data', (d) => (output += d));
  let stopped;
  const stop = () =>
    (stopped ??= (async () => {
      if (api.exitCode === null && api.signalCode === null) {
        await new Promise((resolve) => {
          const timer = setTimeout(() => api.kill('SIGKILL'), 15_000);
          api.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          api.kill('SIGTERM');
        });
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
      const c = new Client({ connectionString: pgUrl('postgres') });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await c.end();
    })());
  const onSignal = () => {
    stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const started = Date.now();
  log(`Starting the built api on ${url} (database ${database}, demo data)…`);
  for (;;) {
    if (api.exitCode !== null) {
      await stop();
      throw new Error(`api exited with ${api.exitCode}:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 120_000) {
      await stop();
      throw new Error(`api not ready after 120 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  log(`  ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return {
    url,
    stop: async () => {
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
      await stop();
    },
  };
}

async function graphql(url, query) {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' }, body: JSON.stringify({ query }) });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

// ---------------------------------------------------------------- JavaScript weight

/** index.html's own script and modulepreload links: what every first page loads before routing. */
async function indexHtmlWeight(url) {
  const html = await (await fetch(`${url}/`)).text();
  const srcs = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  const files = [];
  for (const src of srcs) {
    const buf = Buffer.from(await (await fetch(new URL(src, url))).arrayBuffer());
    files.push({ file: src.replace(/^\/assets\//, ''), raw: buf.length, gz: gzipSize(buf) });
  }
  return { files, raw: files.reduce((s, f) => s + f.raw, 0), gz: files.reduce((s, f) => s + f.gz, 0) };
}

/** Every JavaScript response of a fresh visit to `pagePath` until the page shows its heading and the network is idle. */
async function pageWeight(browser, url, pagePath, locale) {
  const context = await browser.newContext({ locale, viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  const pending = [];
  page.on('response', (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (!/javascript/.test(type)) return;
    pending.push(
      response
        .body()
        .then((buf) => ({ file: new URL(response.url()).pathname.replace(/^\/assets\//, ''), raw: buf.length, gz: gzipSize(buf) }))
        .catch(() => null),
    );
  });
  await page.goto(`${url}${pagePath}`, { waitUntil: 'networkidle' });
  await page.locator('#page-heading').first().waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  const heading = (await page.locator('#page-heading').first().textContent())?.trim();
  const files = (await Promise.all(pending)).filter(Boolean);
  await context.close();
  return { heading, files, raw: files.reduce((s, f) => s + f.raw, 0), gz: files.reduce((s, f) => s + f.gz, 0) };
}

// ---------------------------------------------------------------- Lighthouse

async function lighthouseRuns(pages, opts, log) {
  const { default: lighthouse, desktopConfig } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const presets = [['mobile', undefined]];
  if (opts.desktop) presets.push(['desktop', desktopConfig]);
  const results = [];
  for (const [preset, config] of presets) {
    for (const p of pages) {
      const runs = [];
      for (let i = 0; i < opts.runs; i++) {
        // A fresh browser per run: cold cache, like a first visit.
        const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: [...CHROME_FLAGS, `--lang=${opts.locale}`] });
        try {
          const result = await lighthouse(p.url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] }, config);
          const lhr = result.lhr;
          const audit = (id) => lhr.audits[id];
          runs.push({
            performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
            accessibility: Math.round((lhr.categories.accessibility.score ?? 0) * 100),
            fcp: audit('first-contentful-paint')?.numericValue,
            lcp: audit('largest-contentful-paint')?.numericValue,
            tbt: audit('total-blocking-time')?.numericValue,
            cls: audit('cumulative-layout-shift')?.numericValue,
            si: audit('speed-index')?.numericValue,
            failedA11y: Object.values(lhr.audits)
              .filter((a) => a.score === 0 && lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id && r.weight > 0))
              .map((a) => a.id),
            opportunities: ['render-blocking-resources', 'render-blocking-insight', 'unused-javascript', 'uses-long-cache-ttl', 'uses-text-compression', 'network-dependency-tree-insight']
              .map((id) => audit(id))
              .filter((a) => a && a.score !== null && a.score < 0.9)
              .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`),
            warnings: lhr.runWarnings ?? [],
            // Lighthouse's CPU benchmark of this machine at the time (a mid-range phone scores ~1,000+).
            benchmarkIndex: lhr.environment?.benchmarkIndex,
          });
        } finally {
          await chrome.kill();
        }
      }
      // The median run by performance score, with its own metrics.
      const sorted = [...runs].sort((a, b) => a.performance - b.performance);
      const mid = sorted[Math.floor((sorted.length - 1) / 2)];
      results.push({ preset, page: p.name, runs: runs.length, ...mid, performanceAll: runs.map((r) => r.performance) });
      log(`  ${preset.padEnd(7)} ${p.name.padEnd(9)} performance ${mid.performance} accessibility ${mid.accessibility}  FCP ${(mid.fcp / 1000).toFixed(2)} s  LCP ${(mid.lcp / 1000).toFixed(2)} s  TBT ${Math.round(mid.tbt)} ms  CLS ${mid.cls?.toFixed(3)}`);
    }
  }
  return results;
}

// ---------------------------------------------------------------- run

async function run(options = {}) {
  const opts = { ...parseArgs([]), ...options };
  const log = opts.log === false ? () => undefined : (...a) => console.error(...a);
  const loadAtStart = os.loadavg();
  const portal = await startPortal(log);
  try {
    const data = await graphql(portal.url, '{ courses(first: 1) { edges { node { slug } } } }');
    const slug = data.courses.edges[0]?.node.slug;
    if (!slug) throw new Error('the demo data has no published course');
    const pages = [
      { name: 'home', path: '/' },
      { name: 'catalogue', path: '/courses' },
      { name: 'course', path: `/courses/${slug}` },
    ].map((p) => ({ ...p, url: `${portal.url}${p.path}` }));

    log('Measuring the JavaScript each page loads…');
    const html = await indexHtmlWeight(portal.url);
    const { chromium } = require('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROME_FLAGS.filter((f) => !f.startsWith('--headless')) });
    const weights = [];
    try {
      for (const p of pages) {
        const w = await pageWeight(browser, portal.url, p.path, opts.locale);
        weights.push({ ...p, ...w });
        log(`  ${p.name.padEnd(9)} ${String(w.files.length).padStart(3)} JS files  ${kb(w.raw).padStart(7)} KB raw  ${kb(w.gz).padStart(6)} KB gzipped  (heading "${w.heading}")`);
      }
    } finally {
      await browser.close();
    }
    log(`  index.html script + modulepreload: ${html.files.length} files, ${kb(html.gz)} KB gzipped`);

    let lighthouse = [];
    let lighthouseError = null;
    if (opts.lighthouse) {
      log(`Lighthouse (${opts.runs} run(s) per page and preset)…`);
      try {
        lighthouse = await lighthouseRuns(pages, opts, log);
      } catch (error) {
        lighthouseError = error;
        log(`  Lighthouse failed: ${error.stack || error.message}`);
      }
    }

    // ---------------------------------------------------------------- report
    const md = [];
    md.push('## Web: first-page JavaScript and Lighthouse');
    md.push('');
    md.push(`Built web app served by the built api (\`NODE_ENV=production\`, demo data), Chromium ${CHROMIUM}, interface language \`${opts.locale}\`. JavaScript = every response with a JavaScript content type during a fresh visit (empty cache) until the page heading shows and the network is idle; sizes gzipped here with zlib's default level (what the api's compression middleware sends).`);
    md.push('');
    md.push(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model?.trim() ?? 'unknown'}; load average (1/5/15 min) at the start ${loadAtStart.map((x) => x.toFixed(2)).join(' / ')}, at the end ${os.loadavg().map((x) => x.toFixed(2)).join(' / ')}. Lighthouse's simulated throttling scales the CPU time it observes, so a busy machine inflates TBT and lowers the performance score.`);
    md.push('');
    md.push('### JavaScript loaded by the first page');
    md.push('');
    md.push(`| Page | Path | JS files | raw KB | gzipped KB | of which interface texts (messages-*) KB | budget < ${BUDGET_JS_KB} KB |`);
    md.push('|---|---|---:|---:|---:|---:|---|');
    const texts = (w) => w.files.filter((f) => /^messages-[a-z]{2}-/.test(f.file)).reduce((sum, f) => sum + f.gz, 0);
    for (const w of weights) md.push(`| ${w.name} | \`${w.path.replace(/\/courses\/.+/, '/courses/:slug')}\` | ${w.files.length} | ${kb(w.raw)} | ${kb(w.gz)} | ${kb(texts(w))} | ${w.gz / 1024 < BUDGET_JS_KB ? 'met' : '**missed**'} |`);
    md.push(`| index.html | script + modulepreload | ${html.files.length} | ${kb(html.raw)} | ${kb(html.gz)} | | |`);
    md.push('');
    for (const w of weights) {
      md.push(`<details><summary>${w.name}: files (gzipped KB)</summary>`);
      md.push('');
      md.push([...w.files].sort((a, b) => b.gz - a.gz).map((f) => `\`${f.file}\` ${kb(f.gz)}`).join(' · '));
      md.push('');
      md.push('</details>');
      md.push('');
    }
    md.push('### Lighthouse');
    md.push('');
    if (!opts.lighthouse) md.push('Not run (--no-lighthouse).');
    else if (lighthouseError) md.push(`Lighthouse could not run: \`${String(lighthouseError.message).split('\n')[0]}\`.`);
    else {
      md.push(`Lighthouse ${require('lighthouse/package.json').version} (programmatic, headless Chromium, simulated throttling), categories performance and accessibility; "mobile" is Lighthouse's default (Moto G Power, slow 4G), "desktop" its desktop preset. ${opts.runs > 1 ? `Median of ${opts.runs} runs.` : 'One run each.'}`);
      md.push('');
      md.push(`| Preset | Page | Performance (≥ ${BUDGET_PERFORMANCE}) | Accessibility (${BUDGET_ACCESSIBILITY}) | FCP s | LCP s | TBT ms | CLS | Speed index s | CPU benchmark index | Flagged |`);
      md.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
      for (const r of lighthouse) {
        const flagged = [...r.opportunities, ...r.failedA11y.map((id) => `a11y: ${id}`)].join('; ') || '—';
        md.push(`| ${r.preset} | ${r.page} | ${r.performance}${r.runs > 1 ? ` (${r.performanceAll.join(', ')})` : ''} | ${r.accessibility} | ${(r.fcp / 1000).toFixed(2)} | ${(r.lcp / 1000).toFixed(2)} | ${Math.round(r.tbt)} | ${r.cls?.toFixed(3)} | ${(r.si / 1000).toFixed(2)} | ${r.benchmarkIndex ?? '—'} | ${flagged} |`);
      }
      const warnings = [...new Set(lighthouse.flatMap((r) => r.warnings))];
      if (warnings.length) md.push('', `Lighthouse warnings: ${warnings.join(' / ')}`);
    }
    md.push('');

    const budgets = weights.map((w) => ({
      name: `First-page JavaScript, ${w.name} page (gzipped)`,
      target: `< ${BUDGET_JS_KB} KB`,
      measured: `${kb(w.gz)} KB`,
      met: w.gz / 1024 < BUDGET_JS_KB,
      note: `${w.files.length} files`,
    }));
    for (const r of lighthouse.filter((x) => x.preset === 'mobile')) {
      budgets.push({ name: `Lighthouse performance, ${r.page} page (mobile)`, target: `>= ${BUDGET_PERFORMANCE}`, measured: String(r.performance), met: r.performance >= BUDGET_PERFORMANCE, note: `LCP ${(r.lcp / 1000).toFixed(2)} s, TBT ${Math.round(r.tbt)} ms` });
      budgets.push({ name: `Lighthouse accessibility, ${r.page} page`, target: String(BUDGET_ACCESSIBILITY), measured: String(r.accessibility), met: r.accessibility >= BUDGET_ACCESSIBILITY, note: r.failedA11y.join(', ') });
    }
    if (opts.lighthouse && lighthouseError) {
      budgets.push({ name: 'Lighthouse performance and accessibility', target: `>= ${BUDGET_PERFORMANCE} / ${BUDGET_ACCESSIBILITY}`, measured: 'not measured', met: false, note: String(lighthouseError.message).split('\n')[0] });
    }
    return { title: 'Web: first-page JavaScript and Lighthouse', markdown: md.join('\n'), budgets, weights, html, lighthouse };
  } finally {
    await portal.stop();
  }
}

module.exports = { run };

if (require.main === module) {
  run(parseArgs(process.argv.slice(2)))
    .then((result) => {
      console.log(result.markdown);
    })
    .catch((error) => {
      console.error(error.stack || error.message || error);
      process.exitCode = 1;
    });
}
