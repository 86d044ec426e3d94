import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { catalogues } from '@alliance/shared-i18n';
import { renderApp, user } from '../../../testing/render-app';
import { i18n } from '../../../app/i18n';
import type { WorkshopEditing, WorkshopInput } from '../operations-workshops';
import { allTimeZones, utcToZonedInput, zonedInputToUtc } from '../shared/time';
import { emailsFromText, rowKey, validateQuestions } from './validation';
import { emptyDraft } from '../../learning/shared/localized';

const es = (catalogues as unknown as Record<string, Record<string, Record<string, string>>>).workshopsUi.es;
const fill = (text: string, values: Record<string, string | number>) => Object.entries(values).reduce((acc, [k, v]) => acc.replace(`{{${k}}}`, String(v)), text);
jest.setTimeout(90_000);

const organiser = () => user({ id: 'u-org', name: 'Lucía Gómez', roles: ['ORGANISER'] as never });

beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage('es');
});
afterEach(() => cleanup());

// The zone picker's 400-odd <option>s make axe slow in jsdom; the select itself is still checked.
async function expectNoAxeViolations(container: HTMLElement) {
  const result = await axe.run({ include: [container], exclude: [['[data-testid="workshop-time-zone"] option']] } as never, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const lookups = {
  DirectoryFocusAreas: () => ({ data: { focusAreas: [] } }),
  DirectoryCountries: () => ({
    data: {
      countries: [
        { __typename: 'Country', code: 'PE', name: 'Perú', subRegion: 'ANDEAN', observer: false },
        { __typename: 'Country', code: 'JM', name: 'Jamaica', subRegion: 'CARIBBEAN', observer: false },
      ],
    },
  }),
};

function editing(overrides: Partial<WorkshopEditing> = {}): WorkshopEditing {
  return {
    __typename: 'Workshop',
    id: 'w-1',
    slug: 'taller-regional',
    title: 'Taller regional',
    titleTranslations: [{ __typename: 'LocalizedText', locale: 'es', value: 'Taller regional' }],
    descriptionTranslations: [],
    mode: 'VIRTUAL',
    status: 'OPEN',
    audience: 'OPEN',
    startsAt: '2027-03-03T15:00:00.000Z',
    endsAt: '2027-03-03T17:00:00.000Z',
    timeZone: 'America/Lima',
    venue: null,
    meetingUrl: 'https://meet.example.org/x',
    recordingUrl: null,
    capacity: 60,
    seatsTaken: 10,
    waitlistCount: 0,
    registrationOpensAt: null,
    registrationClosesAt: '2027-03-01T15:00:00.000Z',
    approvalRequired: false,
    waitlistMode: 'AUTO',
    offerHours: 48,
    attendanceThreshold: 100,
    languages: ['es'],
    focusAreas: [],
    certificateIssuer: 'Secretaría de la Alianza',
    certificateSignatories: [],
    questions: [],
    sessions: [
      {
        __typename: 'WorkshopSession',
        id: 's-1',
        position: 0,
        title: 'Sesión de apertura',
        titleTranslations: [{ __typename: 'LocalizedText', locale: 'es', value: 'Sesión de apertura' }],
        startsAt: '2027-03-03T15:00:00.000Z',
        endsAt: '2027-03-03T17:00:00.000Z',
        checkInCode: 'K7P2QX',
        agenda: [],
      },
    ],
    materials: [],
    countrySeats: [],
    organisers: [{ __typename: 'WorkshopOrganiser', id: 'u-org', name: 'Lucía Gómez' }],
    canManage: true,
    ...overrides,
  };
}

describe('time zones', () => {
  it('reads wall-clock times in the workshop zone: 10:00 in Lima is 15:00Z, and back', () => {
    expect(zonedInputToUtc('2027-03-03T10:00', 'America/Lima')).toBe('2027-03-03T15:00:00.000Z');
    expect(zonedInputToUtc('2027-07-03T10:00', 'America/Santiago')).toBe('2027-07-03T14:00:00.000Z');
    expect(utcToZonedInput('2027-03-03T15:00:00.000Z', 'America/Lima')).toBe('2027-03-03T10:00');
    expect(zonedInputToUtc('', 'America/Lima')).toBeNull();
    expect(allTimeZones().slice(0, 3)).toEqual(['America/Mexico_City', 'America/Guatemala', 'America/El_Salvador']);
    expect(allTimeZones()).toContain('America/Port-au-Prince');
  });

  it('finds e-mails in a CSV once each', () => {
    expect(emailsFromText('name,email\nAna,ana@mec.gov.br\n"Kemar","k.thompson@moey-jm.example";ANA@mec.gov.br')).toEqual(['ana@mec.gov.br', 'k.thompson@moey-jm.example']);
  });

  it('checks registration questions', () => {
    const key = rowKey();
    expect(validateQuestions([{ key, id: null, type: 'CHOICE', prompt: emptyDraft(), options: 'Sí', required: true }])).toEqual({
      [`${key}.prompt`]: 'workshopsUi:errorQuestionPrompt',
      [`${key}.options`]: 'workshopsUi:errorQuestionOptions',
    });
    expect(validateQuestions([{ key, id: null, type: 'CONSENT', prompt: { ...emptyDraft(), es: 'Acepto' }, options: '', required: true }])).toEqual({});
  });
});

describe('Workshop editor', () => {
  it('creates a workshop: times typed in Lima are sent in UTC, and a choice question needs two options', async () => {
    const { requests } = renderApp(
      '/manage/workshops/new',
      {
        ...lookups,
        CreateWorkshop: () => ({ data: { createWorkshop: editing({ status: 'DRAFT', sessions: [] }) } }),
        ManagedWorkshops: () => ({ data: { managedWorkshops: { __typename: 'WorkshopConnection', totalCount: 0, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, edges: [] } } }),
        WorkshopForEditing: () => ({ data: { workshopById: editing({ status: 'DRAFT', sessions: [] }) } }),
      },
      organiser(),
    );
    await screen.findByRole('heading', { level: 1, name: es.newWorkshop }, { timeout: 15_000 });
    fireEvent.change(screen.getByTestId('workshop-title-es'), { target: { value: 'Taller regional de evaluación' } });
    fireEvent.change(screen.getByTestId('workshop-time-zone'), { target: { value: 'America/Lima' } });
    fireEvent.change(screen.getByTestId('workshop-capacity'), { target: { value: '60' } });
    fireEvent.change(screen.getByTestId('registration-closes'), { target: { value: '2027-03-01T10:00' } });
    fireEvent.change(screen.getByTestId('workshop-issuer'), { target: { value: 'Secretaría de la Alianza' } });
    fireEvent.click(screen.getByTestId('add-question'));
    fireEvent.change(screen.getByTestId('question-type-0'), { target: { value: 'CHOICE' } });
    const row = screen.getByTestId('question-row');
    const prompt = row.querySelector<HTMLInputElement>('input[lang="es"]')!;
    fireEvent.change(prompt, { target: { value: '¿Qué rol tiene?' } });
    fireEvent.change(screen.getByTestId('question-options-0'), { target: { value: 'Ministerio' } });
    fireEvent.click(screen.getByTestId('save-workshop'));
    expect(await within(row).findByText(es.errorQuestionOptions)).toBeInTheDocument();
    expect(screen.getByTestId('details-failure')).toHaveTextContent(es.fixErrors);
    expect(requests.some((r) => r.operationName === 'CreateWorkshop')).toBe(false);

    fireEvent.change(screen.getByTestId('question-options-0'), { target: { value: 'Ministerio\nSociedad civil\n' } });
    fireEvent.click(screen.getByTestId('save-workshop'));
    await waitFor(() => expect(requests.some((r) => r.operationName === 'CreateWorkshop')).toBe(true));
    const input = requests.find((r) => r.operationName === 'CreateWorkshop')!.variables.input as WorkshopInput;
    expect(input).toMatchObject({
      title: [{ locale: 'es', value: 'Taller regional de evaluación' }],
      timeZone: 'America/Lima',
      capacity: 60,
      registrationOpensAt: null,
      registrationClosesAt: '2027-03-01T15:00:00.000Z',
      audience: 'OPEN',
      waitlistMode: 'AUTO',
      attendanceThreshold: 100,
      languages: ['es'],
      questions: [{ id: null, type: 'CHOICE', prompt: [{ locale: 'es', value: '¿Qué rol tiene?' }], options: ['Ministerio', 'Sociedad civil'], required: false }],
    });
    await waitFor(() => expect(window.location.pathname).toBe('/manage/workshops/w-1'));
  });

  it('shows the saved registration window in the workshop zone, saves a session in UTC, axe-clean', async () => {
    const workshop = editing();
    const { container, requests } = renderApp(
      '/manage/workshops/w-1',
      { ...lookups, WorkshopForEditing: () => ({ data: { workshopById: workshop } }), SaveSession: () => ({ data: { saveSession: workshop } }) },
      organiser(),
    );
    await screen.findByRole('heading', { level: 1, name: 'Taller regional' }, { timeout: 15_000 });
    expect(requests.find((r) => r.operationName === 'WorkshopForEditing')?.variables).toEqual({ id: 'w-1' });
    expect(screen.getByTestId('registration-closes')).toHaveValue('2027-03-01T10:00');
    await expectNoAxeViolations(container);

    fireEvent.mouseDown(screen.getByTestId('tab-programme'));
    fireEvent.click(screen.getByTestId('tab-programme'));
    expect(await screen.findByTestId('session-times')).toHaveTextContent('3 mar 2027, 10:00–12:00 (America/Lima)');
    fireEvent.click(screen.getByTestId('add-session'));
    const form = await screen.findByTestId('session-form');
    fireEvent.change(form.querySelector<HTMLInputElement>('input[lang="es"]')!, { target: { value: 'Priorización' } });
    fireEvent.change(within(form).getByTestId('session-form-new-starts'), { target: { value: '2027-03-04T09:00' } });
    fireEvent.change(within(form).getByTestId('session-form-new-ends'), { target: { value: '2027-03-04T08:00' } });
    fireEvent.click(within(form).getByTestId('save-session'));
    expect(await within(form).findByText(es.errorEndBeforeStart)).toBeInTheDocument();
    fireEvent.change(within(form).getByTestId('session-form-new-ends'), { target: { value: '2027-03-04T11:30' } });
    fireEvent.click(within(form).getByTestId('save-session'));
    await waitFor(() => expect(requests.some((r) => r.operationName === 'SaveSession')).toBe(true));
    expect(requests.find((r) => r.operationName === 'SaveSession')!.variables).toEqual({
      workshopId: 'w-1',
      id: null,
      input: { title: [{ locale: 'es', value: 'Priorización' }], startsAt: '2027-03-04T14:00:00.000Z', endsAt: '2027-03-04T16:30:00.000Z' },
    });
  });

  it('adds an evidence bank item as a material: picked by search, sent by id with an optional title', async () => {
    const workshop = editing();
    const withItem = editing({
      materials: [
        {
          __typename: 'WorkshopMaterial',
          id: 'm-9',
          phase: 'BEFORE',
          title: 'Escuelas multigrado en Haití',
          url: '/evidence/e-2',
          evidenceItem: { __typename: 'EvidenceItem', id: 'e-2', title: 'Escuelas multigrado en Haití' },
        },
      ],
    });
    const { requests } = renderApp(
      '/manage/workshops/w-1?tab=materials',
      {
        ...lookups,
        WorkshopForEditing: () => ({ data: { workshopById: workshop } }),
        EvidencePickerSearch: () => ({
          data: {
            evidenceSearch: {
              __typename: 'EvidenceSearchResult',
              hits: [{ __typename: 'EvidenceSearchHit', item: { __typename: 'EvidenceItem', id: 'e-2', title: 'Escuelas multigrado en Haití', type: 'CASE_STUDY', year: 2023 } }],
            },
          },
        }),
        AddMaterial: () => ({ data: { addMaterial: withItem } }),
      },
      organiser(),
    );
    const editor = await screen.findByTestId('materials-editor', {}, { timeout: 15_000 });
    fireEvent.change(within(editor).getByTestId('material-kind'), { target: { value: 'EVIDENCE' } });
    // Nothing chosen yet: the form says so and sends nothing.
    fireEvent.click(within(editor).getByTestId('add-material'));
    expect(await within(editor).findByText(es.errorMaterialEvidence)).toBeInTheDocument();
    const picker = within(editor).getByRole('combobox', { name: es.materialEvidence });
    act(() => picker.focus());
    fireEvent.click(await within(editor).findByRole('option', { name: /Escuelas multigrado en Haití/, hidden: true }));
    expect(within(editor).getByTestId('material-evidence-chosen')).toHaveTextContent(fill(es.materialEvidenceChosen, { title: 'Escuelas multigrado en Haití' }));
    fireEvent.click(within(editor).getByTestId('add-material'));
    await waitFor(() => expect(requests.find((r) => r.operationName === 'AddMaterial')?.variables).toEqual({ workshopId: 'w-1', input: { phase: 'BEFORE', evidenceItemId: 'e-2', title: null } }));
    expect(await within(editor).findByRole('link', { name: 'Escuelas multigrado en Haití' })).toHaveAttribute('href', '/evidence/e-2');
  });

  it('cancelling asks for a note in a confirm dialog; the server message shows when a move is refused', async () => {
    const workshop = editing();
    const { requests } = renderApp(
      '/manage/workshops/w-1',
      {
        ...lookups,
        WorkshopForEditing: () => ({ data: { workshopById: workshop } }),
        CancelWorkshop: (request) => ({ data: { cancelWorkshop: { ...workshop, status: 'CANCELLED' } }, request }),
        CloseWorkshop: () => ({ data: null, errors: [{ message: 'No se puede pasar de este estado a ese.', extensions: { code: 'CONFLICT' } }] }),
      },
      organiser(),
    );
    fireEvent.click(await screen.findByTestId('close-workshop'));
    expect(await screen.findByTestId('lifecycle-failure')).toHaveTextContent('No se puede pasar de este estado a ese.');

    fireEvent.click(screen.getByTestId('cancel-workshop'));
    const dialog = await screen.findByRole('dialog', { name: es.cancelTitle });
    fireEvent.click(within(dialog).getByTestId('confirm-cancel'));
    expect(await within(dialog).findByText(es.errorCancelNote)).toBeInTheDocument();
    expect(requests.some((r) => r.operationName === 'CancelWorkshop')).toBe(false);
    fireEvent.change(within(dialog).getByTestId('cancel-note'), { target: { value: '  Cambio de fechas del ministerio.  ' } });
    fireEvent.click(within(dialog).getByTestId('confirm-cancel'));
    await waitFor(() => expect(requests.find((r) => r.operationName === 'CancelWorkshop')?.variables).toEqual({ id: 'w-1', note: 'Cambio de fechas del ministerio.' }));
    expect(await screen.findByText(es.done_cancel)).toBeInTheDocument();
    expect(screen.getByTestId('workshop-status')).toHaveTextContent(es.status_CANCELLED);
  });

  it('invites from a CSV file read in the browser and shows the result', async () => {
    const workshop = editing({ audience: 'INVITED' });
    const { requests } = renderApp(
      '/manage/workshops/w-1?tab=invitations',
      {
        ...lookups,
        WorkshopForEditing: () => ({ data: { workshopById: workshop } }),
        InviteToWorkshop: () => ({ data: { inviteToWorkshop: { __typename: 'InviteResult', invited: ['ana@mec.gov.br'], alreadyInvited: ['k.thompson@moey-jm.example'], invalid: [] } } }),
      },
      organiser(),
    );
    const input = await screen.findByTestId('invite-csv');
    const file = new File(['nombre,correo\nAna,ana@mec.gov.br\nKemar,k.thompson@moey-jm.example\n'], 'lista.csv', { type: 'text/csv' });
    fireEvent.change(input, { target: { files: [file] } });
    await waitFor(() => expect(screen.getByTestId('invite-emails')).toHaveValue('ana@mec.gov.br\nk.thompson@moey-jm.example'));
    fireEvent.click(screen.getByTestId('send-invitations'));
    expect(await screen.findByText(fill(es.invitedCount, { number: 1 }))).toBeInTheDocument();
    expect(requests.find((r) => r.operationName === 'InviteToWorkshop')?.variables).toEqual({ workshopId: 'w-1', emails: 'ana@mec.gov.br\nk.thompson@moey-jm.example' });
    expect(screen.getByTestId('invite-result')).toHaveTextContent('k.thompson@moey-jm.example');
  });

  it('lists managed workshops filtered by status', async () => {
    const row = { __typename: 'Workshop', id: 'w-1', slug: 'taller-regional', title: 'Taller regional', status: 'OPEN', mode: 'VIRTUAL', startsAt: '2027-03-03T15:00:00.000Z', timeZone: 'America/Lima', capacity: 60, seatsTaken: 10, waitlistCount: 2 };
    const { requests, container } = renderApp(
      '/manage/workshops',
      {
        ManagedWorkshops: () => ({
          data: { managedWorkshops: { __typename: 'WorkshopConnection', totalCount: 1, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, edges: [{ __typename: 'WorkshopEdge', cursor: 'c1', node: row }] } },
        }),
      },
      organiser(),
    );
    const table = await screen.findByTestId('managed-workshops');
    expect(within(table).getByRole('link', { name: 'Taller regional' })).toHaveAttribute('href', '/manage/workshops/w-1');
    expect(table).toHaveTextContent('3 mar 2027, 10:00 (hora de Perú)');
    expect(table).toHaveTextContent(fill(es.seatsTakenOf, { taken: 10, capacity: 60 }));
    await expectNoAxeViolations(container);
    fireEvent.change(screen.getByTestId('filter-status'), { target: { value: 'DRAFT' } });
    await waitFor(() => expect(requests.filter((r) => r.operationName === 'ManagedWorkshops').at(-1)?.variables).toEqual({ first: 25, status: 'DRAFT' }));
  });
});
