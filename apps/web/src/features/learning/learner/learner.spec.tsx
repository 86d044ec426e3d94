import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { catalogues } from '@alliance/shared-i18n';
import { Role } from '@alliance/shared-core';
import { renderApp, user } from '../../../testing/render-app';
import { fakeApi, graphQLError, type Handler } from '../../../testing/fake-api';
import { i18n } from '../../../app/i18n';
import { theme, cssVariablesResolver } from '../../../app/theme';
import type { UserFields } from '../../../graphql/operations';
import { EnrolPanel } from './EnrolPanel';
import type { CourseReport, EnrolPanelCourse, EnrolmentRow, LessonFields, MyEnrolmentFields, OfferingFields, OutlineCourse, QuizAttemptFields } from '../operations-learner';

const es = catalogues.learnerUi.es;
const pt = catalogues.learnerUi.pt;
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

const organiser = () => user({ id: 'u-org', name: 'Olga Organiser', email: 'olga@alliance.org', roles: [Role.Organiser] });

function offering(overrides: Partial<OfferingFields> = {}): OfferingFields {
  return {
    __typename: 'Offering',
    id: 'off-1',
    name: null,
    startsOn: '2026-05-04',
    endsOn: '2026-06-26',
    enrolmentOpensAt: null,
    enrolmentClosesAt: null,
    capacity: 30,
    seatsTaken: 10,
    seatsLeft: 20,
    waitlistEnabled: true,
    waitlistCount: 0,
    openForEnrolment: true,
    countrySeats: [],
    ...overrides,
  };
}

function myEnrolment(overrides: Partial<MyEnrolmentFields> = {}): MyEnrolmentFields {
  return {
    __typename: 'Enrolment',
    id: 'enr-1',
    status: 'ENROLLED',
    progressPercent: 50,
    completedLessons: 1,
    requiredLessons: 2,
    completedAt: null,
    offering: { __typename: 'Offering', id: 'off-1', name: null },
    nextLesson: { __typename: 'Lesson', id: 'les-2' },
    certificate: null,
    ...overrides,
  };
}

function panelCourse(overrides: Partial<EnrolPanelCourse> = {}): EnrolPanelCourse {
  return {
    __typename: 'Course',
    id: 'c-1',
    slug: 'evaluacion-formativa',
    title: 'Evaluación formativa',
    status: 'PUBLISHED',
    enrolmentPolicy: 'OPEN',
    prerequisitesMet: true,
    prerequisites: [],
    offerings: [offering()],
    modules: [{ __typename: 'CourseModule', id: 'm-1', lessons: [{ __typename: 'Lesson', id: 'les-1' }, { __typename: 'Lesson', id: 'les-2' }] }],
    myEnrolment: null,
    ...overrides,
  };
}

/** The panel alone, inside the app's providers, against a fake API. */
function renderPanel(handlers: Record<string, Handler>, me: UserFields | null) {
  const api = fakeApi({ Me: () => ({ data: { me } }), TeamContext: () => ({ data: { teamContext: null } }), ...handlers }, () => i18n.language);
  const utils = render(
    <I18nextProvider i18n={i18n}>
      <ApolloProvider client={api.client}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
          <MemoryRouter initialEntries={['/courses/evaluacion-formativa']}>
            <main>
              <h1>Curso</h1>
              <EnrolPanel courseSlug="evaluacion-formativa" />
            </main>
          </MemoryRouter>
        </MantineProvider>
      </ApolloProvider>
    </I18nextProvider>,
  );
  return { ...utils, ...api };
}

