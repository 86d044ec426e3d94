/**
 * Abuse and bad input: a property-based fuzz test of EVERY mutation of the schema. The arbitraries
 * are generated from the committed schema (apps/api/schema.gql, checked against the live server's
 * introspection below), argument by argument: hostile strings (SQL, HTML/script, null bytes, RTL,
 * emoji, huge), out-of-range and wrong-typed numbers, real and bogus ids, valid and invalid enum
 * values, input objects with missing required and extra fields, empty and huge lists. They are sent
 * through variables (and sometimes inline in the document) to the BUILT api + worker loaded with the
 * demo data (so ids point at real rows and validation is reached), as an administrator (the most
 * powerful caller) and as a participant, in Portuguese and French.
 *
 * Every answer must be a clear refusal or a success: never a 500, a stack trace, SQL text or an
 * INTERNAL_SERVER_ERROR; our BAD_USER_INPUT names at least one field and every message is
 * translated. A refused mutation writes nothing: row-level triggers added to this run's database log
 * every committed row change with the connection's application_name (the api's and the worker's
 * are told apart), so each refusal is checked on its own; and when every call of a mutation was
 * refused, the row counts and row checksums of every table are compared before and after.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  isLeafType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { Client } from 'pg';
import { startPortal, type RunningPortal } from '../support';

const root = path.resolve(__dirname, '../..');
const schema = buildSchema(fs.readFileSync(path.join(root, 'apps/api/schema.gql'), 'utf8'));
const MUTATIONS = Object.values(schema.getMutationType()!.getFields()).sort((a, b) => a.name.localeCompare(b.name));

/** Fixed, so a failure is repeatable; fast-check prints it (and the failing input) on failure. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
/** About 3,000 calls in total (the file stays within about 4 minutes on 2 busy cores); FUZZ_RUNS overrides the runs per mutation and caller. */
const RUNS = Number(process.env.FUZZ_RUNS ?? Math.max(8, Math.ceil(3000 / (MUTATIONS.length * 2))));
const DEMO_PASSWORD = 'Alianza-Demo-2026';
const ADMIN_EMAIL = 'admin@alianza.example';
const PARTICIPANT_EMAIL = 'andres.villalobos@mep-cr.example';

/**
 * Argument-less mutations that end the caller's own sessions: sent by an anonymous caller only, so
 * the signed-in callers keep their sessions for the other mutations.
 */
const ANONYMOUS_ONLY = new Set(['signOut', 'signOutEverywhere']);

/**
 * Tables that legitimately change when a mutation is refused, each with the reason:
 * - login_attempts: a refused sign-in is recorded on purpose (it is what the throttle counts).
 * - outbox_message (UPDATE only): the api's relay marks rows of EARLIER committed changes as
 *   relayed, asynchronously; a refused mutation's own outbox INSERT is still caught.
 */
const REFUSAL_MAY_WRITE: Record<string, Array<'INSERT' | 'UPDATE' | 'DELETE'>> = {
  login_attempts: ['INSERT', 'UPDATE', 'DELETE'],
  outbox_message: ['UPDATE'],
  // - sessions (UPDATE only): any signed-in request refreshes its session's last_seen_at (at most
  //   once a minute: the idle timeout), whatever the answer.
  sessions: ['UPDATE'],
};

// ---------------------------------------------------------------------------------------------
// Arbitraries from the schema

