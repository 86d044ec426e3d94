import type { ReactNode } from 'react';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { catalogues } from '@alliance/shared-i18n';
import { renderApp, user } from '../../../testing/render-app';
import { fakeApi, graphQLError, type Handler } from '../../../testing/fake-api';
import { i18n } from '../../../app/i18n';
import { theme, cssVariablesResolver } from '../../../app/theme';
import type { UserFields } from '../../../graphql/operations';
import { RegistrationPanel, answersInput, missingAnswers } from './RegistrationPanel';
import { PollPanel, initialOrder } from './PollPanel';
import { ParticipantsList } from './ParticipantsList';
import { defaultSession, normaliseCode } from './CheckInPage';
import { splitRegistrations } from './MyWorkshopsPage';
import type {
  CheckInSession,
  CheckInWorkshop,
  MyRegistrationFields,
  MyWorkshopRegistration,
  PollFields,
  PollPanelWorkshop,
  RegistrationPanelWorkshop,
  RegistrationQuestionFields,
} from '../operations-participant';

const es = catalogues.workshopParticipant.es;
const fr = catalogues.workshopParticipant.fr;
const fill = (text: string, values: Record<string, string | number>) => Object.entries(values).reduce((acc, [k, v]) => acc.replace(`{{${k}}}`, String(v)), text);

beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage('es');
});
afterEach(() => {
  cleanup();
  jest.restoreAllMocks();
});

