import { Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';

/** A thematic focus of the alliance (editable reference data with its four names). */
@Entity('alliance_focus_areas')
export class FocusArea extends BaseRecord {
  @Index('uq_alliance_focus_areas_key', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'varchar', length: 120 })
  nameEs: string;

  @Column({ type: 'varchar', length: 120 })
  nameEn: string;

  @Column({ type: 'varchar', length: 120 })
  namePt: string;

  @Column({ type: 'varchar', length: 120 })
  nameFr: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;
}
