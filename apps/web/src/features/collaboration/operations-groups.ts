// GraphQL operations of the technical groups (list, group page, creation, members, participant
// lists, hand-over, closing). Written by hand like the other features: the types mirror the
// selections exactly.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type { AccessLevel } from '@alliance/shared-core';
import { PAGE_FIELDS, type PageInfoFields } from '../../graphql/connection';

export type GroupStatus = 'REQUESTED' | 'CHANGES_REQUESTED' | 'OPEN' | 'DECLINED' | 'CLOSED';

export interface GroupCoordinationFields {
  __typename?: 'TechnicalGroupCoordination';
  id: string | null;
  partyId: string;
  organisationName: string;
  countryCode: string;
  stillMember: boolean;
  /** Calendar days (YYYY-MM-DD); endsOn is exclusive, lastDay inclusive. */
  startsOn: string;
  endsOn: string;
  lastDay: string;
}

const COORDINATION_FIELDS = `
  id
  partyId
  organisationName
  countryCode
  stillMember
  startsOn
  endsOn
  lastDay
`;

/** One row of "my technical groups". */
export interface GroupRowFields {
  __typename?: 'TechnicalGroup';
  id: string;
  title: string;
  status: GroupStatus;
  myAccess: AccessLevel;
  members: Array<{ __typename?: 'TechnicalGroupMember'; partyId: string; organisationName: string; countryCode: string }>;
  currentCoordination: GroupCoordinationFields | null;
}

export interface GroupParticipantFields {
  __typename?: 'TechnicalGroupParticipant';
  id: string;
  userId: string;
  name: string;
}

export interface GroupMemberFields {
  __typename?: 'TechnicalGroupMember';
  partyId: string;
  organisationId: string;
  organisationName: string;
  countryCode: string;
  rotationOrder: number;
  canManage: boolean;
  participants: GroupParticipantFields[];
}

export interface GroupEventFields {
  __typename?: 'TechnicalGroupEvent';
  id: string;
  action: string;
  at: string;
  actorName: string | null;
  note: string | null;
  organisationName: string | null;
  personName: string | null;
  toOrganisationName: string | null;
}

/** Everything the group page shows. */
export interface GroupFields {
  __typename?: 'TechnicalGroup';
  id: string;
  title: string;
  description: string;
  descriptionHtml: string;
  status: GroupStatus;
  timeZone: string;
  rotationMonths: number;
  rotationStartsOn: string;
  createdAt: string;
  closedAt: string | null;
  myAccess: AccessLevel;
  organiser: boolean;
  canManage: boolean;
  moderator: { __typename?: 'TechnicalGroupPerson'; id: string; name: string } | null;
  members: GroupMemberFields[];
  currentCoordination: GroupCoordinationFields | null;
  pastCoordinations: GroupCoordinationFields[];
  nextCoordination: GroupCoordinationFields | null;
  history: GroupEventFields[];
}

const GROUP_FIELDS = gql`
  fragment TechnicalGroupFields on TechnicalGroup {
    id
    title
    description
    descriptionHtml
    status
    timeZone
    rotationMonths
    rotationStartsOn
    createdAt
    closedAt
    myAccess
    organiser
    canManage
    moderator {
      id
      name
    }
    members {
      partyId
      organisationId
      organisationName
      countryCode
      rotationOrder
      canManage
      participants {
        id
        userId
        name
      }
    }
    currentCoordination {
      ${COORDINATION_FIELDS}
    }
    pastCoordinations {
      ${COORDINATION_FIELDS}
    }
    nextCoordination {
      ${COORDINATION_FIELDS}
    }
    history {
      id
      action
      at
      actorName
      note
      organisationName
      personName
      toOrganisationName
    }
  }
`;

export interface MyTechnicalGroupsData {
  myTechnicalGroups: {
    __typename?: 'TechnicalGroupConnection';
    totalCount: number;
    pageInfo: PageInfoFields;
    edges: Array<{ __typename?: 'TechnicalGroupEdge'; cursor: string; node: GroupRowFields }>;
  };
}
export interface MyTechnicalGroupsVariables {
  first?: number;
  after?: string | null;
}
export const MY_TECHNICAL_GROUPS: TypedDocumentNode<MyTechnicalGroupsData, MyTechnicalGroupsVariables> = gql`
  query MyTechnicalGroups($first: Int, $after: String) {
    myTechnicalGroups(first: $first, after: $after) {
      ${PAGE_FIELDS}
      edges {
        cursor
        node {
          id
          title
          status
          myAccess
          members {
            partyId
            organisationName
            countryCode
          }
          currentCoordination {
            ${COORDINATION_FIELDS}
          }
        }
      }
    }
  }
`;

