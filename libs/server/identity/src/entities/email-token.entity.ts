import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import { User } from './user.entity';

export type EmailTokenPurpose = 'verify' | 'reset';

/** A single-use link sent by e-mail (verification or password reset), stored as a hash only. */
@Entity('email_tokens')
@Index('email_tokens_user_purpose', ['userId', 'purpose'])
@Check('email_tokens_purpose_valid', `"purpose" IN ('verify', 'reset')`)
export class EmailToken extends BaseRecord {
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 10 })
  purpose: EmailTokenPurpose;

  @Index('email_tokens_token_hash_unique', { unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
