import { z } from 'zod';
import { IANAZone } from 'luxon';
import { parse as parseCsv } from 'csv-parse/sync';
import { AppError } from '@alliance/server-graphql';
import { ErrorCode, LOCALES, emailSchema } from '@alliance/shared-core';
import { localizedSchema } from '@alliance/server-graphql';
import { UUID } from './util';
import {
  MATERIAL_PHASES,
  QUESTION_TYPES,
  WAITLIST_MODES,
  WORKSHOP_AUDIENCES,
  WORKSHOP_LIMITS as L,
  WORKSHOP_MODES,
} from './workshops.constants';

export const uuidSchema = z.string({ error: 'validation:required' }).regex(UUID, { error: 'validation:invalid' });

const optionalText = (max: number, key: string) =>
  z
    .string({ error: key })
    .trim()
    .max(max, { error: key })
    .nullish()
    .transform((v) => (v ? v : null));

/** An https URL (meeting and recording links), or null when empty. */
export const httpsUrlSchema = z
  .string({ error: 'workshops:urlInvalid' })
  .trim()
  .max(L.urlMax, { error: 'workshops:urlInvalid' })
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || isHttpsUrl(v), { error: 'workshops:urlInvalid' });

export function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && !!url.hostname && !url.username && !url.password;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string({ error: 'workshops:timeZoneInvalid' })
  .trim()
  .max(64, { error: 'workshops:timeZoneInvalid' })
  .refine((v) => IANAZone.isValidZone(v), { error: 'workshops:timeZoneInvalid' });

const dateSchema = z.coerce.date({ error: 'validation:invalid' }).refine((d) => !Number.isNaN(d.getTime()), { error: 'validation:invalid' });

const signatorySchema = z.object({
  name: z.string({ error: 'validation:required' }).trim().max(120, { error: 'workshops:signatoryInvalid' }),
  title: z.string({ error: 'validation:required' }).trim().max(120, { error: 'workshops:signatoryInvalid' }),
  organisation: z.string({ error: 'validation:required' }).trim().max(200, { error: 'workshops:signatoryInvalid' }),
});

const questionSchema = z
  .object({
    id: uuidSchema.nullish().transform((v) => v ?? null),
    type: z.enum(QUESTION_TYPES, { error: 'validation:invalid' }),
    prompt: localizedSchema(L.promptMax, { namespace: 'workshops', key: 'workshops:promptInvalid' }),
    options: z
      .array(z.string().trim().min(1, { error: 'workshops:optionInvalid' }).max(L.optionMax, { error: 'workshops:optionInvalid' }), { error: 'workshops:optionInvalid' })
      .max(L.optionsMax, { error: 'workshops:tooManyOptions' })
      .nullish()
      .transform((v) => v ?? []),
    required: z.boolean({ error: 'validation:required' }),
  })
  .superRefine((q, ctx) => {
    if (q.type === 'CHOICE') {
      if (q.options.length < 2) ctx.addIssue({ code: 'custom', path: ['options'], message: 'workshops:choiceNeedsOptions' });
      if (new Set(q.options).size !== q.options.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'workshops:optionDuplicate' });
    } else if (q.options.length) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'workshops:optionsOnlyForChoice' });
    }
  });

