import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Logger, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ConfigModule } from '@alliance/server-config';
import { dataSourceOptions, testDatabaseUrl } from '@alliance/server-database';
import { IDENTITY_ENTITIES } from '@alliance/server-identity';
import { MailModule, OutgoingEmail } from '@alliance/server-mail';
import { OutboxMessage, QueueModule } from '@alliance/server-queue';
import { NOTIFICATION_ENTITIES, NotificationBatch } from '../entities';
import { NotificationsModule } from '../notifications.module';
import { FANOUT_CHUNK, FANOUT_PARALLEL } from '../notifications.constants';
import { FanoutJob } from './fanout.job';

/**
 * The fan-out job on its own, on this Jest run's real database: several chunks inserted on parallel
 * lanes still give every person exactly one row, and only immediate e-mails come back to be queued.
 */
describe('FanoutJob', () => {
  let app: INestApplicationContext;
  let dataSource: DataSource;
  let dataDir: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-fanout-'));
    // The in-process driver with a slow relay: this spec calls the job itself, the relay must not.
    Object.assign(process.env, { DATA_DIR: dataDir, QUEUE_DRIVER: 'inprocess', SMTP_URL: '', PUBLIC_URL: 'https://portal.example' });
    @Module({
      imports: [
        ConfigModule,
        TypeOrmModule.forRoot(dataSourceOptions({ url: testDatabaseUrl(), entities: [OutboxMessage, OutgoingEmail, ...IDENTITY_ENTITIES, ...NOTIFICATION_ENTITIES], poolSize: 6 })),
        QueueModule.forRoot({ role: 'api', relay: { pollMs: 3_600_000, sweepMs: 3_600_000 } }),
        MailModule,
        NotificationsModule,
      ],
    })
    class TestModule {}
    app = await NestFactory.createApplicationContext(TestModule, { logger: ['error'] });
    dataSource = app.get<DataSource>(getDataSourceToken());
  });

  afterAll(async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.env = saved;
  });

  async function createUsers(count: number): Promise<string[]> {
    const t = randomBytes(4).toString('hex');
    const rows = (await dataSource.query(
      `INSERT INTO users (email, name, password_hash, country_code, preferred_locale, email_verified_at)
       SELECT 'f' || g || '.' || $2 || '@example.org', 'Persona ' || g, 'x', 'MX', 'es', now() FROM generate_series(1, $1) g
       RETURNING id`,
      [count, t],
    )) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  const run = (batchId: string) => app.get(FanoutJob).handle({ id: batchId, outboxId: randomUUID(), attempt: 1, isLastAttempt: false });

  it('inserts several chunks on parallel lanes, each person once, and queues only the immediate e-mails', async () => {
    expect(FANOUT_PARALLEL).toBeGreaterThan(1);
    const count = FANOUT_CHUNK * FANOUT_PARALLEL + 7; // more chunks than lanes, the last one short
    const userIds = await createUsers(count);
    // evidence.submitted e-mails go to the daily digest by default; five people want them at once.
    const eager = [userIds[0], userIds[FANOUT_CHUNK], userIds[FANOUT_CHUNK + 1], userIds[count - 2], userIds[count - 1]];
    await dataSource.query(
      `INSERT INTO notification_preference (user_id, type, in_app, email) SELECT id, 'evidence.submitted', true, 'immediately' FROM unnest($1::uuid[]) id`,
      [eager],
    );
    const batch = await dataSource.getRepository(NotificationBatch).save(
      dataSource.getRepository(NotificationBatch).create({ type: 'evidence.submitted', data: { title: 'Prácticas' }, link: '/evidence', recipients: userIds, dedupeKey: null, completedAt: null }),
    );

    await run(batch.id);
    const rows = (await dataSource.query(`SELECT user_id, email_frequency, email_key FROM notification WHERE batch_id = $1`, [batch.id])) as Array<{
      user_id: string;
      email_frequency: string;
      email_key: string | null;
    }>;
    expect(rows).toHaveLength(count);
    expect(new Set(rows.map((r) => r.user_id)).size).toBe(count);
    const emailed = rows.filter((r) => r.email_key);
    expect(emailed.map((r) => r.user_id).sort()).toEqual([...eager].sort());
    expect(rows.filter((r) => r.email_frequency === 'daily')).toHaveLength(count - eager.length);
    const [{ emails }] = await dataSource.query(`SELECT count(*)::int AS emails FROM outgoing_email WHERE dedupe_key = ANY($1)`, [emailed.map((r) => r.email_key)]);
    expect(emails).toBe(eager.length);
    expect((await dataSource.getRepository(NotificationBatch).findOneByOrFail({ id: batch.id })).completedAt).toBeInstanceOf(Date);

    // A run cut short (the middle chunk's rows lost with its transaction) is completed by a rerun,
    // which adds exactly the missing rows and e-mails.
    const middle = userIds.slice(FANOUT_CHUNK, 2 * FANOUT_CHUNK);
    await dataSource.query(`DELETE FROM outgoing_email WHERE dedupe_key IN (SELECT email_key FROM notification WHERE batch_id = $1 AND user_id = ANY($2))`, [batch.id, middle]);
    await dataSource.query(`DELETE FROM notification WHERE batch_id = $1 AND user_id = ANY($2)`, [batch.id, middle]);
    await dataSource.query(`UPDATE notification_batch SET completed_at = NULL WHERE id = $1`, [batch.id]);
    await Promise.all([run(batch.id), run(batch.id)]);
    const [{ n, people, mails }] = await dataSource.query(
      `SELECT count(*)::int AS n, count(DISTINCT user_id)::int AS people, count(email_key)::int AS mails FROM notification WHERE batch_id = $1`,
      [batch.id],
    );
    expect({ n, people, mails }).toEqual({ n: count, people: count, mails: eager.length });
  });
});
