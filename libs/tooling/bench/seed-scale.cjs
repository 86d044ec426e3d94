#!/usr/bin/env node
// `npm run seed:scale -- [--scale 1] [--db NAME] [--fresh] [--quiet]`
// Fills a PostgreSQL database with fictional data at alliance scale (issue 9): 100,000 users, 3,000
// organisations in the 33 countries, 500 courses with modules and lessons, 1,000,000 enrolments with
// progress, 5,000 workshops with 300,000 registrations, 100,000 evidence items in es/pt/en/fr, 200
// working tables with 50,000 forum posts, and 20–50 notifications for each active user. --scale
// multiplies every count. The same scale gives the same data (deterministic PRNG and ids); dates are
// relative to the day of the run so that upcoming workshops stay upcoming.
//
// It applies the committed migrations exactly as the app does, then loads every table through the
// real schema (constraints, indexes and the evidence search triggers stay on) with COPY FROM STDIN
// or multi-row INSERT … SELECT unnest(…), in dependency order, and ends with VACUUM (ANALYZE).
// Writes bench/.scale.json (gitignored): the database and the ids and accounts the benchmarks need.
// Every account's password is SCALE_PASSWORD, hashed once with the app's PasswordService.
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');

const root = path.resolve(__dirname, '../..', '..');
process.env.SWC_NODE_PROJECT = path.join(root, 'tsconfig.base.json');
require('@swc-node/register');
const { Client } = require('pg');
const cliProgress = require('cli-progress');
const { copyRows, prng, idOf } = require('./scale/copy.cjs');
const D = require('./scale/data.cjs');

const SCALE_PASSWORD = 'Alianza-Escala-2026';
const DEFAULT_DB = 'alliance_scale';
const BASE = {
  users: 100_000,
  organisations: 3_000,
  courses: 500,
  enrolments: 1_000_000,
  workshops: 5_000,
  registrations: 300_000,
  evidence: 100_000,
  tables: 200,
  posts: 50_000,
};
// Floors so a tiny --scale still has every kind of row (and a ministry per country).
const FLOOR = { users: 120, organisations: 40, courses: 5, enrolments: 50, workshops: 6, registrations: 60, evidence: 40, tables: 3, posts: 30 };
// Ids: one "kind" number per table (see idOf).
const K = { user: 1, org: 2, membership: 3, orgRole: 4, focal: 5, course: 6, module: 7, lesson: 8, offering: 9, enrolment: 10, workshop: 11, session: 12, registration: 13, evidence: 14, space: 15, party: 16, participant: 17, thread: 18, post: 19, notification: 20, userRole: 21 };
const LOCALES = ['es', 'pt', 'en', 'fr'];
const DAY = 86_400_000;

// ---------------------------------------------------------------- options

function parseArgs(argv) {
  const opts = { scale: 1, db: null, fresh: false, quiet: false, manifest: path.join(root, 'bench/.scale.json') };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    const value = () => inline ?? argv[++i];
    if (flag === '--scale') opts.scale = Number(value());
    else if (flag === '--db') opts.db = String(value());
    else if (flag === '--fresh') opts.fresh = true;
    else if (flag === '--quiet') opts.quiet = true;
    else if (flag === '--manifest') opts.manifest = path.resolve(value());
    else if (flag === '--help' || flag === '-h') {
      console.log('Usage: npm run seed:scale -- [--scale 1] [--db NAME] [--fresh] [--quiet] [--manifest bench/.scale.json]');
      console.log(`  Loads into NAME (default ${DEFAULT_DB}) on TEST_PG_URL or postgres://postgres@127.0.0.1:5432, or into DATABASE_URL when it is set and --db is not.`);
      console.log('  --fresh drops and recreates the database first; without it the database must not hold seeded data yet.');
      process.exit(0);
    } else throw new Error(`Unknown option ${argv[i]}`);
  }
  if (!(opts.scale > 0) || opts.scale > 10) throw new Error('--scale must be a number above 0 and at most 10');
  if (opts.db && !/^[a-z_][a-z0-9_]{0,62}$/.test(opts.db)) throw new Error('--db takes a plain database name (lower case letters, digits, _)');
  return opts;
}

function countsFor(scale) {
  const c = {};
  for (const [k, v] of Object.entries(BASE)) c[k] = Math.max(FLOOR[k], Math.round(v * scale));
  return c;
}

/** Where to load: --db NAME on the admin server, else DATABASE_URL, else alliance_scale. */
function target(opts) {
  const adminUrl = process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  if (!opts.db && process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    const name = decodeURIComponent(url.pathname.slice(1));
    const admin = new URL(process.env.DATABASE_URL);
    admin.pathname = '/postgres';
    return { name, url: url.toString(), adminUrl: admin.toString() };
  }
  const name = opts.db ?? DEFAULT_DB;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), adminUrl };
}

// ---------------------------------------------------------------- progress and timing

function makeReporter(quiet) {
  const phases = [];
  const tty = process.stderr.isTTY && !quiet;
  // One bar per phase; phases of the parallel lanes show at once.
  const multi = tty
    ? new cliProgress.MultiBar(
        { format: '{name} {bar} {percentage}% | {value}/{total} rows | {rate} rows/s | {duration}s', hideCursor: true, clearOnComplete: false, stopOnComplete: false, etaBuffer: 50, stream: process.stderr },
        cliProgress.Presets.shades_classic,
      )
    : null;
  return {
    phases,
    stop: () => multi?.stop(),
    /** Runs `fn(tick)` as a phase with a bar of `total` rows; tick(n) advances it. */
    async phase(name, total, fn) {
      const started = Date.now();
      let done = 0;
      const bar = multi ? multi.create(Math.max(1, total), 0, { name: name.padEnd(26), rate: 0 }) : null;
      if (!multi && !quiet) process.stderr.write(`${name}: ${total.toLocaleString('en')} rows…\n`);
      const tick = (n) => {
        done += n;
        bar?.update(Math.min(done, Math.max(1, total)), { rate: Math.round(done / Math.max(0.001, (Date.now() - started) / 1000)).toLocaleString('en') });
      };
      try {
        return await fn(tick);
      } finally {
        bar?.update(Math.max(1, Math.min(done, total)));
        const seconds = (Date.now() - started) / 1000;
        phases.push({ name, rows: done, seconds });
        if (!multi && !quiet) process.stderr.write(`  ${name}: ${done.toLocaleString('en')} rows in ${seconds.toFixed(1)} s\n`);
      }
    },
  };
}

// ---------------------------------------------------------------- helpers

const asciiSlug = (s) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
const localized = (fn) => Object.fromEntries(LOCALES.map((l) => [l, fn(l)]));
const checkIn = (r) => Array.from({ length: 6 }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[Math.floor(r.rand() * 32)]).join('');

// ---------------------------------------------------------------- the load

