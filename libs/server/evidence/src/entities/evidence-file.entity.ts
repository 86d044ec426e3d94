import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '@alliance/server-identity';
import { EvidenceItem } from './evidence-item.entity';

/**
 * One uploaded version of an item's file. The bytes live in file storage under storageKey; the
 * current file is the highest version and older versions stay downloadable.
 */
@Entity('evidence_files')
@Index('uq_evidence_files_version', ['itemId', 'version'], { unique: true })
@Check('chk_evidence_files_size', `"size" >= 0`)
@Check('chk_evidence_files_downloads', `"download_count" >= 0`)
export class EvidenceFile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid' })
  itemId: string;

  @ManyToOne(() => EvidenceItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: EvidenceItem;

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

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'uploaded_by_id' })
  uploadedBy?: User;

  @Column({ type: 'int', default: 0 })
  downloadCount: number;
}
