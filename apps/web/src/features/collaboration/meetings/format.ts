// How sessions show their moments: in the reader's language, in the zone the session was agreed in,
// and again in the reader's own zone when that differs (people join from across the region).
import { viewerTimeZone } from '../../workshops/shared/time';

const RANGE_OPTIONS: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
};

function formatter(locale: string, timeZone: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone });
  } catch {
    // An unknown zone (old browser data): the reader's own zone is better than nothing.
    return new Intl.DateTimeFormat(locale, options);
  }
}

/** "martes, 9 de marzo de 2027, 09:00–10:30 GMT-5" in `timeZone`. */
export function formatSessionRange(startsAt: string, endsAt: string, locale: string, timeZone?: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return '';
  return formatter(locale, timeZone, RANGE_OPTIONS).formatRange(start, end);
}

/** "9 mar 2027, 14:05" in the reader's zone (when a post was written, a session cancelled). */
export function formatMoment(value: string | null | undefined, locale: string): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return formatter(locale, undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** The reader's zone when it differs from the session's (then the start is shown in both). */
export function otherReaderZone(sessionZone: string): string | null {
  const mine = viewerTimeZone();
  if (!mine || mine === sessionZone) return null;
  try {
    // Two names of one zone (America/Buenos_Aires, America/Argentina/Buenos_Aires) are the same zone.
    const resolved = new Intl.DateTimeFormat('en', { timeZone: sessionZone }).resolvedOptions().timeZone;
    return resolved === mine ? null : mine;
  } catch {
    return mine;
  }
}

/** "1 h 30 min" style durations in the reader's language. */
export function formatDuration(minutes: number, locale: string): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  try {
    if (hours) parts.push(new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'short' }).format(hours));
    if (rest || !hours) parts.push(new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(rest));
  } catch {
    return `${minutes} min`;
  }
  return parts.join(' ');
}
