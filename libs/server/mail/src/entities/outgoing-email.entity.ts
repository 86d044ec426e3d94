import { Check, Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';

/**
 * Account templates come from the `email` catalogue; 'notification' and 'digest' are rendered by the
 * notifications domain from its own catalogue (see EmailSendJob).
 */
export const EMAIL_TEMPLATES = ['verify', 'reset', 'passwordChanged', 'notification', 'digest', 'certificateIssued', 'invitation', 'learningInvitation', 'workshopInvitation'] as const;
export type EmailTemplate = (typeof EMAIL_TEMPLATES)[number];

export const EMAIL_STATUSES = ['queued', 'sent', 'failed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/**
 * One e-mail to send: who, which template, in which language, with which values. Rendered only when
 * the `email.send` job runs, so the text always comes from the current catalogues.
 */
@Entity('outgoing_email')
@Check('chk_outgoing_email_status', `status IN ('queued', 'sent', 'failed')`)
@Index('idx_outgoing_email_status', ['status', 'createdAt'])
// Exactly-once e-mails: e.g. 'notification:<id>' or 'digest:daily:<user>:<date>' can exist once.
@Index('uq_outgoing_email_dedupe_key', ['dedupeKey'], { unique: true, where: 'dedupe_key IS NOT NULL' })
export class OutgoingEmail extends BaseRecord {
  @Column({ type: 'varchar', length: 320 })
  toAddress: string;

  @Column({ type: 'varchar', length: 200 })
  toName: string;

  @Column({ type: 'varchar', length: 8 })
  locale: string;

  @Column({ type: 'varchar', length: 64 })
  template: string;

  /** Values for the template, e.g. { name, link, hours }. */
  @Column({ type: 'jsonb' })
  params: Record<string, string | number>;

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status: EmailStatus;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  messageId: string | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  dedupeKey: string | null;
}
