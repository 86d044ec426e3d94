import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import { CollaborationSpace } from './collaboration-space.entity';

/** A forum conversation inside a space. */
@Entity('collab_threads')
@Index('idx_collab_threads_space', ['spaceId', 'lastPostAt'])
export class ForumThread extends BaseRecord {
  @Column({ type: 'uuid' })
  spaceId: string;

  @ManyToOne(() => CollaborationSpace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'space_id' })
  space?: CollaborationSpace;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ type: 'timestamptz' })
  lastPostAt: Date;

  @Column({ type: 'int', default: 0 })
  postCount: number;
}
