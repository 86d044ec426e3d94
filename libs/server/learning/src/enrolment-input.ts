import { z } from 'zod';
import { parse as parseCsv } from 'csv-parse/sync';
import { AppError } from '@alliance/server-graphql';
import { DEFAULT_LOCALE, ErrorCode, emailSchema, isLocale } from '@alliance/shared-core';
import { LEARNING_LIMITS as L, type LocalizedText } from './learning.constants';
import { UUID } from './util';
import { pickLocalized } from '@alliance/server-graphql';

export const uuidSchema = z.string({ error: 'validation:required' }).regex(UUID, { error: 'validation:invalid' });
export { isUuid } from './util';

export const noteSchema = z
  .string()
  .trim()
  .max(L.noteMax, { error: 'enrolment:noteTooLong' })
  .nullish()
  .transform((v) => (v ? v : null));
export const requiredNoteSchema = z.string({ error: 'enrolment:noteRequired' }).trim().min(1, { error: 'enrolment:noteRequired' }).max(L.noteMax, { error: 'enrolment:noteTooLong' });

export const decisionSchema = z.enum(['APPROVE', 'REJECT'], { error: 'validation:invalid' });

/** Answers of one quiz attempt: option ids are short ids stable within their question. */
export const answersSchema = z
  .array(
    z.object({
      questionId: uuidSchema,
      optionIds: z.array(z.string().min(1).max(64), { error: 'enrolment:answersInvalid' }).max(L.optionsMax, { error: 'enrolment:answersInvalid' }),
    }),
    { error: 'enrolment:answersInvalid' },
  )
  .max(L.questionsMax, { error: 'enrolment:answersInvalid' });

export const emailsTextSchema = z.string({ error: 'enrolment:emailsRequired' }).max(200_000, { error: 'enrolment:tooManyEmails' });

export interface ParsedEmail {
  /** As written (trimmed), for the report back to the person. */
  raw: string;
  /** Normalised address, or null when invalid. */
  email: string | null;
  /** Set when the entry is skipped before any database work. */
  skip?: 'enrolment:skipInvalidEmail' | 'enrolment:skipDuplicate';
}

/**
 * E-mails from a pasted list (commas, semicolons, spaces or new lines) or from a CSV file whose
 * header has an "email" column (any case; also "e-mail", "correo"). Invalid and repeated entries are
 * kept, marked, so the caller reports them instead of dropping them silently.
 */
export function parseEmailList(text: string): ParsedEmail[] {
  const source = parseInput(text).replace(/^\uFEFF/, '');
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
      throw AppError.badInput([{ field: 'emails', key: 'enrolment:csvInvalid' }], 'enrolment:csvInvalid');
    }
    raws = records.slice(1).map((r) => (r[column] ?? '').trim());
  } else {
    raws = source.split(/[\s,;]+/);
  }
  raws = raws.map((r) => r.trim().replace(/^<|>$/g, '')).filter(Boolean);
  if (!raws.length) throw AppError.badInput([{ field: 'emails', key: 'enrolment:emailsRequired' }], 'enrolment:emailsRequired');
  if (raws.length > L.nominationsMax) {
    throw new AppError(ErrorCode.BadUserInput, 'enrolment:tooManyEmails', { max: L.nominationsMax }, [{ field: 'emails', key: 'enrolment:tooManyEmails' }]);
  }
  const seen = new Set<string>();
  return raws.map((raw) => {
    const parsed = emailSchema.safeParse(raw);
    if (!parsed.success) return { raw, email: null, skip: 'enrolment:skipInvalidEmail' as const };
    if (seen.has(parsed.data)) return { raw, email: parsed.data, skip: 'enrolment:skipDuplicate' as const };
    seen.add(parsed.data);
    return { raw, email: parsed.data };
  });
}

function parseInput(text: string): string {
  const parsed = emailsTextSchema.safeParse(text);
  if (!parsed.success) throw AppError.badInput([{ field: 'emails', key: parsed.error.issues[0]?.message ?? 'enrolment:emailsRequired' }]);
  return parsed.data;
}

/** Text in `locale` (Spanish when unknown), with the contract's fallback (localized.ts). */
export function textIn(value: LocalizedText | null | undefined, locale: string | null | undefined): string {
  return pickLocalized(value, isLocale(locale) ? locale : DEFAULT_LOCALE);
}
