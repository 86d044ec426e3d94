import { registerEnumType } from '@nestjs/graphql';
import {
  EVIDENCE_ACTIONS,
  EVIDENCE_LICENCES,
  EVIDENCE_REVIEW_DECISIONS,
  EVIDENCE_SORTS,
  EVIDENCE_STATUSES,
  EVIDENCE_TYPES,
  EVIDENCE_VISIBILITIES,
} from '../evidence.constants';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export const EvidenceTypeEnum = enumOf(EVIDENCE_TYPES);
registerEnumType(EvidenceTypeEnum, { name: 'EvidenceType' });
export const EvidenceLicenceEnum = enumOf(EVIDENCE_LICENCES);
registerEnumType(EvidenceLicenceEnum, { name: 'EvidenceLicence' });
export const EvidenceVisibilityEnum = enumOf(EVIDENCE_VISIBILITIES);
registerEnumType(EvidenceVisibilityEnum, { name: 'EvidenceVisibility' });
export const EvidenceStatusEnum = enumOf(EVIDENCE_STATUSES);
registerEnumType(EvidenceStatusEnum, { name: 'EvidenceStatus' });
export const EvidenceReviewDecisionEnum = enumOf(EVIDENCE_REVIEW_DECISIONS);
registerEnumType(EvidenceReviewDecisionEnum, { name: 'EvidenceReviewDecision' });
export const EvidenceActionEnum = enumOf(EVIDENCE_ACTIONS);
registerEnumType(EvidenceActionEnum, { name: 'EvidenceAction' });
export const EvidenceSortEnum = enumOf(EVIDENCE_SORTS);
registerEnumType(EvidenceSortEnum, { name: 'EvidenceSort' });
