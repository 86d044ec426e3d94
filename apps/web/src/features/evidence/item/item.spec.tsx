import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { catalogues } from '@alliance/shared-i18n';
import { i18n } from '../../../app/i18n';
import { user } from '../../../testing/render-app';
import type { EvidenceItemDetails } from '../operations-public';
import { axeViolations, renderEvidence, untranslatedKeys } from '../shared/testing';
import { creativeCommonsDeedUrl, doiUrl, fileKind } from '../shared/labels';

type Catalogue = Record<string, Record<string, Record<string, string>>>;
const all = catalogues as unknown as Catalogue;
const es = all.evidenceUi.es;
const esShared = all.evidence.es;
const nav = all.nav.es;
const fill = (text: string, values: Record<string, string | number>) => Object.entries(values).reduce((acc, [k, v]) => acc.replace(`{{${k}}}`, String(v)), text);

beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage('es');
});
afterEach(() => cleanup());

const file = (id: string, version: number, filename: string, uploadedAt: string, size = 1572864) => ({
  __typename: 'EvidenceFile' as const,
  id,
  version,
  filename,
  contentType: 'application/pdf',
  size,
  uploadedAt,
  url: `/api/evidence/files/${id}`,
});

function item(overrides: Partial<EvidenceItemDetails> = {}): EvidenceItemDetails {
  const current = file('f-2', 2, 'informe-cusco-v2.pdf', '2026-05-10T15:00:00.000Z');
  return {
    __typename: 'EvidenceItem',
    id: 'e-1',
    status: 'PUBLISHED',
    type: 'CASE_STUDY',
    language: 'es',
    visibility: 'PUBLIC',
    title: 'Alfabetización digital en escuelas rurales de Cusco',
    abstract: 'Evaluación de un programa de alfabetización digital en 40 escuelas rurales de la región Cusco entre 2022 y 2024.',
    displayLocale: 'es',
    year: 2025,
    countries: [
      { __typename: 'Country', code: 'PE', name: 'Perú' },
      { __typename: 'Country', code: 'BO', name: 'Bolivia' },
    ],
    downloadCount: 1234,
    texts: [
      { __typename: 'EvidenceText', locale: 'es', title: 'Alfabetización digital en escuelas rurales de Cusco', abstract: 'Evaluación de un programa de alfabetización digital en 40 escuelas rurales de la región Cusco entre 2022 y 2024.', original: true },
      { __typename: 'EvidenceText', locale: 'pt', title: 'Alfabetização digital em escolas rurais de Cusco', abstract: 'Avaliação de um programa de alfabetização digital em 40 escolas rurais da região de Cusco entre 2022 e 2024.', original: false },
    ],
    focusAreas: [{ __typename: 'FocusArea', id: 'fa-1', name: 'Alfabetización' }],
    authors: [
      { __typename: 'EvidenceAuthor', name: 'Rosa Quispe Mamani', affiliation: 'Instituto Andino de Educación' },
      { __typename: 'EvidenceAuthor', name: 'Tomás Herrera', affiliation: null },
    ],
    publisher: 'Editorial Sierra Viva',
    licence: 'CC_BY_4_0',
    externalUrl: 'https://repositorio.example.org/cusco',
    doi: '10.5555/ejemplo.2025.01',
    organisationId: 'o-1',
    organisationName: 'Red Educativa del Sur',
    currentFile: current,
    files: [current, file('f-1', 1, 'informe-cusco.pdf', '2026-03-02T15:00:00.000Z', 900)],
    publishedAt: '2026-05-12T15:00:00.000Z',
    lastReviewNote: null,
    canEdit: false,
    canReview: false,
    citation: {
      __typename: 'EvidenceCitation',
      apa: 'Quispe Mamani, R., & Herrera, T. (2025). Alfabetización digital en escuelas rurales de Cusco. Editorial Sierra Viva. https://doi.org/10.5555/ejemplo.2025.01',
      bibtex: '@techreport{quispe2025,\n  title = {Alfabetización digital en escuelas rurales de Cusco},\n  year = {2025}\n}',
    },
    related: [
      {
        __typename: 'EvidenceItem',
        id: 'e-7',
        status: 'PUBLISHED',
        type: 'DATASET',
        language: 'en',
        visibility: 'MEMBERS',
        title: 'Rural connectivity survey, Jamaica',
        displayLocale: 'en',
        year: 2024,
        countries: [],
        downloadCount: 3,
      },
    ],
    usedIn: [
      { __typename: 'EvidenceUsage', kind: 'COURSE', title: 'Evaluación de programas educativos', path: '/courses/evaluacion-programas' },
      { __typename: 'EvidenceUsage', kind: 'WORKSHOP', title: 'Taller regional de evaluación', path: '/workshops/taller-regional-evaluacion' },
    ],
    ...overrides,
  };
}

