import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { catalogues } from '@alliance/shared-i18n';
import { renderApp, user } from '../../../testing/render-app';
import { i18n } from '../../../app/i18n';
import type { WorkshopCardFields, WorkshopDetails } from '../operations-workshops';
import { workshopFiltersFrom, workshopVariables } from './filters';
import { googleCalendarUrl, setViewerTimeZoneForTests } from '../shared/time';

const es = (catalogues as unknown as Record<string, Record<string, Record<string, string>>>).workshopsUi.es;
const fill = (text: string, values: Record<string, string | number>) => Object.entries(values).reduce((acc, [k, v]) => acc.replace(`{{${k}}}`, String(v)), text);

// The reader sits in São Paulo (UTC−3) while the workshop happens in Lima (UTC−5): every time shows in both.
beforeAll(() => setViewerTimeZoneForTests('America/Sao_Paulo'));
afterAll(() => setViewerTimeZoneForTests(null));
beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage('es');
});
afterEach(() => cleanup());

async function expectNoAxeViolations(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

function card(overrides: Partial<WorkshopCardFields> = {}): WorkshopCardFields {
  return {
    __typename: 'Workshop',
    id: 'w-1',
    slug: 'taller-regional-evaluacion',
    title: 'Taller regional de evaluación',
    description: 'Propuesta de marco regional y priorización de acciones.',
    mode: 'VIRTUAL',
    status: 'OPEN',
    audience: 'OPEN',
    startsAt: '2027-03-03T15:00:00.000Z',
    endsAt: '2027-03-03T17:00:00.000Z',
    timeZone: 'America/Lima',
    capacity: 80,
    seatsTaken: 67,
    seatsLeft: 13,
    waitlistCount: 0,
    registrationOpen: true,
    languages: ['es', 'pt'],
    ...overrides,
  };
}

function connection(nodes: WorkshopCardFields[], hasNextPage = false) {
  return {
    __typename: 'WorkshopConnection',
    totalCount: nodes.length + (hasNextPage ? 3 : 0),
    pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: nodes.length ? `cursor-${nodes[nodes.length - 1].id}` : null },
    edges: nodes.map((node) => ({ __typename: 'WorkshopEdge', cursor: `cursor-${node.id}`, node })),
  };
}

describe('filters', () => {
  it('reads only valid values from the URL and always says upcoming or past', () => {
    expect(workshopVariables(workshopFiltersFrom(new URLSearchParams('when=past&q=%20datos%20&mode=HYBRID')))).toEqual({ upcoming: false, first: 12, search: 'datos', mode: 'HYBRID' });
    expect(workshopVariables(workshopFiltersFrom(new URLSearchParams('when=soon&mode=ONLINE')))).toEqual({ upcoming: true, first: 12 });
  });

  it('builds a Google Calendar link in UTC with the workshop zone', () => {
    const url = new URL(googleCalendarUrl({ title: 'Taller', details: 'x', startsAt: '2027-03-03T15:00:00.000Z', endsAt: '2027-03-03T17:00:00.000Z', timeZone: 'America/Lima' }));
    expect(url.searchParams.get('dates')).toBe('20270303T150000Z/20270303T170000Z');
    expect(url.searchParams.get('ctz')).toBe('America/Lima');
  });
});

