// Typed operations of the evidence bank's member and reviewer pages (issue 7's contract,
// /tmp/brief/common.md, "GraphQL contract"). Written by hand like src/graphql/operations.ts: the
// types mirror the selections exactly. Files never travel through GraphQL: see submit/upload.ts.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type { FocusAreaNames } from '../alliance/directory/operations';

export type EvidenceType = 'CASE_STUDY' | 'GOOD_PRACTICE' | 'POLICY_DOCUMENT' | 'RESEARCH' | 'DATASET' | 'TOOLKIT' | 'VIDEO' | 'OTHER';
export type EvidenceLicence = 'CC_BY_4_0' | 'CC_BY_SA_4_0' | 'CC_BY_NC_4_0' | 'CC_BY_NC_SA_4_0' | 'CC_BY_ND_4_0' | 'CC_BY_NC_ND_4_0' | 'CC0_1_0' | 'ALL_RIGHTS_RESERVED';
export type EvidenceVisibility = 'PUBLIC' | 'MEMBERS';
export type EvidenceStatus = 'DRAFT' | 'SUBMITTED' | 'CHANGES_REQUESTED' | 'PUBLISHED' | 'REJECTED';
export type EvidenceReviewDecision = 'PUBLISH' | 'REQUEST_CHANGES' | 'REJECT';
export type EvidenceAction = 'CREATED' | 'EDITED' | 'FILE_ADDED' | 'SUBMITTED' | 'CHANGES_REQUESTED' | 'PUBLISHED' | 'REJECTED';

export const EVIDENCE_TYPES: EvidenceType[] = ['CASE_STUDY', 'GOOD_PRACTICE', 'POLICY_DOCUMENT', 'RESEARCH', 'DATASET', 'TOOLKIT', 'VIDEO', 'OTHER'];
export const EVIDENCE_LICENCES: EvidenceLicence[] = ['CC_BY_4_0', 'CC_BY_SA_4_0', 'CC_BY_NC_4_0', 'CC_BY_NC_SA_4_0', 'CC_BY_ND_4_0', 'CC_BY_NC_ND_4_0', 'CC0_1_0', 'ALL_RIGHTS_RESERVED'];
export const EVIDENCE_VISIBILITIES: EvidenceVisibility[] = ['PUBLIC', 'MEMBERS'];
export const EVIDENCE_STATUSES: EvidenceStatus[] = ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'PUBLISHED', 'REJECTED'];
/** The statuses a reviewer browses (drafts are their submitters' business). */
export const REVIEW_STATUSES: EvidenceStatus[] = ['SUBMITTED', 'CHANGES_REQUESTED', 'PUBLISHED', 'REJECTED'];
export const REVIEW_DECISIONS: EvidenceReviewDecision[] = ['PUBLISH', 'REQUEST_CHANGES', 'REJECT'];

export interface EvidencePageInfo {
  __typename?: 'PageInfo';
  hasNextPage: boolean;
  endCursor: string | null;
}

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

export interface EvidenceEventFields {
  __typename?: 'EvidenceEvent';
  id: string;
  action: EvidenceAction;
  note: string | null;
  actorName: string;
  at: string;
}

