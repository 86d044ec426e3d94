// Typed operations of the organisers' "run the workshop" area (registrations, attendance, priorities,
// figures, held + certificates), against the contract in /tmp/brief6/workshops.graphql.
// Written by hand like the other features: the types mirror the selections exactly.
import { gql, type TypedDocumentNode } from '@apollo/client';

export type WorkshopStatus = 'DRAFT' | 'OPEN' | 'CLOSED' | 'HELD' | 'ARCHIVED' | 'CANCELLED';
export type RegistrationStatus = 'PENDING' | 'CONFIRMED' | 'WAITLISTED' | 'OFFERED' | 'CANCELLED' | 'REJECTED' | 'EXPIRED';
export const REGISTRATION_STATUSES: RegistrationStatus[] = ['PENDING', 'CONFIRMED', 'WAITLISTED', 'OFFERED', 'CANCELLED', 'REJECTED', 'EXPIRED'];
export type QuestionType = 'TEXT' | 'CHOICE' | 'CONSENT';
export type PollMode = 'RANK' | 'VOTE';
export type FollowUpStatus = 'OPEN' | 'DONE';

export interface LocalizedTextFields {
  __typename?: 'LocalizedText';
  locale: string;
  value: string;
}

export interface ManageQuestion {
  __typename?: 'RegistrationQuestion';
  id: string;
  position: number;
  type: QuestionType;
  prompt: string;
  options: string[];
  required: boolean;
}

export interface ManageSession {
  __typename?: 'WorkshopSession';
  id: string;
  position: number;
  title: string;
  startsAt: string;
  endsAt: string;
  checkInCode: string | null;
  checkInOpen: boolean;
}

export interface ManagePollAction {
  __typename?: 'PollAction';
  id: string;
  position: number;
  title: string;
  description: string;
  titleTranslations: LocalizedTextFields[];
  descriptionTranslations: LocalizedTextFields[];
}

export interface ManagePollResult {
  __typename?: 'PollResult';
  action: { __typename?: 'PollAction'; id: string; title: string };
  points: number;
  ballots: number;
  rank: number;
}

export interface ManagePoll {
  __typename?: 'Poll';
  mode: PollMode;
  maxVotes: number | null;
  open: boolean;
  ballots: number;
  actions: ManagePollAction[];
  results: ManagePollResult[];
}

export interface ManageBatch {
  __typename?: 'CertificateBatch';
  id: string;
  total: number;
  rendered: number;
  failed: number;
  done: boolean;
  createdAt: string;
}

export interface RunWorkshop {
  __typename?: 'Workshop';
  id: string;
  slug: string;
  title: string;
  status: WorkshopStatus;
  timeZone: string;
  startsAt: string;
  endsAt: string;
  capacity: number | null;
  seatsTaken: number;
  waitlistCount: number;
  attendanceThreshold: number;
  canManage: boolean;
  questions: ManageQuestion[];
  sessions: ManageSession[];
  poll: ManagePoll | null;
  certificateBatch: ManageBatch | null;
}

const RUN_WORKSHOP_FIELDS = gql`
  fragment RunWorkshopFields on Workshop {
    id
    slug
    title
    status
    timeZone
    startsAt
    endsAt
    capacity
    seatsTaken
    waitlistCount
    attendanceThreshold
    canManage
    questions {
      id
      position
      type
      prompt
      options
      required
    }
    sessions {
      id
      position
      title
      startsAt
      endsAt
      checkInCode
      checkInOpen
    }
    poll {
      mode
      maxVotes
      open
      ballots
      actions {
        id
        position
        title
        description
        titleTranslations {
          locale
          value
        }
        descriptionTranslations {
          locale
          value
        }
      }
      results {
        action {
          id
          title
        }
        points
        ballots
        rank
      }
    }
    certificateBatch {
      id
      total
      rendered
      failed
      done
      createdAt
    }
  }
`;

/** The workshop being run, by id (managers). */
export const RUN_WORKSHOP: TypedDocumentNode<{ workshopById: RunWorkshop | null }, { id: string }> = gql`
  query RunWorkshop($id: ID!) {
    workshopById(id: $id) {
      ...RunWorkshopFields
    }
  }
  ${RUN_WORKSHOP_FIELDS}
`;

export interface RegistrationEventFields {
  __typename?: 'RegistrationEvent';
  fromStatus: RegistrationStatus | null;
  toStatus: RegistrationStatus;
  actorName: string | null;
  note: string | null;
  createdAt: string;
}

