import { Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';

/**
 * A random HMAC secret shared by every api and worker process through the database (they may not
 * share a data directory), created on first use.
 */
@Entity('signing_secret')
export class SigningSecret extends BaseRecord {
  @Index('uq_signing_secret_name', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  name: string;

  /** base64url of 32 random bytes. */
  @Column({ type: 'text' })
  secret: string;
}
