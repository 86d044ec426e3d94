import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { emailSchema, isLocale, LIMITS, type FieldErrorDescriptor, type Locale } from '@alliance/shared-core';
import { CERTIFICATE_KINDS } from './entities/certificate.entity';

/** Limits of certificate data, shared by the bulk form and requestCertificate. */
export const CERTIFICATE_LIMITS = {
  titleMax: 300,
  issuerMax: 200,
  coIssuersMax: 10,
  signatoriesMax: 4,
  signatoryFieldMax: 120,
  hoursMax: 10_000,
  reasonMax: 500,
  bulkMax: 5_000,
  /** Public look-ups per IP a minute: the certificateLookupPerIp rate limit. */
  lookupsPerMinute: LIMITS.rateLimits.certificateLookupPerIp.points,
} as const;

const isoDate = z
  .string({ error: 'certificates:dateInvalid' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'certificates:dateInvalid' })
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, { error: 'certificates:dateInvalid' });

const text = (min: number, max: number, key: string) =>
  z
    .string({ error: key })
    .trim()
    .min(min, { error: key })
    .max(max, { error: key });

export const signatorySchema = z.object({
  name: text(1, CERTIFICATE_LIMITS.signatoryFieldMax, 'certificates:signatoryInvalid'),
  title: text(1, CERTIFICATE_LIMITS.signatoryFieldMax, 'certificates:signatoryInvalid'),
  organisation: text(1, CERTIFICATE_LIMITS.signatoryFieldMax, 'certificates:signatoryInvalid'),
});

/** What is printed for an achievement: the same rules for every kind and every caller. */
export const achievementSchema = z
  .object({
    kind: z.enum(CERTIFICATE_KINDS),
    title: text(2, CERTIFICATE_LIMITS.titleMax, 'certificates:titleInvalid'),
    hours: z
      .number({ error: 'certificates:hoursInvalid' })
      .gt(0, { error: 'certificates:hoursInvalid' })
      .lt(CERTIFICATE_LIMITS.hoursMax, { error: 'certificates:hoursInvalid' })
      .nullish(),
    startDate: isoDate.nullish(),
    endDate: isoDate.nullish(),
    issuerName: text(2, CERTIFICATE_LIMITS.issuerMax, 'certificates:issuerInvalid'),
    coIssuers: z
      .array(text(2, CERTIFICATE_LIMITS.issuerMax, 'certificates:coIssuerInvalid'))
      .max(CERTIFICATE_LIMITS.coIssuersMax, { error: 'certificates:tooManyCoIssuers' })
      .nullish()
      .transform((value) => value ?? []),
    signatories: z
      .array(signatorySchema)
      .min(1, { error: 'certificates:signatoriesCount' })
      .max(CERTIFICATE_LIMITS.signatoriesMax, { error: 'certificates:signatoriesCount' }),
  })
  .refine((value) => !value.startDate || !value.endDate || value.endDate >= value.startDate, {
    error: 'certificates:endBeforeStart',
    path: ['endDate'],
  });

export const recipientNameSchema = z
  .string({ error: 'certificates:nameInvalid' })
  .trim()
  .min(LIMITS.nameMin, { error: 'certificates:nameInvalid' })
  .max(LIMITS.nameMax, { error: 'certificates:nameInvalid' });

export const revocationReasonSchema = z
  .string({ error: 'certificates:reasonRequired' })
  .trim()
  .min(1, { error: 'certificates:reasonRequired' })
  .max(CERTIFICATE_LIMITS.reasonMax, { error: 'certificates:reasonTooLong' });

export interface RecipientRow {
  name: string;
  email: string;
  locale: Locale | null;
}

