import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@alliance/server-config';
import { EMAIL_TEMPLATES, MailService, OutgoingEmail, renderEmail, renderMessage, type EmailTemplate, type MailMessage } from '@alliance/server-mail';
import type { JobContext } from '@alliance/server-queue';
import { translator } from '@alliance/shared-i18n';
import { notificationType } from '@alliance/shared-core';
import { localeOr, notificationEmailTexts, notificationTexts, scopeLabel } from '../notification-texts';
import { UnsubscribeTokens } from '../unsubscribe-tokens';

const MAX_ERROR_LENGTH = 4000;

/** An e-mail that can never be sent (its notification is gone): recorded as failed, not retried. */
class UnsendableEmail extends Error {}

/**
 * `notifications/email.send`: renders one OutgoingEmail in its language and sends it. The row is
 * locked while sending, so two runs of the same job (a redelivery, a sweep re-add) never both
 * send: the second waits, then sees `sent` and stops.
 */
@Injectable()
export class EmailSendJob {
  private readonly logger = new Logger('EmailSendJob');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly tokens: UnsubscribeTokens,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicUrl'>,
  ) {}

  readonly handle = async (job: JobContext): Promise<void> => {
    // The signing secret is read (once per process) before the transaction takes a connection:
    // fetching it inside would need a second connection while holding one, and a burst of e-mails
    // could then exhaust the pool with every job waiting on another.
    await this.tokens.warm();
    // A failure is recorded on the row in the same transaction and rethrown after it commits, so
    // the queue retries while the row keeps the reason.
    const failure = await this.dataSource.transaction(async (manager) => {
      const email = await manager.findOne(OutgoingEmail, { where: { id: job.id }, lock: { mode: 'pessimistic_write' } });
      if (!email) {
        this.logger.warn(`E-mail ${job.id} does not exist; nothing to send`);
        return null;
      }
      if (email.status === 'sent') return null;
      try {
        if (!EMAIL_TEMPLATES.includes(email.template as EmailTemplate)) throw new Error(`Unknown e-mail template "${email.template}"`);
        const message = await this.compose(manager, email);
        const result = await this.mail.send(message);
        await manager.update(OutgoingEmail, { id: email.id }, { status: 'sent', sentAt: new Date(), messageId: result.messageId.slice(0, 300), lastError: null });
        return null;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const final = job.isLastAttempt || error instanceof UnsendableEmail;
        await manager.update(OutgoingEmail, { id: email.id }, { lastError: message.slice(0, MAX_ERROR_LENGTH), ...(final ? { status: 'failed' as const } : {}) });
        return error instanceof UnsendableEmail ? null : error;
      }
    });
    if (failure) throw failure;
  };

  private async compose(manager: EntityManager, email: OutgoingEmail): Promise<MailMessage> {
    const base = { to: email.toAddress, toName: email.toName };
    if (email.template === 'notification') return { ...base, ...(await this.composeNotification(manager, email)) };
    if (email.template === 'digest') return { ...base, ...(await this.composeDigest(manager, email)) };
    return { ...base, ...renderEmail(email.template as EmailTemplate, email.locale, email.params) };
  }

  private async composeNotification(manager: EntityManager, email: OutgoingEmail): Promise<Omit<MailMessage, 'to' | 'toName'>> {
    const [row] = (await manager.query(
      `SELECT n.user_id, n.type, n.data, n.link, u.name FROM notification n JOIN users u ON u.id = n.user_id WHERE n.id = $1`,
      [String(email.params.notificationId ?? '')],
    )) as Array<{ user_id: string; type: string; data: Record<string, string | number>; link: string | null; name: string }>;
    if (!row) throw new UnsendableEmail('The notification of this e-mail no longer exists');
    const lang = localeOr(email.locale);
    const texts = notificationEmailTexts(lang, row.type, { ...row.data, name: row.name, link: this.absolute(row.link ?? '/notifications') });
    const transactional = notificationType(row.type)?.transactional ?? false;
    return this.withUnsubscribe(lang, texts.subject, texts.body, transactional ? null : { userId: row.user_id, scope: row.type });
  }

  private async composeDigest(manager: EntityManager, email: OutgoingEmail): Promise<Omit<MailMessage, 'to' | 'toName'>> {
    const rows = (await manager.query(
      `SELECT n.user_id, n.type, n.data, u.name FROM notification n JOIN users u ON u.id = n.user_id WHERE n.email_key = $1 ORDER BY n.created_at, n.id`,
      [email.dedupeKey],
    )) as Array<{ user_id: string; type: string; data: Record<string, string | number>; name: string }>;
    if (!rows.length) throw new UnsendableEmail('The notifications of this digest no longer exist');
    const lang = localeOr(email.locale);
    const t = translator(lang);
    const period = email.params.period === 'weekly' ? 'weekly' : 'daily';
    const items = rows.map((row) => {
      const { title, body } = notificationTexts(lang, row.type, row.data);
      return `- ${title}\n  ${body}`;
    });
    const subject = String(t(period === 'weekly' ? 'notifications:digestWeeklySubject' : 'notifications:digestDailySubject'));
    const body = String(t('notifications:digestBody', { name: rows[0].name, items: items.join('\n'), link: this.absolute('/notifications') }));
    return this.withUnsubscribe(lang, subject, body, { userId: rows[0].user_id, scope: `digest.${period}` });
  }

  /** Non-transactional mail carries a visible link and RFC 8058 one-click headers. */
  private async withUnsubscribe(
    lang: ReturnType<typeof localeOr>,
    subject: string,
    body: string,
    scope: { userId: string; scope: string } | null,
  ): Promise<Omit<MailMessage, 'to' | 'toName'>> {
    if (!scope) return renderMessage(lang, subject, body);
    const url = this.absolute(`/api/notifications/unsubscribe?token=${encodeURIComponent(await this.tokens.create(scope))}`);
    const footer = String(translator(lang)('notifications:unsubscribeFooter', { type: scopeLabel(lang, scope.scope), link: url }));
    return {
      ...renderMessage(lang, subject, body, footer),
      headers: { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    };
  }

  private absolute(path: string): string {
    return `${this.config.publicUrl}${path}`;
  }
}
