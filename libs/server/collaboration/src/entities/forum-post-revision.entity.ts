import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ForumPost } from './forum-post.entity';

/** A post's earlier text, kept when it is edited (the edit history). */
@Entity('collab_post_revisions')
@Index('idx_collab_post_revisions_post', ['postId', 'createdAt'])
export class ForumPostRevision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** When this text was replaced. */
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid' })
  postId: string;

  @ManyToOne(() => ForumPost, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: ForumPost;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'uuid', nullable: true })
  editorId: string | null;
}
