// GraphQL operations of the collaboration feature (meetings): a space's sessions (working tables)
// or meetings (technical groups). Written by hand like the other features: the types mirror the
// selections exactly.
import { gql, type TypedDocumentNode } from '@apollo/client';
import { PAGE_FIELDS, type PageInfoFields } from '../../graphql/connection';

export type SpaceMeetingPeriod = 'UPCOMING' | 'PAST';

export interface SpaceMeetingFields {
  __typename?: 'SpaceMeeting';
  id: string;
  spaceId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
  timeZone: string;
  startsAtLocal: string;
  link: string | null;
  agenda: string;
  agendaHtml: string;
  recordingUrl: string | null;
  notes: string;
  notesHtml: string;
  cancelledAt: string | null;
  started: boolean;
  canEdit: boolean;
  canCancel: boolean;
  canRecordOutcome: boolean;
}

export const SPACE_MEETING_FIELDS = gql`
  fragment SpaceMeetingFields on SpaceMeeting {
    id
    spaceId
    title
    startsAt
    endsAt
    durationMinutes
    timeZone
    startsAtLocal
    link
    agenda
    agendaHtml
    recordingUrl
    notes
    notesHtml
    cancelledAt
    started
    canEdit
    canCancel
    canRecordOutcome
  }
`;

export interface SpaceMeetingsData {
  spaceMeetings: {
    __typename?: 'SpaceMeetingConnection';
    totalCount: number;
    pageInfo: PageInfoFields;
    edges: Array<{ __typename?: 'SpaceMeetingEdge'; cursor: string; node: SpaceMeetingFields }>;
  };
}
export interface SpaceMeetingsVariables {
  spaceId: string;
  period: SpaceMeetingPeriod;
  first?: number;
  after?: string | null;
}
export const SPACE_MEETINGS: TypedDocumentNode<SpaceMeetingsData, SpaceMeetingsVariables> = gql`
  query SpaceMeetings($spaceId: ID!, $period: SpaceMeetingPeriod!, $first: Int, $after: String) {
    spaceMeetings(spaceId: $spaceId, period: $period, first: $first, after: $after) {
      ${PAGE_FIELDS}
      edges {
        cursor
        node {
          ...SpaceMeetingFields
        }
      }
    }
  }
  ${SPACE_MEETING_FIELDS}
`;

export interface SpaceMeetingSchedulingData {
  spaceMeetingScheduling: { __typename?: 'SpaceMeetingScheduling'; canSchedule: boolean; timeZone: string };
}
export const SPACE_MEETING_SCHEDULING: TypedDocumentNode<SpaceMeetingSchedulingData, { spaceId: string }> = gql`
  query SpaceMeetingScheduling($spaceId: ID!) {
    spaceMeetingScheduling(spaceId: $spaceId) {
      canSchedule
      timeZone
    }
  }
`;

export interface SpaceMeetingInput {
  title: string;
  /** Wall-clock "2027-03-10T09:00" in timeZone. */
  startsAtLocal: string;
  timeZone: string;
  durationMinutes: number;
  link: string | null;
  agenda: string | null;
}

export const SCHEDULE_SPACE_MEETING: TypedDocumentNode<{ scheduleSpaceMeeting: SpaceMeetingFields }, { spaceId: string; input: SpaceMeetingInput }> = gql`
  mutation ScheduleSpaceMeeting($spaceId: ID!, $input: SpaceMeetingInput!) {
    scheduleSpaceMeeting(spaceId: $spaceId, input: $input) {
      ...SpaceMeetingFields
    }
  }
  ${SPACE_MEETING_FIELDS}
`;

export const UPDATE_SPACE_MEETING: TypedDocumentNode<{ updateSpaceMeeting: SpaceMeetingFields }, { id: string; input: SpaceMeetingInput }> = gql`
  mutation UpdateSpaceMeeting($id: ID!, $input: SpaceMeetingInput!) {
    updateSpaceMeeting(id: $id, input: $input) {
      ...SpaceMeetingFields
    }
  }
  ${SPACE_MEETING_FIELDS}
`;

export const CANCEL_SPACE_MEETING: TypedDocumentNode<{ cancelSpaceMeeting: SpaceMeetingFields }, { id: string }> = gql`
  mutation CancelSpaceMeeting($id: ID!) {
    cancelSpaceMeeting(id: $id) {
      ...SpaceMeetingFields
    }
  }
  ${SPACE_MEETING_FIELDS}
`;

export interface SpaceMeetingOutcomeInput {
  recordingUrl: string | null;
  notes: string | null;
}
export const RECORD_SPACE_MEETING_OUTCOME: TypedDocumentNode<{ recordSpaceMeetingOutcome: SpaceMeetingFields }, { id: string; input: SpaceMeetingOutcomeInput }> = gql`
  mutation RecordSpaceMeetingOutcome($id: ID!, $input: SpaceMeetingOutcomeInput!) {
    recordSpaceMeetingOutcome(id: $id, input: $input) {
      ...SpaceMeetingFields
    }
  }
  ${SPACE_MEETING_FIELDS}
`;
