import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hash } from '@node-rs/argon2';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { createScratchDatabase, freePort, SIGN_IN, ok } from '../support';

const root = path.resolve(__dirname, '../..');
/** The built apps (npm test builds dist/ first); FAULTS_DIST points at another build of the same tree. */
const dist = path.resolve(root, process.env.FAULTS_DIST ?? 'dist');

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` every 100 ms until it returns something truthy; fails after `timeoutMs` with `what`. */
export async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs: number, what: string, logs: () => string = () => ''): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.\n${logs().slice(-6000)}`);
    await sleep(100);
  }
}

/** Resolves with the exit code (or signal name) of `child`, or 'timeout'. */
export function exitOf(child: ChildProcess, timeoutMs: number): Promise<number | string> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode ?? String(child.signalCode));
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? String(signal));
    });
  });
}

/**
 * A Redis of the test's own (never the shared one on 6379): memory only, like the machine's, so
 * stopping and starting it again loses every key, as a real restart of that Redis does.
 */
export class OwnRedis {
  private process?: ChildProcess;
  private constructor(readonly port: number) {}

  static async start(): Promise<OwnRedis> {
    const redis = new OwnRedis(await freePort());
    await redis.startAgain();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async startAgain(): Promise<void> {
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    this.process = child;
    await waitFor(async () => output.includes('Ready to accept connections') || child.exitCode !== null, 10_000, 'redis-server', () => output);
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}: ${output}`);
  }

  /** Runs one command on this Redis with a short-lived connection. */
  async command<T>(run: (redis: IORedis) => Promise<T>): Promise<T> {
    const redis = new IORedis(this.url, { maxRetriesPerRequest: 1 });
    try {
      return await run(redis);
    } finally {
      redis.disconnect();
    }
  }

  /** SIGKILL: the memory is gone, as in a crash. */
  async kill(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = exitOf(child, 10_000);
    child.kill('SIGKILL');
    await exited;
  }
}

export interface AppProcess {
  child: ChildProcess;
  url: string;
}

/**
 * One portal installation for a fault test: its own database (created here, dropped by `dispose`),
 * its own data directory and queue prefix, a Redis of its own, and any number of BUILT api and worker
 * processes started, killed and restarted at will.
 */
export class FaultPortal {
  readonly admin = { email: `faults-admin-${randomBytes(3).toString('hex')}@alianza.example`, password: 'Faults-Admin-Password-1' };
  private output = '';
  private readonly children = new Set<ChildProcess>();
  private readonly apis: AppProcess[] = [];
  private constructor(
    readonly databaseUrl: string,
    readonly databaseName: string,
    private readonly dropDatabase: () => Promise<void>,
    readonly redis: OwnRedis,
    readonly dataDir: string,
    readonly prefix: string,
  ) {}

  static async create(name: string): Promise<FaultPortal> {
    for (const app of ['api', 'worker']) {
      const file = path.join(dist, 'apps', app, 'main.js');
      if (!fs.existsSync(file)) throw new Error(`${file} is missing: build first (npm test does)`);
    }
    const suffix = `${name}_${randomBytes(3).toString('hex')}`;
    const database = await createScratchDatabase(suffix);
    const redis = await OwnRedis.start();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `alliance-faults-${name}-`));
    return new FaultPortal(database.url, new URL(database.url).pathname.slice(1), database.drop, redis, dataDir, `faults-${suffix}`);
  }

  /** Ids (= outbox ids) of the jobs BullMQ holds as active in `queue`: after a worker's SIGKILL, the ones it was running. */
  activeJobs(queue: 'certificates' | 'notifications'): Promise<string[]> {
    return this.redis.command((redis) => redis.lrange(`${this.prefix}:${queue}:active`, 0, -1));
  }

  logs(): string {
    return this.output;
  }

  private env(extra: Record<string, string>): NodeJS.ProcessEnv {
    return {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: this.redis.url,
      QUEUE_DRIVER: 'bullmq',
      QUEUE_PREFIX: this.prefix,
      DATA_DIR: this.dataDir,
      SEED_DEMO: 'false',
      ADMIN_EMAIL: this.admin.email,
      ADMIN_PASSWORD: this.admin.password,
      LOG_LEVEL: process.env.FAULTS_LOG_LEVEL ?? 'warn',
      ...extra,
    };
  }

  private spawnApp(app: 'api' | 'worker', env: NodeJS.ProcessEnv, name: string): ChildProcess {
    const child = spawn(process.execPath, ['--enable-source-maps', path.join(dist, 'apps', app, 'main.js')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d) => (this.output += `[${name}] ${d}`));
    child.stderr!.on('data', (d) => (this.output += `[${name}] ${d}`));
    child.on('exit', (code, signal) => (this.output += `[${name}] exited (${code ?? signal})\n`));
    this.children.add(child);
    return child;
  }

  /** Starts an api on `port` (a fresh one by default) and waits until /ready answers 200, unless `waitReady` is false. */
  async startApi(options: { port?: number; name?: string; waitReady?: boolean } = {}): Promise<AppProcess> {
    const port = options.port ?? (await freePort());
    const url = `http://127.0.0.1:${port}`;
    const child = this.spawnApp('api', this.env({ PORT: String(port), PUBLIC_URL: url }), options.name ?? `api:${port}`);
    if (options.waitReady !== false) {
      await waitFor(
        async () => {
          if (child.exitCode !== null) throw new Error('exited');
          const res = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(3_000) });
          return res.ok;
        },
        60_000,
        `the api on ${port} to be ready`,
        () => this.output,
      ).catch((error) => {
        throw child.exitCode !== null ? new Error(`api exited with ${child.exitCode}:\n${this.output.slice(-6000)}`) : error;
      });
    }
    const api = { child, url };
    this.apis.push(api);
    return api;
  }

  /** The api processes started so far that are still running. */
  runningApis(): AppProcess[] {
    return this.apis.filter((api) => api.child.exitCode === null && api.child.signalCode === null);
  }

  /** Starts a worker and waits for its "Worker ready" line (LOG_LEVEL info for that line). */
  async startWorker(name = 'worker'): Promise<ChildProcess> {
    const child = this.spawnApp('worker', this.env({ LOG_LEVEL: 'info' }), name);
    let ready = false;
    child.stdout!.on('data', (d) => {
      if (String(d).includes('Worker ready')) ready = true;
    });
    await waitFor(async () => ready || child.exitCode !== null, 60_000, `${name} to start`, () => this.output);
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${this.output.slice(-6000)}`);
    return child;
  }

  /** Sends `signal` and waits for the exit; returns the exit code or signal name. */
  async stopProcess(child: ChildProcess, signal: NodeJS.Signals, timeoutMs = 35_000): Promise<number | string> {
    const exited = exitOf(child, timeoutMs);
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  }

  /** A plain SQL connection to the portal's database (for counting effects). */
  async sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      return (await client.query(text, values)).rows as T[];
    } finally {
      await client.end();
    }
  }

  /** The same, on the admin database (for ALTER DATABASE and pg_terminate_backend). */
  async adminSql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: process.env.TEST_ADMIN_PG_URL! });
    await client.connect();
    try {
      return (await client.query(text, values)).rows as T[];
    } finally {
      await client.end();
    }
  }

  /**
   * `count` confirmed accounts written straight into the database (signing up through the API, with
   * its e-mail round trip, would cost most of the time budget), all with `password`.
   */
  async createPeople(count: number, password: string, tag: string): Promise<Array<{ id: string; email: string; name: string }>> {
    const passwordHash = await hash(password);
    return this.sql(
      `INSERT INTO users (email, name, password_hash, country_code, preferred_locale, email_verified_at)
       SELECT 'p' || g || '.' || $2 || '@example.org', 'Persona ' || lpad(g::text, 4, '0') || ' ' || $2, $3, 'PE', 'es', now()
         FROM generate_series(1, $1) g RETURNING id, email, name`,
      [count, tag, passwordHash],
    );
  }

  /** Kills every process still running, stops Redis, drops the database and the data directory. */
  async dispose(): Promise<void> {
    for (const child of this.children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await Promise.all([...this.children].map((child) => exitOf(child, 10_000)));
    await this.redis.kill();
    await this.dropDatabase();
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** Issues participation certificates to `people` through the api; returns the batch id. */
export async function issueCertificates(url: string, admin: Session, people: Array<{ email: string; name: string }>, title: string): Promise<string> {
  const csv = `name,email,locale\n${people.map((p) => `"${p.name}",${p.email},es`).join('\n')}\n`;
  const issued = ok<{ issueParticipationCertificates: { id: string; total: number } }>(
    await admin.request(url, `mutation($input: IssueParticipationInput!) { issueParticipationCertificates(input: $input) { id total } }`, {
      input: {
        title,
        hours: 4,
        startDate: '2026-03-02',
        endDate: '2026-03-02',
        issuerName: 'Secretaría de la Alianza',
        coIssuers: [],
        signatories: [{ name: 'Ana Pérez', title: 'Secretaria Ejecutiva', organisation: 'Secretaría de la Alianza' }],
        csv,
      },
    }),
  ).issueParticipationCertificates;
  if (issued.total !== people.length) throw new Error(`issued ${issued.total} of ${people.length}`);
  return issued.id;
}

/** What a certificate batch left behind: rows, rendered rows, files on disk, notifications per person. */
export async function batchEffects(portal: FaultPortal, batchId: string) {
  const [row] = await portal.sql<{ certificates: number; rendered: number; people: number; notifications: number; notified: number; open: number }>(
    `SELECT count(*)::int AS certificates,
            count(*) FILTER (WHERE c.render_status = 'rendered')::int AS rendered,
            count(DISTINCT c.recipient_email)::int AS people,
            (SELECT count(*)::int FROM notification n WHERE n.type = 'certificate.issued' AND n.user_id IN (SELECT recipient_user_id FROM certificates WHERE batch_id = $1)) AS notifications,
            (SELECT count(DISTINCT n.user_id)::int FROM notification n WHERE n.type = 'certificate.issued' AND n.user_id IN (SELECT recipient_user_id FROM certificates WHERE batch_id = $1)) AS notified,
            (SELECT count(*)::int FROM outbox_message o WHERE o.completed_at IS NULL AND o.failed_at IS NULL AND o.payload->>'id' IN (SELECT id::text FROM certificates WHERE batch_id = $1)) AS open
       FROM certificates c WHERE c.batch_id = $1`,
    [batchId],
  );
  const keys = await portal.sql<{ pdf_key: string }>(`SELECT pdf_key FROM certificates WHERE batch_id = $1 AND pdf_key IS NOT NULL`, [batchId]);
  const dir = path.join(portal.dataDir, 'certificates');
  const files = keys.filter((k) => fs.existsSync(path.join(dir, k.pdf_key))).length;
  return { ...row, files };
}

type GraphQLAnswer<T> = { status: number; data?: T; errors?: Array<{ message: string; extensions: Record<string, unknown> }> };

/**
 * A signed-in session that may talk to any api of the installation (sessions live in the shared
 * database, so one cookie works on every api process), as a browser behind a load balancer would.
 */
export class Session {
  private constructor(readonly cookie: string) {}

  static async signIn(url: string, email: string, password: string): Promise<Session> {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: SIGN_IN, variables: { input: { email, password } } }),
    });
    const body = (await res.json()) as GraphQLAnswer<unknown>;
    if (body.errors) throw new Error(`sign-in of ${email} failed: ${JSON.stringify(body.errors)}`);
    return new Session(res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '));
  }

  async request<T = Record<string, unknown>>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLAnswer<T>> {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'es', cookie: this.cookie },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as Omit<GraphQLAnswer<T>, 'status'>;
    return { ...body, status: res.status };
  }
}

/** Creates, schedules (one 2-hour session in two days) and opens a workshop; returns its id and slug. */
export async function openWorkshop(url: string, admin: Session, capacity: number, tag: string): Promise<{ id: string; slug: string; sessionId: string }> {
  const es = (value: string) => [{ locale: 'es', value }];
  const created = ok<{ createWorkshop: { id: string; slug: string } }>(
    await admin.request(url, `mutation($input: WorkshopInput!) { createWorkshop(input: $input) { id slug } }`, {
      input: {
        slug: `taller-fallas-${tag}`,
        title: es(`Taller ${tag}`),
        description: es('Prueba de fallas.'),
        mode: 'VIRTUAL',
        timeZone: 'America/Bogota',
        meetingUrl: 'https://meet.example/taller',
        capacity,
        audience: 'OPEN',
        approvalRequired: false,
        waitlistMode: 'AUTO',
        languages: ['es'],
        certificateIssuer: 'Alianza Regional de Educación',
        certificateSignatories: [{ name: 'Valentina Rojas', title: 'Secretaria ejecutiva', organisation: 'Alianza Regional de Educación' }],
      },
    }),
  ).createWorkshop;
  const start = Date.now() + 2 * 24 * 3_600_000;
  // saveSession answers with the workshop, its sessions included.
  const saved = ok<{ saveSession: { sessions: Array<{ id: string }> } }>(
    await admin.request(url, `mutation($w: ID!, $input: SessionInput!) { saveSession(workshopId: $w, input: $input) { sessions { id } } }`, {
      w: created.id,
      input: { title: es('Sesión 1'), startsAt: new Date(start).toISOString(), endsAt: new Date(start + 2 * 3_600_000).toISOString() },
    }),
  ).saveSession;
  ok(await admin.request(url, `mutation($id: ID!) { openWorkshop(id: $id) { status } }`, { id: created.id }));
  return { ...created, sessionId: saved.sessions[0].id };
}

export const REGISTER = `mutation($w: ID!) { registerForWorkshop(workshopId: $w, answers: [], consentToList: true) { id status waitlistPosition } }`;

/** Timings of a test's phases, printed with FAULTS_VERBOSE=1 (where the minutes of a slow run go). */
export function phases(): (what: string) => void {
  const started = Date.now();
  let last = started;
  return (what) => {
    const now = Date.now();
    if (process.env.FAULTS_VERBOSE) process.stdout.write(`[faults] +${now - last} ms (at ${now - started} ms): ${what}\n`);
    last = now;
  };
}
