import { Check, Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import type { Locale } from '@alliance/shared-core';

/** A person with an account. Everyone without a UserRole row is a participant. */
@Entity('users')
@Check('users_email_lower_case', `"email" = lower("email")`)
@Check('users_preferred_locale_valid', `"preferred_locale" IN ('es', 'en', 'pt', 'fr')`)
export class User extends BaseRecord {
  /** Stored lower-case (checked by the database) so the unique index is case-insensitive. */
  @Index('users_email_unique', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  /** argon2id PHC string; never leaves the identity services. */
  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'char', length: 2 })
  countryCode: string;

  @Column({ type: 'varchar', length: 5, default: 'es' })
  preferredLocale: Locale;

  @Column({ type: 'timestamptz', nullable: true })
  emailVerifiedAt: Date | null;

  /** Set when the person deleted their account: the row stays (records point at it), anonymised. */
  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