describe('Workshops list', () => {
  it('shows cards signed out with mode, both time zones and seats; the filters ask for the right variables, axe-clean', async () => {
    const { container, requests } = renderApp('/workshops', { Workshops: () => ({ data: { workshops: connection([card()], true) } }) });
    await screen.findByRole('heading', { level: 1, name: es.listTitle });
    const item = await screen.findByTestId('workshop-card');
    expect(within(item).getByRole('link', { name: 'Taller regional de evaluación' })).toHaveAttribute('href', '/workshops/taller-regional-evaluacion');
    expect(item).toHaveTextContent(es.mode_VIRTUAL);
    // 15:00Z is 12:00 in São Paulo and 10:00 in Lima.
    expect(within(item).getByTestId('when-viewer')).toHaveTextContent('3 mar 2027, 12:00–14:00');
    expect(within(item).getByTestId('when-workshop')).toHaveTextContent('3 mar 2027, 10:00–12:00 (hora de Perú)');
    expect(within(item).getByTestId('workshop-card-seats')).toHaveTextContent(fill(es.seatsLeft, { number: 13, capacity: 80 }));
    expect(requests.find((r) => r.operationName === 'Workshops')?.variables).toEqual({ upcoming: true, first: 12 });
    await expectNoAxeViolations(container);

    const lastVariables = () => requests.filter((r) => r.operationName === 'Workshops').at(-1)?.variables;
    fireEvent.click(screen.getByLabelText(es.past));
    await waitFor(() => expect(lastVariables()).toEqual({ upcoming: false, first: 12 }));
    fireEvent.change(screen.getByTestId('filter-mode'), { target: { value: 'IN_PERSON' } });
    await waitFor(() => expect(lastVariables()).toEqual({ upcoming: false, first: 12, mode: 'IN_PERSON' }));
    fireEvent.change(screen.getByTestId('workshops-search'), { target: { value: '  prioridades ' } });
    fireEvent.click(screen.getByRole('button', { name: es.searchSubmit }));
    await waitFor(() => expect(lastVariables()).toEqual({ upcoming: false, first: 12, mode: 'IN_PERSON', search: 'prioridades' }));
    expect(window.location.search).toContain('when=past');
  });

  it('shows a full workshop with its waiting list and loads the next page', async () => {
    const { requests } = renderApp('/workshops', {
      Workshops: (request) =>
        request.variables.after
          ? { data: { workshops: connection([card({ id: 'w-2', slug: 'otro', title: 'Otro taller' })]) } }
          : { data: { workshops: connection([card({ seatsLeft: 0, seatsTaken: 80, waitlistCount: 7 })], true) } },
    });
    expect(await screen.findByTestId('workshop-card-seats')).toHaveTextContent(fill(es.seatsFullWaitlist, { number: 7 }));
    fireEvent.click(await screen.findByTestId('workshops-load-more'));
    await waitFor(() => expect(screen.getAllByTestId('workshop-card')).toHaveLength(2));
    expect(requests.filter((r) => r.operationName === 'Workshops').at(-1)?.variables).toEqual({ upcoming: true, first: 12, after: 'cursor-w-1' });
  });

  it('says so when nothing matches', async () => {
    renderApp('/workshops?mode=HYBRID', { Workshops: () => ({ data: { workshops: connection([]) } }) });
    expect(await screen.findByTestId('workshops-empty')).toHaveTextContent(es.emptyFiltered);
  });
});

function details(overrides: Partial<WorkshopDetails> = {}): WorkshopDetails {
  return {
    ...card(),
    venue: null,
    meetingUrl: null,
    recordingUrl: null,
    registrationOpensAt: null,
    registrationClosesAt: '2027-03-01T05:00:00.000Z',
    approvalRequired: false,
    certificateIssuer: 'Secretaría de la Alianza',
    focusAreas: [],
    sessions: [
      {
        __typename: 'WorkshopSession',
        id: 's-1',
        position: 0,
        title: 'Presentación de la propuesta',
        startsAt: '2027-03-03T15:00:00.000Z',
        endsAt: '2027-03-03T17:00:00.000Z',
        agenda: [
          {
            __typename: 'AgendaItem',
            id: 'a-2',
            sessionId: 's-1',
            position: 1,
            title: 'Priorización de acciones',
            description: '',
            speakers: null,
            startsAt: '2027-03-03T16:00:00.000Z',
            endsAt: '2027-03-03T17:00:00.000Z',
          },
          {
            __typename: 'AgendaItem',
            id: 'a-1',
            sessionId: 's-1',
            position: 0,
            title: 'Bienvenida y propuesta',
            description: 'Marco regional.',
            speakers: 'Ana Pérez, Kemar Thompson',
            startsAt: '2027-03-03T15:00:00.000Z',
            endsAt: '2027-03-03T16:00:00.000Z',
          },
        ],
      },
    ],
    materials: [
      { __typename: 'WorkshopMaterial', id: 'm-1', phase: 'BEFORE', title: 'Documento de propuesta', url: 'https://example.org/propuesta.pdf', evidenceItem: null },
      {
        __typename: 'WorkshopMaterial',
        id: 'm-3',
        phase: 'BEFORE',
        title: 'Lectura previa',
        url: '/evidence/e-1',
        evidenceItem: { __typename: 'EvidenceItem', id: 'e-1', title: 'Tutorías entre pares en Cusco' },
      },
      { __typename: 'WorkshopMaterial', id: 'm-2', phase: 'AFTER', title: 'Relatoría', url: 'https://example.org/relatoria.pdf', evidenceItem: null },
    ],
    organisers: [{ __typename: 'WorkshopOrganiser', id: 'u-9', name: 'Lucía Gómez' }],
    countrySeats: [],
    canManage: false,
    calendarUrl: '/api/workshops/taller-regional-evaluacion.ics',
    ...overrides,
  };
}

