import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import { User } from '@alliance/server-identity';
import type { RegistrationStatus } from '../workshops.constants';
import { Workshop } from './workshop.entity';

export interface RegistrationAnswerData {
  questionId: string;
  value: string;
}

/**
 * One person's registration for a workshop (one per person per workshop; a cancelled one is
 * reused). holds_seat says whether it counts in seats_taken (and its country's quota).
 */
@Entity('workshop_registrations')
@Check('chk_workshop_registrations_status', `"status" IN ('PENDING', 'CONFIRMED', 'WAITLISTED', 'OFFERED', 'CANCELLED', 'REJECTED', 'EXPIRED')`)
@Index('uq_workshop_registrations_user', ['workshopId', 'userId'], { unique: true })
@Index('idx_workshop_registrations_status', ['workshopId', 'status'])
@Index('idx_workshop_registrations_waitlist', ['workshopId', 'waitlistedAt'], { where: `"status" = 'WAITLISTED'` })
@Index('idx_workshop_registrations_person', ['userId'])
export class WorkshopRegistration extends BaseRecord {
  @Column({ type: 'uuid' })
  workshopId: string;

  @ManyToOne(() => Workshop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshop_id' })
  workshop?: Workshop;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 16 })
  status: RegistrationStatus;

  @Column({ type: 'boolean', default: false })
  holdsSeat: boolean;

  /** The country quota the seat was drawn from, when it was. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  seatCountryCode: string | null;

  /** Country and organisation at registration time, for figures. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  countryCode: string | null;

  @Column({ type: 'uuid', nullable: true })
  organisationId: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  organisationName: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  organisationType: string | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  answers: RegistrationAnswerData[];

  /** Whether the person agreed to appear in the participant list other participants see. */
  @Column({ type: 'boolean', default: false })
  consentToList: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  waitlistedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  offerExpiresAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;
}
