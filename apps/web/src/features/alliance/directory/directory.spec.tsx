import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { catalogues } from '@alliance/shared-i18n';
import { renderApp, user } from '../../../testing/render-app';
import { i18n } from '../../../app/i18n';
import { directoryVariables, filtersFromSearchParams, filtersToSearchParams, focusAreaName, EMPTY_FILTERS } from './filters';
import type { CountryFields, DirectoryOrganisation, FocalPointFields, FocusAreaFields, OrganisationDetails } from './operations';
import { safeWebsite } from './OrganisationPage';

const es = catalogues.allianceDirectory.es;
const en = catalogues.allianceDirectory.en;

beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage('es');
});
afterEach(() => cleanup());

async function expectNoAxeViolations(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const co: CountryFields = { __typename: 'Country', code: 'CO', name: 'Colombia', subRegion: 'SOUTH_AMERICA', observer: false };
const mx: CountryFields = { __typename: 'Country', code: 'MX', name: 'México', subRegion: 'CENTRAL_AMERICA_MEXICO', observer: false };
const es_: CountryFields = { __typename: 'Country', code: 'ES', name: 'España', subRegion: 'OBSERVER', observer: true };

function area(id: string, esName: string, enName: string): FocusAreaFields {
  return { __typename: 'FocusArea', id, key: id, name: esName, names: { __typename: 'FocusAreaNames', es: esName, en: enName, pt: `${esName} (pt)`, fr: `${esName} (fr)` }, active: true };
}
const teachers = area('fa-teachers', 'Docentes', 'Teachers');
const digital = area('fa-digital', 'Transformación digital', 'Digital transformation');

function org(id: string, name: string, overrides: Partial<DirectoryOrganisation> = {}): DirectoryOrganisation {
  return {
    __typename: 'Organisation',
    id,
    slug: name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]+/g, '-'),
    name,
    type: 'NGO',
    country: co,
    focusAreas: [teachers],
    membership: { __typename: 'Membership', id: `m-${id}`, category: 'PARTNER', status: 'ACTIVE', since: '2026-02-10T12:00:00.000Z' },
    ...overrides,
  };
}

function connection(nodes: DirectoryOrganisation[], totalCount = nodes.length, hasNextPage = false) {
  return {
    __typename: 'OrganisationConnection',
    totalCount,
    pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: nodes.length ? `cursor-${nodes[nodes.length - 1].id}` : null },
    edges: nodes.map((node) => ({ __typename: 'OrganisationEdge', cursor: `cursor-${node.id}`, node })),
  };
}

const reference = {
  DirectoryCountries: () => ({ data: { countries: [co, mx, es_] } }),
  DirectoryFocusAreas: () => ({ data: { focusAreas: [teachers, digital] } }),
};

describe('directory filters <-> URL', () => {
  it('reads known filters from the query and ignores malformed ones', () => {
    expect(filtersFromSearchParams(new URLSearchParams('q=educaci%C3%B3n&country=co&region=CARIBBEAN&type=NGO&focus=fa-1'))).toEqual({
      search: 'educación',
      countryCode: 'CO',
      subRegion: 'CARIBBEAN',
      type: 'NGO',
      focusAreaId: 'fa-1',
    });
    expect(filtersFromSearchParams(new URLSearchParams('country=Colombia&region=ATLANTIS&type=ALIENS&focus='))).toEqual(EMPTY_FILTERS);
  });

  it('writes only the filters that are set, and round-trips', () => {
    const filters = { search: '  red de escuelas ', countryCode: 'MX', subRegion: null, type: 'NETWORK' as const, focusAreaId: null };
    const params = filtersToSearchParams(filters);
    expect(params.toString()).toBe('q=red+de+escuelas&country=MX&type=NETWORK');
    expect(filtersFromSearchParams(params)).toEqual({ ...filters, search: 'red de escuelas' });
    expect(filtersToSearchParams(EMPTY_FILTERS).toString()).toBe('');
  });

  it('builds API variables without empty values', () => {
    expect(directoryVariables({ ...EMPTY_FILTERS, search: '   ' })).toEqual({ first: 20 });
    expect(directoryVariables({ search: 'educacion', countryCode: 'CO', subRegion: 'SOUTH_AMERICA', type: 'NGO', focusAreaId: 'fa-1' }, 5)).toEqual({
      first: 5,
      search: 'educacion',
      countryCode: 'CO',
      subRegion: 'SOUTH_AMERICA',
      type: 'NGO',
      focusAreaId: 'fa-1',
    });
  });

  it('names focus areas in the reader’s language, falling back to the API’s name', () => {
    expect(focusAreaName(digital, 'en')).toBe('Digital transformation');
    expect(focusAreaName(digital, 'pt-BR')).toBe('Transformación digital (pt)');
    expect(focusAreaName({ name: 'Docentes', names: null }, 'fr')).toBe('Docentes');
  });

  it('links only to http(s) websites', () => {
    expect(safeWebsite('https://fundacion.example/')).toBe('https://fundacion.example/');
    expect(safeWebsite('javascript:alert(1)')).toBeNull();
    expect(safeWebsite('not a url')).toBeNull();
  });
});

