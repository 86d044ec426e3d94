/** Working tables and technical groups: rules both the web app and the API apply. */

/** Seed 001: a table is requested at least 15 days before its first session. */
export const MIN_REQUEST_LEAD_DAYS = 15;

/** What a person may do in a space, from nothing to everything (see the API's access.ts). */
export const ACCESS_LEVELS = ['NONE', 'OVERVIEW', 'MEMBER', 'MODERATOR', 'ADMIN'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

export const COLLABORATION_LIMITS = {
  titleMax: 200,
  textMax: 10_000,
  postMax: 20_000,
  reasonMax: 1_000,
  participantsPerParty: 100,
  partiesMax: 20,
  urlMax: 2_000,
} as const;
