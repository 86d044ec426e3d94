import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

const root = path.resolve(__dirname, '../..');

export interface RunningPortal {
  url: string;
  dataDir: string;
  api: ChildProcess;
  worker?: ChildProcess;
  logs(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Starts the BUILT api (serving the built web app) and worker as real processes against this test
 * run's database and Redis (its own queue prefix), as `npm start` would in production shape.
 */
export async function startPortal(options: { worker?: boolean; env?: Record<string, string> } = {}): Promise<RunningPortal> {
  for (const file of ['dist/apps/api/main.js', 'dist/apps/worker/main.js', 'dist/apps/web/index.html']) {
    if (!fs.existsSync(path.join(root, file))) throw new Error(`${file} is missing: build first (npm test does)`);
  }
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-journey-'));
  const url = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    DATA_DIR: dataDir,
    QUEUE_DRIVER: 'bullmq',
    SEED_DEMO: 'false',
    LOG_LEVEL: process.env.JOURNEY_LOG_LEVEL ?? 'warn',
    ...options.env,
  };
  let output = '';
  const collect = (child: ChildProcess, name: string) => {
    child.stdout?.on('data', (d) => (output += `[${name}] ${d}`));
    child.stderr?.on('data', (d) => (output += `[${name}] ${d}`));
  };
  const api = spawn(process.execPath, ['--enable-source-maps', 'dist/apps/api/main.js'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  collect(api, 'api');
  let worker: ChildProcess | undefined;
  if (options.worker !== false) {
    worker = spawn(process.execPath, ['--enable-source-maps', 'dist/apps/worker/main.js'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    collect(worker, 'worker');
  }
  const stop = async () => {
    await Promise.all(
      // A child killed by a signal keeps exitCode null (signalCode is set): it has exited all the same.
      [api, worker].filter((c): c is ChildProcess => !!c && c.exitCode === null && c.signalCode === null).map(
        (child) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
            child.on('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const started = Date.now();
  for (;;) {
    if (api.exitCode !== null) throw new Error(`api exited with ${api.exitCode}:\n${output}`);
    try {
      // Bounded: an API that accepts the connection but never answers must still hit the 60 s limit
      // (with its output) instead of holding the test until Jest's own timeout.
      const res = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) break;
    } catch {
      // not listening (or not answering) yet
    }
    if (Date.now() - started > 60_000) {
      await stop();
      throw new Error(`api not ready after 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, dataDir, api, worker, logs: () => output, stop };
}

/** A GraphQL client with a cookie jar, as a browser would behave (same-origin, JSON POST). */
export class GraphQLClient {
  private cookies = new Map<string, string>();

  constructor(
    private readonly url: string,
    public locale = 'es',
  ) {}

  async request<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<{ status: number; data?: T; errors?: Array<{ message: string; extensions: Record<string, unknown> }> }> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': this.locale,
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    for (const header of res.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(';');
      const [name, value] = pair.split('=');
      const expired = attributes.some((a) => /max-age=0|expires=thu, 01 jan 1970/i.test(a.trim())) || value === '';
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    const body = (await res.json()) as { data?: T; errors?: Array<{ message: string; extensions: Record<string, unknown> }> };
    return { status: res.status, ...body };
  }

  hasSession(): boolean {
    return this.cookies.size > 0;
  }
}

/** E-mails the portal wrote (dev mailbox), newest first, waiting until `predicate` matches one. */
export async function waitForMail(
  portalUrl: string,
  predicate: (mail: { to: string; subject: string; text: string; links: string[] }) => boolean,
  timeoutMs = 20_000,
): Promise<{ to: string; subject: string; text: string; links: string[] }> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const res = await fetch(`${portalUrl}/api/dev/mail`);
    if (res.ok) {
      const mails = (await res.json()) as Array<{ to: string; subject: string; text: string; links: string[] }>;
      const found = mails.find(predicate);
      if (found) return found;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('no matching e-mail arrived');
}

/**
 * A database of its own for a portal that must start empty (e.g. to load the demo data), created
 * beside this Jest run's database and dropped by `drop()`.
 */
export async function createScratchDatabase(suffix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_ADMIN_PG_URL!;
  const name = `${process.env.TEST_DATABASE_NAME}_${suffix}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}
