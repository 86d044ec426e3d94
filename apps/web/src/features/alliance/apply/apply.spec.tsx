import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { renderApp, user } from '../../../testing/render-app';
import { graphQLError } from '../../../testing/fake-api';
import { i18n } from '../../../app/i18n';
import { charterBlocks, todayIso } from './format';
import { normaliseWebsite } from './schema';
import { reviewerNote } from './MyApplicationsPage';
import { actionsFor, defaultCategory } from '../review/ApplicationReviewPage';
import { ownFocalPoints } from '../organisation-admin/MyOrganisationsPage';
import type { ApplicationFields, FocalPointFields, OrganisationFields } from './operations';

beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage('es');
});
afterEach(() => cleanup());

async function expectNoAxeViolations(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const referenceData = {
  data: {
    countries: [
      { __typename: 'Country', code: 'PY', name: 'Paraguay', subRegion: 'SOUTH_AMERICA', observer: false },
      { __typename: 'Country', code: 'JM', name: 'Jamaica', subRegion: 'CARIBBEAN', observer: false },
      { __typename: 'Country', code: 'ES', name: 'España', subRegion: 'OBSERVER', observer: true },
    ],
    focusAreas: [
      { __typename: 'FocusArea', id: 'fa-1', key: 'teachers', name: 'Docentes', active: true },
      { __typename: 'FocusArea', id: 'fa-2', key: 'digital', name: 'Transformación digital', active: true },
    ],
    currentCharter: {
      __typename: 'Charter',
      id: 'ch-3',
      version: 3,
      text: '# Principios\n\nTrabajamos **juntos**.\n\n- Equidad\n- <script>alert(1)</script>',
      publishedAt: '2026-01-10T12:00:00.000Z',
    },
  },
};

describe('charter text', () => {
  it('keeps Markdown as plain blocks and never turns text into markup', () => {
    expect(charterBlocks('# Carta\n\nPrimer **párrafo**\ncontinúa [aquí](https://x.example).\n\n- uno\n- dos')).toEqual([
      { kind: 'heading', text: 'Carta' },
      { kind: 'paragraph', text: 'Primer párrafo continúa aquí.' },
      { kind: 'item', text: 'uno' },
      { kind: 'item', text: 'dos' },
    ]);
  });

  it('shows script-like text literally', async () => {
    renderApp('/alliance/apply', { AllianceApplyReferenceData: () => referenceData }, user());
    const region = await screen.findByTestId('charter-text');
    expect(region.querySelector('script')).toBeNull();
    expect(within(region).getByText('<script>alert(1)</script>')).toBeInTheDocument();
    expect(region).toHaveAttribute('tabindex', '0');
  });
});

describe('apply form', () => {
  function fillForm() {
    fireEvent.change(screen.getByRole('textbox', { name: /Nombre de la organización/ }), { target: { value: 'Red Ñandú' } });
    fireEvent.change(screen.getByRole('combobox', { name: /Tipo de organización/ }), { target: { value: 'NGO' } });
    fireEvent.change(screen.getByRole('combobox', { name: /País/ }), { target: { value: 'PY' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Sitio web/ }), { target: { value: 'www.nandu.example.org' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Descripción de la organización/ }), { target: { value: 'Red de escuelas rurales del Chaco.' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Su cargo/ }), { target: { value: 'Directora' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Motivación/ }), { target: { value: 'Compartir evidencia con ministerios.' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Docentes' }));
  }

  it('sends nothing until the charter is accepted, then sends the accepted version and a full website address', async () => {
    const { container, requests } = renderApp(
      '/alliance/apply',
      {
        AllianceApplyReferenceData: () => referenceData,
        SubmitMembershipApplication: () => graphQLError('CONFLICT', 'Red Ñandú ya tiene una solicitud abierta. Escriba a la secretaría para que le añadan.'),
      },
      user(),
    );
    await screen.findByTestId('charter-text');
    await expectNoAxeViolations(container);
    // Countries come grouped by sub-region, observers last.
    const country = screen.getByRole('combobox', { name: /País/ });
    expect([...country.querySelectorAll('optgroup')].map((g) => g.getAttribute('label'))).toEqual(['América del Sur', 'El Caribe', 'Países observadores']);

    fillForm();
    fireEvent.click(screen.getByTestId('submit-application'));
    expect(await screen.findByText('Para enviar la solicitud, acepte la Carta.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Acepto la Carta de la Alianza (versión 3)' })).toHaveFocus());
    expect(requests.some((r) => r.operationName === 'SubmitMembershipApplication')).toBe(false);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Acepto la Carta de la Alianza (versión 3)' }));
    fireEvent.click(screen.getByTestId('submit-application'));
    const duplicate = await screen.findByTestId('duplicate-error');
    expect(duplicate).toHaveTextContent('Red Ñandú ya tiene una solicitud abierta.');
    expect(within(duplicate).getByRole('link', { name: 'Ver el directorio de miembros' })).toHaveAttribute('href', '/alliance/directory');
    expect(requests.find((r) => r.operationName === 'SubmitMembershipApplication')!.variables).toEqual({
      input: {
        organisationName: 'Red Ñandú',
        organisationType: 'NGO',
        countryCode: 'PY',
        website: 'https://www.nandu.example.org',
        description: 'Red de escuelas rurales del Chaco.',
        applicantRole: 'Directora',
        motivation: 'Compartir evidencia con ministerios.',
        focusAreaIds: ['fa-1'],
        charterVersion: 3,
      },
    });
    await expectNoAxeViolations(container);
  });

  it('says which field to fix when nothing is filled in', async () => {
    const { requests } = renderApp('/alliance/apply', { AllianceApplyReferenceData: () => referenceData }, user());
    await screen.findByTestId('charter-text');
    fireEvent.click(screen.getByTestId('submit-application'));
    await waitFor(() => expect(screen.getByRole('textbox', { name: /Nombre de la organización/ })).toHaveFocus());
    expect(screen.getByText('Marque al menos un área de trabajo.')).toBeInTheDocument();
    expect(screen.getByText('Elija el tipo de organización.')).toBeInTheDocument();
    expect(requests.some((r) => r.operationName === 'SubmitMembershipApplication')).toBe(false);
  });
});

describe('rules the pages apply', () => {
  const event = (toStatus: string, note: string | null, createdAt: string) => ({
    id: createdAt,
    fromStatus: null,
    toStatus,
    note,
    actorName: 'Secretaría',
    createdAt,
  });

  it('shows the latest reviewer note', () => {
    const application = {
      events: [
        event('SUBMITTED', null, '2026-01-01T00:00:00Z'),
        event('CHANGES_REQUESTED', 'primera', '2026-01-02T00:00:00Z'),
        event('SUBMITTED', null, '2026-01-03T00:00:00Z'),
        event('CHANGES_REQUESTED', 'segunda', '2026-01-04T00:00:00Z'),
      ],
    } as unknown as ApplicationFields;
    expect(reviewerNote(application)).toBe('segunda');
  });

  it('offers only the review actions the status allows', () => {
    expect(actionsFor('SUBMITTED')).toEqual(['start', 'changes', 'approve', 'reject']);
    expect(actionsFor('UNDER_REVIEW')).toEqual(['changes', 'approve', 'reject']);
    for (const status of ['CHANGES_REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN'] as const) expect(actionsFor(status)).toEqual([]);
    expect(defaultCategory({ organisationType: 'MINISTRY_OF_EDUCATION' })).toBe('MEMBER_STATE');
    expect(defaultCategory({ organisationType: 'NGO' })).toBe('PARTNER');
  });

  it('finds the caller’s own current focal point designations', () => {
    const point = (id: string, mine: boolean, current: boolean) => ({ id, name: 'Tomás Giménez', mine, current }) as FocalPointFields;
    const organisation = {
      myRoles: ['FOCAL_POINT'],
      focalPoints: [point('a', true, true), point('b', true, false), point('c', false, true)],
    } as unknown as OrganisationFields;
    expect(ownFocalPoints(organisation).map((p) => p.id)).toEqual(['a']);
  });

  it('normalises dates and websites', () => {
    expect(normaliseWebsite('  ')).toBeNull();
    expect(normaliseWebsite('http://x.example')).toBe('http://x.example');
    expect(normaliseWebsite('x.example')).toBe('https://x.example');
    expect(todayIso(new Date(2026, 0, 5))).toBe('2026-01-05');
  });
});