/** Plausible values of many kinds, so some inputs get past the first checks into deeper validation. */
const PLAUSIBLE_STRINGS = [
  'es', 'en', 'pt', 'fr', 'PE', 'CL', 'BR', 'JM', 'ZZ', 'America/Lima', 'Europe/Paris', 'Mars/Olympus',
  '2031-01-01', '2031-02-30', '1999-12-31', '9999-12-31', '0000-00-00', '2031-01-01T10:00', '2031-01-01T10:00:00Z',
  'https://example.org/recording', 'http://localhost:6379/', 'file:///etc/passwd', 'ftp://example.org',
  'maria.silva@example.org', 'x@y', 'not-an-email', 'a@b.c', `${'a'.repeat(250)}@example.org`, 'pedro@example.org, ana@example.org',
  'email\nana@example.org\nnot-an-email', 'Título de prueba', 'Descripción breve', 'NOTE', '10', '-5', '3.5',
];
/** Hostile values: injection payloads (lower case: the leak check looks for the server's upper-case SQL), markup, control and bidi characters. */
const HOSTILE_STRINGS = [
  '', ' ', '   \t\n ', '\u0000', 'a\u0000b', '\u0000'.repeat(5), "'; drop table users; --", "' or '1'='1", '" or 1=1 --', '1); delete from sessions; --',
  '$$; select pg_sleep(10); $$', "e'\\x00'", '\\', '\\\\\\', '%', '_%_', '%00', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>',
  'javascript:alert(1)', '{{7*7}}', '${7*7}', '../../../../etc/passwd', '\u202egnp.exe', '\u202e\u202d\u200f', 'مرحبا بالعالم', 'שלום עולם',
  '👩‍👩‍👧‍👦🏳️‍🌈🇵🇪', '\ud800', '\udfff\ud800', 'null', 'undefined', 'NaN', 'Infinity', '-0', '1e309', 'true', '__proto__', 'constructor',
  '{"$gt":""}', '[]', '\u200b\u200b', 'Ｓｅｌｅｃｔ', '\r\n\r\n', 'a'.repeat(10_000), 'ñ'.repeat(70_000), '😀'.repeat(20_000),
  '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '123e4567-e89b-12d3-a456-42661417400', 'g23e4567-e89b-12d3-a456-426614174000',
];

const stringArb = fc.oneof(
  { weight: 300, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 300, arbitrary: fc.constantFrom(...PLAUSIBLE_STRINGS) },
  { weight: 200, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 100, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  { weight: 100, arbitrary: fc.string({ unit: fc.constantFrom('\u0000', 'a', '\u202e', '😀', "'", '<', ' '), minLength: 1, maxLength: 500 }) },
  // Rarely, more than the body limit: the answer must still be a clear refusal.
  { weight: 1, arbitrary: fc.constant('x'.repeat(2_000_000)) },
);
const intArb = fc.oneof(
  fc.constantFrom(0, -1, 1, 2, 5, 100, 2_147_483_647, -2_147_483_648, 1_000_000),
  fc.integer(),
  fc.integer({ min: -10, max: 1000 }),
);
const floatArb = fc.oneof(fc.constantFrom(0, -0, -1, 0.5, 1e308, -1e308, 5e-324, 100.5), fc.double({ noNaN: true, noDefaultInfinity: true }));
/** Values of the wrong type for any position (GraphQL's coercion must refuse them, 400). */
const wrongTypeArb = fc.oneof(
  fc.constantFrom(2 ** 31, 2 ** 53 + 1, 1.5, -0.25, '1', 'NaN', true, {}, [], [[]], { id: 1 }, Number.NaN, Number.POSITIVE_INFINITY),
  fc.string({ maxLength: 10 }),
);

/** Real ids of the demo data: all of them, and by table. */
interface IdPool {
  all: string[];
  byTable: Record<string, string[]>;
}

/**
 * The real ids an argument or field most likely refers to, from its name (`workshopId`,
 * `evidenceItemIds`) or, for a bare `id`, its owner's (`cancelSpaceMeeting`, `QuizQuestionInput`):
 * the table of that name, else tables named after its last word, else every id.
 */
function idsFor(pool: IdPool, hint: string): string[] {
  const words = hint.replace(/Ids?$/, '').replace(/Input$/, '').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  const tables = Object.keys(pool.byTable);
  for (const stem of [words, words.split('_').slice(1).join('_'), words.split('_').pop() ?? '']) {
    if (!stem) continue;
    for (const match of [(t: string) => t === `${stem}s` || t === `${stem}es`, (t: string) => t.endsWith(`_${stem}s`) || t.endsWith(`_${stem}es`), (t: string) => t.includes(stem)]) {
      const found = tables.filter(match).flatMap((t) => pool.byTable[t]);
      if (found.length) return found;
    }
  }
  return pool.all;
}

function idArb(pool: IdPool, hint: string): fc.Arbitrary<unknown> {
  const likely = idsFor(pool, hint);
  return fc.oneof(
    { weight: 5, arbitrary: likely.length ? fc.constantFrom(...likely) : fc.uuid() },
    { weight: 1, arbitrary: pool.all.length ? fc.constantFrom(...pool.all) : fc.uuid() },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 1, arbitrary: fc.integer() },
  );
}

