import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import { User } from '@alliance/server-identity';
import { Organisation } from '@alliance/server-alliance';
import type { EvidenceLicence, EvidenceStatus, EvidenceType, EvidenceVisibility } from '../evidence.constants';

export interface EvidenceAuthorData {
  name: string;
  affiliation?: string | null;
}

/** One piece of evidence (case study, good practice, policy document...). Texts live in evidence_texts. */
@Entity('evidence_items')
@Check('chk_evidence_items_status', `"status" IN ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'PUBLISHED', 'REJECTED')`)
@Check('chk_evidence_items_type', `"type" IN ('CASE_STUDY', 'GOOD_PRACTICE', 'POLICY_DOCUMENT', 'RESEARCH', 'DATASET', 'TOOLKIT', 'VIDEO', 'OTHER')`)
@Check('chk_evidence_items_language', `"language" IN ('es', 'en', 'pt', 'fr')`)
@Check('chk_evidence_items_visibility', `"visibility" IN ('PUBLIC', 'MEMBERS')`)
@Check(
  'chk_evidence_items_licence',
  `"licence" IN ('CC_BY_4_0', 'CC_BY_SA_4_0', 'CC_BY_NC_4_0', 'CC_BY_NC_SA_4_0', 'CC_BY_ND_4_0', 'CC_BY_NC_ND_4_0', 'CC0_1_0', 'ALL_RIGHTS_RESERVED')`,
)
@Check('chk_evidence_items_downloads', `"download_count" >= 0`)
@Index('idx_evidence_items_listing', ['status', 'visibility', 'publishedAt'])
@Index('idx_evidence_items_submitter', ['submitterId'])
@Index('idx_evidence_items_year', ['year'])
@Index('idx_evidence_items_type', ['type'])
@Index('idx_evidence_items_language', ['language'])
@Index('idx_evidence_items_licence', ['licence'])
export class EvidenceItem extends BaseRecord {
  @Column({ type: 'varchar', length: 20, default: 'DRAFT' })
  status: EvidenceStatus;

  @Column({ type: 'varchar', length: 20 })
  type: EvidenceType;

  /** The original language (es, en, pt, fr); its text is marked original. */
  @Column({ type: 'varchar', length: 2 })
  language: string;

  @Column({ type: 'varchar', length: 10 })
  visibility: EvidenceVisibility;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', length: 24 })
  licence: EvidenceLicence;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  authors: EvidenceAuthorData[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  publisher: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  externalUrl: string | null;

  /** Normalised "10.xxxx/...." (no resolver prefix). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  doi: string | null;

  @Column({ type: 'uuid' })
  submitterId: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'submitter_id' })
  submitter?: User;

  @Column({ type: 'uuid', nullable: true })
  organisationId: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column({ type: 'int', default: 0 })
  downloadCount: number;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reviewed_by_id' })
  reviewedBy?: User;

  @Column({ type: 'text', nullable: true })
  lastReviewNote: string | null;
}