async function expectNoAxeViolations(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const questions: RegistrationQuestionFields[] = [
  { __typename: 'RegistrationQuestion', id: 'q-role', position: 0, type: 'TEXT', prompt: 'Cargo', options: [], required: true },
  { __typename: 'RegistrationQuestion', id: 'q-lang', position: 1, type: 'CHOICE', prompt: 'Idioma de trabajo', options: ['Español', 'Français'], required: true },
  { __typename: 'RegistrationQuestion', id: 'q-data', position: 2, type: 'CONSENT', prompt: 'Acepto el tratamiento de mis datos', options: [], required: true },
  { __typename: 'RegistrationQuestion', id: 'q-note', position: 3, type: 'TEXT', prompt: 'Comentario', options: [], required: false },
];

function registration(overrides: Partial<MyRegistrationFields> = {}): MyRegistrationFields {
  return {
    __typename: 'Registration',
    id: 'reg-1',
    status: 'CONFIRMED',
    waitlistPosition: null,
    offerExpiresAt: null,
    consentToList: true,
    attendedSessions: 0,
    answers: [],
    certificate: null,
    ...overrides,
  };
}

function workshop(overrides: Partial<RegistrationPanelWorkshop> = {}): RegistrationPanelWorkshop {
  return {
    __typename: 'Workshop',
    id: 'w-1',
    slug: 'taller-regional',
    title: 'Taller regional de evaluación',
    status: 'OPEN',
    audience: 'OPEN',
    startsAt: '2026-12-10T14:00:00.000Z',
    endsAt: '2026-12-10T17:00:00.000Z',
    timeZone: 'America/Lima',
    capacity: 2,
    seatsLeft: 1,
    waitlistCount: 0,
    registrationOpen: true,
    registrationOpensAt: null,
    registrationClosesAt: null,
    approvalRequired: false,
    meetingUrl: null,
    calendarUrl: '/api/workshops/taller-regional.ics',
    canManage: false,
    questions,
    sessions: [{ __typename: 'WorkshopSession', id: 's-1', position: 0, title: 'Sesión 1', startsAt: '2026-12-10T14:00:00.000Z', endsAt: '2026-12-10T17:00:00.000Z' }],
    myRegistration: null,
    ...overrides,
  };
}

/** A component alone, inside the app's providers, against a fake API. */
function renderWith(node: ReactNode, handlers: Record<string, Handler>, me: UserFields | null) {
  const api = fakeApi({ Me: () => ({ data: { me } }), ...handlers }, () => i18n.language);
  const utils = render(
    <I18nextProvider i18n={i18n}>
      <ApolloProvider client={api.client}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
          <MemoryRouter initialEntries={['/workshops/taller-regional']}>
            <main>
              <h1>Taller</h1>
              {node}
            </main>
          </MemoryRouter>
        </MantineProvider>
      </ApolloProvider>
    </I18nextProvider>,
  );
  return { ...utils, ...api };
}

describe('registration helpers', () => {
  it('finds unanswered required questions and sends consent as true/false, leaving out empty optional answers', () => {
    expect(missingAnswers(questions, {})).toEqual(['q-role', 'q-lang', 'q-data']);
    expect(missingAnswers(questions, { 'q-role': '  ', 'q-lang': 'Español', 'q-data': 'false' })).toEqual(['q-role', 'q-data']);
    expect(missingAnswers(questions, { 'q-role': 'Directora', 'q-lang': 'Español', 'q-data': 'true' })).toEqual([]);
    expect(answersInput(questions, { 'q-role': ' Directora ', 'q-lang': 'Español' })).toEqual([
      { questionId: 'q-role', value: 'Directora' },
      { questionId: 'q-lang', value: 'Español' },
      { questionId: 'q-data', value: 'false' },
    ]);
  });
});

describe('RegistrationPanel', () => {
  it('asks signed-out visitors to sign in and come back', async () => {
    renderWith(<RegistrationPanel slug="taller-regional" />, { RegistrationPanelWorkshop: () => ({ data: { workshop: workshop() } }) }, null);
    const link = await screen.findByTestId('sign-in-to-register');
    expect(link).toHaveTextContent(es.signInToRegister);
    expect(link).toHaveAttribute('href', '/sign-in?next=%2Fworkshops%2Ftaller-regional');
  });

  it('validates the questions, then registers with the answers and shows the confirmed state with the meeting link, axe-clean', async () => {
    let registered = false;
    const { requests, container } = renderWith(
      <RegistrationPanel slug="taller-regional" />,
      {
        RegistrationPanelWorkshop: () => ({
          data: { workshop: workshop(registered ? { myRegistration: registration(), meetingUrl: 'https://meet.example/abc', seatsLeft: 0 } : {}) },
        }),
        RegisterForWorkshop: () => {
          registered = true;
          return { data: { registerForWorkshop: registration() } };
        },
      },
      user(),
    );
    const form = await screen.findByTestId('registration-form');
    await expectNoAxeViolations(container);
    expect(within(form).getByRole('radiogroup', { name: /Idioma de trabajo/ })).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('register-button'));
    // Three required answers missing: messages next to each, focus on the first, nothing sent.
    expect(await screen.findAllByText(es.answerRequired)).toHaveLength(2);
    expect(screen.getByText(es.consentRequired)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Cargo/ })).toHaveFocus();
    expect(screen.getByRole('radiogroup', { name: /Idioma de trabajo/ })).toHaveAttribute('aria-invalid', 'true');
    expect(requests.some((r) => r.operationName === 'RegisterForWorkshop')).toBe(false);
    await expectNoAxeViolations(container);

    fireEvent.change(screen.getByRole('textbox', { name: /Cargo/ }), { target: { value: 'Directora de evaluación' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Français' }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Acepto el tratamiento/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: es.consentToList }));
    fireEvent.click(screen.getByTestId('register-button'));

    expect(await screen.findByTestId('meeting-link')).toHaveAttribute('href', 'https://meet.example/abc');
    expect(screen.getByTestId('registration-notice')).toHaveTextContent(es.registeredNotice_CONFIRMED);
    expect(screen.getByTestId('registration-status')).toHaveTextContent(es.status_CONFIRMED);
    expect(screen.getByTestId('add-to-calendar')).toHaveAttribute('href', '/api/workshops/taller-regional.ics');
    expect(requests.find((r) => r.operationName === 'RegisterForWorkshop')?.variables).toEqual({
      workshopId: 'w-1',
      answers: [
        { questionId: 'q-role', value: 'Directora de evaluación' },
        { questionId: 'q-lang', value: 'Français' },
        { questionId: 'q-data', value: 'true' },
      ],
      consentToList: true,
    });
    await expectNoAxeViolations(container);
  });

  it('shows the API’s translated error and offers the waiting list when full', async () => {
    renderWith(
      <RegistrationPanel slug="taller-regional" />,
      {
        RegistrationPanelWorkshop: () => ({ data: { workshop: workshop({ seatsLeft: 0, waitlistCount: 3, questions: [] }) } }),
        RegisterForWorkshop: () => graphQLError('FORBIDDEN', 'Este taller es solo para organizaciones miembro.'),
      },
      user(),
    );
    expect(await screen.findByTestId('seats-left')).toHaveTextContent(fill(es.fullWithWaitlist_other, { waiting: 3 }));
    const button = screen.getByTestId('register-button');
    expect(button).toHaveTextContent(es.joinWaitlist);
    fireEvent.click(button);
    expect(await screen.findByTestId('registration-error')).toHaveTextContent('Este taller es solo para organizaciones miembro.');
  });

  it('shows the waiting-list position, in French', async () => {
    await i18n.changeLanguage('fr');
    renderWith(
      <RegistrationPanel slug="taller-regional" />,
      { RegistrationPanelWorkshop: () => ({ data: { workshop: workshop({ seatsLeft: 0, myRegistration: registration({ status: 'WAITLISTED', waitlistPosition: 2 }) }) } }) },
      user(),
    );
    expect(await screen.findByTestId('waitlist-position')).toHaveTextContent(fill(fr.waitlistPosition, { position: 2 }));
    expect(screen.getByTestId('registration-status')).toHaveTextContent(fr.status_WAITLISTED);
    expect(screen.queryByTestId('meeting-link')).toBeNull();
  });

  it('accepts an offered seat before its deadline', async () => {
    let accepted = false;
    const { requests } = renderWith(
      <RegistrationPanel slug="taller-regional" />,
      {
        RegistrationPanelWorkshop: () => ({
          data: { workshop: workshop({ myRegistration: accepted ? registration() : registration({ status: 'OFFERED', offerExpiresAt: '2026-12-05T12:00:00.000Z' }) }) },
        }),
        AcceptSeatOffer: () => {
          accepted = true;
          return { data: { acceptSeatOffer: registration() } };
        },
      },
      user(),
    );
    const offer = await screen.findByTestId('seat-offer');
    expect(offer).toHaveTextContent('2026');
    fireEvent.click(within(offer).getByTestId('accept-offer'));
    await waitFor(() => expect(screen.getByTestId('registration-status')).toHaveAttribute('data-status', 'CONFIRMED'));
    expect(screen.getByTestId('registration-notice')).toHaveTextContent(es.offerAccepted);
    expect(requests.find((r) => r.operationName === 'AcceptSeatOffer')?.variables).toEqual({ id: 'reg-1' });
  });

  it('cancels through a confirmation dialog, then allows registering again', async () => {
    let cancelled = false;
    const { requests } = renderWith(
      <RegistrationPanel slug="taller-regional" />,
      {
        RegistrationPanelWorkshop: () => ({ data: { workshop: workshop({ myRegistration: registration({ status: cancelled ? 'CANCELLED' : 'CONFIRMED' }) }) } }),
        CancelRegistration: () => {
          cancelled = true;
          return { data: { cancelRegistration: registration({ status: 'CANCELLED' }) } };
        },
      },
      user(),
    );
    fireEvent.click(await screen.findByTestId('cancel-registration'));
    const dialog = await screen.findByRole('dialog', { name: es.cancelTitle });
    expect(dialog).toHaveTextContent(es.cancelBodyConfirmed);
    fireEvent.click(within(dialog).getByTestId('confirm-cancel'));
    expect(await screen.findByTestId('registration-form')).toBeInTheDocument();
    expect(screen.getByTestId('registration-notice')).toHaveTextContent(es.cancelledNotice);
    expect(screen.getByText(es.endedNote_CANCELLED)).toBeInTheDocument();
    expect(requests.find((r) => r.operationName === 'CancelRegistration')?.variables).toEqual({ id: 'reg-1' });
  });

  it('shows pending and rejected registrations, and the certificate once issued', async () => {
    renderWith(
      <RegistrationPanel slug="taller-regional" />,
      { RegistrationPanelWorkshop: () => ({ data: { workshop: workshop({ approvalRequired: true, myRegistration: registration({ status: 'PENDING' }) }) } }) },
      user(),
    );
    expect(await screen.findByText(es.pendingNote)).toBeInTheDocument();
    cleanup();
    renderWith(
      <RegistrationPanel slug="taller-regional" />,
      { RegistrationPanelWorkshop: () => ({ data: { workshop: workshop({ myRegistration: registration({ status: 'REJECTED' }) }) } }) },
      user(),
    );
    expect(await screen.findByTestId('registration-rejected')).toBeInTheDocument();
    expect(screen.queryByTestId('registration-form')).toBeNull();
    cleanup();
    renderWith(
      <RegistrationPanel slug="taller-regional" />,
      {
        RegistrationPanelWorkshop: () => ({
          data: {
            workshop: workshop({
              status: 'HELD',
              registrationOpen: false,
              myRegistration: registration({ certificate: { __typename: 'Certificate', id: 'c-1', code: 'ABC-123', renderStatus: 'RENDERED', pdfUrl: '/api/certificates/ABC-123.pdf' } }),
            }),
          },
        }),
      },
      user(),
    );
    expect(await screen.findByTestId('certificate-pdf')).toHaveAttribute('href', '/api/certificates/ABC-123.pdf');
    expect(screen.getByTestId('certificate-verify')).toHaveAttribute('href', '/verify/ABC-123');
    expect(screen.queryByTestId('cancel-registration')).toBeNull();
  });
});

function poll(overrides: Partial<PollFields> = {}): PollFields {
  const action = (id: string, position: number, title: string) => ({ __typename: 'PollAction' as const, id, position, title, description: '' });
  return {
    __typename: 'Poll',
    mode: 'RANK',
    maxVotes: null,
    open: true,
    ballots: 0,
    myBallot: null,
    actions: [action('a-1', 0, 'Formación docente'), action('a-2', 1, 'Evaluación nacional'), action('a-3', 2, 'Datos abiertos')],
    results: [],
    ...overrides,
  };
}

function pollWorkshop(overrides: Partial<PollPanelWorkshop> = {}): PollPanelWorkshop {
  return {
    __typename: 'Workshop',
    id: 'w-1',
    slug: 'taller-regional',
    status: 'OPEN',
    canManage: false,
    myRegistration: { __typename: 'Registration', id: 'reg-1', status: 'CONFIRMED' },
    poll: poll(),
    ...overrides,
  };
}

/** jsdom lays nothing out: give each sortable row a place (50 px apart) so dnd-kit can find the row below. */
function layOutSortableRows() {
  const original = HTMLElement.prototype.getBoundingClientRect;
  jest.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const row = this.closest('[data-sortable-index]') as HTMLElement | null;
    if (!row) return original.call(this);
    const index = Number(row.dataset.sortableIndex);
    const top = index * 50;
    return { x: 0, y: top, top, left: 0, right: 300, bottom: top + 40, width: 300, height: 40, toJSON: () => ({}) } as DOMRect;
  });
}