describe('EnrolPanel', () => {
  it('asks signed-out visitors to sign in and come back', async () => {
    renderPanel({ EnrolPanelCourse: () => ({ data: { course: panelCourse() } }) }, null);
    const link = await screen.findByTestId('sign-in-to-enrol');
    expect(link).toHaveTextContent(es.signInToEnrol);
    expect(link).toHaveAttribute('href', '/sign-in?next=%2Fcourses%2Fevaluacion-formativa');
  });

  it('enrols in an open course, then offers "Continue" with the progress bar, axe-clean', async () => {
    let enrolled = false;
    const { requests, container } = renderPanel(
      {
        EnrolPanelCourse: () => ({ data: { course: panelCourse({ myEnrolment: enrolled ? myEnrolment({ progressPercent: 0, nextLesson: { __typename: 'Lesson', id: 'les-1' } }) : null }) } }),
        Enrol: () => {
          enrolled = true;
          return { data: { enrol: myEnrolment({ progressPercent: 0 }) } };
        },
      },
      user(),
    );
    expect(await screen.findByTestId('seats-left')).toHaveTextContent(fill(es.seatsLeft_other, { seats: 20 }));
    await expectNoAxeViolations(container);
    fireEvent.click(screen.getByTestId('enrol-button'));
    expect(await screen.findByTestId('continue-learning')).toHaveAttribute('href', '/learn/evaluacion-formativa/lessons/les-1');
    expect(screen.getByTestId('enrol-notice')).toHaveTextContent(es.enrolledNotice_ENROLLED);
    expect(screen.getByRole('progressbar', { name: fill(es.progressLabel, { title: 'Evaluación formativa' }) })).toHaveAttribute('aria-valuenow', '0');
    expect(requests.find((r) => r.operationName === 'Enrol')?.variables).toEqual({ offeringId: 'off-1' });
  });

  it('offers "Request a place" for approval courses and shows the API’s translated error', async () => {
    renderPanel(
      {
        EnrolPanelCourse: () => ({ data: { course: panelCourse({ enrolmentPolicy: 'APPROVAL' }) } }),
        Enrol: () => graphQLError('CONFLICT', 'Ya tiene una inscripción en este curso.'),
      },
      user(),
    );
    const button = await screen.findByTestId('enrol-button');
    expect(button).toHaveTextContent(es.requestPlace);
    fireEvent.click(button);
    expect(await screen.findByTestId('enrol-error')).toHaveTextContent('Ya tiene una inscripción en este curso.');
  });

  it('says "by invitation only", lets people choose among editions, and lists missing prerequisites', async () => {
    renderPanel(
      {
        EnrolPanelCourse: () => ({
          data: { course: panelCourse({ enrolmentPolicy: 'INVITATION', offerings: [offering(), offering({ id: 'off-2', name: 'Cohorte de agosto', seatsLeft: 0, waitlistEnabled: false })] }) },
        }),
      },
      user(),
    );
    expect(await screen.findByTestId('invitation-only')).toHaveTextContent(es.invitationOnly);
    expect(screen.queryByTestId('enrol-button')).toBeNull();
    const group = screen.getByRole('radiogroup', { name: es.chooseOffering });
    expect(within(group).getAllByRole('radio')).toHaveLength(2);
    expect(group).toHaveTextContent(es.full);
    cleanup();
    renderPanel(
      {
        EnrolPanelCourse: () => ({
          data: { course: panelCourse({ prerequisitesMet: false, prerequisites: [{ __typename: 'Course', id: 'c-0', slug: 'fundamentos', title: 'Fundamentos' }] }) },
        }),
      },
      user(),
    );
    const missing = await screen.findByTestId('prerequisites-missing');
    expect(within(missing).getByRole('link', { name: 'Fundamentos' })).toHaveAttribute('href', '/courses/fundamentos');
  });

  it('shows pending statuses, withdraws through a confirmation with a note, and a completed course with its certificate', async () => {
    let withdrawn = false;
    const { requests } = renderPanel(
      {
        EnrolPanelCourse: () => ({ data: { course: panelCourse({ myEnrolment: myEnrolment({ status: withdrawn ? 'WITHDRAWN' : 'WAITLISTED', progressPercent: 0 }) }) } }),
        WithdrawEnrolment: () => {
          withdrawn = true;
          return { data: { withdrawEnrolment: myEnrolment({ status: 'WITHDRAWN' }) } };
        },
      },
      user(),
    );
    expect(await screen.findByTestId('enrolment-status')).toHaveTextContent(es.status_WAITLISTED);
    expect(screen.getByText(es.waitlistedNote)).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('withdraw-enrolment'));
    const dialog = await screen.findByTestId('withdraw-dialog');
    fireEvent.change(within(dialog).getByLabelText(es.withdrawNote), { target: { value: 'Cambio de puesto' } });
    fireEvent.click(within(dialog).getByTestId('confirm-withdraw'));
    await waitFor(() => expect(requests.find((r) => r.operationName === 'WithdrawEnrolment')?.variables).toEqual({ id: 'enr-1', note: 'Cambio de puesto' }));
    expect(await screen.findByText(es.withdrawnNotice)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('enrolment-status')).toHaveTextContent(es.status_WITHDRAWN));
    // Withdrawn: enrolling again is offered.
    expect(await screen.findByTestId('enrol-button')).toBeInTheDocument();
    cleanup();

    renderPanel(
      {
        EnrolPanelCourse: () => ({
          data: {
            course: panelCourse({
              myEnrolment: myEnrolment({
                status: 'COMPLETED',
                progressPercent: 100,
                nextLesson: null,
                certificate: { __typename: 'Certificate', id: 'cert-1', code: 'ABCD-EFGH-JKLM', renderStatus: 'RENDERED', pdfUrl: '/api/certificates/ABCD-EFGH-JKLM/pdf' },
              }),
            }),
          },
        }),
      },
      user(),
    );
    const completed = await screen.findByTestId('enrolment-completed');
    expect(completed).toHaveTextContent(es.completedNote);
    expect(within(completed).getByTestId('certificate-pdf')).toHaveAttribute('href', '/api/certificates/ABCD-EFGH-JKLM/pdf');
    expect(within(completed).getByTestId('certificate-verify')).toHaveAttribute('href', '/verify/ABCD-EFGH-JKLM');
    expect(screen.queryByTestId('withdraw-enrolment')).toBeNull();
  });

  it('offers "Enrol my team" to a ministry focal point', async () => {
    renderPanel(
      {
        EnrolPanelCourse: () => ({ data: { course: panelCourse() } }),
        TeamContext: () => ({
          data: { teamContext: { __typename: 'TeamContext', organisationId: 'o-1', organisationName: 'Ministerio de Educación', country: { __typename: 'Country', code: 'CR', name: 'Costa Rica' }, seats: 5, seatsTaken: 1 } },
        }),
      },
      user(),
    );
    expect(await screen.findByTestId('enrol-team-link')).toHaveAttribute('href', '/learning/team/evaluacion-formativa?offering=off-1');
  });
});

