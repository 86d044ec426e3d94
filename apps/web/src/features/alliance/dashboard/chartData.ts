// Turns the dashboard's figures into what the charts and their tables show, in the reader's language.
import type { CountByKey, GrowthPoint } from './operations';

export interface LabelledCount {
  key: string;
  label: string;
  count: number;
}

/**
 * Labels each count for the reader (falling back to the API's label) and orders them largest
 * first, ties by name, so chart and table read in the same order. Empty groups are left out.
 */
export function labelCounts(rows: readonly CountByKey[], labelFor: (key: string) => string | null, locale: string): LabelledCount[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  return rows
    .filter((row) => row.count > 0)
    .map((row) => ({ key: row.key, label: labelFor(row.key) || row.label || row.key, count: row.count }))
    .sort((a, b) => b.count - a.count || collator.compare(a.label, b.label));
}

/** Bars: one per group, the category axis reads `label`, the series `count`. */
export function toBarData(rows: readonly LabelledCount[]): Array<{ label: string; count: number }> {
  return rows.map((row) => ({ label: row.label, count: row.count }));
}

/** Donut slices, coloured from the palette in order (cycling when there are more groups than colours). */
export function toDonutData(rows: readonly LabelledCount[], palette: readonly string[]): Array<{ name: string; value: number; color: string }> {
  return rows.map((row, i) => ({ name: row.label, value: row.count, color: palette[i % palette.length] }));
}

/** "2026-03" as the reader says it ("mar 2026", "Mar 2026"); the month is a calendar month, not an instant. */
export function monthLabel(month: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

export interface GrowthRow {
  month: string;
  label: string;
  joined: number;
  total: number;
}

/** Growth in calendar order with readable month labels (the API's order is not relied on). */
export function growthRows(points: readonly GrowthPoint[], locale: string): GrowthRow[] {
  return [...points]
    .sort((a, b) => a.month.localeCompare(b.month))
    .map((point) => ({ month: point.month, label: monthLabel(point.month, locale), joined: point.joined, total: point.total }));
}

/** "12 días", "1 day", "3 jours": the waiting age in whole days, in the reader's language. */
export function formatAgeDays(days: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(days);
}
