import { ACCESS_LEVELS, type AccessLevel } from '@alliance/shared-core';
import type { CommitmentKind, CommitmentStatus } from '../operations-commitments';

/** Whether a level reads a space's content (documents, commitments): MEMBER and above. */
export const readsContent = (level: AccessLevel): boolean => ACCESS_LEVELS.indexOf(level) >= ACCESS_LEVELS.indexOf('MEMBER');

export const COMMITMENT_TITLE_MAX = 300;
export const COMMITMENT_TEXT_MAX = 10_000;

/** Tables record commitments; technical groups also deliverables and mandates. */
export function kindsFor(spaceKind: 'TABLE' | 'GROUP'): CommitmentKind[] {
  return spaceKind === 'TABLE' ? ['COMMITMENT'] : ['COMMITMENT', 'DELIVERABLE', 'MANDATE'];
}

export interface CommitmentDraft {
  kind: CommitmentKind;
  title: string;
  description: string;
  responsibleOrganisationId: string;
  dueDate: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date 'YYYY-MM-DD' that exists (no 30 February), between the years 2000 and 2100 as the API asks. */
export function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year >= 2000 && year <= 2100;
}

/**
 * The same rules as the API, checked before sending, as i18n keys per field: a title, a responsible
 * organisation among the parties, and a due date unless the kind is MANDATE.
 */
export function commitmentProblems(draft: Pick<CommitmentDraft, 'kind' | 'title' | 'responsibleOrganisationId' | 'dueDate'>, partyIds: readonly string[]): Record<string, string> {
  const problems: Record<string, string> = {};
  const title = draft.title.trim();
  if (!title || title.length > COMMITMENT_TITLE_MAX) problems.title = 'collaborationRecords:commitmentTitleInvalid';
  if (!draft.responsibleOrganisationId || !partyIds.includes(draft.responsibleOrganisationId)) problems.responsibleOrganisationId = 'collaborationRecords:responsibleRequired';
  if (draft.dueDate && !isCalendarDate(draft.dueDate)) problems.dueDate = 'collaborationRecords:dueDateInvalid';
  else if (!draft.dueDate && draft.kind !== 'MANDATE') problems.dueDate = 'collaborationRecords:dueDateRequired';
  return problems;
}

/** What a progress note will set (as the API does): DONE means 100 %, DROPPED keeps the progress reached. */
export function progressAfter(status: CommitmentStatus, requested: number, current: number): number {
  if (status === 'DONE') return 100;
  if (status === 'DROPPED') return current;
  return Math.min(100, Math.max(0, Math.round(requested)));
}

/** A calendar day 'YYYY-MM-DD' in the reader's language, never shifted by their time zone. */
export function formatDay(value: string, locale: string): string {
  if (!isCalendarDate(value)) return value;
  const [year, month, day] = value.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
}

/** A share (0..1) as a whole percentage in the reader's language; a dash when there is nothing to count. */
export function formatShare(value: number | null, locale: string): string {
  return value === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

/** Status badge colours, dark enough on white; the status is always written too. */
export const STATUS_COLORS: Record<CommitmentStatus, string> = {
  PENDING: 'gray.8',
  IN_PROGRESS: 'blue.8',
  DONE: 'teal.9',
  // Not orange: white on orange.9 is 4.3:1, below AA.
  DROPPED: 'grape.9',
};
