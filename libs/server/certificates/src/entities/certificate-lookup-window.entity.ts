import { Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';

/**
 * Public verification look-ups per IP and minute, counted in PostgreSQL so every api process
 * shares the limit: one row per (ip, minute), incremented with an upsert.
 */
@Entity('certificate_lookup_windows')
@Index('uq_certificate_lookup_windows_ip_window', ['ip', 'windowStart'], { unique: true })
@Index('idx_certificate_lookup_windows_window', ['windowStart'])
export class CertificateLookupWindow extends BaseRecord {
  @Column({ type: 'varchar', length: 64 })
  ip: string;

  @Column({ type: 'timestamptz' })
  windowStart: Date;

  @Column({ type: 'int', default: 0 })
  count: number;
}
