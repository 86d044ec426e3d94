import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import type { ApplicationStatus } from '../alliance.constants';
import { MembershipApplication } from './membership-application.entity';

/** One step of an application's history: who moved it, from where to where, when, and why. */
@Entity('membership_application_events')
@Index('idx_membership_application_events_application', ['applicationId', 'createdAt'])
export class ApplicationEvent extends BaseRecord {
  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => MembershipApplication, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: MembershipApplication;

  /** Null for the first submission. */
  @Column({ type: 'varchar', length: 24, nullable: true })
  fromStatus: ApplicationStatus | null;

  @Column({ type: 'varchar', length: 24 })
  toStatus: ApplicationStatus;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** Kept so the history still reads well if the account is deleted. */
  @Column({ type: 'varchar', length: 120 })
  actorName: string;
}
