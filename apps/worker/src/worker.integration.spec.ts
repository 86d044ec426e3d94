import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { connectTestDatabase, testDatabaseUrl } from '@alliance/server-database';
import { MailOutbox, OutgoingEmail } from '@alliance/server-mail';
import { BullMqDriver, OutboxMessage, OutboxRelay, OutboxService } from '@alliance/server-queue';

const root = path.resolve(__dirname, '../../..');
const bundle = path.join(root, 'dist/apps/worker/main.js');

/** Newest modification time of the sources the worker bundle is built from. */
function newestSource(dirs: string[]): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full);
      } else if (/\.(ts|cjs|json)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  dirs.forEach((d) => walk(path.join(root, d)));
  return newest;
}

function buildWorkerIfStale(): void {
  const sources = newestSource(['apps/worker/src', 'libs/server', 'libs/shared', 'libs/tooling']);
  if (fs.existsSync(bundle) && fs.statSync(bundle).mtimeMs >= sources) return;
  try {
    execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '-c', 'apps/worker/webpack.config.cjs', '--mode', 'production'], {
      cwd: root,
      stdio: 'pipe',
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`Building the worker failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs: number, what: string, logs: () => string): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}. Worker output:\n${logs()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * API -> Redis -> worker -> database: this test process plays the API (it queues an e-mail in a
 * committed transaction and relays it to BullMQ on Redis); the BUILT worker, a real child process
 * on the same database and queue prefix, sends it and records it as sent.
 */
describe('worker process', () => {
  let dataSource: DataSource;
  let worker: ChildProcess;
  let output = '';
  let dataDir: string;
  let prefix: string;
  let relay: OutboxRelay;
  let driver: BullMqDriver;

  beforeAll(async () => {
    buildWorkerIfStale();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-worker-'));
    prefix = `${process.env.QUEUE_PREFIX}-w${randomBytes(3).toString('hex')}`;
    dataSource = await connectTestDatabase([OutboxMessage, OutgoingEmail]);
    worker = spawn(process.execPath, ['--enable-source-maps', bundle], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: testDatabaseUrl(),
        DATA_DIR: dataDir,
        QUEUE_DRIVER: 'bullmq',
        QUEUE_PREFIX: prefix,
        SMTP_URL: '',
        LOG_LEVEL: 'info',
      },
    });
    worker.stdout!.on('data', (d) => (output += d));
    worker.stderr!.on('data', (d) => (output += d));
    await waitFor(async () => output.includes('Worker ready') || worker.exitCode !== null, 60_000, 'the worker to start', () => output);
    if (worker.exitCode !== null) throw new Error(`The worker exited with ${worker.exitCode}:\n${output}`);
    // The "API" side: relay and BullMQ producer on the same prefix.
    driver = new BullMqDriver({ redisUrl: process.env.REDIS_URL!, prefix });
    relay = new OutboxRelay(dataSource, { pollMs: 100 });
    relay.start(driver);
  });

  afterAll(async () => {
    await relay?.stop();
    await driver?.close();
    if (worker && worker.exitCode === null) worker.kill('SIGKILL');
    await dataSource?.destroy();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends a queued e-mail and records it as sent', async () => {
    const to = `worker-${randomBytes(4).toString('hex')}@example.org`;
    const mailOutbox = new MailOutbox(new OutboxService(relay));
    const emailId = await dataSource.transaction((manager) =>
      mailOutbox.queueEmail(manager, { to, toName: 'João Silva', locale: 'pt', template: 'verify', params: { name: 'João', link: 'https://portal.example/verify?token=w1', hours: 24 } }),
    );

    const sent = await waitFor(
      async () => {
        const row = await dataSource.getRepository(OutgoingEmail).findOneByOrFail({ id: emailId });
        return row.status === 'sent' ? row : null;
      },
      30_000,
      'the e-mail to be sent',
      () => output,
    );
    expect(sent.sentAt).toBeInstanceOf(Date);

    // The worker wrote it under its own DATA_DIR: only the child process can have sent it.
    const mailDir = path.join(dataDir, 'mail');
    const eml = fs.readdirSync(mailDir).filter((f) => f.endsWith('.eml'));
    expect(eml).toHaveLength(1);
    const raw = fs.readFileSync(path.join(mailDir, eml[0]), 'utf8');
    expect(raw).toMatch(/^Subject: Confirme o seu e-mail\r$/m);
    expect(raw).toContain(to);
    const outbox = await dataSource.getRepository(OutboxMessage).findOneByOrFail({ payload: { id: emailId } });
    expect(outbox.completedAt).toBeInstanceOf(Date);
    // Logs are JSON lines (pino).
    expect(output.split('\n').find((l) => l.includes('Worker ready'))).toMatch(/^\{.*"app":"worker".*\}$/);
  });

  it('stops gracefully on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => worker.on('exit', (code) => resolve(code)));
    worker.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
