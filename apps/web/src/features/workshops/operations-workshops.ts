// Typed operations of the public workshop pages and the organisers' workshop editor (the workshops
// contract, /tmp/brief6/workshops.graphql, as the API implements it in apps/api/schema.gql).
// Written by hand like src/graphql/operations.ts: the types mirror the selections exactly.
import { gql, type TypedDocumentNode } from '@apollo/client';
import { PAGE_FIELDS, type PageInfoFields } from '../../graphql/connection';
import type { LearningFocusArea, LocalizedTextFields, SignatoryFields } from '../learning/operations-catalogue';
import type { LocalizedTextInput } from '../learning/operations-authoring';

export type { LocalizedTextInput };

export type WorkshopMode = 'VIRTUAL' | 'IN_PERSON' | 'HYBRID';
export type WorkshopStatus = 'DRAFT' | 'OPEN' | 'CLOSED' | 'HELD' | 'ARCHIVED' | 'CANCELLED';
export type WorkshopAudience = 'OPEN' | 'MEMBERS' | 'INVITED';
export type WaitlistMode = 'AUTO' | 'OFFER';
export type QuestionType = 'TEXT' | 'CHOICE' | 'CONSENT';
export type MaterialPhase = 'BEFORE' | 'AFTER';

export const WORKSHOP_MODES: WorkshopMode[] = ['VIRTUAL', 'IN_PERSON', 'HYBRID'];
export const WORKSHOP_STATUSES: WorkshopStatus[] = ['DRAFT', 'OPEN', 'CLOSED', 'HELD', 'ARCHIVED', 'CANCELLED'];
export const WORKSHOP_AUDIENCES: WorkshopAudience[] = ['OPEN', 'MEMBERS', 'INVITED'];
export const WAITLIST_MODES: WaitlistMode[] = ['AUTO', 'OFFER'];
export const QUESTION_TYPES: QuestionType[] = ['TEXT', 'CHOICE', 'CONSENT'];
export const MATERIAL_PHASES: MaterialPhase[] = ['BEFORE', 'AFTER'];

export interface WorkshopConnection<N> {
  __typename?: 'WorkshopConnection';
  totalCount: number;
  pageInfo: PageInfoFields;
  edges: Array<{ __typename?: 'WorkshopEdge'; cursor: string; node: N }>;
}

/** A workshop as a card of the public list. */
export interface WorkshopCardFields {
  __typename?: 'Workshop';
  id: string;
  slug: string;
  title: string;
  description: string;
  mode: WorkshopMode;
  status: WorkshopStatus;
  audience: WorkshopAudience;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  capacity: number | null;
  seatsTaken: number;
  seatsLeft: number | null;
  waitlistCount: number;
  registrationOpen: boolean;
  languages: string[];
}

export const WORKSHOP_CARD_FIELDS = gql`
  fragment WorkshopCardFields on Workshop {
    id
    slug
    title
    description
    mode
    status
    audience
    startsAt
    endsAt
    timeZone
    capacity
    seatsTaken
    seatsLeft
    waitlistCount
    registrationOpen
    languages
  }
`;

export interface WorkshopsVariables {
  upcoming?: boolean;
  search?: string;
  mode?: WorkshopMode;
  first?: number;
  after?: string | null;
}
export const WORKSHOPS: TypedDocumentNode<{ workshops: WorkshopConnection<WorkshopCardFields> }, WorkshopsVariables> = gql`
  query Workshops($upcoming: Boolean, $search: String, $mode: WorkshopMode, $first: Int, $after: String) {
    workshops(upcoming: $upcoming, search: $search, mode: $mode, first: $first, after: $after) {
      ${PAGE_FIELDS}
      edges {
        cursor
        node {
          ...WorkshopCardFields
        }
      }
    }
  }
  ${WORKSHOP_CARD_FIELDS}
`;

export interface AgendaItemFields {
  __typename?: 'AgendaItem';
  id: string;
  sessionId: string;
  position: number;
  title: string;
  description: string;
  speakers: string | null;
  startsAt: string;
  endsAt: string;
}
export interface SessionFields {
  __typename?: 'WorkshopSession';
  id: string;
  position: number;
  title: string;
  startsAt: string;
  endsAt: string;
  agenda: AgendaItemFields[];
}
export interface MaterialFields {
  __typename?: 'WorkshopMaterial';
  id: string;
  phase: MaterialPhase;
  title: string;
  url: string;
  /** Set when the material is an evidence bank item the reader may see. */
  evidenceItem: { __typename?: 'EvidenceItem'; id: string; title: string } | null;
}
export interface OrganiserFields {
  __typename?: 'WorkshopOrganiser';
  id: string;
  name: string;
}
export interface CountrySeatsFields {
  __typename?: 'WorkshopCountrySeats';
  country: { __typename?: 'Country'; code: string; name: string };
  seats: number;
  taken: number;
}

