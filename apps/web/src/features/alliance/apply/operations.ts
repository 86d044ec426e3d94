// Typed operations against the alliance API (the "Alliance GraphQL" contract in apps/api/schema.gql),
// used by the apply, review and organisation-admin pages. Written by hand like src/graphql/operations.ts:
// the types mirror the selections exactly.
import { gql, type TypedDocumentNode } from '@apollo/client';

export type SubRegion = 'SOUTH_AMERICA' | 'CENTRAL_AMERICA_MEXICO' | 'CARIBBEAN' | 'OBSERVER';
export type OrganisationType =
  | 'MINISTRY_OF_EDUCATION'
  | 'OTHER_PUBLIC_BODY'
  | 'NGO'
  | 'NETWORK'
  | 'UNIVERSITY_RESEARCH'
  | 'INTERNATIONAL_ORGANISATION'
  | 'PRIVATE_SECTOR'
  | 'OTHER';
export type ApplicationStatus = 'SUBMITTED' | 'UNDER_REVIEW' | 'CHANGES_REQUESTED' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN';
export type MembershipCategory = 'MEMBER_STATE' | 'PARTNER' | 'OBSERVER';
export type MembershipStatus = 'ACTIVE' | 'SUSPENDED';
export type FocalPointRole = 'TITULAR' | 'ALTERNATE';
export type OrganisationRole = 'REPRESENTATIVE' | 'MEMBER' | 'FOCAL_POINT';
export type InvitationRole = 'MEMBER' | 'REPRESENTATIVE' | 'FOCAL_POINT';

export const ORGANISATION_TYPES: OrganisationType[] = [
  'MINISTRY_OF_EDUCATION',
  'OTHER_PUBLIC_BODY',
  'NGO',
  'NETWORK',
  'UNIVERSITY_RESEARCH',
  'INTERNATIONAL_ORGANISATION',
  'PRIVATE_SECTOR',
  'OTHER',
];
export const APPLICATION_STATUSES: ApplicationStatus[] = ['SUBMITTED', 'UNDER_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN'];
export const MEMBERSHIP_CATEGORIES: MembershipCategory[] = ['MEMBER_STATE', 'PARTNER', 'OBSERVER'];
export const INVITATION_ROLES: InvitationRole[] = ['MEMBER', 'REPRESENTATIVE', 'FOCAL_POINT'];
export const FOCAL_POINT_ROLES: FocalPointRole[] = ['TITULAR', 'ALTERNATE'];

/** Statuses the applicant may still withdraw from (the server's transition table agrees). */
export const WITHDRAWABLE: ApplicationStatus[] = ['SUBMITTED', 'UNDER_REVIEW', 'CHANGES_REQUESTED'];
/** Statuses a reviewer can still act on. */
export const REVIEWABLE: ApplicationStatus[] = ['SUBMITTED', 'UNDER_REVIEW'];

export interface CountryFields {
  __typename?: 'Country';
  code: string;
  name: string;
  subRegion: SubRegion;
  observer: boolean;
}
export interface FocusAreaFields {
  __typename?: 'FocusArea';
  id: string;
  key: string;
  name: string;
  active: boolean;
}
export interface PersonSummary {
  __typename?: 'PersonSummary';
  id: string;
  name: string;
  email: string;
}
export interface ApplicationEventFields {
  __typename?: 'ApplicationEvent';
  id: string;
  fromStatus: ApplicationStatus | null;
  toStatus: ApplicationStatus;
  note: string | null;
  actorName: string;
  createdAt: string;
}
export interface ApplicationFields {
  __typename?: 'MembershipApplication';
  id: string;
  status: ApplicationStatus;
  organisationName: string;
  organisationType: OrganisationType;
  country: CountryFields;
  website: string | null;
  description: string;
  applicantRole: string;
  motivation: string;
  focusAreas: FocusAreaFields[];
  charterVersion: number;
  applicant: PersonSummary;
  submittedAt: string;
  updatedAt: string;
  ageDays: number;
  events: ApplicationEventFields[];
  organisation: { __typename?: 'Organisation'; id: string; slug: string; name: string } | null;
}

const COUNTRY_FIELDS = gql`
  fragment AuApplyCountryFields on Country {
    code
    name
    subRegion
    observer
  }
`;
const FOCUS_AREA_FIELDS = gql`
  fragment AuApplyFocusAreaFields on FocusArea {
    id
    key
    name
    active
  }
`;
const APPLICATION_FIELDS = gql`
  fragment AuApplicationFields on MembershipApplication {
    id
    status
    organisationName
    organisationType
    country {
      ...AuApplyCountryFields
    }
    website
    description
    applicantRole
    motivation
    focusAreas {
      ...AuApplyFocusAreaFields
    }
    charterVersion
    applicant {
      id
      name
      email
    }
    submittedAt
    updatedAt
    ageDays
    events {
      id
      fromStatus
      toStatus
      note
      actorName
      createdAt
    }
    organisation {
      id
      slug
      name
    }
  }
  ${COUNTRY_FIELDS}
  ${FOCUS_AREA_FIELDS}
`;

