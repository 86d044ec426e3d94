/** A working table (requested by a ministry, reviewed by moderators) or a standing technical group. */
export const SPACE_KINDS = ['TABLE', 'GROUP'] as const;
export type SpaceKind = (typeof SPACE_KINDS)[number];

/**
 * REQUESTED: waiting for the invited parties and a moderator; CHANGES_REQUESTED: back with the
 * requester; OPEN: running; DECLINED: refused by a moderator; CLOSED: read-only archive.
 * Technical groups are created OPEN.
 */
export const SPACE_STATUSES = ['REQUESTED', 'CHANGES_REQUESTED', 'OPEN', 'DECLINED', 'CLOSED'] as const;
export type SpaceStatus = (typeof SPACE_STATUSES)[number];

/** REQUESTER: the organisation that asked for the table; INVITED: the others; MEMBER: a technical group's member. */
export const PARTY_ROLES = ['REQUESTER', 'INVITED', 'MEMBER'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const PARTY_STATUSES = ['PENDING', 'CONFIRMED', 'DECLINED'] as const;
export type PartyStatus = (typeof PARTY_STATUSES)[number];

export const COMMITMENT_KINDS = ['COMMITMENT', 'DELIVERABLE', 'MANDATE'] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];

export const COMMITMENT_STATUSES = ['PENDING', 'IN_PROGRESS', 'DONE', 'DROPPED'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** Typed by hand, or carried over from a workshop's ranked priorities. */
export const COMMITMENT_SOURCES = ['MANUAL', 'WORKSHOP_PRIORITY'] as const;
export type CommitmentSource = (typeof COMMITMENT_SOURCES)[number];

export { MIN_REQUEST_LEAD_DAYS, ACCESS_LEVELS, COLLABORATION_LIMITS, type AccessLevel } from '@alliance/shared-core';

/** Web paths (notifications link here; the web app routes them). */
export const tablePath = (id: string): string => `/tables/${id}`;
export const groupPath = (id: string): string => `/groups/${id}`;
export const spacePath = (kind: SpaceKind, id: string): string => (kind === 'TABLE' ? tablePath(id) : groupPath(id));
export const collaborationDocumentUrl = (versionId: string): string => `/api/collaboration/documents/${versionId}`;