/** The public workshop page (registration, poll and participants are the participant panels' own queries). */
export interface WorkshopDetails extends WorkshopCardFields {
  venue: string | null;
  meetingUrl: string | null;
  recordingUrl: string | null;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  approvalRequired: boolean;
  certificateIssuer: string;
  focusAreas: LearningFocusArea[];
  sessions: SessionFields[];
  materials: MaterialFields[];
  organisers: OrganiserFields[];
  countrySeats: CountrySeatsFields[];
  canManage: boolean;
  calendarUrl: string;
}

const FOCUS_AREA_FIELDS = `
  focusAreas {
    id
    key
    name
    names {
      es
      en
      pt
      fr
    }
  }
`;

export const WORKSHOP: TypedDocumentNode<{ workshop: WorkshopDetails | null }, { slug: string }> = gql`
  query WorkshopPage($slug: String!) {
    workshop(slug: $slug) {
      ...WorkshopCardFields
      venue
      meetingUrl
      recordingUrl
      registrationOpensAt
      registrationClosesAt
      approvalRequired
      certificateIssuer
      ${FOCUS_AREA_FIELDS}
      sessions {
        id
        position
        title
        startsAt
        endsAt
        agenda {
          id
          sessionId
          position
          title
          description
          speakers
          startsAt
          endsAt
        }
      }
      materials {
        id
        phase
        title
        url
        evidenceItem {
          id
          title
        }
      }
      organisers {
        id
        name
      }
      countrySeats {
        country {
          code
          name
        }
        seats
        taken
      }
      canManage
      calendarUrl
    }
  }
  ${WORKSHOP_CARD_FIELDS}
`;

// ---------------------------------------------------------------- organisers

export interface ManagedWorkshopRow {
  __typename?: 'Workshop';
  id: string;
  slug: string;
  title: string;
  status: WorkshopStatus;
  mode: WorkshopMode;
  startsAt: string;
  timeZone: string;
  capacity: number | null;
  seatsTaken: number;
  waitlistCount: number;
}
export interface ManagedWorkshopsVariables {
  status?: WorkshopStatus;
  first?: number;
  after?: string | null;
}
export const MANAGED_WORKSHOPS: TypedDocumentNode<{ managedWorkshops: WorkshopConnection<ManagedWorkshopRow> }, ManagedWorkshopsVariables> = gql`
  query ManagedWorkshops($status: WorkshopStatus, $first: Int, $after: String) {
    managedWorkshops(status: $status, first: $first, after: $after) {
      ${PAGE_FIELDS}
      edges {
        cursor
        node {
          id
          slug
          title
          status
          mode
          startsAt
          timeZone
          capacity
          seatsTaken
          waitlistCount
        }
      }
    }
  }
`;

export interface QuestionEditing {
  __typename?: 'RegistrationQuestion';
  id: string;
  position: number;
  type: QuestionType;
  prompt: string;
  promptTranslations: LocalizedTextFields[];
  options: string[];
  required: boolean;
}
export interface AgendaItemEditing extends AgendaItemFields {
  titleTranslations: LocalizedTextFields[];
  descriptionTranslations: LocalizedTextFields[];
}
export interface SessionEditing extends Omit<SessionFields, 'agenda'> {
  titleTranslations: LocalizedTextFields[];
  checkInCode: string | null;
  agenda: AgendaItemEditing[];
}
export interface WorkshopEditing {
  __typename?: 'Workshop';
  id: string;
  slug: string;
  title: string;
  titleTranslations: LocalizedTextFields[];
  descriptionTranslations: LocalizedTextFields[];
  mode: WorkshopMode;
  status: WorkshopStatus;
  audience: WorkshopAudience;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venue: string | null;
  meetingUrl: string | null;
  recordingUrl: string | null;
  capacity: number | null;
  seatsTaken: number;
  waitlistCount: number;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  approvalRequired: boolean;
  waitlistMode: WaitlistMode;
  offerHours: number;
  attendanceThreshold: number;
  languages: string[];
  focusAreas: LearningFocusArea[];
  certificateIssuer: string;
  certificateSignatories: SignatoryFields[];
  questions: QuestionEditing[];
  sessions: SessionEditing[];
  materials: MaterialFields[];
  countrySeats: CountrySeatsFields[];
  organisers: OrganiserFields[];
  canManage: boolean;
}

