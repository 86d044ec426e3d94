import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import { ForumThread } from './forum-thread.entity';

/** A post in a thread (Markdown, sanitised when rendered). Moderators hide posts with a reason; nothing is deleted. */
@Entity('collab_posts')
@Index('idx_collab_posts_thread', ['threadId', 'createdAt'])
@Index('idx_collab_posts_space', ['spaceId'])
export class ForumPost extends BaseRecord {
  @Column({ type: 'uuid' })
  threadId: string;

  @ManyToOne(() => ForumThread, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id' })
  thread?: ForumThread;

  /** Denormalised from the thread so access checks need one lookup. */
  @Column({ type: 'uuid' })
  spaceId: string;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  hiddenAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  hiddenById: string | null;

  @Column({ type: 'text', nullable: true })
  hiddenReason: string | null;
}
