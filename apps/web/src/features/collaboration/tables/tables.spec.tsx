import { act, cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router';
import { DateTime } from 'luxon';
import { catalogues } from '@alliance/shared-i18n';
import { i18n } from '../../../app/i18n';
import { graphQLError, type Handler } from '../../../testing/fake-api';
import { expectNoAxeViolations, renderPage } from '../../../testing/render-page';
import { setViewerTimeZoneForTests } from '../../workshops/shared/time';
import type { TableFields } from '../operations-tables';
import RequestTablePage from './RequestTablePage';
import TablePage from './TablePage';
import TablesPage from './TablesPage';
import ReviewTablesPage from './ReviewTablesPage';
import { parseEmailList, validateTableRequest, type TableRequestValues } from './validation';

jest.setTimeout(60_000);
// Other suites share the machine: give async queries room before calling a wait a failure.
configure({ asyncUtilTimeout: 10_000 });

type Texts = Record<string, string>;
const all = catalogues as unknown as Record<string, Record<string, Texts>>;
const es = all.collaboration.es;
const nav = all.nav.es;
const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => String(values[name] ?? ''));

const ZONE = 'America/Lima';
/** The wall clock of <input type="datetime-local"> `days` from now in Lima. */
const inDays = (days: number, minutes = 0) => DateTime.now().setZone(ZONE).plus({ days, minutes }).toFormat("yyyy-LL-dd'T'HH:mm");

function renderTables(path: string, handlers: Record<string, Handler>) {
  return renderPage(
    path,
    <>
      <Route path="/tables/new" element={<RequestTablePage />} />
      <Route path="/tables/:id" element={<TablePage />} />
      <Route path="/tables" element={<TablesPage />} />
      <Route path="/manage/tables" element={<ReviewTablesPage />} />
      <Route path="*" element={<p>elsewhere</p>} />
    </>,
    handlers,
  );
}

const peru = { __typename: 'TableOrganisation' as const, id: 'org-pe', name: 'Ministerio de Educación del Perú', countryCode: 'PE' };
const chile = { __typename: 'TableOrganisation' as const, id: 'org-cl', name: 'Ministerio de Educación de Chile', countryCode: 'CL' };

function table(overrides: Partial<TableFields> = {}): TableFields {
  return {
    __typename: 'WorkingTable',
    id: 'tb-1',
    kind: 'TABLE',
    status: 'REQUESTED',
    title: 'Evaluación formativa en escuelas rurales',
    description: 'Intercambiar experiencias.',
    descriptionHtml: '<p>Intercambiar experiencias.</p>',
    agenda: '1. Presentaciones',
    agendaHtml: '<ol><li>Presentaciones</li></ol>',
    timeZone: ZONE,
    firstSessionAt: '2027-03-03T15:00:00.000Z',
    requestedAt: '2027-02-01T15:00:00.000Z',
    reviewNote: null,
    reviewedAt: null,
    closedAt: null,
    updatedAt: '2027-02-01T15:00:00.000Z',
    requesterName: 'Rosa Quispe Huamán',
    requestingOrganisation: peru,
    moderator: null,
    myAccess: 'OVERVIEW',
    organiser: false,
    canEdit: false,
    canResubmit: false,
    canReview: false,
    canClose: false,
    canManageParticipants: false,
    parties: [
      {
        __typename: 'TableParty',
        id: 'p-pe',
        organisationId: 'org-pe',
        organisationName: peru.name,
        countryCode: 'PE',
        role: 'REQUESTER',
        status: 'CONFIRMED',
        respondedAt: '2027-02-01T15:00:00.000Z',
        canManage: false,
        canAnswer: false,
        canEditParticipants: false,
        participants: [{ __typename: 'TableParticipant', id: 'sp-1', userId: 'u-1', name: 'Rosa Quispe Huamán', organisationName: peru.name }],
      },
      {
        __typename: 'TableParty',
        id: 'p-cl',
        organisationId: 'org-cl',
        organisationName: chile.name,
        countryCode: 'CL',
        role: 'INVITED',
        status: 'PENDING',
        respondedAt: null,
        canManage: true,
        canAnswer: true,
        canEditParticipants: false,
        participants: [],
      },
    ],
    history: [{ __typename: 'TableEvent', id: 'ev-1', action: 'REQUESTED', note: null, actorName: 'Rosa Quispe Huamán', organisationName: peru.name, personName: null, count: 1, at: '2027-02-01T15:00:00.000Z' }],
    ...overrides,
  };
}

