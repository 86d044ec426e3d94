import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { connectTestDatabase } from '@alliance/server-database';
import { BullMqDriver } from './bullmq.driver';
import { OutboxMessage } from './entities/outbox-message.entity';
import { InProcessDriver } from './inprocess.driver';
import { JobExecutor } from './job-executor';
import { JobHandlerRegistry, type JobContext, type JobHandler } from './job-handler.registry';
import { OutboxRelay } from './outbox.relay';
import { OutboxService } from './outbox.service';
import type { QueueDriver } from './queue-driver';
import { QueueName, type RetryPolicy } from './queue.constants';
import { closeInspector, closeRows, deleteRedisKeys, inspectQueue, REDIS_URL, testPrefix, waitFor } from './test-helpers';

const FAST_RETRIES: RetryPolicy = { attempts: 3, backoffMs: 50 };

describe('jobs through the outbox', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await connectTestDatabase([OutboxMessage]);
  });
  afterAll(async () => {
    await dataSource.destroy();
  });

  /** Registry, executor, relay and one driver, wired as QueueModule wires them. */
  async function harness(kind: 'inprocess' | 'bullmq', options: { workers?: boolean; sweepAfterMs?: number; handlers?: Record<string, JobHandler> } = {}) {
    const registry = new JobHandlerRegistry();
    for (const [name, handler] of Object.entries(options.handlers ?? {})) registry.register(QueueName.Notifications, name, handler);
    const executor = new JobExecutor(dataSource, registry, FAST_RETRIES);
    const prefix = testPrefix();
    let driver: QueueDriver;
    if (kind === 'inprocess') driver = new InProcessDriver(executor.run, FAST_RETRIES);
    else {
      const bull = new BullMqDriver({ redisUrl: REDIS_URL, prefix, policy: FAST_RETRIES });
      if (options.workers !== false) await bull.startWorkers(executor.run, { concurrency: 2 });
      driver = bull;
    }
    const relay = new OutboxRelay(dataSource, { pollMs: 50, sweepMs: 60_000, sweepAfterMs: options.sweepAfterMs ?? 30_000 });
    relay.start(driver);
    const outbox = new OutboxService(relay);
    const created: string[] = [];
    const enqueue = async (name: string, id = randomUUID(), delayMs = 0) => {
      const outboxId = await dataSource.transaction((manager) => outbox.enqueue(manager, { queue: QueueName.Notifications, name, id, delayMs }));
      created.push(outboxId);
      return outboxId;
    };
    const row = (id: string) => dataSource.getRepository(OutboxMessage).findOneByOrFail({ id });
    const close = async () => {
      await relay.stop();
      await driver.close();
      await closeRows(dataSource, created);
      if (kind === 'bullmq') await deleteRedisKeys(prefix);
    };
    return { registry, driver, relay, prefix, enqueue, row, close };
  }

  describe.each(['inprocess', 'bullmq'] as const)('%s driver', (kind) => {
    it('runs a job end to end and records its completion', async () => {
      const h = await harness(kind);
      try {
        const seen: JobContext[] = [];
        h.registry.register(QueueName.Notifications, 'test.record', async (job) => {
          seen.push(job);
        });
        const domainId = randomUUID();
        const outboxId = await h.enqueue('test.record', domainId);
        const done = await waitFor(async () => (await h.row(outboxId)).completedAt, 10_000, 'completedAt');
        expect(done).toBeInstanceOf(Date);
        expect(seen).toEqual([{ id: domainId, outboxId, attempt: 1, isLastAttempt: false }]);
        expect((await h.row(outboxId)).attempts).toBe(0);
      } finally {
        await h.close();
      }
    });

    it('relays a large batch in bulk, and runs each job once even when added again in bulk', async () => {
      const h = await harness(kind);
      try {
        const runs = new Map<string, number>();
        h.registry.register(QueueName.Notifications, 'test.bulk', async (job) => {
          runs.set(job.outboxId, (runs.get(job.outboxId) ?? 0) + 1);
        });
        // More rows than one relay pass takes (100), committed together.
        const outboxIds = await dataSource.transaction((manager) =>
          new OutboxService(h.relay).enqueueMany(manager, Array.from({ length: 150 }, () => ({ queue: QueueName.Notifications, name: 'test.bulk', id: randomUUID() }))),
        );
        await h.driver.addMany(
          QueueName.Notifications,
          outboxIds.slice(0, 20).map((outboxId) => ({ jobName: 'test.bulk', data: { outboxId, id: randomUUID() }, options: { jobId: outboxId } })),
        );
        await waitFor(async () => runs.size === outboxIds.length || null, 20_000, 'every bulk job');
        await waitFor(
          async () => ((await dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE id = ANY($1) AND completed_at IS NOT NULL`, [outboxIds])) as Array<{ n: number }>)[0].n === outboxIds.length || null,
          10_000,
          'completedAt of every bulk job',
        );
        await new Promise((r) => setTimeout(r, 200));
        expect([...runs.values()].every((n) => n === 1)).toBe(true);
        await closeRows(dataSource, outboxIds);
      } finally {
        await h.close();
      }
    });

    it('runs the handler once when the same job is added twice', async () => {
      const h = await harness(kind);
      try {
        let runs = 0;
        h.registry.register(QueueName.Notifications, 'test.count', async () => {
          runs += 1;
          await new Promise((r) => setTimeout(r, 100));
        });
        const outboxId = await h.enqueue('test.count');
        const data = { outboxId, id: randomUUID() };
        // The relay adds it too: with these two, the queue is asked three times for one job id.
        await Promise.all([
          h.driver.add(QueueName.Notifications, 'test.count', data, { jobId: outboxId }),
          h.driver.add(QueueName.Notifications, 'test.count', data, { jobId: outboxId }),
        ]);
        await waitFor(async () => (await h.row(outboxId)).completedAt, 10_000, 'completedAt');
        // Added again after it finished (as a sweep after a lost acknowledgement would): skipped.
        await h.driver.add(QueueName.Notifications, 'test.count', data, { jobId: outboxId });
        await new Promise((r) => setTimeout(r, 300));
        expect(runs).toBe(1);
      } finally {
        await h.close();
      }
    });

    it('retries with backoff, then marks the row failed after the last attempt', async () => {
      const h = await harness(kind);
      try {
        const attempts: Array<{ attempt: number; last: boolean; at: number }> = [];
        h.registry.register(QueueName.Notifications, 'test.fail', async (job) => {
          attempts.push({ attempt: job.attempt, last: job.isLastAttempt, at: Date.now() });
          throw new Error(`boom ${job.attempt}`);
        });
        const outboxId = await h.enqueue('test.fail');
        const failed = await waitFor(async () => {
          const r = await h.row(outboxId);
          return r.failedAt ? r : null;
        }, 10_000, 'failedAt');
        expect(failed.attempts).toBe(3);
        expect(failed.completedAt).toBeNull();
        expect(failed.lastError).toBe('Error: boom 3');
        // Nothing runs after the last attempt.
        await new Promise((r) => setTimeout(r, 400));
        expect(attempts.map((a) => [a.attempt, a.last])).toEqual([
          [1, false],
          [2, false],
          [3, true],
        ]);
        // Exponential backoff: 50 ms, then 100 ms (with some slack for timers and Redis).
        expect(attempts[1].at - attempts[0].at).toBeGreaterThanOrEqual(45);
        expect(attempts[2].at - attempts[1].at).toBeGreaterThanOrEqual(95);
      } finally {
        await h.close();
      }
    });

    it('fails a job whose name has no handler, instead of completing it', async () => {
      const h = await harness(kind);
      try {
        const outboxId = await h.enqueue('test.nobody');
        const failed = await waitFor(async () => {
          const r = await h.row(outboxId);
          return r.failedAt ? r : null;
        }, 10_000, 'failedAt');
        expect(failed.lastError).toContain('No handler registered for job notifications/test.nobody');
      } finally {
        await h.close();
      }
    });
  });

  it('BullMQ: when Redis loses the queue, the sweep re-adds the job and it completes', async () => {
    const h = await harness('bullmq', { workers: false, sweepAfterMs: 0 });
    let inspect: Queue | undefined;
    let workers: BullMqDriver | undefined;
    try {
      let runs = 0;
      h.registry.register(QueueName.Notifications, 'test.lost', async () => {
        runs += 1;
      });
      const outboxId = await h.enqueue('test.lost');
      const delayedId = await h.enqueue('test.lost', randomUUID(), 60_000);
      inspect = inspectQueue(QueueName.Notifications, h.prefix);
      await waitFor(() => inspect!.getJob(outboxId), 5000, 'the job in Redis');
      await waitFor(async () => (await h.row(delayedId)).relayedAt, 5000, 'the delayed row relayed');

      // What a Redis restart does: every key of this test's queues is gone.
      expect(await deleteRedisKeys(h.prefix)).toBeGreaterThan(0);
      expect(await h.driver.jobExists(QueueName.Notifications, outboxId)).toBe(false);

      // A worker now finds nothing to do, until the sweep notices the loss.
      const executor = new JobExecutor(dataSource, h.registry, FAST_RETRIES);
      workers = new BullMqDriver({ redisUrl: REDIS_URL, prefix: h.prefix, policy: FAST_RETRIES });
      await workers.startWorkers(executor.run);
      await new Promise((r) => setTimeout(r, 300));
      expect(runs).toBe(0);
      expect((await h.row(outboxId)).completedAt).toBeNull();

      expect(await h.relay.sweepOnce()).toBe(2);
      await waitFor(async () => (await h.row(outboxId)).completedAt, 10_000, 'completedAt after the sweep');
      expect(runs).toBe(1);
      // The delayed job came back with the rest of its delay, not as due now.
      const delayed = await waitFor(() => inspect!.getJob(delayedId), 5000, 'the delayed job re-added');
      expect(await delayed.getState()).toBe('delayed');
      expect(delayed.delay).toBeGreaterThan(50_000);
      expect(delayed.delay).toBeLessThan(60_000);
      // Jobs the queue still holds are left alone.
      expect(await h.relay.sweepOnce()).toBe(0);
    } finally {
      if (inspect) await closeInspector(inspect);
      await workers?.close();
      await h.close();
    }
  });

  it('BullMQ: a Redis that came back empty (epoch marker gone) has even fresh jobs re-added at once, not after sweepAfterMs', async () => {
    const h = await harness('bullmq', { workers: false });
    try {
      const outboxId = await h.enqueue('test.fresh');
      await waitFor(async () => (await h.driver.jobExists(QueueName.Notifications, outboxId)) || null, 5000, 'the job in Redis');
      // The row is seconds old: the age-based sweep (30 s) leaves it alone while Redis keeps it.
      expect(await h.relay.sweepOnce()).toBe(0);
      expect(await deleteRedisKeys(h.prefix)).toBeGreaterThan(0);
      expect(await h.relay.sweepOnce()).toBe(1);
      expect(await h.driver.jobExists(QueueName.Notifications, outboxId)).toBe(true);
      // The marker is back: the next sweep is the ordinary one again.
      expect(await h.relay.sweepOnce()).toBe(0);
    } finally {
      await h.close();
    }
  });

  it('in-process: after a restart the sweep picks up a job that never ran', async () => {
    // First "process": relays the job into its memory and dies before running it (delayed 1 min).
    const first = await harness('inprocess');
    let second: Awaited<ReturnType<typeof harness>> | undefined;
    try {
      const outboxId = await first.enqueue('test.restart', randomUUID(), 60_000);
      await waitFor(async () => (await first.row(outboxId)).relayedAt, 5000, 'relayedAt');
      await first.relay.stop();
      await first.driver.close();
      await dataSource.query(`UPDATE outbox_message SET available_at = now() WHERE id = $1`, [outboxId]);

      // Second "process": its start-up sweep finds the open row its own queue does not hold.
      let runs = 0;
      second = await harness('inprocess', {
        sweepAfterMs: 0,
        handlers: {
          'test.restart': async () => {
            runs += 1;
          },
        },
      });
      await waitFor(async () => (await second!.row(outboxId)).completedAt, 5000, 'completedAt');
      expect(runs).toBe(1);
    } finally {
      await second?.close();
      await first.close();
    }
  });
});
