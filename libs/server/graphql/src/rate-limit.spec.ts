import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import IORedis from 'ioredis';
import { loadConfig, type AppConfig } from '@alliance/server-config';
import { ErrorCode, LIMITS } from '@alliance/shared-core';
import { AppError } from './app-error';
import { RATE_LIMIT_NAMES, RateLimitService, isRateLimitedError, rateLimitedError } from './rate-limit';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function config(env: Record<string, string> = {}): AppConfig {
  return loadConfig({ ...process.env, REDIS_URL, ...env });
}

/** A key prefix of its own for one test, under this Jest run's QUEUE_PREFIX. */
function prefix(): string {
  return `${process.env.QUEUE_PREFIX ?? 'alliance-test'}-rl-${randomBytes(3).toString('hex')}`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** A private Redis (never the shared one: other tests use it) that this test may pause and stop. */
async function privateRedis(): Promise<{ url: string; process: ChildProcess; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  const probe = new IORedis(url, { lazyConnect: true, retryStrategy: () => 50, maxRetriesPerRequest: null });
  probe.on('error', () => undefined);
  await probe.connect().catch(() => undefined);
  await probe.ping();
  probe.disconnect();
  return {
    url,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        // A child killed by a signal keeps exitCode null (signalCode is set): it has exited all the same.
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

describe('RateLimitService', () => {
  const services: RateLimitService[] = [];
  async function started(mode: 'auto' | 'redis' | 'memory' | 'off', keyPrefix = prefix(), env: Record<string, string> = {}): Promise<RateLimitService> {
    const service = new RateLimitService(config(env));
    services.push(service);
    await service.start(mode, keyPrefix);
    return service;
  }
  afterEach(async () => {
    await Promise.all(services.splice(0).map((s) => s.stop()));
  });

  it('every named limit trips after its points, says when to retry, and opens again when its window ends', async () => {
    const keyPrefix = prefix();
    const service = await started('redis', keyPrefix);
    expect(service.kind).toBe('redis');
    const redis = new IORedis(REDIS_URL);
    try {
      for (const name of RATE_LIMIT_NAMES) {
        const { points, minutes } = LIMITS.rateLimits[name];
        const key = `Key-${name}@Example.org`;
        for (let i = 1; i <= points; i++) expect(await service.hit(name, key)).toMatchObject({ allowed: true, remaining: points - i });
        const refused = await service.hit(name, key);
        expect(refused.allowed).toBe(false);
        expect(refused.retryAfterSeconds).toBeGreaterThan(minutes * 60 - 30);
        expect(refused.retryAfterSeconds).toBeLessThanOrEqual(minutes * 60);
        await expect(service.consume(name, key)).rejects.toMatchObject({ extensions: { code: ErrorCode.RateLimited, messageKey: 'errors:rateLimited', messageParams: { minutes } } });
        // Another key of the same limit is unaffected; keys ignore case.
        expect((await service.hit(name, `other-${name}`)).allowed).toBe(true);
        expect((await service.hit(name, key.toUpperCase())).allowed).toBe(false);
        // The window ends (its key expires, as time would make it): allowed again.
        expect(await redis.pexpire(`${keyPrefix}:${name}:${key.toLowerCase()}`, 1)).toBe(1);
        await new Promise((r) => setTimeout(r, 20));
        expect(await service.hit(name, key)).toMatchObject({ allowed: true, remaining: points - 1 });
      }
    } finally {
      redis.disconnect();
    }
  });

  it('two instances (two api processes) share one count in Redis', async () => {
    const keyPrefix = prefix();
    const [a, b] = [await started('redis', keyPrefix), await started('redis', keyPrefix)];
    const { points } = LIMITS.rateLimits.signUpPerIp;
    const results = await Promise.all(Array.from({ length: points + 10 }, (_, i) => (i % 2 ? a : b).hit('signUpPerIp', '198.51.100.7')));
    expect(results.filter((r) => r.allowed)).toHaveLength(points);
    expect((await a.hit('signUpPerIp', '198.51.100.7')).allowed).toBe(false);
    expect((await b.hit('signUpPerIp', '198.51.100.7')).allowed).toBe(false);
    // A reset by one is seen by the other.
    await a.reset('signUpPerIp', '198.51.100.7');
    expect((await b.hit('signUpPerIp', '198.51.100.7')).allowed).toBe(true);
  });

  it('portals with different QUEUE_PREFIX on one Redis keep separate counts', async () => {
    const first = new RateLimitService(config({ QUEUE_PREFIX: `${prefix()}-a` }));
    const second = new RateLimitService(config({ QUEUE_PREFIX: `${prefix()}-b` }));
    services.push(first, second);
    await first.start('redis');
    await second.start('redis');
    for (let i = 0; i < LIMITS.rateLimits.signInFailuresPerAccount.points; i++) await first.hit('signInFailuresPerAccount', 'ana@example.org');
    expect((await first.hit('signInFailuresPerAccount', 'ana@example.org')).allowed).toBe(false);
    expect((await second.hit('signInFailuresPerAccount', 'ana@example.org')).allowed).toBe(true);
  });

  it('refund gives one event back; reset forgets them all', async () => {
    const service = await started('redis');
    const { points } = LIMITS.rateLimits.signInFailuresPerAccount;
    for (let i = 0; i < points; i++) await service.hit('signInFailuresPerAccount', 'x@example.org');
    await service.refund('signInFailuresPerAccount', 'x@example.org');
    expect((await service.hit('signInFailuresPerAccount', 'x@example.org')).allowed).toBe(true);
    expect((await service.hit('signInFailuresPerAccount', 'x@example.org')).allowed).toBe(false);
    await service.reset('signInFailuresPerAccount', 'x@example.org');
    expect((await service.hit('signInFailuresPerAccount', 'x@example.org')).remaining).toBe(points - 1);
  });

  it('picks the store like the queue driver: memory with QUEUE_DRIVER=inprocess or no Redis, off with RATE_LIMITS=off', async () => {
    expect((await started('auto', prefix(), { QUEUE_DRIVER: 'inprocess' })).kind).toBe('memory');
    expect((await started('auto', prefix(), { QUEUE_DRIVER: 'bullmq' })).kind).toBe('redis');
    expect((await started('auto', prefix(), { QUEUE_DRIVER: 'auto', REDIS_URL })).kind).toBe('redis');
    const port = await freePort();
    expect((await started('auto', prefix(), { QUEUE_DRIVER: 'auto', REDIS_URL: `redis://127.0.0.1:${port}` })).kind).toBe('memory');
    const off = await started('auto', prefix(), { RATE_LIMITS: 'off' });
    expect(off.kind).toBe('off');
    for (let i = 0; i < 100; i++) expect((await off.hit('certificateLookupPerIp', '203.0.113.1')).allowed).toBe(true);
  });

  it('in memory (npm start without Redis) the limits hold within the process', async () => {
    const service = await started('memory');
    const { points } = LIMITS.rateLimits.certificateLookupPerIp;
    const results = await Promise.all(Array.from({ length: points + 5 }, () => service.hit('certificateLookupPerIp', '203.0.113.2')));
    expect(results.filter((r) => r.allowed)).toHaveLength(points);
    await service.reset('certificateLookupPerIp', '203.0.113.2');
    expect((await service.hit('certificateLookupPerIp', '203.0.113.2')).allowed).toBe(true);
  });

  it('fails open to memory at once when Redis goes away or stops answering, and keeps limiting', async () => {
    const redis = await privateRedis();
    try {
      const service = new RateLimitService(config({ REDIS_URL: redis.url }));
      services.push(service);
      await service.start('redis', prefix());
      expect(service.kind).toBe('redis');
      expect((await service.hit('uploadPerAccount', 'u1')).allowed).toBe(true);

      // Redis hangs (CLIENT PAUSE holds every command): the command timeout hands over to memory.
      const admin = new IORedis(redis.url);
      await admin.call('CLIENT', 'PAUSE', '3000', 'ALL');
      admin.disconnect();
      let started = Date.now();
      expect((await service.hit('uploadPerAccount', 'u2')).allowed).toBe(true);
      expect(Date.now() - started).toBeLessThan(1500);

      // Redis is gone: every answer comes from memory, fast, and the limit still trips.
      await redis.stop();
      started = Date.now();
      const { points } = LIMITS.rateLimits.uploadPerAccount;
      const results: boolean[] = [];
      for (let i = 0; i < points + 1; i++) results.push((await service.hit('uploadPerAccount', 'u3')).allowed);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(results.filter(Boolean)).toHaveLength(points);
      expect(results[points]).toBe(false);
    } finally {
      await redis.stop();
    }
  });

  it('rateLimitedError rounds the wait up to whole minutes, at least one', () => {
    expect(rateLimitedError(1).params).toEqual({ minutes: 1 });
    expect(rateLimitedError(61).params).toEqual({ minutes: 2 });
    expect(isRateLimitedError(rateLimitedError(5))).toBe(true);
    expect(isRateLimitedError(AppError.notFound())).toBe(false);
  });
});