export interface ManageRegistration {
  __typename?: 'Registration';
  id: string;
  status: RegistrationStatus;
  person: { __typename?: 'RegistrationPerson'; id: string | null; name: string; email: string };
  answers: Array<{ __typename?: 'RegistrationAnswer'; questionId: string; value: string }>;
  consentToList: boolean;
  waitlistPosition: number | null;
  offerExpiresAt: string | null;
  country: { __typename?: 'Country'; code: string; name: string } | null;
  organisationName: string | null;
  attendedSessions: number;
  attendedSessionIds: string[];
  createdAt: string;
  events: RegistrationEventFields[];
}

const MANAGE_REGISTRATION_FIELDS = gql`
  fragment ManageRegistrationFields on Registration {
    id
    status
    person {
      id
      name
      email
    }
    answers {
      questionId
      value
    }
    consentToList
    waitlistPosition
    offerExpiresAt
    country {
      code
      name
    }
    organisationName
    attendedSessions
    attendedSessionIds
    createdAt
    events {
      fromStatus
      toStatus
      actorName
      note
      createdAt
    }
  }
`;

export interface RegistrationConnection {
  __typename?: 'RegistrationConnection';
  totalCount: number;
  pageInfo: { __typename?: 'PageInfo'; hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ __typename?: 'RegistrationEdge'; cursor: string; node: ManageRegistration }>;
}

export interface RegistrationsVariables {
  workshopId: string;
  status?: RegistrationStatus | null;
  search?: string | null;
  first?: number;
  after?: string | null;
}

export const WORKSHOP_REGISTRATIONS: TypedDocumentNode<{ workshopRegistrations: RegistrationConnection }, RegistrationsVariables> = gql`
  query WorkshopRegistrations($workshopId: ID!, $status: RegistrationStatus, $search: String, $first: Int, $after: String) {
    workshopRegistrations(workshopId: $workshopId, status: $status, search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...ManageRegistrationFields
        }
      }
    }
  }
  ${MANAGE_REGISTRATION_FIELDS}
`;

export const DECIDE_REGISTRATION: TypedDocumentNode<{ decideRegistration: ManageRegistration }, { id: string; approve: boolean; note?: string | null }> = gql`
  mutation DecideRegistration($id: ID!, $approve: Boolean!, $note: String) {
    decideRegistration(id: $id, approve: $approve, note: $note) {
      ...ManageRegistrationFields
    }
  }
  ${MANAGE_REGISTRATION_FIELDS}
`;

export const MARK_ATTENDANCE: TypedDocumentNode<{ markAttendance: ManageRegistration }, { sessionId: string; registrationId: string; attended: boolean }> = gql`
  mutation MarkAttendance($sessionId: ID!, $registrationId: ID!, $attended: Boolean!) {
    markAttendance(sessionId: $sessionId, registrationId: $registrationId, attended: $attended) {
      ...ManageRegistrationFields
    }
  }
  ${MANAGE_REGISTRATION_FIELDS}
`;

export interface PollActionInput {
  title: LocalizedTextFields[];
  description?: LocalizedTextFields[] | null;
}

export const SAVE_POLL: TypedDocumentNode<{ savePoll: RunWorkshop }, { workshopId: string; mode: PollMode; maxVotes?: number | null; actions: PollActionInput[] }> = gql`
  mutation SavePoll($workshopId: ID!, $mode: PollMode!, $maxVotes: Int, $actions: [PollActionInput!]!) {
    savePoll(workshopId: $workshopId, mode: $mode, maxVotes: $maxVotes, actions: $actions) {
      ...RunWorkshopFields
    }
  }
  ${RUN_WORKSHOP_FIELDS}
`;

export const OPEN_POLL: TypedDocumentNode<{ openPoll: RunWorkshop }, { workshopId: string }> = gql`
  mutation OpenPoll($workshopId: ID!) {
    openPoll(workshopId: $workshopId) {
      ...RunWorkshopFields
    }
  }
  ${RUN_WORKSHOP_FIELDS}
`;

export const CLOSE_POLL: TypedDocumentNode<{ closePoll: RunWorkshop }, { workshopId: string }> = gql`
  mutation ClosePoll($workshopId: ID!) {
    closePoll(workshopId: $workshopId) {
      ...RunWorkshopFields
    }
  }
  ${RUN_WORKSHOP_FIELDS}
`;