export const TECHNICAL_GROUP: TypedDocumentNode<{ technicalGroup: GroupFields | null }, { id: string }> = gql`
  query TechnicalGroup($id: ID!) {
    technicalGroup(id: $id) {
      ...TechnicalGroupFields
    }
  }
  ${GROUP_FIELDS}
`;

// The organisation search and the moderators list are the working tables' queries (the same
// people, moderators and administrators, pick from the same active member organisations).
export interface GroupOrganisationOption {
  __typename?: 'TableOrganisation';
  id: string;
  name: string;
  countryCode: string;
}
export const GROUP_ORGANISATION_SEARCH: TypedDocumentNode<{ tableOrganisationSearch: GroupOrganisationOption[] }, { search?: string | null; first?: number }> = gql`
  query GroupOrganisationSearch($search: String, $first: Int) {
    tableOrganisationSearch(search: $search, first: $first) {
      id
      name
      countryCode
    }
  }
`;

export const GROUP_MODERATOR_OPTIONS: TypedDocumentNode<{ collaborationModerators: Array<{ __typename?: 'TablePerson'; id: string; name: string }> }, Record<string, never>> = gql`
  query GroupModeratorOptions {
    collaborationModerators {
      id
      name
    }
  }
`;

export interface TechnicalGroupMemberInput {
  organisationId: string;
  participantEmails: string[];
}
export interface CreateTechnicalGroupInput {
  title: string;
  description: string;
  timeZone: string;
  rotationMonths: number;
  rotationStartsOn: string;
  moderatorId: string | null;
  members: TechnicalGroupMemberInput[];
}
export const CREATE_TECHNICAL_GROUP: TypedDocumentNode<{ createTechnicalGroup: GroupFields }, { input: CreateTechnicalGroupInput }> = gql`
  mutation CreateTechnicalGroup($input: CreateTechnicalGroupInput!) {
    createTechnicalGroup(input: $input) {
      ...TechnicalGroupFields
    }
  }
  ${GROUP_FIELDS}
`;

export const ADD_TECHNICAL_GROUP_MEMBER: TypedDocumentNode<{ addTechnicalGroupMember: GroupFields }, { groupId: string; member: TechnicalGroupMemberInput }> = gql`
  mutation AddTechnicalGroupMember($groupId: ID!, $member: TechnicalGroupMemberInput!) {
    addTechnicalGroupMember(groupId: $groupId, member: $member) {
      ...TechnicalGroupFields
    }
  }
  ${GROUP_FIELDS}
`;

export const REMOVE_TECHNICAL_GROUP_MEMBER: TypedDocumentNode<{ removeTechnicalGroupMember: GroupFields }, { groupId: string; partyId: string }> = gql`
  mutation RemoveTechnicalGroupMember($groupId: ID!, $partyId: ID!) {
    removeTechnicalGroupMember(groupId: $groupId, partyId: $partyId) {
      ...TechnicalGroupFields
    }
  }
  ${GROUP_FIELDS}
`;

export const ADD_TECHNICAL_GROUP_PARTICIPANTS: TypedDocumentNode<{ addTechnicalGroupParticipants: GroupFields }, { groupId: string; partyId: string; emails: string[] }> = gql`
  mutation AddTechnicalGroupParticipants($groupId: ID!, $partyId: ID!, $emails: [String!]!) {
    addTechnicalGroupParticipants(groupId: $groupId, partyId: $partyId, emails: $emails) {
      ...TechnicalGroupFields
    }
  }
  ${GROUP_FIELDS}
`;

export const REMOVE_TECHNICAL_GROUP_PARTICIPANT: TypedDocumentNode<{ removeTechnicalGroupParticipant: GroupFields }, { groupId: string; participantId: string }> = gql`
  mutation RemoveTechnicalGroupParticipant($groupId: ID!, $participantId: ID!) {
    removeTechnicalGroupParticipant(groupId: $groupId, participantId: $participantId) {
      ...TechnicalGroupFields
    }
  }
  ${GROUP_FIELDS}
`;

export const HAND_OVER_TECHNICAL_GROUP_COORDINATION: TypedDocumentNode<{ handOverTechnicalGroupCoordination: GroupFields }, { groupId: string }> = gql`
  mutation HandOverTechnicalGroupCoordination($groupId: ID!) {
    handOverTechnicalGroupCoordination(groupId: $groupId) {
      ...TechnicalGroupFields
    }
  }
  ${GROUP_FIELDS}
`;

export const CLOSE_TECHNICAL_GROUP: TypedDocumentNode<{ closeTechnicalGroup: GroupFields }, { groupId: string }> = gql`
  mutation CloseTechnicalGroup($groupId: ID!) {
    closeTechnicalGroup(groupId: $groupId) {
      ...TechnicalGroupFields
    }
  }
  ${GROUP_FIELDS}
`;
