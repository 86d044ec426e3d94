// Test helper (imported by specs only): the evidence pages under a real router, Mantine, i18n and a
// real Apollo client whose HTTP answers come from fakeApi (the app's other page specs do the same),
// so the tests see the variables actually sent and the URL the pages write.
import { render } from '@testing-library/react';
import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import axe from 'axe-core';
import { i18n } from '../../../app/i18n';
import { cssVariablesResolver, theme } from '../../../app/theme';
import { fakeApi, type Handler } from '../../../testing/fake-api';
import type { UserFields } from '../../../graphql/operations';
import EvidenceSearchPage from '../search/EvidenceSearchPage';
import EvidenceItemPage from '../item/EvidenceItemPage';

export function renderEvidence(path: string, handlers: Record<string, Handler>, me: UserFields | null = null) {
  window.history.pushState({}, '', path);
  const api = fakeApi({ Me: () => ({ data: { me } }), ...handlers }, () => i18n.language);
  const utils = render(
    <I18nextProvider i18n={i18n}>
      <ApolloProvider client={api.client}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
          <BrowserRouter>
            <main>
              <Routes>
                <Route path="/evidence" element={<EvidenceSearchPage />} />
                <Route path="/evidence/:id" element={<EvidenceItemPage />} />
                <Route path="*" element={<p data-testid="elsewhere">elsewhere</p>} />
              </Routes>
            </main>
          </BrowserRouter>
        </MantineProvider>
      </ApolloProvider>
    </I18nextProvider>,
  );
  return { ...utils, ...api };
}

/** Colour contrast needs real layout (checked in the browser sweep); everything else is checked here. */
export async function axeViolations(container: HTMLElement): Promise<string[]> {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Text left untranslated shows up as its key ("evidenceUi:download"). */
export function untranslatedKeys(container: HTMLElement): string[] {
  return [...(container.textContent ?? '').matchAll(/\b(evidenceUi|evidence|nav|common):[A-Za-z_]+/g)].map((m) => m[0]);
}