export interface CharterFields {
  __typename?: 'Charter';
  id: string;
  version: number;
  text: string;
  publishedAt: string;
}

export interface ApplyReferenceData {
  countries: CountryFields[];
  focusAreas: FocusAreaFields[];
  currentCharter: CharterFields;
}
export const APPLY_REFERENCE_DATA: TypedDocumentNode<ApplyReferenceData, Record<string, never>> = gql`
  query AllianceApplyReferenceData {
    countries(includeObservers: true) {
      ...AuApplyCountryFields
    }
    focusAreas {
      ...AuApplyFocusAreaFields
    }
    currentCharter {
      id
      version
      text
      publishedAt
    }
  }
  ${COUNTRY_FIELDS}
  ${FOCUS_AREA_FIELDS}
`;

export interface ApplicationInput {
  organisationName: string;
  organisationType: OrganisationType;
  countryCode: string;
  website: string | null;
  description: string;
  applicantRole: string;
  motivation: string;
  focusAreaIds: string[];
  charterVersion: number;
}

export const SUBMIT_APPLICATION: TypedDocumentNode<{ submitMembershipApplication: ApplicationFields }, { input: ApplicationInput }> = gql`
  mutation SubmitMembershipApplication($input: ApplicationInput!) {
    submitMembershipApplication(input: $input) {
      ...AuApplicationFields
    }
  }
  ${APPLICATION_FIELDS}
`;

export const UPDATE_APPLICATION: TypedDocumentNode<
  { updateMembershipApplication: ApplicationFields },
  { id: string; input: ApplicationInput }
> = gql`
  mutation UpdateMembershipApplication($id: ID!, $input: ApplicationInput!) {
    updateMembershipApplication(id: $id, input: $input) {
      ...AuApplicationFields
    }
  }
  ${APPLICATION_FIELDS}
`;

export const WITHDRAW_APPLICATION: TypedDocumentNode<
  { withdrawMembershipApplication: ApplicationFields },
  { id: string; note?: string | null }
> = gql`
  mutation WithdrawMembershipApplication($id: ID!, $note: String) {
    withdrawMembershipApplication(id: $id, note: $note) {
      ...AuApplicationFields
    }
  }
  ${APPLICATION_FIELDS}
`;

export const MY_APPLICATIONS: TypedDocumentNode<{ myApplications: ApplicationFields[] }, Record<string, never>> = gql`
  query MyMembershipApplications {
    myApplications {
      ...AuApplicationFields
    }
  }
  ${APPLICATION_FIELDS}
`;

export const APPLICATION: TypedDocumentNode<{ membershipApplication: ApplicationFields | null }, { id: string }> = gql`
  query MembershipApplication($id: ID!) {
    membershipApplication(id: $id) {
      ...AuApplicationFields
    }
  }
  ${APPLICATION_FIELDS}
`;

export interface ApplicationsData {
  membershipApplications: {
    __typename?: 'MembershipApplicationConnection';
    totalCount: number;
    pageInfo: { __typename?: 'PageInfo'; hasNextPage: boolean; endCursor: string | null };
    edges: Array<{
      __typename?: 'MembershipApplicationEdge';
      cursor: string;
      node: {
        __typename?: 'MembershipApplication';
        id: string;
        status: ApplicationStatus;
        organisationName: string;
        organisationType: OrganisationType;
        country: { __typename?: 'Country'; code: string; name: string };
        applicant: PersonSummary;
        submittedAt: string;
        ageDays: number;
      };
    }>;
  };
}
export const APPLICATIONS: TypedDocumentNode<ApplicationsData, { first?: number; after?: string | null; status?: ApplicationStatus | null }> = gql`
  query MembershipApplications($first: Int, $after: String, $status: ApplicationStatus) {
    membershipApplications(first: $first, after: $after, status: $status) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          status
          organisationName
          organisationType
          country {
            code
            name
          }
          applicant {
            id
            name
            email
          }
          submittedAt
          ageDays
        }
      }
    }
  }
`;

