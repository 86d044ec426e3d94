import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { Logger, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ConfigModule } from '@alliance/server-config';
import { dataSourceOptions, testDatabaseUrl } from '@alliance/server-database';
import { IDENTITY_ENTITIES, PersonalDataService, SessionService, UsersService } from '@alliance/server-identity';
import { MailModule, OutgoingEmail } from '@alliance/server-mail';
import { OutboxMessage, QueueModule } from '@alliance/server-queue';
import { NOTIFICATION_ENTITIES, NotificationBatch } from './entities';
import { FanoutJob } from './jobs/fanout.job';
import { NotificationsModule } from './notifications.module';

const PASSWORD = 'correct horse battery';

describe('Notifications personal data', () => {
  let app: INestApplicationContext;
  let db: DataSource;
  let dataDir: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-notify-pd-'));
    // The relay stays idle: the spec runs the fan-out itself.
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
    db = app.get<DataSource>(getDataSourceToken());
  });
  afterAll(async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.env = saved;
  });

  const fanOut = async (userIds: string[]) => {
    const repo = db.getRepository(NotificationBatch);
    const batch = await repo.save(repo.create({ type: 'certificate.issued', data: { title: 'Curso', code: 'ABCD-EFGH-JKLM' }, link: '/certificates', recipients: userIds, dedupeKey: null, completedAt: null }));
    await app.get(FanoutJob).handle({ id: batch.id, outboxId: randomUUID(), attempt: 1, isLastAttempt: false });
  };

  it('exports notices and preferences; deletion removes them, leaves reminder lists and receives nothing more', async () => {
    const users = app.get(UsersService);
    const person = await users.createUser({ name: 'Iara Costa', email: `iara.${randomBytes(4).toString('hex')}@example.org`, password: PASSWORD, countryCode: 'BR', verified: true });
    const neighbour = await users.createUser({ name: 'Otro', email: `otro.${randomBytes(4).toString('hex')}@example.org`, password: PASSWORD, countryCode: 'BR', verified: true });
    await db.query(`INSERT INTO notification_preference (user_id, type, in_app, email) VALUES ($1, 'workshop.reminder', true, 'off')`, [person.id]);
    await fanOut([person.id, neighbour.id]);
    const key = `spec:${randomUUID()}`;
    await db.query(
      `INSERT INTO reminder (key, run_at, user_ids, type, data, outbox_id) VALUES ($1, now() + interval '1 day', $2::uuid[], 'workshop.reminder', '{}'::jsonb, gen_random_uuid())`,
      [key, [person.id, neighbour.id]],
    );

    const exported = (await app.get(PersonalDataService).export(person.id)) as {
      sections: { notifications: { notifications: Array<{ type: string; data: unknown }>; preferences: Array<{ type: string }> } };
    };
    expect(exported.sections.notifications.notifications).toEqual([expect.objectContaining({ type: 'certificate.issued', data: { title: 'Curso', code: 'ABCD-EFGH-JKLM' } })]);
    expect(exported.sections.notifications.preferences).toEqual([{ type: 'workshop.reminder', inApp: true, email: 'off' }]);

    const sessions = app.get(SessionService);
    const { token } = await sessions.create(person.id);
    await app.get(PersonalDataService).deleteAccount((await sessions.resolve(token))!, { password: PASSWORD });

    expect(await db.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1`, [person.id])).toEqual([{ n: 0 }]);
    expect(await db.query(`SELECT count(*)::int AS n FROM notification_preference WHERE user_id = $1`, [person.id])).toEqual([{ n: 0 }]);
    expect(await db.query(`SELECT user_ids FROM reminder WHERE key = $1`, [key])).toEqual([{ user_ids: [neighbour.id] }]);
    // A later fan-out that still names the deleted account reaches only the others.
    await fanOut([person.id, neighbour.id]);
    expect(await db.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1`, [person.id])).toEqual([{ n: 0 }]);
    expect(await db.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1`, [neighbour.id])).toEqual([{ n: 2 }]);
  });
});
