import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import { CollaborationSpace } from './collaboration-space.entity';

/** A document shared in a space; co-produced documents get new versions (SpaceDocumentVersion). */
@Entity('collab_documents')
@Index('idx_collab_documents_space', ['spaceId', 'updatedAt'])
export class SpaceDocument extends BaseRecord {
  @Column({ type: 'uuid' })
  spaceId: string;

  @ManyToOne(() => CollaborationSpace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'space_id' })
  space?: CollaborationSpace;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  /** The highest version number (0 before the first upload lands). */
  @Column({ type: 'int', default: 0 })
  currentVersion: number;
}
