import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One administrative or moderation action: who did what to which record, when, and the changed
 * fields before and after. Append-only: nothing in the code updates or deletes a row, and a
 * database trigger (migration AuditLog1796300001000) refuses DELETE and any UPDATE but blanking the
 * name snapshots (account erasure), so the log cannot be rewritten by the very people it watches. No foreign key on the actor: the entry must outlive the
 * account, so the actor's name is kept as a snapshot.
 */
@Entity('audit_log')
@Index('idx_audit_log_created', ['createdAt', 'id'])
@Index('idx_audit_log_actor', ['actorId', 'createdAt'])
@Index('idx_audit_log_action', ['action', 'createdAt'])
@Index('idx_audit_log_target', ['targetType', 'targetId', 'createdAt'])
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Null for actions the system takes on its own (start-up, jobs). */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** The actor's name when they acted. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  actorName: string | null;

  /** Stable dotted code, one of AUDIT_ACTIONS (e.g. `user.role.grant`). */
  @Column({ type: 'varchar', length: 60 })
  action: string;

  @Column({ type: 'varchar', length: 40 })
  targetType: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  targetId: string | null;

  /** What the target was called when the action happened (a name or a title), for reading the log. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  targetLabel: string | null;

  /** Details that are neither before nor after (a role granted, a reason given). */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  params: Record<string, unknown>;

  /** Changed fields only, as they were; null when the action created the target. */
  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  /** Changed fields only, as they became; null when the action removed the target. */
  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  requestId: string | null;
}
