// GraphQL operations of the working tables (request, the parties' answers and lists, review,
// closing). Written by hand like the other features: the types mirror the selections exactly.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type { AccessLevel } from '@alliance/shared-core';
import { PAGE_FIELDS, type PageInfoFields } from '../../graphql/connection';

export type SpaceStatus = 'REQUESTED' | 'CHANGES_REQUESTED' | 'OPEN' | 'DECLINED' | 'CLOSED';
export type PartyStatus = 'PENDING' | 'CONFIRMED' | 'DECLINED';
export type PartyRole = 'REQUESTER' | 'INVITED' | 'MEMBER';
export type TableReviewDecision = 'APPROVE' | 'REQUEST_CHANGES' | 'DECLINE';

export const SPACE_STATUSES: SpaceStatus[] = ['REQUESTED', 'CHANGES_REQUESTED', 'OPEN', 'DECLINED', 'CLOSED'];
/** What the review queue holds. */
export const QUEUE_STATUSES: SpaceStatus[] = ['REQUESTED', 'CHANGES_REQUESTED'];
export const REVIEW_DECISIONS: TableReviewDecision[] = ['APPROVE', 'REQUEST_CHANGES', 'DECLINE'];

export interface TableOrganisationFields {
  __typename?: 'TableOrganisation';
  id: string;
  name: string;
  countryCode: string;
}

export interface TablePersonFields {
  __typename?: 'TablePerson';
  id: string;
  name: string;
}

/** One row of "my tables" and of the review queue. */
export interface TableRowFields {
  __typename?: 'WorkingTable';
  id: string;
  status: SpaceStatus;
  title: string;
  timeZone: string;
  firstSessionAt: string | null;
  requestedAt: string | null;
  updatedAt: string;
  requesterName: string | null;
  requestingOrganisation: TableOrganisationFields | null;
  myAccess: AccessLevel;
  parties: Array<{ __typename?: 'TableParty'; id: string; organisationName: string; role: PartyRole; status: PartyStatus }>;
}

const ROW_FIELDS = `
  id
  status
  title
  timeZone
  firstSessionAt
  requestedAt
  updatedAt
  requesterName
  requestingOrganisation {
    id
    name
    countryCode
  }
  myAccess
  parties {
    id
    organisationName
    role
    status
  }
`;

export interface TableParticipantFields {
  __typename?: 'TableParticipant';
  id: string;
  userId: string;
  name: string;
  organisationName: string;
}

export interface TablePartyFields {
  __typename?: 'TableParty';
  id: string;
  organisationId: string;
  organisationName: string;
  countryCode: string;
  role: PartyRole;
  status: PartyStatus;
  respondedAt: string | null;
  canManage: boolean;
  canAnswer: boolean;
  canEditParticipants: boolean;
  participants: TableParticipantFields[];
}

export interface TableEventFields {
  __typename?: 'TableEvent';
  id: string;
  action: string;
  note: string | null;
  actorName: string;
  organisationName: string | null;
  personName: string | null;
  count: number | null;
  at: string;
}

/** Everything the table page shows. */
export interface TableFields {
  __typename?: 'WorkingTable';
  id: string;
  kind: 'TABLE' | 'GROUP';
  status: SpaceStatus;
  title: string;
  description: string;
  descriptionHtml: string;
  agenda: string;
  agendaHtml: string;
  timeZone: string;
  firstSessionAt: string | null;
  requestedAt: string | null;
  reviewNote: string | null;
  reviewedAt: string | null;
  closedAt: string | null;
  updatedAt: string;
  requesterName: string | null;
  requestingOrganisation: TableOrganisationFields | null;
  moderator: TablePersonFields | null;
  myAccess: AccessLevel;
  organiser: boolean;
  canEdit: boolean;
  canResubmit: boolean;
  canReview: boolean;
  canClose: boolean;
  canManageParticipants: boolean;
  parties: TablePartyFields[];
  history: TableEventFields[];
}

