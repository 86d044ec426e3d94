// Test helper: a space tab (sessions or forum) inside the app's real providers (Apollo over the fake
// API, Mantine theme, i18n) and a router, so the tabs are tested before the space pages wire them.
import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import axe from 'axe-core';
import { catalogues } from '@alliance/shared-i18n';
import { i18n } from '../../../app/i18n';
import { theme, cssVariablesResolver } from '../../../app/theme';
import { fakeApi, type Handler } from '../../../testing/fake-api';
import type { SpaceTabProps } from '../shared/spaceTab';

const all = catalogues as unknown as Record<string, Record<string, Record<string, string>>>;
/** The namespace's texts in a locale, as the tab shows them. */
export const texts = (ns: string, locale = 'es'): Record<string, string> => all[ns][locale];
export const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => String(values[name] ?? ''));

function WhereAmI() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

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
  const api = fakeApi(handlers, () => i18n.language);
  const utils = render(
    <I18nextProvider i18n={i18n}>
      <ApolloProvider client={api.client}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
          <MemoryRouter initialEntries={[path]}>
            <main>
              <h1>Mesa de trabajo</h1>
              <Routes>
                <Route path="/tables/:id" element={tab} />
              </Routes>
            </main>
            <WhereAmI />
          </MemoryRouter>
        </MantineProvider>
      </ApolloProvider>
    </I18nextProvider>,
  );
  return { ...utils, ...api };
}

export async function expectNoAxeViolations(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

export function connection<T>(nodes: T[], typename: string, hasNextPage = false) {
  return {
    __typename: `${typename}Connection`,
    totalCount: nodes.length,
    pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: nodes.length ? `c-${nodes.length}` : null },
    edges: nodes.map((node, i) => ({ __typename: `${typename}Edge`, cursor: `c-${i + 1}`, node })),
  };
}