export const WORKSHOP_EDITING_FIELDS = gql`
  fragment WorkshopEditingFields on Workshop {
    id
    slug
    title
    titleTranslations {
      locale
      value
    }
    descriptionTranslations {
      locale
      value
    }
    mode
    status
    audience
    startsAt
    endsAt
    timeZone
    venue
    meetingUrl
    recordingUrl
    capacity
    seatsTaken
    waitlistCount
    registrationOpensAt
    registrationClosesAt
    approvalRequired
    waitlistMode
    offerHours
    attendanceThreshold
    languages
    ${FOCUS_AREA_FIELDS}
    certificateIssuer
    certificateSignatories {
      name
      title
      organisation
    }
    questions {
      id
      position
      type
      prompt
      promptTranslations {
        locale
        value
      }
      options
      required
    }
    sessions {
      id
      position
      title
      titleTranslations {
        locale
        value
      }
      startsAt
      endsAt
      checkInCode
      agenda {
        id
        sessionId
        position
        title
        titleTranslations {
          locale
          value
        }
        description
        descriptionTranslations {
          locale
          value
        }
        speakers
        startsAt
        endsAt
      }
    }
    materials {
      id
      phase
      title
      url
      evidenceItem {
        id
        title
      }
    }
    countrySeats {
      country {
        code
        name
      }
      seats
      taken
    }
    organisers {
      id
      name
    }
    canManage
  }
`;

/** The editor loads a workshop by its id (workshopById, as the run page does: managers, drafts included). */
export const WORKSHOP_FOR_EDITING: TypedDocumentNode<{ workshopById: WorkshopEditing | null }, { id: string }> = gql`
  query WorkshopForEditing($id: ID!) {
    workshopById(id: $id) {
      ...WorkshopEditingFields
    }
  }
  ${WORKSHOP_EDITING_FIELDS}
`;

export interface QuestionInput {
  id?: string | null;
  type: QuestionType;
  prompt: LocalizedTextInput[];
  options: string[];
  required: boolean;
}
export interface WorkshopInput {
  slug?: string | null;
  title: LocalizedTextInput[];
  description: LocalizedTextInput[];
  mode: WorkshopMode;
  timeZone: string;
  venue: string | null;
  meetingUrl: string | null;
  recordingUrl: string | null;
  capacity: number | null;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  audience: WorkshopAudience;
  approvalRequired: boolean;
  waitlistMode: WaitlistMode;
  offerHours: number | null;
  attendanceThreshold: number | null;
  languages: string[];
  focusAreaIds: string[];
  certificateIssuer: string;
  certificateSignatories: Array<{ name: string; title: string; organisation: string }>;
  countrySeats: Array<{ countryCode: string; seats: number }>;
  questions: QuestionInput[];
}

type Editing = { __typename?: 'Workshop' } & WorkshopEditing;

export const CREATE_WORKSHOP: TypedDocumentNode<{ createWorkshop: Editing }, { input: WorkshopInput }> = gql`
  mutation CreateWorkshop($input: WorkshopInput!) {
    createWorkshop(input: $input) {
      ...WorkshopEditingFields
    }
  }
  ${WORKSHOP_EDITING_FIELDS}
`;
export const UPDATE_WORKSHOP: TypedDocumentNode<{ updateWorkshop: Editing }, { id: string; input: WorkshopInput }> = gql`
  mutation UpdateWorkshop($id: ID!, $input: WorkshopInput!) {
    updateWorkshop(id: $id, input: $input) {
      ...WorkshopEditingFields
    }
  }
  ${WORKSHOP_EDITING_FIELDS}
`;
export const OPEN_WORKSHOP: TypedDocumentNode<{ openWorkshop: Editing }, { id: string }> = gql`
  mutation OpenWorkshop($id: ID!) {
    openWorkshop(id: $id) {
      ...WorkshopEditingFields
    }
  }
  ${WORKSHOP_EDITING_FIELDS}
`;
export const CLOSE_WORKSHOP: TypedDocumentNode<{ closeWorkshop: Editing }, { id: string }> = gql`
  mutation CloseWorkshop($id: ID!) {
    closeWorkshop(id: $id) {
      ...WorkshopEditingFields
    }
  }
  ${WORKSHOP_EDITING_FIELDS}
`;
export const CANCEL_WORKSHOP: TypedDocumentNode<{ cancelWorkshop: Editing }, { id: string; note: string }> = gql`
  mutation CancelWorkshop($id: ID!, $note: String!) {
    cancelWorkshop(id: $id, note: $note) {
      ...WorkshopEditingFields
    }
  }
  ${WORKSHOP_EDITING_FIELDS}
`;
export const ARCHIVE_WORKSHOP: TypedDocumentNode<{ archiveWorkshop: Editing }, { id: string }> = gql`
  mutation ArchiveWorkshop($id: ID!) {
    archiveWorkshop(id: $id) {
      ...WorkshopEditingFields
    }
  }
  ${WORKSHOP_EDITING_FIELDS}
`;
export const ADD_WORKSHOP_ORGANISER: TypedDocumentNode<{ addWorkshopOrganiser: Editing }, { workshopId: string; email: string }> = gql`
  mutation AddWorkshopOrganiser($workshopId: ID!, $email: String!) {
    addWorkshopOrganiser(workshopId: $workshopId, email: $email) {
      ...WorkshopEditingFields
    }
  }
  ${WORKSHOP_EDITING_FIELDS}
`;
export const REMOVE_WORKSHOP_ORGANISER: TypedDocumentNode<{ removeWorkshopOrganiser: Editing }, { workshopId: string; userId: string }> = gql`
  mutation RemoveWorkshopOrganiser($workshopId: ID!, $userId: ID!) {
    removeWorkshopOrganiser(workshopId: $workshopId, userId: $userId) {
      ...WorkshopEditingFields
    }
  }
  ${WORKSHOP_EDITING_FIELDS}
`;

