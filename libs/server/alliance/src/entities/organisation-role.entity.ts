import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import { User } from '@alliance/server-identity';
import type { OrganisationRole } from '../alliance.constants';
import { Organisation } from './organisation.entity';

/** A person's role in an organisation; later domains read these through OrganisationRolesService. */
@Entity('organisation_roles')
@Check('chk_organisation_roles_role', `"role" IN ('REPRESENTATIVE', 'MEMBER', 'FOCAL_POINT')`)
@Index('uq_organisation_roles', ['userId', 'organisationId', 'role'], { unique: true })
@Index('idx_organisation_roles_organisation', ['organisationId'])
export class OrganisationRoleGrant extends BaseRecord {
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column({ type: 'varchar', length: 16 })
  role: OrganisationRole;
}
