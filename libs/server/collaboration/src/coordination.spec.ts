import { continueRotation, gridBoundary, lastDayOf, nextMember, parseDay, periodEnd, rotationPeriods, upcomingPeriod, type RotationMember } from './coordination';

const members: RotationMember[] = [
  { partyId: 'p-mx', countryCode: 'MX', rotationOrder: 0 },
  { partyId: 'p-co', countryCode: 'CO', rotationOrder: 1 },
  { partyId: 'p-pe', countryCode: 'PE', rotationOrder: 2 },
];
const who = (periods: Array<{ countryCode: string }>) => periods.map((p) => p.countryCode);
const spans = (periods: Array<{ startsOn: string; endsOn: string }>) => periods.map((p) => `${p.startsOn}..${p.endsOn}`);

describe('rotating coordination (pure arithmetic)', () => {
  it('gives each member a period in rotation order and wraps around', () => {
    const periods = rotationPeriods({ startsOn: '2024-01-01', months: 6, members, until: '2026-03-15' });
    expect(who(periods)).toEqual(['MX', 'CO', 'PE', 'MX', 'CO']);
    expect(spans(periods)).toEqual(['2024-01-01..2024-07-01', '2024-07-01..2025-01-01', '2025-01-01..2025-07-01', '2025-07-01..2026-01-01', '2026-01-01..2026-07-01']);
    // The last one contains `until`; its last day is the day before the next starts.
    expect(lastDayOf(periods[4])).toBe('2026-06-30');
  });

  it('follows rotationOrder, not the order the members are given in, and tolerates gaps', () => {
    const shuffled: RotationMember[] = [
      { partyId: 'p-c', countryCode: 'CL', rotationOrder: 7 },
      { partyId: 'p-a', countryCode: 'AR', rotationOrder: 2 },
      { partyId: 'p-b', countryCode: 'BR', rotationOrder: 4 },
    ];
    expect(who(rotationPeriods({ startsOn: '2025-01-01', months: 1, members: shuffled, until: '2025-04-01' }))).toEqual(['AR', 'BR', 'CL', 'AR']);
  });

  it('keeps month ends without drift: 31 January with one-month periods', () => {
    const periods = rotationPeriods({ startsOn: '2027-01-31', months: 1, members, until: '2027-05-31' });
    expect(spans(periods)).toEqual([
      '2027-01-31..2027-02-28',
      '2027-02-28..2027-03-31',
      '2027-03-31..2027-04-30',
      '2027-04-30..2027-05-31',
      '2027-05-31..2027-06-30',
    ]);
    // Leap year: 29 February.
    expect(gridBoundary('2028-01-31', 1, 1)).toBe('2028-02-29');
    expect(gridBoundary('2028-01-31', 1, 2)).toBe('2028-03-31');
    // A start between grid boundaries ends at the next boundary.
    expect(periodEnd('2027-01-31', 1, '2027-03-01')).toBe('2027-03-31');
    expect(periodEnd('2027-01-31', 1, '2027-02-28')).toBe('2027-03-31');
    expect(periodEnd('2027-01-31', 3, '2027-01-31')).toBe('2027-04-30');
  });

  it('starts nothing before a start date in the future, and announces the first period', () => {
    expect(rotationPeriods({ startsOn: '2030-03-01', months: 6, members, until: '2029-12-31' })).toEqual([]);
    expect(upcomingPeriod({ anchor: '2030-03-01', months: 6, members, last: null })).toEqual({ partyId: 'p-mx', countryCode: 'MX', startsOn: '2030-03-01', endsOn: '2030-09-01' });
    // The day it starts, the first period exists.
    expect(who(rotationPeriods({ startsOn: '2030-03-01', months: 6, members, until: '2030-03-01' }))).toEqual(['MX']);
  });

  it('continues from the last recorded period with the current members only', () => {
    // MX coordinated until 2025-07-01; CO has since left and BR joined at the end of the rotation.
    const now: RotationMember[] = [members[0], members[2], { partyId: 'p-br', countryCode: 'BR', rotationOrder: 3 }];
    const next = continueRotation({ anchor: '2025-01-01', months: 6, members: now, last: { endsOn: '2025-07-01', rotationOrder: 0 }, until: '2026-08-01' });
    expect(who(next)).toEqual(['PE', 'BR', 'MX']);
    expect(spans(next)[0]).toBe('2025-07-01..2026-01-01');
    // The last coordinator was a member removed since (order 1): the next one after it coordinates.
    expect(who(continueRotation({ anchor: '2025-01-01', months: 6, members: now, last: { endsOn: '2025-07-01', rotationOrder: 1 }, until: '2025-07-01' }))).toEqual(['PE']);
    // Unknown order: the rotation restarts with the first member.
    expect(who(continueRotation({ anchor: '2025-01-01', months: 6, members: now, last: { endsOn: '2025-07-01', rotationOrder: null }, until: '2025-07-01' }))).toEqual(['MX']);
    // Nothing to add while the last period still runs.
    expect(continueRotation({ anchor: '2025-01-01', months: 6, members: now, last: { endsOn: '2026-01-01', rotationOrder: 0 }, until: '2025-12-31' })).toEqual([]);
  });

  it('restarts the grid at a hand-over: the next periods are counted from the new anchor', () => {
    // The current period was cut on 2025-03-10 and the anchor moved there.
    const next = continueRotation({ anchor: '2025-03-10', months: 6, members, last: { endsOn: '2025-03-10', rotationOrder: 0 }, until: '2025-09-10' });
    expect(spans(next)).toEqual(['2025-03-10..2025-09-10', '2025-09-10..2026-03-10']);
    expect(who(next)).toEqual(['CO', 'PE']);
  });

  it('has no coordinator without members and refuses bad input', () => {
    expect(rotationPeriods({ startsOn: '2025-01-01', months: 6, members: [], until: '2026-01-01' })).toEqual([]);
    expect(nextMember([], null)).toBeNull();
    expect(() => rotationPeriods({ startsOn: '2025-01-01', months: 0, members, until: '2026-01-01' })).toThrow();
    expect(() => rotationPeriods({ startsOn: '2025-01-01', months: 61, members, until: '2026-01-01' })).toThrow();
    expect(() => rotationPeriods({ startsOn: '2025-02-30', months: 6, members, until: '2026-01-01' })).toThrow();
    expect(parseDay('2025-02-29')).toBeNull();
    expect(parseDay('2024-02-29')?.toISODate()).toBe('2024-02-29');
    expect(parseDay('2024-2-9')).toBeNull();
  });

  it('covers a long history with one period per member turn', () => {
    const periods = rotationPeriods({ startsOn: '2000-01-01', months: 1, members, until: '2025-12-31' });
    expect(periods).toHaveLength(26 * 12);
    expect(new Set(periods.map((p) => p.startsOn)).size).toBe(periods.length);
    for (let i = 1; i < periods.length; i++) expect(periods[i].startsOn).toBe(periods[i - 1].endsOn);
  });
});
