// Typed operations of a space's commitments (tables) or deliverables and mandates (groups), their
// progress notes, the accountability summary and the carry-over of a workshop's ranked priorities
// (issue 8). Written by hand like the other features: the types mirror the selections exactly.
import { gql, type TypedDocumentNode } from '@apollo/client';
import { PAGE_FIELDS, type PageInfoFields } from '../../graphql/connection';

export type CommitmentKind = 'COMMITMENT' | 'DELIVERABLE' | 'MANDATE';
export type CommitmentStatus = 'PENDING' | 'IN_PROGRESS' | 'DONE' | 'DROPPED';
export type CommitmentSource = 'MANUAL' | 'WORKSHOP_PRIORITY';
export const COMMITMENT_STATUSES: CommitmentStatus[] = ['PENDING', 'IN_PROGRESS', 'DONE', 'DROPPED'];

export interface CommitmentUpdateFields {
  __typename?: 'CommitmentUpdate';
  id: string;
  status: CommitmentStatus;
  progress: number;
  note: string;
  authorName: string | null;
  createdAt: string;
}

export interface CommitmentFields {
  __typename?: 'Commitment';
  id: string;
  kind: CommitmentKind;
  title: string;
  description: string;
  responsibleOrganisationId: string;
  responsibleOrganisationName: string;
  responsibleCountryCode: string;
  dueDate: string | null;
  status: CommitmentStatus;
  progress: number;
  source: CommitmentSource;
  sourceWorkshopTitle: string | null;
  sourceWorkshopSlug: string | null;
  sourceLabel: string | null;
  completedAt: string | null;
  overdue: boolean;
  lastUpdate: CommitmentUpdateFields | null;
  canReport: boolean;
  canEdit: boolean;
}

const UPDATE_FIELDS = `
  id
  status
  progress
  note
  authorName
  createdAt
`;

export const COMMITMENT_FIELDS = gql`
  fragment CommitmentFields on Commitment {
    id
    kind
    title
    description
    responsibleOrganisationId
    responsibleOrganisationName
    responsibleCountryCode
    dueDate
    status
    progress
    source
    sourceWorkshopTitle
    sourceWorkshopSlug
    sourceLabel
    completedAt
    overdue
    lastUpdate {
      ${UPDATE_FIELDS}
    }
    canReport
    canEdit
  }
`;

export interface SpaceCommitmentsVariables {
  spaceId: string;
  status?: CommitmentStatus | null;
  overdue?: boolean | null;
  first?: number;
  after?: string | null;
}

export const SPACE_COMMITMENTS: TypedDocumentNode<
  {
    spaceCommitments: {
      __typename?: 'CommitmentConnection';
      totalCount: number;
      pageInfo: PageInfoFields;
      edges: Array<{ __typename?: 'CommitmentEdge'; cursor: string; node: CommitmentFields }>;
    };
  },
  SpaceCommitmentsVariables
> = gql`
  query SpaceCommitments($spaceId: ID!, $status: CommitmentStatus, $overdue: Boolean, $first: Int, $after: String) {
    spaceCommitments(spaceId: $spaceId, status: $status, overdue: $overdue, first: $first, after: $after) {
      ${PAGE_FIELDS}
      edges {
        cursor
        node {
          ...CommitmentFields
        }
      }
    }
  }
  ${COMMITMENT_FIELDS}
`;

export interface CommitmentAccountabilityFields {
  __typename?: 'CommitmentAccountability';
  spaceId: string;
  timeZone: string;
  canOrganise: boolean;
  total: number;
  overdue: number;
  counts: Array<{ __typename?: 'CommitmentStatusCount'; status: CommitmentStatus; count: number }>;
  doneShare: number | null;
  averageProgress: number | null;
  csvUrl: string;
  pdfUrl: string;
}

export const COMMITMENT_ACCOUNTABILITY: TypedDocumentNode<{ commitmentAccountability: CommitmentAccountabilityFields }, { spaceId: string }> = gql`
  query CommitmentAccountability($spaceId: ID!) {
    commitmentAccountability(spaceId: $spaceId) {
      spaceId
      timeZone
      canOrganise
      total
      overdue
      counts {
        status
        count
      }
      doneShare
      averageProgress
      csvUrl
      pdfUrl
    }
  }
`;

export const COMMITMENT_HISTORY: TypedDocumentNode<
  { commitment: { __typename?: 'Commitment'; id: string; updates: CommitmentUpdateFields[] } },
  { id: string }