export const TABLE_FIELDS = gql`
  fragment TableFields on WorkingTable {
    id
    kind
    status
    title
    description
    descriptionHtml
    agenda
    agendaHtml
    timeZone
    firstSessionAt
    requestedAt
    reviewNote
    reviewedAt
    closedAt
    updatedAt
    requesterName
    requestingOrganisation {
      id
      name
      countryCode
    }
    moderator {
      id
      name
    }
    myAccess
    organiser
    canEdit
    canResubmit
    canReview
    canClose
    canManageParticipants
    parties {
      id
      organisationId
      organisationName
      countryCode
      role
      status
      respondedAt
      canManage
      canAnswer
      canEditParticipants
      participants {
        id
        userId
        name
        organisationName
      }
    }
    history {
      id
      action
      note
      actorName
      organisationName
      personName
      count
      at
    }
  }
`;

export interface TableConnection {
  __typename?: 'WorkingTableConnection';
  totalCount: number;
  pageInfo: PageInfoFields;
  edges: Array<{ __typename?: 'WorkingTableEdge'; cursor: string; node: TableRowFields }>;
}

const ROW_CONNECTION_FIELDS = `
  ${PAGE_FIELDS}
  edges {
    cursor
    node {
      ${ROW_FIELDS}
    }
  }
`;

export interface MyTablesData {
  myTables: TableConnection;
  tableRequestOrganisations: Array<{ __typename?: 'TableOrganisation'; id: string }>;
}
export interface MyTablesVariables {
  first?: number;
  after?: string | null;
  status?: SpaceStatus | null;
}
/** The caller's tables and whether they may request one (they represent a member ministry). */
export const MY_TABLES: TypedDocumentNode<MyTablesData, MyTablesVariables> = gql`
  query MyTables($first: Int, $after: String, $status: SpaceStatus) {
    tableRequestOrganisations {
      id
    }
    myTables(first: $first, after: $after, status: $status) {
      ${ROW_CONNECTION_FIELDS}
    }
  }
`;

export interface TableReviewQueueData {
  tableReviewQueue: TableConnection;
}
export const TABLE_REVIEW_QUEUE: TypedDocumentNode<TableReviewQueueData, MyTablesVariables> = gql`
  query TableReviewQueue($first: Int, $after: String, $status: SpaceStatus) {
    tableReviewQueue(first: $first, after: $after, status: $status) {
      ${ROW_CONNECTION_FIELDS}
    }
  }
`;

export interface TableData {
  table: TableFields | null;
}
export const TABLE: TypedDocumentNode<TableData, { id: string }> = gql`
  query Table($id: ID!) {
    table(id: $id) {
      ...TableFields
    }
  }
  ${TABLE_FIELDS}
`;

export interface TableRequestOrganisationsData {
  tableRequestOrganisations: TableOrganisationFields[];
}
export const TABLE_REQUEST_ORGANISATIONS: TypedDocumentNode<TableRequestOrganisationsData, Record<string, never>> = gql`
  query TableRequestOrganisations {
    tableRequestOrganisations {
      id
      name
      countryCode
    }
  }
`;

export interface TableOrganisationSearchData {
  tableOrganisationSearch: TableOrganisationFields[];
}
export interface TableOrganisationSearchVariables {
  search?: string | null;
  countryCode?: string | null;
  first?: number;
}
export const TABLE_ORGANISATION_SEARCH: TypedDocumentNode<TableOrganisationSearchData, TableOrganisationSearchVariables> = gql`
  query TableOrganisationSearch($search: String, $countryCode: String, $first: Int) {
    tableOrganisationSearch(search: $search, countryCode: $countryCode, first: $first) {
      id
      name
      countryCode
    }
  }
`;

export interface CollaborationModeratorsData {
  collaborationModerators: TablePersonFields[];
}
export const COLLABORATION_MODERATORS: TypedDocumentNode<CollaborationModeratorsData, Record<string, never>> = gql`
  query CollaborationModerators {
    collaborationModerators {
      id
      name
    }
  }
`;

