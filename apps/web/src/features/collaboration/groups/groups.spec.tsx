import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router';
import { Role } from '@alliance/shared-core';
import { catalogues } from '@alliance/shared-i18n';
import { i18n } from '../../../app/i18n';
import { graphQLError, type Handler } from '../../../testing/fake-api';
import { expectNoAxeViolations, renderPage } from '../../../testing/render-page';
import { user } from '../../../testing/render-app';
import type { GroupFields, GroupRowFields } from '../operations-groups';
import GroupsPage from './GroupsPage';
import GroupPage, { groupTabs } from './GroupPage';
import { countriesLine, formatPeriod, splitEmails } from './format';
import { groupDraftProblems, type GroupDraft } from './validation';

jest.setTimeout(60_000);
// Other suites share the machine: give async queries room before calling a wait a failure.
configure({ asyncUtilTimeout: 10_000 });

type Texts = Record<string, string>;
const all = catalogues as unknown as Record<string, Record<string, Texts>>;
const es = all.collaborationGroups.es;
const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => String(values[name] ?? ''));

function renderGroups(path: string, handlers: Record<string, Handler>, me = user()) {
  return renderPage(
    path,
    <>
      <Route path="/groups" element={<GroupsPage />} />
      <Route path="/groups/:id" element={<GroupPage />} />
    </>,
    { Me: () => ({ data: { me } }), ...handlers },
  );
}

const moderator = () => user({ id: 'u-mod', name: 'Rosa Elena Quispe', email: 'rosa@alianza.example', roles: [Role.Moderator] });

const period = (countryCode: string, organisationName: string, startsOn: string, endsOn: string, lastDay: string, id: string | null = `c-${countryCode}-${startsOn}`) => ({
  __typename: 'TechnicalGroupCoordination' as const,
  id,
  partyId: `p-${countryCode}`,
  organisationName,
  countryCode,
  stillMember: true,
  startsOn,
  endsOn,
  lastDay,
});

function group(overrides: Partial<GroupFields> = {}): GroupFields {
  const member = (countryCode: string, organisationName: string, rotationOrder: number, participants: string[]) => ({
    __typename: 'TechnicalGroupMember' as const,
    partyId: `p-${countryCode}`,
    organisationId: `o-${countryCode}`,
    organisationName,
    countryCode,
    rotationOrder,
    canManage: true,
    participants: participants.map((name, i) => ({ __typename: 'TechnicalGroupParticipant' as const, id: `sp-${countryCode}-${i}`, userId: `u-${countryCode}-${i}`, name })),
  });
  return {
    __typename: 'TechnicalGroup',
    id: 'g-1',
    title: 'Grupo Técnico de Educación',
    description: 'Fortalecer la integración educativa.',
    descriptionHtml: '<p>Fortalecer la <strong>integración educativa</strong>.</p>',
    status: 'OPEN',
    timeZone: 'America/Mexico_City',
    rotationMonths: 6,
    rotationStartsOn: '2025-01-01',
    createdAt: '2025-01-01T12:00:00.000Z',
    closedAt: null,
    myAccess: 'MODERATOR',
    organiser: true,
    canManage: true,
    moderator: { __typename: 'TechnicalGroupPerson', id: 'u-mod', name: 'Rosa Elena Quispe' },
    members: [
      member('MX', 'Secretaría de Educación Pública', 0, ['Diego Hernández']),
      member('CO', 'Ministerio de Educación Nacional', 1, ['Paula Restrepo', 'Julián Ospina']),
      member('PE', 'Ministerio de Educación del Perú', 2, []),
    ],
    currentCoordination: period('PE', 'Ministerio de Educación del Perú', '2026-01-01', '2026-07-01', '2026-06-30'),
    pastCoordinations: [
      period('CO', 'Ministerio de Educación Nacional', '2025-07-01', '2026-01-01', '2025-12-31'),
      period('MX', 'Secretaría de Educación Pública', '2025-01-01', '2025-07-01', '2025-06-30'),
    ],
    nextCoordination: period('MX', 'Secretaría de Educación Pública', '2026-07-01', '2027-01-01', '2026-12-31', null),
    history: [
      {
        __typename: 'TechnicalGroupEvent',
        id: 'e-1',
        action: 'CREATED',
        at: '2025-01-01T12:00:00.000Z',
        actorName: 'Rosa Elena Quispe',
        note: null,
        organisationName: null,
        personName: null,
        toOrganisationName: null,
      },
    ],
    ...overrides,
  };
}