async function seed(opts) {
  const counts = countsFor(opts.scale);
  const where = target(opts);
  const report = makeReporter(opts.quiet);
  const log = opts.quiet ? () => undefined : (s = '') => process.stderr.write(`${s}\n`);
  const totalStarted = Date.now();
  const today = new Date();
  // Midnight UTC of the run's day: the data is the same all day, and upcoming stays upcoming.
  const NOW = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const at = (days) => new Date(NOW + days * DAY);

  // Database: created if missing, recreated with --fresh, refused when it already holds seeded data.
  const admin = new Client({ connectionString: where.adminUrl });
  await admin.connect();
  try {
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [where.name])).rowCount > 0;
    if (exists && opts.fresh) {
      log(`Dropping ${where.name} (--fresh)…`);
      await admin.query(`DROP DATABASE "${where.name}" WITH (FORCE)`);
    }
    if (!exists || opts.fresh) await admin.query(`CREATE DATABASE "${where.name}"`);
  } finally {
    await admin.end();
  }

  log(`Seeding ${where.name} at scale ${opts.scale}: ${Object.entries(counts).map(([k, v]) => `${v.toLocaleString('en')} ${k}`).join(', ')}`);
  const { createDataSource, runMigrations } = require(path.join(root, 'libs/server/database/src/index.ts'));
  const { ALL_ENTITIES } = require(path.join(root, 'libs/server/platform/src/entities.ts'));
  const { PasswordService } = require(path.join(root, 'libs/server/identity/src/password.service.ts'));
  const { nameKey, websiteHost } = require(path.join(root, 'libs/server/alliance/src/normalise.ts'));
  const { TEXT_SEARCH_CONFIG, UNACCENT_CONFIG } = require(path.join(root, 'libs/server/evidence/src/evidence.constants.ts'));
  const { LAC_COUNTRIES } = require(path.join(root, 'libs/shared/core/src/countries.ts'));

  report.phases.push({ name: 'create database, load modules', rows: 0, seconds: (Date.now() - totalStarted) / 1000 });
  // Migrations exactly as the app and the Jest global setup apply them.
  const migrateStarted = Date.now();
  const ds = await createDataSource({ url: where.url, entities: ALL_ENTITIES, poolSize: 2, applicationName: 'seed-scale' });
  try {
    await runMigrations(ds);
  } finally {
    await ds.destroy();
  }
  report.phases.push({ name: 'migrations', rows: 0, seconds: (Date.now() - migrateStarted) / 1000 });

  const db = new Client({ connectionString: where.url, application_name: 'seed-scale' });
  await db.connect();
  const manifest = { database: where.name, url: where.url, scale: opts.scale, password: SCALE_PASSWORD, generatedAt: new Date().toISOString(), counts: {} };
  try {
    const [{ n: already }] = (await db.query('SELECT count(*)::int AS n FROM users')).rows;
    if (already > 0) throw new Error(`${where.name} already holds ${already} users: run with --fresh to reload it`);
    // Bulk load in big transactions; synchronous_commit off only spares the WAL flush wait of this session.
    await db.query('SET synchronous_commit = off');

    const countryRows = (await db.query(`SELECT trim(code) AS code, name_es, name_en, name_pt, name_fr FROM alliance_countries`)).rows;
    const countryName = new Map(countryRows.map((r) => [r.code, { es: r.name_es, en: r.name_en, pt: r.name_pt, fr: r.name_fr }]));
    const focusAreas = (await db.query(`SELECT id FROM alliance_focus_areas ORDER BY sort_order`)).rows.map((r) => r.id);
    const codes = LAC_COUNTRIES.map((c) => c.code);
    const countryPool = codes.map((code) => ({ w: D.COUNTRY_WEIGHTS[code] ?? 0.3, v: code }));

    log('Hashing the shared password with the app’s PasswordService…');
    const passwordHash = await new PasswordService().hash(SCALE_PASSWORD);

    // ------------------------------------------------------------ users and roles
    const r = prng(9001);
    const users = new Array(counts.users);
    const usersByCountry = new Map(codes.map((c) => [c, []]));
    const nOrganisers = Math.max(2, Math.round(counts.users / 2000));
    const nModerators = Math.max(2, Math.round(counts.tables / 4));
    const special = (i) => (i === 0 ? 'admin' : i <= nOrganisers ? 'organiser' : i <= nOrganisers + nModerators ? 'moderator' : null);
    for (let i = 0; i < counts.users; i++) {
      const country = i === 0 ? 'CR' : r.weighted(countryPool).v;
      const locale = D.countryLocale(country);
      const first = r.pick(D.FIRST[locale]);
      const last = r.pick(D.LAST[locale]);
      const second = locale === 'es' || locale === 'pt' ? ` ${r.pick(D.LAST[locale])}` : '';
      const role = special(i);
      const local = role ? `${role}${i}` : `${asciiSlug(first)}.${asciiSlug(last)}.${i}`;
      const email = `${local}@${role ? 'secretaria.alianza.example' : `correo-${country.toLowerCase()}.example`}`;
      const created = at(-r.int(30, 900));
      users[i] = { id: idOf(K.user, i), email, name: `${first} ${last}${second}`, country, locale, created, role };
      usersByCountry.get(country).push(i);
    }
    await report.phase('users', counts.users, (tick) =>
      copyRows(
        db,
        'users',
        ['id', 'created_at', 'updated_at', 'email', 'name', 'password_hash', 'country_code', 'preferred_locale', 'email_verified_at'],
        (function* () {
          for (const u of users) yield [u.id, u.created, u.created, u.email, u.name, passwordHash, u.country, u.locale, new Date(u.created.getTime() + 3_600_000)];
        })(),
        tick,
      ),
    );
    const roleRows = [];
    for (let i = 0; i < counts.users; i++) {
      const role = users[i].role;
      if (role === 'admin') roleRows.push([users[i].id, 'ADMIN'], [users[i].id, 'ORGANISER']);
      else if (role === 'organiser') roleRows.push([users[i].id, 'ORGANISER']);
      else if (role === 'moderator') roleRows.push([users[i].id, 'MODERATOR']);
    }
    await report.phase('user_roles', roleRows.length, (tick) =>
      copyRows(db, 'user_roles', ['id', 'user_id', 'role', 'granted_by_id'], roleRows.map(([u, role], j) => [idOf(K.userRole, j), u, role, users[0].id]), tick),
    );
    const organisers = users.filter((u) => u.role === 'organiser' || u.role === 'admin');
    const moderators = users.filter((u) => u.role === 'moderator');

    // ------------------------------------------------------------ organisations, memberships, roles
    const orgs = [];
    const orgsByCountry = new Map(codes.map((c) => [c, []]));
    const takenUsers = new Set(users.filter((u) => u.role).map((u) => u.id));
    const slugs = new Set();
    for (let i = 0; i < counts.organisations; i++) {
      const country = i < codes.length ? codes[i] : r.weighted(countryPool).v;
      const locale = D.countryLocale(country);
      const cname = countryName.get(country)[locale];
      const type = i < codes.length ? 'MINISTRY_OF_EDUCATION' : r.weighted(D.ORG_TYPES).v;
      let name;
      if (type === 'MINISTRY_OF_EDUCATION') name = D.MINISTRY[locale](cname);
      else {
        const place = r.chance(0.5) ? r.pick(D.LAST[locale]) : (() => {
          const w = Array.from({ length: r.int(2, 3) }, () => r.pick(D.SYLLABLES)).join('');
          return w[0].toUpperCase() + w.slice(1);
        })();
        name = `${r.pick(D.ORG_NAMES[locale][type]).replace('{p}', place)} (${cname})`;
      }
      let slug = asciiSlug(name).slice(0, 90);
      if (slugs.has(slug)) slug = `${slug.slice(0, 88)}-${i}`;
      slugs.add(slug);
      const website = `https://${asciiSlug(name).slice(0, 40)}-${i}.example.org`;
      const org = { id: idOf(K.org, i), index: i, slug, name, type, country, locale, website, created: at(-r.int(60, 700)), members: [] };
      orgs.push(org);
      orgsByCountry.get(country).push(org);
    }
    // People: a representative per organisation, a focal point per ministry, and about a third of
    // everyone else a member of an organisation of their own country.
    const orgRoles = [];
    const focalRows = [];
    const pickFree = (country) => {
      const pool = usersByCountry.get(country);
      for (let tries = 0; tries < 50 && pool.length; tries++) {
        const u = users[pool[Math.floor(r.rand() * pool.length)]];
        if (!takenUsers.has(u.id)) {
          takenUsers.add(u.id);
          return u;
        }
      }
      return null;
    };
    for (const org of orgs) {
      const rep = pickFree(org.country);
      if (rep) {
        orgRoles.push([rep.id, org.id, 'REPRESENTATIVE']);
        org.members.push(rep);
        rep.org = org;
        rep.representative = true;
      }
      if (org.type === 'MINISTRY_OF_EDUCATION') {
        for (const [k, focusAreaId] of focusAreas.slice(0, 2).entries()) {
          const fp = pickFree(org.country);
          if (!fp) continue;
          orgRoles.push([fp.id, org.id, 'FOCAL_POINT']);
          focalRows.push([idOf(K.focal, focalRows.length), org.id, fp.id, focusAreaId, k === 0 ? 'TITULAR' : 'ALTERNATE', at(-r.int(30, 400)), true]);
          org.members.push(fp);
          fp.org = org;
          fp.focalPoint = true;
        }
      }
    }
    for (const u of users) {
      if (u.org || u.role || !r.chance(0.35)) continue;
      const pool = orgsByCountry.get(u.country);
      if (!pool.length) continue;
      const org = pool[Math.floor(r.rand() * pool.length)];
      orgRoles.push([u.id, org.id, 'MEMBER']);
      org.members.push(u);
      u.org = org;
    }
    await report.phase('organisations', orgs.length, (tick) =>
      copyRows(
        db,
        'organisations',
        ['id', 'created_at', 'updated_at', 'slug', 'name', 'name_key', 'type', 'country_code', 'website', 'website_host', 'description', 'focus_area_ids'],
        orgs.map((o) => [
          o.id,
          o.created,
          o.created,
          o.slug,
          o.name,
          nameKey(o.name),
          o.type,
          o.country,
          o.website,
          websiteHost(o.website),
          { es: 'Organización miembro de la Alianza.', pt: 'Organização membro da Aliança.', en: 'A member organisation of the Alliance.', fr: 'Organisation membre de l’Alliance.' }[o.locale],
          r.sample(focusAreas, r.int(1, 3)),
        ]),
        tick,
      ),
    );
    await report.phase('memberships', orgs.length, (tick) =>
      copyRows(
        db,
        'memberships',
        ['id', 'organisation_id', 'category', 'status', 'since'],
        orgs.map((o) => [idOf(K.membership, o.index), o.id, o.type === 'MINISTRY_OF_EDUCATION' ? 'MEMBER_STATE' : 'PARTNER', 'ACTIVE', o.created]),
        tick,
      ),
    );
    await report.phase('organisation_roles', orgRoles.length, (tick) =>
      copyRows(db, 'organisation_roles', ['id', 'user_id', 'organisation_id', 'role'], orgRoles.map((row, j) => [idOf(K.orgRole, j), ...row]), tick),
    );
    await report.phase('focal_points', focalRows.length, (tick) =>
      copyRows(db, 'focal_points', ['id', 'organisation_id', 'user_id', 'focus_area_id', 'role', 'start_date', 'consent_to_publish'], focalRows, tick),
    );

    // ------------------------------------------------------------ courses, modules, lessons, offerings
    const courses = [];
    for (let i = 0; i < counts.courses; i++) {
      const topic = D.TOPICS[i % D.TOPICS.length];
      const angle = D.COURSE_ANGLES[Math.floor(i / D.TOPICS.length) % D.COURSE_ANGLES.length];
      const edition = Math.floor(i / (D.TOPICS.length * D.COURSE_ANGLES.length)) + 1;
      const title = localized((l) => `${topic[l]}: ${angle[l]}${edition > 1 ? ` (${D.EDITION[l]} ${edition})` : ''}`);
      const published = i < 3 || r.chance(0.92);
      const nModules = r.int(2, 4);
      const modules = [];
      let lessonCount = 0;
      for (let m = 0; m < nModules; m++) {
        const nLessons = r.int(2, 3);
        const lessons = [];
        for (let p = 0; p < nLessons; p++) lessons.push({ index: -1, position: p, type: r.chance(0.3) ? 'VIDEO' : 'TEXT', topic: D.LESSON_TOPICS[(m * 3 + p) % D.LESSON_TOPICS.length], minutes: r.int(10, 45) });
        modules.push({ position: m, lessons });
        lessonCount += nLessons;
      }
      courses.push({
        id: idOf(K.course, i),
        index: i,
        slug: `${asciiSlug(title.es).slice(0, 70)}-${i + 1}`,
        title,
        published,
        modules,
        lessonCount,
        format: r.chance(0.7) ? 'SELF_PACED' : 'COHORT',
        level: r.pick(['INTRODUCTORY', 'INTERMEDIATE', 'ADVANCED']),
        languages: r.chance(0.6) ? ['es', 'pt', 'en', 'fr'] : r.chance(0.5) ? ['es', 'pt'] : ['es'],
        creator: r.pick(organisers).id,
        publishedAt: at(-r.int(20, 700)),
        focus: r.sample(focusAreas, r.int(1, 2)),
      });
    }
    let lessonIndex = 0;
    let moduleIndex = 0;
    const lessonIds = new Map();
    for (const c of courses) {
      c.lessonIds = [];
      for (const m of c.modules) {
        m.id = idOf(K.module, moduleIndex++);
        for (const l of m.lessons) {
          l.id = idOf(K.lesson, lessonIndex++);
          c.lessonIds.push(l.id);
        }
      }
      lessonIds.set(c.id, c.lessonIds);
    }
    await report.phase('courses', courses.length, (tick) =>
      copyRows(
        db,
        'courses',
        ['id', 'created_at', 'updated_at', 'slug', 'title', 'summary', 'audience', 'level', 'format', 'estimated_hours', 'languages', 'status', 'enrolment_policy', 'certificate_issuer', 'certificate_signatories', 'created_by_id', 'published_at'],
        courses.map((c) => [
          c.id,
          new Date(c.publishedAt.getTime() - 7 * DAY),
          c.publishedAt,
          c.slug,
          c.title,
          localized((l) => D.SUMMARY[l](c.title[l])),
          D.AUDIENCE,
          c.level,
          c.format,
          Math.max(1, Math.round(c.lessonCount * 0.5 * 10) / 10),
          c.languages,
          c.published ? 'PUBLISHED' : 'DRAFT',
          'OPEN',
          'Alianza Regional para la Transformación Educativa',
          JSON.stringify([{ name: 'Coordinación de la Alianza', title: 'Secretaría técnica', organisation: 'Alianza Regional' }]),
          c.creator,
          c.published ? c.publishedAt : null,
        ]),
        tick,
      ),
    );
    const focusRows = courses.flatMap((c) => c.focus.map((f) => [c.id, f]));
    await report.phase('course_focus_areas', focusRows.length, (tick) => copyRows(db, 'course_focus_areas', ['course_id', 'focus_area_id'], focusRows, tick));
    await report.phase('course_modules', moduleIndex, (tick) =>
      copyRows(
        db,
        'course_modules',
        ['id', 'course_id', 'position', 'title'],
        (function* () {
          for (const c of courses) for (const m of c.modules) yield [m.id, c.id, m.position, localized((l) => `${D.MODULE[l]} ${m.position + 1}`)];
        })(),
        tick,
      ),
    );
    await report.phase('lessons', lessonIndex, (tick) =>
      copyRows(
        db,
        'lessons',
        ['id', 'course_id', 'module_id', 'position', 'type', 'title', 'body', 'required', 'estimated_minutes', 'video_url'],
        (function* () {
          for (const c of courses)
            for (const m of c.modules)
              for (const l of m.lessons)
                yield [l.id, c.id, m.id, l.position, l.type, l.topic, D.LESSON_BODY, true, l.minutes, l.type === 'VIDEO' ? `https://videos.alianza.example/${c.slug}/${m.position + 1}-${l.position + 1}` : null];
        })(),
        tick,
      ),
    );
    // One open offering per course, without a seat limit (so no enrolment holds a seat).
    await report.phase('course_offerings', courses.length, (tick) =>
      copyRows(
        db,
        'course_offerings',
        ['id', 'course_id', 'name', 'starts_on', 'ends_on', 'capacity', 'seats_taken', 'waitlist_enabled'],
        courses.map((c) => [idOf(K.offering, c.index), c.id, null, c.format === 'COHORT' ? at(-60).toISOString().slice(0, 10) : null, c.format === 'COHORT' ? at(300).toISOString().slice(0, 10) : null, null, 0, true]),
        tick,
      ),
    );

    // ------------------------------------------------------------ enrolments and lesson completions
    // Generated twice from the same seed (enrolments, then their completions) so nothing big is kept in memory.
    const published = courses.filter((c) => c.published);
    const maxPerUser = Math.min(published.length, 40);
    const learners = users.filter((u) => !u.role);
    const learnerShare = 0.8;
    const nLearners = Math.max(1, Math.round(learners.length * learnerShare));
    const enrolmentTarget = Math.min(counts.enrolments, nLearners * maxPerUser);
    const ENROLMENT_STATUSES = [
      { w: 22, v: 'COMPLETED' },
      { w: 58, v: 'ENROLLED' },
      { w: 6, v: 'APPROVED' },
      { w: 5, v: 'REQUESTED' },
      { w: 6, v: 'WITHDRAWN' },
      { w: 3, v: 'REJECTED' },
    ];
    function* enrolmentPlan() {
      const g = prng(4242);
      let done = 0;
      let index = 0;
      for (let k = 0; k < nLearners && done < enrolmentTarget; k++) {
        const u = learners[k];
        const left = nLearners - k;
        const mean = (enrolmentTarget - done) / left;
        let n = k === nLearners - 1 ? enrolmentTarget - done : Math.round(mean * (0.4 + 1.2 * g.rand()));
        n = Math.max(1, Math.min(maxPerUser, n, enrolmentTarget - done));
        // Popular courses are taken more (skewed pick), but each at most once per person.
        const chosen = new Set();
        while (chosen.size < n) chosen.add(published[Math.floor(g.rand() ** 1.6 * published.length)].index);
        for (const ci of chosen) {
          const c = courses[ci];
          const status = g.weighted(ENROLMENT_STATUSES).v;
          const total = c.lessonCount;
          const completed = status === 'COMPLETED' ? total : status === 'ENROLLED' ? g.int(0, total - 1) : 0;
          const created = new Date(Math.max(u.created.getTime(), c.publishedAt.getTime()) + g.int(1, 200) * DAY);
          const createdAt = created.getTime() > NOW ? at(-g.int(1, 30)) : created;
          const activity = completed ? new Date(createdAt.getTime() + g.int(1, 60) * DAY) : null;
          const last = activity && activity.getTime() > NOW ? at(-1) : activity;
          yield { id: idOf(K.enrolment, index++), user: u, course: c, status, completed, total, createdAt, last };
          done++;
        }
      }
    }
    let expectedCompletions = 0;
    for (const e of enrolmentPlan()) expectedCompletions += e.completed;
    // Learners for the benchmarks: active enrolments, spread over the learner list.
    const benchLearners = [];
    {
      const seen = new Set();
      for (const e of enrolmentPlan()) {
        if (e.status !== 'ENROLLED' || seen.has(e.user.id)) continue;
        seen.add(e.user.id);
        if (seen.size % 7 === 1) benchLearners.push({ id: e.user.id, email: e.user.email, name: e.user.name, locale: e.user.locale });
        if (benchLearners.length >= 500) break;
      }
    }


    // Three independent lanes on their own connections (and their own PRNGs, so the data stays
    // deterministic): PostgreSQL can use both cores while Node generates the next rows.
    const laneA = async (db) => {
      let enrolmentStats;
      enrolmentStats = await report.phase('enrolments', enrolmentTarget, (tick) => {
        let count = 0;
        return copyRows(
          db,
          'enrolments',
          ['id', 'created_at', 'updated_at', 'course_id', 'offering_id', 'user_id', 'status', 'holds_seat', 'country_code', 'organisation_id', 'organisation_name', 'completed_lessons', 'progress_percent', 'last_activity_at', 'completed_at'],
          (function* () {
            for (const e of enrolmentPlan()) {
              count++;
              yield [
                e.id,
                e.createdAt,
                e.last ?? e.createdAt,
                e.course.id,
                idOf(K.offering, e.course.index),
                e.user.id,
                e.status,
                false,
                e.user.country,
                e.user.org?.id ?? null,
                e.user.org?.name ?? null,
                e.completed,
                e.status === 'COMPLETED' ? 100 : Math.floor((e.completed * 100) / e.total),
                e.last,
                e.status === 'COMPLETED' ? e.last : null,
              ];
            }
          })(),
          tick,
        ).then(() => count);
      });
      await report.phase('lesson_completions', expectedCompletions, (tick) =>
        copyRows(
          db,
          'lesson_completions',
          ['enrolment_id', 'lesson_id', 'completed_at'],
          (function* () {
            for (const e of enrolmentPlan()) {
              const ids = e.course.lessonIds;
              for (let j = 0; j < e.completed; j++) yield [e.id, ids[j], new Date(e.createdAt.getTime() + ((e.last.getTime() - e.createdAt.getTime()) * (j + 1)) / e.completed)];
            }
          })(),
          tick,
        ),
      );
      return { enrolmentStats };
    };

    const laneB = async (db) => {
      // ------------------------------------------------------------ workshops, sessions, registrations
      const workshops = [];
      const regTarget = counts.registrations;
      for (let i = 0; i < counts.workshops; i++) {
        const country = r.weighted(countryPool).v;
        const topic = r.pick(D.TOPICS);
        const kind = r.pick(D.WORKSHOP_KIND);
        // A third upcoming (open for registration), the rest already held.
        const upcoming = i < 3 || r.chance(0.33);
        const startsAt = upcoming ? new Date(at(r.int(7, 120)).getTime() + r.int(12, 20) * 3_600_000) : new Date(at(-r.int(5, 700)).getTime() + r.int(12, 20) * 3_600_000);
        const hours = r.int(2, 6);
        const title = localized((l) => `${kind[l]}: ${topic[l]}`);
        const mode = r.weighted([
          { w: 60, v: 'VIRTUAL' },
          { w: 25, v: 'HYBRID' },
          { w: 15, v: 'IN_PERSON' },
        ]).v;
        workshops.push({
          id: idOf(K.workshop, i),
          index: i,
          slug: `${asciiSlug(title.es).slice(0, 60)}-${i + 1}`,
          title,
          country,
          upcoming,
          startsAt,
          endsAt: new Date(startsAt.getTime() + hours * 3_600_000),
          mode,
          capacity: i === 2 ? 5 : r.int(3, 20) * 10,
          organiser: r.pick(organisers),
          focus: r.sample(focusAreas, r.int(1, 2)),
        });
      }
      // Registrations per workshop: about the target on average; upcoming ones stay below capacity
      // (free seats for the registration benchmark), past ones may be full with a waiting list.
      const regPlan = [];
      {
        let left = regTarget;
        for (let i = 0; i < workshops.length; i++) {
          const w = workshops[i];
          const mean = left / (workshops.length - i);
          let n = i === workshops.length - 1 ? left : Math.round(mean * (0.5 + r.rand()));
          if (w.upcoming) n = Math.min(n, Math.floor(w.capacity * 0.6));
          if (w.index === 2) n = 0; // the few-seats workshop starts empty for the oversell check
          n = Math.max(0, Math.min(n, left, learners.length));
          regPlan.push(n);
          left -= n;
        }
      }
      function* registrationRows() {
        const g = prng(7777);
        let index = 0;
        for (let i = 0; i < workshops.length; i++) {
          const w = workshops[i];
          const n = regPlan[i];
          let confirmed = 0;
          const offset = g.int(0, learners.length - 1);
          const step = 1 + 2 * g.int(0, 50);
          const seen = new Set();
          for (let j = 0; j < n; j++) {
            let u = learners[(offset + j * step) % learners.length];
            if (seen.has(u.id)) u = learners.find((x) => !seen.has(x.id));
            seen.add(u.id);
            const cancelled = g.chance(0.05);
            let status;
            let holdsSeat = false;
            if (cancelled) status = 'CANCELLED';
            else if (confirmed < w.capacity) {
              status = 'CONFIRMED';
              holdsSeat = true;
              confirmed++;
            } else status = 'WAITLISTED';
            const createdAt = new Date(w.startsAt.getTime() - g.int(2, 40) * DAY);
            yield { id: idOf(K.registration, index++), w, u, status, holdsSeat, createdAt };
          }
          w.seatsTaken = confirmed;
        }
      }
      // Seats are counted in a first pass so workshops are written with their final seats_taken.
      for (const _ of registrationRows());
      await report.phase('workshops', workshops.length, (tick) =>
        copyRows(
          db,
          'workshops',
          ['id', 'created_at', 'updated_at', 'slug', 'title', 'description', 'mode', 'status', 'audience', 'time_zone', 'starts_at', 'ends_at', 'venue', 'meeting_url', 'recording_url', 'capacity', 'seats_taken', 'registration_opens_at', 'registration_closes_at', 'approval_required', 'waitlist_mode', 'languages', 'focus_area_ids', 'certificate_issuer', 'created_by_id', 'held_at'],
          workshops.map((w) => {
            // Registration opened at least a day ago, so every upcoming workshop takes registrations now.
          const created = new Date(Math.min(w.startsAt.getTime() - 60 * DAY, NOW - DAY));
            return [
              w.id,
              created,
              created,
              w.slug,
              w.title,
              D.WORKSHOP_DESCRIPTION,
              w.mode,
              w.upcoming ? 'OPEN' : 'HELD',
              'OPEN',
              D.TIME_ZONES[w.country],
              w.startsAt,
              w.endsAt,
              w.mode === 'VIRTUAL' ? null : `Centro de Convenciones, ${countryName.get(w.country).es}`,
              w.mode === 'IN_PERSON' ? null : `https://reuniones.alianza.example/${w.slug}`,
              w.upcoming ? null : `https://videos.alianza.example/talleres/${w.slug}`,
              w.capacity,
              w.seatsTaken,
              created,
              w.startsAt,
              false,
              'AUTO',
              w.mode === 'IN_PERSON' ? [D.countryLocale(w.country)] : ['es', 'pt', 'en'],
              w.focus,
              'Alianza Regional para la Transformación Educativa',
              w.organiser.id,
              w.upcoming ? null : w.endsAt,
            ];
          }),
          tick,
        ),
      );
      await report.phase('workshop_sessions', workshops.length, (tick) =>
        copyRows(
          db,
          'workshop_sessions',
          ['id', 'workshop_id', 'position', 'title', 'starts_at', 'ends_at', 'check_in_code'],
          workshops.map((w) => [idOf(K.session, w.index), w.id, 0, localized((l) => ({ es: 'Sesión principal', pt: 'Sessão principal', en: 'Main session', fr: 'Séance principale' })[l]), w.startsAt, w.endsAt, checkIn(r)]),
          tick,
        ),
      );
      await report.phase('workshop_organisers', workshops.length, (tick) => copyRows(db, 'workshop_organisers', ['workshop_id', 'user_id'], workshops.map((w) => [w.id, w.organiser.id]), tick));
      const totalRegistrations = regPlan.reduce((s, n) => s + n, 0);
      await report.phase('workshop_registrations', totalRegistrations, (tick) =>
        copyRows(
          db,
          'workshop_registrations',
          ['id', 'created_at', 'updated_at', 'workshop_id', 'user_id', 'status', 'holds_seat', 'country_code', 'organisation_id', 'organisation_name', 'organisation_type', 'consent_to_list', 'waitlisted_at', 'cancelled_at'],
          (function* () {
            for (const x of registrationRows()) {
              yield [
                x.id,
                x.createdAt,
                x.createdAt,
                x.w.id,
                x.u.id,
                x.status,
                x.holdsSeat,
                x.u.country,
                x.u.org?.id ?? null,
                x.u.org?.name ?? null,
                x.u.org?.type ?? null,
                x.status === 'CONFIRMED',
                x.status === 'WAITLISTED' ? x.createdAt : null,
                x.status === 'CANCELLED' ? new Date(x.createdAt.getTime() + DAY) : null,
              ];
            }
          })(),
          tick,
        ),
      );

      // ------------------------------------------------------------ working tables, forum
      const spaces = [];
      const parties = [];
      const participants = [];
      const ministries = orgs.filter((o) => o.type === 'MINISTRY_OF_EDUCATION' && o.members.length);
      const withPeople = orgs.filter((o) => o.members.length);
      for (let i = 0; i < counts.tables; i++) {
        const topic = r.pick(D.TOPICS);
        const partyOrgs = r.sample(ministries, r.int(2, Math.min(4, ministries.length)));
        for (const o of r.sample(withPeople, r.int(1, 2))) if (!partyOrgs.includes(o)) partyOrgs.push(o);
        const requestedAt = at(-r.int(30, 500));
        const space = {
          id: idOf(K.space, i),
          index: i,
          title: r.pick(D.TABLE_TITLES).replace('{t}', topic.es.toLowerCase()).slice(0, 200),
          requestedBy: partyOrgs[0].members[0],
          moderator: moderators[i % moderators.length],
          requestedAt,
          people: [],
        };
        spaces.push(space);
        for (const [k, o] of partyOrgs.entries()) {
          const partyId = idOf(K.party, parties.length);
          parties.push([partyId, space.id, o.id, k === 0 ? 'REQUESTER' : 'INVITED', 'CONFIRMED', o.members[0].id, new Date(requestedAt.getTime() + 2 * DAY), 0]);
          for (const u of o.members.slice(0, 3)) {
            if (space.people.some((p) => p.id === u.id)) continue;
            participants.push([idOf(K.participant, participants.length), space.id, partyId, u.id, o.members[0].id]);
            space.people.push(u);
          }
        }
      }
      await report.phase('collab_spaces', spaces.length, (tick) =>
        copyRows(
          db,
          'collab_spaces',
          ['id', 'created_at', 'updated_at', 'kind', 'status', 'title', 'description', 'agenda', 'time_zone', 'first_session_at', 'requested_by_id', 'requested_at', 'moderator_id', 'reviewed_by_id', 'reviewed_at'],
          spaces.map((s) => [
            s.id,
            s.requestedAt,
            s.requestedAt,
            'TABLE',
            'OPEN',
            s.title,
            'Espacio privado de trabajo entre ministerios y organizaciones de la Alianza para intercambiar experiencias y dar seguimiento a acuerdos.',
            'Diagnóstico compartido; intercambio de experiencias; acuerdos y compromisos.',
            'America/Bogota',
            new Date(s.requestedAt.getTime() + 14 * DAY),
            s.requestedBy.id,
            s.requestedAt,
            s.moderator.id,
            users[0].id,
            new Date(s.requestedAt.getTime() + DAY),
          ]),
          tick,
        ),
      );
      await report.phase('collab_space_parties', parties.length, (tick) =>
        copyRows(db, 'collab_space_parties', ['id', 'space_id', 'organisation_id', 'role', 'status', 'responded_by_id', 'responded_at', 'rotation_order'], parties, tick),
      );
      await report.phase('collab_space_participants', participants.length, (tick) =>
        copyRows(db, 'collab_space_participants', ['id', 'space_id', 'party_id', 'user_id', 'added_by_id'], participants, tick),
      );
      // Posts: about ten per thread, by the table's participants, in their languages.
      const threads = [];
      const postTarget = counts.posts;
      {
        let left = postTarget;
        let t = 0;
        for (let i = 0; i < spaces.length; i++) {
          const s = spaces[i];
          let n = i === spaces.length - 1 ? left : Math.min(left, Math.round((left / (spaces.length - i)) * (0.6 + 0.8 * r.rand())));
          left -= n;
          while (n > 0) {
            const size = Math.min(n, r.int(4, 16));
            const author = r.pick(s.people);
            const locale = author.locale;
            const started = new Date(s.requestedAt.getTime() + r.int(3, 25) * DAY);
            threads.push({ id: idOf(K.thread, t++), space: s, title: r.pick(D.THREAD_TITLES[locale]), author, size, started });
            n -= size;
          }
        }
      }
      for (const th of threads) th.last = new Date(Math.min(NOW - 3_600_000, th.started.getTime() + (th.size - 1) * 6 * 3_600_000));
      await report.phase('collab_threads', threads.length, (tick) =>
        copyRows(db, 'collab_threads', ['id', 'created_at', 'updated_at', 'space_id', 'title', 'author_id', 'last_post_at', 'post_count'], threads.map((th) => [th.id, th.started, th.last, th.space.id, th.title, th.author.id, th.last, th.size]), tick),
      );
      await report.phase('collab_posts', postTarget, (tick) =>
        copyRows(
          db,
          'collab_posts',
          ['id', 'created_at', 'updated_at', 'thread_id', 'space_id', 'author_id', 'body'],
          (function* () {
            let p = 0;
            for (const th of threads) {
              const span = th.last.getTime() - th.started.getTime();
              for (let j = 0; j < th.size; j++) {
                const author = j === 0 ? th.author : r.pick(th.space.people);
                const sentences = D.POST_SENTENCES[author.locale];
                const when = new Date(th.started.getTime() + (th.size > 1 ? (span * j) / (th.size - 1) : 0));
                yield [idOf(K.post, p++), when, when, th.id, th.space.id, author.id, r.sample(sentences, r.int(1, 3)).join(' ')];
              }
            }
          })(),
          tick,
        ),
      );

      // ------------------------------------------------------------ notifications
      // An active user (about one in ten learners, and every bench learner) has 20–50 in-app notifications, most read.
      const activeIds = new Set(benchLearners.map((u) => u.id));
      for (let k = 0; k < learners.length; k += 10) activeIds.add(learners[k].id);
      const active = users.filter((u) => activeIds.has(u.id));
      const nPlan = active.map(() => r.int(20, 50));
      const totalNotifications = nPlan.reduce((s, n) => s + n, 0);
      const STATUS_NOTES = ['ENROLLED', 'APPROVED', 'COMPLETED'];
      await report.phase('notification', totalNotifications, (tick) =>
        copyRows(
          db,
          'notification',
          ['id', 'created_at', 'updated_at', 'user_id', 'type', 'data', 'link', 'read_at', 'in_app', 'email_frequency'],
          (function* () {
            let n = 0;
            for (const [k, u] of active.entries()) {
              for (let j = 0; j < nPlan[k]; j++) {
                const when = new Date(NOW - r.int(1, 120 * 24) * 3_600_000);
                const kind = r.int(0, 4);
                const c = courses[r.int(0, courses.length - 1)];
                const w = workshops[r.int(0, workshops.length - 1)];
                let type;
                let data;
                let link;
                if (kind === 0) [type, data, link] = ['learning.enrolment', { course: c.title[u.locale], status: r.pick(STATUS_NOTES), note: '' }, `/courses/${c.slug}`];
                else if (kind === 1) [type, data, link] = ['learning.completed', { title: c.title[u.locale] }, `/courses/${c.slug}`];
                else if (kind === 2) [type, data, link] = ['workshop.registration', { workshop: w.title[u.locale], status: 'CONFIRMED', note: '' }, `/workshops/${w.slug}`];
                else if (kind === 3) [type, data, link] = ['workshop.reminder', { workshop: w.title[u.locale], hours: 24, when: w.startsAt.toISOString().slice(0, 16).replace('T', ' ') }, `/workshops/${w.slug}`];
                else [type, data, link] = ['evidence.reviewed', { title: D.TOPICS[r.int(0, D.TOPICS.length - 1)][u.locale], status: 'PUBLISHED', note: '' }, '/evidence'];
                const read = j >= 5 && r.chance(0.75);
                yield [idOf(K.notification, n++), when, when, u.id, type, data, link, read ? new Date(when.getTime() + 3_600_000) : null, true, 'off'];
              }
            }
          })(),
          tick,
        ),
      );

      return { workshops, totalRegistrations, spaces, threads, postTarget, active, nPlan, totalNotifications };
    };

    const laneC = async (db) => {
      // ------------------------------------------------------------ evidence (search documents by the triggers)
      // Multi-row INSERT … SELECT unnest: the texts' search vectors are computed in SQL with the same
      // expressions as EvidenceItemsService. The statement triggers keep evidence_search_documents (and
      // the typo-correction words) in step; texts go last in each batch so each document is built with
      // its words once (the earlier statements of the batch rebuild it without texts, which is cheap).
      const ev = prng(31337);
      const submitters = users.filter((u) => u.org && !u.role);
      const EV_TYPES = [
        { w: 22, v: 'CASE_STUDY' },
        { w: 16, v: 'GOOD_PRACTICE' },
        { w: 12, v: 'POLICY_DOCUMENT' },
        { w: 25, v: 'RESEARCH' },
        { w: 6, v: 'DATASET' },
        { w: 9, v: 'TOOLKIT' },
        { w: 5, v: 'VIDEO' },
        { w: 5, v: 'OTHER' },
      ];
      const EV_LANG = [
        { w: 45, v: 'es' },
        { w: 25, v: 'pt' },
        { w: 20, v: 'en' },
        { w: 10, v: 'fr' },
      ];
      const LICENCES = ['CC_BY_4_0', 'CC_BY_SA_4_0', 'CC_BY_NC_4_0', 'CC_BY_NC_SA_4_0', 'CC0_1_0', 'ALL_RIGHTS_RESERVED'];
      const evidenceStats = { items: 0, texts: 0, published: 0 };
      await report.phase('evidence (items+texts)', counts.evidence, async (tick) => {
        const batch = 2000;
        for (let from = 0; from < counts.evidence; from += batch) {
          const items = [];
          for (let i = from; i < Math.min(counts.evidence, from + batch); i++) {
            const type = ev.weighted(EV_TYPES).v;
            const language = ev.weighted(EV_LANG).v;
            const isPublished = ev.chance(0.95);
            const publishedAt = isPublished ? at(-ev.int(1, 6 * 365)) : null;
            const year = (publishedAt ?? at(0)).getUTCFullYear() - ev.int(0, 2);
            const countries = ev.chance(0.15) ? [] : ev.sample(codes, ev.chance(0.8) ? 1 : ev.int(2, 3));
            const topic = ev.pick(D.TOPICS);
            const c = { kind: D.EVIDENCE_KINDS[type], setting: ev.pick(D.EVIDENCE_SETTINGS), finding: ev.pick(D.EVIDENCE_FINDINGS), schools: ev.int(6, 480), year };
            const place = Array.from({ length: 2 }, () => {
              const w = Array.from({ length: ev.int(3, 4) }, () => ev.pick(D.SYLLABLES)).join('');
              return w[0].toUpperCase() + w.slice(1);
            }).join(' y ');
            const render = (l) => {
              const country = countries[0] ? countryName.get(countries[0])[l] : { es: 'América Latina y el Caribe', pt: 'América Latina e Caribe', en: 'Latin America and the Caribbean', fr: 'Amérique latine et Caraïbes' }[l];
              return {
                locale: l,
                title: `${topic[l]}: ${c.kind[l]} (${country}, ${year})`.slice(0, 300),
                abstract: D.EVIDENCE_SENTENCES[l]({ kind: c.kind[l], topic: topic[l], setting: c.setting[l], finding: c.finding[l], country, schools: c.schools, year, place }).slice(0, 5000),
              };
            };
            const others = LOCALES.filter((l) => l !== language);
            const texts = [render(language), ...(ev.chance(0.3) ? ev.sample(others, ev.chance(0.2) ? 2 : 1) : []).map(render)];
            const submitter = submitters.length ? ev.pick(submitters) : users[0];
            items.push({
              id: idOf(K.evidence, i),
              status: isPublished ? 'PUBLISHED' : ev.pick(['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED']),
              type,
              language,
              visibility: ev.chance(0.1) ? 'MEMBERS' : 'PUBLIC',
              year,
              licence: ev.pick(LICENCES),
              authors: JSON.stringify([{ name: submitter.name, affiliation: submitter.org?.name ?? null }].map((a) => (a.affiliation ? a : { name: a.name }))),
              publisher: submitter.org?.name?.slice(0, 200) ?? null,
              externalUrl: `https://evidencia.alianza.example/items/${i + 1}`,
              submitterId: submitter.id,
              organisationId: submitter.org?.id ?? null,
              submittedAt: publishedAt ? new Date(publishedAt.getTime() - ev.int(1, 20) * DAY) : null,
              publishedAt,
              texts,
              countries,
              focus: ev.chance(0.1) ? [] : ev.sample(focusAreas, ev.int(1, 3)),
            });
          }
          const col = (f) => items.map(f);
          await db.query('BEGIN');
          try {
            await db.query(
              `INSERT INTO evidence_items (id, created_at, updated_at, status, type, language, visibility, year, licence, authors, publisher, external_url, submitter_id, organisation_id, submitted_at, published_at, reviewed_by_id)
               SELECT u.id, coalesce(u.submitted_at, now()), coalesce(u.published_at, now()), u.status, u.type, u.language, u.visibility, u.year, u.licence, u.authors, u.publisher, u.external_url, u.submitter_id, u.organisation_id, u.submitted_at, u.published_at,
                      CASE WHEN u.published_at IS NOT NULL THEN $15::uuid END
               FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::int[], $7::varchar[], $8::jsonb[], $9::varchar[], $10::varchar[], $11::uuid[], $12::uuid[], $13::timestamptz[], $14::timestamptz[])
                    AS u(id, status, type, language, visibility, year, licence, authors, publisher, external_url, submitter_id, organisation_id, submitted_at, published_at)`,
              [
                col((x) => x.id),
                col((x) => x.status),
                col((x) => x.type),
                col((x) => x.language),
                col((x) => x.visibility),
                col((x) => x.year),
                col((x) => x.licence),
                col((x) => x.authors),
                col((x) => x.publisher),
                col((x) => x.externalUrl),
                col((x) => x.submitterId),
                col((x) => x.organisationId),
                col((x) => x.submittedAt),
                col((x) => x.publishedAt),
                users[0].id,
              ],
            );
            const countryLinks = items.flatMap((x) => x.countries.map((cc) => [x.id, cc]));
            if (countryLinks.length) await db.query(`INSERT INTO evidence_item_countries (item_id, country_code) SELECT * FROM unnest($1::uuid[], $2::varchar[])`, [countryLinks.map((l) => l[0]), countryLinks.map((l) => l[1])]);
            const focusLinks = items.flatMap((x) => x.focus.map((f) => [x.id, f]));
            if (focusLinks.length) await db.query(`INSERT INTO evidence_item_focus_areas (item_id, focus_area_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`, [focusLinks.map((l) => l[0]), focusLinks.map((l) => l[1])]);
            const texts = items.flatMap((x) => x.texts.map((t) => ({ ...t, itemId: x.id, original: t.locale === x.language })));
            await db.query(
              `INSERT INTO evidence_texts (item_id, locale, title, abstract, original, search)
               SELECT u.item_id, u.locale, u.title, u.abstract, u.original,
                      setweight(to_tsvector(u.cfg::regconfig, u.title), 'A') || setweight(to_tsvector(u.cfg::regconfig, u.abstract), 'B')
                      || setweight(to_tsvector($7::regconfig, u.title), 'A') || setweight(to_tsvector($7::regconfig, u.abstract), 'B')
               FROM unnest($1::uuid[], $2::varchar[], $3::text[], $4::text[], $5::bool[], $6::text[]) AS u(item_id, locale, title, abstract, original, cfg)`,
              [texts.map((t) => t.itemId), texts.map((t) => t.locale), texts.map((t) => t.title), texts.map((t) => t.abstract), texts.map((t) => t.original), texts.map((t) => TEXT_SEARCH_CONFIG[t.locale]), UNACCENT_CONFIG],
            );
            await db.query('COMMIT');
            evidenceStats.texts += texts.length;
          } catch (error) {
            await db.query('ROLLBACK');
            throw error;
          }
          evidenceStats.items += items.length;
        // The trigger function's statements are planned from the statistics: refresh them while the
        // tables grow from empty (after batches 1, 2, 4, 8, …) so its lookups stay on the indexes.
        const batchNo = from / batch + 1;
        if ((batchNo & (batchNo - 1)) === 0) await db.query('ANALYZE evidence_items, evidence_texts, evidence_item_countries, evidence_item_focus_areas, evidence_search_documents, evidence_search_words');
          evidenceStats.published += items.filter((x) => x.status === 'PUBLISHED').length;
          tick(items.length);
        }
      });

      return { evidenceStats };
    };

    const lane = async (fn) => {
      const client = new Client({ connectionString: where.url, application_name: 'seed-scale' });
      await client.connect();
      await client.query('SET synchronous_commit = off');
      try {
        return await fn(client);
      } finally {
        await client.end();
      }
    };
    const [{ enrolmentStats }, { workshops, totalRegistrations, spaces, threads, postTarget, active, nPlan, totalNotifications }, { evidenceStats }] = await Promise.all([lane(laneA), lane(laneB), lane(laneC)]);

    // ------------------------------------------------------------ statistics for the planner
    await report.phase('VACUUM (ANALYZE)', 1, async (tick) => {
      await db.query('VACUUM (ANALYZE)');
      tick(1);
    });

    // ------------------------------------------------------------ manifest
    const rowCounts = (
      await db.query(
        `SELECT relname AS table, n_live_tup::bigint AS rows FROM pg_stat_user_tables WHERE n_live_tup > 0 ORDER BY relname`,
      )
    ).rows.map((x) => ({ table: x.table, rows: Number(x.rows) }));
    const exact = async (sql) => Number((await db.query(sql)).rows[0].n);
    manifest.counts = {
      users: counts.users,
      organisations: orgs.length,
      courses: courses.length,
      publishedCourses: published.length,
      lessons: lessonIndex,
      enrolments: enrolmentStats,
      lessonCompletions: expectedCompletions,
      workshops: workshops.length,
      registrations: totalRegistrations,
      evidence: evidenceStats.items,
      evidencePublished: evidenceStats.published,
      evidenceTexts: evidenceStats.texts,
      tables: spaces.length,
      threads: threads.length,
      posts: postTarget,
      notifications: totalNotifications,
    };
    manifest.admin = { id: users[0].id, email: users[0].email };
    manifest.organisers = organisers.slice(1, 6).map((u) => ({ id: u.id, email: u.email }));
    manifest.moderators = moderators.slice(0, 5).map((u) => ({ id: u.id, email: u.email }));
    manifest.learners = benchLearners;
    manifest.notificationUsers = active.slice(0, 500).map((u) => ({ id: u.id, email: u.email, notifications: nPlan[active.indexOf(u)] }));
    manifest.courses = published.slice(0, 20).map((c) => ({ id: c.id, slug: c.slug, offeringId: idOf(K.offering, c.index), lessons: c.lessonCount }));
    const openWorkshops = workshops.filter((w) => w.upcoming && w.index !== 2 && w.capacity - w.seatsTaken >= 10);
    manifest.workshops = {
      withFreeSeats: openWorkshops.slice(0, 50).map((w) => ({ id: w.id, slug: w.slug, capacity: w.capacity, seatsTaken: w.seatsTaken })),
      fewSeats: { id: workshops[2].id, slug: workshops[2].slug, capacity: workshops[2].capacity, seatsTaken: workshops[2].seatsTaken },
    };
    manifest.tables = spaces.slice(0, 10).map((s) => ({ id: s.id, title: s.title, participants: s.people.slice(0, 3).map((u) => ({ id: u.id, email: u.email })) }));
    manifest.evidenceQueries = ['evaluación', 'formación docente', 'alfabetização', 'early literacy', 'éducation inclusive'];
    manifest.signIn = {
      mutation: 'mutation($input: SignInInput!) { signIn(input: $input) { id } }',
      variables: { input: { email: '<any email above>', password: SCALE_PASSWORD } },
      note: 'every seeded account has this password (argon2id hash from PasswordService); e-mails are verified',
    };
    manifest.timings = { phases: report.phases, totalSeconds: (Date.now() - totalStarted) / 1000 };
    manifest.rowCounts = rowCounts;
    manifest.checks = {
      overCapacityWorkshops: await exact(`SELECT count(*) AS n FROM workshops w WHERE w.seats_taken > w.capacity OR w.seats_taken <> (SELECT count(*) FROM workshop_registrations r WHERE r.workshop_id = w.id AND r.holds_seat)`),
      itemsWithoutDocument: await exact(`SELECT count(*) AS n FROM evidence_items i WHERE i.status = 'PUBLISHED' AND NOT EXISTS (SELECT 1 FROM evidence_search_documents d WHERE d.item_id = i.id)`),
    };
    fs.mkdirSync(path.dirname(opts.manifest), { recursive: true });
    fs.writeFileSync(opts.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
    report.stop();
    return { manifest, phases: report.phases, totalSeconds: (Date.now() - totalStarted) / 1000, rowCounts, where };
  } finally {
    await db.end();
  }
}