/** Limit messages carry the limit, so the catalogue can say it. */
export function withCounts(errors: FieldErrorDescriptor[]): FieldErrorDescriptor[] {
  const counts: Record<string, number> = {
    'certificates:titleInvalid': CERTIFICATE_LIMITS.titleMax,
    'certificates:issuerInvalid': CERTIFICATE_LIMITS.issuerMax,
    'certificates:coIssuerInvalid': CERTIFICATE_LIMITS.issuerMax,
    'certificates:tooManyCoIssuers': CERTIFICATE_LIMITS.coIssuersMax,
    'certificates:signatoryInvalid': CERTIFICATE_LIMITS.signatoryFieldMax,
    'certificates:signatoriesCount': CERTIFICATE_LIMITS.signatoriesMax,
    'certificates:hoursInvalid': CERTIFICATE_LIMITS.hoursMax,
    'certificates:reasonTooLong': CERTIFICATE_LIMITS.reasonMax,
  };
  return errors.map((error) => (error.key in counts ? { ...error, params: { count: counts[error.key] } } : error));
}

interface RawRow {
  name: unknown;
  email: unknown;
  locale?: unknown;
  line: number;
}

/** Reads "name,email[,locale]" CSV with a header row. Throws a field error for unreadable text. */
export function parseRecipientCsv(csv: string): RawRow[] | FieldErrorDescriptor {
  let records: string[][];
  try {
    records = parseCsv(csv, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: false }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { field: 'csv', key: 'certificates:csvInvalid', params: { line } };
  }
  const [header, ...rows] = records;
  const columns = (header ?? []).map((h) => h.trim().toLowerCase());
  const nameAt = columns.indexOf('name');
  const emailAt = columns.indexOf('email');
  const localeAt = columns.indexOf('locale');
  if (nameAt < 0 || emailAt < 0 || columns.some((c) => !['name', 'email', 'locale'].includes(c))) {
    return { field: 'csv', key: 'certificates:csvHeader' };
  }
  // Lines count from the header (line 1); empty lines are skipped by the parser, so count them back.
  const lines = lineNumbers(csv);
  return rows.map((row, index) => ({
    name: row[nameAt],
    email: row[emailAt],
    locale: localeAt >= 0 ? row[localeAt] || null : null,
    line: lines[index + 1] ?? index + 2,
  }));
}

/** 1-based line numbers of the non-empty lines (good enough for CSV without multi-line fields). */
function lineNumbers(csv: string): number[] {
  const out: number[] = [];
  csv.split(/\r\n|\n|\r/).forEach((line, index) => {
    if (line.trim()) out.push(index + 1);
  });
  return out;
}

/**
 * Checks every row; the errors name the row (`recipients.<n>`) and its line. Duplicate e-mails
 * are reported on each repeat, with the line of the first.
 */
export function validateRecipients(rows: RawRow[]): { rows: RecipientRow[]; errors: FieldErrorDescriptor[] } {
  const errors: FieldErrorDescriptor[] = [];
  const valid: RecipientRow[] = [];
  const firstLine = new Map<string, number>();
  rows.forEach((row, index) => {
    const field = `recipients.${index}`;
    const name = recipientNameSchema.safeParse(row.name);
    const email = emailSchema.safeParse(row.email);
    const localeOk = row.locale == null || row.locale === '' || isLocale(row.locale);
    if (!name.success) errors.push({ field, key: 'certificates:rowNameInvalid', params: { line: row.line } });
    if (!email.success) errors.push({ field, key: 'certificates:rowEmailInvalid', params: { line: row.line } });
    if (!localeOk) errors.push({ field, key: 'certificates:rowLocaleInvalid', params: { line: row.line } });
    if (email.success) {
      const first = firstLine.get(email.data);
      if (first !== undefined) errors.push({ field, key: 'certificates:rowDuplicate', params: { line: row.line, first } });
      else firstLine.set(email.data, row.line);
    }
    if (name.success && email.success && localeOk) {
      valid.push({ name: name.data, email: email.data, locale: isLocale(row.locale) ? row.locale : null });
    }
  });
  return { rows: valid, errors };
}
