import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import type { FocalPointRole, InvitationRole } from '../alliance.constants';
import { Organisation } from './organisation.entity';

/** An e-mailed invitation to join an organisation; only the SHA-256 of its token is stored. */
@Entity('organisation_invitations')
@Check('chk_organisation_invitations_role', `"role" IN ('MEMBER', 'REPRESENTATIVE', 'FOCAL_POINT')`)
@Check('chk_organisation_invitations_focal', `("role" = 'FOCAL_POINT') = ("focus_area_id" IS NOT NULL AND "focal_role" IS NOT NULL)`)
@Index('idx_organisation_invitations_organisation', ['organisationId', 'createdAt'])
export class Invitation extends BaseRecord {
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 16 })
  role: InvitationRole;

  @Column({ type: 'uuid', nullable: true })
  focusAreaId: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  focalRole: FocalPointRole | null;

  @Index('uq_organisation_invitations_token', { unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  acceptedById: string | null;

  @Column({ type: 'uuid', nullable: true })
  invitedById: string | null;

  @Column({ type: 'varchar', length: 120 })
  invitedByName: string;
}
