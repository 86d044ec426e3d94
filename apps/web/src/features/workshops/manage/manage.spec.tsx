import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { catalogues } from '@alliance/shared-i18n';
import { Role } from '@alliance/shared-core';
import { renderApp, user } from '../../../testing/render-app';
import { i18n } from '../../../app/i18n';
import type { FollowUpFields, ManageBatch, ManagePoll, ManageRegistration, RunWorkshop, WorkshopFigures } from '../operations-manage';
import { meetsRule, sessionsNeeded } from './HeldPanel';
import { sortedResults } from './PrioritiesPanel';

const es = (catalogues as unknown as Record<string, Record<string, Record<string, string>>>).workshopManage.es;
const fr = (catalogues as unknown as Record<string, Record<string, Record<string, string>>>).workshopManage.fr;
const fill = (text: string, values: Record<string, string | number>) => Object.entries(values).reduce((acc, [k, v]) => acc.replace(`{{${k}}}`, String(v)), text);

const organiser = (preferredLocale: 'es' | 'fr' = 'es') => user({ id: 'u-org', name: 'Olga Organiser', email: 'olga@alliance.org', roles: [Role.Organiser], preferredLocale });

beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage('es');
});
afterEach(() => cleanup());

async function expectNoAxeViolations(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const HOUR = 3_600_000;

function workshop(overrides: Partial<RunWorkshop> = {}): RunWorkshop {
  const now = Date.now();
  return {
    __typename: 'Workshop',
    id: 'w-1',
    slug: 'taller-regional',
    title: 'Taller regional de innovación',
    status: 'CLOSED',
    timeZone: 'America/Costa_Rica',
    startsAt: new Date(now - 26 * HOUR).toISOString(),
    endsAt: new Date(now + HOUR).toISOString(),
    capacity: 60,
    seatsTaken: 2,
    waitlistCount: 1,
    attendanceThreshold: 100,
    canManage: true,
    questions: [
      { __typename: 'RegistrationQuestion', id: 'q-1', position: 0, type: 'TEXT', prompt: '¿Qué espera del taller?', options: [], required: true },
      { __typename: 'RegistrationQuestion', id: 'q-2', position: 1, type: 'CONSENT', prompt: 'Acepto el tratamiento de datos', options: [], required: true },
    ],
    sessions: [
      {
        __typename: 'WorkshopSession',
        id: 's-1',
        position: 0,
        title: 'Día 1',
        startsAt: new Date(now - 26 * HOUR).toISOString(),
        endsAt: new Date(now - 23 * HOUR).toISOString(),
        checkInCode: 'K7QX94',
        checkInOpen: false,
      },
      {
        __typename: 'WorkshopSession',
        id: 's-2',
        position: 1,
        title: 'Día 2',
        startsAt: new Date(now - HOUR).toISOString(),
        endsAt: new Date(now + HOUR).toISOString(),
        checkInCode: 'ZR2M4B',
        checkInOpen: true,
      },
    ],
    poll: null,
    certificateBatch: null,
    ...overrides,
  };
}

function registration(overrides: Partial<ManageRegistration> = {}): ManageRegistration {
  return {
    __typename: 'Registration',
    id: 'r-1',
    status: 'CONFIRMED',
    person: { __typename: 'RegistrationPerson', id: 'u-1', name: 'Andrés Villalobos', email: 'andres@mep-cr.example' },
    answers: [
      { __typename: 'RegistrationAnswer', questionId: 'q-1', value: 'Aprender de otros ministerios' },
      { __typename: 'RegistrationAnswer', questionId: 'q-2', value: 'true' },
    ],
    consentToList: true,
    waitlistPosition: null,
    offerExpiresAt: null,
    country: { __typename: 'Country', code: 'CR', name: 'Costa Rica' },
    organisationName: 'Ministerio de Educación Pública',
    attendedSessions: 1,
    attendedSessionIds: ['s-1'],
    createdAt: '2026-03-01T12:00:00.000Z',
    events: [{ __typename: 'RegistrationEvent', fromStatus: null, toStatus: 'CONFIRMED', actorName: null, note: null, createdAt: '2026-03-01T12:00:00.000Z' }],
    ...overrides,
  };
}

function connection(nodes: ManageRegistration[]) {
  return {
    __typename: 'RegistrationConnection',
    totalCount: nodes.length,
    pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
    edges: nodes.map((node) => ({ __typename: 'RegistrationEdge', cursor: `c-${node.id}`, node })),
  };
}

const lucia = () =>
  registration({
    id: 'r-2',
    person: { __typename: 'RegistrationPerson', id: 'u-2', name: 'Lucía Gómez', email: 'lucia@mineduc.cl' },
    country: { __typename: 'Country', code: 'CL', name: 'Chile' },
    organisationName: null,
    attendedSessions: 0,
    attendedSessionIds: [],
  });

describe('run the workshop: attendance', () => {
  it('ticks and unticks a person for the chosen session with markAttendance, shows counts and the check-in code with its QR, axe-clean', async () => {
    const marks: Array<Record<string, unknown>> = [];
    const { container, requests } = renderApp(
      '/manage/workshops/w-1/run?tab=attendance',
      {
        RunWorkshop: () => ({ data: { workshopById: workshop() } }),
        WorkshopRegistrations: () => ({ data: { workshopRegistrations: connection([registration(), lucia()]) } }),
        MarkAttendance: ({ variables }) => {
          marks.push(variables);
          const base = variables.registrationId === 'r-1' ? registration() : lucia();
          const ids = variables.attended ? [...base.attendedSessionIds, String(variables.sessionId)] : base.attendedSessionIds.filter((id) => id !== variables.sessionId);
          return { data: { markAttendance: { ...base, attendedSessionIds: ids, attendedSessions: ids.length } } };
        },
      },
      organiser(),
    );
    await screen.findByRole('heading', { level: 1, name: fill(es.heading, { title: 'Taller regional de innovación' }) }, { timeout: 5000 });
    // The running session (day 2) is chosen; nobody is ticked for it yet.
    expect(await screen.findByTestId('attendance-session-title')).toHaveTextContent('Día 2');
    const andres = await screen.findByTestId('attendance-r-1-s-2');
    expect(andres).not.toBeChecked();
    expect(screen.getByTestId('attendance-count')).toHaveTextContent(fill(es.attendanceCount, { attended: 0, total: 2 }));
    expect(requests.find((r) => r.operationName === 'WorkshopRegistrations')?.variables).toMatchObject({ workshopId: 'w-1', status: 'CONFIRMED' });

    // The code, big, and the QR encoding the check-in URL.
    expect(screen.getByTestId('check-in-code')).toHaveTextContent('ZR2M4B');
    const qr = await screen.findByTestId('check-in-qr');
    expect(qr).toHaveAttribute('alt', fill(es.qrAlt, { code: 'ZR2M4B' }));
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(screen.getByTestId('check-in-link')).toHaveAttribute('href', `${window.location.origin}/workshops/taller-regional/check-in?code=ZR2M4B`);

    fireEvent.click(andres);
    await waitFor(() => expect(marks).toEqual([{ sessionId: 's-2', registrationId: 'r-1', attended: true }]));
    await waitFor(() => expect(screen.getByTestId('attendance-r-1-s-2')).toBeChecked());
    expect(screen.getByTestId('attendance-count')).toHaveTextContent(fill(es.attendanceCount, { attended: 1, total: 2 }));

    // Day 1: Andrés is already ticked; unticking sends attended: false for that session.
    fireEvent.change(screen.getByTestId('attendance-session'), { target: { value: 's-1' } });
    const day1 = await screen.findByTestId('attendance-r-1-s-1');
    expect(day1).toBeChecked();
    expect(screen.getByTestId('check-in-code-hidden')).toHaveTextContent(es.codeLater);
    fireEvent.click(day1);
    await waitFor(() => expect(marks[1]).toEqual({ sessionId: 's-1', registrationId: 'r-1', attended: false }));
    await waitFor(() => expect(screen.getByTestId('attendance-r-1-s-1')).not.toBeChecked());
    expect(screen.getByTestId('attendance-r-2-s-1')).toHaveAccessibleName(fill(es.attendedLabel, { name: 'Lucía Gómez', session: 'Día 1' }));
    await expectNoAxeViolations(container);
  });

  it('refuses the page to people without the organiser role', async () => {
    const { requests } = renderApp('/manage/workshops/w-1/run', {}, user());
    expect(await screen.findByRole('heading', { level: 1, name: catalogues.nav.es.forbiddenTitle })).toBeInTheDocument();
    expect(requests.some((r) => r.operationName === 'RunWorkshop')).toBe(false);
  });
});

describe('run the workshop: registrations', () => {
  it('lists registrations with waitlist positions, approves a pending one and shows answers and history in a drawer', async () => {
    let decided = false;
    const pending = () =>
      registration({
        id: 'r-3',
        status: decided ? 'CONFIRMED' : 'PENDING',
        person: { __typename: 'RegistrationPerson', id: 'u-3', name: 'Jean Baptiste', email: 'jean@menfp.ht' },
        attendedSessions: 0,
        attendedSessionIds: [],
      });
    const waiting = registration({ id: 'r-4', status: 'WAITLISTED', waitlistPosition: 1, attendedSessions: 0, attendedSessionIds: [], person: { __typename: 'RegistrationPerson', id: 'u-4', name: 'Kezia Thompson', email: 'k@moey-jm.example' } });
    const { requests } = renderApp(
      '/manage/workshops/w-1/run',
      {
        RunWorkshop: () => ({ data: { workshopById: workshop({ status: 'OPEN' }) } }),
        WorkshopRegistrations: () => ({ data: { workshopRegistrations: connection([registration(), pending(), waiting]) } }),
        DecideRegistration: () => {
          decided = true;
          return { data: { decideRegistration: pending() } };
        },
      },
      organiser(),
    );
    expect(await screen.findByTestId('registrations-count')).toHaveTextContent(fill(es.showingRegistrations, { shown: 3, total: 3 }));
    expect(screen.getByTestId('participants-csv')).toHaveAttribute('href', '/api/workshops/w-1/participants.csv');
    expect(within(screen.getByTestId('registration-r-4')).getByTestId('waitlist-position')).toHaveTextContent(fill(es.waitlistPosition, { position: 1 }));

    fireEvent.click(screen.getByTestId('approve-r-3'));
    fireEvent.change(await screen.findByLabelText(es.noteOptional), { target: { value: 'Bienvenido' } });
    fireEvent.click(screen.getByTestId('confirm-decision'));
    expect(await screen.findByTestId('registrations-notice')).toHaveTextContent(fill(es.approveDone, { name: 'Jean Baptiste' }));
    expect(requests.find((r) => r.operationName === 'DecideRegistration')?.variables).toEqual({ id: 'r-3', approve: true, note: 'Bienvenido' });

    fireEvent.click(screen.getByTestId('registration-details-r-1'));
    const details = await screen.findByTestId('registration-details');
    expect(within(details).getByTestId('registration-answers')).toHaveTextContent('¿Qué espera del taller?Aprender de otros ministerios');
    expect(within(details).getByTestId('registration-answers')).toHaveTextContent(`Acepto el tratamiento de datos${es.yes}`);
    expect(within(details).getByTestId('registration-events')).toHaveTextContent(es.status_CONFIRMED);

    fireEvent.change(screen.getByTestId('registration-status-filter'), { target: { value: 'WAITLISTED' } });
    await waitFor(() => expect(requests.filter((r) => r.operationName === 'WorkshopRegistrations').some((r) => r.variables.status === 'WAITLISTED')).toBe(true));
  });
});

function poll(overrides: Partial<ManagePoll> = {}): ManagePoll {
  const action = (id: string, position: number, title: string) => ({
    __typename: 'PollAction' as const,
    id,
    position,
    title,
    description: '',
    titleTranslations: [{ __typename: 'LocalizedText' as const, locale: 'es', value: title }],
    descriptionTranslations: [],
  });
  return {
    __typename: 'Poll',
    mode: 'RANK',
    maxVotes: null,
    open: false,
    ballots: 3,
    actions: [action('a-1', 0, 'Red de formación docente'), action('a-2', 1, 'Observatorio regional'), action('a-3', 2, 'Banco de buenas prácticas')],
    results: [
      { __typename: 'PollResult', action: { __typename: 'PollAction', id: 'a-3', title: 'Banco de buenas prácticas' }, points: 1, ballots: 3, rank: 3 },
      { __typename: 'PollResult', action: { __typename: 'PollAction', id: 'a-1', title: 'Red de formación docente' }, points: 5, ballots: 3, rank: 1 },
      { __typename: 'PollResult', action: { __typename: 'PollAction', id: 'a-2', title: 'Observatorio regional' }, points: 3, ballots: 3, rank: 2 },
    ],
    ...overrides,
  };
}

describe('run the workshop: priorities', () => {
  it('shows the results as a chart and a table in rank order, the CSV link, and carries the top actions into follow-ups', async () => {
    let followUps: FollowUpFields[] = [];
    const { container, requests } = renderApp(
      '/manage/workshops/w-1/run?tab=priorities',
      {
        RunWorkshop: () => ({ data: { workshopById: workshop({ poll: poll() }) } }),
        WorkshopFollowUps: () => ({ data: { followUps } }),
        CarryTopActions: ({ variables }) => {
          followUps = [
            { __typename: 'FollowUp', id: 'f-1', title: 'Red de formación docente', owner: null, dueOn: null, status: 'OPEN', actionId: 'a-1' },
            { __typename: 'FollowUp', id: 'f-2', title: 'Observatorio regional', owner: null, dueOn: null, status: 'OPEN', actionId: 'a-2' },
          ].slice(0, Number(variables.count)) as FollowUpFields[];
          return { data: { carryTopActions: followUps } };
        },
        SaveFollowUp: ({ variables }) => {
          const input = variables.input as Record<string, unknown>;
          return { data: { saveFollowUp: { __typename: 'FollowUp', id: variables.id, title: input.title, owner: input.owner, dueOn: input.dueOn, status: input.status, actionId: input.actionId } } };
        },
      },
      organiser(),
    );
    const figure = await screen.findByTestId('poll-results');
    expect(screen.getByTestId('poll-results-chart')).toHaveAccessibleName(fill(es.chartLabel, { title: es.resultsTitle }));
    const rows = within(screen.getByTestId('poll-results-table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['Red de formación docente153', 'Observatorio regional233', 'Banco de buenas prácticas313']);
    expect(figure).toBeInTheDocument();
    expect(screen.getByTestId('poll-csv')).toHaveAttribute('href', '/api/workshops/w-1/poll.csv');
    expect(screen.getByTestId('poll-ballots')).toHaveTextContent('3');
    expect(screen.getByTestId('poll-state')).toHaveAttribute('data-state', 'CLOSED');
    expect(screen.queryByTestId('poll-setup')).toBeNull();
    expect(screen.getByTestId('open-poll')).toBeInTheDocument();
    await expectNoAxeViolations(container);

    expect(await screen.findByTestId('follow-ups-empty')).toBeInTheDocument();
    fireEvent.change(screen.getByTestId('carry-count'), { target: { value: '2' } });
    fireEvent.click(screen.getByTestId('carry-top-actions'));
    expect(await screen.findByTestId('follow-up-f-1')).toHaveTextContent('Red de formación docente');
    expect(requests.find((r) => r.operationName === 'CarryTopActions')?.variables).toEqual({ workshopId: 'w-1', count: 2 });

    fireEvent.change(screen.getByTestId('follow-up-owner-f-2'), { target: { value: 'Secretaría' } });
    fireEvent.change(screen.getByTestId('follow-up-due-f-2'), { target: { value: '2026-06-30' } });
    fireEvent.click(screen.getByTestId('save-follow-up-f-2'));
    await waitFor(() => expect(requests.some((r) => r.operationName === 'SaveFollowUp')).toBe(true));
    expect(requests.find((r) => r.operationName === 'SaveFollowUp')?.variables).toEqual({
      workshopId: 'w-1',
      id: 'f-2',
      input: { title: 'Observatorio regional', owner: 'Secretaría', dueOn: '2026-06-30', status: 'OPEN', actionId: 'a-2' },
    });
  });

  it('sets up a VOTE poll with localized actions and opens it', async () => {
    let current = workshop();
    const { requests } = renderApp(
      '/manage/workshops/w-1/run?tab=priorities',
      {
        RunWorkshop: () => ({ data: { workshopById: current } }),
        WorkshopFollowUps: () => ({ data: { followUps: [] } }),
        SavePoll: ({ variables }) => {
          current = workshop({ poll: poll({ mode: 'VOTE', maxVotes: Number(variables.maxVotes), ballots: 0, results: [] }) });
          return { data: { savePoll: current } };
        },
        OpenPoll: () => {
          current = { ...current, poll: { ...current.poll!, open: true } };
          return { data: { openPoll: current } };
        },
      },
      organiser(),
    );
    expect(await screen.findByTestId('poll-state')).toHaveAttribute('data-state', 'NONE');
    fireEvent.click(screen.getByTestId('save-poll'));
    expect(await screen.findByTestId('poll-error')).toHaveTextContent(es.fixActions);
    fireEvent.click(screen.getByLabelText(new RegExp(es.mode_VOTE)));
    fireEvent.change(screen.getByTestId('poll-action-0-title-es'), { target: { value: 'Red de formación docente' } });
    fireEvent.change(screen.getByTestId('poll-action-1-title-es'), { target: { value: 'Observatorio regional' } });
    fireEvent.change(screen.getByTestId('poll-max-votes'), { target: { value: '1' } });
    fireEvent.click(screen.getByTestId('save-poll'));
    await waitFor(() => expect(requests.some((r) => r.operationName === 'SavePoll')).toBe(true));
    expect(requests.find((r) => r.operationName === 'SavePoll')?.variables).toEqual({
      workshopId: 'w-1',
      mode: 'VOTE',
      maxVotes: 1,
      actions: [
        { title: [{ locale: 'es', value: 'Red de formación docente' }], description: [] },
        { title: [{ locale: 'es', value: 'Observatorio regional' }], description: [] },
      ],
    });
    fireEvent.click(await screen.findByTestId('open-poll'));
    expect(await screen.findByTestId('close-poll')).toBeInTheDocument();
    expect(screen.getByTestId('poll-state')).toHaveAttribute('data-state', 'OPEN');
  });

  it('orders results by rank', () => {
    expect(sortedResults(poll().results, 'es').map((r) => r.action.id)).toEqual(['a-1', 'a-2', 'a-3']);
  });
});

const figures: WorkshopFigures = {
  __typename: 'WorkshopFigures',
  registered: 67,
  attended: 61,
  countries: 16,
  byCountry: [
    { __typename: 'FigureRow', key: 'CR', label: 'Costa Rica', registered: 9, attended: 8 },
    { __typename: 'FigureRow', key: 'BR', label: 'Brasil', registered: 12, attended: 11 },
  ],
  byOrganisationType: [{ __typename: 'FigureRow', key: 'MINISTRY_OF_EDUCATION', label: 'Ministry', registered: 50, attended: 47 }],
  bySubRegion: [
    { __typename: 'FigureRow', key: 'CARIBBEAN', label: 'Caribbean', registered: 20, attended: 18 },
    { __typename: 'FigureRow', key: '', label: '', registered: 0, attended: 0 },
  ],
};

describe('run the workshop: figures', () => {
  it('says "67 participants from 16 countries" at a glance and shows the three breakdowns, in French too', async () => {
    const { container } = renderApp(
      '/manage/workshops/w-1/run?tab=figures',
      { RunWorkshop: () => ({ data: { workshopById: workshop() } }), WorkshopFigures: () => ({ data: { workshopFigures: figures } }) },
      organiser(),
    );
    expect(await screen.findByTestId('figures-headline')).toHaveTextContent('67 participantes de 16 países');
    expect(screen.getByTestId('figures-attended')).toHaveTextContent('61');
    const byCountry = within(screen.getByTestId('figures-by-country-table')).getAllByRole('row').slice(1);
    expect(byCountry.map((r) => r.textContent)).toEqual(['Brasil1211', 'Costa Rica98']);
    expect(screen.getByTestId('figures-by-organisation-type-table')).toHaveTextContent(`${catalogues.alliance.es.type_MINISTRY_OF_EDUCATION}5047`);
    expect(screen.getByTestId('figures-by-sub-region-table')).toHaveTextContent(catalogues.alliance.es.subRegion_CARIBBEAN);
    expect(within(screen.getByTestId('figures-by-sub-region-table')).getAllByRole('row')).toHaveLength(2);
    await expectNoAxeViolations(container);

    cleanup();
    await i18n.changeLanguage('fr');
    renderApp(
      '/manage/workshops/w-1/run?tab=figures',
      { RunWorkshop: () => ({ data: { workshopById: workshop() } }), WorkshopFigures: () => ({ data: { workshopFigures: figures } }) },
      organiser('fr'),
    );
    expect(await screen.findByTestId('figures-headline')).toHaveTextContent('67 participants de 16 pays');
    expect(screen.getByTestId('figures-by-country')).toHaveTextContent(fr.byCountryTitle);
  });
});

function batch(overrides: Partial<ManageBatch> = {}): ManageBatch {
  return { __typename: 'CertificateBatch', id: 'b-1', total: 3, rendered: 1, failed: 0, done: false, createdAt: '2026-03-05T15:00:00.000Z', ...overrides };
}

describe('run the workshop: held', () => {
  it('explains the rule, confirms, marks held and follows the certificate batch until done', async () => {
    let current = workshop({ status: 'CLOSED', attendanceThreshold: 50 });
    let polls = 0;
    const { requests } = renderApp(
      '/manage/workshops/w-1/run?tab=held',
      {
        RunWorkshop: () => ({ data: { workshopById: current } }),
        WorkshopRegistrations: () => ({ data: { workshopRegistrations: connection([registration(), lucia()]) } }),
        MarkWorkshopHeld: () => {
          current = { ...current, status: 'HELD', certificateBatch: batch() };
          return { data: { markWorkshopHeld: current } };
        },
        WorkshopCertificateBatch: () => {
          polls += 1;
          const b = polls < 2 ? batch() : batch({ rendered: 3, done: true });
          return { data: { workshopById: { __typename: 'Workshop', id: 'w-1', certificateBatch: b } } };
        },
      },
      organiser(),
    );
    expect(await screen.findByTestId('held-rule')).toHaveTextContent(fill(es.ruleText, { threshold: '50 %', needed: 1, sessions: 2 }));
    expect(await screen.findByTestId('held-eligible')).toHaveTextContent(fill(es.eligibleNow, { eligible: 1, confirmed: 2 }));
    fireEvent.click(screen.getByTestId('mark-held'));
    expect(await screen.findByTestId('mark-held-dialog')).toHaveTextContent(es.markHeldBody);
    fireEvent.click(screen.getByTestId('confirm-mark-held'));
    const progress = await screen.findByTestId('held-batch-progress');
    expect(requests.find((r) => r.operationName === 'MarkWorkshopHeld')?.variables).toEqual({ id: 'w-1' });
    expect(within(progress).getByTestId('batch-total')).toHaveTextContent('3');
    expect(await within(progress).findByTestId('batch-done', {}, { timeout: 4000 })).toHaveTextContent(fill(es.batchDone_other, { n: 3 }));
    expect(within(progress).getByTestId('batch-rendered')).toHaveTextContent('3');
    expect(within(progress).getByTestId('batch-bar')).toHaveAttribute('data-value', '100');
  }, 10_000);

  it('applies the certificate rule', () => {
    expect(sessionsNeeded(3, 100)).toBe(3);
    expect(sessionsNeeded(3, 50)).toBe(2);
    expect(sessionsNeeded(2, 50)).toBe(1);
    expect(meetsRule({ attendedSessions: 1 }, 2, 50)).toBe(true);
    expect(meetsRule({ attendedSessions: 1 }, 2, 100)).toBe(false);
    expect(meetsRule({ attendedSessions: 0 }, 0, 100)).toBe(false);
  });
});
