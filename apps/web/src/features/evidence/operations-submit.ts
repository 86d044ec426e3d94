// Typed operations of the evidence bank's member and reviewer pages (issue 7's contract,
// /tmp/brief/common.md, "GraphQL contract"). Written by hand like src/graphql/operations.ts: the
// types mirror the selections exactly. Files never travel through GraphQL: see submit/upload.ts.
import { gql, type TypedDocumentNode } from '@apollo/client';
import { PAGE_FIELDS, type PageInfoFields } from '../../graphql/connection';
import type { FocusAreaNames } from '../alliance/directory/operations';
import {
  EVIDENCE_CORE_FIELDS,
  EVIDENCE_DESCRIPTION_FIELDS,
  type EvidenceDescriptionFields,
  type EvidenceItemCoreFields,
  type EvidenceLicence,
  type EvidenceStatus,
  type EvidenceType,
  type EvidenceVisibility,
} from './operations-public';

// The vocabulary of an item is the public pages' own: re-exported so the member and reviewer pages
// import everything from one module.
export { EVIDENCE_LICENCES, EVIDENCE_TYPES } from './operations-public';
export type { EvidenceFileFields, EvidenceLicence, EvidenceStatus, EvidenceType, EvidenceVisibility } from './operations-public';

export type EvidenceReviewDecision = 'PUBLISH' | 'REQUEST_CHANGES' | 'REJECT';
export type EvidenceAction = 'CREATED' | 'EDITED' | 'FILE_ADDED' | 'SUBMITTED' | 'CHANGES_REQUESTED' | 'PUBLISHED' | 'REJECTED';

export const EVIDENCE_VISIBILITIES: EvidenceVisibility[] = ['PUBLIC', 'MEMBERS'];
/** The statuses a reviewer browses (drafts are their submitters' business). */
export const REVIEW_STATUSES: EvidenceStatus[] = ['SUBMITTED', 'CHANGES_REQUESTED', 'PUBLISHED', 'REJECTED'];
export const REVIEW_DECISIONS: EvidenceReviewDecision[] = ['PUBLISH', 'REQUEST_CHANGES', 'REJECT'];

export interface EvidenceEventFields {
  __typename?: 'EvidenceEvent';
  id: string;
  action: EvidenceAction;
  note: string | null;
  actorName: string;
  at: string;
}

/** Everything the editor, the read-only status view and the review page show of one item. */
export interface EvidenceEditingFields extends EvidenceItemCoreFields, EvidenceDescriptionFields {
  countries: Array<{ __typename?: 'Country'; code: string; name: string }>;
  focusAreas: Array<{ __typename?: 'FocusArea'; id: string; name: string; names: FocusAreaNames }>;
  year: number;
  submitterName: string;
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

export const EVIDENCE_EDITING_FIELDS = gql`
  fragment EvidenceEditingFields on EvidenceItem {
    ${EVIDENCE_CORE_FIELDS}
    ${EVIDENCE_DESCRIPTION_FIELDS}
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
    submitterName
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
export interface EvidenceRowFields extends EvidenceItemCoreFields {
  organisationName: string | null;
  submitterName: string;
  lastReviewNote: string | null;
  submittedAt: string | null;
  publishedAt: string | null;
  updatedAt: string;
  canEdit: boolean;
}

const ROW_FIELDS = `
  ${EVIDENCE_CORE_FIELDS}
  organisationName
  submitterName
  lastReviewNote
  submittedAt
  publishedAt
  updatedAt
  canEdit
`;

const ROW_CONNECTION_FIELDS = `
  ${PAGE_FIELDS}
  edges {
    cursor
    node {
      ${ROW_FIELDS}
    }
  }
`;

export interface EvidenceConnection {
  __typename?: 'EvidenceItemConnection';
  totalCount: number;
  pageInfo: PageInfoFields;
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
      ${ROW_CONNECTION_FIELDS}
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
      ${ROW_CONNECTION_FIELDS}
    }
  }
`;

/**
 * A mutation of one item that answers with the item as the editor and the review page show it:
 * `signature` is the operation's name and variables, `call` the field with its arguments.
 */
function editingMutation(signature: string, call: string) {
  return gql`
    mutation ${signature} {
      ${call} {
        ...EvidenceEditingFields
      }
    }
    ${EVIDENCE_EDITING_FIELDS}
  `;
}

export const CREATE_EVIDENCE_ITEM: TypedDocumentNode<{ createEvidenceItem: EvidenceEditingFields }, { input: EvidenceItemInput }> = editingMutation(
  'CreateEvidenceItem($input: EvidenceItemInput!)',
  'createEvidenceItem(input: $input)',
);

export const UPDATE_EVIDENCE_ITEM: TypedDocumentNode<{ updateEvidenceItem: EvidenceEditingFields }, { id: string; input: EvidenceItemInput }> = editingMutation(
  'UpdateEvidenceItem($id: ID!, $input: EvidenceItemInput!)',
  'updateEvidenceItem(id: $id, input: $input)',
);

export const SUBMIT_EVIDENCE_ITEM: TypedDocumentNode<{ submitEvidenceItem: EvidenceEditingFields }, { id: string }> = editingMutation(
  'SubmitEvidenceItem($id: ID!)',
  'submitEvidenceItem(id: $id)',
);

export const REVIEW_EVIDENCE_ITEM: TypedDocumentNode<
  { reviewEvidenceItem: EvidenceEditingFields },
  { id: string; decision: EvidenceReviewDecision; note: string | null }
> = editingMutation('ReviewEvidenceItem($id: ID!, $decision: EvidenceReviewDecision!, $note: String)', 'reviewEvidenceItem(id: $id, decision: $decision, note: $note)');

export const DELETE_EVIDENCE_DRAFT: TypedDocumentNode<{ deleteEvidenceDraft: boolean }, { id: string }> = gql`
  mutation DeleteEvidenceDraft($id: ID!) {
    deleteEvidenceDraft(id: $id)
  }
`;
