import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { EvidenceItem } from './evidence-item.entity';

/** A country an item is about (ISO code of an alliance country). */
@Entity('evidence_item_countries')
@Index('idx_evidence_item_countries_country', ['countryCode'])
export class EvidenceItemCountry {
  @PrimaryColumn({ type: 'uuid' })
  itemId: string;

  @PrimaryColumn({ type: 'varchar', length: 2 })
  countryCode: string;

  @ManyToOne(() => EvidenceItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: EvidenceItem;
}
