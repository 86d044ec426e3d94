import { DateTime } from 'luxon';

/**
 * Rotating coordination of a technical group, as pure date arithmetic (no database, no clock):
 * coordination passes to the next member in rotation order every `months`, wrapping around.
 *
 * Dates are calendar days written 'YYYY-MM-DD' (they compare correctly as strings). Period ends are
 * exclusive: the next period starts on the day the previous one ends.
 *
 * Period boundaries sit on a grid counted from an anchor (the group's rotationStartsOn): boundary k
 * is anchor + k × months, each computed from the anchor rather than from the previous boundary, so
 * month ends do not drift (31 Jan, 28 Feb, 31 Mar, 30 Apr... instead of 31 Jan, 28 Feb, 28 Mar...).
 */

export interface RotationMember {
  partyId: string;
  countryCode: string;
  /** Place in the rotation; lower coordinates first. Gaps are allowed (removed members leave them). */
  rotationOrder: number;
}

export interface CoordinationPeriod {
  partyId: string;
  countryCode: string;
  /** First day of the period. */
  startsOn: string;
  /** Exclusive: the next period starts on this day. */
  endsOn: string;
}

/** The last period already recorded, from which the rotation continues. */
export interface LastPeriod {
  endsOn: string;
  /**
   * The rotation order its coordinator had; the next member is the first one after it. Null when
   * unknown, in which case the rotation restarts with the first member.
   */
  rotationOrder: number | null;
}

export interface ContinueRotationInput {
  /** Grid anchor: the group's rotationStartsOn. */
  anchor: string;
  /** Length of a period in months (1..60). */
  months: number;
  members: readonly RotationMember[];
  /** Null when no period was recorded yet: the rotation then starts at the anchor with the first member. */
  last: LastPeriod | null;
  /** Every period that starts on or before this day is returned (so the one containing it is included). */
  until: string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** More periods than any real group will have (60 years of monthly periods): stops a runaway loop on bad input. */
const MAX_PERIODS = 720;

/** The day as a luxon date at midnight UTC, or null when it is not a real 'YYYY-MM-DD' day. */
export function parseDay(value: unknown): DateTime | null {
  if (typeof value !== 'string' || !ISO_DAY.test(value)) return null;
  const day = DateTime.fromISO(value, { zone: 'utc' });
  return day.isValid && day.toISODate() === value ? day : null;
}

function day(value: string): DateTime {
  const parsed = parseDay(value);
  if (!parsed) throw new Error(`"${value}" is not a calendar day (YYYY-MM-DD)`);
  return parsed;
}

/** `value` plus `days` days. */
export function addDays(value: string, days: number): string {
  return day(value).plus({ days }).toISODate()!;
}

/** Boundary k of the grid: anchor + k × months (luxon clamps to the month's last day). */
export function gridBoundary(anchor: string, months: number, k: number): string {
  return day(anchor).plus({ months: months * k }).toISODate()!;
}

/** The exclusive end of a period starting on `start`: the first grid boundary after it. */
export function periodEnd(anchor: string, months: number, start: string): string {
  checkMonths(months);
  if (start < anchor) return anchor;
  const a = day(anchor);
  const s = day(start);
  const monthsApart = (s.year - a.year) * 12 + (s.month - a.month);
  let k = Math.max(0, Math.floor(monthsApart / months));
  // The estimate may be one step off around month ends; settle on the first boundary after `start`.
  while (k > 0 && gridBoundary(anchor, months, k) > start) k -= 1;
  while (gridBoundary(anchor, months, k) <= start) k += 1;
  return gridBoundary(anchor, months, k);
}

/** Members in rotation order (ties, which should not happen, by party id so the order is stable). */
export function inRotationOrder(members: readonly RotationMember[]): RotationMember[] {
  return [...members].sort((x, y) => x.rotationOrder - y.rotationOrder || (x.partyId < y.partyId ? -1 : x.partyId > y.partyId ? 1 : 0));
}

/** The member after rotation order `after` (the first one again past the end; the first when `after` is null). */
export function nextMember(ordered: readonly RotationMember[], after: number | null): RotationMember | null {
  if (!ordered.length) return null;
  if (after === null) return ordered[0];
  return ordered.find((m) => m.rotationOrder > after) ?? ordered[0];
}

function checkMonths(months: number): void {
  if (!Number.isInteger(months) || months < 1 || months > 60) throw new Error(`rotation months must be an integer from 1 to 60, not ${months}`);
}

/**
 * The periods that follow `last` (or start the rotation at the anchor), one per member in rotation
 * order, up to the one containing `until`. The member list is the current one: a member added or
 * removed changes only the periods computed after the change, never those already recorded.
 */
export function continueRotation(input: ContinueRotationInput): CoordinationPeriod[] {
  checkMonths(input.months);
  day(input.anchor);
  day(input.until);
  const ordered = inRotationOrder(input.members);
  let member = nextMember(ordered, input.last ? input.last.rotationOrder : null);
  if (!member) return [];
  let start = input.last ? input.last.endsOn : input.anchor;
  const periods: CoordinationPeriod[] = [];
  while (start <= input.until && periods.length < MAX_PERIODS) {
    const endsOn = periodEnd(input.anchor, input.months, start);
    periods.push({ partyId: member.partyId, countryCode: member.countryCode, startsOn: start, endsOn });
    start = endsOn;
    member = nextMember(ordered, member.rotationOrder)!;
  }
  return periods;
}

/** Every period of a rotation that started on `startsOn` with these members, up to the one containing `until`. */
export function rotationPeriods(input: { startsOn: string; months: number; members: readonly RotationMember[]; until: string }): CoordinationPeriod[] {
  return continueRotation({ anchor: input.startsOn, months: input.months, members: input.members, last: null, until: input.until });
}

/** The period that comes after `last` (the next coordinator), or the first one when none was recorded. */
export function upcomingPeriod(input: Omit<ContinueRotationInput, 'until'>): CoordinationPeriod | null {
  const start = input.last ? input.last.endsOn : input.anchor;
  return continueRotation({ ...input, until: start })[0] ?? null;
}

/** The last day of a period (its exclusive end minus one day). */
export function lastDayOf(period: Pick<CoordinationPeriod, 'endsOn'>): string {
  return addDays(period.endsOn, -1);
}