const row = (g: GroupFields): GroupRowFields => ({
  __typename: 'TechnicalGroup',
  id: g.id,
  title: g.title,
  status: g.status,
  myAccess: g.myAccess,
  members: g.members.map((m) => ({ __typename: 'TechnicalGroupMember', partyId: m.partyId, organisationName: m.organisationName, countryCode: m.countryCode })),
  currentCoordination: g.currentCoordination,
});
const connection = (nodes: GroupRowFields[]) => ({
  __typename: 'TechnicalGroupConnection',
  totalCount: nodes.length,
  pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
  edges: nodes.map((node, i) => ({ __typename: 'TechnicalGroupEdge', cursor: String(i), node })),
});

beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage('es');
});
afterEach(() => cleanup());

describe('group helpers', () => {
  it('formats coordination periods as calendar days, lists countries and splits addresses', () => {
    expect(formatPeriod('2026-01-01', '2026-06-30', 'es')).toMatch(/1 ene.*30 jun 2026/);
    expect(formatPeriod('2026-01-01', '2026-06-30', 'fr')).toMatch(/1.*janv.*30 juin 2026/);
    expect(countriesLine([{ countryCode: 'PE' }, { countryCode: 'MX' }, { countryCode: 'PE' }], 'es')).toBe('México, Perú');
    expect(splitEmails(' Ana@Example.org\nluis@example.org, ana@example.org;  ')).toEqual(['ana@example.org', 'luis@example.org']);
  });

  it('checks a draft with the API’s rules', () => {
    const draft: GroupDraft = { title: 'GT', description: ' ', timeZone: 'America/Lima', rotationMonths: '0', rotationStartsOn: '2026-02-30', moderatorId: '', members: [] };
    expect(groupDraftProblems(draft)).toEqual({
      title: 'collaborationGroups:titleInvalid',
      description: 'collaborationGroups:descriptionInvalid',
      rotationMonths: 'collaborationGroups:rotationMonthsInvalid',
      rotationStartsOn: 'collaborationGroups:startsOnInvalid',
      members: 'collaborationGroups:membersTooFew',
    });
    const members = [
      { organisationId: 'o-1', organisationName: 'A', countryCode: 'MX', emails: 'no-es-correo' },
      { organisationId: 'o-2', organisationName: 'B', countryCode: 'CO', emails: '' },
    ];
    expect(groupDraftProblems({ ...draft, title: 'Grupo', description: 'Mandato', rotationMonths: '6', rotationStartsOn: '2026-01-31', members })).toEqual({
      'members.0.participantEmails': 'collaborationGroups:emailsInvalid',
    });
    expect(groupTabs({ myAccess: 'OVERVIEW' })).toEqual(['overview']);
    expect(groupTabs({ myAccess: 'MEMBER' })).toEqual(['overview', 'meetings', 'forum', 'documents', 'deliverables']);
  });
});

