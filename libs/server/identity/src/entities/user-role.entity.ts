import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import type { Role } from '@alliance/shared-core';
import { User } from './user.entity';

/** A portal-wide role held by a user, with who granted it and when (kept for accountability). */
@Entity('user_roles')
@Index('user_roles_user_role_unique', ['userId', 'role'], { unique: true })
@Index('user_roles_role', ['role'])
@Check('user_roles_role_valid', `"role" IN ('ADMIN', 'ORGANISER', 'MODERATOR')`)
export class UserRole extends BaseRecord {
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  /** Null for roles given by the seed or by ADMIN_EMAIL at start-up. */
  @Column({ type: 'uuid', nullable: true })
  grantedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'granted_by_id' })
  grantedBy?: User | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  grantedAt: Date;
}
