import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { catalogues } from '@alliance/shared-i18n';
import { renderApp, user } from '../../../testing/render-app';
import { i18n } from '../../../app/i18n';
import type { CourseCardFields, CourseDetails, OfferingSummary } from '../operations-catalogue';
import { catalogueFiltersFrom, catalogueVariables } from './filters';

const es = (catalogues as unknown as Record<string, Record<string, Record<string, string>>>).learningUi.es;
const fill = (text: string, values: Record<string, string | number>) => Object.entries(values).reduce((acc, [k, v]) => acc.replace(`{{${k}}}`, String(v)), text);

beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage('es');
});
afterEach(() => cleanup());

async function expectNoAxeViolations(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const focusArea = { __typename: 'FocusArea' as const, id: 'fa-1', key: 'teachers', name: 'Docentes', names: { __typename: 'FocusAreaNames' as const, es: 'Docentes', en: 'Teachers', pt: 'Docentes', fr: 'Enseignants' }, active: true };

function offering(overrides: Partial<OfferingSummary> = {}): OfferingSummary {
  return {
    __typename: 'Offering',
    id: 'o-1',
    name: null,
    startsOn: '2026-05-04',
    endsOn: '2026-06-12',
    enrolmentOpensAt: null,
    enrolmentClosesAt: '2026-04-30T21:00:00.000Z',
    capacity: 50,
    seatsTaken: 38,
    seatsLeft: 12,
    waitlistEnabled: true,
    openForEnrolment: true,
    ...overrides,
  };
}

function card(overrides: Partial<CourseCardFields> = {}): CourseCardFields {
  return {
    __typename: 'Course',
    id: 'c-1',
    slug: 'liderazgo-pedagogico',
    title: 'Liderazgo pedagógico',
    summary: 'Herramientas para equipos directivos.',
    level: 'INTRODUCTORY',
    format: 'COHORT',
    estimatedHours: 12.5,
    languages: ['es', 'pt'],
    coverImage: null,
    focusAreas: [focusArea],
    offerings: [offering()],
    ...overrides,
  };
}

function connection(nodes: CourseCardFields[], hasNextPage = false) {
  return {
    __typename: 'CourseConnection',
    totalCount: nodes.length + (hasNextPage ? 5 : 0),
    pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: nodes.length ? `cursor-${nodes[nodes.length - 1].id}` : null },
    edges: nodes.map((node) => ({ __typename: 'CourseEdge', cursor: `cursor-${node.id}`, node })),
  };
}

const focusAreas = () => ({ data: { focusAreas: [focusArea] } });

describe('filters', () => {
  it('reads only valid values from the URL and sends only the chosen filters', () => {
    const filters = catalogueFiltersFrom(new URLSearchParams('q=%20datos%20&lang=pt&level=ADVANCED&format=NOPE&open=1&focus=fa-1'));
    expect(catalogueVariables(filters)).toEqual({ first: 12, search: 'datos', language: 'pt', level: 'ADVANCED', openForEnrolment: true, focusAreaId: 'fa-1' });
    expect(catalogueVariables(catalogueFiltersFrom(new URLSearchParams('lang=de&open=yes')))).toEqual({ first: 12 });
  });
});