// ---------------------------------------------------------------- report

function markdownOf(result, opts) {
  const { manifest, phases, totalSeconds, rowCounts } = result;
  const cpus = os.cpus();
  const md = [];
  md.push('## Data set at scale');
  md.push('');
  md.push(`\`npm run seed:scale -- --scale ${opts.scale}\` into \`${manifest.database}\`: ${cpus.length} × ${cpus[0]?.model?.trim() ?? 'CPU'}, Node ${process.version}; load average at the end ${os.loadavg().map((x) => x.toFixed(2)).join(' / ')}.`);
  md.push('');
  md.push('| Phase | Rows | Seconds | Rows per second |');
  md.push('|---|---:|---:|---:|');
  for (const p of phases) md.push(`| ${p.name} | ${p.rows.toLocaleString('en')} | ${p.seconds.toFixed(1)} | ${p.rows && p.seconds ? Math.round(p.rows / p.seconds).toLocaleString('en') : '—'} |`);
  md.push(`| **total** | | **${totalSeconds.toFixed(1)}** | |`);
  md.push('');
  md.push('| Table | Rows |');
  md.push('|---|---:|');
  for (const t of rowCounts) md.push(`| ${t.table} | ${t.rows.toLocaleString('en')} |`);
  md.push('');
  return md.join('\n');
}

