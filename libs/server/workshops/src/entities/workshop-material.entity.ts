import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import type { MaterialPhase } from '../workshops.constants';
import { Workshop } from './workshop.entity';

/** A link to evidence or a file, before or after the workshop. */
@Entity('workshop_materials')
@Check('chk_workshop_materials_phase', `"phase" IN ('BEFORE', 'AFTER')`)
@Index('idx_workshop_materials_workshop', ['workshopId', 'position'])
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
}
