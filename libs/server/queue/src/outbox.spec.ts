import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { connectTestDatabase } from '@alliance/server-database';
import { BullMqDriver } from './bullmq.driver';
import { OutboxMessage } from './entities/outbox-message.entity';
import { OutboxRelay } from './outbox.relay';
import { OutboxService } from './outbox.service';
import { QueueName } from './queue.constants';
import type { Queue } from 'bullmq';
import { closeInspector, closeRows, inspectQueue, REDIS_URL, testPrefix, waitFor } from './test-helpers';

describe('OutboxService and OutboxRelay', () => {
  let dataSource: DataSource;
  let prefix: string;
  let driver: BullMqDriver;
  let inspect: Queue;
  let relay: OutboxRelay;
  const created: string[] = [];

  beforeAll(async () => {
    dataSource = await connectTestDatabase([OutboxMessage]);
  });

  beforeEach(() => {
    prefix = testPrefix();
    driver = new BullMqDriver({ redisUrl: REDIS_URL, prefix });
    inspect = inspectQueue(QueueName.Notifications, prefix);
    // Long poll interval: only explicit passes and commit nudges move rows in these tests.
    relay = new OutboxRelay(dataSource, { pollMs: 60_000, sweepMs: 60_000 });
  });

  afterEach(async () => {
    await relay.stop();
    await closeRows(dataSource, created.splice(0));
    await inspect.obliterate({ force: true }).catch(() => undefined);
    await closeInspector(inspect);
    await driver.close();
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('writes no job when the cause rolls back, exactly one when it commits', async () => {
    const outbox = new OutboxService(relay);
    relay.attach(driver); // explicit passes only
    const rolledBackId = randomUUID();
    let rolledBackOutboxId = '';
    await expect(
      dataSource.transaction(async (manager) => {
        rolledBackOutboxId = await outbox.enqueue(manager, { queue: QueueName.Notifications, name: 'test.noop', id: rolledBackId });
        throw new Error('the cause fails');
      }),
    ).rejects.toThrow('the cause fails');
    expect(await dataSource.getRepository(OutboxMessage).existsBy({ id: rolledBackOutboxId })).toBe(false);

    const committedId = randomUUID();
    const outboxId = await dataSource.transaction((manager) =>
      outbox.enqueue(manager, { queue: QueueName.Notifications, name: 'test.noop', id: committedId }),
    );
    created.push(outboxId);

    // Other tests' leftovers are closed, so this pass moves our row (and only committed rows exist).
    await relay.relayOnce();
    expect(await relay.relayOnce()).toBe(0);
    const row = await dataSource.getRepository(OutboxMessage).findOneByOrFail({ id: outboxId });
    expect(row.relayedAt).toBeInstanceOf(Date);
    expect(row.payload).toEqual({ id: committedId });

    const job = await inspect.getJob(outboxId);
    expect(job?.name).toBe('test.noop');
    expect(job?.data).toEqual({ outboxId, id: committedId });
    expect(await inspect.getJob(rolledBackOutboxId)).toBeUndefined();
    const counts = await inspect.getJobCounts('waiting', 'delayed', 'active');
    expect(counts.waiting + counts.delayed + counts.active).toBe(1);
  });

  it('relays right after the enqueuing transaction commits, without waiting for a poll', async () => {
    const outbox = new OutboxService(relay);
    relay.start(driver);
    const outboxId = await dataSource.transaction(async (manager) => {
      const id = await outbox.enqueue(manager, { queue: QueueName.Notifications, name: 'test.noop', id: randomUUID() });
      // Still inside the transaction: the row is invisible to the relay, so no job may exist yet.
      await new Promise((r) => setTimeout(r, 100));
      expect(await inspect.getJob(id)).toBeUndefined();
      return id;
    });
    created.push(outboxId);
    const started = Date.now();
    await waitFor(() => inspect.getJob(outboxId), 5000, 'the job in Redis');
    // The poll interval is a minute: only the commit nudge explains a job within a second.
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('keeps the delay of a delayed job', async () => {
    const outbox = new OutboxService(relay);
    relay.attach(driver);
    const outboxId = await dataSource.transaction((manager) =>
      outbox.enqueue(manager, { queue: QueueName.Notifications, name: 'test.noop', id: randomUUID(), delayMs: 60_000 }),
    );
    created.push(outboxId);
    await relay.relayOnce();
    const job = await waitFor(() => inspect.getJob(outboxId), 5000, 'the job in Redis');
    expect(await job.getState()).toBe('delayed');
    expect(job.delay).toBeGreaterThan(55_000);
    expect(job.delay).toBeLessThanOrEqual(60_000);
  });
});
