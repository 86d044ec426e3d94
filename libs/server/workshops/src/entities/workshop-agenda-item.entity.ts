import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import type { LocalizedText } from '../workshops.constants';
import { Workshop } from './workshop.entity';
import { WorkshopSession } from './workshop-session.entity';

/** A timed item of a session's agenda. */
@Entity('workshop_agenda_items')
@Index('idx_workshop_agenda_items_session', ['sessionId', 'startsAt'])
@Index('idx_workshop_agenda_items_workshop', ['workshopId'])
export class WorkshopAgendaItem extends BaseRecord {
  @Column({ type: 'uuid' })
  workshopId: string;

  @ManyToOne(() => Workshop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshop_id' })
  workshop?: Workshop;

  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => WorkshopSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: WorkshopSession;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'jsonb' })
  title: LocalizedText;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  description: LocalizedText;

  @Column({ type: 'varchar', length: 500, nullable: true })
  speakers: string | null;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;
}
