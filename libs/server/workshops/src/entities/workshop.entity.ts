import { Check, Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import type { LocalizedText, PollMode, WaitlistMode, WorkshopAudience, WorkshopMode, WorkshopStatus } from '../workshops.constants';

export interface WorkshopSignatory {
  name: string;
  title: string;
  organisation: string;
}

/**
 * A workshop: description, registration policy and lifecycle. starts_at/ends_at are derived from
 * its sessions (min start / max end) and kept in sync by the sessions service. Seats are counted
 * here and guarded by the CHECK plus conditional UPDATEs (never read-then-write).
 */
@Entity('workshops')
@Check('chk_workshops_mode', `"mode" IN ('VIRTUAL', 'IN_PERSON', 'HYBRID')`)
@Check('chk_workshops_status', `"status" IN ('DRAFT', 'OPEN', 'CLOSED', 'HELD', 'ARCHIVED', 'CANCELLED')`)
@Check('chk_workshops_audience', `"audience" IN ('OPEN', 'MEMBERS', 'INVITED')`)
@Check('chk_workshops_waitlist_mode', `"waitlist_mode" IN ('AUTO', 'OFFER')`)
@Check('chk_workshops_poll_mode', `"poll_mode" IS NULL OR "poll_mode" IN ('RANK', 'VOTE')`)
@Check('chk_workshops_seats', `"seats_taken" >= 0 AND ("capacity" IS NULL OR "seats_taken" <= "capacity")`)
@Check('chk_workshops_threshold', `"attendance_threshold" BETWEEN 1 AND 100`)
@Check('chk_workshops_dates', `"ends_at" >= "starts_at"`)
@Index('idx_workshops_status', ['status', 'startsAt'])
export class Workshop extends BaseRecord {
  @Index('uq_workshops_slug', { unique: true })
  @Column({ type: 'varchar', length: 80 })
  slug: string;

  @Column({ type: 'jsonb' })
  title: LocalizedText;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  description: LocalizedText;

  @Column({ type: 'varchar', length: 16 })
  mode: WorkshopMode;

  @Column({ type: 'varchar', length: 16, default: 'DRAFT' })
  status: WorkshopStatus;

  @Column({ type: 'varchar', length: 16 })
  audience: WorkshopAudience;

  /** IANA zone organisers think in, e.g. America/Bogota. */
  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'varchar', length: 300, nullable: true })
  venue: string | null;

  /** Shown only to CONFIRMED registrants and organisers. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  meetingUrl: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  recordingUrl: string | null;

  /** null = unlimited. */
  @Column({ type: 'int', nullable: true })
  capacity: number | null;

  @Column({ type: 'int', default: 0 })
  seatsTaken: number;

  @Column({ type: 'timestamptz', nullable: true })
  registrationOpensAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  registrationClosesAt: Date | null;

  @Column({ type: 'boolean', default: false })
  approvalRequired: boolean;

  @Column({ type: 'varchar', length: 8, default: 'AUTO' })
  waitlistMode: WaitlistMode;

  @Column({ type: 'int', default: 48 })
  offerHours: number;

  /** Percent of sessions attended needed for the certificate. */
  @Column({ type: 'int', default: 100 })
  attendanceThreshold: number;

  @Column({ type: 'varchar', length: 2, array: true })
  languages: string[];

  @Column({ type: 'uuid', array: true, default: () => `'{}'` })
  focusAreaIds: string[];

  @Column({ type: 'varchar', length: 200 })
  certificateIssuer: string;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  certificateSignatories: WorkshopSignatory[];

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  heldAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  certificateBatchId: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  pollMode: PollMode | null;

  @Column({ type: 'int', nullable: true })
  pollMaxVotes: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  pollOpenedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  pollClosedAt: Date | null;

  /** Bumped by every change, so editors notice concurrent edits. */
  @Column({ type: 'int', default: 1 })
  revision: number;
}