beforeEach(async () => {
  window.localStorage.clear();
  setViewerTimeZoneForTests(ZONE);
  await i18n.changeLanguage('es');
});
afterEach(() => {
  cleanup();
  setViewerTimeZoneForTests(null);
});

describe('the request rules in the browser', () => {
  const values = (overrides: Partial<TableRequestValues> = {}): TableRequestValues => ({
    requestingOrganisationId: 'org-pe',
    title: 'Evaluación formativa',
    description: 'Intercambiar experiencias de evaluación formativa.',
    agenda: '1. Presentaciones',
    timeZone: ZONE,
    firstSessionAt: inDays(20),
    invited: [chile],
    participantEmails: 'jorge@minedu.gob.pe',
    ...overrides,
  });

  it('wants the first session at least 15 days ahead in the table’s zone', () => {
    expect(validateTableRequest(values({ firstSessionAt: inDays(14) }))).toEqual({ firstSessionAt: { key: 'collaboration:firstSessionTooSoon', params: { days: 15 } } });
    expect(validateTableRequest(values({ firstSessionAt: inDays(15, 2) }))).toEqual({});
    expect(validateTableRequest(values({ firstSessionAt: '' }))).toEqual({ firstSessionAt: { key: 'collaboration:firstSessionInvalid' } });
  });

  it('checks texts, invitations and addresses', () => {
    expect(Object.keys(validateTableRequest(values({ title: 'ab', description: 'corto', agenda: '' }))).sort()).toEqual(['agenda', 'description', 'title']);
    expect(validateTableRequest(values({ invited: [] })).invitedOrganisationIds.key).toBe('collaboration:invitedRequired');
    expect(validateTableRequest(values({ invited: [peru] })).invitedOrganisationIds.key).toBe('collaboration:invitedSelf');
    expect(validateTableRequest(values({ participantEmails: 'jorge@minedu.gob.pe, no-es-correo' })).participantEmails).toEqual({
      key: 'collaboration:participantEmailInvalid',
      params: { email: 'no-es-correo' },
    });
    expect(validateTableRequest(values({ timeZone: 'Mars/Olympus' })).timeZone.key).toBe('collaboration:timeZoneInvalid');
    expect(parseEmailList(' Jorge@Minedu.gob.pe\nana@minedu.gob.pe;jorge@minedu.gob.pe ,')).toEqual(['jorge@minedu.gob.pe', 'ana@minedu.gob.pe']);
  });
});

