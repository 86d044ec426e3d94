import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import type { MembershipCategory, MembershipStatus } from '../alliance.constants';
import { Organisation } from './organisation.entity';

/** An organisation's membership of the alliance (one per organisation). */
@Entity('memberships')
@Check('chk_memberships_category', `"category" IN ('MEMBER_STATE', 'PARTNER', 'OBSERVER')`)
@Check('chk_memberships_status', `"status" IN ('ACTIVE', 'SUSPENDED')`)
@Index('idx_memberships_since', ['since'])
export class Membership extends BaseRecord {
  @Index('uq_memberships_organisation', { unique: true })
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column({ type: 'varchar', length: 16 })
  category: MembershipCategory;

  @Column({ type: 'varchar', length: 16, default: 'ACTIVE' })
  status: MembershipStatus;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  since: Date;
}
