// Typed operations of the participant side of the workshops domain (registration, poll, participants,
// check-in, my workshops), against the contract in /tmp/brief6/workshops.graphql. Written by hand like
// the other features: the types mirror the selections exactly.
import { gql, type TypedDocumentNode } from '@apollo/client';

export type WorkshopStatus = 'DRAFT' | 'OPEN' | 'CLOSED' | 'HELD' | 'ARCHIVED' | 'CANCELLED';
export type WorkshopAudience = 'OPEN' | 'MEMBERS' | 'INVITED';
export type WorkshopMode = 'VIRTUAL' | 'IN_PERSON' | 'HYBRID';
export type QuestionType = 'TEXT' | 'CHOICE' | 'CONSENT';
export type RegistrationStatus = 'PENDING' | 'CONFIRMED' | 'WAITLISTED' | 'OFFERED' | 'CANCELLED' | 'REJECTED' | 'EXPIRED';
export const REGISTRATION_STATUSES: RegistrationStatus[] = ['PENDING', 'CONFIRMED', 'WAITLISTED', 'OFFERED', 'CANCELLED', 'REJECTED', 'EXPIRED'];
/** Registrations the person can still cancel. */
export const CANCELLABLE: RegistrationStatus[] = ['PENDING', 'CONFIRMED', 'WAITLISTED', 'OFFERED'];
/** Registrations that have ended; the person may register again while registration is open. */
export const ENDED: RegistrationStatus[] = ['CANCELLED', 'REJECTED', 'EXPIRED'];
export type PollMode = 'RANK' | 'VOTE';

export interface ParticipantCertificate {
  __typename?: 'Certificate';
  id: string;
  code: string;
  renderStatus: 'PENDING' | 'RENDERED' | 'FAILED';
  pdfUrl: string | null;
}

export interface MyRegistrationFields {
  __typename?: 'Registration';
  id: string;
  status: RegistrationStatus;
  waitlistPosition: number | null;
  offerExpiresAt: string | null;
  consentToList: boolean;
  attendedSessions: number;
  answers: Array<{ __typename?: 'RegistrationAnswer'; questionId: string; value: string }>;
  certificate: ParticipantCertificate | null;
}

const MY_REGISTRATION_FIELDS = gql`
  fragment ParticipantRegistrationFields on Registration {
    id
    status
    waitlistPosition
    offerExpiresAt
    consentToList
    attendedSessions
    answers {
      questionId
      value
    }
    certificate {
      id
      code
      renderStatus
      pdfUrl
    }
  }
`;

export interface RegistrationQuestionFields {
  __typename?: 'RegistrationQuestion';
  id: string;
  position: number;
  type: QuestionType;
  prompt: string;
  options: string[];
  required: boolean;
}

export interface SessionTimes {
  __typename?: 'WorkshopSession';
  id: string;
  position: number;
  title: string;
  startsAt: string;
  endsAt: string;
}

export interface RegistrationPanelWorkshop {
  __typename?: 'Workshop';
  id: string;
  slug: string;
  title: string;
  status: WorkshopStatus;
  audience: WorkshopAudience;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  capacity: number | null;
  seatsLeft: number | null;
  waitlistCount: number;
  registrationOpen: boolean;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  approvalRequired: boolean;
  meetingUrl: string | null;
  calendarUrl: string;
  canManage: boolean;
  questions: RegistrationQuestionFields[];
  sessions: SessionTimes[];
  myRegistration: MyRegistrationFields | null;
}

export const REGISTRATION_PANEL_WORKSHOP: TypedDocumentNode<{ workshop: RegistrationPanelWorkshop | null }, { slug: string }> = gql`
  query RegistrationPanelWorkshop($slug: String!) {
    workshop(slug: $slug) {
      id
      slug
      title
      status
      audience
      startsAt
      endsAt
      timeZone
      capacity
      seatsLeft
      waitlistCount
      registrationOpen
      registrationOpensAt
      registrationClosesAt
      approvalRequired
      meetingUrl
      calendarUrl
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
      }
      myRegistration {
        ...ParticipantRegistrationFields
      }
    }
  }
  ${MY_REGISTRATION_FIELDS}
`;

export interface RegistrationAnswerInput {
  questionId: string;
  value: string;
}

export const REGISTER_FOR_WORKSHOP: TypedDocumentNode<
  { registerForWorkshop: MyRegistrationFields },
  { workshopId: string; answers: RegistrationAnswerInput[]; consentToList: boolean }
> = gql`
  mutation RegisterForWorkshop($workshopId: ID!, $answers: [RegistrationAnswerInput!]!, $consentToList: Boolean!) {
    registerForWorkshop(workshopId: $workshopId, answers: $answers, consentToList: $consentToList) {
      ...ParticipantRegistrationFields
    }
  }
  ${MY_REGISTRATION_FIELDS}
`;

export const CANCEL_REGISTRATION: TypedDocumentNode<{ cancelRegistration: MyRegistrationFields }, { id: string }> = gql`
  mutation CancelRegistration($id: ID!) {
    cancelRegistration(id: $id) {
      ...ParticipantRegistrationFields
    }
  }
  ${MY_REGISTRATION_FIELDS}
`;

