import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import { Organisation } from '@alliance/server-alliance';
import type { PartyRole, PartyStatus } from '../collaboration.constants';
import { CollaborationSpace } from './collaboration-space.entity';

/**
 * An organisation taking part in a space. Its representatives and focal points answer for it:
 * they confirm (or decline) a table and keep their side's participant list.
 */
@Entity('collab_space_parties')
@Check('chk_collab_space_parties_role', `"role" IN ('REQUESTER', 'INVITED', 'MEMBER')`)
@Check('chk_collab_space_parties_status', `"status" IN ('PENDING', 'CONFIRMED', 'DECLINED')`)
@Index('uq_collab_space_parties', ['spaceId', 'organisationId'], { unique: true })
@Index('idx_collab_space_parties_organisation', ['organisationId'])
export class SpaceParty extends BaseRecord {
  @Column({ type: 'uuid' })
  spaceId: string;

  @ManyToOne(() => CollaborationSpace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'space_id' })
  space?: CollaborationSpace;

  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column({ type: 'varchar', length: 12 })
  role: PartyRole;

  @Column({ type: 'varchar', length: 12 })
  status: PartyStatus;

  @Column({ type: 'uuid', nullable: true })
  respondedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  /** Groups: the party's place in the coordination rotation (0 coordinates first). */
  @Column({ type: 'int', default: 0 })
  rotationOrder: number;
}
