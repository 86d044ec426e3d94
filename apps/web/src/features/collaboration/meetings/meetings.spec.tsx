import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DateTime } from 'luxon';
import { i18n } from '../../../app/i18n';
import { setViewerTimeZoneForTests } from '../../workshops/shared/time';
import type { SpaceMeetingFields } from '../operations-meetings';
import { MeetingsTab } from './MeetingsTab';
import { connection, expectNoAxeViolations, fill, renderTab, tabProps, texts } from './render-tab';
import { validateMeeting } from './validation';

jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 10_000 });
const es = texts('collaborationMeetings', 'es');

beforeEach(async () => {
  await i18n.changeLanguage('es');
  setViewerTimeZoneForTests('America/Santiago');
});
afterEach(() => {
  cleanup();
  setViewerTimeZoneForTests(null);
});

function meeting(overrides: Partial<SpaceMeetingFields> = {}): SpaceMeetingFields {
  return {
    __typename: 'SpaceMeeting',
    id: 'm-1',
    spaceId: 'space-1',
    title: 'Sesión 1: evaluación formativa',
    // 09:00 in Lima, 11:00 in Santiago (summer time).
    startsAt: '2027-01-12T14:00:00.000Z',
    endsAt: '2027-01-12T15:30:00.000Z',
    durationMinutes: 90,
    timeZone: 'America/Lima',
    startsAtLocal: '2027-01-12T09:00',
    link: 'https://meet.example.org/mesa',
    agenda: '1. Presentaciones',
    agendaHtml: '<ol>\n<li>Presentaciones</li>\n</ol>\n',
    recordingUrl: null,
    notes: '',
    notesHtml: '',
    cancelledAt: null,
    started: false,
    canEdit: false,
    canCancel: false,
    canRecordOutcome: false,
    ...overrides,
  };
}

const past = (overrides: Partial<SpaceMeetingFields> = {}) =>
  meeting({
    id: 'm-0',
    title: 'Sesión de apertura',
    startsAt: '2026-06-02T14:00:00.000Z',
    endsAt: '2026-06-02T15:00:00.000Z',
    durationMinutes: 60,
    startsAtLocal: '2026-06-02T09:00',
    started: true,
    recordingUrl: 'https://video.example.org/apertura',
    notes: '## Acuerdos',
    notesHtml: '<h2>Acuerdos</h2>\n',
    ...overrides,
  });

function handlers(canSchedule: boolean, upcoming: SpaceMeetingFields[], done: SpaceMeetingFields[]) {
  return {
    SpaceMeetingScheduling: () => ({ data: { spaceMeetingScheduling: { __typename: 'SpaceMeetingScheduling', canSchedule, timeZone: 'America/Lima' } } }),
    SpaceMeetings: (request: { variables: Record<string, unknown> }) => ({
      data: { spaceMeetings: connection(request.variables.period === 'PAST' ? done : upcoming, 'SpaceMeeting') },
    }),
  };
}

describe('session rules', () => {
  it('needs a title, a start in the future (unless an edit keeps it), a duration from 5 to 1440 minutes and an https link', () => {
    const now = new Date('2027-01-01T12:00:00Z');
    const draft = { title: 'Sesión', startsAtLocal: '2027-01-12T09:00', timeZone: 'America/Lima', durationMinutes: '90', link: '', agenda: '' };
    expect(validateMeeting(draft, null, now)).toEqual({});
    expect(validateMeeting({ ...draft, title: ' ', startsAtLocal: '2026-12-01T09:00', durationMinutes: '2', link: 'http://meet.example.org' }, null, now)).toEqual({
      title: 'collaborationMeetings:titleInvalid',
      startsAtLocal: 'collaborationMeetings:startsInPast',
      durationMinutes: 'collaborationMeetings:durationInvalid',
      link: 'collaborationMeetings:linkInvalid',
    });
    const started = meeting({ startsAt: '2026-12-01T14:00:00.000Z', startsAtLocal: '2026-12-01T09:00' });
    expect(validateMeeting({ ...draft, startsAtLocal: '2026-12-01T09:00' }, started, now)).toEqual({});
  });
});

