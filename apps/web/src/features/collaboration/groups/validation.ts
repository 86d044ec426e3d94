// The creation form's rules, the same as the API's (libs/server/collaboration/src/dto/groups.ts),
// checked before anything is sent; and the API's field errors placed under the right inputs.
import { CombinedGraphQLErrors } from '@apollo/client';
import { COLLABORATION_LIMITS } from '@alliance/shared-core';
import type { CreateTechnicalGroupInput } from '../operations-groups';
import { splitEmails } from './format';

export const GROUP_RULES = {
  titleMin: 3,
  titleMax: COLLABORATION_LIMITS.titleMax,
  descriptionMax: COLLABORATION_LIMITS.textMax,
  membersMin: 2,
  membersMax: COLLABORATION_LIMITS.partiesMax,
  monthsMin: 1,
  monthsMax: 60,
  participantsMax: COLLABORATION_LIMITS.participantsPerParty,
} as const;

export interface MemberDraft {
  organisationId: string;
  organisationName: string;
  countryCode: string;
  /** Addresses as typed (one per line). */
  emails: string;
}

export interface GroupDraft {
  title: string;
  description: string;
  timeZone: string;
  rotationMonths: string;
  rotationStartsOn: string;
  moderatorId: string;
  members: MemberDraft[];
}

/** Messages keyed by field path: title, members, members.2.participantEmails... */
export type GroupFieldKeys = Record<string, string>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The i18n keys of what to fix, by field path (empty when the draft may be sent). */
export function groupDraftProblems(draft: GroupDraft): GroupFieldKeys {
  const problems: GroupFieldKeys = {};
  const title = draft.title.trim();
  if (title.length < GROUP_RULES.titleMin || title.length > GROUP_RULES.titleMax) problems.title = 'collaborationGroups:titleInvalid';
  const description = draft.description.trim();
  if (!description || description.length > GROUP_RULES.descriptionMax) problems.description = 'collaborationGroups:descriptionInvalid';
  const months = Number(draft.rotationMonths);
  if (!draft.rotationMonths.trim() || !Number.isInteger(months) || months < GROUP_RULES.monthsMin || months > GROUP_RULES.monthsMax) {
    problems.rotationMonths = 'collaborationGroups:rotationMonthsInvalid';
  }
  if (!isDay(draft.rotationStartsOn)) problems.rotationStartsOn = 'collaborationGroups:startsOnInvalid';
  if (!draft.timeZone) problems.timeZone = 'collaborationGroups:timeZoneInvalid';
  if (draft.members.length < GROUP_RULES.membersMin) problems.members = 'collaborationGroups:membersTooFew';
  if (draft.members.length > GROUP_RULES.membersMax) problems.members = 'collaborationGroups:membersTooMany';
  draft.members.forEach((member, index) => {
    const emails = splitEmails(member.emails);
    if (emails.some((e) => !EMAIL.test(e))) problems[`members.${index}.participantEmails`] = 'collaborationGroups:emailsInvalid';
    else if (emails.length > GROUP_RULES.participantsMax) problems[`members.${index}.participantEmails`] = 'collaborationGroups:participantsTooMany';
  });
  return problems;
}

export function toCreateInput(draft: GroupDraft): CreateTechnicalGroupInput {
  return {
    title: draft.title.trim(),
    description: draft.description.trim(),
    timeZone: draft.timeZone,
    rotationMonths: Number(draft.rotationMonths),
    rotationStartsOn: draft.rotationStartsOn,
    moderatorId: draft.moderatorId || null,
    members: draft.members.map((m) => ({ organisationId: m.organisationId, participantEmails: splitEmails(m.emails) })),
  };
}

/**
 * The API's field errors by the form's field paths: "members.1.participantEmails.3" (one address)
 * is shown under that member's addresses, "input.title" under the title. Messages come translated.
 */
export function apiFieldMessages(error: unknown): Record<string, string> {
  if (!CombinedGraphQLErrors.is(error)) return {};
  const fields: Record<string, string> = {};
  for (const graphQLError of error.errors) {
    const list = (graphQLError.extensions as { fields?: unknown } | undefined)?.fields;
    if (!Array.isArray(list)) continue;
    for (const item of list as Array<{ field?: unknown; message?: unknown }>) {
      if (typeof item.field !== 'string' || typeof item.message !== 'string') continue;
      const path = item.field.replace(/^input\./, '');
      const member = /^members\.(\d+)\.(participantEmails|organisationId)/.exec(path);
      const key = member ? `members.${member[1]}.${member[2]}` : path.split('.')[0];
      fields[key] ??= item.message;
    }
  }
  return fields;
}
