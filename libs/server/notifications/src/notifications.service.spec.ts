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
import { MailModule, MailService, OutgoingEmail } from '@alliance/server-mail';
import { OutboxMessage, QueueModule } from '@alliance/server-queue';
import { ErrorCode } from '@alliance/shared-core';
import { DigestService, digestPeriodKey } from './digest.service';
import { NOTIFICATION_ENTITIES, Notification, NotificationBatch, Reminder } from './entities';
import { EmailSendJob } from './jobs/email-send.job';
import { FanoutJob } from './jobs/fanout.job';
import { NotificationsModule } from './notifications.module';
import { NotificationsService } from './notifications.service';
import { ReminderService } from './reminder.service';
import { UnsubscribeTokens } from './unsubscribe-tokens';

async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * The notifications domain as the api runs it with the in-process queue, on this Jest run's real
 * database: notify -> outbox -> fan-out -> rows and e-mails.
 */
describe('NotificationsService', () => {
  let app: INestApplicationContext;
  let dataSource: DataSource;
  let dataDir: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-notify-'));
    Object.assign(process.env, { DATA_DIR: dataDir, QUEUE_DRIVER: 'inprocess', SMTP_URL: '', PUBLIC_URL: 'https://portal.example' });
    @Module({
      imports: [
        ConfigModule,
        TypeOrmModule.forRoot(
          dataSourceOptions({ url: testDatabaseUrl(), entities: [OutboxMessage, OutgoingEmail, ...IDENTITY_ENTITIES, ...NOTIFICATION_ENTITIES], poolSize: 8 }),
        ),
        QueueModule.forRoot({ role: 'api', retry: { backoffMs: 50 }, relay: { pollMs: 50 } }),
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

  const service = () => app.get(NotificationsService);
  const tag = () => randomBytes(4).toString('hex');

  /** `count` users in one INSERT; returns their ids in creation order. */
  async function createUsers(count: number, locale = 'es'): Promise<string[]> {
    const t = tag();
    const rows = (await dataSource.query(
      `INSERT INTO users (email, name, password_hash, country_code, preferred_locale, email_verified_at)
       SELECT 'n' || g || '.' || $2 || '@example.org', 'Persona ' || g, 'x', 'CL', $3, now() FROM generate_series(1, $1) g
       RETURNING id`,
      [count, t, locale],
    )) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  const rowsOf = (userIds: string[]) => dataSource.getRepository(Notification).createQueryBuilder('n').where('n.user_id = ANY(:ids)', { ids: userIds }).getMany();
  const emailsOf = async (notificationIds: string[]) =>
    dataSource.getRepository(OutgoingEmail).createQueryBuilder('e').where('e.dedupe_key = ANY(:keys)', { keys: notificationIds.map((id) => `notification:${id}`) }).getMany();
  const batchDone = (batchId: string) => waitFor(async () => (await dataSource.getRepository(NotificationBatch).findOneByOrFail({ id: batchId })).completedAt, 30_000, 'fan-out');

  async function notifyAndWait(userIds: string[], extra: Partial<Parameters<NotificationsService['notify']>[1]> = {}): Promise<string> {
    const batchId = await dataSource.transaction(async (manager) => {
      await service().notify(manager, { userIds, type: 'certificate.issued', data: { title: 'Gestión del cambio', code: 'ABCD-1234' }, link: '/certificates', ...extra });
      return ((await manager.query(`SELECT id FROM notification_batch ORDER BY created_at DESC LIMIT 1`)) as Array<{ id: string }>)[0].id;
    });
    await batchDone(batchId);
    return batchId;
  }

  it('notifies nothing when the caller rolls back', async () => {
    const [userId] = await createUsers(1);
    await expect(
      dataSource.transaction(async (manager) => {
        await service().notify(manager, { userIds: [userId], type: 'certificate.issued', data: { title: 'X', code: 'C' } });
        throw new Error('issuing failed');
      }),
    ).rejects.toThrow('issuing failed');
    await new Promise((r) => setTimeout(r, 400));
    expect(await rowsOf([userId])).toHaveLength(0);
    expect(await dataSource.query(`SELECT 1 FROM notification_batch WHERE $1 = ANY(recipients)`, [userId])).toHaveLength(0);
  });

  it('refuses unknown types and non-uuid recipients, writing nothing', async () => {
    await expect(dataSource.transaction((m) => service().notify(m, { userIds: [randomUUID()], type: 'nope.nope', data: {} }))).rejects.toThrow('Unknown notification type');
    await expect(dataSource.transaction((m) => service().notify(m, { userIds: ['1; DROP'], type: 'certificate.issued', data: {} }))).rejects.toThrow('not a user id');
  });

  it('fans out to 2,000 people in chunks, once, even when the job runs again and concurrently', async () => {
    const userIds = await createUsers(2000, 'pt');
    // Only the first 10 keep e-mail on: the others get in-app rows only.
    await dataSource.query(
      `INSERT INTO notification_preference (user_id, type, in_app, email) SELECT id, 'certificate.issued', true, 'off' FROM unnest($1::uuid[]) id`,
      [userIds.slice(10)],
    );
    const batchId = await notifyAndWait(userIds);
    const rows = await rowsOf(userIds);
    expect(rows).toHaveLength(2000);
    expect(new Set(rows.map((r) => r.userId)).size).toBe(2000);
    // Run the same job again, twice at once: nothing new.
    const fanout = app.get(FanoutJob);
    await dataSource.query(`UPDATE notification_batch SET completed_at = NULL WHERE id = $1`, [batchId]);
    await Promise.all([fanout.handle({ id: batchId, outboxId: randomUUID(), attempt: 1, isLastAttempt: false }), fanout.handle({ id: batchId, outboxId: randomUUID(), attempt: 1, isLastAttempt: false })]);
    expect(await rowsOf(userIds)).toHaveLength(2000);
    const emails = await emailsOf(rows.map((r) => r.id));
    expect(emails).toHaveLength(10);
    expect(emails.every((e) => e.locale === 'pt')).toBe(true);
    await waitFor(async () => (await emailsOf(rows.map((r) => r.id))).every((e) => e.status === 'sent'), 20_000, 'the 10 e-mails');
    // The fan-out wrote one outbox job per e-mail, not per recipient.
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM outbox_message WHERE job_name = 'email.send' AND payload->>'id' = ANY($1)`, [emails.map((e) => e.id)]);
    expect(count).toBe(10);
  });

  it('never notifies the same (person, type, dedupeKey) twice', async () => {
    const [userId] = await createUsers(1);
    await notifyAndWait([userId], { dedupeKey: 'cert:1' });
    await notifyAndWait([userId], { dedupeKey: 'cert:1' });
    await notifyAndWait([userId], { dedupeKey: 'cert:2' });
    expect(await rowsOf([userId])).toHaveLength(2);
  });

  it('renders in the reader language, counts unread, marks read only own notifications', async () => {
    const [alice, bob] = await createUsers(2);
    await notifyAndWait([alice]);
    const page = await service().list(alice, 'fr', { first: 10 });
    expect(page.totalCount).toBe(1);
    expect(page.edges[0].node).toMatchObject({ type: 'certificate.issued', title: 'Nouveau certificat : Gestión del cambio', link: '/certificates', readAt: null });
    expect(page.edges[0].node.body).toContain('ABCD-1234');
    expect(await service().unreadCount(alice)).toBe(1);
    const id = page.edges[0].node.id;
    await expect(service().markRead(bob, id, 'es')).rejects.toMatchObject({ extensions: { code: ErrorCode.NotFound } });
    await expect(service().markRead(bob, 'not-a-uuid', 'es')).rejects.toMatchObject({ extensions: { code: ErrorCode.NotFound } });
    expect(await service().unreadCount(alice)).toBe(1);
    expect((await service().markRead(alice, id, 'en')).readAt).toBeInstanceOf(Date);
    expect(await service().unreadCount(alice)).toBe(0);
    expect((await service().list(alice, 'es', { unreadOnly: true })).totalCount).toBe(0);
  });

  it('pages newest first without skipping rows created in the same instant', async () => {
    const [userId] = await createUsers(1);
    // One statement: the same created_at for all five.
    await dataSource.query(
      `INSERT INTO notification (user_id, type, data, in_app, email_frequency) SELECT $1, 'certificate.issued', jsonb_build_object('title', 'T' || g, 'code', 'C'), true, 'off' FROM generate_series(1, 5) g`,
      [userId],
    );
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<NotificationsService['list']>> = await service().list(userId, 'es', { first: 2, after });
      seen.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    await expect(service().list(userId, 'es', { after: 'garbage' })).rejects.toMatchObject({ extensions: { code: ErrorCode.BadUserInput } });
    expect(await service().markAllRead(userId)).toBe(5);
    expect(await service().markAllRead(userId)).toBe(0);
  });

  it('respects preferences: e-mail off, in-app off, and a daily digest sent once per day', async () => {
    const [off, hidden, daily] = await createUsers(3, 'en');
    await service().updatePreference(off, 'certificate.issued', true, 'off');
    await service().updatePreference(hidden, 'certificate.issued', false, 'off');
    await service().updatePreference(daily, 'certificate.issued', true, 'daily');
    await notifyAndWait([off, hidden, daily], { data: { title: 'First', code: 'A1' } });
    await notifyAndWait([daily], { data: { title: 'Second', code: 'A2' } });
    const rows = await rowsOf([off, hidden, daily]);
    expect(rows.filter((r) => r.userId === off)).toHaveLength(1);
    expect(rows.filter((r) => r.userId === hidden)).toHaveLength(0);
    expect(rows.filter((r) => r.userId === daily)).toHaveLength(2);
    expect(await emailsOf(rows.map((r) => r.id))).toHaveLength(0);

    const digests = app.get(DigestService);
    const now = new Date();
    await Promise.all([digests.run('daily', now), digests.run('daily', now)]);
    await digests.run('daily', now);
    const key = `digest:daily:${daily}:${digestPeriodKey('daily', now)}`;
    const digest = await waitFor(async () => {
      const email = await dataSource.getRepository(OutgoingEmail).findOneBy({ dedupeKey: key });
      return email?.status === 'sent' ? email : null;
    });
    expect(await dataSource.getRepository(OutgoingEmail).countBy({ dedupeKey: key })).toBe(1);
    const files = (await app.get(MailService).mailbox.list()).filter((m) => m.subject === 'Your daily Alliance summary' && m.text.includes('First'));
    expect(files).toHaveLength(1);
    expect(files[0].text).toContain('Second');
    expect(files[0].links.some((l) => l.includes('/api/notifications/unsubscribe?token='))).toBe(true);
    expect((await rowsOf([daily])).every((r) => r.emailKey === key)).toBe(true);
    void digest;
  });

  it('keeps transactional types on', async () => {
    const [userId] = await createUsers(1);
    await expect(service().updatePreference(userId, 'account.security', true, 'off')).rejects.toMatchObject({
      extensions: { code: ErrorCode.BadUserInput, messageKey: 'notifications:errorTransactional' },
    });
    await expect(service().updatePreference(userId, 'account.security', false, 'immediately')).rejects.toMatchObject({ extensions: { code: ErrorCode.BadUserInput } });
    await expect(service().updatePreference(userId, 'no.such', true, 'off')).rejects.toMatchObject({ extensions: { code: ErrorCode.BadUserInput } });
    expect(await dataSource.query(`SELECT 1 FROM notification_preference WHERE user_id = $1`, [userId])).toHaveLength(0);
    const prefs = await service().preferences(userId);
    expect(prefs.find((p) => p.type === 'account.security')).toEqual({ type: 'account.security', transactional: true, inApp: true, email: 'immediately' });
  });

  it('sends immediate e-mails with a signed one-click unsubscribe link, and refuses tampered tokens', async () => {
    const [userId] = await createUsers(1, 'fr');
    await notifyAndWait([userId], { data: { title: 'Atelier', code: 'Z9' } });
    const [row] = await rowsOf([userId]);
    await waitFor(async () => (await emailsOf([row.id]))[0]?.status === 'sent', 15_000, 'the e-mail');
    const mail = (await app.get(MailService).mailbox.list()).find((m) => m.subject === 'Votre certificat « Atelier » est prêt');
    expect(mail).toBeDefined();
    const raw = (await app.get(MailService).mailbox.raw(mail!.id))!.toString('utf8');
    expect(raw).toMatch(/^List-Unsubscribe:\s+<https:\/\/portal\.example\/api\/notifications\/unsubscribe\?token=[^>]+>\r$/m);
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
    const link = mail!.links.find((l) => l.includes('unsubscribe'))!;
    const token = new URL(link).searchParams.get('token')!;
    const tokens = app.get(UnsubscribeTokens);
    expect(await tokens.read(token)).toEqual({ userId, scope: 'certificate.issued' });
    // Another person's id or another type under the same signature, a changed signature, garbage.
    const [payload, signature] = token.split('.');
    const forged = Buffer.from(`${randomUUID()}:certificate.issued`).toString('base64url');
    expect(await tokens.read(`${forged}.${signature}`)).toBeNull();
    expect(await tokens.read(`${payload}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    expect(await tokens.read(`${payload}`)).toBeNull();
    expect(await tokens.read('')).toBeNull();
    // A genuine one switches that type's e-mail off.
    await service().unsubscribe(userId, 'certificate.issued');
    expect((await service().preferences(userId)).find((p) => p.type === 'certificate.issued')).toMatchObject({ inApp: true, email: 'off' });
  });

  it('a digest unsubscribe switches off every type of that digest together, keeping in-app choices', async () => {
    const [userId] = await createUsers(1, 'es');
    await service().updatePreference(userId, 'certificate.issued', false, 'daily');
    await service().updatePreference(userId, 'certificate.revoked', true, 'daily');
    await service().updatePreference(userId, 'alliance.application', true, 'weekly');
    await service().unsubscribe(userId, 'digest.daily');
    const byType = Object.fromEntries((await service().preferences(userId)).map((p) => [p.type, p]));
    expect(byType['certificate.issued']).toMatchObject({ inApp: false, email: 'off' });
    expect(byType['certificate.revoked']).toMatchObject({ inApp: true, email: 'off' });
    expect(byType['alliance.application']).toMatchObject({ email: 'weekly' });
    expect(byType['account.security'].email).toBe('immediately');
  });

  it('leaves e-mails of transactional types without an unsubscribe link', async () => {
    const [userId] = await createUsers(1, 'en');
    await notifyAndWait([userId], { type: 'account.security', data: { title: 'Your password was changed.' } });
    const [row] = await rowsOf([userId]);
    const [email] = await waitFor(async () => {
      const list = await emailsOf([row.id]);
      return list[0]?.status === 'sent' ? list : null;
    });
    const mail = (await app.get(MailService).mailbox.list()).find((m) => m.to.includes(email.toAddress));
    expect(mail!.text).toContain('Your password was changed.');
    expect(mail!.links.some((l) => l.includes('unsubscribe'))).toBe(false);
    expect(app.get(EmailSendJob)).toBeDefined();
  });

  describe('reminders', () => {
    const reminders = () => app.get(ReminderService);
    const schedule = (key: string, userIds: string[], runAt: Date, title = 'Taller') =>
      dataSource.transaction((m) => reminders().schedule(m, { key, runAt, userIds, type: 'certificate.issued', data: { title, code: 'R' }, link: '/workshops' }));

    it('fires once at its time', async () => {
      const [userId] = await createUsers(1);
      await schedule(`test:${tag()}:24h`, [userId], new Date(Date.now() + 300));
      const rows = await waitFor(async () => {
        const list = await rowsOf([userId]);
        return list.length ? list : null;
      });
      expect(rows).toHaveLength(1);
      await new Promise((r) => setTimeout(r, 500));
      expect(await rowsOf([userId])).toHaveLength(1);
    });

    it('moves: the old job fires nothing, the new one fires once with the new data', async () => {
      const [userId] = await createUsers(1);
      const key = `test:${tag()}:24h`;
      await schedule(key, [userId], new Date(Date.now() + 400), 'Old date');
      await schedule(key, [userId], new Date(Date.now() + 1500), 'New date');
      await new Promise((r) => setTimeout(r, 900));
      // The first job has run by now and done nothing.
      expect(await rowsOf([userId])).toHaveLength(0);
      const rows = await waitFor(async () => {
        const list = await rowsOf([userId]);
        return list.length ? list : null;
      });
      expect(rows.map((r) => r.data.title)).toEqual(['New date']);
      const reminder = await dataSource.getRepository(Reminder).findOneByOrFail({ key });
      expect(reminder.version).toBe(2);
      expect(reminder.firedAt).toBeInstanceOf(Date);
    });

    it('rescheduled at the same time: keeps its job and fires once to the new list', async () => {
      const [first, second] = await createUsers(2);
      const key = `test:${tag()}:1h`;
      const runAt = new Date(Date.now() + 700);
      await schedule(key, [first], runAt);
      const before = await dataSource.getRepository(Reminder).findOneByOrFail({ key });
      await schedule(key, [first, second], runAt);
      const after = await dataSource.getRepository(Reminder).findOneByOrFail({ key });
      expect([after.outboxId, after.version]).toEqual([before.outboxId, before.version]);
      expect(after.userIds).toEqual([first, second]);
      const rows = await waitFor(async () => {
        const list = await rowsOf([first, second]);
        return list.length === 2 ? list : null;
      });
      expect(rows).toHaveLength(2);
    });

    it('cancels: nothing fires', async () => {
      const [userId] = await createUsers(1);
      const key = `test:${tag()}:1h`;
      await schedule(key, [userId], new Date(Date.now() + 300));
      expect(await dataSource.transaction((m) => reminders().cancel(m, key))).toBe(true);
      await new Promise((r) => setTimeout(r, 1000));
      expect(await rowsOf([userId])).toHaveLength(0);
      expect(await dataSource.getRepository(Reminder).existsBy({ key })).toBe(false);
      expect(await dataSource.transaction((m) => reminders().cancel(m, key))).toBe(false);
    });
  });
});
