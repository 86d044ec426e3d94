import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import { User } from '@alliance/server-identity';
import type { EmailFrequency } from '@alliance/shared-core';

/**
 * One notice for one person. Written by the fan-out job; the row also exists (inApp = false) when
 * only a digest e-mail is wanted, so digests read from the same place. Texts are rendered when read,
 * in the reader's language, from `type` + `data`.
 */
@Entity('notification')
@Check('chk_notification_email_frequency', `email_frequency IN ('immediately', 'daily', 'weekly', 'off')`)
// "Never notify twice": one row per (person, type, dedupeKey) ...
@Index('uq_notification_dedupe', ['userId', 'type', 'dedupeKey'], { unique: true, where: 'dedupe_key IS NOT NULL' })
// ... and one per (batch, person), so a fan-out that runs twice inserts nothing the second time.
@Index('uq_notification_batch_user', ['batchId', 'userId'], { unique: true, where: 'batch_id IS NOT NULL' })
// The header's unread count.
@Index('idx_notification_unread', ['userId'], { where: 'read_at IS NULL AND in_app' })
// The list, newest first (keyset).
@Index('idx_notification_list', ['userId', 'createdAt', 'id'], { where: 'in_app' })
// Digest jobs look for e-mails still owed.
@Index('idx_notification_email_key', ['emailKey'], { where: 'email_key IS NOT NULL' })
@Index('idx_notification_digest_pending', ['emailFrequency', 'userId'], { where: `email_queued_at IS NULL AND email_frequency IN ('daily', 'weekly')` })
export class Notification extends BaseRecord {
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 64 })
  type: string;

  /** Interpolation values for the texts, e.g. { title, code }. */
  @Column({ type: 'jsonb' })
  data: Record<string, string | number>;

  /** Path in the web app, e.g. '/certificates'. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  link: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  dedupeKey: string | null;

  @Column({ type: 'uuid', nullable: true })
  batchId: string | null;

  /** Shown in the notification centre (the person's in-app preference when it was created). */
  @Column({ type: 'boolean', default: true })
  inApp: boolean;

  /** The person's e-mail preference when it was created. */
  @Column({ type: 'varchar', length: 16, default: 'off' })
  emailFrequency: EmailFrequency;

  /** When its e-mail (immediate or digest) was queued; null while one is still owed. */
  @Column({ type: 'timestamptz', nullable: true })
  emailQueuedAt: Date | null;

  /** Dedupe key of the OutgoingEmail that carried it ('notification:<id>' or a digest's key). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  emailKey: string | null;
}
