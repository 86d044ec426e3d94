import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import pino from 'pino';
import { ConfigError, exitGracefullyOnSignals, loadConfig } from '@alliance/server-config';
import { QueueLifecycle } from '@alliance/server-queue';
import { MissingDatabaseError } from './database-url';
import { WorkerModule } from './worker.module';

const SHUTDOWN_GRACE_MS = 30_000;

/** The worker: a Nest application context (no HTTP) running the BullMQ processors. */
async function main(): Promise<void> {
  let level: string;
  try {
    level = loadConfig().LOG_LEVEL;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const log = pino({ level, base: { app: 'worker' } });
  const shutdown = exitGracefullyOnSignals({ log, graceMs: SHUTDOWN_GRACE_MS, what: 'jobs' });
  log.info('Starting the worker');

  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));

  if (!app.get(QueueLifecycle).active) {
    log.info('Nothing to do: jobs run inside the API process');
    await app.close();
    return;
  }
  log.info('Worker ready');

  shutdown.closeWith(() => app.close());
}

main().catch((error) => {
  const message = error instanceof MissingDatabaseError ? error.message : (error?.stack ?? String(error));
  process.stderr.write(`The worker could not start: ${message}\n`);
  process.exit(1);
});