describe('member directory page', () => {
  it('runs the search from the URL, shows cards and the count, and is axe-clean', async () => {
    const { container, requests } = renderApp('/alliance/directory?q=educacion&type=NGO', {
      ...reference,
      Directory: () => ({ data: { directory: connection([org('o1', 'Fundación Educación Hoy', { focusAreas: [teachers, digital] })]) } }),
    });
    await screen.findByRole('heading', { level: 1, name: es.directoryTitle });
    const card = await screen.findByTestId('directory-item');
    expect(within(card).getByRole('link', { name: 'Fundación Educación Hoy' })).toHaveAttribute('href', '/alliance/organisations/fundacion-educacion-hoy');
    expect(card).toHaveTextContent(es.type_NGO);
    expect(card).toHaveTextContent('Colombia');
    expect(card).toHaveTextContent(es.category_PARTNER);
    expect(card).toHaveTextContent('Transformación digital');
    expect(screen.getByTestId('directory-count')).toHaveTextContent(es.resultCount.replace('{{number}}', '1'));
    expect(screen.getByRole('searchbox', { name: es.searchLabel })).toHaveValue('educacion');
    expect(requests.find((r) => r.operationName === 'Directory')?.variables).toEqual({ first: 20, search: 'educacion', type: 'NGO' });
    await waitFor(() => expect(screen.getByRole('option', { name: 'México' })).toBeInTheDocument());
    await expectNoAxeViolations(container);
  });

  it('puts a chosen filter and a new search in the URL and asks the API again', async () => {
    const { requests } = renderApp('/alliance/directory', {
      ...reference,
      Directory: (request) => ({ data: { directory: connection(request.variables.countryCode === 'MX' ? [org('o2', 'Red Mexicana', { country: mx })] : [org('o1', 'Fundación Educación Hoy')]) } }),
    });
    await screen.findByText('Fundación Educación Hoy');
    await waitFor(() => expect(screen.getByRole('option', { name: 'México' })).toBeInTheDocument());
    fireEvent.change(screen.getByLabelText(es.filterCountry), { target: { value: 'MX' } });
    await screen.findByText('Red Mexicana');
    expect(window.location.search).toBe('?country=MX');
    expect(screen.queryByText('Fundación Educación Hoy')).toBeNull();

    fireEvent.change(screen.getByRole('searchbox', { name: es.searchLabel }), { target: { value: ' red ' } });
    fireEvent.click(screen.getByRole('button', { name: es.searchSubmit }));
    await waitFor(() => expect(window.location.search).toBe('?q=red&country=MX'));
    await waitFor(() => expect(requests.filter((r) => r.operationName === 'Directory').at(-1)?.variables).toEqual({ first: 20, search: 'red', countryCode: 'MX' }));

    fireEvent.click(screen.getByRole('button', { name: es.clearFilters }));
    await waitFor(() => expect(window.location.search).toBe(''));
    expect(screen.getByRole('searchbox', { name: es.searchLabel })).toHaveValue('');
  });

  it('loads the next page by cursor and appends it', async () => {
    const { requests } = renderApp('/alliance/directory?region=SOUTH_AMERICA', {
      ...reference,
      Directory: (request) =>
        request.variables.after === 'cursor-o1'
          ? { data: { directory: connection([org('o2', 'Segunda Organización')], 2, false) } }
          : { data: { directory: connection([org('o1', 'Primera Organización')], 2, true) } },
    });
    await screen.findByText('Primera Organización');
    expect(screen.getByTestId('directory-count')).toHaveTextContent(es.showing.replace('{{shown}}', '1').replace('{{total}}', '2'));
    fireEvent.click(screen.getByRole('button', { name: es.loadMore }));
    await screen.findByText('Segunda Organización');
    expect(screen.getByText('Primera Organización')).toBeInTheDocument();
    expect(screen.getAllByTestId('directory-item')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: es.loadMore })).toBeNull();
    expect(requests.filter((r) => r.operationName === 'Directory').at(-1)?.variables).toEqual({ first: 20, subRegion: 'SOUTH_AMERICA', after: 'cursor-o1' });
  });

  it('says so when nothing matches, in the reader’s language', async () => {
    await i18n.changeLanguage('en');
    renderApp('/alliance/directory?q=zzz', { ...reference, Directory: () => ({ data: { directory: connection([]) } }) });
    expect(await screen.findByTestId('directory-empty')).toHaveTextContent(en.empty);
  });
});