> = gql`
  query CommitmentHistory($id: ID!) {
    commitment(id: $id) {
      id
      updates {
        ${UPDATE_FIELDS}
      }
    }
  }
`;

export interface CommitmentInputVariables {
  kind?: CommitmentKind | null;
  title: string;
  description?: string | null;
  responsibleOrganisationId: string;
  dueDate?: string | null;
}

export const CREATE_COMMITMENT: TypedDocumentNode<{ createCommitment: CommitmentFields }, { spaceId: string; input: CommitmentInputVariables }> = gql`
  mutation CreateCommitment($spaceId: ID!, $input: CommitmentInput!) {
    createCommitment(spaceId: $spaceId, input: $input) {
      ...CommitmentFields
    }
  }
  ${COMMITMENT_FIELDS}
`;

export const UPDATE_COMMITMENT: TypedDocumentNode<{ updateCommitment: CommitmentFields }, { id: string; input: CommitmentInputVariables }> = gql`
  mutation UpdateCommitment($id: ID!, $input: CommitmentInput!) {
    updateCommitment(id: $id, input: $input) {
      ...CommitmentFields
    }
  }
  ${COMMITMENT_FIELDS}
`;

export const ADD_COMMITMENT_PROGRESS: TypedDocumentNode<
  { addCommitmentProgress: CommitmentFields },
  { id: string; input: { status?: CommitmentStatus | null; progress?: number | null; note?: string | null } }
> = gql`
  mutation AddCommitmentProgress($id: ID!, $input: CommitmentProgressInput!) {
    addCommitmentProgress(id: $id, input: $input) {
      ...CommitmentFields
    }
  }
  ${COMMITMENT_FIELDS}
`;

export interface PriorityWorkshopFields {
  __typename?: 'PriorityWorkshop';
  id: string;
  slug: string;
  title: string;
  startsAt: string;
  pollClosed: boolean;
  ballots: number;
}

export const PRIORITY_WORKSHOPS: TypedDocumentNode<
  {
    priorityWorkshops: {
      __typename?: 'PriorityWorkshopConnection';
      totalCount: number;
      pageInfo: PageInfoFields;
      edges: Array<{ __typename?: 'PriorityWorkshopEdge'; cursor: string; node: PriorityWorkshopFields }>;
    };
  },
  { spaceId: string; search?: string | null; first?: number; after?: string | null }
> = gql`
  query PriorityWorkshops($spaceId: ID!, $search: String, $first: Int, $after: String) {
    priorityWorkshops(spaceId: $spaceId, search: $search, first: $first, after: $after) {
      ${PAGE_FIELDS}
      edges {
        cursor
        node {
          id
          slug
          title
          startsAt
          pollClosed
          ballots
        }
      }
    }
  }
`;

export interface WorkshopPriorityFields {
  __typename?: 'WorkshopPriority';
  actionId: string;
  rank: number;
  score: number;
  ballots: number;
  title: string;
  description: string;
  carried: boolean;
}

export const WORKSHOP_PRIORITIES: TypedDocumentNode<{ workshopPriorities: WorkshopPriorityFields[] }, { spaceId: string; workshopId: string }> = gql`
  query WorkshopPriorities($spaceId: ID!, $workshopId: ID!) {
    workshopPriorities(spaceId: $spaceId, workshopId: $workshopId) {
      actionId
      rank
      score
      ballots
      title
      description
      carried
    }
  }
`;

export interface CarryOverItemVariables {
  actionId: string;
  responsibleOrganisationId: string;
  dueDate?: string | null;
  kind?: CommitmentKind | null;
  title?: string | null;
}

export const CARRY_OVER_PRIORITIES: TypedDocumentNode<
  { carryOverPriorities: { __typename?: 'CarryOverResult'; created: CommitmentFields[]; skippedActionIds: string[] } },
  { spaceId: string; workshopId: string; items: CarryOverItemVariables[] }
> = gql`
  mutation CarryOverPriorities($spaceId: ID!, $workshopId: ID!, $items: [CarryOverItemInput!]!) {
    carryOverPriorities(spaceId: $spaceId, workshopId: $workshopId, items: $items) {
      created {
        ...CommitmentFields
      }
      skippedActionIds
    }
  }
  ${COMMITMENT_FIELDS}
`;

/** An export address in the page's language (a plain link does not send the app's language otherwise). */
export const exportUrl = (url: string, locale: string): string => `${url}${url.includes('?') ? '&' : '?'}lang=${encodeURIComponent(locale)}`;
