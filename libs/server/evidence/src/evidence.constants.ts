import type { Locale } from '@alliance/shared-core';

export const EVIDENCE_TYPES = ['CASE_STUDY', 'GOOD_PRACTICE', 'POLICY_DOCUMENT', 'RESEARCH', 'DATASET', 'TOOLKIT', 'VIDEO', 'OTHER'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

export const EVIDENCE_LICENCES = [
  'CC_BY_4_0',
  'CC_BY_SA_4_0',
  'CC_BY_NC_4_0',
  'CC_BY_NC_SA_4_0',
  'CC_BY_ND_4_0',
  'CC_BY_NC_ND_4_0',
  'CC0_1_0',
  'ALL_RIGHTS_RESERVED',
] as const;
export type EvidenceLicence = (typeof EVIDENCE_LICENCES)[number];

export const EVIDENCE_VISIBILITIES = ['PUBLIC', 'MEMBERS'] as const;
export type EvidenceVisibility = (typeof EVIDENCE_VISIBILITIES)[number];

/** DRAFT -> SUBMITTED -> PUBLISHED | CHANGES_REQUESTED (-> SUBMITTED again) | REJECTED (final). */
export const EVIDENCE_STATUSES = ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'PUBLISHED', 'REJECTED'] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];

/** Statuses in which the submitter may still edit the item (published edits are recorded as EDITED). */
export const EVIDENCE_EDITABLE_STATUSES: readonly EvidenceStatus[] = ['DRAFT', 'CHANGES_REQUESTED', 'PUBLISHED'];
/** Statuses from which the submitter may (re)submit. */
export const EVIDENCE_SUBMITTABLE_STATUSES: readonly EvidenceStatus[] = ['DRAFT', 'CHANGES_REQUESTED'];

export const EVIDENCE_ACTIONS = ['CREATED', 'EDITED', 'FILE_ADDED', 'SUBMITTED', 'CHANGES_REQUESTED', 'PUBLISHED', 'REJECTED'] as const;
export type EvidenceAction = (typeof EVIDENCE_ACTIONS)[number];

export const EVIDENCE_REVIEW_DECISIONS = ['PUBLISH', 'REQUEST_CHANGES', 'REJECT'] as const;
export type EvidenceReviewDecision = (typeof EVIDENCE_REVIEW_DECISIONS)[number];

export const EVIDENCE_SORTS = ['RELEVANCE', 'NEWEST', 'YEAR'] as const;
export type EvidenceSort = (typeof EVIDENCE_SORTS)[number];

/** The status a review decision leads to, and the history action it writes. */
export const DECISION_STATUS: Record<EvidenceReviewDecision, EvidenceStatus & EvidenceAction> = {
  PUBLISH: 'PUBLISHED',
  REQUEST_CHANGES: 'CHANGES_REQUESTED',
  REJECT: 'REJECTED',
};

/** PostgreSQL text search configuration (stemming) of each portal language. */
export const TEXT_SEARCH_CONFIG: Record<Locale, string> = { es: 'spanish', en: 'english', pt: 'portuguese', fr: 'french' };
/** Configuration without stemming that folds accents (created by the EvidenceBank migration). */
export const UNACCENT_CONFIG = 'alliance_unaccent';

export const EVIDENCE_LIMITS = {
  titleMin: 3,
  titleMax: 300,
  abstractMin: 20,
  abstractMax: 5_000,
  textsMax: 4,
  countriesMax: 33,
  focusAreasMax: 10,
  yearMin: 1950,
  authorsMin: 1,
  authorsMax: 30,
  authorNameMin: 2,
  authorNameMax: 200,
  affiliationMax: 200,
  publisherMax: 200,
  urlMax: 2_000,
  doiMax: 300,
  noteMax: 2_000,
  filenameMax: 200,
  pageSizeMax: 50,
  relatedMax: 4,
  /** Default upload limit (EVIDENCE_UPLOAD_MAX_BYTES overrides it). */
  uploadBytesMax: 52_428_800,
} as const;

/** The latest year an item may carry: publications announced for next year are accepted. */
export const evidenceYearMax = (now: Date = new Date()): number => now.getUTCFullYear() + 1;

/** "10.xxxx/...." after stripping a resolver prefix; matched by the input schema. */
export const DOI_PATTERN = /^10\.\d{4,9}\/\S+$/;

/** Where a file is downloaded from (served by the files controller). */
export const evidenceFileUrl = (fileId: string): string => `/api/evidence/files/${fileId}`;