export const MARK_WORKSHOP_HELD: TypedDocumentNode<{ markWorkshopHeld: RunWorkshop }, { id: string }> = gql`
  mutation MarkWorkshopHeld($id: ID!) {
    markWorkshopHeld(id: $id) {
      ...RunWorkshopFields
    }
  }
  ${RUN_WORKSHOP_FIELDS}
`;

/** Only the batch, for polling while certificates are issued. */
export const WORKSHOP_BATCH: TypedDocumentNode<{ workshopById: { __typename?: 'Workshop'; id: string; certificateBatch: ManageBatch | null } | null }, { id: string }> = gql`
  query WorkshopCertificateBatch($id: ID!) {
    workshopById(id: $id) {
      id
      certificateBatch {
        id
        total
        rendered
        failed
        done
        createdAt
      }
    }
  }
`;

export interface FollowUpFields {
  __typename?: 'FollowUp';
  id: string;
  title: string;
  owner: string | null;
  dueOn: string | null;
  status: FollowUpStatus;
  actionId: string | null;
}

const FOLLOW_UP_FIELDS = gql`
  fragment ManageFollowUpFields on FollowUp {
    id
    title
    owner
    dueOn
    status
    actionId
  }
`;

export const FOLLOW_UPS: TypedDocumentNode<{ followUps: FollowUpFields[] }, { workshopId: string }> = gql`
  query WorkshopFollowUps($workshopId: ID!) {
    followUps(workshopId: $workshopId) {
      ...ManageFollowUpFields
    }
  }
  ${FOLLOW_UP_FIELDS}
`;

export interface FollowUpInput {
  title: string;
  owner?: string | null;
  dueOn?: string | null;
  status?: FollowUpStatus | null;
  actionId?: string | null;
}

export const SAVE_FOLLOW_UP: TypedDocumentNode<{ saveFollowUp: FollowUpFields }, { workshopId: string; id?: string | null; input: FollowUpInput }> = gql`
  mutation SaveFollowUp($workshopId: ID!, $id: ID, $input: FollowUpInput!) {
    saveFollowUp(workshopId: $workshopId, id: $id, input: $input) {
      ...ManageFollowUpFields
    }
  }
  ${FOLLOW_UP_FIELDS}
`;

export const CARRY_TOP_ACTIONS: TypedDocumentNode<{ carryTopActions: FollowUpFields[] }, { workshopId: string; count: number }> = gql`
  mutation CarryTopActions($workshopId: ID!, $count: Int!) {
    carryTopActions(workshopId: $workshopId, count: $count) {
      ...ManageFollowUpFields
    }
  }
  ${FOLLOW_UP_FIELDS}
`;

export interface FigureRow {
  __typename?: 'FigureRow';
  key: string;
  label: string;
  registered: number;
  attended: number;
}

export interface WorkshopFigures {
  __typename?: 'WorkshopFigures';
  registered: number;
  attended: number;
  countries: number;
  byCountry: FigureRow[];
  byOrganisationType: FigureRow[];
  bySubRegion: FigureRow[];
}

const FIGURE_ROW = gql`
  fragment WorkshopFigureRow on FigureRow {
    key
    label
    registered
    attended
  }
`;

export const WORKSHOP_FIGURES: TypedDocumentNode<{ workshopFigures: WorkshopFigures }, { workshopId: string }> = gql`
  query WorkshopFigures($workshopId: ID!) {
    workshopFigures(workshopId: $workshopId) {
      registered
      attended
      countries
      byCountry {
        ...WorkshopFigureRow
      }
      byOrganisationType {
        ...WorkshopFigureRow
      }
      bySubRegion {
        ...WorkshopFigureRow
      }
    }
  }
  ${FIGURE_ROW}
`;

export function participantsCsvUrl(workshopId: string): string {
  return `/api/workshops/${encodeURIComponent(workshopId)}/participants.csv`;
}

export function pollCsvUrl(workshopId: string): string {
  return `/api/workshops/${encodeURIComponent(workshopId)}/poll.csv`;
}

/** The URL the session's QR code encodes: the participant's check-in page with the code filled in. */
export function checkInUrl(origin: string, slug: string, code: string): string {
  return `${origin}/workshops/${encodeURIComponent(slug)}/check-in?code=${encodeURIComponent(code)}`;
}
