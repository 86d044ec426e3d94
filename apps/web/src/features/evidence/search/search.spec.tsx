import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { catalogues } from '@alliance/shared-i18n';
import { i18n } from '../../../app/i18n';
import { user } from '../../../testing/render-app';
import type { RecordedRequest } from '../../../testing/fake-api';
import type { EvidenceFacetsFields, EvidenceSearchHitFields, EvidenceSearchResultFields, FacetCountFields } from '../operations-public';
import { axeViolations, renderEvidence, untranslatedKeys } from '../shared/testing';
import { searchStateFrom, searchStateToParams, searchVariables, toggleValue } from './filters';

type Catalogue = Record<string, Record<string, Record<string, string>>>;
const es = (catalogues as unknown as Catalogue).evidenceUi.es;
const esShared = (catalogues as unknown as Catalogue).evidence.es;
const fill = (text: string, values: Record<string, string | number>) => Object.entries(values).reduce((acc, [k, v]) => acc.replace(`{{${k}}}`, String(v)), text);

beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage('es');
});
afterEach(() => cleanup());

const facet = (value: string, label: string, count: number): FacetCountFields => ({ __typename: 'FacetCount', value, label, count });

function facets(overrides: Partial<EvidenceFacetsFields> = {}): EvidenceFacetsFields {
  return {
    __typename: 'EvidenceFacets',
    types: [facet('CASE_STUDY', 'Estudio de caso', 2), facet('DATASET', 'Conjunto de datos', 1)],
    countries: [facet('PE', 'Perú', 2), facet('JM', 'Jamaica', 1)],
    focusAreas: [facet('fa-1', 'Alfabetización', 3)],
    languages: [facet('es', 'Español', 2), facet('en', 'Inglés', 1)],
    years: [facet('2023', '2023', 1), facet('2025', '2025', 2)],
    licences: [facet('CC_BY_4_0', 'CC BY 4.0 (Atribución)', 3)],
    ...overrides,
  };
}

function hit(id: string, overrides: Partial<EvidenceSearchHitFields['item']> = {}, runs?: Partial<EvidenceSearchHitFields>): EvidenceSearchHitFields {
  const title = overrides.title ?? 'Alfabetización digital en escuelas rurales de Cusco';
  return {
    __typename: 'EvidenceSearchHit',
    matchedLocale: 'es',
    titleRuns: [{ __typename: 'TextRun', text: title, highlighted: false }],
    snippetRuns: [],
    ...runs,
    item: {
      __typename: 'EvidenceItem',
      id,
      status: 'PUBLISHED',
      type: 'CASE_STUDY',
      language: 'es',
      visibility: 'PUBLIC',
      title,
      displayLocale: 'es',
      year: 2025,
      countries: [{ __typename: 'Country', code: 'PE', name: 'Perú' }],
      downloadCount: 1234,
      ...overrides,
    },
  };
}

function result(hits: EvidenceSearchHitFields[], extra: Partial<EvidenceSearchResultFields> = {}): { data: { evidenceSearch: EvidenceSearchResultFields } } {
  return {
    data: {
      evidenceSearch: {
        __typename: 'EvidenceSearchResult',
        totalCount: hits.length,
        fuzzy: false,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: hits.length ? `c-${hits.at(-1)?.item.id}` : null },
        hits,
        facets: facets(),
        ...extra,
      },
    },
  };
}

const searches = (requests: RecordedRequest[]) => requests.filter((r) => r.operationName === 'EvidenceSearch');
const lastVariables = (requests: RecordedRequest[]) => searches(requests).at(-1)?.variables;