describe('PollPanel', () => {
  it('starts from the saved ballot', () => {
    expect(initialOrder(poll({ myBallot: ['a-3', 'a-1', 'a-2'] }))).toEqual(['a-3', 'a-1', 'a-2']);
    expect(initialOrder(poll())).toEqual(['a-1', 'a-2', 'a-3']);
  });

  it('ranks by keyboard (Space, ArrowDown, Space) and by button, then submits the order, axe-clean', async () => {
    layOutSortableRows();
    const { requests, container } = renderWith(
      <PollPanel slug="taller-regional" />,
      {
        PollPanelWorkshop: () => ({ data: { workshop: pollWorkshop() } }),
        SubmitBallot: (r) => ({ data: { submitBallot: poll({ myBallot: r.variables.actionIds as string[], ballots: 1 }) } }),
      },
      user(),
    );
    const handle = await screen.findByTestId('drag-a-1');
    await expectNoAxeViolations(container);
    act(() => handle.focus());
    fireEvent.keyDown(handle, { code: 'Space', key: ' ' });
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    fireEvent.keyDown(document.activeElement ?? handle, { code: 'ArrowDown', key: 'ArrowDown' });
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    fireEvent.keyDown(document.activeElement ?? handle, { code: 'Space', key: ' ' });
    const list = screen.getByTestId('rank-list');
    await waitFor(() => expect(within(list).getAllByTestId('rank-item').map((i) => i.dataset.actionId)).toEqual(['a-2', 'a-1', 'a-3']));
    // The plain fallback: move "Datos abiertos" up one place.
    fireEvent.click(screen.getByTestId('up-a-3'));
    await waitFor(() => expect(within(list).getAllByTestId('rank-item').map((i) => i.dataset.actionId)).toEqual(['a-2', 'a-3', 'a-1']));
    fireEvent.click(screen.getByTestId('submit-ballot'));
    expect(await screen.findByTestId('ballot-saved')).toHaveTextContent(es.ballotSaved);
    expect(requests.find((r) => r.operationName === 'SubmitBallot')?.variables).toEqual({ workshopId: 'w-1', actionIds: ['a-2', 'a-3', 'a-1'] });
  });

  it('limits votes to maxVotes in VOTE mode', async () => {
    const { requests } = renderWith(
      <PollPanel slug="taller-regional" />,
      {
        PollPanelWorkshop: () => ({ data: { workshop: pollWorkshop({ poll: poll({ mode: 'VOTE', maxVotes: 2 }) }) } }),
        SubmitBallot: (r) => ({ data: { submitBallot: poll({ mode: 'VOTE', maxVotes: 2, myBallot: r.variables.actionIds as string[] }) } }),
      },
      user(),
    );
    const group = await screen.findByRole('group', { name: fill(es.voteLegend_other, { max: 2 }) });
    fireEvent.click(screen.getByTestId('submit-ballot'));
    expect(await screen.findByTestId('ballot-error')).toHaveTextContent(es.chooseAtLeastOne);
    fireEvent.click(within(group).getByRole('checkbox', { name: 'Formación docente' }));
    fireEvent.click(within(group).getByRole('checkbox', { name: 'Datos abiertos' }));
    expect(within(group).getByRole('checkbox', { name: 'Evaluación nacional' })).toBeDisabled();
    fireEvent.click(screen.getByTestId('submit-ballot'));
    await screen.findByTestId('ballot-saved');
    expect(requests.find((r) => r.operationName === 'SubmitBallot')?.variables).toEqual({ workshopId: 'w-1', actionIds: ['a-1', 'a-3'] });
  });

  it('shows results as a chart and a table once the poll is closed, and nothing to non-participants while open', async () => {
    const result = (id: string, title: string, points: number, rank: number) => ({
      __typename: 'PollResult' as const,
      action: { __typename: 'PollAction' as const, id, title },
      points,
      ballots: 3,
      rank,
    });
    const { container } = renderWith(
      <PollPanel slug="taller-regional" />,
      {
        PollPanelWorkshop: () => ({
          data: { workshop: pollWorkshop({ poll: poll({ open: false, ballots: 3, results: [result('a-2', 'Evaluación nacional', 5, 1), result('a-1', 'Formación docente', 3, 2), result('a-3', 'Datos abiertos', 1, 3)] }) }) },
        }),
      },
      user(),
    );
    const table = await screen.findByTestId('poll-results-figure-table');
    expect(within(table).getByRole('row', { name: /Evaluación nacional 5 3/ })).toBeInTheDocument();
    expect(screen.queryByTestId('ballot-form')).toBeNull();
    await expectNoAxeViolations(container);
    cleanup();
    renderWith(<PollPanel slug="taller-regional" />, { PollPanelWorkshop: () => ({ data: { workshop: pollWorkshop({ myRegistration: null }) } }) }, user());
    expect(await screen.findByTestId('poll-confirmed-only')).toHaveTextContent(es.pollConfirmedOnly);
  });
});

