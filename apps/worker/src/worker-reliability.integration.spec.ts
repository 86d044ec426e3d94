import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import IORedis from 'ioredis';
import type { DataSource } from 'typeorm';
import { connectTestDatabase, testDatabaseUrl } from '@alliance/server-database';
import { MailOutbox } from '@alliance/server-mail';
import { NotificationsService } from '@alliance/server-notifications';
import { ALL_ENTITIES } from '@alliance/server-platform';
import { BullMqDriver, OutboxRelay, OutboxService } from '@alliance/server-queue';

const root = path.resolve(__dirname, '../../..');
const bundle = path.join(root, 'dist/apps/worker/main.js');

function newestSource(dirs: string[]): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full);
      } else if (/\.(ts|cjs|json)$/.test(entry.name) && !entry.name.endsWith('.spec.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  dirs.forEach((d) => walk(path.join(root, d)));
  return newest;
}

function buildWorkerIfStale(): void {
  const sources = newestSource(['apps/worker/src', 'libs/server', 'libs/shared', 'libs/tooling']);
  if (fs.existsSync(bundle) && fs.statSync(bundle).mtimeMs >= sources) return;
  execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '-c', 'apps/worker/webpack.config.cjs', '--mode', 'production'], { cwd: root, stdio: 'pipe' });
}

async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs: number, what: string, logs: () => string = () => ''): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}.\n${logs().slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A minimal SMTP server that takes `delayMs` to accept each message, so a batch is still being sent
 * when the worker is killed, and that records every recipient it accepted (the real side effect).
 */
function slowSmtpServer(delayMs: number): Promise<{ port: number; received: string[]; close: () => Promise<void> }> {
  const received: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffer = '';
    let inData = false;
    let rcpt: string[] = [];
    socket.write('220 slow-smtp ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      let index: number;
      while ((index = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, index);
        buffer = buffer.slice(index + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            const accepted = rcpt;
            rcpt = [];
            setTimeout(() => {
              if (socket.destroyed) return;
              received.push(...accepted);
              socket.write('250 OK queued\r\n');
            }, delayMs);
          }
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 slow-smtp\r\n');
        else if (verb === 'MAIL') socket.write('250 OK\r\n');
        else if (verb === 'RCPT') {
          rcpt.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
          socket.write('250 OK\r\n');
        } else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') {
          socket.end('221 bye\r\n');
        } else socket.write('250 OK\r\n');
      }
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      resolve({
        port,
        received,
        close: () =>
          new Promise((done) => {
            sockets.forEach((s) => s.destroy());
            server.close(() => done());
          }),
      });
    });
  });
}

/**
 * Reliability of the BUILT worker against the real database and Redis: a worker SIGKILLed in the
 * middle of a batch loses nothing and duplicates no database effect, its stalled jobs come back
 * within 15 s, and jobs whose Redis keys vanish are produced anyway (the outbox sweep).
 */