// --- lesson player and quiz ---

function outline(progress = 50): OutlineCourse {
  return {
    __typename: 'Course',
    id: 'c-1',
    slug: 'evaluacion-formativa',
    title: 'Evaluación formativa',
    modules: [
      {
        __typename: 'CourseModule',
        id: 'm-1',
        position: 0,
        title: 'Fundamentos',
        lessons: [{ __typename: 'Lesson', id: 'les-1', position: 0, type: 'TEXT', title: 'Qué es evaluar', required: true, completed: true }],
      },
      {
        __typename: 'CourseModule',
        id: 'm-2',
        position: 1,
        title: 'Práctica',
        lessons: [{ __typename: 'Lesson', id: 'les-2', position: 0, type: 'QUIZ', title: 'Cuestionario final', required: true, completed: false }],
      },
    ],
    myEnrolment: myEnrolment({ progressPercent: progress }),
  };
}

function quizLesson(): LessonFields {
  return {
    __typename: 'Lesson',
    id: 'les-2',
    courseId: 'c-1',
    moduleId: 'm-2',
    type: 'QUIZ',
    title: 'Cuestionario final',
    required: true,
    estimatedMinutes: 10,
    bodyHtml: null,
    videoEmbedUrl: null,
    file: null,
    liveStartsAt: null,
    liveUrl: null,
    completed: false,
    quiz: {
      __typename: 'Quiz',
      passMark: 70,
      maxAttempts: 3,
      attemptsUsed: 0,
      passed: false,
      bestScore: null,
      attempts: [],
      questions: [
        {
          __typename: 'QuizQuestion',
          id: 'q-1',
          position: 0,
          kind: 'SINGLE',
          prompt: '¿Cuándo se evalúa formativamente?',
          options: [
            { __typename: 'QuizOption', id: 'o-1', text: 'Durante el aprendizaje' },
            { __typename: 'QuizOption', id: 'o-2', text: 'Solo al final' },
          ],
        },
        {
          __typename: 'QuizQuestion',
          id: 'q-2',
          position: 1,
          kind: 'MULTIPLE',
          prompt: '¿Qué instrumentos sirven?',
          options: [
            { __typename: 'QuizOption', id: 'o-3', text: 'Rúbricas' },
            { __typename: 'QuizOption', id: 'o-4', text: 'Listas de cotejo' },
            { __typename: 'QuizOption', id: 'o-5', text: 'Ninguno' },
          ],
        },
      ],
    },
  };
}

