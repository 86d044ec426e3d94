import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { EvidenceItem } from './evidence-item.entity';

/**
 * Title and abstract of an item in one language. `search` is derived in SQL by the
 * items service on every write (never through the ORM), so it is not selected by default.
 */
@Entity('evidence_texts')
@Index('idx_evidence_texts_item', ['itemId'])
export class EvidenceText {
  @PrimaryColumn({ type: 'uuid' })
  itemId: string;

  @PrimaryColumn({ type: 'varchar', length: 2 })
  locale: string;

  @ManyToOne(() => EvidenceItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: EvidenceItem;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 5000 })
  abstract: string;

  @Column({ type: 'boolean', default: false })
  original: boolean;

  /**
   * Native-stemmed and unaccented vectors of title (A) and abstract (B) together. Searches go
   * through evidence_search_documents (one row per published item, kept by triggers), which
   * joins the vectors of all an item's texts; this one ranks and highlights a page of hits.
   */
  @Column({ type: 'tsvector', select: false })
  search?: string;
}