export interface SessionInput {
  title: LocalizedTextInput[];
  startsAt: string;
  endsAt: string;
}
export const SAVE_SESSION: TypedDocumentNode<{ saveSession: Editing }, { workshopId: string; id?: string | null; input: SessionInput }> = gql`
  mutation SaveSession($workshopId: ID!, $id: ID, $input: SessionInput!) {
    saveSession(workshopId: $workshopId, id: $id, input: $input) {
      ...WorkshopEditingFields
    }
  }
  ${WORKSHOP_EDITING_FIELDS}
`;
export const DELETE_SESSION: TypedDocumentNode<{ deleteSession: Editing }, { id: string }> = gql`
  mutation DeleteSession($id: ID!) {
    deleteSession(id: $id) {
      ...WorkshopEditingFields
    }
  }
  ${WORKSHOP_EDITING_FIELDS}
`;

export interface AgendaItemInput {
  sessionId: string;
  title: LocalizedTextInput[];
  description: LocalizedTextInput[];
  speakers: string | null;
  startsAt: string;
  endsAt: string;
}
export const SAVE_AGENDA_ITEM: TypedDocumentNode<{ saveAgendaItem: Editing }, { id?: string | null; input: AgendaItemInput }> = gql`
  mutation SaveAgendaItem($id: ID, $input: AgendaItemInput!) {
    saveAgendaItem(id: $id, input: $input) {
      ...WorkshopEditingFields
    }
  }
  ${WORKSHOP_EDITING_FIELDS}
`;
export const DELETE_AGENDA_ITEM: TypedDocumentNode<{ deleteAgendaItem: Editing }, { id: string }> = gql`
  mutation DeleteAgendaItem($id: ID!) {
    deleteAgendaItem(id: $id) {
      ...WorkshopEditingFields
    }
  }
  ${WORKSHOP_EDITING_FIELDS}
`;

export interface MaterialInput {
  phase: MaterialPhase;
  /** Required for links; optional for evidence items (the item's title by default). */
  title?: string | null;
  url?: string | null;
  evidenceItemId?: string | null;
}
export const ADD_MATERIAL: TypedDocumentNode<{ addMaterial: Editing }, { workshopId: string; input: MaterialInput }> = gql`
  mutation AddMaterial($workshopId: ID!, $input: MaterialInput!) {
    addMaterial(workshopId: $workshopId, input: $input) {
      ...WorkshopEditingFields
    }
  }
  ${WORKSHOP_EDITING_FIELDS}
`;
export const REMOVE_MATERIAL: TypedDocumentNode<{ removeMaterial: Editing }, { id: string }> = gql`
  mutation RemoveMaterial($id: ID!) {
    removeMaterial(id: $id) {
      ...WorkshopEditingFields
    }
  }
  ${WORKSHOP_EDITING_FIELDS}
`;

export interface InviteResult {
  __typename?: 'InviteResult';
  invited: string[];
  alreadyInvited: string[];
  invalid: string[];
}
export const INVITE_TO_WORKSHOP: TypedDocumentNode<{ inviteToWorkshop: InviteResult }, { workshopId: string; emails: string }> = gql`
  mutation InviteToWorkshop($workshopId: ID!, $emails: String!) {
    inviteToWorkshop(workshopId: $workshopId, emails: $emails) {
      invited
      alreadyInvited
      invalid
    }
  }
`;
