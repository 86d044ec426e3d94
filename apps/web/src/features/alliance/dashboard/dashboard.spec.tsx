import { cleanup, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { catalogues } from '@alliance/shared-i18n';
import { renderApp, admin } from '../../../testing/render-app';
import { i18n } from '../../../app/i18n';
import { formatAgeDays, growthRows, labelCounts, monthLabel, toBarData, toDonutData } from './chartData';
import type { AllianceDashboard } from './operations';

const es = catalogues.allianceDirectory.es;

beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage('es');
});
afterEach(() => cleanup());

describe('dashboard chart data', () => {
  const rows = [
    { key: 'MX', label: 'Mexico', count: 2 },
    { key: 'BR', label: 'Brazil', count: 5 },
    { key: 'AR', label: 'Argentina', count: 2 },
    { key: 'CU', label: 'Cuba', count: 0 },
  ];

  it('labels counts for the reader, drops empty groups and orders largest first, ties by name', () => {
    const names: Record<string, string> = { MX: 'México', BR: 'Brasil', AR: 'Argentina' };
    expect(labelCounts(rows, (key) => names[key] ?? null, 'es')).toEqual([
      { key: 'BR', label: 'Brasil', count: 5 },
      { key: 'AR', label: 'Argentina', count: 2 },
      { key: 'MX', label: 'México', count: 2 },
    ]);
    // Without a local label the API's label is used.
    expect(labelCounts([{ key: 'X', label: 'Fallback', count: 1 }], () => null, 'en')).toEqual([{ key: 'X', label: 'Fallback', count: 1 }]);
  });

  it('maps to bar and donut data, cycling the palette', () => {
    const labelled = labelCounts(rows, () => null, 'en');
    expect(toBarData(labelled)).toEqual([
      { label: 'Brazil', count: 5 },
      { label: 'Argentina', count: 2 },
      { label: 'Mexico', count: 2 },
    ]);
    expect(toDonutData(labelled, ['a', 'b'])).toEqual([
      { name: 'Brazil', value: 5, color: 'a' },
      { name: 'Argentina', value: 2, color: 'b' },
      { name: 'Mexico', value: 2, color: 'a' },
    ]);
  });

  it('orders growth by month and names months in the reader’s language', () => {
    const growth = growthRows(
      [
        { month: '2026-03', joined: 2, total: 5 },
        { month: '2025-12', joined: 3, total: 3 },
      ],
      'en',
    );
    expect(growth.map((g) => [g.month, g.label, g.joined, g.total])).toEqual([
      ['2025-12', 'Dec 2025', 3, 3],
      ['2026-03', 'Mar 2026', 2, 5],
    ]);
    expect(monthLabel('2026-01', 'fr')).toBe('janv. 2026');
    expect(monthLabel('bad', 'fr')).toBe('bad');
  });

  it('says waiting ages in days in each language', () => {
    expect(formatAgeDays(1, 'en')).toBe('1 day');
    expect(formatAgeDays(12, 'es')).toBe('12 días');
    expect(formatAgeDays(3, 'fr')).toMatch(/^3\sjours$/);
    expect(formatAgeDays(3, 'pt')).toBe('3 dias');
  });
});

function dashboard(): AllianceDashboard {
  return {
    __typename: 'AllianceDashboard',
    waiting: [{ __typename: 'WaitingApplication', id: 'app-1', organisationName: 'Red de Escuelas Rurales', status: 'UNDER_REVIEW', ageDays: 12 }],
    membersByCountry: [
      { __typename: 'CountByKey', key: 'CO', label: 'Colombia', count: 3 },
      { __typename: 'CountByKey', key: 'BR', label: 'Brasil', count: 1200 },
    ],
    membersBySubRegion: [{ __typename: 'CountByKey', key: 'SOUTH_AMERICA', label: 'América del Sur', count: 1203 }],
    membersByType: [
      { __typename: 'CountByKey', key: 'NGO', label: 'ONG', count: 1000 },
      { __typename: 'CountByKey', key: 'MINISTRY_OF_EDUCATION', label: 'Ministerio', count: 203 },
    ],
    growth: [
      { __typename: 'GrowthPoint', month: '2026-01', joined: 3, total: 3 },
      { __typename: 'GrowthPoint', month: '2026-02', joined: 1200, total: 1203 },
    ],
    totalMembers: 1203,
  };
}

describe('secretariat dashboard page', () => {
  it('shows waiting applications with their age, figures as charts and tables, the CSV link; axe-clean', async () => {
    const { container } = renderApp(
      '/admin/alliance',
      { AllianceDashboard: () => ({ data: { allianceDashboard: dashboard() } }), UnreadNotificationCount: () => ({ data: { unreadNotificationCount: 0 } }) },
      admin(),
    );
    await screen.findByRole('heading', { level: 1, name: es.dashboardTitle });
    expect(await screen.findByTestId('total-members')).toHaveTextContent('1203');
    const waiting = screen.getByTestId('waiting-application');
    expect(within(waiting).getByRole('link', { name: 'Red de Escuelas Rurales' })).toHaveAttribute('href', '/admin/applications/app-1');
    expect(waiting).toHaveTextContent('12 días');
    expect(waiting).toHaveTextContent(es.applicationStatus_UNDER_REVIEW);

    const countries = within(screen.getByTestId('members-by-country-table')).getAllByRole('row');
    expect(countries.map((row) => row.textContent)).toEqual([`${es.colCountry}${es.colMembers}`, 'Brasil1200', 'Colombia3']);
    expect(screen.getByTestId('members-by-type-table')).toHaveTextContent(`${es.type_NGO}1000`);
    expect(screen.getByTestId('members-by-sub-region-table')).toHaveTextContent(es.subRegion_SOUTH_AMERICA);
    expect(within(screen.getByTestId('growth-table')).getAllByRole('row')[2]).toHaveTextContent(/feb.*2026.*1200.*1203/);
    expect(screen.getByTestId('members-by-country-chart')).toHaveAttribute('role', 'img');
    expect(screen.getByTestId('members-by-country-chart')).toHaveAccessibleName(es.chartLabel.replace('{{title}}', es.byCountryTitle));
    expect(screen.getByRole('link', { name: es.downloadCsv })).toHaveAttribute('href', '/api/alliance/members.csv');
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});
