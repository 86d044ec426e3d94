// Typed operations of the public evidence bank pages (search and item page), written by hand against
// the evidence contract (issue 7) like the other features: the types mirror the selections exactly.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type { PageInfoFields } from '../learning/operations-catalogue';

export type EvidenceType = 'CASE_STUDY' | 'GOOD_PRACTICE' | 'POLICY_DOCUMENT' | 'RESEARCH' | 'DATASET' | 'TOOLKIT' | 'VIDEO' | 'OTHER';
export type EvidenceLicence =
  | 'CC_BY_4_0'
  | 'CC_BY_SA_4_0'
  | 'CC_BY_NC_4_0'
  | 'CC_BY_NC_SA_4_0'
  | 'CC_BY_ND_4_0'
  | 'CC_BY_NC_ND_4_0'
  | 'CC0_1_0'
  | 'ALL_RIGHTS_RESERVED';
export type EvidenceVisibility = 'PUBLIC' | 'MEMBERS';
export type EvidenceStatus = 'DRAFT' | 'SUBMITTED' | 'CHANGES_REQUESTED' | 'PUBLISHED' | 'REJECTED';
export type EvidenceSort = 'RELEVANCE' | 'NEWEST' | 'YEAR';

export const EVIDENCE_TYPES: EvidenceType[] = ['CASE_STUDY', 'GOOD_PRACTICE', 'POLICY_DOCUMENT', 'RESEARCH', 'DATASET', 'TOOLKIT', 'VIDEO', 'OTHER'];
export const EVIDENCE_LICENCES: EvidenceLicence[] = [
  'CC_BY_4_0',
  'CC_BY_SA_4_0',
  'CC_BY_NC_4_0',
  'CC_BY_NC_SA_4_0',
  'CC_BY_ND_4_0',
  'CC_BY_NC_ND_4_0',
  'CC0_1_0',
  'ALL_RIGHTS_RESERVED',
];
export const EVIDENCE_STATUSES: EvidenceStatus[] = ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'PUBLISHED', 'REJECTED'];
export const EVIDENCE_SORTS: EvidenceSort[] = ['RELEVANCE', 'NEWEST', 'YEAR'];
/** The languages an item (and each of its texts) can be written in. */
export const EVIDENCE_LANGUAGES = ['es', 'en', 'pt', 'fr'] as const;

export interface EvidenceCountryFields {
  __typename?: 'Country';
  code: string;
  name: string;
}
export interface EvidenceFocusAreaFields {
  __typename?: 'FocusArea';
  id: string;
  name: string;
}

export interface TextRunFields {
  __typename?: 'TextRun';
  text: string;
  highlighted: boolean;
}

export interface FacetCountFields {
  __typename?: 'FacetCount';
  value: string;
  label: string;
  count: number;
}

export interface EvidenceFacetsFields {
  __typename?: 'EvidenceFacets';
  types: FacetCountFields[];
  countries: FacetCountFields[];
  focusAreas: FacetCountFields[];
  languages: FacetCountFields[];
  years: FacetCountFields[];
  licences: FacetCountFields[];
}

/** An item as a search result (and as a related-item card). */
export interface EvidenceHitItemFields {
  __typename?: 'EvidenceItem';
  id: string;
  status: EvidenceStatus;
  type: EvidenceType;
  language: string;
  visibility: EvidenceVisibility;
  title: string;
  displayLocale: string;
  year: number;
  countries: EvidenceCountryFields[];
  downloadCount: number;
}

const HIT_ITEM_FIELDS = `
  id
  status
  type
  language
  visibility
  title
  displayLocale
  year
  countries {
    code
    name
  }
  downloadCount
`;

export interface EvidenceSearchHitFields {
  __typename?: 'EvidenceSearchHit';
  item: EvidenceHitItemFields;
  titleRuns: TextRunFields[];
  snippetRuns: TextRunFields[];
  matchedLocale: string;
}

export interface EvidenceFilterInput {
  types?: EvidenceType[];
  countryCodes?: string[];
  focusAreaIds?: string[];
  languages?: string[];
  years?: number[];
  licences?: EvidenceLicence[];
}

export interface EvidenceSearchVariables {
  query?: string;
  filters?: EvidenceFilterInput;
  sort?: EvidenceSort;
  first?: number;
  after?: string | null;
}

