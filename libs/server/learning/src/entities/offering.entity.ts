import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import { Course } from './course.entity';

/**
 * An edition of a course. Enrolments belong to an offering; seats are counted here and guarded by
 * the CHECK plus a conditional UPDATE (never read-then-write).
 */
@Entity('course_offerings')
@Check('chk_course_offerings_seats', `"seats_taken" >= 0 AND ("capacity" IS NULL OR "seats_taken" <= "capacity")`)
@Check('chk_course_offerings_dates', `"starts_on" IS NULL OR "ends_on" IS NULL OR "ends_on" >= "starts_on"`)
@Check('chk_course_offerings_window', `"enrolment_opens_at" IS NULL OR "enrolment_closes_at" IS NULL OR "enrolment_closes_at" > "enrolment_opens_at"`)
@Index('idx_course_offerings_course', ['courseId', 'startsOn'])
export class Offering extends BaseRecord {
  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  /** e.g. "Cohorte marzo 2027"; the self-paced offering has none. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  name: string | null;

  @Column({ type: 'date', nullable: true })
  startsOn: string | null;

  @Column({ type: 'date', nullable: true })
  endsOn: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  enrolmentOpensAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  enrolmentClosesAt: Date | null;

  /** null = unlimited. */
  @Column({ type: 'int', nullable: true })
  capacity: number | null;

  @Column({ type: 'int', default: 0 })
  seatsTaken: number;

  @Column({ type: 'boolean', default: true })
  waitlistEnabled: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;
}
