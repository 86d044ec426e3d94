import { Logger } from '@nestjs/common';
import type { AppConfig } from '@alliance/server-config';
import { BullMqDriver } from './bullmq.driver';
import { InProcessDriver } from './inprocess.driver';
import { redisAnswers } from './redis';
import type { JobRunner, QueueDriver } from './queue-driver';
import type { RetryPolicy } from './queue.constants';

export type QueueRole = 'api' | 'worker';

type DriverConfig = Pick<AppConfig, 'QUEUE_DRIVER' | 'REDIS_URL' | 'QUEUE_PREFIX' | 'isProduction'>;

/**
 * Picks the driver at start. 'auto' pings Redis for about a second and falls back to running jobs
 * in this process when none answers (one-machine mode). Production and the worker app treat 'auto'
 * as BullMQ: there a missing Redis is an outage to wait out, not a reason to run jobs elsewhere.
 */
export async function resolveQueueDriver(config: DriverConfig, role: QueueRole, runner: JobRunner, policy: RetryPolicy): Promise<QueueDriver> {
  let kind = config.QUEUE_DRIVER;
  if (kind === 'auto') {
    if (config.isProduction || role === 'worker') kind = 'bullmq';
    else if (await redisAnswers(config.REDIS_URL, 1000)) kind = 'bullmq';
    else {
      new Logger('Queue').warn(`No Redis answers at ${redactUrl(config.REDIS_URL)}: jobs run inside this process (in-process queue driver)`);
      kind = 'inprocess';
    }
  }
  if (kind === 'bullmq') return new BullMqDriver({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX, policy });
  return new InProcessDriver(runner, policy);
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'REDIS_URL';
  }
}
