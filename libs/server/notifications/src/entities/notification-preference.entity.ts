import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import { User } from '@alliance/server-identity';
import type { EmailFrequency } from '@alliance/shared-core';

/** A person's choice for one type; without a row the type's defaults apply. */
@Entity('notification_preference')
@Index('uq_notification_preference_user_type', ['userId', 'type'], { unique: true })
@Check('chk_notification_preference_email', `email IN ('immediately', 'daily', 'weekly', 'off')`)
export class NotificationPreference extends BaseRecord {
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 64 })
  type: string;

  @Column({ type: 'boolean' })
  inApp: boolean;

  @Column({ type: 'varchar', length: 16 })
  email: EmailFrequency;
}