function focalPoint(overrides: Partial<FocalPointFields> = {}): FocalPointFields {
  return {
    __typename: 'FocalPoint',
    id: 'fp-1',
    name: 'Lucía Fernández',
    focusArea: digital,
    role: 'TITULAR',
    startDate: '2026-03-01',
    endDate: null,
    current: true,
    organisationName: 'Ministerio de Educación Nacional',
    countryCode: 'CO',
    ...overrides,
  };
}

function details(overrides: Partial<OrganisationDetails> = {}): OrganisationDetails {
  return {
    ...org('o1', 'Ministerio de Educación Nacional', { type: 'MINISTRY_OF_EDUCATION' }),
    membership: { __typename: 'Membership', id: 'm-o1', category: 'MEMBER_STATE', status: 'ACTIVE', since: '2026-02-10T12:00:00.000Z' },
    website: 'https://mineducacion.example/',
    description: 'Rector de la política educativa.\nSegunda línea.',
    myRoles: [],
    focalPoints: [focalPoint(), focalPoint({ id: 'fp-2', name: null, role: 'ALTERNATE' })],
    ...overrides,
  };
}

describe('organisation page', () => {
  it('shows the details, the membership and focal points, hiding names without consent; axe-clean', async () => {
    const { container } = renderApp('/alliance/organisations/ministerio', { DirectoryOrganisation: () => ({ data: { organisation: details() } }) });
    await screen.findByRole('heading', { level: 1, name: 'Ministerio de Educación Nacional' });
    expect(screen.getByTestId('organisation-category')).toHaveTextContent(es.category_MEMBER_STATE);
    expect(screen.getByTestId('organisation-type')).toHaveTextContent(es.type_MINISTRY_OF_EDUCATION);
    expect(screen.getByTestId('organisation-since')).toHaveTextContent('10 de febrero de 2026');
    expect(screen.getByTestId('organisation-website')).toHaveAttribute('href', 'https://mineducacion.example/');
    const rows = within(screen.getByTestId('organisation-focal-points')).getAllByTestId('focal-point');
    expect(rows[0]).toHaveTextContent('Lucía Fernández');
    expect(rows[0]).toHaveTextContent(es.focalRole_TITULAR);
    expect(rows[1]).toHaveTextContent(es.nameNotPublished);
    expect(rows[1]).toHaveTextContent(es.focalRole_ALTERNATE);
    expect(screen.queryByTestId('organisation-manage')).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('offers "Manage" to the organisation’s representatives', async () => {
    renderApp('/alliance/organisations/ministerio', { DirectoryOrganisation: () => ({ data: { organisation: details({ myRoles: ['REPRESENTATIVE'] }) } }), UnreadNotificationCount: () => ({ data: { unreadNotificationCount: 0 } }) }, user());
    const manage = await screen.findByTestId('organisation-manage');
    expect(manage).toHaveAttribute('href', '/alliance/organisations/ministerio-de-educacion-nacional/manage');
    expect(manage).toHaveTextContent(es.manage);
  });

  it('says plainly when there is no such member', async () => {
    renderApp('/alliance/organisations/nadie', { DirectoryOrganisation: () => ({ data: { organisation: null } }) });
    expect(await screen.findByTestId('organisation-not-found')).toHaveTextContent(es.organisationNotFound);
  });
});

describe('country page', () => {
  it('lists current focal points with the organisation and the member organisations', async () => {
    const { container, requests } = renderApp('/alliance/countries/co', {
      ...reference,
      CountryFocalPoints: () => ({ data: { countryFocalPoints: [focalPoint({ id: 'fp-9', role: 'ALTERNATE', name: null }), focalPoint()] } }),
      Directory: () => ({ data: { directory: connection([org('o1', 'Fundación Educación Hoy')]) } }),
    });
    await screen.findByRole('heading', { level: 1, name: 'Colombia' });
    const rows = await screen.findAllByTestId('focal-point');
    // Titular before alternate within a focus area.
    expect(rows[0]).toHaveTextContent('Lucía Fernández');
    expect(rows[0]).toHaveTextContent('Ministerio de Educación Nacional');
    expect(rows[1]).toHaveTextContent(es.nameNotPublished);
    expect(await screen.findByTestId('directory-item')).toHaveTextContent('Fundación Educación Hoy');
    expect(requests.find((r) => r.operationName === 'CountryFocalPoints')?.variables).toEqual({ countryCode: 'CO' });
    expect(requests.find((r) => r.operationName === 'Directory')?.variables).toEqual({ countryCode: 'CO', first: 50 });
    await expectNoAxeViolations(container);
  });

  it('refuses an unknown code without asking for its focal points', async () => {
    const { requests } = renderApp('/alliance/countries/XX', { ...reference });
    expect(await screen.findByTestId('country-not-found')).toHaveTextContent(es.countryNotFound.replace('{{code}}', 'XX'));
    expect(requests.some((r) => r.operationName === 'CountryFocalPoints')).toBe(false);
  });
});