describe('Technical groups page', () => {
  it('lists my groups with member countries and the current coordinator; moderators create one with members in rotation order', async () => {
    const created = group({ id: 'g-2', title: 'Grupo Técnico de Formación Docente' });
    const { requests, container } = renderGroups(
      '/groups',
      {
        MyTechnicalGroups: () => ({ data: { myTechnicalGroups: connection([row(group())]) } }),
        GroupModeratorOptions: () => ({ data: { collaborationModerators: [{ __typename: 'TablePerson', id: 'u-mod', name: 'Rosa Elena Quispe' }] } }),
        GroupOrganisationSearch: (r) => ({
          data: {
            tableOrganisationSearch: [
              { __typename: 'TableOrganisation', id: 'o-MX', name: 'Secretaría de Educación Pública', countryCode: 'MX' },
              { __typename: 'TableOrganisation', id: 'o-CO', name: 'Ministerio de Educación Nacional', countryCode: 'CO' },
            ].filter((o) => o.name.toLowerCase().includes(String(r.variables.search).toLowerCase())),
          },
        }),
        CreateTechnicalGroup: (r) => {
          const input = r.variables.input as { members: Array<{ participantEmails: string[] }> };
          if (input.members[1].participantEmails.includes('nadie@example.org')) {
            return graphQLError('BAD_USER_INPUT', 'Estas direcciones no corresponden a ninguna cuenta del portal: nadie@example.org.', {
              fields: [{ field: 'members.1.participantEmails', key: 'collaborationGroups:unknownEmails', message: 'Sin cuenta en el portal: nadie@example.org.' }],
            });
          }
          return { data: { createTechnicalGroup: created } };
        },
      },
      moderator(),
    );
    const rows = await screen.findAllByTestId('group-row', undefined, { timeout: 15_000 });
    expect(rows).toHaveLength(1);
    expect(within(rows[0]).getByRole('link', { name: 'Grupo Técnico de Educación' })).toBeInTheDocument();
    expect(within(rows[0]).getByTestId('group-countries')).toHaveTextContent(fill(es.membersLine, { countries: 'Colombia, México, Perú' }));
    expect(within(rows[0]).getByTestId('group-coordinator')).toHaveTextContent(/Coordina: Perú \(Ministerio de Educación del Perú\), 1 ene.*30 jun 2026/);
    expect(within(rows[0]).getByTestId('group-status')).toHaveTextContent(es.status_OPEN);
    await expectNoAxeViolations(container);

    fireEvent.click(screen.getByTestId('open-create-group'));
    const form = await screen.findByTestId('create-group');
    // The creator moderates by default.
    await waitFor(() => expect(within(form).getByTestId('group-moderator')).toHaveValue('u-mod'));
    fireEvent.click(within(form).getByTestId('create-group-submit'));
    expect(await within(form).findByTestId('members-error')).toHaveTextContent(es.membersTooFew);
    expect(within(form).getByText(es.titleInvalid)).toBeInTheDocument();
    expect(requests.some((r) => r.operationName === 'CreateTechnicalGroup')).toBe(false);

    fireEvent.change(within(form).getByTestId('group-title'), { target: { value: 'Grupo Técnico de Formación Docente' } });
    fireEvent.change(within(form).getByTestId('group-description'), { target: { value: 'Mandato: formación docente continua.' } });
    fireEvent.change(within(form).getByTestId('group-months'), { target: { value: '12' } });
    fireEvent.change(within(form).getByTestId('group-starts-on'), { target: { value: '2025-07-01' } });
    for (const search of ['Ministerio', 'Secretaría']) {
      fireEvent.change(within(form).getByTestId('organisation-search'), { target: { value: search } });
      fireEvent.click(await within(form).findByTestId('pick-organisation'));
    }
    let members = within(form).getAllByTestId('draft-member');
    expect(members.map((m) => m.textContent)).toEqual([expect.stringContaining('Ministerio de Educación Nacional'), expect.stringContaining('Secretaría de Educación Pública')]);
    // Mexico coordinates first: move it up.
    fireEvent.click(within(members[1]).getByRole('button', { name: fill(es.moveUp, { name: 'Secretaría de Educación Pública' }) }));
    members = within(form).getAllByTestId('draft-member');
    expect(members[0]).toHaveTextContent('Secretaría de Educación Pública');
    fireEvent.change(within(members[0]).getByTestId('draft-member-emails'), { target: { value: 'Diego@sep.example\nlucia@sep.example' } });
    fireEvent.change(within(members[1]).getByTestId('draft-member-emails'), { target: { value: 'nadie@example.org' } });
    fireEvent.click(within(form).getByTestId('create-group-submit'));

    // The API names the address without an account, under that member's list.
    expect(await within(members[1]).findByText('Sin cuenta en el portal: nadie@example.org.')).toBeInTheDocument();
    expect(requests.find((r) => r.operationName === 'CreateTechnicalGroup')?.variables).toEqual({
      input: {
        title: 'Grupo Técnico de Formación Docente',
        description: 'Mandato: formación docente continua.',
        timeZone: expect.any(String),
        rotationMonths: 12,
        rotationStartsOn: '2025-07-01',
        moderatorId: 'u-mod',
        members: [
          { organisationId: 'o-MX', participantEmails: ['diego@sep.example', 'lucia@sep.example'] },
          { organisationId: 'o-CO', participantEmails: ['nadie@example.org'] },
        ],
      },
    });
    await expectNoAxeViolations(container);

    fireEvent.change(within(members[1]).getByTestId('draft-member-emails'), { target: { value: '' } });
    fireEvent.click(within(form).getByTestId('create-group-submit'));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/groups/g-2'));
  });

  it('offers no creation to people without the moderator or administrator role', async () => {
    renderGroups('/groups', { MyTechnicalGroups: () => ({ data: { myTechnicalGroups: connection([]) } }) });
    expect(await screen.findByTestId('groups-empty', undefined, { timeout: 15_000 })).toHaveTextContent(es.groupsEmpty);
    expect(screen.queryByTestId('open-create-group')).toBeNull();
  });
});

