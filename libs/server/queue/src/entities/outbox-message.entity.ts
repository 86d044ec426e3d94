import { Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';

/**
 * A job written in the same transaction as its cause, so the job exists if and only if the cause
 * committed. Its id is the BullMQ job id. The relay hands it to the queue (relayedAt); the job
 * wrapper marks completedAt or, after the last attempt, failedAt.
 */
@Entity('outbox_message')
// The relay scans unrelayed rows oldest first.
@Index('idx_outbox_message_unrelayed', ['createdAt'], { where: 'relayed_at IS NULL' })
// The recovery sweep scans relayed rows that are still open.
@Index('idx_outbox_message_open', ['relayedAt'], { where: 'relayed_at IS NOT NULL AND completed_at IS NULL AND failed_at IS NULL' })
export class OutboxMessage extends BaseRecord {
  @Column({ type: 'varchar', length: 64 })
  queue: string;

  @Column({ type: 'varchar', length: 128 })
  jobName: string;

  /** Only ids: `{ id }` of the domain row the job works on. */
  @Column({ type: 'jsonb' })
  payload: { id: string };

  /** Not before this moment (delayed jobs). */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  availableAt: Date;

  /** Last time the row was handed to the queue (or confirmed to be there by the sweep). */
  @Column({ type: 'timestamptz', nullable: true })
  relayedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  failedAt: Date | null;

  /** Failed runs so far. */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;
}
