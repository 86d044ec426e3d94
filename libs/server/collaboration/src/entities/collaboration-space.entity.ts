import { Check, Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import type { SpaceKind, SpaceStatus } from '../collaboration.constants';

/**
 * A private space between organisations: a working table (requested, confirmed by each party,
 * reviewed by a moderator) or a technical group (created open, with rotating coordination).
 * Nothing of it is visible to anyone who is not on its lists (see access.ts).
 */
@Entity('collab_spaces')
@Check('chk_collab_spaces_kind', `"kind" IN ('TABLE', 'GROUP')`)
@Check('chk_collab_spaces_status', `"status" IN ('REQUESTED', 'CHANGES_REQUESTED', 'OPEN', 'DECLINED', 'CLOSED')`)
@Check('chk_collab_spaces_rotation', `"rotation_months" IS NULL OR "rotation_months" BETWEEN 1 AND 60`)
@Index('idx_collab_spaces_status', ['kind', 'status', 'createdAt'])
export class CollaborationSpace extends BaseRecord {
  @Column({ type: 'varchar', length: 8 })
  kind: SpaceKind;

  @Column({ type: 'varchar', length: 20 })
  status: SpaceStatus;

  /** The table's topic or the group's name. */
  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** Purpose (tables) or mandate (groups), Markdown. */
  @Column({ type: 'text', default: '' })
  description: string;

  /** The proposed agenda of a table, Markdown. */
  @Column({ type: 'text', default: '' })
  agenda: string;

  /** IANA time zone the space's dates are shown in by default. */
  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  /** Tables: the proposed first session, at least 15 days after the request. */
  @Column({ type: 'timestamptz', nullable: true })
  firstSessionAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  requestedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  requestedAt: Date | null;

  /** The moderator assigned on approval (tables) or at creation (groups). */
  @Index('idx_collab_spaces_moderator')
  @Column({ type: 'uuid', nullable: true })
  moderatorId: string | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  /** The moderator's note with the last decision (changes asked for, reason to decline). */
  @Column({ type: 'text', nullable: true })
  reviewNote: string | null;

  @Column({ type: 'uuid', nullable: true })
  closedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** Groups: how long each member country coordinates before the next takes over. */
  @Column({ type: 'int', nullable: true })
  rotationMonths: number | null;

  /** Groups: when the first coordination period started (the rotation is counted from it). */
  @Column({ type: 'date', nullable: true })
  rotationStartsOn: string | null;
}
