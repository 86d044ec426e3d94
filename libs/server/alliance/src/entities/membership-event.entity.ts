import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import type { MembershipAction } from '../alliance.constants';
import { Membership } from './membership.entity';

/** History of a membership: created, suspended, reinstated, with the reason and who did it. */
@Entity('membership_events')
@Index('idx_membership_events_membership', ['membershipId', 'createdAt'])
export class MembershipEvent extends BaseRecord {
  @Column({ type: 'uuid' })
  membershipId: string;

  @ManyToOne(() => Membership, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'membership_id' })
  membership?: Membership;

  @Column({ type: 'varchar', length: 16 })
  action: MembershipAction;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 120 })
  actorName: string;
}
