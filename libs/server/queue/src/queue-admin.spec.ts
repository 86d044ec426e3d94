import { randomUUID } from 'node:crypto';
import IORedis from 'ioredis';
import type { DataSource } from 'typeorm';
import { connectTestDatabase } from '@alliance/server-database';
import { BullMqDriver } from './bullmq.driver';
import { OutboxMessage } from './entities/outbox-message.entity';
import { JobExecutor } from './job-executor';
import { JobHandlerRegistry } from './job-handler.registry';
import { OutboxRelay } from './outbox.relay';
import { OutboxService } from './outbox.service';
import { QueueAdmin } from './queue-admin.service';
import { backoffDelay, cronPattern, nextOccurrence, QueueName, type RetryPolicy } from './queue.constants';
import { closeRows, deleteRedisKeys, REDIS_URL, testPrefix, waitFor } from './test-helpers';

describe('retry policy and schedules', () => {
  it('backs off exponentially up to the cap', () => {
    const policy: RetryPolicy = { attempts: 10, backoffMs: 1000, maxBackoffMs: 60_000 };
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffDelay(policy, n))).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000]);
  });

  it('computes the next daily and weekly occurrence in UTC', () => {
    const daily = { queue: QueueName.Notifications, jobName: 'd', hourUtc: 11, minuteUtc: 0 };
    const weekly = { ...daily, jobName: 'w', weekday: 1 };
    expect(cronPattern(daily)).toBe('0 11 * * *');
    expect(cronPattern(weekly)).toBe('0 11 * * 1');
    // Friday 2026-11-20 10:59 UTC -> same day 11:00; at 11:00 -> next day.
    expect(nextOccurrence(daily, new Date('2026-11-20T10:59:00Z')).toISOString()).toBe('2026-11-20T11:00:00.000Z');
    expect(nextOccurrence(daily, new Date('2026-11-20T11:00:00Z')).toISOString()).toBe('2026-11-21T11:00:00.000Z');
    expect(nextOccurrence(weekly, new Date('2026-11-20T12:00:00Z')).toISOString()).toBe('2026-11-23T11:00:00.000Z');
  });
});

describe('dead letters (BullMQ)', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await connectTestDatabase([OutboxMessage]);
  });
  afterAll(async () => {
    await dataSource.destroy();
  });

  it('keeps a job that ran out of attempts for administrators, and a retry runs it again to completion', async () => {
    const policy: RetryPolicy = { attempts: 2, backoffMs: 20, maxBackoffMs: 50 };
    const registry = new JobHandlerRegistry();
    let healthy = false;
    let runs = 0;
    registry.register(QueueName.Notifications, 'test.flaky', async () => {
      runs += 1;
      if (!healthy) throw new Error('SMTP refused');
    });
    const executor = new JobExecutor(dataSource, registry, policy);
    const prefix = testPrefix();
    const driver = new BullMqDriver({ redisUrl: REDIS_URL, prefix, policy });
    await driver.startWorkers(executor.run, { concurrency: 1 });
    const relay = new OutboxRelay(dataSource, { pollMs: 50, sweepMs: 60_000 });
    relay.start(driver);
    const admin = new QueueAdmin(dataSource, driver, relay);
    const outbox = new OutboxService(relay);
    let id = '';
    try {
      id = await dataSource.transaction((m) => outbox.enqueue(m, { queue: QueueName.Notifications, name: 'test.flaky', id: randomUUID() }));
      await waitFor(async () => (await dataSource.getRepository(OutboxMessage).findOneByOrFail({ id })).failedAt, 10_000, 'the dead letter');
      expect(runs).toBe(2);
      const page = await admin.deadLetters(50);
      const letter = page.rows.find((r) => r.id === id);
      expect(letter).toMatchObject({ queue: 'notifications', jobName: 'test.flaky', attempts: 2, lastError: 'Error: SMTP refused' });
      expect(page.total).toBeGreaterThanOrEqual(1);
      const overview = await admin.overview();
      expect(overview.find((q) => q.name === 'notifications')!.failed).toBeGreaterThanOrEqual(1);

      healthy = true;
      expect(await admin.retry(id)).toBe(true);
      await waitFor(async () => (await dataSource.getRepository(OutboxMessage).findOneByOrFail({ id })).completedAt, 10_000, 'the retried job');
      expect(runs).toBe(3);
      expect((await admin.deadLetters(50)).rows.some((r) => r.id === id)).toBe(false);
      // Retrying what is not (or no longer) a dead letter does nothing.
      expect(await admin.retry(id)).toBe(false);
      expect(await admin.retry('not-an-id')).toBe(false);
    } finally {
      await relay.stop();
      await driver.close();
      await closeRows(dataSource, [id].filter(Boolean));
      await deleteRedisKeys(prefix);
    }
  });

  it('warns when Redis keeps nothing on disk or may evict keys, as its configuration says', async () => {
    const driver = new BullMqDriver({ redisUrl: REDIS_URL, prefix: testPrefix() });
    const redis = new IORedis(REDIS_URL);
    try {
      await driver.ping();
      const warnings = await driver.persistenceWarnings();
      const config = async (name: string) => ((await redis.config('GET', name)) as string[])[1] ?? '';
      const evicts = !['', 'noeviction'].includes(await config('maxmemory-policy'));
      const volatile = (await config('appendonly')) !== 'yes' && !(await config('save')).trim();
      expect(warnings.some((w) => w.includes('maxmemory-policy'))).toBe(evicts);
      expect(warnings.some((w) => w.includes('keeps nothing on disk') && w.includes('outbox'))).toBe(volatile);
    } finally {
      redis.disconnect();
      await driver.close();
    }
  });
});
