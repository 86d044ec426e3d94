import { Check, Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import type { OrganisationType } from '../alliance.constants';

/** A member organisation, created by the approval of its application (one per application). */
@Entity('organisations')
@Check('chk_organisations_type', `"type" IN ('MINISTRY_OF_EDUCATION', 'OTHER_PUBLIC_BODY', 'NGO', 'NETWORK', 'UNIVERSITY_RESEARCH', 'INTERNATIONAL_ORGANISATION', 'PRIVATE_SECTOR', 'OTHER')`)
@Index('idx_organisations_name_key', ['countryCode', 'nameKey'])
@Index('idx_organisations_website_host', ['websiteHost'])
export class Organisation extends BaseRecord {
  @Index('uq_organisations_slug', { unique: true })
  @Column({ type: 'varchar', length: 100 })
  slug: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** nameKey(name): the directory searches it with ILIKE, the duplicate guard compares it. */
  @Column({ type: 'varchar', length: 200 })
  nameKey: string;

  @Column({ type: 'varchar', length: 32 })
  type: OrganisationType;

  @Column({ type: 'char', length: 2 })
  countryCode: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  website: string | null;

  @Column({ type: 'varchar', length: 253, nullable: true })
  websiteHost: string | null;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'uuid', array: true, default: () => `'{}'` })
  focusAreaIds: string[];

  /** Unique: concurrent approvals of one application cannot create two organisations. */
  @Index('uq_organisations_application', { unique: true, where: '"application_id" IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true })
  applicationId: string | null;
}
