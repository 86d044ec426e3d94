import IORedis, { type RedisOptions } from 'ioredis';

/** A Redis connection for producers and health checks: fails fast instead of queueing commands while Redis is away. */
export function producerConnection(url: string): IORedis {
  return new IORedis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 });
}

/** BullMQ workers block on Redis and must retry forever (maxRetriesPerRequest: null). */
export function workerConnection(url: string): IORedis {
  return new IORedis(url, { maxRetriesPerRequest: null });
}

/** Whether a Redis server answers PING at `url` within `timeoutMs`. */
export async function redisAnswers(url: string, timeoutMs = 1000): Promise<boolean> {
  const options: RedisOptions = {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  };
  const client = new IORedis(url, options);
  client.on('error', () => undefined);
  try {
    return await withTimeout(
      client.connect().then(() => client.ping()).then((reply) => reply === 'PONG'),
      timeoutMs,
      false,
    );
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