describe('lesson player and quiz', () => {
  it('shows the outline with ticks, grades a quiz on the server with feedback per question, and offers a retry', async () => {
    const failed: QuizAttemptFields = {
      __typename: 'QuizAttempt',
      id: 'att-1',
      number: 1,
      score: 50,
      passed: false,
      createdAt: '2026-05-10T10:00:00.000Z',
      feedback: [
        { __typename: 'QuestionFeedback', questionId: 'q-1', correct: true, correctOptionIds: ['o-1'], explanation: null },
        { __typename: 'QuestionFeedback', questionId: 'q-2', correct: false, correctOptionIds: ['o-3', 'o-4'], explanation: 'Ambos instrumentos recogen evidencias.' },
      ],
    };
    const { container, requests } = renderApp(
      '/learn/evaluacion-formativa/lessons/les-2',
      {
        CourseOutline: () => ({ data: { course: outline() } }),
        LearnerLesson: () => ({ data: { lesson: quizLesson() } }),
        SubmitQuizAttempt: () => ({ data: { submitQuizAttempt: failed } }),
      },
      user(),
    );
    await screen.findByRole('heading', { level: 1, name: 'Cuestionario final' });
    const nav = screen.getByRole('navigation', { name: es.outlineTitle });
    const items = within(nav).getAllByTestId('outline-lesson');
    expect(items.map((i) => i.getAttribute('data-completed'))).toEqual(['true', 'false']);
    expect(within(nav).getByRole('link', { current: 'page' })).toHaveTextContent('Cuestionario final');
    expect(screen.getByTestId('quiz-rules')).toHaveTextContent(fill(es.attemptsUsed, { used: 0, max: 3 }));
    // Fieldsets named by their legends: radios for single choice, checkboxes for multiple.
    const single = screen.getByRole('group', { name: /¿Cuándo se evalúa formativamente\?/ });
    const multiple = screen.getByRole('group', { name: /¿Qué instrumentos sirven\?/ });
    expect(within(single).getAllByRole('radio')).toHaveLength(2);
    expect(within(multiple).getAllByRole('checkbox')).toHaveLength(3);
    await expectNoAxeViolations(container);

    // Unanswered questions are pointed out before anything is sent.
    fireEvent.click(screen.getByTestId('submit-quiz'));
    expect(await screen.findAllByText(es.answerRequired)).toHaveLength(2);
    expect(requests.some((r) => r.operationName === 'SubmitQuizAttempt')).toBe(false);

    fireEvent.click(within(single).getByLabelText('Durante el aprendizaje'));
    fireEvent.click(within(multiple).getByLabelText('Rúbricas'));
    fireEvent.click(screen.getByTestId('submit-quiz'));
    const result = await screen.findByTestId('quiz-result');
    expect(requests.find((r) => r.operationName === 'SubmitQuizAttempt')?.variables).toEqual({
      lessonId: 'les-2',
      answers: [
        { questionId: 'q-1', optionIds: ['o-1'] },
        { questionId: 'q-2', optionIds: ['o-3'] },
      ],
    });
    expect(result).toHaveAttribute('data-passed', 'false');
    expect(result).toHaveTextContent(es.quizFailed);
    expect(screen.getByTestId('quiz-score')).toHaveTextContent(fill(es.quizScore, { score: '50 %', passMark: '70 %' }));
    const questions = screen.getAllByTestId('quiz-question');
    expect(questions.map((q) => q.getAttribute('data-correct'))).toEqual(['true', 'false']);
    expect(within(questions[1]).getByTestId('correct-options')).toHaveTextContent('Rúbricas');
    expect(within(questions[1]).getByTestId('correct-options')).toHaveTextContent('Listas de cotejo');
    expect(within(questions[1]).getByTestId('question-explanation')).toHaveTextContent('Ambos instrumentos recogen evidencias.');
    expect(screen.getByTestId('quiz-rules')).toHaveTextContent(fill(es.attemptsUsed, { used: 1, max: 3 }));
    await expectNoAxeViolations(container);

    fireEvent.click(screen.getByTestId('retry-quiz'));
    expect(screen.queryByTestId('question-feedback')).toBeNull();
    expect(screen.getByTestId('submit-quiz')).toBeEnabled();
  });

  it('marks a text lesson complete in Portuguese and moves the progress bar', async () => {
    await i18n.changeLanguage('pt');
    let done = false;
    const text: LessonFields = { ...quizLesson(), id: 'les-1', moduleId: 'm-1', type: 'TEXT', title: 'Qué es evaluar', quiz: null, bodyHtml: '<p>Evaluar es <strong>aprender</strong>.</p>' };
    renderApp(
      '/learn/evaluacion-formativa/lessons/les-1',
      {
        CourseOutline: () => {
          const course = outline(done ? 50 : 0);
          course.modules[0].lessons[0].completed = done;
          return { data: { course } };
        },
        LearnerLesson: () => ({ data: { lesson: { ...text, completed: done } } }),
        CompleteLesson: () => {
          done = true;
          return { data: { completeLesson: myEnrolment({ progressPercent: 50 }) } };
        },
      },
      user({ preferredLocale: 'pt' }),
    );
    expect(await screen.findByTestId('lesson-body')).toHaveTextContent('Evaluar es aprender.');
    expect(screen.getByRole('progressbar', { name: fill(pt.progressLabel, { title: 'Evaluación formativa' }) })).toHaveAttribute('aria-valuenow', '0');
    fireEvent.click(screen.getByRole('button', { name: pt.markComplete }));
    expect(await screen.findByTestId('lesson-completed')).toHaveTextContent(pt.lessonDone);
    await waitFor(() => expect(screen.getByRole('progressbar', { name: fill(pt.progressLabel, { title: 'Evaluación formativa' }) })).toHaveAttribute('aria-valuenow', '50'));
    expect(screen.getByTestId('next-lesson')).toHaveAttribute('href', '/learn/evaluacion-formativa/lessons/les-2');
  });
});

