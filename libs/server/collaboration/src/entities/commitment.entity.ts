import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import { Organisation } from '@alliance/server-alliance';
import type { CommitmentKind, CommitmentSource, CommitmentStatus } from '../collaboration.constants';
import { CollaborationSpace } from './collaboration-space.entity';

/**
 * An agreement to follow up (Decidim's accountability): a table's commitment or a group's deliverable
 * or mandate, owned by a responsible organisation, with a due date, a status and progress notes.
 */
@Entity('collab_commitments')
@Check('chk_collab_commitments_kind', `"kind" IN ('COMMITMENT', 'DELIVERABLE', 'MANDATE')`)
@Check('chk_collab_commitments_status', `"status" IN ('PENDING', 'IN_PROGRESS', 'DONE', 'DROPPED')`)
@Check('chk_collab_commitments_source', `"source" IN ('MANUAL', 'WORKSHOP_PRIORITY')`)
@Check('chk_collab_commitments_progress', `"progress" BETWEEN 0 AND 100`)
@Index('idx_collab_commitments_space', ['spaceId', 'dueDate'])
@Index('idx_collab_commitments_due', ['dueDate'], { where: `"status" IN ('PENDING', 'IN_PROGRESS')` })
export class Commitment extends BaseRecord {
  @Column({ type: 'uuid' })
  spaceId: string;

  @ManyToOne(() => CollaborationSpace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'space_id' })
  space?: CollaborationSpace;

  @Column({ type: 'varchar', length: 12 })
  kind: CommitmentKind;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'uuid' })
  responsibleOrganisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'responsible_organisation_id' })
  responsibleOrganisation?: Organisation;

  @Column({ type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ type: 'varchar', length: 12, default: 'PENDING' })
  status: CommitmentStatus;

  /** Percentage reported with the last progress note. */
  @Column({ type: 'int', default: 0 })
  progress: number;

  @Column({ type: 'varchar', length: 20, default: 'MANUAL' })
  source: CommitmentSource;

  /** Carried over from this workshop's priority-setting (workshop id and the action's label). */
  @Column({ type: 'uuid', nullable: true })
  sourceWorkshopId: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  sourceLabel: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