export interface EvidenceSearchResultFields {
  __typename?: 'EvidenceSearchResult';
  totalCount: number;
  fuzzy: boolean;
  pageInfo: PageInfoFields;
  hits: EvidenceSearchHitFields[];
  facets: EvidenceFacetsFields;
}

export interface EvidenceSearchData {
  evidenceSearch: EvidenceSearchResultFields;
}

const FACET_FIELDS = `
  value
  label
  count
`;

export const EVIDENCE_SEARCH: TypedDocumentNode<EvidenceSearchData, EvidenceSearchVariables> = gql`
  query EvidenceSearch($query: String, $filters: EvidenceFilterInput, $sort: EvidenceSort, $first: Int, $after: String) {
    evidenceSearch(query: $query, filters: $filters, sort: $sort, first: $first, after: $after) {
      totalCount
      fuzzy
      pageInfo {
        hasNextPage
        endCursor
      }
      hits {
        matchedLocale
        titleRuns {
          text
          highlighted
        }
        snippetRuns {
          text
          highlighted
        }
        item {
          ${HIT_ITEM_FIELDS}
        }
      }
      facets {
        types { ${FACET_FIELDS} }
        countries { ${FACET_FIELDS} }
        focusAreas { ${FACET_FIELDS} }
        languages { ${FACET_FIELDS} }
        years { ${FACET_FIELDS} }
        licences { ${FACET_FIELDS} }
      }
    }
  }
`;

/** Whether the signed-in person may share evidence (a role in an active member organisation, or staff). */
export const CAN_SUBMIT_EVIDENCE: TypedDocumentNode<{ canSubmitEvidence: boolean }, Record<string, never>> = gql`
  query EvidenceCanSubmit {
    canSubmitEvidence
  }
`;

export interface EvidenceTextFields {
  __typename?: 'EvidenceText';
  locale: string;
  title: string;
  abstract: string;
  original: boolean;
}
export interface EvidenceAuthorFields {
  __typename?: 'EvidenceAuthor';
  name: string;
  affiliation: string | null;
}
export interface EvidenceFileFields {
  __typename?: 'EvidenceFile';
  id: string;
  version: number;
  filename: string;
  contentType: string;
  size: number;
  uploadedAt: string;
  url: string;
}
export interface EvidenceCitationFields {
  __typename?: 'EvidenceCitation';
  apa: string;
  bibtex: string;
}
export interface EvidenceUsageFields {
  __typename?: 'EvidenceUsage';
  kind: string;
  title: string;
  path: string;
}

/** The public item page. */
export interface EvidenceItemDetails extends EvidenceHitItemFields {
  abstract: string;
  texts: EvidenceTextFields[];
  focusAreas: EvidenceFocusAreaFields[];
  authors: EvidenceAuthorFields[];
  publisher: string | null;
  licence: EvidenceLicence;
  externalUrl: string | null;
  doi: string | null;
  organisationId: string | null;
  organisationName: string | null;
  currentFile: EvidenceFileFields | null;
  files: EvidenceFileFields[];
  publishedAt: string | null;
  lastReviewNote: string | null;
  canEdit: boolean;
  canReview: boolean;
  citation: EvidenceCitationFields;
  related: EvidenceHitItemFields[];
  usedIn: EvidenceUsageFields[];
}

const FILE_FIELDS = `
  id
  version
  filename
  contentType
  size
  uploadedAt
  url
`;

export const EVIDENCE_ITEM: TypedDocumentNode<{ evidenceItem: EvidenceItemDetails | null }, { id: string }> = gql`
  query EvidenceItemPage($id: ID!) {
    evidenceItem(id: $id) {
      ${HIT_ITEM_FIELDS}
      abstract
      texts {
        locale
        title
        abstract
        original
      }
      focusAreas {
        id
        name
      }
      authors {
        name
        affiliation
      }
      publisher
      licence
      externalUrl
      doi
      organisationId
      organisationName
      currentFile {
        ${FILE_FIELDS}
      }
      files {
        ${FILE_FIELDS}
      }
      publishedAt
      lastReviewNote
      canEdit
      canReview
      citation {
        apa
        bibtex
      }
      related {
        ${HIT_ITEM_FIELDS}
      }
      usedIn {
        kind
        title
        path
      }
    }
  }
`;