/** Everything the editor, the read-only status view and the review page show of one item. */
export interface EvidenceEditingFields {
  __typename?: 'EvidenceItem';
  id: string;
  status: EvidenceStatus;
  type: EvidenceType;
  language: string;
  visibility: EvidenceVisibility;
  title: string;
  texts: EvidenceTextFields[];
  countries: Array<{ __typename?: 'Country'; code: string; name: string }>;
  focusAreas: Array<{ __typename?: 'FocusArea'; id: string; name: string; names: FocusAreaNames }>;
  year: number;
  authors: EvidenceAuthorFields[];
  publisher: string | null;
  licence: EvidenceLicence;
  externalUrl: string | null;
  doi: string | null;
  organisationId: string | null;
  organisationName: string | null;
  submitterName: string;
  currentFile: EvidenceFileFields | null;
  files: EvidenceFileFields[];
  submittedAt: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  lastReviewNote: string | null;
  canEdit: boolean;
  canSubmit: boolean;
  canReview: boolean;
  canDelete: boolean;
  history: EvidenceEventFields[];
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

export const EVIDENCE_EDITING_FIELDS = gql`
  fragment EvidenceEditingFields on EvidenceItem {
    id
    status
    type
    language
    visibility
    title
    texts {
      locale
      title
      abstract
      original
    }
    countries {
      code
      name
    }
    focusAreas {
      id
      name
      names {
        es
        en
        pt
        fr
      }
    }
    year
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
    submitterName
    currentFile {
      ${FILE_FIELDS}
    }
    files {
      ${FILE_FIELDS}
    }
    submittedAt
    publishedAt
    createdAt
    updatedAt
    lastReviewNote
    canEdit
    canSubmit
    canReview
    canDelete
    history {
      id
      action
      note
      actorName
      at
    }
  }
`;

export interface EvidenceTextInput {
  locale: string;
  title: string;
  abstract: string;
}

export interface EvidenceItemInput {
  type: EvidenceType;
  language: string;
  texts: EvidenceTextInput[];
  countryCodes: string[];
  focusAreaIds: string[];
  year: number;
  authors: Array<{ name: string; affiliation: string | null }>;
  organisationId: string | null;
  publisher: string | null;
  licence: EvidenceLicence;
  externalUrl: string | null;
  doi: string | null;
  visibility: EvidenceVisibility;
}

export interface EvidenceItemData {
  evidenceItem: EvidenceEditingFields | null;
}
export const EVIDENCE_ITEM_FOR_EDITING: TypedDocumentNode<EvidenceItemData, { id: string }> = gql`
  query EvidenceItemForEditing($id: ID!) {
    evidenceItem(id: $id) {
      ...EvidenceEditingFields
    }
  }
  ${EVIDENCE_EDITING_FIELDS}
`;

export interface EvidenceOrganisationOption {
  __typename?: 'EvidenceOrganisationOption';
  id: string;
  name: string;
  countryCode: string;
}
export interface EvidenceSubmitterData {
  canSubmitEvidence: boolean;
  evidenceOrganisationOptions: EvidenceOrganisationOption[];
}
/** Whether the caller may share evidence, and the member organisations they may share it for. */
export const EVIDENCE_SUBMITTER: TypedDocumentNode<EvidenceSubmitterData, Record<string, never>> = gql`
  query EvidenceSubmitter {
    canSubmitEvidence
    evidenceOrganisationOptions {
      id
      name
      countryCode
    }
  }
`;

/** One row of "my evidence" and of the review queue. */
export interface EvidenceRowFields {
  __typename?: 'EvidenceItem';
  id: string;
  status: EvidenceStatus;
  type: EvidenceType;
  title: string;
  language: string;
  visibility: EvidenceVisibility;
  organisationName: string | null;
  submitterName: string;
  lastReviewNote: string | null;
  submittedAt: string | null;
  publishedAt: string | null;
  updatedAt: string;
  canEdit: boolean;
}

const ROW_FIELDS = `
  id
  status
  type
  title
  language
  visibility
  organisationName
  submitterName
  lastReviewNote
  submittedAt
  publishedAt
  updatedAt
  canEdit
`;

export interface EvidenceConnection {
  __typename?: 'EvidenceItemConnection';
  totalCount: number;
  pageInfo: EvidencePageInfo;
  edges: Array<{ __typename?: 'EvidenceItemEdge'; cursor: string; node: EvidenceRowFields }>;
}

export interface MyEvidenceData {
  myEvidence: EvidenceConnection;
  canSubmitEvidence: boolean;
}
export const MY_EVIDENCE: TypedDocumentNode<MyEvidenceData, { first?: number; after?: string | null }> = gql`
  query MyEvidence($first: Int, $after: String) {
    canSubmitEvidence
    myEvidence(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ${ROW_FIELDS}
        }
      }
    }
  }
`;

export interface ReviewQueueData {
  evidenceReviewQueue: EvidenceConnection;
}
export interface ReviewQueueVariables {
  status: EvidenceStatus;
  first?: number;
  after?: string | null;
}
export const EVIDENCE_REVIEW_QUEUE: TypedDocumentNode<ReviewQueueData, ReviewQueueVariables> = gql`
  query EvidenceReviewQueue($status: EvidenceStatus, $first: Int, $after: String) {
    evidenceReviewQueue(status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ${ROW_FIELDS}
        }
      }
    }
  }
`;

export const CREATE_EVIDENCE_ITEM: TypedDocumentNode<{ createEvidenceItem: EvidenceEditingFields }, { input: EvidenceItemInput }> = gql`
  mutation CreateEvidenceItem($input: EvidenceItemInput!) {
    createEvidenceItem(input: $input) {
      ...EvidenceEditingFields
    }
  }
  ${EVIDENCE_EDITING_FIELDS}
`;

export const UPDATE_EVIDENCE_ITEM: TypedDocumentNode<{ updateEvidenceItem: EvidenceEditingFields }, { id: string; input: EvidenceItemInput }> = gql`
  mutation UpdateEvidenceItem($id: ID!, $input: EvidenceItemInput!) {
    updateEvidenceItem(id: $id, input: $input) {
      ...EvidenceEditingFields
    }
  }
  ${EVIDENCE_EDITING_FIELDS}
`;

export const SUBMIT_EVIDENCE_ITEM: TypedDocumentNode<{ submitEvidenceItem: EvidenceEditingFields }, { id: string }> = gql`
  mutation SubmitEvidenceItem($id: ID!) {
    submitEvidenceItem(id: $id) {
      ...EvidenceEditingFields
    }
  }
  ${EVIDENCE_EDITING_FIELDS}
`;

export const REVIEW_EVIDENCE_ITEM: TypedDocumentNode<
  { reviewEvidenceItem: EvidenceEditingFields },
  { id: string; decision: EvidenceReviewDecision; note: string | null }
> = gql`
  mutation ReviewEvidenceItem($id: ID!, $decision: EvidenceReviewDecision!, $note: String) {
    reviewEvidenceItem(id: $id, decision: $decision, note: $note) {
      ...EvidenceEditingFields
    }
  }
  ${EVIDENCE_EDITING_FIELDS}
`;

export const DELETE_EVIDENCE_DRAFT: TypedDocumentNode<{ deleteEvidenceDraft: boolean }, { id: string }> = gql`
  mutation DeleteEvidenceDraft($id: ID!) {
    deleteEvidenceDraft(id: $id)
  }
`;
