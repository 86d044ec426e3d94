import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { RegistrationStatus } from '../workshops.constants';
import { WorkshopRegistration } from './workshop-registration.entity';

/** Audit trail of a registration: every transition, who made it and why. */
@Entity('workshop_registration_events')
@Index('idx_workshop_registration_events_registration', ['registrationId', 'createdAt'])
export class WorkshopRegistrationEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** clock_timestamp() so several events of one transaction keep their order. */
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt: Date;

  @Column({ type: 'uuid' })
  registrationId: string;

  @ManyToOne(() => WorkshopRegistration, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'registration_id' })
  registration?: WorkshopRegistration;

  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStatus: RegistrationStatus | null;

  @Column({ type: 'varchar', length: 16 })
  toStatus: RegistrationStatus;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** Kept as written at the time (null for the system). */
  @Column({ type: 'varchar', length: 120, nullable: true })
  actorName: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;
}
