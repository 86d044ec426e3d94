import { Column, Entity } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';

/** One hand-made issue of participation certificates; progress is counted from its certificates. */
@Entity('certificate_batches')
export class CertificateBatch extends BaseRecord {
  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'int' })
  total: number;

  /** The administrator who issued it (null once that account is deleted). */
  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;
}
