import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Logger, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ConfigModule } from '@alliance/server-config';
import { dataSourceOptions, testDatabaseUrl } from '@alliance/server-database';
import { MailModule, MailOutbox, MailService, OutgoingEmail } from '@alliance/server-mail';
import { OutboxMessage, QueueHealth, QueueModule } from '@alliance/server-queue';
import { IDENTITY_ENTITIES } from '@alliance/server-identity';
import { NOTIFICATION_ENTITIES } from './entities';
import { EmailSendJob } from './jobs/email-send.job';
import { NotificationsModule } from './notifications.module';

async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * The api's composition with the in-process driver: a queued e-mail goes outbox -> relay ->
 * in-process driver -> email.send -> .eml file, all inside this process.
 */
describe('NotificationsModule with the in-process queue', () => {
  let app: INestApplicationContext;
  let dataSource: DataSource;
  let dataDir: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-notifications-'));
    Object.assign(process.env, { DATA_DIR: dataDir, QUEUE_DRIVER: 'inprocess', SMTP_URL: '' });

    @Module({
      imports: [
        ConfigModule,
        TypeOrmModule.forRoot(dataSourceOptions({ url: testDatabaseUrl(), entities: [OutboxMessage, OutgoingEmail, ...IDENTITY_ENTITIES, ...NOTIFICATION_ENTITIES], poolSize: 5 })),
        QueueModule.forRoot({ role: 'api', retry: { backoffMs: 50 } }),
        MailModule,
        NotificationsModule,
      ],
    })
    class TestApiModule {}

    app = await NestFactory.createApplicationContext(TestApiModule, { logger: ['error'] });
    dataSource = app.get<DataSource>(getDataSourceToken());
  });

  afterAll(async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.env = saved;
  });

  const address = () => `person-${randomBytes(4).toString('hex')}@example.org`;
  const mailFilesTo = async (to: string) => (await app.get(MailService).mailbox.list()).filter((e) => e.to.includes(to));

  it('sends a queued e-mail once its transaction commits, in the recipient language', async () => {
    expect(await app.get(QueueHealth).check()).toEqual({ driver: 'inprocess', ok: true });
    const to = address();
    const emailId = await dataSource.transaction((manager) =>
      app.get(MailOutbox).queueEmail(manager, { to, toName: 'Marie Dubois', locale: 'fr', template: 'verify', params: { name: 'Marie', link: 'https://portal.example/verify?token=t1', hours: 24 } }),
    );
    const sent = await waitFor(async () => {
      const row = await dataSource.getRepository(OutgoingEmail).findOneByOrFail({ id: emailId });
      return row.status === 'sent' ? row : null;
    });
    expect(sent.sentAt).toBeInstanceOf(Date);
    expect(sent.messageId).toMatch(/^<.+>$/);
    const files = await mailFilesTo(to);
    expect(files).toHaveLength(1);
    expect(files[0].subject).toBe('Confirmez votre adresse e-mail');
    expect(files[0].links).toEqual(['https://portal.example/verify?token=t1']);
    const outbox = await dataSource.getRepository(OutboxMessage).findOneByOrFail({ payload: { id: emailId } });
    expect(outbox.completedAt).toBeInstanceOf(Date);
  });

  it('queues nothing when the transaction rolls back', async () => {
    const to = address();
    let emailId = '';
    await expect(
      dataSource.transaction(async (manager) => {
        emailId = await app.get(MailOutbox).queueEmail(manager, { to, toName: 'X', locale: 'es', template: 'reset', params: { name: 'X', link: 'https://x.example', minutes: 30 } });
        throw new Error('sign-up failed');
      }),
    ).rejects.toThrow('sign-up failed');
    await new Promise((r) => setTimeout(r, 300));
    expect(await dataSource.getRepository(OutgoingEmail).existsBy({ id: emailId })).toBe(false);
    expect(await mailFilesTo(to)).toHaveLength(0);
  });

  it('sends an e-mail once even when its job runs twice, also at the same time', async () => {
    const to = address();
    const email = await dataSource.getRepository(OutgoingEmail).save({ toAddress: to, toName: 'Ana', locale: 'pt', template: 'passwordChanged', params: { name: 'Ana', link: 'https://x.example/reset' }, status: 'queued' });
    const job = app.get(EmailSendJob);
    const context = { id: email.id, outboxId: email.id, attempt: 1, isLastAttempt: false };
    await Promise.all([job.handle(context), job.handle(context)]);
    await job.handle({ ...context, attempt: 2 });
    const files = await mailFilesTo(to);
    expect(files).toHaveLength(1);
    expect(files[0].subject).toBe('A sua senha foi alterada');
    expect((await dataSource.getRepository(OutgoingEmail).findOneByOrFail({ id: email.id })).status).toBe('sent');
  });

  it('records the error, and marks the e-mail failed after the last attempt', async () => {
    const email = await dataSource.getRepository(OutgoingEmail).save({ toAddress: address(), toName: 'Z', locale: 'es', template: 'nonexistent', params: {}, status: 'queued' });
    const job = app.get(EmailSendJob);
    await expect(job.handle({ id: email.id, outboxId: email.id, attempt: 1, isLastAttempt: false })).rejects.toThrow('Unknown e-mail template');
    let row = await dataSource.getRepository(OutgoingEmail).findOneByOrFail({ id: email.id });
    expect(row).toMatchObject({ status: 'queued', lastError: 'Unknown e-mail template "nonexistent"' });
    await expect(job.handle({ id: email.id, outboxId: email.id, attempt: 5, isLastAttempt: true })).rejects.toThrow();
    row = await dataSource.getRepository(OutgoingEmail).findOneByOrFail({ id: email.id });
    expect(row.status).toBe('failed');
  });
});
