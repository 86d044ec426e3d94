import { Column, Entity } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';

/**
 * An uploaded file (lesson document or cover image). Kept in PostgreSQL so every api process
 * behind a load balancer serves the same bytes without shared disk; sizes are capped.
 */
@Entity('learning_files')
export class LearningFile extends BaseRecord {
  @Column({ type: 'varchar', length: 200 })
  filename: string;

  @Column({ type: 'varchar', length: 100 })
  contentType: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'bytea', select: false })
  data: Buffer;

  @Column({ type: 'uuid', nullable: true })
  uploadedById: string | null;
}