describe('MeetingsTab', () => {
  it('shows members the upcoming and past sessions, in the session’s zone and their own, with agenda, recording and notes', async () => {
    const { container, requests } = renderTab(<MeetingsTab {...tabProps()} />, handlers(false, [meeting()], [past()]));
    const upcoming = await screen.findByTestId('meetings-upcoming');
    const card = await within(upcoming).findByRole('article', { name: 'Sesión 1: evaluación formativa' });
    // Lima's wall clock (UTC-5), then the reader's (Santiago, UTC-3 in January).
    expect(within(card).getByTestId('meeting-when')).toHaveTextContent(/martes, 12 de enero de 2027, 0?9:00\s*–\s*10:30 GMT-5/);
    expect(within(card).getByTestId('meeting-reader-time')).toHaveTextContent(/11:00\s*–\s*12:30/);
    expect(within(card).getByTestId('meeting-link')).toHaveAttribute('href', 'https://meet.example.org/mesa');
    expect(within(card).getByTestId('meeting-agenda').innerHTML).toContain('<li>Presentaciones</li>');
    expect(within(card).queryByTestId('meeting-edit')).toBeNull();
    expect(screen.queryByTestId('schedule-meeting')).toBeNull();

    const previous = await within(screen.getByTestId('meetings-past')).findByRole('article', { name: 'Sesión de apertura' });
    expect(within(previous).getByTestId('meeting-recording')).toHaveAttribute('href', 'https://video.example.org/apertura');
    expect(within(previous).getByTestId('meeting-notes').innerHTML).toContain('Acuerdos');
    expect(within(previous).queryByTestId('meeting-link')).toBeNull();
    expect(requests.filter((r) => r.operationName === 'SpaceMeetings').map((r) => r.variables.period).sort()).toEqual(['PAST', 'UPCOMING']);
    await expectNoAxeViolations(container);
  });

  it('lets organisers schedule a session: checks the fields first, then sends the wall-clock start with its zone', async () => {
    const created = meeting({ id: 'm-9', title: 'Sesión 2', canEdit: true, canCancel: true });
    const { requests, container } = renderTab(<MeetingsTab {...tabProps()} />, {
      ...handlers(true, [], []),
      ScheduleSpaceMeeting: () => ({ data: { scheduleSpaceMeeting: created } }),
    });
    fireEvent.click(await screen.findByTestId('schedule-meeting'));
    const form = screen.getByRole('form', { name: es.scheduleFormLabel_TABLE });
    expect(within(form).getByTestId('meeting-zone')).toHaveValue('America/Lima');
    fireEvent.change(within(form).getByTestId('meeting-start'), { target: { value: '2020-01-01T09:00' } });
    fireEvent.change(within(form).getByTestId('meeting-link'), { target: { value: 'http://meet.example.org/x' } });
    fireEvent.click(within(form).getByTestId('meeting-save'));
    expect(await within(form).findByText(es.titleInvalid)).toBeInTheDocument();
    expect(within(form).getByText(es.startsInPast)).toBeInTheDocument();
    expect(within(form).getByText(es.linkInvalid)).toBeInTheDocument();
    expect(requests.some((r) => r.operationName === 'ScheduleSpaceMeeting')).toBe(false);
    await expectNoAxeViolations(container);

    const start = DateTime.now().plus({ days: 10 }).setZone('America/Bogota').toFormat("yyyy-MM-dd'T'10:00");
    fireEvent.change(within(form).getByTestId('meeting-title'), { target: { value: '  Sesión 2  ' } });
    fireEvent.change(within(form).getByTestId('meeting-start'), { target: { value: start } });
    fireEvent.change(within(form).getByTestId('meeting-zone'), { target: { value: 'America/Bogota' } });
    fireEvent.change(within(form).getByTestId('meeting-duration'), { target: { value: '120' } });
    fireEvent.change(within(form).getByTestId('meeting-link'), { target: { value: 'https://meet.example.org/sesion-2' } });
    fireEvent.change(within(form).getByTestId('meeting-agenda'), { target: { value: '1. Avances' } });
    fireEvent.click(within(form).getByTestId('meeting-save'));
    await waitFor(() =>
      expect(requests.find((r) => r.operationName === 'ScheduleSpaceMeeting')?.variables).toEqual({
        spaceId: 'space-1',
        input: { title: 'Sesión 2', startsAtLocal: start, timeZone: 'America/Bogota', durationMinutes: 120, link: 'https://meet.example.org/sesion-2', agenda: '1. Avances' },
      }),
    );
    expect(await screen.findByTestId('meetings-notice')).toHaveTextContent(fill(es.scheduledNotice_TABLE, { title: 'Sesión 2' }));
  });

  it('offers the recording and notes form once a session started, and shows the API’s field errors', async () => {
    const started = past({ canEdit: true, canRecordOutcome: true, recordingUrl: null, notes: '', notesHtml: '' });
    const { requests } = renderTab(<MeetingsTab {...tabProps({ kind: 'GROUP' })} />, {
      ...handlers(true, [], [started]),
      RecordSpaceMeetingOutcome: () => ({
        data: null,
        errors: [{ message: 'Datos no válidos.', extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'recordingUrl', key: 'collaborationMeetings:recordingInvalid', message: es.recordingInvalid }] } }],
      }),
    });
    const card = await screen.findByRole('article', { name: 'Sesión de apertura' });
    expect(within(card).queryByTestId('meeting-cancel')).toBeNull();
    fireEvent.click(within(card).getByTestId('meeting-outcome'));
    fireEvent.change(within(card).getByTestId('outcome-recording'), { target: { value: 'https://video.example.org/x' } });
    fireEvent.change(within(card).getByTestId('outcome-notes'), { target: { value: '## Acuerdos' } });
    fireEvent.click(within(card).getByTestId('outcome-save'));
    await waitFor(() =>
      expect(requests.find((r) => r.operationName === 'RecordSpaceMeetingOutcome')?.variables).toEqual({ id: 'm-0', input: { recordingUrl: 'https://video.example.org/x', notes: '## Acuerdos' } }),
    );
    expect(await within(card).findByText(es.recordingInvalid)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: es.meetingsHeading_GROUP })).toBeInTheDocument();
  });

  it('is read-only in a closed space and says why to people who are not members', async () => {
    renderTab(<MeetingsTab {...tabProps({ readOnly: true })} />, handlers(false, [meeting({ canEdit: false })], []));
    await screen.findByRole('article', { name: 'Sesión 1: evaluación formativa' });
    expect(screen.getByText(es.readOnlyNotice)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: es.edit })).toBeNull();
    cleanup();

    const { requests } = renderTab(<MeetingsTab {...tabProps({ level: 'OVERVIEW' })} />, handlers(false, [], []));
    expect(await screen.findByTestId('meetings-members-only')).toHaveTextContent(es.meetingsMembersOnly_TABLE);
    expect(requests).toEqual([]);
  });
});
