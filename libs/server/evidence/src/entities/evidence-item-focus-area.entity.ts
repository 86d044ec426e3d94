import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { FocusArea } from '@alliance/server-alliance';
import { EvidenceItem } from './evidence-item.entity';

@Entity('evidence_item_focus_areas')
@Index('idx_evidence_item_focus_areas_area', ['focusAreaId'])
export class EvidenceItemFocusArea {
  @PrimaryColumn({ type: 'uuid' })
  itemId: string;

  @PrimaryColumn({ type: 'uuid' })
  focusAreaId: string;

  @ManyToOne(() => EvidenceItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: EvidenceItem;

  @ManyToOne(() => FocusArea, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'focus_area_id' })
  focusArea?: FocusArea;
}
