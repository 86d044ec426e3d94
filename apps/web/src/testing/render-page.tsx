// Test helper: pages (or a tab) inside the app's real providers (Apollo over the fake API, Mantine
// theme, i18n) and a router of their own, so features are tested before the shell wires their routes.
import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Routes, useLocation } from 'react-router';
import axe from 'axe-core';
import { i18n } from '../app/i18n';
import { theme, cssVariablesResolver } from '../app/theme';
import { fakeApi, type Handler } from './fake-api';

/** Writes where the router is (pathname, plus the query unless `pathOnly`) into data-testid="location". */
function WhereAmI({ pathOnly }: { pathOnly: boolean }) {
  const location = useLocation();
  return <output data-testid="location">{pathOnly ? location.pathname : `${location.pathname}${location.search}`}</output>;
}

export interface RenderPageOptions {
  /** Shown in <main> before the routes (a tab's page heading, say). */
  before?: ReactNode;
  /** The location output shows the pathname alone, without the query. */
  pathOnly?: boolean;
}

/** Renders `routes` (<Route> elements) at `path` in a MemoryRouter, against a fake API answering with `handlers`. */
export function renderPage(path: string, routes: ReactNode, handlers: Record<string, Handler>, options: RenderPageOptions = {}) {
  const api = fakeApi(handlers, () => i18n.language);
  const utils = render(
    <I18nextProvider i18n={i18n}>
      <ApolloProvider client={api.client}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
          <MemoryRouter initialEntries={[path]}>
            <main>
              {options.before}
              <Routes>{routes}</Routes>
            </main>
            <WhereAmI pathOnly={options.pathOnly ?? false} />
          </MemoryRouter>
        </MantineProvider>
      </ApolloProvider>
    </I18nextProvider>,
  );
  return { ...utils, ...api };
}

/** Colour contrast needs real layout and landmarks the whole shell (checked in the browser sweep); everything else is checked here. */
export async function expectNoAxeViolations(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
