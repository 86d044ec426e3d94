import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import { User } from '@alliance/server-identity';
import type { FocalPointRole } from '../alliance.constants';
import { Organisation } from './organisation.entity';

/**
 * A designation of a person as an organisation's focal point for a focus area. Rows are never
 * deleted: a handover ends the previous one, so the history stays.
 */
@Entity('focal_points')
@Check('chk_focal_points_role', `"role" IN ('TITULAR', 'ALTERNATE')`)
// end = start - 1 records a designation replaced on the day it was to start (never current, still history).
@Check('chk_focal_points_dates', `"end_date" IS NULL OR "end_date" >= "start_date" - 1`)
// At most one open-ended designation per organisation, area and role (the database keeps handovers honest).
@Index('uq_focal_points_open', ['organisationId', 'focusAreaId', 'role'], { unique: true, where: '"end_date" IS NULL' })
@Index('idx_focal_points_user', ['userId'])
export class FocalPoint extends BaseRecord {
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'uuid' })
  focusAreaId: string;

  @Column({ type: 'varchar', length: 16 })
  role: FocalPointRole;

  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date', nullable: true })
  endDate: string | null;

  @Column({ type: 'boolean', default: false })
  consentToPublish: boolean;
}