/** The bench-module entry point: loads the data set and reports the load time against the budget. */
async function run(options = {}) {
  const opts = { ...parseArgs([]), ...options };
  const result = await seed(opts);
  const target = 600;
  return {
    title: 'Data set at scale',
    markdown: markdownOf(result, opts),
    budgets: [
      {
        name: `seed:scale --scale ${opts.scale} load time`,
        target: `< ${target} s on 2 cores`,
        measured: `${result.totalSeconds.toFixed(0)} s`,
        met: opts.scale < 1 || result.totalSeconds < target,
        note: opts.scale < 1 ? 'reduced scale' : '',
      },
    ],
    result,
  };
}

module.exports = { run, seed, countsFor, SCALE_PASSWORD };

if (require.main === module) {
  const opts = parseArgs(process.argv.slice(2));
  let interrupted = false;
  process.once('SIGINT', () => {
    interrupted = true;
    console.error('\nInterrupted: the database is left partly loaded; run again with --fresh.');
    process.exit(130);
  });
  run(opts)
    .then((out) => {
      console.log(out.markdown);
      console.log(`Wrote ${path.relative(root, opts.manifest)} (database ${out.result.manifest.database}; password ${SCALE_PASSWORD}).`);
      for (const b of out.budgets) console.log(`Budget: ${b.name}: ${b.measured} (target ${b.target}) ${b.met ? 'met' : 'MISSED'}`);
    })
    .catch((error) => {
      if (!interrupted) console.error(error.stack || error.message || error);
      process.exitCode = 1;
    });
}
