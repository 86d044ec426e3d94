import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import type { LocalizedText } from '../workshops.constants';
import { Workshop } from './workshop.entity';

/** A proposed action participants rank or vote on. */
@Entity('workshop_poll_actions')
@Index('idx_workshop_poll_actions_workshop', ['workshopId', 'position'])
export class WorkshopPollAction extends BaseRecord {
  @Column({ type: 'uuid' })
  workshopId: string;

  @ManyToOne(() => Workshop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshop_id' })
  workshop?: Workshop;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'jsonb' })
  title: LocalizedText;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  description: LocalizedText;
}