// --- team, my learning, organiser pages ---

function row(overrides: Partial<EnrolmentRow> = {}): EnrolmentRow {
  return {
    __typename: 'Enrolment',
    id: 'e-1',
    status: 'ENROLLED',
    progressPercent: 0,
    completedLessons: 0,
    requiredLessons: 2,
    completedAt: null,
    createdAt: '2026-05-01T10:00:00.000Z',
    lastActivityAt: null,
    organisationName: 'Ministerio de Educación Pública',
    country: { __typename: 'Country', code: 'CR', name: 'Costa Rica' },
    person: { __typename: 'EnrolmentPerson', id: 'u-9', name: 'Laura Mora', email: 'laura@mep.go.cr' },
    course: { __typename: 'Course', id: 'c-1', slug: 'evaluacion-formativa', title: 'Evaluación formativa' },
    offering: { __typename: 'Offering', id: 'off-1', name: null },
    events: [{ __typename: 'EnrolmentEvent', fromStatus: null, toStatus: 'ENROLLED', actorName: 'Andrés Villalobos', note: null, createdAt: '2026-05-01T10:00:00.000Z' }],
    ...overrides,
  };
}

describe('team nomination', () => {
  it('sends the pasted e-mails and shows enrolled, invited and skipped addresses with reasons', async () => {
    const course = panelCourse({ offerings: [offering({ countrySeats: [] })] });
    const { requests } = renderApp(
      '/learning/team/evaluacion-formativa',
      {
        EnrolPanelCourse: () => ({ data: { course } }),
        TeamContext: () => ({
          data: { teamContext: { __typename: 'TeamContext', organisationId: 'o-1', organisationName: 'Ministerio de Educación Pública', country: { __typename: 'Country', code: 'CR', name: 'Costa Rica' }, seats: 5, seatsTaken: 1 } },
        }),
        TeamEnrolments: () => ({ data: { teamEnrolments: [] } }),
        NominateTeam: () => ({
          data: {
            nominateTeam: {
              __typename: 'NominationResult',
              enrolled: [row()],
              invited: [row({ id: 'e-2', status: 'NOMINATED', person: { __typename: 'EnrolmentPerson', id: null, name: 'nuevo@mep.go.cr', email: 'nuevo@mep.go.cr' } })],
              pending: [],
              skipped: [{ __typename: 'NominationSkip', email: 'no-es-correo', reason: 'La dirección no es válida.' }],
            },
          },
        }),
      },
      user(),
    );
    expect(await screen.findByTestId('country-seats')).toHaveTextContent(fill(es.countrySeatsLeft, { country: 'Costa Rica', left: 4, seats: 5 }));
    fireEvent.change(screen.getByLabelText(es.emailsLabel, { exact: false }), { target: { value: 'laura@mep.go.cr, nuevo@mep.go.cr\nno-es-correo' } });
    fireEvent.click(screen.getByTestId('submit-emails'));
    const result = await screen.findByTestId('nomination-result');
    expect(requests.find((r) => r.operationName === 'NominateTeam')?.variables).toEqual({ offeringId: 'off-1', emails: 'laura@mep.go.cr, nuevo@mep.go.cr\nno-es-correo' });
    expect(result).toHaveTextContent(fill(es.resultSummary, { enrolled: 1, invited: 1, pending: 0, skipped: 1 }));
    expect(within(screen.getByTestId('result-enrolled')).getByText(/Laura Mora/)).toBeInTheDocument();
    expect(within(screen.getByTestId('result-invited')).getByText('nuevo@mep.go.cr')).toBeInTheDocument();
    expect(screen.getByTestId('result-skipped')).toHaveTextContent('no-es-correo');
    expect(screen.getByTestId('result-skipped')).toHaveTextContent('La dirección no es válida.');
    expect(screen.queryByTestId('result-pending')).toBeNull();
  });

  it('tells people who are not a ministry focal point that they cannot nominate', async () => {
    renderApp(
      '/learning/team/evaluacion-formativa',
      {
        EnrolPanelCourse: () => ({ data: { course: panelCourse() } }),
        TeamContext: () => ({ data: { teamContext: null } }),
        TeamEnrolments: () => ({ data: { teamEnrolments: [row({ progressPercent: 75 })] } }),
      },
      user(),
    );
    expect(await screen.findByTestId('not-focal-point')).toHaveTextContent(es.notFocalPoint);
    expect(screen.queryByTestId('email-list-form')).toBeNull();
    expect(await screen.findByRole('progressbar', { name: fill(es.progressOf, { name: 'Laura Mora' }) })).toHaveAttribute('aria-valuenow', '75');
  });
});

