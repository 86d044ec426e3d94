// Workshops keep their moments as UTC instants plus the IANA zone they happen in. Organisers type
// wall-clock times in the workshop's zone; readers see them in their own zone and in the workshop's.
import { DateTime } from 'luxon';

/** The zones of the region first (in this order), then every other zone the browser knows. */
export const REGION_TIME_ZONES = [
  'America/Mexico_City',
  'America/Guatemala',
  'America/El_Salvador',
  'America/Tegucigalpa',
  'America/Managua',
  'America/Costa_Rica',
  'America/Panama',
  'America/Bogota',
  'America/Lima',
  'America/Guayaquil',
  'America/La_Paz',
  'America/Santiago',
  'America/Argentina/Buenos_Aires',
  'America/Asuncion',
  'America/Montevideo',
  'America/Sao_Paulo',
  'America/Caracas',
  'America/Santo_Domingo',
  'America/Port-au-Prince',
  'America/Havana',
  'America/Jamaica',
  'America/Port_of_Spain',
  'America/Barbados',
  'America/Belize',
  'America/Guyana',
  'America/Paramaribo',
  'America/Nassau',
  'America/Puerto_Rico',
] as const;

export function allTimeZones(): string[] {
  let known: string[] = [];
  try {
    known = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  } catch {
    known = [];
  }
  const region = REGION_TIME_ZONES.filter((zone) => isValidTimeZone(zone));
  const rest = known.filter((zone) => !(region as readonly string[]).includes(zone));
  if (!rest.includes('UTC') && !region.includes('UTC' as never)) rest.push('UTC');
  return [...region, ...rest];
}

export function isValidTimeZone(zone: string): boolean {
  if (!zone) return false;
  return DateTime.now().setZone(zone).isValid;
}

let viewerZoneOverride: string | null = null;
/** Tests pretend to read from another zone (jsdom cannot change the process's zone). */
export function setViewerTimeZoneForTests(zone: string | null): void {
  viewerZoneOverride = zone;
}

/** The reader's own zone, as the browser reports it. */
export function viewerTimeZone(): string {
  return viewerZoneOverride ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
}

/** A wall-clock value of <input type="datetime-local"> in `zone`, as a UTC ISO instant (null when empty or unreadable). */
export function zonedInputToUtc(value: string, zone: string): string | null {
  if (!value) return null;
  const moment = DateTime.fromISO(value, { zone });
  return moment.isValid ? moment.toUTC().toISO() : null;
}

/** A UTC instant as the value of <input type="datetime-local"> showing the wall clock in `zone`. */
export function utcToZonedInput(value: string | null | undefined, zone: string): string {
  if (!value) return '';
  const moment = DateTime.fromISO(value, { zone: 'utc' }).setZone(zone);
  return moment.isValid ? moment.toFormat("yyyy-LL-dd'T'HH:mm") : '';
}

/** The zone's name in the reader's language ("hora de Perú"), or the IANA id when Intl has none. */
export function timeZoneLabel(zone: string, locale: string, at: Date = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'shortGeneric' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
    return part?.value ?? zone;
  } catch {
    return zone;
  }
}

/** A city-like name of an IANA zone ("Buenos Aires" for America/Argentina/Buenos_Aires). */
export function zoneCity(zone: string): string {
  const last = zone.split('/').pop() ?? zone;
  return last.replace(/_/g, ' ');
}

/** The option label of the zone picker: "Lima — hora de Perú (UTC−05:00)". */
export function timeZoneOption(zone: string, locale: string): string {
  const offset = DateTime.now().setZone(zone).toFormat('ZZ');
  const name = timeZoneLabel(zone, locale);
  const city = zoneCity(zone);
  return `${city} — ${name} (UTC${offset.replace('-', '−')})`;
}

/** "3 mar 2027, 10:00" in `zone` (the reader's zone when none is given). */
export function formatInZone(value: string | null | undefined, locale: string, zone?: string): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(date);
  } catch {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }
}

/** "10:00" in `zone`. */
export function formatTimeInZone(value: string, locale: string, zone?: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  try {
    return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: zone }).format(date);
  } catch {
    return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(date);
  }
}

/** Whether two instants fall on the same calendar day in `zone`. */
export function sameDay(a: string, b: string, zone: string): boolean {
  const x = DateTime.fromISO(a, { zone: 'utc' }).setZone(zone);
  const y = DateTime.fromISO(b, { zone: 'utc' }).setZone(zone);
  return x.hasSame(y, 'day');
}

/** "3 mar 2027, 10:00–12:00" or "3 mar 2027, 10:00 – 4 mar 2027, 12:00" in `zone`. */
export function formatRangeInZone(start: string, end: string, locale: string, zone: string): string {
  const first = formatInZone(start, locale, zone);
  if (!end) return first;
  if (sameDay(start, end, zone)) return `${first}–${formatTimeInZone(end, locale, zone)}`;
  return `${first} – ${formatInZone(end, locale, zone)}`;
}

/**
 * A Google Calendar "add event" link for one session: dates as UTC basic format
 * (20270303T150000Z/20270303T170000Z) and the workshop's zone as ctz.
 */
export function googleCalendarUrl(input: { title: string; details: string; startsAt: string; endsAt: string; timeZone: string; location?: string | null }): string {
  const basic = (value: string) => DateTime.fromISO(value, { zone: 'utc' }).toUTC().toFormat("yyyyLLdd'T'HHmmss'Z'");
  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: input.title,
    dates: `${basic(input.startsAt)}/${basic(input.endsAt)}`,
    details: input.details,
    ctz: input.timeZone,
  });
  if (input.location) params.set('location', input.location);
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}