describe('search state in the URL', () => {
  it('reads only valid values, repeats parameters for several values and writes defaults out', () => {
    const state = searchStateFrom(new URLSearchParams('q=%20datos%20&type=CASE_STUDY&type=NOPE&type=CASE_STUDY&country=pe&country=Peru&lang=es&lang=de&year=2024&year=1800&licence=CC0_1_0&sort=WRONG&page=999'));
    expect(searchVariables(state)).toEqual({
      query: 'datos',
      sort: 'RELEVANCE',
      first: 20,
      filters: { types: ['CASE_STUDY'], countryCodes: ['PE'], languages: ['es'], years: [2024], licences: ['CC0_1_0'] },
    });
    expect(state.page).toBe(20);
    expect(searchStateToParams(toggleValue(state, 'types', 'DATASET')).toString()).toBe(
      'q=datos&type=CASE_STUDY&type=DATASET&lang=es&country=PE&year=2024&licence=CC0_1_0',
    );
  });

  it('browses newest first without words and never asks for relevance without them', () => {
    expect(searchVariables(searchStateFrom(new URLSearchParams('')))).toEqual({ sort: 'NEWEST', first: 20 });
    expect(searchVariables(searchStateFrom(new URLSearchParams('sort=RELEVANCE')))).toEqual({ sort: 'NEWEST', first: 20 });
    expect(searchVariables(searchStateFrom(new URLSearchParams('sort=YEAR&q=agua')))).toEqual({ sort: 'YEAR', first: 20, query: 'agua' });
  });
});