export const START_REVIEW: TypedDocumentNode<{ startApplicationReview: ApplicationFields }, { id: string; note?: string | null }> = gql`
  mutation StartApplicationReview($id: ID!, $note: String) {
    startApplicationReview(id: $id, note: $note) {
      ...AuApplicationFields
    }
  }
  ${APPLICATION_FIELDS}
`;
export const REQUEST_CHANGES: TypedDocumentNode<{ requestApplicationChanges: ApplicationFields }, { id: string; note: string }> = gql`
  mutation RequestApplicationChanges($id: ID!, $note: String!) {
    requestApplicationChanges(id: $id, note: $note) {
      ...AuApplicationFields
    }
  }
  ${APPLICATION_FIELDS}
`;
export const APPROVE_APPLICATION: TypedDocumentNode<
  { approveMembershipApplication: ApplicationFields },
  { id: string; category?: MembershipCategory | null; note?: string | null }
> = gql`
  mutation ApproveMembershipApplication($id: ID!, $category: MembershipCategory, $note: String) {
    approveMembershipApplication(id: $id, category: $category, note: $note) {
      ...AuApplicationFields
    }
  }
  ${APPLICATION_FIELDS}
`;
export const REJECT_APPLICATION: TypedDocumentNode<{ rejectMembershipApplication: ApplicationFields }, { id: string; note: string }> = gql`
  mutation RejectMembershipApplication($id: ID!, $note: String!) {
    rejectMembershipApplication(id: $id, note: $note) {
      ...AuApplicationFields
    }
  }
  ${APPLICATION_FIELDS}
`;

// ---------------------------------------------------------------------------------------------
// Organisations, invitations and focal points

export interface FocalPointFields {
  __typename?: 'FocalPoint';
  id: string;
  name: string | null;
  focusArea: FocusAreaFields;
  role: FocalPointRole;
  startDate: string;
  endDate: string | null;
  current: boolean;
  organisationName: string;
  countryCode: string;
  consentToPublish: boolean;
  mine: boolean;
}
const FOCAL_POINT_FIELDS = gql`
  fragment AuFocalPointFields on FocalPoint {
    id
    name
    focusArea {
      ...AuApplyFocusAreaFields
    }
    role
    startDate
    endDate
    current
    organisationName
    countryCode
    consentToPublish
    mine
  }
  ${FOCUS_AREA_FIELDS}
`;

export interface MembershipEventFields {
  __typename?: 'MembershipEvent';
  id: string;
  action: string;
  reason: string | null;
  actorName: string;
  createdAt: string;
}
export interface OrganisationFields {
  __typename?: 'Organisation';
  id: string;
  slug: string;
  name: string;
  type: OrganisationType;
  country: CountryFields;
  website: string | null;
  membership: {
    __typename?: 'Membership';
    id: string;
    category: MembershipCategory;
    status: MembershipStatus;
    since: string;
    events: MembershipEventFields[];
  } | null;
  myRoles: OrganisationRole[];
  focalPoints: FocalPointFields[];
  people: Array<{ __typename?: 'OrganisationPerson'; user: PersonSummary; roles: OrganisationRole[] }>;
}
const ORGANISATION_FIELDS = gql`
  fragment AuManagedOrganisationFields on Organisation {
    id
    slug
    name
    type
    country {
      ...AuApplyCountryFields
    }
    website
    membership {
      id
      category
      status
      since
      events {
        id
        action
        reason
        actorName
        createdAt
      }
    }
    myRoles
    focalPoints(includePast: true) {
      ...AuFocalPointFields
    }
    people {
      user {
        id
        name
        email
      }
      roles
    }
  }
  ${COUNTRY_FIELDS}
  ${FOCAL_POINT_FIELDS}
`;

export const MANAGED_ORGANISATION: TypedDocumentNode<
  { organisation: OrganisationFields | null; focusAreas: FocusAreaFields[] },
  { slug: string }
> = gql`
  query ManagedOrganisation($slug: String!) {
    organisation(slug: $slug) {
      ...AuManagedOrganisationFields
    }
    focusAreas {
      ...AuApplyFocusAreaFields
    }
  }
  ${ORGANISATION_FIELDS}
`;

export const MY_ORGANISATIONS: TypedDocumentNode<{ myOrganisations: OrganisationFields[] }, Record<string, never>> = gql`
  query MyOrganisations {
    myOrganisations {
      ...AuManagedOrganisationFields
    }
  }
  ${ORGANISATION_FIELDS}
`;

export interface InvitationFields {
  __typename?: 'Invitation';
  id: string;
  email: string;
  role: InvitationRole;
  focusArea: FocusAreaFields | null;
  focalRole: FocalPointRole | null;
  expiresAt: string;
  acceptedAt: string | null;
  createdAt: string;
}
const INVITATION_FIELDS = gql`
  fragment AuInvitationFields on Invitation {
    id
    email
    role
    focusArea {
      ...AuApplyFocusAreaFields
    }
    focalRole
    expiresAt
    acceptedAt
    createdAt
  }
  ${FOCUS_AREA_FIELDS}
`;

