import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import { CollaborationSpace } from './collaboration-space.entity';

/** A table's live session or a group's meeting: when, where (link), agenda; afterwards recording and notes (minutes). */
@Entity('collab_meetings')
@Check('chk_collab_meetings_duration', `"duration_minutes" BETWEEN 5 AND 1440`)
@Index('idx_collab_meetings_space', ['spaceId', 'startsAt'])
export class SpaceMeeting extends BaseRecord {
  @Column({ type: 'uuid' })
  spaceId: string;

  @ManyToOne(() => CollaborationSpace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'space_id' })
  space?: CollaborationSpace;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'int' })
  durationMinutes: number;

  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  /** Video call address (https). */
  @Column({ type: 'varchar', length: 2000, nullable: true })
  link: string | null;

  /** Markdown. */
  @Column({ type: 'text', default: '' })
  agenda: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  recordingUrl: string | null;

  /** Notes or minutes, Markdown. */
  @Column({ type: 'text', default: '' })
  notes: string;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;
}
