import { CombinedGraphQLErrors } from '@apollo/client';

/** A calendar date ("YYYY-MM-DD") in the reader's language; read as UTC so no time zone moves it a day. */
export function formatCalendarDate(value: string | null | undefined, locale: string): string | null {
  if (!value) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A moment (ISO date-time) as a date in the reader's language and time zone. */
export function formatMoment(value: string | null | undefined, locale: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(date);
}

export function formatHours(value: number | null | undefined, locale: string): string | null {
  if (value === null || value === undefined) return null;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

export interface RowError {
  /** The list row the API named (0-based, in the order of the list's data rows). */
  row: number;
  /** Already translated, and naming the line of the pasted text ("Line 3: ..."). */
  message: string;
}

const ROW_FIELD = /^(?:input\.)?recipients[.[](\d+)/;

/**
 * The per-row problems of a rejected list: the API answers BAD_USER_INPUT with one field error per
 * problem, its path naming the row ("recipients.2") and its message naming the line.
 */
export function rowErrors(error: unknown): RowError[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  const rows: RowError[] = [];
  for (const graphQLError of error.errors) {
    const fields = (graphQLError.extensions as { fields?: unknown } | undefined)?.fields;
    if (!Array.isArray(fields)) continue;
    for (const item of fields as Array<{ field?: unknown; message?: unknown }>) {
      if (typeof item.field !== 'string' || typeof item.message !== 'string') continue;
      const match = ROW_FIELD.exec(item.field);
      if (match) rows.push({ row: Number(match[1]), message: item.message });
    }
  }
  return rows;
}

/**
 * The API's per-field messages keyed by their full path without the "input." prefix
 * ("title", "signatories.0.name"), so repeated rows keep their own messages.
 */
export function apiFieldMessages(error: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!CombinedGraphQLErrors.is(error)) return fields;
  for (const graphQLError of error.errors) {
    const list = (graphQLError.extensions as { fields?: unknown } | undefined)?.fields;
    if (!Array.isArray(list)) continue;
    for (const item of list as Array<{ field?: unknown; message?: unknown }>) {
      if (typeof item.field !== 'string' || typeof item.message !== 'string') continue;
      const path = item.field.replace(/^input\./, '').replace(/\[(\d+)\]/g, '.$1');
      fields[path] ??= item.message;
    }
  }
  return fields;
}

/** "7,5" and "7.5" are both seven and a half hours; empty is "not given". NaN when unreadable. */
export function parseHours(text: string): number | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  if (!/^\d+(?:[.,]\d+)?$/.test(trimmed)) return Number.NaN;
  return Number(trimmed.replace(',', '.'));
}