describe('ParticipantsList', () => {
  it('lists consented participants for confirmed participants only', async () => {
    const participants = [
      { __typename: 'Participant' as const, name: 'Marie Joseph', country: { __typename: 'Country' as const, code: 'HT', name: 'Haití' }, organisationName: 'MENFP' },
      { __typename: 'Participant' as const, name: 'Ana Quispe', country: { __typename: 'Country' as const, code: 'PE', name: 'Perú' }, organisationName: null },
    ];
    const { container } = renderWith(
      <ParticipantsList slug="taller-regional" />,
      { WorkshopParticipants: () => ({ data: { workshop: { __typename: 'Workshop', id: 'w-1', canManage: false, myRegistration: { __typename: 'Registration', id: 'r', status: 'CONFIRMED' }, participants } } }) },
      user(),
    );
    const rows = await screen.findAllByTestId('participant-row');
    expect(rows.map((r) => r.textContent)).toEqual(['Ana QuispePerú—', 'Marie JosephHaitíMENFP']);
    await expectNoAxeViolations(container);
    cleanup();
    renderWith(
      <ParticipantsList slug="taller-regional" />,
      { WorkshopParticipants: () => ({ data: { workshop: { __typename: 'Workshop', id: 'w-1', canManage: false, myRegistration: { __typename: 'Registration', id: 'r', status: 'WAITLISTED' }, participants: [] } } }) },
      user(),
    );
    await waitFor(() => expect(screen.queryByTestId('participants-list')).toBeNull());
  });
});

