import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { catalogues } from '@alliance/shared-i18n';
import { GraphQLClient, startPortal, waitForMail, type RunningPortal } from '../support';
import { expectNoAxeViolations, expectNoHorizontalOverflow, launchBrowser } from './browser';

/**
 * Issue 5's journey: an organiser publishes a two-module course with a quiz; a ministry focal point
 * enrols a team of three by e-mail; one learner (reading in Portuguese) completes it and downloads the
 * certificate; the organiser's report shows one completion from the learner's country.
 */
const ADMIN = { email: 'aprendizaje-admin@alianza.example', password: 'Aprendizaje-Admin-2026' };
const PASSWORD = 'Clave-Segura-2026';
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { id } }`;
const learner = catalogues.learnerUi;
const authTexts = catalogues.auth;
type Locale = 'es' | 'pt';

async function signIn(page: Page, url: string, email: string, locale: Locale): Promise<void> {
  const auth = authTexts[locale];
  await page.goto(`${url}/sign-in`);
  await page.getByRole('heading', { level: 1, name: auth.signInTitle }).waitFor();
  await page.getByRole('textbox', { name: auth.email, exact: true }).fill(email);
  await page.getByRole('textbox', { name: auth.password, exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: auth.signInSubmit }).click();
  await page.getByTestId('user-menu').waitFor();
}

describe('learning journey: publish, team enrolment, completion with certificate, report (Chromium)', () => {
  let portal: RunningPortal;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let admin: GraphQLClient;
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

  async function verifiedPerson(name: string, email: string, countryCode: string, locale: Locale): Promise<{ client: GraphQLClient; id: string }> {
    const client = new GraphQLClient(portal.url, locale);
    const up = await client.request(`mutation($input: SignUpInput!) { signUp(input: $input) }`, { input: { name, email, password: PASSWORD, countryCode, preferredLocale: locale } });
    expect(up.errors).toBeUndefined();
    const mail = await waitForMail(portal.url, (m) => m.to.includes(email));
    const token = new URL(mail.links.find((l) => l.includes('token='))!).searchParams.get('token');
    expect((await client.request(`mutation($token: String!) { verifyEmail(token: $token) }`, { token })).errors).toBeUndefined();
    const signedIn = await client.request<{ signIn: { id: string } }>(SIGN_IN, { input: { email, password: PASSWORD } });
    expect(signedIn.errors).toBeUndefined();
    return { client, id: signedIn.data!.signIn.id };
  }

  async function gql<T>(client: GraphQLClient, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await client.request<T>(query, variables);
    expect(result.errors).toBeUndefined();
    return result.data!;
  }

  async function newPage(locale: Locale, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: locale === 'pt' ? 'pt-BR' : 'es-ES', acceptDownloads: true });
    contexts.push(context);
    // The interface language follows the stored choice, as a returning visitor's would.
    await context.addInitScript((lng) => window.localStorage.setItem('alliance.locale', lng), locale);
    return context.newPage();
  }

  beforeAll(async () => {
    portal = await startPortal({ env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
    browser = await launchBrowser();
    admin = new GraphQLClient(portal.url, 'es');
    expect((await admin.request(SIGN_IN, { input: ADMIN })).errors).toBeUndefined();

    // The organiser.
    const olga = await verifiedPerson('Olga Organizadora', emails.organiser, 'CL', 'es');
    await gql(admin, `mutation($u: ID!) { grantRole(userId: $u, role: ORGANISER) { id } }`, { u: olga.id });
    organiser = olga.client;
    expect((await organiser.request(SIGN_IN, { input: { email: emails.organiser, password: PASSWORD } })).errors).toBeUndefined();

    // A Costa Rican ministry, member of the alliance, with Héctor as its focal point.
    const areas = (await gql<{ focusAreas: Array<{ id: string }> }>(admin, `{ focusAreas { id } }`)).focusAreas;
    const focal = await verifiedPerson('Héctor Álvarez', emails.focal, 'CR', 'es');
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
    await verifiedPerson('Joana Araújo', emails.learner, 'CR', 'pt');
    await verifiedPerson('Luis Mora', emails.colleague, 'CR', 'es');

    // The course, drafted by the organiser (two modules, a text lesson and a quiz), published later in the UI.
    const title = `Evaluación formativa ${suffix}`;
    const created = await gql<{ createCourse: { id: string; slug: string } }>(
      organiser,
      `mutation($input: CourseInput!) { createCourse(input: $input) { id slug } }`,
      {
        input: {
          slug: `evaluacion-formativa-${suffix}`,
          title: [
            { locale: 'es', value: title },
            { locale: 'pt', value: `Avaliação formativa ${suffix}` },
          ],
          summary: [{ locale: 'es', value: 'Cómo usar la evaluación para aprender.' }],
          level: 'INTRODUCTORY',
          format: 'SELF_PACED',
          estimatedHours: 4,
          languages: ['es', 'pt'],
          focusAreaIds: [areas[0].id],
          enrolmentPolicy: 'OPEN',
          certificateIssuer: 'Secretaría de la Alianza',
          certificateSignatories: [{ name: 'Ana Pérez', title: 'Secretaria Ejecutiva', organisation: 'Secretaría de la Alianza' }],
        },
      },
    );
    course = { id: created.createCourse.id, slug: created.createCourse.slug, title };
    const m1 = await gql<{ addModule: { id: string } }>(organiser, `mutation($c: ID!, $t: [LocalizedTextInput!]!) { addModule(courseId: $c, title: $t) { id } }`, {
      c: course.id,
      t: [{ locale: 'es', value: 'Fundamentos' }],
    });
    const m2 = await gql<{ addModule: { id: string } }>(organiser, `mutation($c: ID!, $t: [LocalizedTextInput!]!) { addModule(courseId: $c, title: $t) { id } }`, {
      c: course.id,
      t: [{ locale: 'es', value: 'Práctica' }],
    });
    await gql(organiser, `mutation($m: ID!, $input: LessonInput!) { addLesson(moduleId: $m, input: $input) { id } }`, {
      m: m1.addModule.id,
      input: {
        type: 'TEXT',
        title: [{ locale: 'es', value: 'Qué es evaluar' }, { locale: 'pt', value: 'O que é avaliar' }],
        body: [{ locale: 'es', value: 'Evaluar es **aprender**.' }, { locale: 'pt', value: 'Avaliar é **aprender**.' }],
        required: true,
      },
    });
    const quizLesson = await gql<{ addLesson: { id: string } }>(organiser, `mutation($m: ID!, $input: LessonInput!) { addLesson(moduleId: $m, input: $input) { id } }`, {
      m: m2.addModule.id,
      input: { type: 'QUIZ', title: [{ locale: 'es', value: 'Cuestionario final' }, { locale: 'pt', value: 'Questionário final' }], required: true },
    });
    await gql(organiser, `mutation($l: ID!, $input: QuizInput!) { saveQuiz(lessonId: $l, input: $input) { id } }`, {
      l: quizLesson.addLesson.id,
      input: {
        passMark: 100,
        maxAttempts: 3,
        questions: [
          {
            kind: 'SINGLE',
            prompt: [{ locale: 'es', value: '¿Cuándo se evalúa formativamente?' }, { locale: 'pt', value: 'Quando se avalia formativamente?' }],
            options: [
              { text: [{ locale: 'es', value: 'Durante el aprendizaje' }, { locale: 'pt', value: 'Durante a aprendizagem' }], correct: true },
              { text: [{ locale: 'es', value: 'Solo al final' }, { locale: 'pt', value: 'Só no final' }], correct: false },
            ],
          },
        ],
      },
    });
  }, 240_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await portal?.stop();
  });

  it('the organiser publishes the course in the editor', async () => {
    const page = await newPage('es');
    await signIn(page, portal.url, emails.organiser, 'es');
    await page.goto(`${portal.url}/manage/courses/${course.id}`);
    await page.getByTestId('publish-course').click();
    await page.getByTestId('course-status').filter({ hasText: catalogues.learningUi.es.status_PUBLISHED }).waitFor();
  });

  it('the focal point enrols a team of three by e-mail (Spanish)', async () => {
    const page = await newPage('es');
    await signIn(page, portal.url, emails.focal, 'es');
    await page.goto(`${portal.url}/courses/${course.slug}`);
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
    await waitForMail(portal.url, (m) => m.to.includes(emails.newcomer));
    await page.goto(`${portal.url}/learning/team`);
    expect(await page.getByTestId('team-row').count()).toBe(3);
  });

  it('a learner completes the course in Portuguese and downloads the certificate', async () => {
    const page = await newPage('pt', { width: 360, height: 740 });
    await signIn(page, portal.url, emails.learner, 'pt');
    await page.goto(`${portal.url}/learning`);
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
    await page.goto(`${portal.url}/certificates`);
    const pdfLink = page.getByTestId('download-pdf').first();
    await pdfLink.waitFor({ timeout: 60_000 });
    const href = await pdfLink.getAttribute('href');
    const response = await page.request.get(`${portal.url}${href}`);
    expect(response.status()).toBe(200);
    expect((await response.body()).subarray(0, 4).toString('latin1')).toBe('%PDF');
  });

  it('the organiser’s report shows one completion from Costa Rica', async () => {
    const page = await newPage('es');
    await signIn(page, portal.url, emails.organiser, 'es');
    await page.goto(`${portal.url}/manage/courses/${course.id}/report`);
    await page.getByTestId('report-completed').filter({ hasText: /^1$/ }).waitFor();
    await page.getByTestId('report-by-country-chart').locator('svg').first().waitFor();
    await page.getByTestId('report-by-country-table').getByRole('row', { name: /Costa Rica \d+ \d+ 1$/ }).waitFor();
    await expectNoAxeViolations(page, 'course report');
    const csv = await page.request.get(`${portal.url}/api/learning/courses/${course.id}/report.csv`);
    expect(csv.status()).toBe(200);

    await page.goto(`${portal.url}/manage/courses/${course.id}/enrolments`);
    await page.getByTestId('enrolments-table').waitFor();
    expect(await page.getByTestId('enrolment-row').count()).toBe(3);
    await page.getByTestId('enrolment-row').filter({ hasText: 'Joana Araújo' }).getByTestId('enrolment-status').filter({ hasText: learner.es.status_COMPLETED }).waitFor();
    await expectNoAxeViolations(page, 'course enrolments');
  });
});
