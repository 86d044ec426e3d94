import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxService, QueueName } from '@alliance/server-queue';
import { isLocale, DEFAULT_LOCALE } from '@alliance/shared-core';
import { EMAIL_TEMPLATES, OutgoingEmail, type EmailTemplate } from './entities/outgoing-email.entity';

/** Job name of the notifications queue that sends one OutgoingEmail. */
export const EMAIL_SEND_JOB = 'email.send';

export interface QueueEmailRequest {
  to: string;
  toName: string;
  locale: string;
  template: EmailTemplate;
  params: Record<string, string | number>;
}

export interface BulkEmailRequest extends QueueEmailRequest {
  /** The e-mail exists at most once per key (database uniqueness); a repeated key is skipped. */
  dedupeKey: string;
}

const BULK_COLUMNS = 7;

/** How services send e-mail: the e-mail and its job are written in the caller's transaction. */
@Injectable()
export class MailOutbox {
  constructor(private readonly outbox: OutboxService) {}

  /** Returns the OutgoingEmail id. Nothing is sent unless the caller's transaction commits. */
  async queueEmail(manager: EntityManager, { to, toName, locale, template, params }: QueueEmailRequest): Promise<string> {
    if (!EMAIL_TEMPLATES.includes(template)) throw new Error(`Unknown e-mail template "${template}"`);
    const email = manager.create(OutgoingEmail, {
      toAddress: to,
      toName,
      locale: isLocale(locale) ? locale : DEFAULT_LOCALE,
      template,
      params,
      status: 'queued',
    });
    await manager.save(email);
    await this.outbox.enqueue(manager, { queue: QueueName.Notifications, name: EMAIL_SEND_JOB, id: email.id });
    return email.id;
  }

  /**
   * Many e-mails in one multi-row INSERT and one multi-row outbox INSERT, in the caller's
   * transaction. Keys that already exist are skipped (ON CONFLICT DO NOTHING), which is what makes
   * a fan-out or digest that runs twice send each e-mail once. Returns the dedupe keys inserted.
   */
  async queueEmails(manager: EntityManager, requests: BulkEmailRequest[]): Promise<string[]> {
    if (!requests.length) return [];
    for (const r of requests) if (!EMAIL_TEMPLATES.includes(r.template)) throw new Error(`Unknown e-mail template "${r.template}"`);
    const values: unknown[] = [];
    const rows = requests.map((r, i) => {
      values.push(r.to, r.toName.slice(0, 200), isLocale(r.locale) ? r.locale : DEFAULT_LOCALE, r.template, JSON.stringify(r.params), 'queued', r.dedupeKey);
      const b = i * BULK_COLUMNS;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}::jsonb, $${b + 6}, $${b + 7})`;
    });
    const inserted: Array<{ id: string; dedupe_key: string }> = await manager.query(
      `INSERT INTO outgoing_email (to_address, to_name, locale, template, params, status, dedupe_key) VALUES ${rows.join(', ')}
        ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING RETURNING id, dedupe_key`,
      values,
    );
    await this.outbox.enqueueMany(
      manager,
      inserted.map((row) => ({ queue: QueueName.Notifications, name: EMAIL_SEND_JOB, id: row.id })),
    );
    return inserted.map((row) => row.dedupe_key);
  }
}