function checkInSession(overrides: Partial<CheckInSession> = {}): CheckInSession {
  return {
    __typename: 'WorkshopSession',
    id: 's-1',
    position: 0,
    title: 'Día 1',
    startsAt: '2026-12-10T14:00:00.000Z',
    endsAt: '2026-12-10T17:00:00.000Z',
    checkInOpen: false,
    attendedByMe: false,
    ...overrides,
  };
}

function checkInWorkshop(overrides: Partial<CheckInWorkshop> = {}): CheckInWorkshop {
  return {
    __typename: 'Workshop',
    id: 'w-1',
    slug: 'taller-regional',
    title: 'Taller regional de evaluación',
    timeZone: 'America/Lima',
    myRegistration: { __typename: 'Registration', id: 'reg-1', status: 'CONFIRMED' },
    sessions: [checkInSession(), checkInSession({ id: 's-2', position: 1, title: 'Día 2', checkInOpen: true })],
    ...overrides,
  };
}

describe('Check-in page', () => {
  it('normalises codes and picks the open session', () => {
    expect(normaliseCode(' ab-12 cd9 ')).toBe('AB12CD');
    expect(defaultSession(checkInWorkshop().sessions)?.id).toBe('s-2');
    expect(defaultSession([checkInSession({ endsAt: '2020-01-01T00:00:00Z' }), checkInSession({ id: 's-x', position: 1 })], Date.parse('2025-01-01'))?.id).toBe('s-x');
  });

  it('prefills the code from the QR link, checks in to the open session, and shows the API’s errors', async () => {
    let attempt = 0;
    const { requests, container } = renderApp(
      '/workshops/taller-regional/check-in?code=k7p2qx',
      {
        CheckInWorkshop: () => ({ data: { workshop: checkInWorkshop() } }),
        CheckIn: () => {
          attempt += 1;
          if (attempt === 1) return graphQLError('BAD_USER_INPUT', 'El código no es correcto.');
          if (attempt === 2) return graphQLError('CONFLICT', 'El registro de asistencia de esta sesión no está abierto ahora.');
          return { data: { checkIn: { __typename: 'Registration', id: 'reg-1', status: 'CONFIRMED', attendedSessions: 1 } } };
        },
      },
      user(),
    );
    await screen.findByRole('heading', { level: 1, name: fill(es.checkInHeading, { title: 'Taller regional de evaluación' }) });
    const code = screen.getByRole('textbox', { name: new RegExp(es.codeLabel) });
    expect(code).toHaveValue('K7P2QX');
    expect(screen.getByRole('radio', { name: /Día 2/ })).toBeChecked();
    await expectNoAxeViolations(container);

    fireEvent.click(screen.getByTestId('check-in-submit'));
    expect(await screen.findByTestId('check-in-error')).toHaveTextContent('El código no es correcto.');
    fireEvent.click(screen.getByTestId('check-in-submit'));
    await waitFor(() => expect(screen.getByTestId('check-in-error')).toHaveTextContent('no está abierto ahora'));
    fireEvent.click(screen.getByTestId('check-in-submit'));
    expect(await screen.findByTestId('check-in-success')).toHaveTextContent(fill(es.checkedIn, { session: 'Día 2' }));
    expect(requests.filter((r) => r.operationName === 'CheckIn').map((r) => r.variables)).toEqual(Array(3).fill({ sessionId: 's-2', code: 'K7P2QX' }));
  });

  it('refuses a short code before asking the API, and turns away people without a confirmed seat', async () => {
    const { requests } = renderApp('/workshops/taller-regional/check-in', { CheckInWorkshop: () => ({ data: { workshop: checkInWorkshop() } }) }, user());
    const code = await screen.findByRole('textbox', { name: new RegExp(es.codeLabel) });
    fireEvent.change(code, { target: { value: 'ab1' } });
    fireEvent.click(screen.getByTestId('check-in-submit'));
    expect(await screen.findByText(es.codeInvalid)).toBeInTheDocument();
    expect(code).toHaveFocus();
    expect(requests.some((r) => r.operationName === 'CheckIn')).toBe(false);
    cleanup();
    renderApp('/workshops/taller-regional/check-in', { CheckInWorkshop: () => ({ data: { workshop: checkInWorkshop({ myRegistration: null }) } }) }, user());
    expect(await screen.findByTestId('check-in-not-confirmed')).toHaveTextContent(es.checkInConfirmedOnly);
  });

  it('asks signed-out visitors to sign in first', async () => {
    renderApp('/workshops/taller-regional/check-in?code=ABC123', {}, null);
    await waitFor(() => expect(window.location.pathname).toBe('/sign-in'));
  });
});

