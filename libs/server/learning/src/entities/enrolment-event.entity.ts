import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { EnrolmentStatus } from '../learning.constants';
import { Enrolment } from './enrolment.entity';

/** Audit trail of an enrolment: every transition, who made it and why. */
@Entity('enrolment_events')
@Index('idx_enrolment_events_enrolment', ['enrolmentId', 'createdAt'])
export class EnrolmentEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid' })
  enrolmentId: string;

  @ManyToOne(() => Enrolment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: Enrolment;

  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStatus: EnrolmentStatus | null;

  @Column({ type: 'varchar', length: 16 })
  toStatus: EnrolmentStatus;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** Kept as written at the time (null for the system). */
  @Column({ type: 'varchar', length: 120, nullable: true })
  actorName: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;
}
