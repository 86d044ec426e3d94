// Calendar days of coordination periods ('YYYY-MM-DD', no time of day): formatted as days in the
// reader's language, never shifted by the reader's time zone (the day is the same everywhere).
import { countryName } from '@alliance/shared-core';

function asUtcDate(day: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "3 mar 2027" in the reader's language. */
export function formatDay(day: string, locale: string): string {
  const date = asUtcDate(day);
  if (!date) return day;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** "1 ene – 30 jun 2026" (first and last day, both included). */
export function formatPeriod(startsOn: string, lastDay: string, locale: string): string {
  const from = asUtcDate(startsOn);
  const to = asUtcDate(lastDay);
  if (!from || !to) return `${startsOn} – ${lastDay}`;
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  try {
    return format.formatRange(from, to);
  } catch {
    return `${format.format(from)} – ${format.format(to)}`;
  }
}

/** The member countries as one line, each once, in the reader's language ("Chile, Colombia, México"). */
export function countriesLine(members: ReadonlyArray<{ countryCode: string }>, locale: string): string {
  const names = [...new Set(members.map((m) => m.countryCode))].map((code) => countryName(code, locale));
  const collator = new Intl.Collator(locale);
  return names.sort((a, b) => collator.compare(a, b)).join(', ');
}

/** E-mail addresses typed one per line, or separated by commas, semicolons or spaces: trimmed, lower-case, each once. */
export function splitEmails(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}
