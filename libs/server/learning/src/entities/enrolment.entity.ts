import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import { User } from '@alliance/server-identity';
import type { EnrolmentStatus } from '../learning.constants';
import { Course } from './course.entity';
import { Offering } from './offering.entity';

/**
 * One person's enrolment in a course (one per person per course, enforced by unique indexes; a
 * withdrawn person who comes back reuses the row). Invitations to unknown e-mails have no user
 * until the address is verified on sign-up. Progress is stored and updated on each event.
 */
@Entity('enrolments')
@Check('chk_enrolments_status', `"status" IN ('REQUESTED', 'NOMINATED', 'APPROVED', 'WAITLISTED', 'ENROLLED', 'COMPLETED', 'WITHDRAWN', 'REJECTED')`)
@Check('chk_enrolments_person', `"user_id" IS NOT NULL OR "invited_email" IS NOT NULL`)
@Check('chk_enrolments_progress', `"progress_percent" BETWEEN 0 AND 100`)
@Index('uq_enrolments_course_user', ['courseId', 'userId'], { unique: true, where: '"user_id" IS NOT NULL' })
@Index('uq_enrolments_course_invited', ['courseId', 'invitedEmail'], { unique: true, where: '"user_id" IS NULL' })
@Index('idx_enrolments_offering', ['offeringId', 'status'])
@Index('idx_enrolments_user', ['userId', 'status'])
@Index('idx_enrolments_invited', ['invitedEmail'], { where: '"user_id" IS NULL' })
@Index('idx_enrolments_waitlist', ['offeringId', 'createdAt'], { where: `"status" = 'WAITLISTED'` })
export class Enrolment extends BaseRecord {
  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Column({ type: 'uuid' })
  offeringId: string;

  @ManyToOne(() => Offering, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'offering_id' })
  offering?: Offering;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** Lower-cased address of an invited person without an account yet. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  invitedEmail: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: EnrolmentStatus;

  /** Whether this enrolment currently counts in seats_taken (and in its country's quota). */
  @Column({ type: 'boolean', default: false })
  holdsSeat: boolean;

  /** The country quota the seat was drawn from, when it was. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  seatCountryCode: string | null;

  /** Country and organisation at enrolment time, for reports. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  countryCode: string | null;

  @Column({ type: 'uuid', nullable: true })
  organisationId: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  organisationName: string | null;

  @Column({ type: 'uuid', nullable: true })
  nominatedById: string | null;

  @Column({ type: 'int', default: 0 })
  completedLessons: number;

  @Column({ type: 'int', default: 0 })
  progressPercent: number;

  @Column({ type: 'timestamptz', nullable: true })
  lastActivityAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  certificateId: string | null;
}
