import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { catalogues } from '@alliance/shared-i18n';
import { newAccount, waitForMail, type GraphQLClient } from '../support';
import { browserJourney, expectNoAxeViolations, expectNoHorizontalOverflow, gql, newOrganiser, signIn } from './browser';

/**
 * Issue 5's journey: an organiser publishes a two-module course with a quiz; a ministry focal point
 * enrols a team of three by e-mail; one learner (reading in Portuguese) completes it and downloads the
 * certificate; the organiser's report shows one completion from the learner's country.
 */
const ADMIN = { email: 'aprendizaje-admin@alianza.example', password: 'Aprendizaje-Admin-2026' };
const learner = catalogues.learnerUi;
type Locale = 'es' | 'pt';

describe('learning journey: publish, team enrolment, completion with certificate, report (Chromium)', () => {
  const journey = browserJourney(ADMIN);
  let organiser: GraphQLClient;
  const suffix = randomUUID().slice(0, 6);
  const emails = {
    organiser: `olga.${suffix}@alianza.example`,
    focal: `hector.${suffix}@mep-cr.example`,
    learner: `joana.${suffix}@mep-cr.example`,
    colleague: `luis.${suffix}@mep-cr.example`,
    newcomer: `nueva.${suffix}@mep-cr.example`,
  };
  let course = { id: '', slug: '', title: '' };

  async function newPage(locale: Locale, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const context = await journey.newContext({ viewport, locale: locale === 'pt' ? 'pt-BR' : 'es-ES', acceptDownloads: true });
    // The interface language follows the stored choice, as a returning visitor's would.
    await context.addInitScript((lng) => window.localStorage.setItem('alliance.locale', lng), locale);
    return context.newPage();
  }

  beforeAll(async () => {
    const { admin } = journey;

    // The organiser.
    organiser = (await newOrganiser(journey, 'Olga Organizadora', emails.organiser, 'CL')).client;

    // A Costa Rican ministry, member of the alliance, with Héctor as its focal point.
    const areas = (await gql<{ focusAreas: Array<{ id: string }> }>(admin, `{ focusAreas { id } }`)).focusAreas;
    const focal = await newAccount(journey, 'Héctor Álvarez', emails.focal, 'CR', 'es');
    const charter = await gql<{ currentCharter: { version: number } }>(focal.client, `{ currentCharter { version } }`);
    const applied = await gql<{ submitMembershipApplication: { id: string } }>(
      focal.client,
      `mutation($input: ApplicationInput!) { submitMembershipApplication(input: $input) { id } }`,
      {
        input: {
          organisationName: `Ministerio de Educación Pública ${suffix}`,
          organisationType: 'MINISTRY_OF_EDUCATION',
          countryCode: 'CR',
          focusAreaIds: [areas[0].id],
          website: `https://mep-${suffix}.example.org`,
          description: 'Ministerio de educación que forma a sus equipos técnicos en evaluación.',
          applicantRole: 'Director de planificación',
          motivation: 'Formar a nuestros equipos técnicos con la región.',
          charterVersion: charter.currentCharter.version,
        },
      },
    );
    const approved = await gql<{ approveMembershipApplication: { organisation: { id: string } } }>(
      admin,
      `mutation($id: ID!) { approveMembershipApplication(id: $id) { organisation { id } } }`,
      { id: applied.submitMembershipApplication.id },
    );
    await gql(
      focal.client,
      `mutation($o: ID!, $u: ID!, $a: ID!) { designateFocalPoint(organisationId: $o, userId: $u, focusAreaId: $a, role: TITULAR, startDate: "2026-01-01") { id } }`,
      { o: approved.approveMembershipApplication.organisation.id, u: focal.id, a: areas[0].id },
    );

    // Two colleagues with accounts (Joana reads in Portuguese); the third address has none yet.
    await newAccount(journey, 'Joana Araújo', emails.learner, 'CR', 'pt');
    await newAccount(journey, 'Luis Mora', emails.colleague, 'CR', 'es');

  }, 240_000);

  it('the organiser builds a two-module course with a quiz in the editor and publishes it', async () => {
    const ui = catalogues.learningUi.es;
    const page = await newPage('es');
    await signIn(page, journey.url, emails.organiser, 'es');
    const title = `Evaluación formativa ${suffix}`;
    const slug = `evaluacion-formativa-${suffix}`;
    const inLanguage = (field: string, language: string) => ui.fieldInLanguage.replace('{{field}}', field).replace('{{language}}', language);

    // Details: texts in Spanish and Portuguese, hours, languages, certificate issuer and signatory.
    await page.goto(`${journey.url}/manage/courses/new`);
    await page.getByTestId('details-form').waitFor();
    await expectNoAxeViolations(page, 'new course form');
    await page.getByTestId('course-title-es').fill(title);
    await page.getByTestId('course-summary-es').fill('Cómo usar la evaluación para aprender.');
    await page.getByRole('tab', { name: /^Portugués/ }).click();
    await page.getByTestId('course-title-pt').fill(`Avaliação formativa ${suffix}`);
    await page.getByTestId('course-slug').fill(slug);
    await page.getByTestId('course-hours').fill('4');
    await page.getByRole('checkbox', { name: 'Portugués' }).check();
    await page.getByLabel(ui.certificateIssuer).fill('Secretaría de la Alianza');
    await page.getByRole('button', { name: ui.addSignatory }).click();
    await page.getByLabel(ui.signatoryName.replace('{{number}}', '1')).fill('Ana Pérez');
    await page.getByLabel(ui.signatoryTitle.replace('{{number}}', '1')).fill('Secretaria Ejecutiva');
    await page.getByLabel(ui.signatoryOrganisation.replace('{{number}}', '1')).fill('Secretaría de la Alianza');
    await page.getByTestId('save-details').click();
    await page.waitForURL(/\/manage\/courses\/[0-9a-f-]{36}\?tab=structure/);
    course = { id: new URL(page.url()).pathname.split('/').pop()!, slug, title };

    // Structure: two modules.
    await page.getByTestId('structure-editor').waitFor();
    for (const moduleTitle of ['Fundamentos', 'Práctica']) {
      await page.getByTestId('module-new-title-es').fill(moduleTitle);
      await page.getByTestId('add-module').click();
      await page.getByTestId('module-card').filter({ hasText: moduleTitle }).waitFor();
    }
    const modules = page.getByTestId('module-card');
    expect(await modules.count()).toBe(2);

    // Module 1: a text lesson in both languages.
    await modules.nth(0).locator('[data-testid^="add-lesson-"]').click();
    const lessonEditor = page.getByTestId('lesson-editor');
    await lessonEditor.getByTestId('lesson-new-title-es').fill('Qué es evaluar');
    await lessonEditor.getByTestId('lesson-new-body-es').fill('Evaluar es **aprender**.');
    await lessonEditor.getByRole('tab', { name: /^Portugués/ }).click();
    await lessonEditor.getByTestId('lesson-new-title-pt').fill('O que é avaliar');
    await lessonEditor.getByTestId('lesson-new-body-pt').fill('Avaliar é **aprender**.');
    await lessonEditor.getByTestId('save-lesson').click();
    // Saved: the editor now shows the server-rendered preview of the Markdown.
    await lessonEditor.locator('strong', { hasText: 'aprender' }).waitFor();
    await lessonEditor.getByRole('button', { name: ui.closeEditor }).click();

    // Module 2: a quiz lesson, then its question.
    await modules.nth(1).locator('[data-testid^="add-lesson-"]').click();
    await lessonEditor.getByTestId('lesson-type').selectOption('QUIZ');
    await lessonEditor.getByTestId('lesson-new-title-es').fill('Cuestionario final');
    await lessonEditor.getByRole('tab', { name: /^Portugués/ }).click();
    await lessonEditor.getByTestId('lesson-new-title-pt').fill('Questionário final');
    await lessonEditor.getByTestId('save-lesson').click();
    const quiz = page.getByTestId('quiz-editor');
    await quiz.waitFor();
    await quiz.getByTestId('quiz-pass-mark').fill('100');
    await quiz.getByTestId('quiz-max-attempts').fill('3');
    if ((await quiz.getByTestId('quiz-question').count()) === 0) await quiz.getByTestId('add-question').click();
    const question = quiz.getByTestId('quiz-question').first();
    const prompt = ui.questionPrompt.replace('{{number}}', '1');
    await question.getByLabel(inLanguage(prompt, 'Español')).fill('¿Cuándo se evalúa formativamente?');
    await question.getByLabel(inLanguage(prompt, 'Portugués')).fill('Quando se avalia formativamente?');
    const option = (n: number) => ui.optionText.replace('{{option}}', String(n)).replace('{{question}}', '1');
    await question.getByLabel(inLanguage(option(1), 'Español')).fill('Durante el aprendizaje');
    await question.getByLabel(inLanguage(option(1), 'Portugués')).fill('Durante a aprendizagem');
    await question.getByLabel(inLanguage(option(2), 'Español')).fill('Solo al final');
    await question.getByLabel(inLanguage(option(2), 'Portugués')).fill('Só no final');
    await question.getByLabel(ui.optionCorrect.replace('{{option}}', '1').replace('{{question}}', '1')).check();
    await quiz.getByTestId('save-quiz').click();
    await quiz.getByRole('status').getByText(ui.quizSaved).waitFor();
    await expectNoAxeViolations(page, 'course structure with a quiz');

    // Publish.
    await page.getByTestId('publish-course').click();
    await page.getByTestId('course-status').filter({ hasText: ui.status_PUBLISHED }).waitFor();
    const structure = await gql<{ courseForEditing: { status: string; modules: Array<{ lessons: Array<{ type: string; quiz: { questions: unknown[] } | null }> }> } }>(
      organiser,
      `query($id: ID!) { courseForEditing(id: $id) { status modules { lessons { type quiz { questions { id } } } } } }`,
      { id: course.id },
    );
    expect(structure.courseForEditing.status).toBe('PUBLISHED');
    expect(structure.courseForEditing.modules.map((m) => m.lessons.map((l) => l.type))).toEqual([['TEXT'], ['QUIZ']]);
    expect(structure.courseForEditing.modules[1].lessons[0].quiz!.questions).toHaveLength(1);
  });

  it('the focal point enrols a team of three by e-mail (Spanish)', async () => {
    const page = await newPage('es');
    await signIn(page, journey.url, emails.focal, 'es');
    await page.goto(`${journey.url}/courses/${course.slug}`);
    await page.getByTestId('enrol-panel').waitFor();
    await page.getByTestId('enrol-team-link').click();
    await page.getByRole('heading', { level: 1, name: learner.es.nominateHeading.replace('{{title}}', course.title) }).waitFor();
    await page.getByTestId('country-seats').waitFor();
    await expectNoAxeViolations(page, 'team nomination');
    await page.getByLabel(learner.es.emailsLabel).fill(`${emails.learner}, ${emails.colleague}\n${emails.newcomer}`);
    await page.getByTestId('submit-emails').click();
    const result = page.getByTestId('nomination-result');
    await result.waitFor();
    await result.getByText(learner.es.resultSummary.replace('{{enrolled}}', '2').replace('{{invited}}', '1').replace('{{pending}}', '0').replace('{{skipped}}', '0')).waitFor();
    await page.getByTestId('result-invited').getByText(emails.newcomer).waitFor();
    await expectNoAxeViolations(page, 'team nomination result');
    // The newcomer is invited by e-mail with a sign-up link.
    await waitForMail(journey.url, (m) => m.to.includes(emails.newcomer));
    await page.goto(`${journey.url}/learning/team`);
    await page.getByTestId('team-row').nth(2).waitFor();
    expect(await page.getByTestId('team-row').count()).toBe(3);
  });

  it('a learner completes the course in Portuguese and downloads the certificate', async () => {
    const page = await newPage('pt', { width: 360, height: 740 });
    await signIn(page, journey.url, emails.learner, 'pt');
    await page.goto(`${journey.url}/learning`);
    await page.getByRole('heading', { level: 1, name: learner.pt.myLearningTitle }).waitFor();
    await expectNoAxeViolations(page, 'my learning (pt, phone)');
    await expectNoHorizontalOverflow(page, 'my learning (pt, phone)');
    await page.getByTestId('section-in-progress').getByTestId('continue-learning').click();

    // Lesson 1: text, marked complete.
    await page.getByRole('heading', { level: 1, name: 'O que é avaliar' }).waitFor();
    await page.getByTestId('lesson-body').getByText('aprender').waitFor();
    await expectNoAxeViolations(page, 'text lesson (pt, phone)');
    await expectNoHorizontalOverflow(page, 'text lesson (pt, phone)');
    await page.getByRole('button', { name: learner.pt.markComplete }).click();
    await page.getByTestId('lesson-completed').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="course-progress"]')?.getAttribute('data-value') === '50');
    await page.getByTestId('next-lesson').click();

    // Lesson 2: the quiz, answered wrong first, then right.
    await page.getByRole('heading', { level: 1, name: 'Questionário final' }).waitFor();
    const question = page.getByRole('group', { name: /Quando se avalia formativamente\?/ });
    await question.getByLabel('Só no final').check();
    await page.getByTestId('submit-quiz').click();
    await page.locator('[data-testid="quiz-result"][data-passed="false"]').waitFor();
    await page.getByTestId('correct-options').getByText('Durante a aprendizagem').waitFor();
    await expectNoAxeViolations(page, 'quiz feedback (pt, phone)');
    await page.getByTestId('retry-quiz').click();
    await question.getByLabel('Durante a aprendizagem').check();
    await page.getByTestId('submit-quiz').click();
    await page.locator('[data-testid="quiz-result"][data-passed="true"]').waitFor();
    await page.getByTestId('course-completed').waitFor();

    // The certificate: rendered by the worker, then a real PDF.
    await page.goto(`${journey.url}/certificates`);
    const pdfLink = page.getByTestId('download-pdf').first();
    await pdfLink.waitFor({ timeout: 60_000 });
    const href = await pdfLink.getAttribute('href');
    const response = await page.request.get(`${journey.url}${href}`);
    expect(response.status()).toBe(200);
    expect((await response.body()).subarray(0, 4).toString('latin1')).toBe('%PDF');
  });

  it('the organiser’s report shows one completion from Costa Rica', async () => {
    const page = await newPage('es');
    await signIn(page, journey.url, emails.organiser, 'es');
    await page.goto(`${journey.url}/manage/courses/${course.id}/report`);
    await page.getByTestId('report-completed').filter({ hasText: /^1$/ }).waitFor();
    await page.getByTestId('report-by-country-chart').locator('svg').first().waitFor();
    await page.getByTestId('report-by-country-table').getByRole('row', { name: /Costa Rica \d+ \d+ 1$/ }).waitFor();
    await expectNoAxeViolations(page, 'course report');
    const csv = await page.request.get(`${journey.url}/api/learning/courses/${course.id}/report.csv`);
    expect(csv.status()).toBe(200);

    await page.goto(`${journey.url}/manage/courses/${course.id}/enrolments`);
    await page.getByTestId('enrolments-table').waitFor();
    expect(await page.getByTestId('enrolment-row').count()).toBe(3);
    await page.getByTestId('enrolment-row').filter({ hasText: 'Joana Araújo' }).getByTestId('enrolment-status').filter({ hasText: learner.es.status_COMPLETED }).waitFor();
    await expectNoAxeViolations(page, 'course enrolments');
  });
});