describe('Course catalogue', () => {
  it('shows course cards signed out, and each filter asks for the right variables, axe-clean', async () => {
    const { container, requests } = renderApp('/courses', { Courses: () => ({ data: { courses: connection([card()], true) } }), DirectoryFocusAreas: focusAreas });
    await screen.findByRole('heading', { level: 1, name: es.catalogueTitle });
    const item = await screen.findByTestId('course-card');
    expect(within(item).getByRole('heading', { level: 2 })).toHaveTextContent('Liderazgo pedagógico');
    expect(within(item).getByRole('link', { name: 'Liderazgo pedagógico' })).toHaveAttribute('href', '/courses/liderazgo-pedagogico');
    expect(item).toHaveTextContent(es.level_INTRODUCTORY);
    expect(item).toHaveTextContent(es.format_COHORT);
    expect(item).toHaveTextContent('12,5 h');
    expect(item).toHaveTextContent('Español, Portugués');
    expect(item).toHaveTextContent('4 de mayo de 2026');
    expect(within(item).getByTestId('course-card-seats')).toHaveTextContent(fill(es.seatsLeft, { number: 12 }));
    expect(requests.find((r) => r.operationName === 'Courses')?.variables).toEqual({ first: 12 });
    await expectNoAxeViolations(container);

    const lastVariables = () => requests.filter((r) => r.operationName === 'Courses').at(-1)?.variables;
    fireEvent.change(screen.getByTestId('filter-language'), { target: { value: 'pt' } });
    await waitFor(() => expect(lastVariables()).toEqual({ first: 12, language: 'pt' }));
    await waitFor(() => expect((screen.getByTestId('filter-focus-area') as HTMLSelectElement).options.length).toBe(2));
    fireEvent.change(screen.getByTestId('filter-focus-area'), { target: { value: 'fa-1' } });
    await waitFor(() => expect(lastVariables()).toEqual({ first: 12, language: 'pt', focusAreaId: 'fa-1' }));
    fireEvent.change(screen.getByTestId('filter-level'), { target: { value: 'ADVANCED' } });
    fireEvent.change(screen.getByTestId('filter-format'), { target: { value: 'SELF_PACED' } });
    fireEvent.click(screen.getByTestId('filter-open'));
    fireEvent.change(screen.getByTestId('catalogue-search'), { target: { value: '  evaluación ' } });
    fireEvent.click(screen.getByRole('button', { name: es.searchSubmit }));
    await waitFor(() =>
      expect(lastVariables()).toEqual({ first: 12, language: 'pt', focusAreaId: 'fa-1', level: 'ADVANCED', format: 'SELF_PACED', openForEnrolment: true, search: 'evaluación' }),
    );
    expect(window.location.search).toContain('open=1');
  });

  it('loads the next page after the cursor', async () => {
    const { requests } = renderApp('/courses', {
      Courses: (request) =>
        request.variables.after
          ? { data: { courses: connection([card({ id: 'c-2', slug: 'datos', title: 'Datos educativos' })]) } }
          : { data: { courses: connection([card()], true) } },
      DirectoryFocusAreas: focusAreas,
    });
    fireEvent.click(await screen.findByTestId('catalogue-load-more'));
    await waitFor(() => expect(screen.getAllByTestId('course-card')).toHaveLength(2));
    expect(requests.filter((r) => r.operationName === 'Courses').at(-1)?.variables).toEqual({ first: 12, after: 'cursor-c-1' });
  });

  it('says so when nothing matches the filters', async () => {
    renderApp('/courses?level=ADVANCED', { Courses: () => ({ data: { courses: connection([]) } }), DirectoryFocusAreas: focusAreas });
    expect(await screen.findByTestId('catalogue-empty')).toHaveTextContent(es.catalogueEmptyFiltered);
  });
});

function details(overrides: Partial<CourseDetails> = {}): CourseDetails {
  return {
    ...card(),
    offerings: [
      { ...offering(), waitlistCount: 0, countrySeats: [{ __typename: 'CountrySeats', country: { __typename: 'Country', code: 'CR', name: 'Costa Rica' }, seats: 5, taken: 2 }] },
      { ...offering({ id: 'o-2', name: 'Edición de otoño', seatsLeft: 0, seatsTaken: 50, waitlistEnabled: false, openForEnrolment: false }), waitlistCount: 0, countrySeats: [] },
    ],
    audience: 'Equipos técnicos de ministerios.',
    status: 'PUBLISHED',
    enrolmentPolicy: 'APPROVAL',
    lessonCount: 3,
    canEdit: false,
    prerequisitesMet: false,
    certificateIssuer: 'Secretaría de la Alianza',
    prerequisites: [{ __typename: 'Course', id: 'c-0', slug: 'fundamentos', title: 'Fundamentos de gestión' }],
    relatedEvidence: [{ __typename: 'EvidenceItem', id: 'e-1', title: 'Tutorías entre pares en Cusco', type: 'GOOD_PRACTICE', year: 2024 }],
    modules: [
      {
        __typename: 'CourseModule',
        id: 'm-1',
        position: 0,
        title: 'Contexto',
        lessons: [
          { __typename: 'Lesson', id: 'l-1', position: 0, type: 'VIDEO', title: 'Bienvenida', required: true, estimatedMinutes: 15 },
          { __typename: 'Lesson', id: 'l-2', position: 1, type: 'QUIZ', title: 'Comprobación', required: true, estimatedMinutes: null },
        ],
      },
      { __typename: 'CourseModule', id: 'm-2', position: 1, title: 'Práctica', lessons: [{ __typename: 'Lesson', id: 'l-3', position: 0, type: 'LIVE', title: 'Taller', required: false, estimatedMinutes: 90 }] },
    ],
    ...overrides,
  };
}

