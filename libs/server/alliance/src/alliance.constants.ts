/** Values stored in the alliance tables; GraphQL exposes them with the same names. */
export const SUB_REGIONS = ['SOUTH_AMERICA', 'CENTRAL_AMERICA_MEXICO', 'CARIBBEAN', 'OBSERVER'] as const;
export type AllianceSubRegion = (typeof SUB_REGIONS)[number];

export const ORGANISATION_TYPES = [
  'MINISTRY_OF_EDUCATION',
  'OTHER_PUBLIC_BODY',
  'NGO',
  'NETWORK',
  'UNIVERSITY_RESEARCH',
  'INTERNATIONAL_ORGANISATION',
  'PRIVATE_SECTOR',
  'OTHER',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const APPLICATION_STATUSES = ['SUBMITTED', 'UNDER_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
/** Statuses in which an application still blocks a duplicate. */
export const OPEN_APPLICATION_STATUSES: readonly ApplicationStatus[] = ['SUBMITTED', 'UNDER_REVIEW', 'CHANGES_REQUESTED'];

export const MEMBERSHIP_CATEGORIES = ['MEMBER_STATE', 'PARTNER', 'OBSERVER'] as const;
export type MembershipCategory = (typeof MEMBERSHIP_CATEGORIES)[number];
export const MEMBERSHIP_STATUSES = ['ACTIVE', 'SUSPENDED'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];
export const MEMBERSHIP_ACTIONS = ['CREATED', 'SUSPENDED', 'REINSTATED'] as const;
export type MembershipAction = (typeof MEMBERSHIP_ACTIONS)[number];

export const ORGANISATION_ROLES = ['REPRESENTATIVE', 'MEMBER', 'FOCAL_POINT'] as const;
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];
export const INVITATION_ROLES = ['MEMBER', 'REPRESENTATIVE', 'FOCAL_POINT'] as const;
export type InvitationRole = (typeof INVITATION_ROLES)[number];
export const FOCAL_POINT_ROLES = ['TITULAR', 'ALTERNATE'] as const;
export type FocalPointRole = (typeof FOCAL_POINT_ROLES)[number];

/** Who may move an application, and from where to where: the one place the review rules live. */
export type ApplicationAction = 'start' | 'requestChanges' | 'approve' | 'reject' | 'withdraw' | 'resubmit';
export const APPLICATION_TRANSITIONS: Record<ApplicationAction, { from: readonly ApplicationStatus[]; to: ApplicationStatus; by: 'ADMIN' | 'APPLICANT' }> = {
  start: { from: ['SUBMITTED'], to: 'UNDER_REVIEW', by: 'ADMIN' },
  requestChanges: { from: ['SUBMITTED', 'UNDER_REVIEW'], to: 'CHANGES_REQUESTED', by: 'ADMIN' },
  approve: { from: ['SUBMITTED', 'UNDER_REVIEW'], to: 'APPROVED', by: 'ADMIN' },
  reject: { from: ['SUBMITTED', 'UNDER_REVIEW'], to: 'REJECTED', by: 'ADMIN' },
  withdraw: { from: ['SUBMITTED', 'UNDER_REVIEW', 'CHANGES_REQUESTED'], to: 'WITHDRAWN', by: 'APPLICANT' },
  resubmit: { from: ['CHANGES_REQUESTED'], to: 'SUBMITTED', by: 'APPLICANT' },
};

export const INVITATION_DAYS = 14;

export const ALLIANCE_LIMITS = {
  organisationNameMin: 2,
  organisationNameMax: 200,
  websiteMax: 300,
  descriptionMin: 20,
  descriptionMax: 3000,
  applicantRoleMax: 200,
  motivationMin: 20,
  motivationMax: 3000,
  noteMax: 2000,
  reasonMin: 3,
  charterMax: 50_000,
  focusAreaNameMax: 120,
  focusAreasMax: 9,
} as const;

/** The notification type of every application transition. */
export const APPLICATION_NOTIFICATION = 'alliance.application';

export function sqlList(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(', ');
}