describe('labels', () => {
  it('links Creative Commons deeds in the reader language, DOIs, and names file formats', () => {
    expect(creativeCommonsDeedUrl('CC_BY_NC_SA_4_0', 'pt')).toBe('https://creativecommons.org/licenses/by-nc-sa/4.0/deed.pt');
    expect(creativeCommonsDeedUrl('CC0_1_0', 'fr')).toBe('https://creativecommons.org/publicdomain/zero/1.0/deed.fr');
    expect(creativeCommonsDeedUrl('ALL_RIGHTS_RESERVED', 'es')).toBeNull();
    expect(doiUrl('10.5555/a b')).toBe('https://doi.org/10.5555/a%20b');
    expect(fileKind('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'x.docx')).toBe('Word');
    expect(fileKind('application/x-unknown', 'datos.parquet')).toBe('PARQUET');
  });
});

describe('Evidence item page', () => {
  it('shows the text, its metadata, files, links and related items; axe-clean', async () => {
    const { container, requests } = renderEvidence('/evidence/e-1', { EvidenceItemPage: () => ({ data: { evidenceItem: item() } }) });
    const heading = await screen.findByRole('heading', { level: 1, name: 'Alfabetización digital en escuelas rurales de Cusco' });
    expect(requests.find((r) => r.operationName === 'EvidenceItemPage')?.variables).toEqual({ id: 'e-1' });
    expect(heading.closest('[lang]')).toHaveAttribute('lang', 'es');
    expect(screen.getByTestId('evidence-abstract')).toHaveAttribute('lang', 'es');

    expect(screen.getByTestId('evidence-meta-type')).toHaveTextContent(esShared.type_CASE_STUDY);
    expect(screen.getByTestId('evidence-meta-year')).toHaveTextContent('2025');
    expect(screen.getByTestId('evidence-meta-language')).toHaveTextContent(esShared.language_es);
    expect(screen.getByTestId('evidence-meta-countries')).toHaveTextContent('Perú, Bolivia');
    expect(screen.getByTestId('evidence-meta-focus-areas')).toHaveTextContent('Alfabetización');
    expect(within(screen.getByTestId('evidence-meta-authors')).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Rosa Quispe Mamani (Instituto Andino de Educación)',
      'Tomás Herrera',
    ]);
    expect(screen.getByTestId('evidence-meta-organisation')).toHaveTextContent('Red Educativa del Sur');
    expect(screen.getByTestId('evidence-meta-publisher')).toHaveTextContent('Editorial Sierra Viva');
    expect(screen.getByTestId('evidence-licence-link')).toHaveAttribute('href', 'https://creativecommons.org/licenses/by/4.0/deed.es');
    expect(screen.getByTestId('evidence-licence-link')).toHaveTextContent(esShared.licence_CC_BY_4_0);
    expect(screen.getByTestId('evidence-doi-link')).toHaveAttribute('href', 'https://doi.org/10.5555/ejemplo.2025.01');
    expect(screen.getByTestId('evidence-meta-visibility')).toHaveTextContent(esShared.visibility_PUBLIC);
    expect(screen.getByTestId('evidence-meta-published')).toHaveTextContent('12 may 2026');
    expect(screen.getByTestId('evidence-meta-downloads')).toHaveTextContent('1234');

    const download = screen.getByTestId('evidence-download');
    expect(download).toHaveAttribute('href', '/api/evidence/files/f-2');
    expect(download).toHaveAccessibleName(fill(es.download, { filename: 'informe-cusco-v2.pdf' }));
    expect(download).toHaveAccessibleDescription(/PDF, 1,5 MB · versión 2 del 10 may 2026/);
    const earlier = within(screen.getByTestId('evidence-earlier-versions')).getAllByRole('listitem');
    expect(earlier).toHaveLength(1);
    expect(within(earlier[0]).getByRole('link', { name: fill(es.versionLink, { version: 1, filename: 'informe-cusco.pdf' }) })).toHaveAttribute('href', '/api/evidence/files/f-1');
    expect(earlier[0]).toHaveTextContent('2 mar 2026');
    expect(screen.getByTestId('evidence-external')).toHaveAttribute('href', 'https://repositorio.example.org/cusco');

    expect(within(screen.getByTestId('evidence-used-in')).getByRole('link', { name: 'Evaluación de programas educativos' })).toHaveAttribute('href', '/courses/evaluacion-programas');
    expect(within(screen.getByTestId('evidence-used-in')).getByRole('link', { name: 'Taller regional de evaluación' })).toHaveAttribute('href', '/workshops/taller-regional-evaluacion');
    const related = within(screen.getByTestId('evidence-related')).getByRole('link', { name: 'Rural connectivity survey, Jamaica' });
    expect(related).toHaveAttribute('href', '/evidence/e-7');
    expect(related.closest('h3')).toHaveAttribute('lang', 'en');

    expect(screen.queryByTestId('evidence-status')).toBeNull();
    expect(screen.queryByTestId('evidence-edit')).toBeNull();
    expect(screen.queryByTestId('evidence-review')).toBeNull();
    expect(untranslatedKeys(container)).toEqual([]);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('switches between the texts, each in its own language, and keeps the choice in the URL', async () => {
    renderEvidence('/evidence/e-1', { EvidenceItemPage: () => ({ data: { evidenceItem: item() } }) });
    await screen.findByRole('heading', { level: 1, name: 'Alfabetización digital en escuelas rurales de Cusco' });
    const switcher = screen.getByTestId('evidence-text-switcher');
    expect(within(switcher).getByTestId('evidence-text-es')).toHaveAttribute('aria-pressed', 'true');
    expect(within(switcher).getByText('Português')).toHaveAttribute('lang', 'pt');
    within(switcher).getByTestId('evidence-text-pt').focus();
    fireEvent.click(within(switcher).getByTestId('evidence-text-pt'));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Alfabetização digital em escolas rurais de Cusco' });
    expect(heading.closest('[lang]')).toHaveAttribute('lang', 'pt');
    expect(screen.getByTestId('evidence-abstract')).toHaveAttribute('lang', 'pt');
    expect(screen.getByTestId('evidence-abstract')).toHaveTextContent('Avaliação de um programa');
    expect(screen.getByTestId('evidence-translation-note')).toHaveTextContent(fill(es.translationNote, { language: esShared.language_es }));
    // Interface text goes back to the interface language.
    expect(screen.getByRole('heading', { level: 2, name: es.detailsHeading }).closest('[lang]')).toHaveAttribute('lang', 'es');
    expect(window.location.search).toBe('?text=pt');
    // Keyboard users stay on the button they pressed.
    expect(document.activeElement).toBe(screen.getByTestId('evidence-text-pt'));
    expect(screen.getByTestId('evidence-text-pt')).toHaveAttribute('aria-pressed', 'true');
  });

  it('cites in APA and BibTeX and confirms the copy', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const evidence = item();
    renderEvidence('/evidence/e-1', { EvidenceItemPage: () => ({ data: { evidenceItem: evidence } }) });
    await screen.findByTestId('evidence-cite');
    expect(screen.getByRole('tab', { name: es.citeApa })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('cite-apa')).toHaveTextContent(evidence.citation.apa);
    fireEvent.click(screen.getByTestId('copy-apa'));
    await waitFor(() => expect(screen.getByTestId('copy-apa-status')).toHaveTextContent(es.copied));
    expect(writeText).toHaveBeenCalledWith(evidence.citation.apa);

    fireEvent.click(screen.getByRole('tab', { name: es.citeBibtex }));
    const bibtex = await screen.findByTestId('cite-bibtex');
    expect(bibtex.textContent).toBe(evidence.citation.bibtex);
    fireEvent.click(screen.getByTestId('copy-bibtex'));
    await waitFor(() => expect(writeText).toHaveBeenLastCalledWith(evidence.citation.bibtex));

    // Without a clipboard (insecure context), people are told to copy by hand.
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    fireEvent.click(screen.getByTestId('copy-bibtex'));
    await waitFor(() => expect(screen.getByTestId('copy-bibtex-status')).toHaveTextContent(es.copyFailed));
  });

  it('gives the submitter Edit and a reviewer Review on a submitted item, with its status', async () => {
    renderEvidence(
      '/evidence/e-1',
      { EvidenceItemPage: () => ({ data: { evidenceItem: item({ status: 'SUBMITTED', canEdit: true, canReview: true, visibility: 'MEMBERS', publishedAt: null, currentFile: null, files: [], externalUrl: null, licence: 'ALL_RIGHTS_RESERVED' }) } }) },
      user({ roles: ['ORGANISER'] as never }),
    );
    expect(await screen.findByTestId('evidence-edit')).toHaveAttribute('href', '/evidence/e-1/edit');
    expect(screen.getByTestId('evidence-review')).toHaveAttribute('href', '/manage/evidence/e-1');
    expect(screen.getAllByTestId('evidence-status')[0]).toHaveTextContent(esShared.status_SUBMITTED);
    expect(screen.getAllByTestId('evidence-members-only')[0]).toHaveTextContent(es.membersOnly);
    expect(screen.getByTestId('evidence-status-note')).toHaveTextContent(es.notPublishedNote);
    expect(screen.getByTestId('evidence-files')).toHaveTextContent(es.noFile);
    expect(screen.getByTestId('evidence-meta-licence')).toHaveTextContent(esShared.licence_ALL_RIGHTS_RESERVED);
    expect(screen.queryByTestId('evidence-licence-link')).toBeNull();
    expect(screen.queryByTestId('evidence-meta-published')).toBeNull();
  });

  it('asks again in the new language when the reader switches the interface language', async () => {
    const { requests } = renderEvidence('/evidence/e-1', { EvidenceItemPage: () => ({ data: { evidenceItem: item() } }) });
    await screen.findByRole('heading', { level: 1 });
    await act(() => i18n.changeLanguage('en'));
    await waitFor(() => expect(requests.filter((r) => r.operationName === 'EvidenceItemPage').map((r) => r.headers['accept-language'])).toEqual(['es', 'en']));
  });

  it('shows the not-found page when the item is missing or hidden', async () => {
    renderEvidence('/evidence/nope', { EvidenceItemPage: () => ({ data: { evidenceItem: null } }) });
    expect(await screen.findByRole('heading', { level: 1, name: nav.notFoundTitle })).toBeInTheDocument();
  });

  it('is translated in en, pt and fr and stays axe-clean', async () => {
    for (const locale of ['en', 'pt', 'fr']) {
      await i18n.changeLanguage(locale);
      const { container } = renderEvidence('/evidence/e-1', { EvidenceItemPage: () => ({ data: { evidenceItem: item({ status: 'CHANGES_REQUESTED', lastReviewNote: 'Añadir la fuente de los datos.' }) } }) });
      await screen.findByRole('heading', { level: 1 });
      expect(screen.getByRole('heading', { level: 2, name: all.evidenceUi[locale].citeHeading })).toBeInTheDocument();
      expect(screen.getByTestId('evidence-review-note')).toHaveTextContent('Añadir la fuente de los datos.');
      expect(untranslatedKeys(container)).toEqual([]);
      expect(await axeViolations(container)).toEqual([]);
      cleanup();
    }
  });
});