describe('my learning', () => {
  it('lists courses in progress, pending and completed with progress bars, continue buttons and certificate links', async () => {
    const base = { __typename: 'Enrolment' as const, completedAt: null, createdAt: '2026-05-01T10:00:00.000Z', offering: { __typename: 'Offering' as const, id: 'off-1', name: null, startsOn: null, endsOn: null }, certificate: null };
    const { container } = renderApp(
      '/learning',
      {
        MyLearning: () => ({
          data: {
            myLearning: {
              __typename: 'MyLearning',
              active: [{ ...base, id: 'a', status: 'ENROLLED', progressPercent: 40, course: { __typename: 'Course', id: 'c-1', slug: 'evaluacion-formativa', title: 'Evaluación formativa' }, nextLesson: { __typename: 'Lesson', id: 'les-2' } }],
              pending: [{ ...base, id: 'b', status: 'REQUESTED', progressPercent: 0, course: { __typename: 'Course', id: 'c-2', slug: 'liderazgo', title: 'Liderazgo escolar' }, nextLesson: null }],
              completed: [
                {
                  ...base,
                  id: 'c',
                  status: 'COMPLETED',
                  progressPercent: 100,
                  completedAt: '2026-04-20T10:00:00.000Z',
                  course: { __typename: 'Course', id: 'c-3', slug: 'datos', title: 'Uso de datos' },
                  nextLesson: null,
                  certificate: { __typename: 'Certificate', id: 'cert', code: 'WXYZ-2345-6789', renderStatus: 'RENDERED', pdfUrl: '/api/certificates/WXYZ-2345-6789/pdf' },
                },
              ],
              programmes: [],
            },
          },
        }),
      },
      user(),
    );
    await screen.findByRole('heading', { level: 1, name: es.myLearningTitle });
    const inProgress = await screen.findByTestId('section-in-progress');
    expect(within(inProgress).getByTestId('continue-learning')).toHaveAttribute('href', '/learn/evaluacion-formativa/lessons/les-2');
    expect(within(inProgress).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '40');
    expect(within(screen.getByTestId('section-pending')).getByTestId('enrolment-status')).toHaveTextContent(es.status_REQUESTED);
    const completed = screen.getByTestId('section-completed');
    expect(completed).toHaveTextContent(fill(es.completedOn, { date: '20 abr 2026' }));
    expect(within(completed).getByTestId('certificate-pdf')).toHaveAttribute('href', '/api/certificates/WXYZ-2345-6789/pdf');
    expect(screen.getByTestId('section-programmes')).toHaveTextContent(es.programmesEmpty);
    await expectNoAxeViolations(container);
  });
});

