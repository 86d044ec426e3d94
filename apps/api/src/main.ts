import 'reflect-metadata';
import fs from 'node:fs';
import pino from 'pino';
import { ConfigError, exitGracefullyOnSignals, loadConfig, type AppConfig } from '@alliance/server-config';
import { createDataSource, embeddedUrlFile, runMigrations, startEmbeddedPostgres, type EmbeddedPostgres } from '@alliance/server-database';
import { ALL_ENTITIES, DemoSeedService } from '@alliance/server-platform';
import { createApi } from './bootstrap';

const SHUTDOWN_GRACE_MS = 30_000;

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const log = pino({ level: config.LOG_LEVEL, base: { app: 'api' } });
  const shutdown = exitGracefullyOnSignals({ log, graceMs: SHUTDOWN_GRACE_MS, what: 'requests and jobs' });
  log.info('Starting the API');

  let embedded: EmbeddedPostgres | undefined;
  if (!config.DATABASE_URL) {
    // One-machine mode: PGlite persisted under .data/pg, served on a loopback port for api and worker.
    fs.mkdirSync(config.dataDir, { recursive: true });
    embedded = await startEmbeddedPostgres(`${config.dataDir}/pg`, 40, config.EMBEDDED_DB_PORT);
    process.env.DATABASE_URL = embedded.url;
    fs.writeFileSync(embeddedUrlFile(config.dataDir), JSON.stringify({ url: embedded.url }));
    config = loadConfig();
    log.info({ dataDir: `${config.dataDir}/pg` }, 'No DATABASE_URL: using the embedded PostgreSQL (PGlite)');
  }

  const migrator = await createDataSource({ url: config.DATABASE_URL!, entities: ALL_ENTITIES, poolSize: 2, applicationName: 'alliance-migrate' });
  const applied = await runMigrations(migrator).finally(() => migrator.destroy());
  if (applied.length) log.info({ applied }, `Applied ${applied.length} migration(s)`);

  const app = await createApi(config);
  if (process.argv.includes('--seed-only')) {
    // `npm run seed`: load the demo data and stop, without serving anything.
    await app.init();
    const created = await app.get(DemoSeedService).seed();
    log.info(`Demo data: ${created} people created (existing ones left as they were)`);
    await app.close();
    await embedded?.stop();
    process.exit(0);
  }
  // The first administrator and demo data exist before the port opens, so /ready never answers
  // while a sign-in with ADMIN_EMAIL would still fail.
  await app.init();
  await app.get(DemoSeedService).onStart();
  await app.listen(config.PORT, config.HOST);

  const url = config.PUBLIC_URL ?? `http://localhost:${(app.getHttpServer().address() as { port: number }).port}`;
  log.info({ url }, `Alliance portal API ready at ${url}`);

  shutdown.closeWith(async () => {
    await app.close();
    await embedded?.stop();
    if (embedded) fs.rmSync(embeddedUrlFile(config.dataDir), { force: true });
  });
}

main().catch((error) => {
  process.stderr.write(`The API could not start: ${error?.stack ?? error}\n`);
  process.exit(1);
});