describe('Evidence search page', () => {
  it('lists hits with highlighted runs as <mark>, badges, figures and a chart; axe-clean', async () => {
    const { container, requests } = renderEvidence('/evidence?q=alfabetizacion', {
      EvidenceSearch: () =>
        result(
          [
            hit(
              'e-1',
              { visibility: 'MEMBERS' },
              {
                titleRuns: [
                  { __typename: 'TextRun', text: 'Alfabetización', highlighted: true },
                  { __typename: 'TextRun', text: ' digital en escuelas rurales de Cusco', highlighted: false },
                ],
                snippetRuns: [
                  { __typename: 'TextRun', text: '… programa de ', highlighted: false },
                  { __typename: 'TextRun', text: 'alfabetización', highlighted: true },
                  { __typename: 'TextRun', text: ' en 40 escuelas <b>rurales</b> …', highlighted: false },
                ],
              },
            ),
            hit('e-2', { type: 'DATASET', title: 'Digital literacy survey, Kingston', language: 'en', displayLocale: 'en', countries: [{ __typename: 'Country', code: 'JM', name: 'Jamaica' }] }, { matchedLocale: 'en', titleRuns: [] }),
          ],
          { totalCount: 2 },
        ),
    });
    await screen.findByRole('heading', { level: 1, name: es.searchTitle });
    const cards = await screen.findAllByTestId('evidence-hit');
    expect(cards).toHaveLength(2);
    expect(lastVariables(requests)).toEqual({ query: 'alfabetizacion', sort: 'RELEVANCE', first: 20 });

    const link = within(cards[0]).getByRole('link', { name: 'Alfabetización digital en escuelas rurales de Cusco' });
    expect(link).toHaveAttribute('href', '/evidence/e-1');
    expect(link.querySelector('mark')).toHaveTextContent('Alfabetización');
    const snippet = within(cards[0]).getByTestId('evidence-hit-snippet');
    expect([...snippet.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['alfabetización']);
    // Server text is text, never markup.
    expect(snippet).toHaveTextContent('<b>rurales</b>');
    expect(snippet.querySelector('b')).toBeNull();
    expect(within(cards[0]).getByTestId('evidence-type')).toHaveTextContent(esShared.type_CASE_STUDY);
    expect(within(cards[0]).getByTestId('evidence-members-only')).toHaveTextContent(es.membersOnly);
    expect(within(cards[0]).getByTestId('evidence-hit-downloads')).toHaveTextContent('1234');
    expect(within(cards[0]).getByTestId('evidence-hit-year')).toHaveTextContent('2025');
    expect(within(cards[0]).getByTestId('evidence-hit-countries')).toHaveTextContent('Perú');
    expect(within(cards[0]).getByTestId('evidence-hit-language')).toHaveTextContent(esShared.language_es);
    // A title without runs falls back to the item title, in the language it is written in.
    expect(within(cards[1]).getByRole('heading', { level: 3 })).toHaveAttribute('lang', 'en');
    expect(within(cards[1]).queryByTestId('evidence-members-only')).toBeNull();

    expect(screen.getByTestId('evidence-count')).toHaveTextContent(fill(es.resultCountFor, { query: 'alfabetizacion', number: 2 }));
    expect(screen.getByTestId('evidence-count').closest('[aria-live]')).toHaveAttribute('aria-live', 'polite');
    expect(screen.queryByTestId('evidence-fuzzy')).toBeNull();
    expect(screen.getByTestId('facet-types-CASE_STUDY').closest('.mantine-Checkbox-root')).toHaveTextContent('Estudio de caso (2)');
    expect(within(screen.getByTestId('evidence-by-type-table')).getAllByRole('row')).toHaveLength(3);
    expect(screen.queryByTestId('share-evidence')).toBeNull();
    expect(untranslatedKeys(container)).toEqual([]);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('toggling facets changes the variables and the URL; chips remove one filter, "clear all" the rest; back restores', async () => {
    const { requests } = renderEvidence('/evidence', { EvidenceSearch: () => result([hit('e-1')]) });
    await screen.findAllByTestId('evidence-hit');
    expect(lastVariables(requests)).toEqual({ sort: 'NEWEST', first: 20 });
    // On phones the facets fold behind a disclosure button.
    const toggle = screen.getByTestId('facets-toggle');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveAttribute('aria-controls', 'evidence-facets');
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');

    screen.getByTestId('facet-types-CASE_STUDY').focus();
    fireEvent.click(screen.getByTestId('facet-types-CASE_STUDY'));
    await waitFor(() => expect(lastVariables(requests)).toEqual({ sort: 'NEWEST', first: 20, filters: { types: ['CASE_STUDY'] } }));
    expect(window.location.search).toBe('?type=CASE_STUDY');
    // Each change is a navigation, yet focus stays on the checkbox just ticked.
    expect(document.activeElement).toBe(screen.getByTestId('facet-types-CASE_STUDY'));
    expect(toggle).toHaveTextContent(es.hideFilters);
    fireEvent.click(toggle);
    expect(toggle).toHaveTextContent(fill(es.showFiltersActive, { number: 1 }));
    fireEvent.click(screen.getByTestId('facet-countries-PE'));
    fireEvent.click(screen.getByTestId('facet-years-2023'));
    await waitFor(() => expect(lastVariables(requests)).toEqual({ sort: 'NEWEST', first: 20, filters: { types: ['CASE_STUDY'], countryCodes: ['PE'], years: [2023] } }));
    expect(window.location.search).toBe('?type=CASE_STUDY&country=PE&year=2023');
    expect(screen.getByTestId('facet-countries-PE')).toBeChecked();

    const chip = screen.getByTestId('chip-countries-PE');
    expect(chip).toHaveAccessibleName(fill(es.removeFilter, { filter: `${es.facetCountries}: Perú` }));
    fireEvent.click(chip);
    await waitFor(() => expect(window.location.search).toBe('?type=CASE_STUDY&year=2023'));
    expect(screen.getByTestId('facet-countries-PE')).not.toBeChecked();
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: es.resultsHeading }));

    // The back button brings the removed filter back.
    act(() => window.history.back());
    await waitFor(() => expect(window.location.search).toBe('?type=CASE_STUDY&country=PE&year=2023'));
    await waitFor(() => expect(screen.getByTestId('facet-countries-PE')).toBeChecked());

    fireEvent.click(screen.getByTestId('clear-filters'));
    await waitFor(() => expect(window.location.search).toBe(''));
    // The unfiltered first page comes from the cache.
    expect(screen.getByTestId('facet-types-CASE_STUDY')).not.toBeChecked();
    expect(screen.getByTestId('facet-years-2023')).not.toBeChecked();
    expect(screen.queryByTestId('active-filters')).toBeNull();
  });

  it('searches on Enter with the words in the URL, sorts, and says when matches are only close ones', async () => {
    const { requests } = renderEvidence('/evidence?type=DATASET', {
      EvidenceSearch: (request) => (request.variables.query ? result([hit('e-9', { title: 'Alfabetización' })], { fuzzy: true }) : result([hit('e-1')])),
    });
    await screen.findAllByTestId('evidence-hit');
    const input = screen.getByRole('searchbox', { name: es.searchLabel });
    fireEvent.change(input, { target: { value: '  alfabetisacion ' } });
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    await waitFor(() => expect(lastVariables(requests)).toEqual({ query: 'alfabetisacion', sort: 'RELEVANCE', first: 20, filters: { types: ['DATASET'] } }));
    expect(window.location.search).toBe('?q=alfabetisacion&type=DATASET');
    expect(await screen.findByTestId('evidence-fuzzy')).toHaveTextContent(fill(es.fuzzyNotice, { query: 'alfabetisacion' }));

    fireEvent.change(screen.getByTestId('evidence-sort'), { target: { value: 'YEAR' } });
    await waitFor(() => expect(lastVariables(requests)).toEqual({ query: 'alfabetisacion', sort: 'YEAR', first: 20, filters: { types: ['DATASET'] } }));
    expect(window.location.search).toBe('?q=alfabetisacion&type=DATASET&sort=YEAR');
  });

  // Twenty full result cards take a few seconds to render in jsdom on a busy machine.
  const slow = { timeout: 15000 };
  it('loads more, keeps the page count in the URL and restores it from a link', async () => {
    const page = (request: RecordedRequest) =>
      request.variables.after
        ? result([hit('e-21', { title: 'Segunda página' })], { totalCount: 21 })
        : result(
            Array.from({ length: 20 }, (_, i) => hit(`e-${i + 1}`, { title: `Evidencia ${i + 1}` })),
            { totalCount: 21, pageInfo: { __typename: 'PageInfo', hasNextPage: true, endCursor: 'c-20' } },
          );
    const { requests } = renderEvidence('/evidence', { EvidenceSearch: page });
    expect(await screen.findAllByTestId('evidence-hit', {}, slow)).toHaveLength(20);
    expect(screen.getByTestId('evidence-count')).toHaveTextContent(fill(es.showing, { shown: 20, total: 21 }));
    fireEvent.click(screen.getByTestId('evidence-load-more'));
    await waitFor(() => expect(screen.getAllByTestId('evidence-hit')).toHaveLength(21), slow);
    expect(lastVariables(requests)).toEqual({ sort: 'NEWEST', first: 20, after: 'c-20' });
    expect(window.location.search).toBe('?page=2');
    // Keyboard users continue at the first new result.
    await waitFor(() => expect(document.activeElement).toHaveTextContent('Segunda página'), slow);
    expect(screen.queryByTestId('evidence-load-more')).toBeNull();
    cleanup();

    const again = renderEvidence('/evidence?page=2', { EvidenceSearch: page });
    await waitFor(() => expect(screen.getAllByTestId('evidence-hit')).toHaveLength(21), slow);
    expect(searches(again.requests).map((r) => r.variables.after ?? null)).toEqual([null, 'c-20']);
  }, 60000);

  it('shows the empty state with a way out, and "Share evidence" to members', async () => {
    renderEvidence('/evidence?q=nada&licence=CC0_1_0', { EvidenceSearch: () => result([], { facets: facets({ licences: [] }) }), EvidenceCanSubmit: () => ({ data: { canSubmitEvidence: true } }) }, user());
    expect(await screen.findByTestId('evidence-empty')).toHaveTextContent(es.emptySearch);
    // A filter from a link that no longer counts anything can still be unticked.
    expect(screen.getByTestId('facet-licences-CC0_1_0')).toBeChecked();
    expect(screen.getByTestId('chip-licences-CC0_1_0')).toHaveTextContent(esShared.licence_CC0_1_0);
    expect(await screen.findByTestId('share-evidence')).toHaveAttribute('href', '/evidence/new');
  });

  it('is translated in en, pt and fr and stays axe-clean', async () => {
    for (const locale of ['en', 'pt', 'fr']) {
      await i18n.changeLanguage(locale);
      const { container } = renderEvidence('/evidence?q=agua&country=PE', { EvidenceSearch: () => result([hit('e-1')], { fuzzy: true }) });
      await screen.findAllByTestId('evidence-hit');
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent((catalogues as unknown as Catalogue).evidenceUi[locale].searchTitle);
      expect(untranslatedKeys(container)).toEqual([]);
      expect(await axeViolations(container)).toEqual([]);
      cleanup();
    }
  });
});
