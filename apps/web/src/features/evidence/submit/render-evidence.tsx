// Test helper: the evidence pages inside the app's real providers (Apollo over the fake API, Mantine
// theme, i18n) and a router of their own, so they are tested before the shell wires their routes.
import { Route } from 'react-router';
import { catalogues } from '@alliance/shared-i18n';
import type { Handler } from '../../../testing/fake-api';
import { renderPage } from '../../../testing/render-page';
import type { EvidenceEditingFields, EvidenceRowFields } from '../operations-submit';
import EvidenceEditorPage from './EvidenceEditorPage';
import MyEvidencePage from './MyEvidencePage';
import ReviewQueuePage from '../review/ReviewQueuePage';
import ReviewItemPage from '../review/ReviewItemPage';

export { expectNoAxeViolations } from '../../../testing/render-page';

type Texts = Record<string, string>;
const all = catalogues as unknown as Record<string, Record<string, Texts>>;
/** The namespace's texts in a locale, as the page shows them. */
export const texts = (ns: string, locale = 'es'): Texts => all[ns][locale];
export const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => String(values[name] ?? ''));

export function renderEvidence(path: string, handlers: Record<string, Handler>) {
  return renderPage(
    path,
    <>
      <Route path="/evidence/new" element={<EvidenceEditorPage />} />
      <Route path="/evidence/:id/edit" element={<EvidenceEditorPage />} />
      <Route path="/my/evidence" element={<MyEvidencePage />} />
      <Route path="/manage/evidence" element={<ReviewQueuePage />} />
      <Route path="/manage/evidence/:id" element={<ReviewItemPage />} />
      <Route path="*" element={<p>elsewhere</p>} />
    </>,
    handlers,
    { pathOnly: true },
  );
}

export const lookups: Record<string, Handler> = {
  DirectoryCountries: () => ({
    data: {
      countries: [
        { __typename: 'Country', code: 'BR', name: 'Brasil', subRegion: 'SOUTH_AMERICA', observer: false },
        { __typename: 'Country', code: 'PE', name: 'Perú', subRegion: 'SOUTH_AMERICA', observer: false },
      ],
    },
  }),
  DirectoryFocusAreas: () => ({
    data: {
      focusAreas: [
        { __typename: 'FocusArea', id: 'fa-1', key: 'assessment', name: 'Evaluación', names: { __typename: 'FocusAreaNames', es: 'Evaluación', en: 'Assessment', pt: 'Avaliação', fr: 'Évaluation' }, active: true },
      ],
    },
  }),
  EvidenceSubmitter: () => ({
    data: { canSubmitEvidence: true, evidenceOrganisationOptions: [{ __typename: 'EvidenceOrganisationOption', id: 'org-1', name: 'Secretaria de Educação do Ceará', countryCode: 'BR' }] },
  }),
};

export function evidenceItem(overrides: Partial<EvidenceEditingFields> = {}): EvidenceEditingFields {
  return {
    __typename: 'EvidenceItem',
    id: 'ev-1',
    status: 'DRAFT',
    type: 'GOOD_PRACTICE',
    language: 'pt',
    visibility: 'PUBLIC',
    title: 'Avaliação formativa nas escolas rurais do Nordeste',
    texts: [
      {
        __typename: 'EvidenceText',
        locale: 'pt',
        title: 'Avaliação formativa nas escolas rurais do Nordeste',
        abstract: 'Como redes municipais usaram a avaliação formativa para acompanhar a alfabetização.',
        original: true,
      },
    ],
    countries: [{ __typename: 'Country', code: 'BR', name: 'Brasil' }],
    focusAreas: [],
    year: 2025,
    authors: [{ __typename: 'EvidenceAuthor', name: 'Joana Cavalcanti Rocha', affiliation: 'Rede Educa' }],
    publisher: null,
    licence: 'CC_BY_4_0',
    externalUrl: null,
    doi: null,
    organisationId: 'org-1',
    organisationName: 'Secretaria de Educação do Ceará',
    submitterName: 'Joana Cavalcanti Rocha',
    currentFile: null,
    files: [],
    submittedAt: null,
    publishedAt: null,
    createdAt: '2026-05-04T12:00:00.000Z',
    updatedAt: '2026-05-04T12:00:00.000Z',
    lastReviewNote: null,
    canEdit: true,
    canSubmit: false,
    canReview: false,
    canDelete: true,
    history: [{ __typename: 'EvidenceEvent', id: 'e-1', action: 'CREATED', note: null, actorName: 'Joana Cavalcanti Rocha', at: '2026-05-04T12:00:00.000Z' }],
    ...overrides,
  };
}

export function evidenceRow(overrides: Partial<EvidenceRowFields> = {}): EvidenceRowFields {
  return {
    __typename: 'EvidenceItem',
    id: 'ev-1',
    status: 'SUBMITTED',
    type: 'GOOD_PRACTICE',
    title: 'Avaliação formativa nas escolas rurais do Nordeste',
    language: 'pt',
    visibility: 'PUBLIC',
    organisationName: 'Secretaria de Educação do Ceará',
    submitterName: 'Joana Cavalcanti Rocha',
    lastReviewNote: null,
    submittedAt: '2026-05-05T12:00:00.000Z',
    publishedAt: null,
    updatedAt: '2026-05-05T12:00:00.000Z',
    canEdit: false,
    ...overrides,
  };
}

export function connection(rows: EvidenceRowFields[], hasNextPage = false) {
  return {
    __typename: 'EvidenceItemConnection',
    totalCount: rows.length,
    pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: hasNextPage ? 'c-last' : null },
    edges: rows.map((node, index) => ({ __typename: 'EvidenceItemEdge', cursor: `c-${index}`, node })),
  };
}
