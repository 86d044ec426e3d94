import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The history of a space (requested, confirmed, approved, closed...): who did what, when, with what note. */
@Entity('collab_space_events')
@Index('idx_collab_space_events_space', ['spaceId', 'createdAt'])
export class SpaceEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid' })
  spaceId: string;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** e.g. REQUESTED, PARTY_CONFIRMED, APPROVED, CHANGES_REQUESTED, DECLINED, CLOSED, COORDINATION_ROTATED. */
  @Column({ type: 'varchar', length: 40 })
  action: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  data: Record<string, string | number | boolean | null>;
}