describe('My workshops page', () => {
  const mine = (id: string, status: MyWorkshopRegistration['status'], startsAt: string, extra: Partial<MyWorkshopRegistration> = {}, workshopStatus: MyWorkshopRegistration['workshop']['status'] = 'OPEN'): MyWorkshopRegistration => ({
    ...registration({ id, status }),
    workshop: {
      __typename: 'Workshop',
      id: `w-${id}`,
      slug: `taller-${id}`,
      title: `Taller ${id}`,
      mode: 'VIRTUAL',
      status: workshopStatus,
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + 3 * 3600_000).toISOString(),
      timeZone: 'America/Lima',
      venue: null,
      meetingUrl: status === 'CONFIRMED' ? 'https://meet.example/x' : null,
      calendarUrl: `/api/workshops/taller-${id}.ics`,
    },
    ...extra,
  });

  it('splits upcoming from past', () => {
    const now = Date.parse('2026-06-01T00:00:00Z');
    const { upcoming, past } = splitRegistrations(
      [mine('b', 'CONFIRMED', '2026-09-01T14:00:00Z'), mine('a', 'WAITLISTED', '2026-07-01T14:00:00Z'), mine('c', 'CONFIRMED', '2026-02-01T14:00:00Z'), mine('d', 'CONFIRMED', '2026-08-01T14:00:00Z', {}, 'CANCELLED')],
      now,
    );
    expect(upcoming.map((r) => r.id)).toEqual(['a', 'b']);
    expect(past.map((r) => r.id)).toEqual(['d', 'c']);
  });

  it('lists registrations with status, times, calendar and certificate links, axe-clean', async () => {
    const { container } = renderApp(
      '/my/workshops',
      {
        MyWorkshopRegistrations: () => ({
          data: {
            myRegistrations: [
              mine('next', 'CONFIRMED', '2099-03-01T14:00:00Z'),
              mine('wait', 'WAITLISTED', '2099-04-01T14:00:00Z', { waitlistPosition: 3 }),
              mine('old', 'CONFIRMED', '2025-03-01T14:00:00Z', { attendedSessions: 1, certificate: { __typename: 'Certificate', id: 'c-1', code: 'WS-1', renderStatus: 'RENDERED', pdfUrl: '/api/certificates/WS-1.pdf' } }, 'HELD'),
            ],
          },
        }),
      },
      user(),
    );
    await screen.findByRole('heading', { level: 1, name: es.myWorkshopsTitle });
    const upcoming = await screen.findByTestId('section-upcoming');
    const cards = within(upcoming).getAllByTestId('my-workshop-card');
    expect(cards).toHaveLength(2);
    expect(within(cards[0]).getByTestId('add-to-calendar')).toHaveAttribute('href', '/api/workshops/taller-next.ics');
    expect(within(cards[0]).getByTestId('workshop-times')).toHaveTextContent('2099');
    expect(within(cards[1]).getByTestId('waitlist-position')).toHaveTextContent(fill(es.waitlistPosition, { position: 3 }));
    const past = screen.getByTestId('section-past');
    expect(within(past).getByTestId('certificate-pdf')).toHaveAttribute('href', '/api/certificates/WS-1.pdf');
    await expectNoAxeViolations(container);
  });

  it('is reachable from the user menu', async () => {
    renderApp('/', { MyWorkshopRegistrations: () => ({ data: { myRegistrations: [] } }) }, user());
    fireEvent.click(await screen.findByTestId('user-menu'));
    fireEvent.click(await screen.findByTestId('nav-my-workshops'));
    expect(await screen.findByText(es.upcomingEmpty)).toBeInTheDocument();
  });
});
