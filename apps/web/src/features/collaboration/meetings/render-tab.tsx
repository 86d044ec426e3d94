// Test helper: a space tab (sessions or forum) inside the app's real providers (Apollo over the fake
// API, Mantine theme, i18n) and a router, so the tabs are tested before the space pages wire them.
import type { ReactElement } from 'react';
import { Route } from 'react-router';
import { catalogues } from '@alliance/shared-i18n';
import type { Handler } from '../../../testing/fake-api';
import { renderPage } from '../../../testing/render-page';
import type { SpaceTabProps } from '../shared/spaceTab';

export { expectNoAxeViolations } from '../../../testing/render-page';

const all = catalogues as unknown as Record<string, Record<string, Record<string, string>>>;
/** The namespace's texts in a locale, as the tab shows them. */
export const texts = (ns: string, locale = 'es'): Record<string, string> => all[ns][locale];
export const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => String(values[name] ?? ''));

export function tabProps(overrides: Partial<SpaceTabProps> = {}): SpaceTabProps {
  return {
    spaceId: 'space-1',
    kind: 'TABLE',
    level: 'MEMBER',
    readOnly: false,
    parties: [
      { organisationId: 'org-pe', organisationName: 'Ministerio de Educación del Perú', countryCode: 'PE' },
      { organisationId: 'org-cl', organisationName: 'Ministerio de Educación de Chile', countryCode: 'CL' },
    ],
    ...overrides,
  };
}

export function renderTab(tab: ReactElement, handlers: Record<string, Handler>, path = '/tables/space-1') {
  return renderPage(path, <Route path="/tables/:id" element={tab} />, handlers, { before: <h1>Mesa de trabajo</h1> });
}

export function connection<T>(nodes: T[], typename: string, hasNextPage = false) {
  return {
    __typename: `${typename}Connection`,
    totalCount: nodes.length,
    pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: nodes.length ? `c-${nodes.length}` : null },
    edges: nodes.map((node, i) => ({ __typename: `${typename}Edge`, cursor: `c-${i + 1}`, node })),
  };
}