export const ACCEPT_SEAT_OFFER: TypedDocumentNode<{ acceptSeatOffer: MyRegistrationFields }, { id: string }> = gql`
  mutation AcceptSeatOffer($id: ID!) {
    acceptSeatOffer(id: $id) {
      ...ParticipantRegistrationFields
    }
  }
  ${MY_REGISTRATION_FIELDS}
`;

// Poll -------------------------------------------------------------------------------------------

export interface PollActionFields {
  __typename?: 'PollAction';
  id: string;
  position: number;
  title: string;
  description: string;
}

export interface PollResultFields {
  __typename?: 'PollResult';
  action: { __typename?: 'PollAction'; id: string; title: string };
  points: number;
  ballots: number;
  rank: number;
}

export interface PollFields {
  __typename?: 'Poll';
  mode: PollMode;
  maxVotes: number | null;
  open: boolean;
  ballots: number;
  myBallot: string[] | null;
  actions: PollActionFields[];
  results: PollResultFields[];
}

const POLL_FIELDS = gql`
  fragment ParticipantPollFields on Poll {
    mode
    maxVotes
    open
    ballots
    myBallot
    actions {
      id
      position
      title
      description
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
`;

export interface PollPanelWorkshop {
  __typename?: 'Workshop';
  id: string;
  slug: string;
  status: WorkshopStatus;
  canManage: boolean;
  myRegistration: { __typename?: 'Registration'; id: string; status: RegistrationStatus } | null;
  poll: PollFields | null;
}

export const POLL_PANEL_WORKSHOP: TypedDocumentNode<{ workshop: PollPanelWorkshop | null }, { slug: string }> = gql`
  query PollPanelWorkshop($slug: String!) {
    workshop(slug: $slug) {
      id
      slug
      status
      canManage
      myRegistration {
        id
        status
      }
      poll {
        ...ParticipantPollFields
      }
    }
  }
  ${POLL_FIELDS}
`;

export const SUBMIT_BALLOT: TypedDocumentNode<{ submitBallot: PollFields }, { workshopId: string; actionIds: string[] }> = gql`
  mutation SubmitBallot($workshopId: ID!, $actionIds: [ID!]!) {
    submitBallot(workshopId: $workshopId, actionIds: $actionIds) {
      ...ParticipantPollFields
    }
  }
  ${POLL_FIELDS}
`;

// Participants -----------------------------------------------------------------------------------

export interface ParticipantFields {
  __typename?: 'Participant';
  name: string;
  country: { __typename?: 'Country'; code: string; name: string } | null;
  organisationName: string | null;
}

export interface ParticipantsWorkshop {
  __typename?: 'Workshop';
  id: string;
  canManage: boolean;
  myRegistration: { __typename?: 'Registration'; id: string; status: RegistrationStatus } | null;
  participants: ParticipantFields[];
}

export const WORKSHOP_PARTICIPANTS: TypedDocumentNode<{ workshop: ParticipantsWorkshop | null }, { slug: string }> = gql`
  query WorkshopParticipants($slug: String!) {
    workshop(slug: $slug) {
      id
      canManage
      myRegistration {
        id
        status
      }
      participants {
        name
        country {
          code
          name
        }
        organisationName
      }
    }
  }
`;

// Check-in ---------------------------------------------------------------------------------------

export interface CheckInSession extends SessionTimes {
  checkInOpen: boolean;
  attendedByMe: boolean;
}

export interface CheckInWorkshop {
  __typename?: 'Workshop';
  id: string;
  slug: string;
  title: string;
  timeZone: string;
  myRegistration: { __typename?: 'Registration'; id: string; status: RegistrationStatus } | null;
  sessions: CheckInSession[];
}

export const CHECK_IN_WORKSHOP: TypedDocumentNode<{ workshop: CheckInWorkshop | null }, { slug: string }> = gql`
  query CheckInWorkshop($slug: String!) {
    workshop(slug: $slug) {
      id
      slug
      title
      timeZone
      myRegistration {
        id
        status
      }
      sessions {
        id
        position
        title
        startsAt
        endsAt
        checkInOpen
        attendedByMe
      }
    }
  }
`;

export const CHECK_IN: TypedDocumentNode<{ checkIn: { __typename?: 'Registration'; id: string; status: RegistrationStatus; attendedSessions: number } }, { sessionId: string; code: string }> = gql`
  mutation CheckIn($sessionId: ID!, $code: String!) {
    checkIn(sessionId: $sessionId, code: $code) {
      id
      status
      attendedSessions
    }
  }
`;

// My workshops -----------------------------------------------------------------------------------

export interface MyWorkshopRegistration extends MyRegistrationFields {
  workshop: {
    __typename?: 'Workshop';
    id: string;
    slug: string;
    title: string;
    mode: WorkshopMode;
    status: WorkshopStatus;
    startsAt: string;
    endsAt: string;
    timeZone: string;
    venue: string | null;
    meetingUrl: string | null;
    calendarUrl: string;
  };
}

export const MY_REGISTRATIONS: TypedDocumentNode<{ myRegistrations: MyWorkshopRegistration[] }, Record<string, never>> = gql`
  query MyWorkshopRegistrations {
    myRegistrations {
      ...ParticipantRegistrationFields
      workshop {
        id
        slug
        title
        mode
        status
        startsAt
        endsAt
        timeZone
        venue
        meetingUrl
        calendarUrl
      }
    }
  }
  ${MY_REGISTRATION_FIELDS}
`;
