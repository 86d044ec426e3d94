import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import { User } from '@alliance/server-identity';
import type { Locale } from '@alliance/shared-core';
import { CertificateBatch } from './certificate-batch.entity';

export const CERTIFICATE_KINDS = ['COURSE_COMPLETION', 'PROGRAMME_COMPLETION', 'WORKSHOP_ATTENDANCE', 'PARTICIPATION'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];
export type CertificateStatus = 'issued' | 'revoked';
export type CertificateRenderStatus = 'pending' | 'rendered' | 'failed';

export interface SignatoryData {
  name: string;
  title: string;
  organisation: string;
}

/** numeric comes back from pg as a string; hours are small decimals, safe as JS numbers. */
const numericHours = {
  to: (value: number | null | undefined) => value ?? null,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/**
 * One certificate as issued. `recipientKey` is the user id ('user:<id>') or the lower-case e-mail
 * ('email:<address>') of the recipient: with the achievement it is unique among issued
 * certificates, so asking twice (or concurrently) yields one. Revoked ones leave the index, which
 * is what lets a reissue take the same achievement.
 */
@Entity('certificates')
@Index('uq_certificates_code', ['code'], { unique: true })
@Index('uq_certificates_status_list_index', ['statusListIndex'], { unique: true })
@Index('uq_certificates_issued_recipient_achievement', ['recipientKey', 'achievementKey'], { unique: true, where: `"status" = 'issued'` })
@Index('idx_certificates_recipient_user', ['recipientUserId'])
@Index('idx_certificates_recipient_email', ['recipientEmail'])
@Index('idx_certificates_batch', ['batchId', 'renderStatus'])
@Index('idx_certificates_issued_at', ['issuedAt'])
@Check('chk_certificates_kind', `"kind" IN ('COURSE_COMPLETION', 'PROGRAMME_COMPLETION', 'WORKSHOP_ATTENDANCE', 'PARTICIPATION')`)
@Check('chk_certificates_status', `"status" IN ('issued', 'revoked')`)
@Check('chk_certificates_render_status', `"render_status" IN ('pending', 'rendered', 'failed')`)
@Check('chk_certificates_locale', `"locale" IN ('es', 'en', 'pt', 'fr')`)
@Check('chk_certificates_email_lower_case', `"recipient_email" = lower("recipient_email")`)
@Check('chk_certificates_revocation', `("status" = 'revoked') = ("revoked_at" IS NOT NULL)`)
export class Certificate extends BaseRecord {
  /** 12 Crockford base32 characters without dashes (shown as XXXX-XXXX-XXXX). */
  @Column({ type: 'char', length: 12 })
  code: string;

  @Column({ type: 'varchar', length: 32 })
  kind: CertificateKind;

  @Column({ type: 'uuid', nullable: true })
  recipientUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'recipient_user_id' })
  recipientUser?: User | null;

  /** The name exactly as it must be printed. */
  @Column({ type: 'varchar', length: 200 })
  recipientName: string;

  @Column({ type: 'varchar', length: 254 })
  recipientEmail: string;

  @Column({ type: 'varchar', length: 300 })
  recipientKey: string;

  /** What it is for, e.g. 'manual:<batchId>' or 'course:<id>'. */
  @Column({ type: 'varchar', length: 200 })
  achievementKey: string;

  @Column({ type: 'uuid', nullable: true })
  batchId: string | null;

  @ManyToOne(() => CertificateBatch, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'batch_id' })
  batch?: CertificateBatch | null;

  @Column({ type: 'varchar', length: 5 })
  locale: Locale;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'numeric', precision: 7, scale: 2, nullable: true, transformer: numericHours })
  hours: number | null;

  /** 'YYYY-MM-DD' (TypeORM returns date columns as strings). */
  @Column({ type: 'date', nullable: true })
  startDate: string | null;

  @Column({ type: 'date', nullable: true })
  endDate: string | null;

  @Column({ type: 'varchar', length: 200 })
  issuerName: string;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  coIssuers: string[];

  @Column({ type: 'jsonb', default: () => `'[]'` })
  signatories: SignatoryData[];

  @Column({ type: 'timestamptz', default: () => 'now()' })
  issuedAt: Date;

  @Column({ type: 'varchar', length: 16, default: 'issued' })
  status: CertificateStatus;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  revocationReason: string | null;

  /** The certificate that replaced this one (reissue). */
  @Column({ type: 'uuid', nullable: true })
  replacedById: string | null;

  /** Position of this certificate's bit in the revocation status list. */
  @Column({ type: 'int' })
  statusListIndex: number;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  renderStatus: CertificateRenderStatus;

  @Column({ type: 'int', default: 0 })
  renderAttempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  renderedAt: Date | null;

  /** Storage key of the PDF and its SHA-256 (hex). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  pdfKey: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  pdfSha256: string | null;

  /** The signed OpenBadgeCredential, stored as issued. */
  @Column({ type: 'jsonb', nullable: true })
  credential: Record<string, unknown> | null;
}
