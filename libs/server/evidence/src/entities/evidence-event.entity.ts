import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '@alliance/server-identity';
import type { EvidenceAction } from '../evidence.constants';
import { EvidenceItem } from './evidence-item.entity';

/** The history of an item: every step, who took it and why. */
@Entity('evidence_events')
@Index('idx_evidence_events_item', ['itemId', 'createdAt'])
@Check('chk_evidence_events_action', `"action" IN ('CREATED', 'EDITED', 'FILE_ADDED', 'SUBMITTED', 'CHANGES_REQUESTED', 'PUBLISHED', 'REJECTED')`)
export class EvidenceEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid' })
  itemId: string;

  @ManyToOne(() => EvidenceItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: EvidenceItem;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: User;

  @Column({ type: 'varchar', length: 20 })
  action: EvidenceAction;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}