export const ORGANISATION_INVITATIONS: TypedDocumentNode<{ organisationInvitations: InvitationFields[] }, { organisationId: string }> = gql`
  query OrganisationInvitations($organisationId: ID!) {
    organisationInvitations(organisationId: $organisationId) {
      ...AuInvitationFields
    }
  }
  ${INVITATION_FIELDS}
`;

export interface InviteVariables {
  organisationId: string;
  email: string;
  role: InvitationRole;
  focusAreaId?: string | null;
  focalRole?: FocalPointRole | null;
}
export const INVITE_TO_ORGANISATION: TypedDocumentNode<{ inviteToOrganisation: InvitationFields }, InviteVariables> = gql`
  mutation InviteToOrganisation($organisationId: ID!, $email: String!, $role: InvitationRole!, $focusAreaId: ID, $focalRole: FocalPointRole) {
    inviteToOrganisation(organisationId: $organisationId, email: $email, role: $role, focusAreaId: $focusAreaId, focalRole: $focalRole) {
      ...AuInvitationFields
    }
  }
  ${INVITATION_FIELDS}
`;

export interface InvitationPreview {
  __typename?: 'InvitationPreview';
  organisationName: string;
  role: InvitationRole;
  invitedBy: string;
  email: string;
  expired: boolean;
  accepted: boolean;
}
export const INVITATION_PREVIEW: TypedDocumentNode<{ invitation: InvitationPreview | null }, { token: string }> = gql`
  query InvitationPreview($token: String!) {
    invitation(token: $token) {
      organisationName
      role
      invitedBy
      email
      expired
      accepted
    }
  }
`;

export const ACCEPT_INVITATION: TypedDocumentNode<
  { acceptInvitation: { __typename?: 'Organisation'; id: string; slug: string; name: string; myRoles: OrganisationRole[] } },
  { token: string }
> = gql`
  mutation AcceptInvitation($token: String!) {
    acceptInvitation(token: $token) {
      id
      slug
      name
      myRoles
    }
  }
`;

export interface DesignateVariables {
  organisationId: string;
  userId: string;
  focusAreaId: string;
  role: FocalPointRole;
  startDate: string;
  endDate?: string | null;
}
export const DESIGNATE_FOCAL_POINT: TypedDocumentNode<{ designateFocalPoint: FocalPointFields }, DesignateVariables> = gql`
  mutation DesignateFocalPoint($organisationId: ID!, $userId: ID!, $focusAreaId: ID!, $role: FocalPointRole!, $startDate: String!, $endDate: String) {
    designateFocalPoint(organisationId: $organisationId, userId: $userId, focusAreaId: $focusAreaId, role: $role, startDate: $startDate, endDate: $endDate) {
      ...AuFocalPointFields
    }
  }
  ${FOCAL_POINT_FIELDS}
`;

export const END_FOCAL_POINT: TypedDocumentNode<{ endFocalPoint: FocalPointFields }, { id: string; endDate: string }> = gql`
  mutation EndFocalPoint($id: ID!, $endDate: String!) {
    endFocalPoint(id: $id, endDate: $endDate) {
      ...AuFocalPointFields
    }
  }
  ${FOCAL_POINT_FIELDS}
`;

export const SET_FOCAL_POINT_CONSENT: TypedDocumentNode<{ setFocalPointConsent: FocalPointFields }, { id: string; consentToPublish: boolean }> = gql`
  mutation SetFocalPointConsent($id: ID!, $consentToPublish: Boolean!) {
    setFocalPointConsent(id: $id, consentToPublish: $consentToPublish) {
      ...AuFocalPointFields
    }
  }
  ${FOCAL_POINT_FIELDS}
`;

export const SUSPEND_MEMBERSHIP: TypedDocumentNode<{ suspendMembership: OrganisationFields }, { organisationId: string; reason: string }> = gql`
  mutation SuspendMembership($organisationId: ID!, $reason: String!) {
    suspendMembership(organisationId: $organisationId, reason: $reason) {
      ...AuManagedOrganisationFields
    }
  }
  ${ORGANISATION_FIELDS}
`;
export const REINSTATE_MEMBERSHIP: TypedDocumentNode<{ reinstateMembership: OrganisationFields }, { organisationId: string; reason: string }> = gql`
  mutation ReinstateMembership($organisationId: ID!, $reason: String!) {
    reinstateMembership(organisationId: $organisationId, reason: $reason) {
      ...AuManagedOrganisationFields
    }
  }
  ${ORGANISATION_FIELDS}
`;