// The enrolment panel (web helper B) reads its own query; signed out it only needs the course's offerings.
const enrolPanel = (course: CourseDetails) => () => ({
  data: {
    course: {
      __typename: 'Course',
      id: course.id,
      slug: course.slug,
      title: course.title,
      status: course.status,
      enrolmentPolicy: course.enrolmentPolicy,
      prerequisitesMet: course.prerequisitesMet,
      prerequisites: course.prerequisites,
      offerings: course.offerings,
      modules: course.modules.map((m) => ({ __typename: 'CourseModule', id: m.id, lessons: m.lessons.map((l) => ({ __typename: 'Lesson', id: l.id })) })),
      myEnrolment: null,
    },
  },
});

describe('Course page', () => {
  it('shows syllabus, hours, offerings with seats, prerequisites and the certificate note, signed out, axe-clean', async () => {
    const course = details();
    const { container, requests } = renderApp('/courses/liderazgo-pedagogico', { CoursePage: () => ({ data: { course } }), EnrolPanelCourse: enrolPanel(course) });
    await screen.findByRole('heading', { level: 1, name: 'Liderazgo pedagógico' });
    expect(requests.find((r) => r.operationName === 'CoursePage')?.variables).toEqual({ slug: 'liderazgo-pedagogico' });
    expect(screen.getByTestId('course-hours')).toHaveTextContent('12,5 h');
    expect(screen.getByRole('heading', { level: 3, name: fill(es.moduleHeading, { number: 1, title: 'Contexto' }) })).toBeInTheDocument();
    const lessons = screen.getAllByTestId('syllabus-lesson');
    expect(lessons).toHaveLength(3);
    expect(lessons[0]).toHaveTextContent(es.lessonType_VIDEO);
    expect(lessons[0]).toHaveTextContent('Bienvenida');
    expect(lessons[0]).toHaveTextContent('15 min');
    expect(lessons[2]).toHaveTextContent(es.optional);
    const seats = within(screen.getByTestId('course-offerings')).getAllByTestId('offering-seats');
    expect(seats[0]).toHaveTextContent(fill(es.seatsLeft, { number: 12 }));
    expect(seats[0]).toHaveTextContent('Costa Rica: 3 libres');
    expect(seats[1]).toHaveTextContent(es.seatsFull);
    expect(within(screen.getByTestId('course-prerequisites')).getByRole('link', { name: 'Fundamentos de gestión' })).toHaveAttribute('href', '/courses/fundamentos');
    expect(screen.getByRole('heading', { level: 2, name: es.evidenceHeading })).toBeInTheDocument();
    expect(within(screen.getByTestId('course-evidence')).getByRole('link', { name: 'Tutorías entre pares en Cusco' })).toHaveAttribute('href', '/evidence/e-1');
    expect(screen.getByTestId('certificate-note')).toHaveTextContent('Secretaría de la Alianza');
    expect(screen.queryByTestId('edit-course')).not.toBeInTheDocument();
    expect(await screen.findByTestId('enrol-panel')).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('offers "Edit course" to an editor', async () => {
    const course = details({ canEdit: true, status: 'DRAFT' });
    renderApp(
      '/courses/liderazgo-pedagogico',
      { CoursePage: () => ({ data: { course } }), EnrolPanelCourse: enrolPanel(course) },
      user({ roles: ['ORGANISER'] as never }),
    );
    expect(await screen.findByTestId('edit-course')).toHaveAttribute('href', '/manage/courses/c-1');
    expect(screen.getByTestId('course-status-note')).toHaveTextContent(es.statusNote_DRAFT);
  });

  it('says the course was not found', async () => {
    renderApp('/courses/nope', { CoursePage: () => ({ data: { course: null } }), EnrolPanelCourse: () => ({ data: { course: null } }) });
    expect(await screen.findByRole('heading', { level: 1, name: es.courseNotFound })).toBeInTheDocument();
  });
});