describe('Technical group page', () => {
  it('shows the coordination (current highlighted, next, past), the mandate, lists and history; the moderator closes it', async () => {
    const { requests, container } = renderGroups(
      '/groups/g-1',
      {
        TechnicalGroup: () => ({ data: { technicalGroup: group() } }),
        CloseTechnicalGroup: () => ({ data: { closeTechnicalGroup: group({ status: 'CLOSED', canManage: false, closedAt: '2026-03-01T15:00:00.000Z', currentCoordination: null, nextCoordination: null }) } }),
      },
      moderator(),
    );
    await screen.findByRole('heading', { level: 1, name: 'Grupo Técnico de Educación' }, { timeout: 15_000 });
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual([es.tab_overview, es.tab_meetings, es.tab_forum, es.tab_documents, es.tab_deliverables]);
    expect(screen.getByRole('tab', { name: es.tab_overview })).toHaveAttribute('aria-selected', 'true');
    const current = screen.getByTestId('current-coordination');
    expect(current).toHaveTextContent('Perú · Ministerio de Educación del Perú');
    expect(current).toHaveTextContent(/1 ene.*30 jun 2026/);
    expect(screen.getByTestId('next-coordination')).toHaveTextContent(/México · Secretaría de Educación Pública · 1 jul.*31 dic 2026/);
    expect(screen.getAllByTestId('past-coordination').map((p) => p.textContent?.split(' · ')[0])).toEqual(['Colombia', 'México']);
    expect(screen.getByTestId('group-mandate').querySelector('strong')).toHaveTextContent('integración educativa');
    expect(screen.getAllByTestId('group-member').map((m) => m.getAttribute('data-country'))).toEqual(['MX', 'CO', 'PE']);
    expect(screen.getAllByTestId('participant').map((p) => p.textContent)).toEqual([expect.stringContaining('Diego Hernández'), expect.stringContaining('Paula Restrepo'), expect.stringContaining('Julián Ospina')]);
    expect(screen.getAllByTestId('history-event').map((e) => e.textContent)).toEqual([expect.stringContaining(es.event_CREATED)]);
    await expectNoAxeViolations(container);

    fireEvent.click(screen.getByTestId('close-group'));
    const dialog = await screen.findByRole('dialog', { name: es.closeGroupTitle });
    expect(dialog).toHaveTextContent(fill(es.closeGroupQuestion, { title: 'Grupo Técnico de Educación' }));
    fireEvent.click(within(dialog).getByTestId('close-group-confirm'));
    await waitFor(() => expect(requests.find((r) => r.operationName === 'CloseTechnicalGroup')?.variables).toEqual({ groupId: 'g-1' }));
    expect(await screen.findByTestId('closed-banner')).toHaveTextContent(es.closedBanner);
    await waitFor(() => expect(screen.queryByTestId('close-group')).toBeNull());
  });

  it('keeps the tab in the address and gives representatives outside the lists the overview only', async () => {
    const representative = group({
      myAccess: 'OVERVIEW',
      organiser: false,
      canManage: false,
      members: group().members.map((m) => ({ ...m, canManage: m.countryCode === 'CO' })),
    });
    renderGroups('/groups/g-1?tab=deliverables', { TechnicalGroup: () => ({ data: { technicalGroup: representative } }) });
    await screen.findByRole('heading', { level: 1, name: 'Grupo Técnico de Educación' }, { timeout: 15_000 });
    expect(screen.queryByRole('tab')).toBeNull();
    expect(screen.getByTestId('current-coordination')).toBeInTheDocument();
    // Their own list only; no moderation actions.
    expect(screen.getAllByTestId('add-participants')).toHaveLength(1);
    expect(screen.queryByTestId('close-group')).toBeNull();
    expect(screen.queryByTestId('hand-over')).toBeNull();
    expect(screen.queryByTestId('remove-member')).toBeNull();
  });

  it('shows dates in the reader’s language and the app’s not-found page for a group it may not see', async () => {
    await i18n.changeLanguage('fr');
    renderGroups('/groups/g-1', { TechnicalGroup: () => ({ data: { technicalGroup: group() } }) });
    const current = await screen.findByTestId('current-coordination', undefined, { timeout: 15_000 });
    expect(current).toHaveTextContent(/Pérou/);
    expect(current).toHaveTextContent(/1.*janv.*30 juin 2026/);
    cleanup();
    await i18n.changeLanguage('es');
    renderGroups('/groups/g-9', { TechnicalGroup: () => ({ data: { technicalGroup: null } }) });
    expect(await screen.findByRole('heading', { level: 1, name: all.nav.es.notFoundTitle }, { timeout: 15_000 })).toBeInTheDocument();
  });
});