function scalarArb(name: string, ids: IdPool, hint: string): fc.Arbitrary<unknown> {
  switch (name) {
    case 'String':
      return stringArb;
    case 'Int':
      return intArb;
    case 'Float':
      return floatArb;
    case 'Boolean':
      return fc.boolean();
    case 'ID':
      return idArb(ids, hint);
    case 'DateTime':
      return fc.oneof(
        fc.date({ noInvalidDate: true, min: new Date(-8.64e15), max: new Date(8.64e15) }).map((d) => d.toISOString()),
        fc.date({ noInvalidDate: true, min: new Date('2020-01-01'), max: new Date('2035-01-01') }).map((d) => d.toISOString()),
        fc.constantFrom('2031-01-01T10:00:00Z', '2031-01-01', '0001-01-01T00:00:00Z', '+275760-09-13T00:00:00Z', 'tomorrow'),
        stringArb,
      );
    default:
      return stringArb;
  }
}

const arbitraryCache = new Map<string, fc.Arbitrary<unknown>>();

/**
 * A value of `type`. `strict`: well-typed (only the contents are hostile), so the call gets past
 * GraphQL's coercion into the resolvers' own validation; otherwise with nulls for required values,
 * wrong types, missing required and unknown fields here and there.
 */
function valueArb(type: GraphQLInputType, ids: IdPool, strict: boolean, hint: string, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    const inner = valueArb(type.ofType, ids, strict, hint, depth);
    if (strict) return inner;
    return fc.oneof({ weight: 30, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: wrongTypeArb });
  }
  if (isListType(type)) {
    const item = valueArb(type.ofType as GraphQLInputType, ids, strict, hint, depth + 1);
    return fc.oneof(
      { weight: 6, arbitrary: fc.array(item, { maxLength: depth > 1 ? 2 : 4 }) },
      { weight: 2, arbitrary: fc.constant([]) },
      // A single value where a list is expected: GraphQL coerces it to a list of one.
      { weight: 1, arbitrary: item },
      // Huge lists (of small values, so the body stays within reason).
      { weight: 1, arbitrary: item.filter((v) => JSON.stringify(v ?? null).length < 200).map((v) => Array.from({ length: 1500 }, () => v)) },
      ...(strict ? [] : [{ weight: 1, arbitrary: fc.constant(null) }]),
    );
  }
  const named = getNamedType(type);
  // Ids depend on the name they are given under; other types are the same wherever they appear.
  const key = `${named.name}:${Math.min(depth, 3)}:${strict}${named.name === 'ID' ? `:${hint}` : ''}`;
  const cached = arbitraryCache.get(key);
  if (cached) return cached;
  let arb: fc.Arbitrary<unknown>;
  if (isScalarType(named)) {
    arb = strict ? scalarArb(named.name, ids, hint) : fc.oneof({ weight: 12, arbitrary: scalarArb(named.name, ids, hint) }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: wrongTypeArb });
  } else if (isEnumType(named)) {
    const valid = named.getValues().map((v) => v.name);
    arb = strict ? fc.constantFrom(...valid) : fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...valid) },
      { weight: 1, arbitrary: fc.constantFrom(...valid.map((v) => v.toLowerCase()), 'NOT_A_VALUE', '', "' or 1=1") },
      { weight: 1, arbitrary: fc.constant(null) },
    );
  } else if (isInputObjectType(named)) {
    const fields = Object.values(named.getFields());
    if (depth > 4) {
      arb = fc.constant({});
    } else {
      const record = fc.record(Object.fromEntries(fields.map((f) => [f.name, valueArb(f.type, ids, strict, f.name === 'id' ? named.name : f.name, depth + 1)])), {
        requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name),
      });
      const required = fields.filter((f) => isNonNullType(f.type)).map((f) => f.name);
      arb = strict ? record : fc.oneof(
        { weight: 10, arbitrary: record },
        // A required field left out.
        ...(required.length
          ? [{ weight: 1, arbitrary: fc.tuple(record, fc.constantFrom(...required)).map(([r, k]) => Object.fromEntries(Object.entries(r as object).filter(([name]) => name !== k))) }]
          : []),
        // A field the type does not have.
        { weight: 1, arbitrary: record.map((r) => ({ ...(r as object), isAdmin: true, role: 'ADMIN', extra: "'; drop table users; --" })) },
        { weight: 1, arbitrary: fc.constant(null) },
      );
    }
  } else {
    arb = fc.constant(null);
  }
  arbitraryCache.set(key, arb);
  return arb;
}

