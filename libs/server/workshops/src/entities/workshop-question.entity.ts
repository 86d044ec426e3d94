import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import type { LocalizedText, QuestionType } from '../workshops.constants';
import { Workshop } from './workshop.entity';

/** A registration question: short text, a choice among options, or a consent box. */
@Entity('workshop_questions')
@Check('chk_workshop_questions_type', `"type" IN ('TEXT', 'CHOICE', 'CONSENT')`)
@Index('idx_workshop_questions_workshop', ['workshopId', 'position'])
export class WorkshopQuestion extends BaseRecord {
  @Column({ type: 'uuid' })
  workshopId: string;

  @ManyToOne(() => Workshop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshop_id' })
  workshop?: Workshop;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 16 })
  type: QuestionType;

  @Column({ type: 'jsonb' })
  prompt: LocalizedText;

  /** Options of a CHOICE question (strings). */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  options: string[];

  @Column({ type: 'boolean', default: false })
  required: boolean;
}
