import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { catalogues } from '@alliance/shared-i18n';
import { Role } from '@alliance/shared-core';
import { renderApp, user } from '../../../testing/render-app';
import { i18n } from '../../../app/i18n';
import type { CourseEditing, LessonEditing, ModuleEditing } from '../operations-authoring';
import { emptyDraft } from '../shared/localized';
import { validateQuiz, type QuizDraft } from './quiz-validation';

const es = (catalogues as unknown as Record<string, Record<string, Record<string, string>>>).learningUi.es;
const fill = (text: string, values: Record<string, string | number>) => Object.entries(values).reduce((acc, [k, v]) => acc.replace(`{{${k}}}`, String(v)), text);
const organiser = () => user({ id: 'u-org', name: 'Olga Organiser', roles: [Role.Organiser] });

beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage('es');
});
afterEach(() => cleanup());

async function expectNoAxeViolations(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const tr = (es: string, pt?: string) => [{ __typename: 'LocalizedText' as const, locale: 'es', value: es }, ...(pt ? [{ __typename: 'LocalizedText' as const, locale: 'pt', value: pt }] : [])];

function lesson(id: string, moduleId: string, position: number, title: string, overrides: Partial<LessonEditing> = {}): LessonEditing {
  return {
    __typename: 'Lesson',
    id,
    moduleId,
    position,
    type: 'TEXT',
    required: true,
    estimatedMinutes: 10,
    title,
    titleTranslations: tr(title),
    bodyHtml: '<p>Hola</p>',
    bodyTranslations: tr('Hola'),
    videoUrl: null,
    file: null,
    liveStartsAt: null,
    liveUrl: null,
    quiz: null,
    ...overrides,
  };
}

function moduleOf(id: string, position: number, title: string, lessons: LessonEditing[]): ModuleEditing {
  return { __typename: 'CourseModule', id, position, title, titleTranslations: tr(title), lessons };
}

function course(modules: ModuleEditing[]): CourseEditing {
  return {
    __typename: 'Course',
    id: 'c-1',
    slug: 'liderazgo',
    title: 'Liderazgo pedagógico',
    status: 'DRAFT',
    titleTranslations: tr('Liderazgo pedagógico'),
    summaryTranslations: tr('Resumen'),
    audienceTranslations: [],
    level: 'INTRODUCTORY',
    format: 'COHORT',
    enrolmentPolicy: 'OPEN',
    estimatedHours: 6,
    languages: ['es'],
    focusAreas: [],
    coverImage: null,
    prerequisites: [],
    relatedEvidence: [],
    certificateIssuer: 'Alianza',
    certificateSignatories: [],
    modules,
    offerings: [],
    lessonCount: modules.reduce((n, m) => n + m.lessons.length, 0),
    revision: 3,
    publishedAt: null,
    updatedAt: '2026-03-01T10:00:00.000Z',
  };
}

const quizLesson = lesson('l-q', 'm-1', 2, 'Comprobación', {
  type: 'QUIZ',
  bodyHtml: null,
  bodyTranslations: [],
  quiz: {
    __typename: 'Quiz',
    passMark: 70,
    maxAttempts: 3,
    questions: [
      {
        __typename: 'QuizQuestion',
        id: 'q-1',
        position: 0,
        kind: 'SINGLE',
        prompt: '¿Capital de Costa Rica?',
        promptTranslations: tr('¿Capital de Costa Rica?'),
        explanationTranslations: tr('San José es la capital desde 1823.'),
        options: [
          { __typename: 'QuizOption', id: 'a', text: 'San José', textTranslations: tr('San José'), correct: true },
          { __typename: 'QuizOption', id: 'b', text: 'Cartago', textTranslations: tr('Cartago'), correct: false },
        ],
      },
    ],
  },
});

const initial = course([
  moduleOf('m-1', 0, 'Contexto', [lesson('l-1', 'm-1', 0, 'Bienvenida'), lesson('l-2', 'm-1', 1, 'Marco legal'), quizLesson]),
  moduleOf('m-2', 1, 'Práctica', [lesson('l-3', 'm-2', 0, 'Taller')]),
]);

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

describe('Course editor: structure', () => {
  afterEach(() => jest.restoreAllMocks());

  it('reorders a lesson with the keyboard (Space, ArrowDown, Space) and calls moveLesson with the new position', async () => {
    layOutSortableRows();
    const reordered = course([
      moduleOf('m-1', 0, 'Contexto', [lesson('l-2', 'm-1', 0, 'Marco legal'), lesson('l-1', 'm-1', 1, 'Bienvenida'), quizLesson]),
      moduleOf('m-2', 1, 'Práctica', [lesson('l-3', 'm-2', 0, 'Taller')]),
    ]);
    const { requests, container } = renderApp(
      '/manage/courses/c-1?tab=structure',
      {
        CourseForEditing: () => ({ data: { courseForEditing: initial } }),
        MoveLesson: () => ({ data: { moveLesson: reordered } }),
      },
      organiser(),
    );
    const handle = await screen.findByTestId('drag-l-1');
    expect(handle).toHaveAccessibleName(fill(es.dragHandle, { name: 'Bienvenida' }));
    await expectNoAxeViolations(container);

    act(() => handle.focus());
    fireEvent.keyDown(handle, { code: 'Space', key: ' ' });
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    fireEvent.keyDown(document.activeElement ?? handle, { code: 'ArrowDown', key: 'ArrowDown' });
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    fireEvent.keyDown(document.activeElement ?? handle, { code: 'Space', key: ' ' });

    await waitFor(() => expect(requests.find((r) => r.operationName === 'MoveLesson')?.variables).toEqual({ id: 'l-1', moduleId: 'm-1', position: 1 }));
    // The announcement is in Spanish.
    await waitFor(() => expect(document.body).toHaveTextContent(fill(es.dndDropped, { name: 'Bienvenida', position: 2, count: 3 })));
    const list = screen.getByTestId('lessons-m-1');
    await waitFor(() => expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent('Marco legal'));
  });

  it('moves a module down with the fallback button', async () => {
    const { requests } = renderApp(
      '/manage/courses/c-1?tab=structure',
      { CourseForEditing: () => ({ data: { courseForEditing: initial } }), MoveModule: () => ({ data: { moveModule: initial } }) },
      organiser(),
    );
    fireEvent.click(await screen.findByTestId('down-m-1'));
    await waitFor(() => expect(requests.find((r) => r.operationName === 'MoveModule')?.variables).toEqual({ id: 'm-1', position: 1 }));
  });

  it('is for organisers and administrators only', async () => {
    renderApp('/manage/courses/c-1', { CourseForEditing: () => ({ data: { courseForEditing: initial } }) }, user());
    expect(await screen.findByRole('heading', { level: 1, name: i18n.t('nav:forbiddenTitle') })).toBeInTheDocument();
  });
});

describe('quiz validation', () => {
  const question = (kind: 'SINGLE' | 'MULTIPLE', correct: boolean[], prompt = '¿Pregunta?') => ({
    key: 'q',
    id: null,
    kind,
    prompt: { ...emptyDraft(), es: prompt },
    explanation: emptyDraft(),
    options: correct.map((c, i) => ({ key: `o${i}`, id: null, text: { ...emptyDraft(), es: `Opción ${i}` }, correct: c })),
  });
  const quiz = (overrides: Partial<QuizDraft> = {}): QuizDraft => ({ passMark: '70', maxAttempts: '', questions: [question('SINGLE', [true, false])], ...overrides });

  it('accepts a well-formed quiz', () => {
    expect(validateQuiz(quiz(), ['es'])).toEqual({});
    expect(validateQuiz(quiz({ maxAttempts: '3', questions: [question('MULTIPLE', [true, true, false])] }), ['es'])).toEqual({});
  });

  it('names every problem', () => {
    expect(validateQuiz(quiz({ passMark: '0', maxAttempts: '21' }), ['es'])).toEqual({ passMark: 'learningUi:errorPassMark', maxAttempts: 'learningUi:errorMaxAttempts' });
    expect(validateQuiz(quiz({ passMark: '7.5' }), ['es']).passMark).toBe('learningUi:errorPassMark');
    expect(validateQuiz(quiz({ questions: [] }), ['es'])).toEqual({ questions: 'learningUi:errorNoQuestions' });
    expect(validateQuiz(quiz({ questions: [question('SINGLE', [true, true])] }), ['es'])).toEqual({ 'q.options': 'learningUi:errorSingleCorrect' });
    expect(validateQuiz(quiz({ questions: [question('MULTIPLE', [false, false])] }), ['es'])).toEqual({ 'q.options': 'learningUi:errorMultipleCorrect' });
    expect(validateQuiz(quiz({ questions: [question('SINGLE', [true])] }), ['es'])).toEqual({ 'q.options': 'learningUi:errorOptionsCount' });
    // A course offered in Portuguese too needs the Portuguese texts.
    expect(validateQuiz(quiz(), ['es', 'pt'])).toEqual({ 'q.prompt': 'learningUi:errorPrompt', 'o0.text': 'learningUi:errorOptionText', 'o1.text': 'learningUi:errorOptionText' });
  });

  it('shows the problems in the quiz editor and sends nothing; a valid quiz is saved with saveQuiz', async () => {
    const { requests } = renderApp(
      '/manage/courses/c-1?tab=structure',
      {
        CourseForEditing: () => ({ data: { courseForEditing: initial } }),
        SaveQuiz: () => ({ data: { saveQuiz: quizLesson } }),
      },
      organiser(),
    );
    fireEvent.click(await screen.findByTestId('edit-lesson-l-q'));
    const editor = await screen.findByTestId('quiz-editor');
    expect(within(editor).getByTestId('quiz-pass-mark')).toHaveValue('70');

    // A second correct answer on a single-choice question is impossible (radio); add a question without any correct option.
    fireEvent.click(within(editor).getByTestId('add-question'));
    fireEvent.change(within(editor).getByTestId('quiz-pass-mark'), { target: { value: '150' } });
    fireEvent.click(within(editor).getByTestId('save-quiz'));
    expect(await within(editor).findByTestId('quiz-failure')).toBeInTheDocument();
    expect(editor).toHaveTextContent(es.errorPassMark);
    expect(editor).toHaveTextContent(es.errorPrompt);
    expect(within(editor).getByTestId('quiz-options-error')).toHaveTextContent(es.errorSingleCorrect);
    expect(requests.some((r) => r.operationName === 'SaveQuiz')).toBe(false);

    // Fix: remove the new question and restore the pass mark.
    fireEvent.click(within(editor).getByRole('button', { name: fill(es.removeQuestion, { number: 2 }) }));
    fireEvent.change(within(editor).getByTestId('quiz-pass-mark'), { target: { value: '80' } });
    fireEvent.click(within(editor).getByTestId('save-quiz'));
    await waitFor(() => expect(requests.find((r) => r.operationName === 'SaveQuiz')).toBeDefined());
    expect(requests.find((r) => r.operationName === 'SaveQuiz')?.variables).toEqual({
      lessonId: 'l-q',
      input: {
        passMark: 80,
        maxAttempts: 3,
        questions: [
          {
            id: 'q-1',
            kind: 'SINGLE',
            prompt: [{ locale: 'es', value: '¿Capital de Costa Rica?' }],
            // The stored explanation was loaded into the editor, so a re-save keeps it.
            explanation: [{ locale: 'es', value: 'San José es la capital desde 1823.' }],
            options: [
              { id: 'a', text: [{ locale: 'es', value: 'San José' }], correct: true },
              { id: 'b', text: [{ locale: 'es', value: 'Cartago' }], correct: false },
            ],
          },
        ],
      },
    });
  });
});

describe('Course editor: related evidence', () => {
  const evidence = (id: string, title: string) => ({ __typename: 'EvidenceItem' as const, id, title, type: 'GOOD_PRACTICE', year: 2024 });

  it('adds an item found with the picker, reorders, removes and saves the ordered list with setCourseEvidence', async () => {
    const withEvidence = { ...initial, relatedEvidence: [evidence('e-1', 'Tutorías entre pares en Cusco'), evidence('e-2', 'Escuelas multigrado en Haití')] };
    const { requests } = renderApp(
      '/manage/courses/c-1',
      {
        CourseForEditing: () => ({ data: { courseForEditing: withEvidence } }),
        EvidencePickerSearch: () => ({
          data: { evidenceSearch: { __typename: 'EvidenceSearchResult', hits: [{ __typename: 'EvidenceSearchHit', item: evidence('e-3', 'Política de inclusión digital en Uruguay') }] } },
        }),
        SetCourseEvidence: (request) => ({
          data: {
            setCourseEvidence: {
              __typename: 'Course',
              id: 'c-1',
              revision: 4,
              relatedEvidence: (request.variables as { evidenceItemIds: string[] }).evidenceItemIds.map((id) => evidence(id, id === 'e-2' ? 'Escuelas multigrado en Haití' : 'Política de inclusión digital en Uruguay')),
            },
          },
        }),
      },
      organiser(),
    );
    const section = await screen.findByTestId('related-evidence-editor');
    expect(within(section).getByRole('heading', { name: es.relatedEvidence })).toBeInTheDocument();
    expect(within(section).getByRole('link', { name: 'Tutorías entre pares en Cusco' })).toHaveAttribute('href', '/evidence/e-1');
    await expectNoAxeViolations(section);

    const picker = within(section).getByRole('combobox', { name: es.relatedEvidenceSearch });
    act(() => picker.focus());
    fireEvent.click(await within(section).findByRole('option', { name: /Política de inclusión digital en Uruguay/, hidden: true }));
    await waitFor(() => expect(within(section).getByTestId('related-evidence-list')).toHaveTextContent('Política de inclusión digital en Uruguay'));
    fireEvent.click(within(section).getByRole('button', { name: fill(es.relatedEvidenceRemove, { name: 'Tutorías entre pares en Cusco' }) }));
    fireEvent.click(within(section).getByTestId('up-e-3'));
    fireEvent.click(within(section).getByTestId('save-related-evidence'));
    await waitFor(() => expect(requests.find((r) => r.operationName === 'SetCourseEvidence')?.variables).toEqual({ courseId: 'c-1', evidenceItemIds: ['e-3', 'e-2'] }));
    expect(await within(section).findByText(es.saved)).toBeInTheDocument();
  });
});