export const workshopSchema = z
  .object({
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .max(L.slugMax, { error: 'workshops:slugInvalid' })
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'workshops:slugInvalid' })
      .nullish()
      .or(z.literal('').transform(() => null))
      .transform((v) => v || null),
    title: localizedSchema(L.titleMax, { namespace: 'workshops', key: 'workshops:titleInvalid' }),
    description: localizedSchema(L.descriptionMax, { namespace: 'workshops', optional: true, key: 'workshops:descriptionInvalid' }),
    mode: z.enum(WORKSHOP_MODES, { error: 'validation:invalid' }),
    timeZone: timeZoneSchema,
    venue: optionalText(L.venueMax, 'workshops:venueInvalid'),
    meetingUrl: httpsUrlSchema,
    recordingUrl: httpsUrlSchema,
    capacity: z
      .number({ error: 'workshops:capacityInvalid' })
      .int({ error: 'workshops:capacityInvalid' })
      .min(1, { error: 'workshops:capacityInvalid' })
      .max(L.capacityMax, { error: 'workshops:capacityInvalid' })
      .nullish()
      .transform((v) => v ?? null),
    registrationOpensAt: dateSchema.nullish().transform((v) => v ?? null),
    registrationClosesAt: dateSchema.nullish().transform((v) => v ?? null),
    audience: z.enum(WORKSHOP_AUDIENCES, { error: 'validation:invalid' }),
    approvalRequired: z.boolean({ error: 'validation:required' }),
    waitlistMode: z.enum(WAITLIST_MODES, { error: 'validation:invalid' }),
    offerHours: z
      .number({ error: 'workshops:offerHoursInvalid' })
      .int({ error: 'workshops:offerHoursInvalid' })
      .min(L.offerHoursMin, { error: 'workshops:offerHoursInvalid' })
      .max(L.offerHoursMax, { error: 'workshops:offerHoursInvalid' })
      .nullish()
      .transform((v) => v ?? 48),
    attendanceThreshold: z
      .number({ error: 'workshops:thresholdInvalid' })
      .int({ error: 'workshops:thresholdInvalid' })
      .min(L.thresholdMin, { error: 'workshops:thresholdInvalid' })
      .max(L.thresholdMax, { error: 'workshops:thresholdInvalid' })
      .nullish()
      .transform((v) => v ?? 100),
    languages: z
      .array(z.enum(LOCALES, { error: 'workshops:languagesInvalid' }), { error: 'workshops:languagesInvalid' })
      .min(1, { error: 'workshops:languagesRequired' })
      .max(LOCALES.length, { error: 'workshops:languagesInvalid' })
      .transform((list) => [...new Set(list)]),
    focusAreaIds: z
      .array(uuidSchema, { error: 'validation:invalid' })
      .max(20, { error: 'validation:invalid' })
      .nullish()
      .transform((v) => [...new Set(v ?? [])]),
    certificateIssuer: z.string({ error: 'workshops:issuerRequired' }).trim().min(1, { error: 'workshops:issuerRequired' }).max(L.issuerMax, { error: 'workshops:issuerRequired' }),
    certificateSignatories: z.array(signatorySchema, { error: 'workshops:signatoryInvalid' }).max(L.signatoriesMax, { error: 'workshops:signatoryInvalid' }),
    countrySeats: z
      .array(
        z.object({
          countryCode: z
            .string({ error: 'workshops:countryInvalid' })
            .trim()
            .toUpperCase()
            .regex(/^[A-Z]{2}$/, { error: 'workshops:countryInvalid' }),
          seats: z.number({ error: 'workshops:countrySeatsInvalid' }).int({ error: 'workshops:countrySeatsInvalid' }).min(0, { error: 'workshops:countrySeatsInvalid' }).max(L.capacityMax, { error: 'workshops:countrySeatsInvalid' }),
        }),
        { error: 'validation:invalid' },
      )
      .max(60, { error: 'validation:invalid' })
      .nullish()
      .transform((v) => v ?? []),
    questions: z
      .array(questionSchema, { error: 'validation:invalid' })
      .max(L.questionsMax, { error: 'workshops:tooManyQuestions' })
      .nullish()
      .transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    if (v.registrationOpensAt && v.registrationClosesAt && v.registrationClosesAt <= v.registrationOpensAt) {
      ctx.addIssue({ code: 'custom', path: ['registrationClosesAt'], message: 'workshops:registrationWindowInvalid' });
    }
    const codes = v.countrySeats.map((s) => s.countryCode);
    if (new Set(codes).size !== codes.length) ctx.addIssue({ code: 'custom', path: ['countrySeats'], message: 'workshops:countryDuplicate' });
    if (v.capacity !== null && v.countrySeats.reduce((sum, s) => sum + s.seats, 0) > v.capacity) {
      ctx.addIssue({ code: 'custom', path: ['countrySeats'], message: 'workshops:countrySeatsOverCapacity' });
    }
    if (v.countrySeats.length && v.capacity === null) ctx.addIssue({ code: 'custom', path: ['countrySeats'], message: 'workshops:countrySeatsNeedCapacity' });
    if (v.mode !== 'VIRTUAL' && !v.venue) ctx.addIssue({ code: 'custom', path: ['venue'], message: 'workshops:venueRequired' });
    const ids = (v.questions ?? []).map((q) => q.id).filter(Boolean);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['questions'], message: 'validation:invalid' });
  });
export type WorkshopValues = z.output<typeof workshopSchema>;

export const sessionSchema = z
  .object({
    title: localizedSchema(L.titleMax, { namespace: 'workshops', optional: true, key: 'workshops:titleInvalid' }),
    startsAt: dateSchema,
    endsAt: dateSchema,
  })
  .refine((v) => v.endsAt > v.startsAt, { path: ['endsAt'], error: 'workshops:sessionTimesInvalid' })
  .refine((v) => v.endsAt.getTime() - v.startsAt.getTime() <= 24 * 3_600_000, { path: ['endsAt'], error: 'workshops:sessionTooLong' });
export type SessionValues = z.output<typeof sessionSchema>;

