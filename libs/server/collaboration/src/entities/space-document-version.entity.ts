import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SpaceDocument } from './space-document.entity';

/** One uploaded version of a space's document; the bytes live in file storage under storageKey. */
@Entity('collab_document_versions')
@Index('uq_collab_document_versions', ['documentId', 'version'], { unique: true })
@Index('idx_collab_document_versions_space', ['spaceId'])
@Check('chk_collab_document_versions_size', `"size" >= 0`)
export class SpaceDocumentVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid' })
  documentId: string;

  @ManyToOne(() => SpaceDocument, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: SpaceDocument;

  /** Denormalised so a download checks access with one lookup. */
  @Column({ type: 'uuid' })
  spaceId: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 200 })
  filename: string;

  @Column({ type: 'varchar', length: 120 })
  contentType: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'varchar', length: 500 })
  storageKey: string;

  @Column({ type: 'uuid', nullable: true })
  uploadedById: string | null;

  /** What changed in this version. */
  @Column({ type: 'varchar', length: 1000, default: '' })
  note: string;
}
