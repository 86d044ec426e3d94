import { Logger } from '@nestjs/common';
import { resolveQueueDriver } from './resolve-driver';
import { DEFAULT_RETRY_POLICY } from './queue.constants';
import type { QueueDriver } from './queue-driver';
import { REDIS_URL } from './test-helpers';

const NOBODY = 'redis://127.0.0.1:1';
const runner = async () => undefined;

describe('resolveQueueDriver', () => {
  const opened: QueueDriver[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((d) => d.close()));
    jest.restoreAllMocks();
  });

  async function resolve(QUEUE_DRIVER: 'auto' | 'bullmq' | 'inprocess', REDIS: string, role: 'api' | 'worker' = 'api', isProduction = false) {
    const driver = await resolveQueueDriver({ QUEUE_DRIVER, REDIS_URL: REDIS, QUEUE_PREFIX: 'resolve-test', isProduction }, role, runner, DEFAULT_RETRY_POLICY);
    opened.push(driver);
    return driver;
  }

  it('auto uses BullMQ when Redis answers', async () => {
    const driver = await resolve('auto', REDIS_URL);
    expect(driver.kind).toBe('bullmq');
    expect(await driver.ping()).toBe(true);
  });

  it('auto falls back to in-process within about a second, saying so in one line', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const started = Date.now();
    const driver = await resolve('auto', NOBODY);
    expect(driver.kind).toBe('inprocess');
    expect(Date.now() - started).toBeLessThan(2500);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toMatch(/No Redis answers at redis:\/\/127\.0\.0\.1:1.*in-process/);
  });

  it('production and the worker app treat auto as BullMQ even without Redis', async () => {
    expect((await resolve('auto', NOBODY, 'api', true)).kind).toBe('bullmq');
    const worker = await resolve('auto', NOBODY, 'worker');
    expect(worker.kind).toBe('bullmq');
    expect(await worker.ping()).toBe(false);
  });

  it('honours an explicit choice', async () => {
    expect((await resolve('inprocess', REDIS_URL)).kind).toBe('inprocess');
    expect((await resolve('bullmq', REDIS_URL)).kind).toBe('bullmq');
  });
});