/** A GraphQL literal for `value` at `type`, for the calls sent inline in the document. */
function literal(value: unknown, type: GraphQLInputType): string {
  if (value === null || value === undefined) return 'null';
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    return Array.isArray(value) ? `[${value.map((v) => literal(v, inner.ofType as GraphQLInputType)).join(', ')}]` : literal(value, inner.ofType as GraphQLInputType);
  }
  if (isEnumType(inner) && typeof value === 'string' && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value)) return value;
  if (isInputObjectType(inner) && typeof value === 'object' && !Array.isArray(value)) {
    const fields = inner.getFields();
    return `{ ${Object.entries(value as Record<string, unknown>)
      .filter(([k]) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(k))
      .map(([k, v]) => `${k}: ${literal(v, fields[k]?.type ?? (getNamedType(inner) as GraphQLInputType))}`)
      .join(', ')} }`;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'NaN';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  return JSON.stringify(JSON.stringify(value));
}

interface Call {
  query: string;
  variables: Record<string, unknown>;
  locale: 'pt' | 'fr';
}

/** Calls of `mutation`: its arguments' values, sent as variables or (one in five) inline. */
function callArb(mutation: GraphQLField<unknown, unknown>, ids: IdPool): fc.Arbitrary<Call> {
  const args: readonly GraphQLArgument[] = mutation.args;
  const required = args.filter((a) => isNonNullType(a.type)).map((a) => a.name);
  const valuesOf = (strict: boolean) => fc.record(Object.fromEntries(args.map((a) => [a.name, valueArb(a.type, ids, strict, a.name === 'id' ? mutation.name : a.name)])), { requiredKeys: required });
  // Three calls in four well-typed, to reach the resolvers; one in four with type errors, for GraphQL's coercion.
  const valuesArb = fc.oneof({ weight: 3, arbitrary: valuesOf(true) }, { weight: 1, arbitrary: valuesOf(false) });
  const selection = isLeafType(getNamedType(mutation.type)) ? '' : ' { __typename }';
  return fc.record({ values: valuesArb, inlineRoll: fc.integer({ min: 0, max: 4 }), locale: fc.constantFrom('pt' as const, 'fr' as const) }).map(({ values, inlineRoll, locale }) => {
    const given = values as Record<string, unknown>;
    if (inlineRoll === 0 && args.length) {
      const list = args.filter((a) => a.name in given).map((a) => `${a.name}: ${literal(given[a.name], a.type)}`);
      return { query: `mutation Fuzz { ${mutation.name}${list.length ? `(${list.join(', ')})` : ''}${selection} }`, variables: {}, locale };
    }
    const declared = args.map((a) => `$${a.name}: ${String(a.type)}`);
    const passed = args.map((a) => `${a.name}: $${a.name}`);
    return {
      query: `mutation Fuzz${declared.length ? `(${declared.join(', ')})` : ''} { ${mutation.name}${passed.length ? `(${passed.join(', ')})` : ''}${selection} }`,
      variables: given,
      locale,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Calling the portal and judging the answers

interface Answer {
  status: number;
  text: string;
  body?: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

async function send(url: string, cookie: string | undefined, call: Call): Promise<Answer> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': call.locale, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query: call.query, variables: call.variables }),
  });
  const text = await res.text();
  let body: Answer['body'];
  try {
    body = JSON.parse(text) as Answer['body'];
  } catch {
    body = undefined;
  }
  return { status: res.status, text, body };
}

async function signIn(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'pt' },
    body: JSON.stringify({ query: 'mutation($input: SignInInput!) { signIn(input: $input) { id } }', variables: { input: { email, password: DEMO_PASSWORD } } }),
  });
  const body = (await res.json()) as { errors?: unknown };
  if (body.errors) throw new Error(`sign-in of ${email} refused: ${JSON.stringify(body.errors)}`);
  return res.headers
    .getSetCookie()
    .map((h) => h.split(';')[0])
    .join('; ');
}