export interface TableDetailsInput {
  title: string;
  description: string;
  agenda: string;
  timeZone: string;
  /** ISO instant. */
  firstSessionAt: string;
}

export interface RequestTableInput extends TableDetailsInput {
  requestingOrganisationId: string;
  invitedOrganisationIds: string[];
  participantEmails: string[];
}

export const REQUEST_TABLE: TypedDocumentNode<{ requestTable: TableFields }, { input: RequestTableInput }> = gql`
  mutation RequestTable($input: RequestTableInput!) {
    requestTable(input: $input) {
      ...TableFields
    }
  }
  ${TABLE_FIELDS}
`;

export const UPDATE_TABLE_REQUEST: TypedDocumentNode<{ updateTableRequest: TableFields }, { id: string; input: TableDetailsInput }> = gql`
  mutation UpdateTableRequest($id: ID!, $input: TableDetailsInput!) {
    updateTableRequest(id: $id, input: $input) {
      ...TableFields
    }
  }
  ${TABLE_FIELDS}
`;

export const RESUBMIT_TABLE_REQUEST: TypedDocumentNode<{ resubmitTableRequest: TableFields }, { id: string; input?: TableDetailsInput | null }> = gql`
  mutation ResubmitTableRequest($id: ID!, $input: TableDetailsInput) {
    resubmitTableRequest(id: $id, input: $input) {
      ...TableFields
    }
  }
  ${TABLE_FIELDS}
`;

export const CONFIRM_TABLE_PARTY: TypedDocumentNode<{ confirmTableParty: TableFields }, { id: string; partyId: string; participantEmails: string[] }> = gql`
  mutation ConfirmTableParty($id: ID!, $partyId: ID!, $participantEmails: [String!]!) {
    confirmTableParty(id: $id, partyId: $partyId, participantEmails: $participantEmails) {
      ...TableFields
    }
  }
  ${TABLE_FIELDS}
`;

export const DECLINE_TABLE_PARTY: TypedDocumentNode<{ declineTableParty: TableFields }, { id: string; partyId: string; note?: string | null }> = gql`
  mutation DeclineTableParty($id: ID!, $partyId: ID!, $note: String) {
    declineTableParty(id: $id, partyId: $partyId, note: $note) {
      ...TableFields
    }
  }
  ${TABLE_FIELDS}
`;

export const ADD_TABLE_PARTICIPANTS: TypedDocumentNode<{ addTableParticipants: TableFields }, { id: string; partyId: string; participantEmails: string[] }> = gql`
  mutation AddTableParticipants($id: ID!, $partyId: ID!, $participantEmails: [String!]!) {
    addTableParticipants(id: $id, partyId: $partyId, participantEmails: $participantEmails) {
      ...TableFields
    }
  }
  ${TABLE_FIELDS}
`;

export const REMOVE_TABLE_PARTICIPANT: TypedDocumentNode<{ removeTableParticipant: TableFields }, { id: string; participantId: string }> = gql`
  mutation RemoveTableParticipant($id: ID!, $participantId: ID!) {
    removeTableParticipant(id: $id, participantId: $participantId) {
      ...TableFields
    }
  }
  ${TABLE_FIELDS}
`;

export interface ReviewTableInput {
  decision: TableReviewDecision;
  moderatorId?: string | null;
  note?: string | null;
}
export const REVIEW_TABLE: TypedDocumentNode<{ reviewTable: TableFields }, { id: string; input: ReviewTableInput }> = gql`
  mutation ReviewTable($id: ID!, $input: ReviewTableInput!) {
    reviewTable(id: $id, input: $input) {
      ...TableFields
    }
  }
  ${TABLE_FIELDS}
`;

export const CLOSE_TABLE: TypedDocumentNode<{ closeTable: TableFields }, { id: string; note?: string | null }> = gql`
  mutation CloseTable($id: ID!, $note: String) {
    closeTable(id: $id, note: $note) {
      ...TableFields
    }
  }
  ${TABLE_FIELDS}
`;
