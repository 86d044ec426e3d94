import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { AttendanceMethod } from '../workshops.constants';
import { WorkshopRegistration } from './workshop-registration.entity';
import { WorkshopSession } from './workshop-session.entity';

/** A registrant attended a session (marked by an organiser or by self check-in). */
@Entity('workshop_attendance')
@Check('chk_workshop_attendance_method', `"method" IN ('ORGANISER', 'SELF')`)
@Index('idx_workshop_attendance_registration', ['registrationId'])
export class WorkshopAttendance {
  @PrimaryColumn({ type: 'uuid' })
  sessionId: string;

  @PrimaryColumn({ type: 'uuid' })
  registrationId: string;

  @ManyToOne(() => WorkshopSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: WorkshopSession;

  @ManyToOne(() => WorkshopRegistration, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'registration_id' })
  registration?: WorkshopRegistration;

  @Column({ type: 'varchar', length: 16 })
  method: AttendanceMethod;

  @Column({ type: 'uuid', nullable: true })
  markedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
