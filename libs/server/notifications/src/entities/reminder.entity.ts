import { Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';

/**
 * A notification to send later, under a caller-chosen key (e.g. 'workshop:<id>:24h'). Rescheduling
 * rewrites the row and points it at a new delayed job; an older job that still fires finds that
 * `outboxId` is no longer its own and does nothing. Cancelling deletes the row.
 */
@Entity('reminder')
export class Reminder extends BaseRecord {
  @Index('uq_reminder_key', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  key: string;

  @Column({ type: 'timestamptz' })
  runAt: Date;

  @Column({ type: 'uuid', array: true })
  userIds: string[];

  @Column({ type: 'varchar', length: 64 })
  type: string;

  @Column({ type: 'jsonb' })
  data: Record<string, string | number>;

  @Column({ type: 'varchar', length: 500, nullable: true })
  link: string | null;

  /** The outbox row (= job id) of the one job allowed to fire this reminder. */
  @Column({ type: 'uuid' })
  outboxId: string;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'timestamptz', nullable: true })
  firedAt: Date | null;
}