export const agendaItemSchema = z
  .object({
    sessionId: uuidSchema,
    title: localizedSchema(L.titleMax, { namespace: 'workshops', key: 'workshops:titleInvalid' }),
    description: localizedSchema(L.descriptionMax, { namespace: 'workshops', optional: true, key: 'workshops:descriptionInvalid' }),
    speakers: optionalText(L.speakersMax, 'workshops:speakersInvalid'),
    startsAt: dateSchema,
    endsAt: dateSchema,
  })
  .refine((v) => v.endsAt > v.startsAt, { path: ['endsAt'], error: 'workshops:agendaTimesInvalid' });
export type AgendaItemValues = z.output<typeof agendaItemSchema>;

const portalOrHttps = (v: string) => isHttpsUrl(v) || /^\/[A-Za-z0-9\-._~/%?=&]*$/.test(v);

/**
 * A material is a link (title and https or portal URL) or an evidence bank item (evidenceItemId;
 * the title is then optional, it defaults to the item's, and the URL is the item's page).
 */
export const materialSchema = z
  .object({
    phase: z.enum(MATERIAL_PHASES, { error: 'validation:invalid' }),
    evidenceItemId: z
      .string({ error: 'workshops:materialEvidenceInvalid' })
      .regex(UUID, { error: 'workshops:materialEvidenceInvalid' })
      .nullish()
      .transform((v) => (v ? v.toLowerCase() : null)),
    title: z
      .string({ error: 'workshops:materialTitleRequired' })
      .trim()
      .max(L.materialTitleMax, { error: 'workshops:materialTitleRequired' })
      .nullish()
      .transform((v) => v || null),
    url: z
      .string({ error: 'workshops:materialUrlInvalid' })
      .trim()
      .max(L.urlMax, { error: 'workshops:materialUrlInvalid' })
      .nullish()
      .transform((v) => v || null),
  })
  .superRefine((v, ctx) => {
    if (v.evidenceItemId) return;
    if (!v.title) ctx.addIssue({ code: 'custom', path: ['title'], message: 'workshops:materialTitleRequired' });
    // An https link, or a path inside the portal (evidence items, files).
    if (!v.url || !portalOrHttps(v.url)) ctx.addIssue({ code: 'custom', path: ['url'], message: 'workshops:materialUrlInvalid' });
  });
export type MaterialValues = z.output<typeof materialSchema>;

export const noteSchema = z.string({ error: 'workshops:noteRequired' }).trim().min(1, { error: 'workshops:noteRequired' }).max(L.noteMax, { error: 'workshops:noteTooLong' });

export interface ParsedEmail {
  raw: string;
  /** Normalised address, or null when invalid. */
  email: string | null;
}

/**
 * E-mails from a pasted list (commas, semicolons, spaces or new lines) or from a CSV whose header
 * has an "email" column (also "e-mail", "correo", "courriel"). Invalid entries are kept with
 * email = null so the caller reports them; repeated addresses are kept once.
 */
export function parseEmailList(text: unknown): ParsedEmail[] {
  if (typeof text !== 'string' || text.length > 200_000) throw AppError.badInput([{ field: 'emails', key: 'workshops:emailsRequired' }]);
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.split(/\r?\n/).find((line) => line.trim()) ?? '';
  const header = firstLine.split(/[,;\t]/).map((h) => h.trim().replace(/^"|"$/g, '').toLowerCase());
  const column = header.findIndex((h) => ['email', 'e-mail', 'correo', 'courriel', 'mail'].includes(h));
  let raws: string[];
  if (column >= 0) {
    const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
    let records: string[][];
    try {
      records = parseCsv(source, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }) as string[][];
    } catch {
      throw AppError.badInput([{ field: 'emails', key: 'workshops:csvInvalid' }], 'workshops:csvInvalid');
    }
    raws = records.slice(1).map((r) => (r[column] ?? '').trim());
  } else {
    raws = source.split(/[\s,;]+/);
  }
  raws = raws.map((r) => r.trim().replace(/^<|>$/g, '')).filter(Boolean);
  if (!raws.length) throw AppError.badInput([{ field: 'emails', key: 'workshops:emailsRequired' }], 'workshops:emailsRequired');
  if (raws.length > L.invitesMax) {
    throw new AppError(ErrorCode.BadUserInput, 'workshops:tooManyEmails', { max: L.invitesMax }, [{ field: 'emails', key: 'workshops:tooManyEmails' }]);
  }
  const seen = new Set<string>();
  const out: ParsedEmail[] = [];
  for (const raw of raws) {
    const parsed = emailSchema.safeParse(raw);
    if (!parsed.success) {
      out.push({ raw, email: null });
      continue;
    }
    if (seen.has(parsed.data)) continue;
    seen.add(parsed.data);
    out.push({ raw, email: parsed.data });
  }
  return out;
}
