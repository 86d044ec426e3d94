import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { I18nextProvider } from 'react-i18next';
import axe from 'axe-core';
import { catalogues } from '@alliance/shared-i18n';
import { i18n } from '../../../app/i18n';
import { cssVariablesResolver, theme } from '../../../app/theme';
import { fakeApi, graphQLError, type Handler } from '../../../testing/fake-api';
import { DocumentsTab, titleFromFilename } from '../documents/DocumentsTab';
import type { CommitmentAccountabilityFields, CommitmentFields } from '../operations-commitments';
import type { SpaceDocumentFields } from '../operations-documents';
import type { SpaceTabProps } from '../shared/spaceTab';
import { CommitmentsTab, filterVariables } from './CommitmentsTab';
import { commitmentProblems, formatDay, isCalendarDate, kindsFor, progressAfter, readsContent } from './rules';

jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 10_000 });

const es = (catalogues as unknown as Record<string, Record<string, Record<string, string>>>).collaborationRecords.es;
const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => String(values[name] ?? ''));

beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage('es');
});
afterEach(() => cleanup());

const parties: SpaceTabProps['parties'] = [
  { organisationId: 'org-pe', organisationName: 'Ministerio de Educación del Perú', countryCode: 'PE' },
  { organisationId: 'org-cl', organisationName: 'Ministerio de Educación de Chile', countryCode: 'CL' },
];
const props = (overrides: Partial<SpaceTabProps> = {}): SpaceTabProps => ({ spaceId: 'space-1', kind: 'TABLE', level: 'MEMBER', readOnly: false, parties, ...overrides });

function renderTab(element: React.ReactElement, handlers: Record<string, Handler>) {
  const api = fakeApi(handlers, () => i18n.language);
  const utils = render(
    <I18nextProvider i18n={i18n}>
      <ApolloProvider client={api.client}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
          <main>{element}</main>
        </MantineProvider>
      </ApolloProvider>
    </I18nextProvider>,
  );
  return { ...utils, ...api };
}

