import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import type { DataSource } from 'typeorm';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A Redis key prefix of its own for one test, under this Jest run's QUEUE_PREFIX. */
export function testPrefix(): string {
  return `${process.env.QUEUE_PREFIX ?? 'alliance-test'}-${randomBytes(3).toString('hex')}`;
}

export async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** What a Redis restart does to one test's queues: every key under the prefix disappears. */
export async function deleteRedisKeys(prefix: string): Promise<number> {
  const redis = new IORedis(REDIS_URL);
  try {
    let deleted = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) deleted += await redis.del(...keys);
    } while (cursor !== '0');
    return deleted;
  } finally {
    redis.disconnect();
  }
}

/** Closes the outbox rows a test created, so later tests' relays and sweeps leave them alone. */
export async function closeRows(dataSource: DataSource, ids: string[]): Promise<void> {
  if (!ids.length) return;
  await dataSource.query(
    `UPDATE outbox_message SET relayed_at = coalesce(relayed_at, now()), completed_at = coalesce(completed_at, failed_at, now())
      WHERE id = ANY($1::uuid[]) AND completed_at IS NULL AND failed_at IS NULL`,
    [ids],
  );
}

/** A BullMQ Queue on its own connection, to look at what a test's driver put in Redis. */
export function inspectQueue(name: string, prefix: string): Queue {
  return new Queue(name, { connection: new IORedis(REDIS_URL, { maxRetriesPerRequest: null }), prefix });
}

export async function closeInspector(queue: Queue): Promise<void> {
  const connection = queue.opts.connection as IORedis;
  await queue.close();
  connection.disconnect();
}