// The participant panels (web helper B) read their own queries.
function panels(workshop: WorkshopDetails) {
  return {
    RegistrationPanelWorkshop: () => ({
      data: {
        workshop: {
          ...workshop,
          questions: [],
          sessions: workshop.sessions.map((s) => ({ __typename: 'WorkshopSession', id: s.id, position: s.position, title: s.title, startsAt: s.startsAt, endsAt: s.endsAt })),
          myRegistration: null,
        },
      },
    }),
    PollPanelWorkshop: () => ({ data: { workshop: { __typename: 'Workshop', id: workshop.id, slug: workshop.slug, status: workshop.status, canManage: workshop.canManage, myRegistration: null, poll: null } } }),
    WorkshopParticipants: () => ({ data: { workshop: { __typename: 'Workshop', id: workshop.id, canManage: workshop.canManage, myRegistration: null, participants: [] } } }),
  };
}

describe('Workshop page', () => {
  it('shows times in the reader zone and the workshop zone, the agenda in order, materials and calendar links, signed out, axe-clean', async () => {
    const workshop = details();
    const { container, requests } = renderApp('/workshops/taller-regional-evaluacion', { WorkshopPage: () => ({ data: { workshop } }), ...panels(workshop) });
    await screen.findByRole('heading', { level: 1, name: 'Taller regional de evaluación' });
    expect(requests.find((r) => r.operationName === 'WorkshopPage')?.variables).toEqual({ slug: 'taller-regional-evaluacion' });
    const when = screen.getByTestId('workshop-when');
    expect(within(when).getByTestId('when-viewer')).toHaveTextContent(fill(es.yourTime, { time: '3 mar 2027, 12:00–14:00' }));
    expect(within(when).getByTestId('when-workshop')).toHaveTextContent(fill(es.workshopTime, { time: '3 mar 2027, 10:00–12:00 (hora de Perú)' }));
    const items = screen.getAllByTestId('agenda-item');
    expect(items[0]).toHaveTextContent('12:00–13:00');
    expect(items[0]).toHaveTextContent('Bienvenida y propuesta');
    expect(items[0]).toHaveTextContent('Ana Pérez, Kemar Thompson');
    expect(items[1]).toHaveTextContent('13:00–14:00');
    expect(screen.getByRole('heading', { level: 3, name: fill(es.sessionHeading, { number: 1, title: 'Presentación de la propuesta' }) })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Documento de propuesta' })).toHaveAttribute('href', 'https://example.org/propuesta.pdf');
    // An evidence bank item opens its page in the portal, under the item's title.
    expect(screen.getByTestId('material-evidence-link')).toHaveAttribute('href', '/evidence/e-1');
    expect(screen.getByTestId('material-evidence-link')).toHaveTextContent('Tutorías entre pares en Cusco');
    expect(screen.getByTestId('calendar-ics')).toHaveAttribute('href', '/api/workshops/taller-regional-evaluacion.ics');
    expect(new URL(screen.getByTestId('calendar-google').getAttribute('href')!).searchParams.get('dates')).toBe('20270303T150000Z/20270303T170000Z');
    expect(screen.getByTestId('workshop-seats')).toHaveTextContent(fill(es.seatsLeft, { number: 13, capacity: 80 }));
    expect(screen.getByTestId('workshop-organisers')).toHaveTextContent('Lucía Gómez');
    expect(screen.queryByTestId('workshop-meeting-link')).not.toBeInTheDocument();
    expect(screen.queryByTestId('edit-workshop')).not.toBeInTheDocument();
    await waitFor(() => expect(requests.some((r) => r.operationName === 'RegistrationPanelWorkshop')).toBe(true));
    await expectNoAxeViolations(container);
  });

  it('gives a confirmed participant the meeting link and an organiser Edit and Run', async () => {
    const workshop = details({ canManage: true, meetingUrl: 'https://meet.example.org/taller', recordingUrl: 'https://video.example.org/1' });
    renderApp('/workshops/taller-regional-evaluacion', { WorkshopPage: () => ({ data: { workshop } }), ...panels(workshop) }, user({ roles: ['ORGANISER'] as never }));
    expect(await screen.findByTestId('edit-workshop')).toHaveAttribute('href', '/manage/workshops/w-1');
    expect(screen.getByTestId('run-workshop')).toHaveAttribute('href', '/manage/workshops/w-1/run');
    expect(screen.getByTestId('workshop-meeting-link')).toHaveAttribute('href', 'https://meet.example.org/taller');
    expect(screen.getByTestId('recording-link')).toHaveAttribute('href', 'https://video.example.org/1');
  });

  it('says the workshop was not found', async () => {
    renderApp('/workshops/nope', {
      WorkshopPage: () => ({ data: { workshop: null } }),
      RegistrationPanelWorkshop: () => ({ data: { workshop: null } }),
      PollPanelWorkshop: () => ({ data: { workshop: null } }),
      WorkshopParticipants: () => ({ data: { workshop: null } }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: es.notFound })).toBeInTheDocument();
  });
});