/** Codes a refusal may carry: ours (libs/shared/core ErrorCode, minus INTERNAL_SERVER_ERROR) and GraphQL's own request errors. */
const OUR_CODES = new Set(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'EMAIL_NOT_VERIFIED']);
const GRAPHQL_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'CSRF_BLOCKED', 'BATCH_NOT_ALLOWED', 'OPERATION_NOT_ALLOWED']);
/** What the server's own SQL looks like (the hostile payloads are lower case, so an echo of them is no leak). */
const SQL_TEXT = /SELECT |INSERT |UPDATE .* SET|DELETE FROM|violates|relation "|column "|syntax error at|QueryFailedError|invalid input syntax|invalid byte sequence/;
const STACK = /stacktrace|\n\s+at [^\n]+:\d+:\d+|node_modules\/|dist\/apps\//;
/** A message left as its i18n key (e.g. `errors:notFound`, `validation:tooLong`). */
const RAW_KEY = /^[a-zA-Z]+:[a-zA-Z0-9_.-]+$/;

/** Every problem with one answer (empty: a clean success or a clear refusal). */
function problemsOf(answer: Answer): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`HTTP ${answer.status}`);
  if (STACK.test(answer.text)) problems.push('stack trace in the answer');
  if (SQL_TEXT.test(answer.text)) problems.push('SQL text in the answer');
  if (!answer.body) {
    // Not JSON: only the HTTP layer's refusals (e.g. 413 for a body over the limit) may answer so.
    if (answer.status < 400) problems.push(`HTTP ${answer.status} without a GraphQL body`);
    return problems;
  }
  for (const error of answer.body.errors ?? []) {
    const code = String(error.extensions?.code ?? '');
    if (code === 'INTERNAL_SERVER_ERROR') problems.push(`INTERNAL_SERVER_ERROR: ${error.message}`);
    else if (!OUR_CODES.has(code) && !GRAPHQL_CODES.has(code)) problems.push(`unexpected code "${code}": ${error.message}`);
    // GraphQL's own coercion and validation errors come before any resolver (HTTP 400), in English: clear refusals.
    const ours = answer.status === 200 && OUR_CODES.has(code);
    if (!ours) continue;
    if (RAW_KEY.test(error.message)) problems.push(`untranslated message "${error.message}"`);
    if (code === 'BAD_USER_INPUT') {
      const fields = error.extensions?.fields as Array<{ field?: string; message?: string }> | undefined;
      if (!fields?.length) problems.push(`BAD_USER_INPUT without fields: ${error.message}`);
      for (const f of fields ?? []) {
        if (!f.field) problems.push(`field error without a field name: ${JSON.stringify(f)}`);
        if (!f.message || RAW_KEY.test(f.message)) problems.push(`untranslated field message ${JSON.stringify(f)}`);
      }
    }
  }
  return problems;
}

/** Refused: errors and no result for the mutation. */
function refused(answer: Answer, mutation: string): boolean {
  if (!answer.body) return true;
  const data = answer.body.data as Record<string, unknown> | null | undefined;
  return !!answer.body.errors?.length && (data === null || data === undefined || data[mutation] === null || data[mutation] === undefined);
}

// ---------------------------------------------------------------------------------------------
// The database: write log and snapshots

