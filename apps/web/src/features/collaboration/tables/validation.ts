// Client-side checks of the table request and its edits that save a round trip; the API checks
// everything again (and alone knows which e-mail addresses belong to registered accounts).
import { COLLABORATION_LIMITS, MIN_REQUEST_LEAD_DAYS, emailSchema } from '@alliance/shared-core';
import { CombinedGraphQLErrors } from '@apollo/client';
import { isValidTimeZone, zonedInputToUtc } from '../../workshops/shared/time';
import type { RequestTableInput, TableDetailsInput, TableOrganisationFields } from '../operations-tables';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The API's minimum lengths (spaces-input.ts): a topic, a purpose and an agenda a reviewer can read. */
export const TEXT_MINIMUMS = { title: 3, description: 10, agenda: 3 } as const;

/** A message to show under a field: an i18n key and its values. */
export interface FieldProblem {
  key: string;
  params?: Record<string, string | number>;
}
export type FieldProblems = Record<string, FieldProblem>;

/** What the person types: the first session is the wall clock of <input type="datetime-local"> in `timeZone`. */
export interface TableDetailsValues {
  title: string;
  description: string;
  agenda: string;
  timeZone: string;
  firstSessionAt: string;
}

export interface TableRequestValues extends TableDetailsValues {
  requestingOrganisationId: string;
  invited: TableOrganisationFields[];
  /** Addresses separated by new lines, commas, semicolons or spaces. */
  participantEmails: string;
}

/** Seed 001: a request comes at least 15 days before the first session. */
export function earliestFirstSession(now: Date = new Date()): Date {
  return new Date(now.getTime() + MIN_REQUEST_LEAD_DAYS * DAY_MS);
}

/** The addresses of a pasted list, lower-cased, without repeats, in their order. */
export function parseEmailList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[\s,;]+/)) {
    const email = part.trim().toLowerCase();
    if (email && !seen.has(email)) {
      seen.add(email);
      out.push(email);
    }
  }
  return out;
}

/** The first address of the list that is not one, if any. */
export function invalidEmail(emails: readonly string[]): string | null {
  return emails.find((email) => !emailSchema.safeParse(email).success) ?? null;
}

function checkText(problems: FieldProblems, field: 'title' | 'description' | 'agenda', value: string, max: number) {
  const length = value.trim().length;
  if (length < TEXT_MINIMUMS[field] || length > max) problems[field] = { key: `collaboration:${field}Invalid` };
}

export function validateTableDetails(values: TableDetailsValues, now: Date = new Date()): FieldProblems {
  const problems: FieldProblems = {};
  checkText(problems, 'title', values.title, COLLABORATION_LIMITS.titleMax);
  checkText(problems, 'description', values.description, COLLABORATION_LIMITS.textMax);
  checkText(problems, 'agenda', values.agenda, COLLABORATION_LIMITS.textMax);
  if (!isValidTimeZone(values.timeZone)) problems.timeZone = { key: 'collaboration:timeZoneInvalid' };
  const first = values.timeZone && isValidTimeZone(values.timeZone) ? zonedInputToUtc(values.firstSessionAt, values.timeZone) : null;
  if (!first) {
    if (!problems.timeZone) problems.firstSessionAt = { key: 'collaboration:firstSessionInvalid' };
  } else if (new Date(first).getTime() < earliestFirstSession(now).getTime()) {
    problems.firstSessionAt = { key: 'collaboration:firstSessionTooSoon', params: { days: MIN_REQUEST_LEAD_DAYS } };
  }
  return problems;
}

export function validateTableRequest(values: TableRequestValues, now: Date = new Date()): FieldProblems {
  const problems: FieldProblems = {};
  if (!values.requestingOrganisationId) problems.requestingOrganisationId = { key: 'collaboration:requestingOrganisationInvalid' };
  Object.assign(problems, validateTableDetails(values, now));
  if (values.invited.length === 0) problems.invitedOrganisationIds = { key: 'collaboration:invitedRequired' };
  else if (values.invited.length > COLLABORATION_LIMITS.partiesMax - 1) problems.invitedOrganisationIds = { key: 'collaboration:invitedTooMany', params: { count: COLLABORATION_LIMITS.partiesMax - 1 } };
  else if (values.invited.some((o) => o.id === values.requestingOrganisationId)) problems.invitedOrganisationIds = { key: 'collaboration:invitedSelf' };
  const emails = parseEmailList(values.participantEmails);
  const bad = invalidEmail(emails);
  if (bad) problems.participantEmails = { key: 'collaboration:participantEmailInvalid', params: { email: bad } };
  else if (emails.length > COLLABORATION_LIMITS.participantsPerParty - 1) problems.participantEmails = { key: 'collaboration:participantsTooMany', params: { count: COLLABORATION_LIMITS.participantsPerParty } };
  return problems;
}

export function detailsInput(values: TableDetailsValues): TableDetailsInput {
  return {
    title: values.title.trim(),
    description: values.description.trim(),
    agenda: values.agenda.trim(),
    timeZone: values.timeZone,
    firstSessionAt: zonedInputToUtc(values.firstSessionAt, values.timeZone) ?? '',
  };
}

export function requestInput(values: TableRequestValues): RequestTableInput {
  return {
    ...detailsInput(values),
    requestingOrganisationId: values.requestingOrganisationId,
    invitedOrganisationIds: values.invited.map((o) => o.id),
    participantEmails: parseEmailList(values.participantEmails),
  };
}

/**
 * The API's per-field messages (already translated) keyed by the input they belong to:
 * "participantEmails.2" and "participantEmails.5" both go under the list, one after the other.
 */
export function serverFieldMessages(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!CombinedGraphQLErrors.is(error)) return out;
  for (const graphQLError of error.errors) {
    const list = (graphQLError.extensions as { fields?: unknown } | undefined)?.fields;
    if (!Array.isArray(list)) continue;
    for (const item of list as Array<{ field?: unknown; message?: unknown }>) {
      if (typeof item.field !== 'string' || typeof item.message !== 'string') continue;
      const field = item.field.replace(/^input\./, '').split('.')[0];
      out[field] = out[field] ? `${out[field]} ${item.message}` : item.message;
    }
  }
  return out;
}
