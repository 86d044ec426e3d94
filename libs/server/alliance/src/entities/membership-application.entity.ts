import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import { User } from '@alliance/server-identity';
import type { ApplicationStatus, OrganisationType } from '../alliance.constants';

/**
 * An organisation's request to join. The unique indexes on the normalised name (per country) and
 * website host of OPEN applications are what stop concurrent duplicate submissions.
 */
@Entity('membership_applications')
@Check('chk_membership_applications_status', `"status" IN ('SUBMITTED', 'UNDER_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN')`)
@Index('uq_membership_applications_open_name', ['countryCode', 'nameKey'], {
  unique: true,
  where: `"status" IN ('SUBMITTED', 'UNDER_REVIEW', 'CHANGES_REQUESTED')`,
})
@Index('uq_membership_applications_open_host', ['websiteHost'], {
  unique: true,
  where: `"status" IN ('SUBMITTED', 'UNDER_REVIEW', 'CHANGES_REQUESTED') AND "website_host" IS NOT NULL`,
})
@Index('idx_membership_applications_waiting', ['status', 'submittedAt'])
@Index('idx_membership_applications_applicant', ['applicantId'])
export class MembershipApplication extends BaseRecord {
  @Column({ type: 'uuid' })
  applicantId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'applicant_id' })
  applicant?: User;

  @Column({ type: 'varchar', length: 24, default: 'SUBMITTED' })
  status: ApplicationStatus;

  @Column({ type: 'varchar', length: 200 })
  organisationName: string;

  /** nameKey(organisationName): accent-, case- and punctuation-insensitive. */
  @Column({ type: 'varchar', length: 200 })
  nameKey: string;

  @Column({ type: 'varchar', length: 32 })
  organisationType: OrganisationType;

  @Column({ type: 'char', length: 2 })
  countryCode: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  website: string | null;

  @Column({ type: 'varchar', length: 253, nullable: true })
  websiteHost: string | null;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 200 })
  applicantRole: string;

  @Column({ type: 'text' })
  motivation: string;

  @Column({ type: 'uuid', array: true, default: () => `'{}'` })
  focusAreaIds: string[];

  @Column({ type: 'int' })
  charterVersion: number;

  /** First submission; resubmissions keep it, so the age counts from the first request. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  submittedAt: Date;

  /** The organisation its approval created. */
  @Column({ type: 'uuid', nullable: true })
  organisationId: string | null;
}