describe('organiser pages', () => {
  it('shows the report numbers, the charts with their tables and the CSV link, axe-clean', async () => {
    const report: CourseReport = {
      __typename: 'CourseReport',
      courseId: 'c-1',
      enrolments: 1200,
      active: 700,
      completed: 300,
      withdrawn: 50,
      waitlisted: 10,
      pending: 140,
      completionRate: 0.25,
      averageProgress: 0.5,
      byCountry: [
        { __typename: 'ReportRow', key: 'CR', label: 'Costa Rica', enrolments: 800, active: 500, completed: 200 },
        { __typename: 'ReportRow', key: 'BR', label: 'Brasil', enrolments: 400, active: 200, completed: 100 },
      ],
      byOrganisation: [{ __typename: 'ReportRow', key: 'o-1', label: 'Ministerio de Educación Pública', enrolments: 800, active: 500, completed: 200 }],
    };
    const { container } = renderApp(
      '/manage/courses/c-1/report',
      { CourseReport: () => ({ data: { courseForEditing: { __typename: 'Course', id: 'c-1', title: 'Evaluación formativa' }, courseReport: report } }) },
      organiser(),
    );
    await screen.findByRole('heading', { level: 1, name: fill(es.reportHeading, { title: 'Evaluación formativa' }) });
    expect(screen.getByTestId('report-enrolments')).toHaveTextContent('1200');
    expect(screen.getByTestId('report-completed')).toHaveTextContent('300');
    expect(screen.getByTestId('report-completion-rate')).toHaveTextContent('25 %');
    expect(screen.getByTestId('report-csv')).toHaveAttribute('href', '/api/learning/courses/c-1/report.csv');
    expect(screen.getByTestId('report-by-country-chart')).toBeInTheDocument();
    const table = screen.getByTestId('report-by-country-table');
    expect(within(table).getByRole('row', { name: /Costa Rica 800 500 200/ })).toBeInTheDocument();
    expect(within(screen.getByTestId('report-by-status-table')).getByRole('row', { name: new RegExp(`${es.figure_completed} 300`) })).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('refuses the report to people without the organiser role', async () => {
    const { requests } = renderApp('/manage/courses/c-1/report', {}, user());
    expect(await screen.findByRole('heading', { level: 1, name: catalogues.nav.es.forbiddenTitle })).toBeInTheDocument();
    expect(screen.queryByTestId('report-enrolments')).toBeNull();
    expect(requests.some((r) => r.operationName === 'CourseReport')).toBe(false);
  });

  it('lists enrolments, approves a request with a note and requires a note to remove, with the audit trail in a drawer', async () => {
    let decided = false;
    const { requests } = renderApp(
      '/manage/courses/c-1/enrolments',
      {
        LearnerManagedCourse: () => ({ data: { courseForEditing: { __typename: 'Course', id: 'c-1', slug: 'evaluacion-formativa', title: 'Evaluación formativa', status: 'PUBLISHED', enrolmentPolicy: 'APPROVAL', offerings: [offering()] } } }),
        CourseEnrolments: () => ({
          data: {
            courseEnrolments: {
              __typename: 'EnrolmentConnection',
              totalCount: 1,
              pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
              edges: [{ __typename: 'EnrolmentEdge', cursor: 'x', node: row({ status: decided ? 'APPROVED' : 'REQUESTED' }) }],
            },
          },
        }),
        DecideEnrolment: () => {
          decided = true;
          return { data: { decideEnrolment: row({ status: 'APPROVED' }) } };
        },
      },
      organiser(),
    );
    const table = await screen.findByTestId('enrolments-table');
    expect(within(table).getByTestId('enrolment-status')).toHaveTextContent(es.status_REQUESTED);
    fireEvent.click(within(table).getByTestId('open-details'));
    expect(await screen.findByTestId('enrolment-events')).toHaveTextContent('Andrés Villalobos');
    fireEvent.keyDown(screen.getByTestId('enrolment-details'), { key: 'Escape' });

    fireEvent.click(within(table).getByTestId('remove'));
    const removeDialog = await screen.findByTestId('enrolment-action-dialog');
    fireEvent.click(within(removeDialog).getByTestId('confirm-action'));
    expect(await within(removeDialog).findByText(es.noteRequired)).toBeInTheDocument();
    expect(requests.some((r) => r.operationName === 'RemoveEnrolment')).toBe(false);
    fireEvent.click(within(removeDialog).getByRole('button', { name: es.cancel }));
    await waitFor(() => expect(screen.queryByTestId('enrolment-action-dialog')).toBeNull());

    fireEvent.click(within(table).getByTestId('approve'));
    const dialog = await screen.findByTestId('enrolment-action-dialog');
    fireEvent.change(within(dialog).getByLabelText(es.noteOptional), { target: { value: 'Bienvenida' } });
    fireEvent.click(within(dialog).getByTestId('confirm-action'));
    expect(await screen.findByTestId('enrolments-notice')).toHaveTextContent(fill(es.actionDone_APPROVE, { name: 'Laura Mora' }));
    expect(requests.find((r) => r.operationName === 'DecideEnrolment')?.variables).toEqual({ id: 'e-1', decision: 'APPROVE', note: 'Bienvenida' });
    await waitFor(() => expect(within(screen.getByTestId('enrolments-table')).getByTestId('enrolment-status')).toHaveTextContent(es.status_APPROVED));
  });
});
