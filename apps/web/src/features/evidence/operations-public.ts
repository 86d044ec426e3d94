// Typed operations of the public evidence bank pages (search and item page), written by hand against
// the evidence contract (issue 7) like the other features: the types mirror the selections exactly.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type { PageInfoFields } from '../../graphql/connection';

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

/** What every view of an item shows: which item, where it stands, its kind, language and audience. */
export interface EvidenceItemCoreFields {
  __typename?: 'EvidenceItem';
  id: string;
  status: EvidenceStatus;
  type: EvidenceType;
  language: string;
  visibility: EvidenceVisibility;
  title: string;
}

/** The selection of EvidenceItemCoreFields. */
export const EVIDENCE_CORE_FIELDS = `
  id
  status
  type
  language
  visibility
  title
`;

/** An item as a search result (and as a related-item card). */
export interface EvidenceHitItemFields extends EvidenceItemCoreFields {
  displayLocale: string;
  year: number;
  countries: EvidenceCountryFields[];
  downloadCount: number;
}

const HIT_ITEM_FIELDS = `
  ${EVIDENCE_CORE_FIELDS}
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

/** What describes an item and its file, as the item page, the editor and the review page show it. */
export interface EvidenceDescriptionFields {
  texts: EvidenceTextFields[];
  authors: EvidenceAuthorFields[];
  publisher: string | null;
  licence: EvidenceLicence;
  externalUrl: string | null;
  doi: string | null;
  organisationId: string | null;
  organisationName: string | null;
  currentFile: EvidenceFileFields | null;
  files: EvidenceFileFields[];
}

/** The public item page. */
export interface EvidenceItemDetails extends EvidenceHitItemFields, EvidenceDescriptionFields {
  abstract: string;
  focusAreas: EvidenceFocusAreaFields[];
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

/** The selection of EvidenceDescriptionFields. */
export const EVIDENCE_DESCRIPTION_FIELDS = `
  texts {
    locale
    title
    abstract
    original
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
`;

export const EVIDENCE_ITEM: TypedDocumentNode<{ evidenceItem: EvidenceItemDetails | null }, { id: string }> = gql`
  query EvidenceItemPage($id: ID!) {
    evidenceItem(id: $id) {
      ${HIT_ITEM_FIELDS}
      abstract
      ${EVIDENCE_DESCRIPTION_FIELDS}
      focusAreas {
        id
        name
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
