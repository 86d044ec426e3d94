import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import type { LocalizedText } from '../workshops.constants';
import { Workshop } from './workshop.entity';

/** One sitting of a workshop (a workshop may span several sessions or days). */
@Entity('workshop_sessions')
@Check('chk_workshop_sessions_times', `"ends_at" > "starts_at"`)
@Index('idx_workshop_sessions_workshop', ['workshopId', 'startsAt'])
export class WorkshopSession extends BaseRecord {
  @Column({ type: 'uuid' })
  workshopId: string;

  @ManyToOne(() => Workshop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshop_id' })
  workshop?: Workshop;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  title: LocalizedText;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  /** Self check-in code (unambiguous characters), shown to organisers only. */
  @Column({ type: 'char', length: 6 })
  checkInCode: string;
}