async function expectNoAxeViolations(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const connection = <T,>(nodes: T[], typename: string) => ({
  __typename: `${typename}Connection`,
  totalCount: nodes.length,
  pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
  edges: nodes.map((node, i) => ({ __typename: `${typename}Edge`, cursor: `c${i}`, node })),
});

const commitment = (overrides: Partial<CommitmentFields> = {}): CommitmentFields => ({
  __typename: 'Commitment',
  id: 'c-1',
  kind: 'COMMITMENT',
  title: 'Compartir el marco de evaluación formativa',
  description: 'Con la rúbrica usada en Perú.',
  responsibleOrganisationId: 'org-pe',
  responsibleOrganisationName: 'Ministerio de Educación del Perú',
  responsibleCountryCode: 'PE',
  dueDate: '2026-11-30',
  status: 'IN_PROGRESS',
  progress: 40,
  source: 'MANUAL',
  sourceWorkshopTitle: null,
  sourceWorkshopSlug: null,
  sourceLabel: null,
  completedAt: null,
  overdue: true,
  lastUpdate: { __typename: 'CommitmentUpdate', id: 'u-1', status: 'IN_PROGRESS', progress: 40, note: 'Versión 1 enviada a Chile.', authorName: 'Rosa Quispe Mamani', createdAt: '2026-11-20T15:00:00.000Z' },
  canReport: true,
  canEdit: true,
  ...overrides,
});

const accountability = (overrides: Partial<CommitmentAccountabilityFields> = {}): CommitmentAccountabilityFields => ({
  __typename: 'CommitmentAccountability',
  spaceId: 'space-1',
  timeZone: 'America/Lima',
  canOrganise: true,
  total: 2,
  overdue: 1,
  counts: (['PENDING', 'IN_PROGRESS', 'DONE', 'DROPPED'] as const).map((status) => ({ __typename: 'CommitmentStatusCount' as const, status, count: status === 'IN_PROGRESS' || status === 'DONE' ? 1 : 0 })),
  doneShare: 0.5,
  averageProgress: 70,
  csvUrl: '/api/collaboration/accountability/space-1.csv',
  pdfUrl: '/api/collaboration/accountability/space-1.pdf',
  ...overrides,
});

describe('commitment rules', () => {
  it('mirrors the API: kinds per space, due dates, responsible party, progress after a note', () => {
    expect(kindsFor('TABLE')).toEqual(['COMMITMENT']);
    expect(kindsFor('GROUP')).toEqual(['COMMITMENT', 'DELIVERABLE', 'MANDATE']);
    expect(isCalendarDate('2027-02-28')).toBe(true);
    expect(isCalendarDate('2027-02-30')).toBe(false);
    expect(isCalendarDate('1999-12-31')).toBe(false);
    const ids = ['org-pe'];
    expect(commitmentProblems({ kind: 'COMMITMENT', title: ' ', responsibleOrganisationId: 'org-x', dueDate: '' }, ids)).toEqual({
      title: 'collaborationRecords:commitmentTitleInvalid',
      responsibleOrganisationId: 'collaborationRecords:responsibleRequired',
      dueDate: 'collaborationRecords:dueDateRequired',
    });
    expect(commitmentProblems({ kind: 'MANDATE', title: 'Glosario', responsibleOrganisationId: 'org-pe', dueDate: '' }, ids)).toEqual({});
    expect(commitmentProblems({ kind: 'MANDATE', title: 'Glosario', responsibleOrganisationId: 'org-pe', dueDate: '2027-13-01' }, ids)).toEqual({ dueDate: 'collaborationRecords:dueDateInvalid' });
    expect(progressAfter('DONE', 30, 40)).toBe(100);
    expect(progressAfter('DROPPED', 0, 40)).toBe(40);
    expect(progressAfter('IN_PROGRESS', 55, 40)).toBe(55);
    expect(formatDay('2026-11-30', 'es')).toBe('30 nov 2026');
    expect(readsContent('OVERVIEW')).toBe(false);
    expect(readsContent('MODERATOR')).toBe(true);
    expect(filterVariables('OVERDUE')).toEqual({ status: null, overdue: true });
    expect(filterVariables('DONE')).toEqual({ status: 'DONE', overdue: null });
    expect(titleFromFilename('hoja_de_ruta v2.pdf')).toBe('hoja de ruta v2');
  });
});

describe('CommitmentsTab', () => {
  it('shows the summary with its chart and exports, the list with status and overdue badges, filters, and records a commitment after checking it', async () => {
    const done = commitment({ id: 'c-2', title: 'Informe de matrícula', status: 'DONE', progress: 100, overdue: false, responsibleOrganisationId: 'org-cl', responsibleOrganisationName: 'Ministerio de Educación de Chile', responsibleCountryCode: 'CL', canReport: false, canEdit: true, lastUpdate: null, source: 'WORKSHOP_PRIORITY', sourceWorkshopTitle: 'Taller regional de prioridades', sourceWorkshopSlug: 'taller-regional', sourceLabel: 'Plataforma regional de datos' });
    const { requests, container } = renderTab(<CommitmentsTab {...props()} />, {
      CommitmentAccountability: () => ({ data: { commitmentAccountability: accountability() } }),
      SpaceCommitments: (request) => ({ data: { spaceCommitments: connection(request.variables.overdue ? [commitment()] : [commitment(), done], 'Commitment') } }),
      CreateCommitment: (request) => ({ data: { createCommitment: commitment({ id: 'c-3', title: (request.variables.input as { title: string }).title, overdue: false }) } }),
    });
    const cards = await screen.findAllByTestId('commitment');
    expect(cards).toHaveLength(2);
    expect(within(cards[0]).getByTestId('commitment-status')).toHaveTextContent(es.status_IN_PROGRESS);
    expect(within(cards[0]).getByTestId('commitment-overdue')).toHaveTextContent(es.overdueBadge);
    expect(within(cards[0]).getByTestId('commitment-last-note')).toHaveTextContent('Versión 1 enviada a Chile.');
    expect(within(cards[1]).queryByTestId('commitment-overdue')).toBeNull();
    expect(within(cards[1]).getByRole('link', { name: 'Taller regional de prioridades' })).toHaveAttribute('href', '/workshops/taller-regional');
    expect(within(cards[1]).queryByTestId('open-progress')).toBeNull();
    expect(await screen.findByTestId('figure-done-share')).toHaveTextContent('50 %');
    expect(screen.getByTestId('figure-average')).toHaveTextContent('70 %');
    expect(screen.getByTestId('figure-overdue')).toHaveTextContent('1');
    expect(screen.getByTestId('accountability-chart-table')).toHaveTextContent(es.status_DONE);
    expect(screen.getByTestId('download-csv')).toHaveAttribute('href', '/api/collaboration/accountability/space-1.csv?lang=es');
    expect(screen.getByTestId('download-pdf')).toHaveAttribute('href', '/api/collaboration/accountability/space-1.pdf?lang=es');
    await expectNoAxeViolations(container);

    fireEvent.change(screen.getByTestId('commitments-filter'), { target: { value: 'OVERDUE' } });
    await waitFor(() => expect(requests.filter((r) => r.operationName === 'SpaceCommitments').at(-1)?.variables).toMatchObject({ spaceId: 'space-1', overdue: true, status: null }));
    await waitFor(() => expect(screen.getAllByTestId('commitment')).toHaveLength(1));

    fireEvent.click(screen.getByTestId('open-new-commitment'));
    const form = await screen.findByTestId('commitment-form');
    expect(within(form).queryByTestId('commitment-kind')).toBeNull(); // tables record commitments only
    fireEvent.change(within(form).getByTestId('commitment-title'), { target: { value: 'Organizar el intercambio virtual' } });
    fireEvent.click(within(form).getByTestId('save-commitment'));
    expect(await within(form).findByText(es.responsibleRequired)).toBeInTheDocument();
    expect(within(form).getByText(es.dueDateRequired)).toBeInTheDocument();
    expect(requests.some((r) => r.operationName === 'CreateCommitment')).toBe(false);
    await expectNoAxeViolations(container);

    fireEvent.change(within(form).getByTestId('commitment-responsible'), { target: { value: 'org-cl' } });
    fireEvent.change(within(form).getByTestId('commitment-due'), { target: { value: '2027-03-15' } });
    fireEvent.click(within(form).getByTestId('save-commitment'));
    expect(await screen.findByTestId('commitments-message')).toHaveTextContent(fill(es.commitmentRecorded, { title: 'Organizar el intercambio virtual' }));
    expect(requests.find((r) => r.operationName === 'CreateCommitment')?.variables).toEqual({
      spaceId: 'space-1',
      input: { kind: 'COMMITMENT', title: 'Organizar el intercambio virtual', description: null, responsibleOrganisationId: 'org-cl', dueDate: '2027-03-15' },
    });
  });

  it('lets an owner add a progress note (DONE means 100 %) and shows the API’s field message', async () => {
    let calls = 0;
    const { requests } = renderTab(<CommitmentsTab {...props()} />, {
      CommitmentAccountability: () => ({ data: { commitmentAccountability: accountability({ canOrganise: false }) } }),
      SpaceCommitments: () => ({ data: { spaceCommitments: connection([commitment({ canEdit: false })], 'Commitment') } }),
      AddCommitmentProgress: () =>
        ++calls === 1
          ? graphQLError('BAD_USER_INPUT', 'Datos no válidos.', { fields: [{ field: 'note', key: 'collaborationRecords:progressNoteInvalid', message: es.progressNoteInvalid }] })
          : { data: { addCommitmentProgress: commitment({ status: 'DONE', progress: 100, overdue: false }) } },
    });
    const card = await screen.findByTestId('commitment');
    expect(screen.queryByTestId('open-new-commitment')).toBeNull();
    expect(within(card).queryByTestId('open-edit')).toBeNull();
    fireEvent.click(within(card).getByTestId('open-progress'));
    const form = await within(card).findByTestId('progress-form-c-1');
    fireEvent.click(within(form).getByTestId('save-progress'));
    expect(await within(form).findByText(es.progressEmpty)).toBeInTheDocument();
    fireEvent.change(within(form).getByTestId('progress-status'), { target: { value: 'DONE' } });
    expect(within(form).getByText(es.progressRule_DONE)).toBeInTheDocument();
    fireEvent.change(within(form).getByTestId('progress-note'), { target: { value: 'Publicado en el portal.' } });
    fireEvent.click(within(form).getByTestId('save-progress'));
    expect(await within(form).findByText(es.progressNoteInvalid)).toBeInTheDocument();
    fireEvent.click(within(form).getByTestId('save-progress'));
    await waitFor(() => expect(screen.queryByTestId('progress-form-c-1')).toBeNull());
    expect(requests.filter((r) => r.operationName === 'AddCommitmentProgress').at(-1)?.variables).toEqual({
      id: 'c-1',
      input: { status: 'DONE', progress: 100, note: 'Publicado en el portal.' },
    });
  });

  it('carries over chosen workshop priorities, skipping those already carried', async () => {
    const { requests, container } = renderTab(<CommitmentsTab {...props({ kind: 'GROUP' })} />, {
      CommitmentAccountability: () => ({ data: { commitmentAccountability: accountability({ total: 0, overdue: 0, doneShare: null, averageProgress: null, counts: [] }) } }),
      SpaceCommitments: () => ({ data: { spaceCommitments: connection([], 'Commitment') } }),
      PriorityWorkshops: () => ({
        data: {
          priorityWorkshops: connection(
            [{ __typename: 'PriorityWorkshop', id: 'w-1', slug: 'taller', title: 'Taller regional de prioridades', startsAt: '2026-10-01T14:00:00.000Z', pollClosed: true, ballots: 12 }],
            'PriorityWorkshop',
          ),
        },
      }),
      WorkshopPriorities: () => ({
        data: {
          workshopPriorities: [
            { __typename: 'WorkshopPriority', actionId: 'a-1', rank: 1, score: 30, ballots: 12, title: 'Plataforma regional de datos', description: '', carried: true },
            { __typename: 'WorkshopPriority', actionId: 'a-2', rank: 2, score: 21, ballots: 12, title: 'Formación docente en evaluación', description: '', carried: false },
          ],
        },
      }),
      CarryOverPriorities: () => ({ data: { carryOverPriorities: { __typename: 'CarryOverResult', created: [commitment({ id: 'c-9', kind: 'DELIVERABLE' })], skippedActionIds: [] } } }),
    });
    expect(await screen.findByTestId('no-commitments')).toHaveTextContent(es.noCommitments_GROUP);
    fireEvent.click(screen.getByTestId('open-carry-over'));
    fireEvent.click(await screen.findByTestId('pick-workshop-w-1'));
    const form = await screen.findByTestId('carry-over-form');
    const first = within(form).getByRole('checkbox', { name: fill(es.priorityLine, { rank: 1, title: 'Plataforma regional de datos' }) });
    expect(first).toBeDisabled();
    expect(within(form).getByText(es.alreadyCarried)).toBeInTheDocument();
    fireEvent.click(within(form).getByRole('checkbox', { name: fill(es.priorityLine, { rank: 2, title: 'Formación docente en evaluación' }) }));
    fireEvent.click(within(form).getByTestId('carry-over'));
    expect(await within(form).findByTestId('carry-over-failure')).toHaveTextContent(es.carryOverFix);
    await expectNoAxeViolations(container);
    fireEvent.change(within(form).getByTestId('priority-responsible-2'), { target: { value: 'org-pe' } });
    fireEvent.change(within(form).getByTestId('priority-due-2'), { target: { value: '2027-06-30' } });
    fireEvent.click(within(form).getByTestId('carry-over'));
    expect(await screen.findByTestId('commitments-message')).toHaveTextContent(fill(es.carriedOver, { created: 1, skipped: 0 }));
    expect(requests.find((r) => r.operationName === 'CarryOverPriorities')?.variables).toEqual({
      spaceId: 'space-1',
      workshopId: 'w-1',
      items: [{ actionId: 'a-2', responsibleOrganisationId: 'org-pe', dueDate: '2027-06-30', kind: 'COMMITMENT' }],
    });
  });

  it('offers no changes in a closed space, and nothing at all below member level', async () => {
    renderTab(<CommitmentsTab {...props({ readOnly: true })} />, {
      CommitmentAccountability: () => ({ data: { commitmentAccountability: accountability({ canOrganise: false }) } }),
      SpaceCommitments: () => ({ data: { spaceCommitments: connection([commitment({ canReport: false, canEdit: false })], 'Commitment') } }),
    });
    await screen.findByTestId('commitment');
    expect(screen.getByTestId('commitments-read-only')).toHaveTextContent(es.commitmentsReadOnly);
    expect(screen.queryByTestId('open-new-commitment')).toBeNull();
    expect(screen.queryByTestId('open-progress')).toBeNull();
    cleanup();
    const { requests } = renderTab(<CommitmentsTab {...props({ level: 'OVERVIEW' })} />, {});
    expect(screen.getByTestId('commitments-members-only')).toHaveTextContent(es.commitmentsMembersOnly);
    expect(requests).toHaveLength(0);
  });
});

describe('DocumentsTab', () => {
  const version = (n: number) => ({
    __typename: 'SpaceDocumentVersion' as const,
    id: `v-${n}`,
    documentId: 'd-1',
    version: n,
    filename: `hoja-de-ruta-v${n}.pdf`,
    contentType: 'application/pdf',
    size: 2048 * n,
    note: n === 2 ? 'Aportes de Chile' : '',
    uploadedAt: '2026-11-2' + n + 'T12:00:00.000Z',
    uploadedByName: n === 2 ? 'Joaquín Sepúlveda Rojas' : 'Rosa Quispe Mamani',
    url: `/api/collaboration/documents/v-${n}`,
  });
  const document: SpaceDocumentFields = {
    __typename: 'SpaceDocument',
    id: 'd-1',
    title: 'Hoja de ruta de evaluación formativa',
    description: 'Borrador para comentar.',
    currentVersion: 2,
    createdAt: '2026-11-21T12:00:00.000Z',
    updatedAt: '2026-11-22T12:00:00.000Z',
    createdByName: 'Rosa Quispe Mamani',
    current: version(2),
    versions: [version(2), version(1)],
  };

  it('lists documents with the current version, every version on demand, and checks the upload form before sending', async () => {
    const { container, requests } = renderTab(<DocumentsTab {...props()} />, {
      SpaceDocuments: () => ({ data: { spaceDocuments: connection([document], 'SpaceDocument') } }),
    });
    const card = await screen.findByTestId('space-document');
    expect(within(card).getByTestId('download-current')).toHaveAttribute('href', '/api/collaboration/documents/v-2');
    expect(card).toHaveTextContent('Joaquín Sepúlveda Rojas');
    fireEvent.click(within(card).getByTestId('toggle-versions'));
    const versions = await within(card).findAllByTestId('document-version');
    expect(versions).toHaveLength(2);
    expect(within(versions[1]).getByTestId('download-version')).toHaveAttribute('href', '/api/collaboration/documents/v-1');
    expect(within(card).getByTestId('new-version-form-d-1')).toBeInTheDocument();
    await expectNoAxeViolations(container);

    const form = screen.getByTestId('new-document-form');
    fireEvent.click(within(form).getByTestId('upload-document'));
    expect(await within(form).findByText(es.documentTitleRequired)).toBeInTheDocument();
    expect(within(form).getByText(es.documentFileRequired)).toBeInTheDocument();
    expect(requests.map((r) => r.operationName)).toEqual(['SpaceDocuments']);
    await expectNoAxeViolations(container);
  });

  it('is read-only in a closed space and hidden below member level', async () => {
    renderTab(<DocumentsTab {...props({ readOnly: true })} />, {
      SpaceDocuments: () => ({ data: { spaceDocuments: connection([document], 'SpaceDocument') } }),
    });
    const card = await screen.findByTestId('space-document');
    expect(screen.getByTestId('documents-read-only')).toHaveTextContent(es.documentsReadOnly);
    expect(screen.queryByTestId('new-document-form')).toBeNull();
    fireEvent.click(within(card).getByTestId('toggle-versions'));
    await within(card).findAllByTestId('document-version');
    expect(within(card).queryByTestId('new-version-form-d-1')).toBeNull();
    cleanup();
    renderTab(<DocumentsTab {...props({ level: 'NONE' })} />, {});
    expect(screen.getByTestId('documents-members-only')).toHaveTextContent(es.documentsMembersOnly);
  });
});
