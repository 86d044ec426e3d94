import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import { EvidenceItem } from '@alliance/server-evidence';
import type { MaterialPhase } from '../workshops.constants';
import { Workshop } from './workshop.entity';

/**
 * A link to evidence or a file, before or after the workshop. When it is an evidence bank item,
 * evidence_item_id holds the item (url is then /evidence/<id>, title the item's title when added);
 * the relation points down the tier order (workshops -> evidence) and has no inverse side.
 */
@Entity('workshop_materials')
@Check('chk_workshop_materials_phase', `"phase" IN ('BEFORE', 'AFTER')`)
@Index('idx_workshop_materials_workshop', ['workshopId', 'position'])
@Index('idx_workshop_materials_evidence', ['evidenceItemId'])
export class WorkshopMaterial extends BaseRecord {
  @Column({ type: 'uuid' })
  workshopId: string;

  @ManyToOne(() => Workshop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workshop_id' })
  workshop?: Workshop;

  @Column({ type: 'varchar', length: 8 })
  phase: MaterialPhase;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 500 })
  url: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'uuid', nullable: true })
  evidenceItemId: string | null;

  @ManyToOne(() => EvidenceItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evidence_item_id' })
  evidenceItem?: EvidenceItem;
}
