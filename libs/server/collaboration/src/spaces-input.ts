import { z } from 'zod';
import { IANAZone } from 'luxon';
import { AppError } from '@alliance/server-graphql';
import { emailSchema, toFieldErrors, type FieldErrorDescriptor } from '@alliance/shared-core';
import { COLLABORATION_LIMITS as L, MIN_REQUEST_LEAD_DAYS } from './collaboration.constants';

/** What a moderator decides on a table request. */
export const TABLE_REVIEW_DECISIONS = ['APPROVE', 'REQUEST_CHANGES', 'DECLINE'] as const;
export type TableReviewDecision = (typeof TABLE_REVIEW_DECISIONS)[number];

/** Table texts are short Markdown; these minimums only refuse what cannot be a topic, purpose or agenda. */
export const TABLE_TEXT_MINIMUMS = { title: 3, description: 10, agenda: 3 } as const;

/** How far ahead a first session may be proposed: refuses typing mistakes such as year 2207. */
export const MAX_REQUEST_LEAD_DAYS = 730;

const DAY_MS = 24 * 60 * 60 * 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const text = (min: number, max: number, key: string) => z.string({ error: key }).trim().min(min, { error: key }).max(max, { error: key });

const optionalNote = z
  .string({ error: 'collaboration:noteInvalid' })
  .trim()
  .max(L.reasonMax, { error: 'collaboration:noteInvalid' })
  .nullish()
  .transform((v) => (v ? v : null));

const uuid = (key: string) =>
  z
    .string({ error: key })
    .regex(UUID, { error: key })
    .transform((v) => v.toLowerCase());

/** The earliest first session a request made at `now` may propose (seed 001: 15 days ahead). */
export function earliestFirstSession(now: Date): Date {
  return new Date(now.getTime() + MIN_REQUEST_LEAD_DAYS * DAY_MS);
}

/** A Date or an ISO string, at least MIN_REQUEST_LEAD_DAYS after `now` (so the secretariat can prepare the session). */
const firstSessionSchema = (now: Date) =>
  z
    .union([z.date(), z.string()], { error: 'collaboration:firstSessionInvalid' })
    .transform((value, ctx) => {
      const date = value instanceof Date ? value : new Date(value);
      if (Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: 'custom', message: 'collaboration:firstSessionInvalid' });
        return z.NEVER;
      }
      return date;
    })
    .superRefine((date, ctx) => {
      if (date.getTime() < earliestFirstSession(now).getTime()) ctx.addIssue({ code: 'custom', message: 'collaboration:firstSessionTooSoon' });
      else if (date.getTime() > now.getTime() + MAX_REQUEST_LEAD_DAYS * DAY_MS) ctx.addIssue({ code: 'custom', message: 'collaboration:firstSessionTooLate' });
    });

/** E-mail addresses of registered accounts; lower-cased and without repeats (the order is kept for error paths). */
const emailListSchema = (min: number, minKey: string) =>
  z
    .array(emailSchema, { error: 'collaboration:participantsInvalid' })
    .min(min, { error: minKey })
    .max(L.participantsPerParty, { error: 'collaboration:participantsTooMany' });

const detailsShape = (now: Date) => ({
  title: text(TABLE_TEXT_MINIMUMS.title, L.titleMax, 'collaboration:titleInvalid'),
  description: text(TABLE_TEXT_MINIMUMS.description, L.textMax, 'collaboration:descriptionInvalid'),
  agenda: text(TABLE_TEXT_MINIMUMS.agenda, L.textMax, 'collaboration:agendaInvalid'),
  timeZone: z
    .string({ error: 'collaboration:timeZoneInvalid' })
    .trim()
    .max(64, { error: 'collaboration:timeZoneInvalid' })
    .refine((v) => IANAZone.isValidZone(v), { error: 'collaboration:timeZoneInvalid' }),
  firstSessionAt: firstSessionSchema(now),
});

/** Topic, purpose, agenda, time zone and first session: what the requester may edit while the request is under review. */
export const tableDetailsSchema = (now: Date) => z.object(detailsShape(now));
export type TableDetailsValues = z.output<ReturnType<typeof tableDetailsSchema>>;

export const tableRequestSchema = (now: Date) =>
  z
    .object({
      ...detailsShape(now),
      requestingOrganisationId: uuid('collaboration:requestingOrganisationInvalid'),
      invitedOrganisationIds: z
        .array(uuid('collaboration:invitedInvalid'), { error: 'collaboration:invitedRequired' })
        .min(1, { error: 'collaboration:invitedRequired' })
        .max(L.partiesMax - 1, { error: 'collaboration:invitedTooMany' }),
      // The requester is added by the service: an empty list is a table of one person per side.
      participantEmails: emailListSchema(0, 'collaboration:participantsRequired')
        .nullish()
        .transform((v) => v ?? []),
    })
    .superRefine((values, ctx) => {
      const seen = new Set<string>();
      values.invitedOrganisationIds.forEach((id, index) => {
        if (id === values.requestingOrganisationId) ctx.addIssue({ code: 'custom', path: ['invitedOrganisationIds', index], message: 'collaboration:invitedSelf' });
        else if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['invitedOrganisationIds', index], message: 'collaboration:invitedDuplicate' });
        seen.add(id);
      });
    });
export type TableRequestValues = z.output<ReturnType<typeof tableRequestSchema>>;

/** An invited party's confirmation: its participant list (at least one person). */
export const participantListSchema = z.object({ participantEmails: emailListSchema(1, 'collaboration:participantsRequired') });

export const declineSchema = z.object({ note: optionalNote });

export const reviewTableSchema = z
  .object({
    decision: z.enum(TABLE_REVIEW_DECISIONS, { error: 'collaboration:decisionInvalid' }),
    moderatorId: uuid('collaboration:moderatorInvalid')
      .nullish()
      .transform((v) => v ?? null),
    note: optionalNote,
  })
  .superRefine((values, ctx) => {
    if (values.decision === 'APPROVE' && !values.moderatorId) ctx.addIssue({ code: 'custom', path: ['moderatorId'], message: 'collaboration:moderatorRequired' });
    if (values.decision !== 'APPROVE' && !values.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'collaboration:noteRequired' });
  });
export type ReviewTableValues = z.output<typeof reviewTableSchema>;

export const closeSchema = z.object({ note: optionalNote });

/** Interpolation values of this domain's own messages (zod only adds counts for too_small/too_big). */
const MESSAGE_PARAMS: Record<string, Record<string, number>> = {
  'collaboration:firstSessionTooSoon': { days: MIN_REQUEST_LEAD_DAYS },
  'collaboration:firstSessionTooLate': { days: MAX_REQUEST_LEAD_DAYS },
};

/** Like parseInput(), with this domain's message parameters: throws BAD_USER_INPUT naming each field. */
export function parseTableInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: FieldErrorDescriptor[] = toFieldErrors(result.error).map((f) => (MESSAGE_PARAMS[f.key] ? { ...f, params: { ...f.params, ...MESSAGE_PARAMS[f.key] } } : f));
  throw AppError.badInput(fields);
}

/** Lower-cased addresses in their first order, without repeats. */
export function uniqueEmails(emails: readonly string[]): string[] {
  return [...new Set(emails.map((e) => e.trim().toLowerCase()))];
}
