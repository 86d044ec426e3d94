import type { Browser, BrowserContext, Page } from 'playwright-core';
import { GraphQLClient, createScratchDatabase, startPortal, waitForMail, type RunningPortal } from '../support';
import { expectNoAxeViolations, expectNoHorizontalOverflow, launchBrowser } from './browser';

/**
 * Every route of apps/web/src/app/routes.tsx, on the demo data, in the four languages, on a phone
 * (360 x 740) and a desktop (1280 x 900): axe finds nothing, nothing scrolls sideways, and the
 * keyboard starts at the skip link, which leads into the focusable main region.
 */
const LOCALES = ['es', 'en', 'pt', 'fr'] as const;
type Locale = (typeof LOCALES)[number];
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 740 };
const DEMO_PASSWORD = 'Alianza-Demo-2026';
const DEMO_ADMIN = 'admin@alianza.example';
/** Represents the Costa Rican ministry in the demo, and is its focal point. */
const DEMO_PARTICIPANT = 'andres.villalobos@mep-cr.example';
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { id name } }`;

type Role = 'anonymous' | 'participant' | 'admin';

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 60_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('accessibility sweep: every page, four languages, phone and desktop (Chromium)', () => {
  let portal: RunningPortal;
  let scratch: { url: string; drop(): Promise<void> } | undefined;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const routes: Record<Role, string[]> = { anonymous: [], participant: [], admin: [] };
  /** How long each page took, so a slow page shows up in the log rather than as a sweep timeout. */
  const timings: Array<{ label: string; ms: number }> = [];

  beforeAll(async () => {
    // The demo data only loads into a database without organisations: give this portal its own.
    scratch = await createScratchDatabase('sweep');
    portal = await startPortal({ env: { SEED_DEMO: 'true', DATABASE_URL: scratch.url } });
    const url = portal.url;
    browser = await launchBrowser();

    // The seed runs right after /ready: wait for its last pending application.
    const admin = new GraphQLClient(url, 'es');
    await until('the demo administrator', async () => !(await admin.request(SIGN_IN, { input: { email: DEMO_ADMIN, password: DEMO_PASSWORD } })).errors);
    const pending = await until('the demo applications', async () => {
      const list = await admin.request<{ membershipApplications: { edges: Array<{ node: { id: string; organisationName: string; status: string } }> } }>(
        `{ membershipApplications(first: 100) { edges { node { id organisationName status } } } }`,
      );
      const nodes = list.data?.membershipApplications.edges.map((e) => e.node) ?? [];
      return nodes.some((n) => n.organisationName.startsWith('EdTech')) && nodes;
    });
    const underReview = pending.find((n) => n.status === 'UNDER_REVIEW')!;

    const participant = new GraphQLClient(url, 'es');
    const me = await participant.request<{ signIn: { id: string; name: string } }>(SIGN_IN, { input: { email: DEMO_PARTICIPANT, password: DEMO_PASSWORD } });
    expect(me.errors).toBeUndefined();
    const orgs = await participant.request<{ myOrganisations: Array<{ id: string; slug: string; country: { code: string } }> }>(`{ myOrganisations { id slug country { code } } }`);
    const organisation = orgs.data!.myOrganisations[0];

    // A certificate for the participant (rendered by the worker), to list and to verify.
    const issued = await admin.request<{ issueParticipationCertificates: { id: string } }>(
      `mutation($input: IssueParticipationInput!) { issueParticipationCertificates(input: $input) { id } }`,
      {
        input: {
          title: 'Encuentro regional de innovación educativa',
          hours: 12,
          startDate: '2026-03-02',
          endDate: '2026-03-04',
          issuerName: 'Secretaría de la Alianza',
          signatories: [{ name: 'Ana Pérez', title: 'Secretaria Ejecutiva', organisation: 'Secretaría de la Alianza' }],
          recipients: [{ name: me.data!.signIn.name, email: DEMO_PARTICIPANT }],
        },
      },
    );
    expect(issued.errors).toBeUndefined();
    const code = await until('the rendered certificate', async () => {
      const mine = await participant.request<{ myCertificates: { edges: Array<{ node: { code: string; renderStatus: string } }> } }>(
        `{ myCertificates(first: 5) { edges { node { code renderStatus } } } }`,
      );
      return mine.data?.myCertificates.edges.find((e) => e.node.renderStatus === 'RENDERED')?.node.code;
    });

    // An invitation link and a password-reset link, as the e-mails carry them.
    const invitee = `colega.a11y@mep-cr.example`;
    const invited = await participant.request(`mutation($o: ID!, $e: String!) { inviteToOrganisation(organisationId: $o, email: $e, role: MEMBER) { id } }`, {
      o: organisation.id,
      e: invitee,
    });
    expect(invited.errors).toBeUndefined();
    const invitation = await waitForMail(url, (m) => m.to.includes(invitee) && m.links.some((l) => l.includes('/invitations/')));
    const invitationPath = new URL(invitation.links.find((l) => l.includes('/invitations/'))!).pathname;
    await new GraphQLClient(url, 'es').request(`mutation($e: String!) { requestPasswordReset(email: $e) }`, { e: 'k.thompson@moey-jm.example' });
    const reset = await waitForMail(url, (m) => m.to.includes('k.thompson@moey-jm.example') && m.links.some((l) => l.includes('/reset-password')));
    const resetLink = new URL(reset.links.find((l) => l.includes('/reset-password'))!);

    routes.anonymous = [
      '/',
      '/sign-up',
      '/check-email?email=ana%40example.org',
      '/verify-email?token=not-a-real-token',
      '/sign-in',
      '/forgot-password',
      `${resetLink.pathname}${resetLink.search}`,
      '/dev/mail',
      '/verify',
      `/verify/${code}`,
      invitationPath,
      '/alliance/directory',
      `/alliance/organisations/${organisation.slug}`,
      `/alliance/countries/${organisation.country.code}`,
      '/no-such-page',
    ];
    routes.participant = [
      '/profile',
      '/certificates',
      '/notifications',
      '/settings/notifications',
      '/alliance/apply',
      '/alliance/applications',
      '/alliance/organisations',
      `/alliance/organisations/${organisation.slug}/manage`,
    ];
    routes.admin = [
      '/admin/users',
      '/admin/certificates',
      '/admin/queues',
      '/admin/audit',
      '/admin/applications',
      `/admin/applications/${underReview.id}`,
      '/admin/alliance',
      '/admin/alliance/reference',
      '/admin/no-such-page',
    ];

    // Learning (issue 5): a published course with a text lesson and a quiz, the participant enrolled.
    const ask = async <T,>(client: GraphQLClient, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
      const result = await client.request<T>(query, variables);
      expect(result.errors).toBeUndefined();
      return result.data!;
    };
    const areas = (await ask<{ focusAreas: Array<{ id: string }> }>(admin, `{ focusAreas { id } }`)).focusAreas;
    const created = await ask<{ createCourse: { id: string; slug: string; offerings: Array<{ id: string }> } }>(
      admin,
      `mutation($input: CourseInput!) { createCourse(input: $input) { id slug offerings { id } } }`,
      {
        input: {
          slug: 'barrido-accesibilidad',
          title: [{ locale: 'es', value: 'Evaluación formativa' }],
          summary: [{ locale: 'es', value: 'Cómo usar la evaluación para aprender.' }],
          level: 'INTRODUCTORY',
          format: 'SELF_PACED',
          estimatedHours: 2,
          languages: ['es'],
          focusAreaIds: [areas[0].id],
          enrolmentPolicy: 'OPEN',
          certificateIssuer: 'Secretaría de la Alianza',
          certificateSignatories: [{ name: 'Ana Pérez', title: 'Secretaria Ejecutiva', organisation: 'Secretaría de la Alianza' }],
        },
      },
    );
    const learningCourse = created.createCourse;
    const learningModule = await ask<{ addModule: { id: string } }>(admin, `mutation($c: ID!) { addModule(courseId: $c, title: [{ locale: "es", value: "Fundamentos" }]) { id } }`, { c: learningCourse.id });
    const textLesson = await ask<{ addLesson: { id: string } }>(admin, `mutation($m: ID!, $input: LessonInput!) { addLesson(moduleId: $m, input: $input) { id } }`, {
      m: learningModule.addModule.id,
      input: { type: 'TEXT', title: [{ locale: 'es', value: 'Qué es evaluar' }], body: [{ locale: 'es', value: 'Evaluar es **aprender**.' }], required: true },
    });
    const quizLesson = await ask<{ addLesson: { id: string } }>(admin, `mutation($m: ID!, $input: LessonInput!) { addLesson(moduleId: $m, input: $input) { id } }`, {
      m: learningModule.addModule.id,
      input: { type: 'QUIZ', title: [{ locale: 'es', value: 'Cuestionario' }], required: true },
    });
    await ask(admin, `mutation($l: ID!, $input: QuizInput!) { saveQuiz(lessonId: $l, input: $input) { id } }`, {
      l: quizLesson.addLesson.id,
      input: {
        passMark: 50,
        maxAttempts: 2,
        questions: [
          {
            kind: 'MULTIPLE',
            prompt: [{ locale: 'es', value: '¿Qué instrumentos sirven?' }],
            options: [
              { text: [{ locale: 'es', value: 'Rúbricas' }], correct: true },
              { text: [{ locale: 'es', value: 'Ninguno' }], correct: false },
            ],
          },
        ],
      },
    });
    await ask(admin, `mutation($id: ID!) { publishCourse(id: $id) { id } }`, { id: learningCourse.id });
    await ask(participant, `mutation($o: ID!) { enrol(offeringId: $o) { id } }`, { o: learningCourse.offerings[0].id });
    routes.participant.push(
      '/learning',
      '/learning/team',
      `/learning/team/${learningCourse.slug}`,
      `/learn/${learningCourse.slug}/lessons/${textLesson.addLesson.id}`,
      `/learn/${learningCourse.slug}/lessons/${quizLesson.addLesson.id}`,
    );
    routes.admin.push(`/manage/courses/${learningCourse.id}/report`, `/manage/courses/${learningCourse.id}/enrolments`);

    // Catalogue, course page, programmes and authoring: a published programme holding that course.
    const programme = await ask<{ createProgramme: { id: string; slug: string } }>(
      admin,
      `mutation($input: ProgrammeInput!) { createProgramme(input: $input) { id slug } }`,
      {
        input: {
          slug: 'itinerario-accesibilidad',
          title: [{ locale: 'es', value: 'Itinerario de evaluación' }],
          summary: [{ locale: 'es', value: 'Cursos sobre evaluación formativa, en orden.' }],
          courseIds: [learningCourse.id],
          certificateIssuer: 'Secretaría de la Alianza',
          certificateSignatories: [{ name: 'Ana Pérez', title: 'Secretaria Ejecutiva', organisation: 'Secretaría de la Alianza' }],
        },
      },
    );
    await ask(admin, `mutation($id: ID!) { publishProgramme(id: $id) { id } }`, { id: programme.createProgramme.id });
    routes.anonymous.push('/courses', '/courses?level=INTRODUCTORY&open=1', `/courses/${learningCourse.slug}`, '/programmes', `/programmes/${programme.createProgramme.slug}`);
    routes.participant.push(`/courses/${learningCourse.slug}`, `/programmes/${programme.createProgramme.slug}`);
    routes.admin.push(
      '/manage/courses',
      '/manage/courses/new',
      `/manage/courses/${learningCourse.id}`,
      `/manage/courses/${learningCourse.id}?tab=structure`,
      `/manage/courses/${learningCourse.id}?tab=offerings`,
      `/manage/courses/${learningCourse.id}/preview`,
      `/manage/courses/${learningCourse.id}/preview?lesson=${quizLesson.addLesson.id}`,
      '/manage/programmes',
      '/manage/programmes/new',
      `/manage/programmes/${programme.createProgramme.slug}`,
    );

    // Workshops (issue 6): the list, a workshop page (the demo one when seeded, and one made here with a
    // session and an agenda item, open for registration), the organisers' list and editor tabs.
    const sweepWorkshop = await ask<{ createWorkshop: { id: string; slug: string } }>(
      admin,
      `mutation($input: WorkshopInput!) { createWorkshop(input: $input) { id slug } }`,
      {
        input: {
          slug: 'barrido-taller',
          title: [{ locale: 'es', value: 'Taller regional de evaluación' }],
          description: [{ locale: 'es', value: 'Propuesta de marco regional y priorización de acciones.' }],
          mode: 'HYBRID',
          timeZone: 'America/Lima',
          venue: 'Lima, Perú',
          capacity: 60,
          audience: 'OPEN',
          approvalRequired: false,
          waitlistMode: 'AUTO',
          languages: ['es', 'en'],
          certificateIssuer: 'Secretaría de la Alianza',
          certificateSignatories: [{ name: 'Ana Pérez', title: 'Secretaria Ejecutiva', organisation: 'Secretaría de la Alianza' }],
          questions: [{ type: 'CONSENT', prompt: [{ locale: 'es', value: 'Acepto aparecer en la lista de participantes.' }], options: [], required: false }],
        },
      },
    );
    const sweepStart = new Date(Date.now() + 30 * 24 * 3600 * 1000);
    sweepStart.setUTCHours(15, 0, 0, 0);
    const sweepSession = await ask<{ saveSession: { sessions: Array<{ id: string }> } }>(
      admin,
      `mutation($w: ID!, $input: SessionInput!) { saveSession(workshopId: $w, input: $input) { sessions { id } } }`,
      { w: sweepWorkshop.createWorkshop.id, input: { title: [{ locale: 'es', value: 'Presentación' }], startsAt: sweepStart.toISOString(), endsAt: new Date(sweepStart.getTime() + 2 * 3600 * 1000).toISOString() } },
    );
    await ask(admin, `mutation($input: AgendaItemInput!) { saveAgendaItem(input: $input) { id } }`, {
      input: {
        sessionId: sweepSession.saveSession.sessions[0].id,
        title: [{ locale: 'es', value: 'Bienvenida' }],
        speakers: 'Ana Pérez',
        startsAt: sweepStart.toISOString(),
        endsAt: new Date(sweepStart.getTime() + 3600 * 1000).toISOString(),
      },
    });
    await ask(admin, `mutation($id: ID!) { openWorkshop(id: $id) { id } }`, { id: sweepWorkshop.createWorkshop.id });
    const listed = await ask<{ workshops: { edges: Array<{ node: { slug: string } }> } }>(admin, `{ workshops(upcoming: true, first: 5) { edges { node { slug } } } }`);
    const demoWorkshop = listed.workshops.edges.map((e) => e.node.slug).find((slug) => slug !== sweepWorkshop.createWorkshop.slug);
    const workshopPages = [`/workshops/${sweepWorkshop.createWorkshop.slug}`, ...(demoWorkshop ? [`/workshops/${demoWorkshop}`] : [])];
    routes.anonymous.push('/workshops', '/workshops?when=past', ...workshopPages);
    routes.participant.push(...workshopPages);
    routes.admin.push(
      '/manage/workshops',
      '/manage/workshops/new',
      `/manage/workshops/${sweepWorkshop.createWorkshop.id}`,
      `/manage/workshops/${sweepWorkshop.createWorkshop.id}?tab=programme`,
      `/manage/workshops/${sweepWorkshop.createWorkshop.id}?tab=materials`,
      `/manage/workshops/${sweepWorkshop.createWorkshop.id}?tab=organisers`,
      `/manage/workshops/${sweepWorkshop.createWorkshop.id}?tab=invitations`,
    );
    // Running the workshop (web helper C): the participant registers (confirmed), a two-action poll is set up.
    const sweepRegistration = await participant.request(
      `mutation($w: ID!, $answers: [RegistrationAnswerInput!]!) { registerForWorkshop(workshopId: $w, answers: $answers, consentToList: true) { id status } }`,
      { w: sweepWorkshop.createWorkshop.id, answers: [] },
    );
    expect(sweepRegistration.errors).toBeUndefined();
    await ask(admin, `mutation($w: ID!, $actions: [PollActionInput!]!) { savePoll(workshopId: $w, mode: RANK, actions: $actions) { id } }`, {
      w: sweepWorkshop.createWorkshop.id,
      actions: [{ title: [{ locale: 'es', value: 'Red regional de formación docente' }] }, { title: [{ locale: 'es', value: 'Observatorio de innovación' }] }],
    });
    const runPath = `/manage/workshops/${sweepWorkshop.createWorkshop.id}/run`;
    routes.admin.push(runPath, `${runPath}?tab=attendance`, `${runPath}?tab=priorities`, `${runPath}?tab=figures`, `${runPath}?tab=held`);
    // Evidence bank: the demo seed holds published items and one awaiting review.
    const published = await ask<{ evidenceSearch: { hits: Array<{ item: { id: string } }> } }>(admin, `{ evidenceSearch(first: 1) { hits { item { id } } } }`);
    const evidenceId = published.evidenceSearch.hits[0].item.id;
    const queue = await ask<{ evidenceReviewQueue: { edges: Array<{ node: { id: string } }> } }>(admin, `{ evidenceReviewQueue(first: 1) { edges { node { id } } } }`);
    const awaitingId = queue.evidenceReviewQueue.edges[0].node.id;
    routes.anonymous.push('/evidence', '/evidence?q=evaluacion', `/evidence/${evidenceId}`);
    routes.participant.push('/my/evidence', '/evidence/new');
    routes.admin.push('/manage/evidence', `/manage/evidence/${awaitingId}`, `/evidence/${evidenceId}/edit`);
    // Working tables and technical groups: the demo seed holds an open table, a request under review and a group.
    const tables = await ask<{ myTables: { edges: Array<{ node: { id: string; status: string } }> } }>(admin, `{ myTables(first: 20) { edges { node { id status } } } }`);
    const openTable = tables.myTables.edges.find((e) => e.node.status === 'OPEN')!.node.id;
    const requestedTable = tables.myTables.edges.find((e) => e.node.status === 'REQUESTED')!.node.id;
    const groups = await ask<{ myTechnicalGroups: { edges: Array<{ node: { id: string } }> } }>(admin, `{ myTechnicalGroups(first: 1) { edges { node { id } } } }`);
    const groupPath = `/groups/${groups.myTechnicalGroups.edges[0].node.id}`;
    routes.participant.push('/tables', '/tables/new', '/groups');
    routes.admin.push(
      '/tables',
      '/manage/tables',
      `/tables/${requestedTable}`,
      `/tables/${openTable}`,
      ...['sessions', 'forum', 'documents', 'commitments'].map((tab) => `/tables/${openTable}?tab=${tab}`),
      '/groups',
      groupPath,
      ...['meetings', 'forum', 'documents', 'deliverables'].map((tab) => `${groupPath}?tab=${tab}`),
    );
    // A11Y_ONLY=<text>[,<text>...] narrows the sweep to the routes containing one of them (to look into one area quickly).
    const only = process.env.A11Y_ONLY;
    if (only) for (const role of Object.keys(routes) as Role[]) routes[role] = routes[role].filter((path) => only.split(',').some((part) => path.includes(part)));
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await portal?.stop();
    await scratch?.drop();
  });

  async function pageFor(role: Role): Promise<Page> {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'es-ES' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${portal.url}/`);
    if (role !== 'anonymous') {
      const email = role === 'admin' ? DEMO_ADMIN : DEMO_PARTICIPANT;
      await page.goto(`${portal.url}/sign-in`);
      await page.locator('input[type="email"]').fill(email);
      await page.locator('input[type="password"]').fill(DEMO_PASSWORD);
      await page.locator('form button[type="submit"]').click();
      await page.getByTestId('user-menu').waitFor();
    }
    return page;
  }

  /** The page's h1 is there, in the right language, and nothing is loading any more. */
  async function settled(page: Page, locale: Locale): Promise<void> {
    await page.locator('h1').first().waitFor();
    await page.waitForFunction((l) => document.documentElement.lang === l, locale);
    await page.waitForFunction(() => !document.querySelector('[role="status"] .mantine-Loader-root'));
    // Fonts, charts and Mantine's transitions come to rest before axe reads colours.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  }

  async function sweep(role: Role, failures: string[]): Promise<void> {
    const page = await pageFor(role);
    page.setDefaultTimeout(10_000);
    const record = async (label: string, check: () => Promise<void>) => {
      try {
        await check();
      } catch (error) {
        // eslint-disable-next-line no-control-regex -- jest colours its messages
        failures.push(`${label}: ${(error as Error).message.replace(/\u001b\[\d+m/g, '')}`);
      }
    };
    for (const locale of LOCALES) {
      // The language as people choose it: the switcher in the header (remembered in localStorage).
      await page.getByTestId('language-switcher').selectOption(locale);
      await page.waitForFunction((l) => document.documentElement.lang === l, locale);
      for (const path of routes[role]) {
        const label = `${role} ${locale} ${path}`;
        const routeStarted = Date.now();
        await record(label, async () => {
          await page.setViewportSize(DESKTOP);
          await page.goto(`${portal.url}${path}`);
          await settled(page, locale);

          // Keyboard: the first Tab lands on the skip link, which leads into the focusable main region.
          await page.keyboard.press('Tab');
          const first = await page.evaluate(() => document.activeElement?.className ?? '');
          expect({ page: label, firstTab: first }).toEqual({ page: label, firstTab: expect.stringContaining('skip-link') });
          await page.keyboard.press('Enter');
          await page.waitForFunction(() => document.activeElement?.id === 'main').catch(() => undefined);
          const focused = await page.evaluate(() => {
            const main = document.activeElement?.id === 'main';
            const heading = document.querySelector<HTMLElement>('main h1');
            heading?.focus();
            const headingFocusable = !!heading && document.activeElement === heading;
            heading?.blur();
            return { main, headingFocusable };
          });
          expect({ page: label, ...focused }).toEqual({ page: label, main: true, headingFocusable: true });
        });
        await record(label, async () => {
          await expectNoHorizontalOverflow(page, `${label} (1280 px)`);
          // axe at desktop width once (Spanish): the four languages are all checked at phone width
          // below, where layouts are tightest; the same markup and colours serve both widths.
          if (locale === 'es') await expectNoAxeViolations(page, `${label} (1280 px)`);
        });
        await record(label, async () => {
          await page.setViewportSize(PHONE);
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          await settled(page, locale);
          await expectNoHorizontalOverflow(page, `${label} (360 px)`);
          // The fixed header does not widen the page, so it is measured on its own.
          const header = await page.evaluate(() => {
            const bar = document.querySelector('header > div');
            return bar ? Math.max(0, bar.scrollWidth - bar.clientWidth) : 0;
          });
          expect({ page: `${label} header (360 px)`, overflow: header }).toEqual({ page: `${label} header (360 px)`, overflow: 0 });
          await expectNoAxeViolations(page, `${label} (360 px)`);
        });
        timings.push({ label, ms: Date.now() - routeStarted });
      }
    }
  }

  it('finds no axe violations, no sideways scrolling and a working skip link on any page', async () => {
    const failures: string[] = [];
    const started = Date.now();
    // One context per role, the three roles side by side.
    await Promise.all((['anonymous', 'participant', 'admin'] as const).map((role) => sweep(role, failures)));
    process.stdout.write(`a11y sweep: ${Object.values(routes).flat().length} routes x 4 languages x 2 sizes (axe at 1280 px in es) in ${Math.round((Date.now() - started) / 1000)} s\n`);
    const slowest = [...timings].sort((a, b) => b.ms - a.ms).slice(0, 8);
    process.stdout.write(`slowest pages: ${slowest.map((t) => `${t.label} ${(t.ms / 1000).toFixed(1)} s`).join('; ')}\n`);
    expect(failures).toEqual([]);
  }, 2_400_000);
});