describe('worker reliability', () => {
  let dataSource: DataSource;
  let dataDir: string;
  let smtp: Awaited<ReturnType<typeof slowSmtpServer>>;
  const workers: ChildProcess[] = [];
  const prefixes: string[] = [];
  let output = '';

  beforeAll(async () => {
    buildWorkerIfStale();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-reliability-'));
    dataSource = await connectTestDatabase(ALL_ENTITIES, 10);
    smtp = await slowSmtpServer(40);
  });

  afterAll(async () => {
    for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
    await smtp?.close();
    await dataSource?.destroy();
    // Leave nothing of this test in the shared Redis.
    const redis = new IORedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    for (const prefix of prefixes) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== '0');
    }
    redis.disconnect();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function startWorker(prefix: string): Promise<ChildProcess> {
    const worker = spawn(process.execPath, ['--enable-source-maps', bundle], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: testDatabaseUrl(),
        DATA_DIR: dataDir,
        QUEUE_DRIVER: 'bullmq',
        QUEUE_PREFIX: prefix,
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        LOG_LEVEL: 'info',
      },
    });
    let ready = false;
    const onData = (d: Buffer) => {
      output += d;
      if (String(d).includes('Worker ready')) ready = true;
    };
    worker.stdout!.on('data', onData);
    worker.stderr!.on('data', onData);
    workers.push(worker);
    await waitFor(
      async () => ready || worker.exitCode !== null,
      60_000,
      'the worker to start',
      () => output,
    );
    if (worker.exitCode !== null) throw new Error(`The worker exited with ${worker.exitCode}:\n${output}`);
    return worker;
  }

  async function createUsers(count: number): Promise<Array<{ id: string; email: string }>> {
    const t = randomBytes(4).toString('hex');
    return dataSource.query(
      `INSERT INTO users (email, name, password_hash, country_code, preferred_locale, email_verified_at)
       SELECT 'k' || g || '.' || $2 || '@example.org', 'Persona ' || g, 'x', 'PE', 'es', now() FROM generate_series(1, $1) g RETURNING id, email`,
      [count, t],
    );
  }

  function api(prefix: string, relaySettings: { sweepMs?: number; sweepAfterMs?: number } = {}) {
    prefixes.push(prefix);
    const driver = new BullMqDriver({ redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix });
    const relay = new OutboxRelay(dataSource, { pollMs: 100, ...relaySettings });
    const outbox = new OutboxService(relay);
    return { driver, relay, notifications: new NotificationsService(dataSource, outbox), mail: new MailOutbox(outbox) };
  }

  async function effects(userIds: string[], addresses: string[]) {
    const [row] = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM notification WHERE user_id = ANY($1::uuid[])) AS notifications,
              (SELECT count(DISTINCT user_id)::int FROM notification WHERE user_id = ANY($1::uuid[])) AS people,
              (SELECT count(*)::int FROM outgoing_email WHERE to_address = ANY($2)) AS emails,
              (SELECT count(*)::int FROM outgoing_email WHERE to_address = ANY($2) AND status = 'sent') AS sent`,
      [userIds, addresses],
    );
    return row as { notifications: number; people: number; emails: number; sent: number };
  }

  it('a SIGKILLed worker loses nothing: every effect once, the rest done within 15 s of the restart', async () => {
    const prefix = `${process.env.QUEUE_PREFIX}-k${randomBytes(3).toString('hex')}`;
    const first = await startWorker(prefix);
    const { driver, relay, notifications, mail } = api(prefix);
    relay.start(driver);
    try {
      // 100 fan-outs (each one person, who gets an immediate e-mail) and 100 direct e-mails.
      const people = await createUsers(100);
      const direct = Array.from({ length: 100 }, (_, i) => `direct${i}.${randomBytes(3).toString('hex')}@example.org`);
      await dataSource.transaction(async (manager) => {
        for (const person of people) {
          await notifications.notify(manager, { userIds: [person.id], type: 'certificate.issued', data: { title: 'Curso', code: 'K1' }, link: '/certificates' });
        }
        for (const to of direct) await mail.queueEmail(manager, { to, toName: 'Directo', locale: 'es', template: 'verify', params: { name: 'D', link: 'https://x.example/v', hours: 24 } });
      });
      const addresses = [...people.map((p) => p.email), ...direct];

      // Kill it mid-way: some sent, many not.
      await waitFor(async () => smtp.received.filter((r) => addresses.includes(r)).length >= 30, 60_000, '30 e-mails', () => output);
      first.kill('SIGKILL');
      await new Promise((resolve) => first.once('exit', resolve));
      const before = await effects(people.map((p) => p.id), addresses);
      expect(before.sent).toBeLessThan(200);

      const openJobs = async (): Promise<number> => {
        const [open] = await dataSource.query(
          `SELECT count(*)::int AS open FROM outbox_message WHERE completed_at IS NULL AND (job_name = 'notifications.fanout' OR payload->>'id' IN (SELECT id::text FROM outgoing_email WHERE to_address = ANY($1)))`,
          [addresses],
        );
        return open.open;
      };
      const restartedAt = Date.now();
      await startWorker(prefix);
      // Done means every effect AND every job marked complete: a job whose effect committed just
      // before the kill is only marked when BullMQ hands it out again as stalled (its lock lapsed).
      const done = await waitFor(
        async () => {
          const now = await effects(people.map((p) => p.id), addresses);
          return now.sent === 200 && now.notifications === 100 && (await openJobs()) === 0 ? now : null;
        },
        30_000,
        'every effect and every job complete',
        () => output,
      );
      const tookMs = Date.now() - restartedAt;
      expect(tookMs).toBeLessThan(15_000);
      // Database effects exactly once.
      expect(done).toEqual({ notifications: 100, people: 100, emails: 200, sent: 200 });
      // Every address reached the SMTP server; only a message in flight at the kill (at most the
      // worker's concurrency) may have been handed over twice, as with any at-least-once sender.
      const delivered = smtp.received.filter((r) => addresses.includes(r));
      expect(new Set(delivered).size).toBe(200);
      expect(delivered.length - 200).toBeLessThanOrEqual(5);
    } finally {
      await relay.stop();
      await driver.close();
    }
  });

  it('jobs whose Redis keys are wiped while they wait are still produced (outbox sweep)', async () => {
    const prefix = `${process.env.QUEUE_PREFIX}-f${randomBytes(3).toString('hex')}`;
    const { driver, relay, notifications } = api(prefix, { sweepMs: 500, sweepAfterMs: 1000 });
    relay.start(driver);
    try {
      const people = await createUsers(50);
      await dataSource.transaction(async (manager) => {
        for (const person of people) await notifications.notify(manager, { userIds: [person.id], type: 'certificate.revoked', data: { title: 'T', code: 'F1' } });
      });
      // Relayed, waiting in Redis with no worker yet ...
      await waitFor(
        async () => {
          const [row] = await dataSource.query(
            `SELECT count(*)::int AS n FROM outbox_message WHERE job_name = 'notifications.fanout' AND relayed_at IS NOT NULL AND payload->>'id' IN (SELECT id::text FROM notification_batch WHERE recipients && $1::uuid[])`,
            [people.map((p) => p.id)],
          );
          return row.n === 50;
        },
        10_000,
        'the relay',
      );
      // ... then Redis loses them (as a restart of this Redis does): only this test's prefix.
      const redis = new IORedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
      let cursor = '0';
      let deleted = 0;
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length) deleted += await redis.del(...keys);
      } while (cursor !== '0');
      redis.disconnect();
      expect(deleted).toBeGreaterThan(0);

      await startWorker(prefix);
      const done = await waitFor(
        async () => {
          const now = await effects(
            people.map((p) => p.id),
            people.map((p) => p.email),
          );
          return now.sent === 50 && now.notifications === 50 ? now : null;
        },
        30_000,
        'every effect after the loss',
        () => output,
      );
      expect(done).toEqual({ notifications: 50, people: 50, emails: 50, sent: 50 });
    } finally {
      await relay.stop();
      await driver.close();
    }
  });
});