/** Row-level triggers on every table: each committed row change is logged with the writer's application_name. */
async function installWriteLog(db: Client): Promise<string[]> {
  await db.query(`CREATE TABLE fuzz_write_log (id bigserial PRIMARY KEY, tbl text NOT NULL, op text NOT NULL, app text NOT NULL)`);
  await db.query(`CREATE FUNCTION fuzz_log_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO fuzz_write_log (tbl, op, app) VALUES (TG_TABLE_NAME, TG_OP, current_setting('application_name'));
      RETURN NULL;
    END $$`);
  const { rows } = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'fuzz_write_log' ORDER BY 1`,
  );
  for (const { table_name } of rows) {
    await db.query(`CREATE TRIGGER fuzz_log_write AFTER INSERT OR UPDATE OR DELETE ON "${table_name}" FOR EACH ROW EXECUTE FUNCTION fuzz_log_write()`);
  }
  return rows.map((r) => r.table_name);
}

/** Row count and a checksum of every row's text, per table (the write-log table and the refusal-may-write tables left out). */
async function snapshot(db: Client, tables: string[]): Promise<Record<string, string>> {
  const watched = tables.filter((t) => !(t in REFUSAL_MAY_WRITE) && t !== 'migrations');
  const sql = watched.map((t) => `SELECT '${t}' AS t, count(*)::text || ':' || coalesce(sum(hashtext(x::text)::bigint), 0)::text AS v FROM "${t}" x`).join(' UNION ALL ');
  const { rows } = await db.query<{ t: string; v: string }>(sql);
  return Object.fromEntries(rows.map((r) => [r.t, r.v]));
}

async function lastLogId(db: Client): Promise<number> {
  const { rows } = await db.query<{ id: string | null }>(`SELECT max(id) AS id FROM fuzz_write_log`);
  return Number(rows[0].id ?? 0);
}

/** Waits until nothing has been written for `quietMs` (jobs of earlier successes done), at most `maxMs`. */
async function settle(db: Client, quietMs = 400, maxMs = 8000): Promise<void> {
  const started = Date.now();
  let last = await lastLogId(db);
  let since = Date.now();
  while (Date.now() - started < maxMs) {
    await new Promise((r) => setTimeout(r, 100));
    const now = await lastLogId(db);
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return;
  }
}

// ---------------------------------------------------------------------------------------------

describe('fuzz: random and hostile input to every mutation', () => {
  let portal: RunningPortal;
  let worker: ChildProcess | undefined;
  let db: Client;
  let tables: string[];
  let ids: IdPool;
  const callers: Record<'administrator' | 'participant' | 'anonymous', string | undefined> = { administrator: undefined, participant: undefined, anonymous: undefined };
  const findings: string[] = [];
  /** What the calls got, by HTTP status and code (printed at the end, to see what the fuzzing reached). */
  const outcomes = new Map<string, number>();
  /** A call succeeded since the last settle: its jobs may still be writing. */
  let dirty = true;

  beforeAll(async () => {
    // The api and the worker connect under their own application_name, so the write log tells the
    // api's writes (answering a request) from the worker's (jobs of earlier successes).
    const url = (name: string) => {
      const u = new URL(process.env.DATABASE_URL!);
      u.searchParams.set('application_name', name);
      return u.toString();
    };
    // Rate limits off and no allow-list: this file measures what validation does with bad input,
    // which a throttle or an allow-list refusing the calls first would hide (both are tested elsewhere).
    portal = await startPortal({ worker: false, env: { SEED_DEMO: 'true', DATABASE_URL: url('fuzz-api'), RATE_LIMITS: 'off', GRAPHQL_ALLOW_LIST: 'false' } });
    worker = spawn(process.execPath, ['dist/apps/worker/main.js'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'test', DATA_DIR: portal.dataDir, PUBLIC_URL: portal.url, QUEUE_DRIVER: 'bullmq', SEED_DEMO: 'false', LOG_LEVEL: 'warn', DATABASE_URL: url('fuzz-worker') },
      stdio: 'ignore',
    });
    db = new Client({ connectionString: url('fuzz-test') });
    await db.connect();
    callers.administrator = await signIn(portal.url, ADMIN_EMAIL);
    callers.participant = await signIn(portal.url, PARTICIPANT_EMAIL);
    // Real ids of every table (but never the callers' own accounts: a lucky revokeRole or
    // signOutEverywhere must not end the fuzzing callers' powers).
    const { rows: idColumns } = await db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'id' AND data_type = 'uuid'`,
    );
    const { rows: own } = await db.query<{ id: string }>(`SELECT id::text AS id FROM users WHERE email IN ($1, $2)`, [ADMIN_EMAIL, PARTICIPANT_EMAIL]);
    const excluded = new Set(own.map((r) => r.id));
    ids = { all: [], byTable: {} };
    for (const { table_name } of idColumns.sort((a, b) => a.table_name.localeCompare(b.table_name))) {
      // Ordered, so the same seed draws the same ids on every run.
      const { rows } = await db.query<{ id: string }>(`SELECT id::text AS id FROM "${table_name}" ORDER BY id LIMIT 15`);
      const found = rows.map((r) => r.id).filter((id) => !excluded.has(id));
      if (found.length) ids.byTable[table_name] = found;
      ids.all.push(...found);
    }
    tables = await installWriteLog(db);
  }, 180_000);

  afterAll(async () => {
    console.log(`fuzz outcomes (seed ${SEED}, ${RUNS} runs per mutation and caller):\n${[...outcomes].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n}\t${k}`).join('\n')}`);
    if (findings.length) console.log(`fuzz findings:\n${findings.join('\n')}`);
    if (process.env.FUZZ_COLLECT && portal) fs.writeFileSync(path.join(portal.dataDir, '..', 'fuzz-api.log'), portal.logs());
    await db?.end();
    if (worker && worker.exitCode === null) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => worker!.kill('SIGKILL'), 15_000);
        worker!.on('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        worker!.kill('SIGTERM');
      });
    }
    await portal?.stop();
  });

  it('fuzzes every mutation of the live schema (the committed schema.gql is current)', async () => {
    const res = await fetch(`${portal.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __schema { mutationType { fields { name args { name } } } } }' }),
    });
    const live = (await res.json()) as { data: { __schema: { mutationType: { fields: Array<{ name: string; args: Array<{ name: string }> }> } } } };
    const liveShape = live.data.__schema.mutationType.fields.map((f) => `${f.name}(${f.args.map((a) => a.name).sort().join(',')})`).sort();
    expect(MUTATIONS.map((m) => `${m.name}(${m.args.map((a) => a.name).sort().join(',')})`).sort()).toEqual(liveShape);
    expect(ids.all.length).toBeGreaterThan(100);
  });

  it.each(MUTATIONS.map((m) => [m.name, m] as const))('%s: no 500, no leak, translated field errors, no write when refused', async (name, mutation) => {
    const who = ANONYMOUS_ONLY.has(name) || mutation.args.length === 0 ? (['anonymous'] as const) : (['administrator', 'participant'] as const);
    let allRefused = true;
    if (dirty) await settle(db);
    dirty = false;
    const logFrom = await lastLogId(db);
    const before = await snapshot(db, tables);
    for (const caller of who) {
      const seed = SEED + MUTATIONS.indexOf(mutation) * 7 + (caller === 'participant' ? 1 : 0);
      await fc.assert(
        fc.asyncProperty(callArb(mutation, ids), async (call) => {
          const from = await lastLogId(db);
          const answer = await send(portal.url, callers[caller], call);
          const problems = problemsOf(answer);
          const codes = [...new Set((answer.body?.errors ?? []).map((e) => String(e.extensions?.code)))].sort().join('+') || (answer.status < 300 ? 'ok' : 'refused over HTTP');
          outcomes.set(`${answer.status} ${codes}`, (outcomes.get(`${answer.status} ${codes}`) ?? 0) + 1);
          if (refused(answer, name)) {
            const { rows } = await db.query<{ tbl: string; op: string }>(`SELECT tbl, op FROM fuzz_write_log WHERE id > $1 AND app = 'fuzz-api'`, [from]);
            const writes = rows.filter((r) => !REFUSAL_MAY_WRITE[r.tbl]?.includes(r.op as 'INSERT'));
            if (writes.length) problems.push(`refused but wrote: ${[...new Set(writes.map((w) => `${w.op} ${w.tbl}`))].join(', ')}`);
          } else {
            allRefused = false;
            dirty = true;
          }
          if (problems.length) {
            findings.push(`${name} (${caller}): ${problems.join('; ')} <- ${JSON.stringify(call).slice(0, 400)}`);
            // FUZZ_COLLECT=1: keep going after a problem, to list them all in one run (for fixing).
            if (!process.env.FUZZ_COLLECT) throw new Error(`${problems.join('; ')}\nanswer (${answer.status}): ${answer.text.slice(0, 1500)}`);
          }
        }),
        { numRuns: RUNS, seed, endOnFailure: true },
      );
    }
    if (allRefused) {
      // Nothing succeeded: no table may differ in row count or content, except those the worker
      // wrote meanwhile (jobs queued before this mutation's calls: a refusal's own outbox row
      // would have failed the per-call check above).
      const after = await snapshot(db, tables);
      const { rows } = await db.query<{ tbl: string }>(`SELECT DISTINCT tbl FROM fuzz_write_log WHERE id > $1 AND app = 'fuzz-worker'`, [logFrom]);
      for (const { tbl } of rows) {
        delete after[tbl];
        delete before[tbl];
      }
      expect(after).toEqual(before);
    }
  });

  it('reached the resolvers: most calls were judged by them, some refused as bad input, some succeeded', () => {
    const count = (pattern: RegExp) => [...outcomes].filter(([k]) => pattern.test(k)).reduce((n, [, v]) => n + v, 0);
    const total = count(/./);
    expect(total).toBeGreaterThanOrEqual(MUTATIONS.length * RUNS);
    expect(count(/^200 /)).toBeGreaterThan(total / 2);
    expect(count(/^200 BAD_USER_INPUT$/)).toBeGreaterThan(0);
    expect(count(/^200 ok$/)).toBeGreaterThan(0);
    expect(count(/RATE_LIMITED|OPERATION_NOT_ALLOWED/)).toBe(0);
  });
});