describe('Request a working table', () => {
  const handlers = (requestTable: Handler): Record<string, Handler> => ({
    TableRequestOrganisations: () => ({ data: { tableRequestOrganisations: [peru] } }),
    TableOrganisationSearch: () => ({ data: { tableOrganisationSearch: [peru, chile] } }),
    RequestTable: requestTable,
    MyTables: () => ({ data: { tableRequestOrganisations: [{ __typename: 'TableOrganisation', id: 'org-pe' }], myTables: { __typename: 'WorkingTableConnection', totalCount: 0, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, edges: [] } } }),
    Table: () => ({ data: { table: table({ myAccess: 'MEMBER' }) } }),
  });

  it('checks the form before sending, shows the server’s field errors, and opens the table once requested', async () => {
    let attempt = 0;
    const { requests, container } = renderTables(
      '/tables/new',
      handlers(() => {
        attempt += 1;
        if (attempt === 1) {
          return graphQLError('BAD_USER_INPUT', 'Revise los datos.', {
            fields: [{ field: 'input.participantEmails.0', key: 'collaboration:participantUnknown', message: fill(es.participantUnknown, { email: 'nadie@minedu.gob.pe' }) }],
          });
        }
        return { data: { requestTable: table({ myAccess: 'MEMBER' }) } };
      }),
    );
    const form = await screen.findByTestId('request-table-form', undefined, { timeout: 15_000 });
    expect(within(form).getByRole('combobox', { name: new RegExp(es.fieldRequestingOrganisation) })).toHaveValue('org-pe');
    expect(within(form).getByTestId('table-zone-input')).toHaveValue(ZONE);
    await expectNoAxeViolations(container);

    // Nothing filled in: every rule speaks, focus goes to the first field to fix, nothing is sent.
    fireEvent.click(within(form).getByTestId('submit-request'));
    expect(await within(form).findByText(es.titleInvalid)).toBeInTheDocument();
    expect(within(form).getByText(es.invitedRequired)).toBeInTheDocument();
    expect(within(form).getByText(es.firstSessionInvalid)).toBeInTheDocument();
    await waitFor(() => expect(within(form).getByTestId('table-title-input')).toHaveFocus());
    expect(requests.some((r) => r.operationName === 'RequestTable')).toBe(false);

    fireEvent.change(within(form).getByTestId('table-title-input'), { target: { value: 'Evaluación formativa en escuelas rurales' } });
    fireEvent.change(within(form).getByTestId('table-description-input'), { target: { value: 'Intercambiar experiencias de evaluación formativa.' } });
    fireEvent.change(within(form).getByTestId('table-agenda-input'), { target: { value: '1. Presentaciones\n2. Experiencias' } });
    fireEvent.change(within(form).getByTestId('table-first-session-input'), { target: { value: inDays(14) } });
    fireEvent.change(within(form).getByTestId('request-participants'), { target: { value: 'nadie@minedu.gob.pe' } });

    // Invite Chile through the search (Peru, the requester, is not offered).
    const search = within(form).getByTestId('invite-search');
    act(() => search.focus());
    fireEvent.change(search, { target: { value: 'chile' } });
    const option = await screen.findByRole('option', { name: /Ministerio de Educación de Chile/, hidden: true });
    expect(within(screen.getByTestId('invite-options')).queryByRole('option', { name: /Perú/, hidden: true })).toBeNull();
    fireEvent.click(option);
    expect(await within(form).findByTestId('invited-organisation')).toHaveTextContent('Ministerio de Educación de Chile');

    fireEvent.click(within(form).getByTestId('submit-request'));
    expect(await within(form).findByText(fill(es.firstSessionTooSoon, { days: 15 }))).toBeInTheDocument();
    expect(requests.some((r) => r.operationName === 'RequestTable')).toBe(false);

    const firstSession = inDays(20);
    fireEvent.change(within(form).getByTestId('table-first-session-input'), { target: { value: firstSession } });
    fireEvent.click(within(form).getByTestId('submit-request'));
    expect(await within(form).findByText(fill(es.participantUnknown, { email: 'nadie@minedu.gob.pe' }))).toBeInTheDocument();
    const sent = requests.find((r) => r.operationName === 'RequestTable')!.variables.input as Record<string, unknown>;
    expect(sent).toEqual({
      requestingOrganisationId: 'org-pe',
      title: 'Evaluación formativa en escuelas rurales',
      description: 'Intercambiar experiencias de evaluación formativa.',
      agenda: '1. Presentaciones\n2. Experiencias',
      timeZone: ZONE,
      firstSessionAt: DateTime.fromISO(firstSession, { zone: ZONE }).toUTC().toISO(),
      invitedOrganisationIds: ['org-cl'],
      participantEmails: ['nadie@minedu.gob.pe'],
    });
    expect(within(form).getByTestId('request-participants')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(container);

    fireEvent.change(within(form).getByTestId('request-participants'), { target: { value: 'jorge@minedu.gob.pe' } });
    fireEvent.click(within(form).getByTestId('submit-request'));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/tables/tb-1'));
  });

  it('tells people who may not request why there is no form', async () => {
    renderTables('/tables/new', { TableRequestOrganisations: () => ({ data: { tableRequestOrganisations: [] } }) });
    expect(await screen.findByTestId('request-not-allowed', undefined, { timeout: 15_000 })).toHaveTextContent(es.requestNotAllowedBody);
    expect(screen.queryByTestId('request-table-form')).toBeNull();
  });
});

describe('A working table', () => {
  it('is "not found" for whoever may not see it (the API answers null)', async () => {
    const { container } = renderTables('/tables/tb-secret', { Table: () => ({ data: { table: null } }) });
    expect(await screen.findByRole('heading', { level: 1, name: nav.notFoundTitle }, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.getByText(nav.notFoundBody)).toBeInTheDocument();
    expect(container).not.toHaveTextContent('Evaluación formativa');
    await expectNoAxeViolations(container);
  });

  it('shows the request to an invited party’s representative, who confirms with the list', async () => {
    const confirmed = table({
      parties: table().parties.map((p) =>
        p.id === 'p-cl'
          ? { ...p, status: 'CONFIRMED' as const, canAnswer: false, canEditParticipants: true, respondedAt: '2027-02-02T15:00:00.000Z', participants: [{ __typename: 'TableParticipant' as const, id: 'sp-2', userId: 'u-2', name: 'Valentina Muñoz Araya', organisationName: chile.name }] }
          : p,
      ),
    });
    const { requests, container } = renderTables('/tables/tb-1', {
      Table: () => ({ data: { table: table() } }),
      ConfirmTableParty: () => ({ data: { confirmTableParty: confirmed } }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Evaluación formativa en escuelas rurales' }, { timeout: 15_000 })).toBeInTheDocument();
    // Only the overview while the table is under review: no tabs of the table's work.
    expect(screen.queryByRole('tab')).toBeNull();
    expect(screen.getByTestId('first-session')).toHaveTextContent(/3 mar 2027.*10:00/);
    expect(screen.getByTestId('table-agenda').querySelector('ol')).not.toBeNull();
    await expectNoAxeViolations(container);

    const confirmForm = screen.getByTestId('confirm-form');
    fireEvent.click(within(confirmForm).getByTestId('confirm-party'));
    expect(await within(confirmForm).findByText(es.participantsRequired)).toBeInTheDocument();
    fireEvent.change(within(confirmForm).getByTestId('confirm-participants'), { target: { value: 'valentina@mineduc.cl\n' } });
    fireEvent.click(within(confirmForm).getByTestId('confirm-party'));
    await waitFor(() => expect(requests.find((r) => r.operationName === 'ConfirmTableParty')?.variables).toEqual({ id: 'tb-1', partyId: 'p-cl', participantEmails: ['valentina@mineduc.cl'] }));
    expect(await screen.findByTestId('table-notice')).toHaveTextContent(fill(es.confirmedNotice, { organisation: chile.name }));
    expect(screen.queryByTestId('confirm-form')).toBeNull();
    expect(await screen.findByText('Valentina Muñoz Araya')).toBeInTheDocument();
  });

  it('gives members of an open or closed table its tabs, the chosen one in the address; a closed table says it is read-only', async () => {
    const { container } = renderTables('/tables/tb-1?tab=commitments', {
      Table: () => ({ data: { table: table({ status: 'CLOSED', myAccess: 'MEMBER', closedAt: '2027-06-01T15:00:00.000Z' }) } }),
    });
    expect(await screen.findByTestId('closed-banner', undefined, { timeout: 15_000 })).toHaveTextContent(es.closedReadOnly);
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual([es.tab_overview, es.tab_sessions, es.tab_forum, es.tab_documents, es.tab_commitments]);
    expect(screen.getByRole('tab', { name: es.tab_commitments })).toHaveAttribute('aria-selected', 'true');
    fireEvent.click(screen.getByRole('tab', { name: es.tab_overview }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/tables\/tb-1$/));
    expect(screen.getByTestId('history')).toHaveTextContent(es.event_REQUESTED);
    await expectNoAxeViolations(container);
  });
});

describe('Lists of tables', () => {
  const connection = (rows: TableFields[]) => ({
    __typename: 'WorkingTableConnection',
    totalCount: rows.length,
    pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
    edges: rows.map((node) => ({ __typename: 'WorkingTableEdge', cursor: node.id, node })),
  });

  it('lists my tables with their status and parties, and offers a request to those who may make one', async () => {
    const { requests, container } = renderTables('/tables', {
      MyTables: (request) => ({
        data: { tableRequestOrganisations: [{ __typename: 'TableOrganisation', id: 'org-pe' }], myTables: connection(request.variables.status === 'OPEN' ? [] : [table()]) },
      }),
    });
    const row = await screen.findByTestId('table-row', undefined, { timeout: 15_000 });
    expect(within(row).getByRole('link', { name: 'Evaluación formativa en escuelas rurales' })).toHaveAttribute('href', '/tables/tb-1');
    expect(within(row).getByTestId('table-status')).toHaveTextContent(es.spaceStatus_REQUESTED);
    expect(row).toHaveTextContent(fill(es.partiesLine, { requester: peru.name, invited: chile.name }));
    expect(screen.getByTestId('request-table')).toHaveAttribute('href', '/tables/new');
    await expectNoAxeViolations(container);
    fireEvent.change(screen.getByTestId('tables-status'), { target: { value: 'OPEN' } });
    await waitFor(() => expect(requests.filter((r) => r.operationName === 'MyTables').at(-1)?.variables).toEqual({ first: 20, status: 'OPEN' }));
    expect(await screen.findByTestId('tables-empty')).toHaveTextContent(es.tablesEmptyStatus);
  });

  it('shows moderators the requests awaiting review with the parties’ answers', async () => {
    const { container } = renderTables('/manage/tables', { TableReviewQueue: () => ({ data: { tableReviewQueue: connection([table()]) } }) });
    const queue = await screen.findByTestId('table-queue', undefined, { timeout: 15_000 });
    expect(within(queue).getByRole('link', { name: 'Evaluación formativa en escuelas rurales' })).toHaveAttribute('href', '/tables/tb-1');
    expect(queue).toHaveTextContent(fill(es.answersCount, { answered: 0, total: 1 }));
    expect(queue).toHaveTextContent('Rosa Quispe Huamán');
    await expectNoAxeViolations(container);
  });
});
