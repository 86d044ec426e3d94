import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import type { FollowUpStatus } from '../workshops.constants';
import { Workshop } from './workshop.entity';

/** A follow-up of the workshop, often a top-ranked action carried out of the poll. */
@Entity('workshop_follow_ups')
@Check('chk_workshop_follow_ups_status', `"status" IN ('OPEN', 'DONE')`)
@Index('idx_workshop_follow_ups_workshop', ['workshopId', 'createdAt'])
export class WorkshopFollowUp extends BaseRecord {
  @Column({ type: 'uuid' })
  workshopId: string;

  @ManyToOne(() => Workshop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshop_id' })
  workshop?: Workshop;

  @Column({ type: 'uuid', nullable: true })
  actionId: string | null;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  owner: string | null;

  @Column({ type: 'date', nullable: true })
  dueOn: string | null;

  @Column({ type: 'varchar', length: 8, default: 'OPEN' })
  status: FollowUpStatus;
}
