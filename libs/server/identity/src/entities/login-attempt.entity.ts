import { Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';

/**
 * One sign-in attempt. The rate limit counts recent failures per e-mail and per IP here, in the
 * database, so it holds across every api process. The indexes serve those window counts.
 */
@Entity('login_attempts')
@Index('login_attempts_email_created', ['email', 'createdAt'])
@Index('login_attempts_ip_created', ['ip', 'createdAt'])
export class LoginAttempt extends BaseRecord {
  /** As typed (normalised to lower case), whether or not an account has it. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 64 })
  ip: string;

  @Column({ type: 'boolean' })
  succeeded: boolean;
}
