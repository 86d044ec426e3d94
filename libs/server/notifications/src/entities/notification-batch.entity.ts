import { Column, Entity } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';

/** What notify() writes in the caller's transaction: one row, whatever the number of recipients. */
@Entity('notification_batch')
export class NotificationBatch extends BaseRecord {
  @Column({ type: 'varchar', length: 64 })
  type: string;

  @Column({ type: 'jsonb' })
  data: Record<string, string | number>;

  @Column({ type: 'varchar', length: 500, nullable: true })
  link: string | null;

  @Column({ type: 'uuid', array: true })
  recipients: string[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  dedupeKey: string | null;

  /** Set when the fan-out has written every chunk. */
  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
