import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { DateTime } from 'luxon';
import { catalogues } from '@alliance/shared-i18n';
import { newAccount, type GraphQLClient } from '../support';
import { browserJourney, expectNoAxeViolations, expectNoHorizontalOverflow, gql, newOrganiser, signIn } from './browser';

/**
 * Issue 6's journey: an organiser creates and opens a two-seat workshop in the editor; three people
 * from Peru, Haiti (reading in French on a phone) and Costa Rica register, the third is waitlisted;
 * one cancels and the third is promoted at once (AUTO); they rank three actions; attendance is taken
 * (self check-in with the session code, and by the organiser); the organiser marks the workshop held;
 * a participant downloads the attendance certificate; the figures show participants by country.
 */
const ADMIN = { email: 'talleres-admin@alianza.example', password: 'Talleres-Admin-2026' };
const ui = catalogues.workshopParticipant;
type Locale = 'es' | 'fr';
const ZONE = 'America/Lima';
const PHONE = { width: 360, height: 740 };

const fill = (text: string, values: Record<string, string | number>) => Object.entries(values).reduce((acc, [k, v]) => acc.replace(`{{${k}}}`, String(v)), text);

/** Waits until `read` returns `expected` (15 s), failing with the last value seen. */
async function until<T>(read: () => Promise<T>, expected: T, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  let last: T | undefined;
  while (Date.now() - started < timeoutMs) {
    last = await read();
    if (last === expected) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(last).toBe(expected);
}

describe('workshops journey: create and open, register with waitlist, promotion, priorities, attendance, certificate, figures (Chromium)', () => {
  const journey = browserJourney(ADMIN);
  let organiser: GraphQLClient;
  const suffix = randomUUID().slice(0, 6);
  const emails = {
    organiser: `olga.${suffix}@alianza.example`,
    peru: `ana.${suffix}@minedu-pe.example`,
    haiti: `marie.${suffix}@menfp-ht.example`,
    costaRica: `carlos.${suffix}@mep-cr.example`,
  };
  const workshop = { id: '', slug: `taller-regional-${suffix}`, title: `Taller regional de evaluación ${suffix}`, titleFr: `Atelier régional d’évaluation ${suffix}`, sessionId: '' };
  const pages: Record<'organiser' | 'peru' | 'haiti' | 'costaRica', Page | null> = { organiser: null, peru: null, haiti: null, costaRica: null };

  async function newPage(locale: Locale, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const context = await journey.newContext({ viewport, locale: locale === 'fr' ? 'fr-HT' : 'es-PE', timezoneId: locale === 'fr' ? 'America/Port-au-Prince' : ZONE, acceptDownloads: true });
    // The interface language follows the stored choice, as a returning visitor's would.
    await context.addInitScript((lng) => window.localStorage.setItem('alliance.locale', lng), locale);
    return context.newPage();
  }

  async function personPage(who: 'peru' | 'haiti' | 'costaRica'): Promise<Page> {
    if (pages[who]) return pages[who]!;
    const locale: Locale = who === 'haiti' ? 'fr' : 'es';
    const page = await newPage(locale, who === 'haiti' ? PHONE : undefined);
    await signIn(page, journey.url, emails[who], locale);
    pages[who] = page;
    return page;
  }

  async function organiserPage(): Promise<Page> {
    if (pages.organiser) return pages.organiser;
    const page = await newPage('es');
    await signIn(page, journey.url, emails.organiser, 'es');
    pages.organiser = page;
    return page;
  }

  async function openWorkshopPage(page: Page): Promise<void> {
    await page.goto(`${journey.url}/workshops/${workshop.slug}`);
    await page.getByTestId('registration-panel').waitFor();
  }

  beforeAll(async () => {
    organiser = (await newOrganiser(journey, 'Olga Organizadora', emails.organiser, 'CL')).client;

    await newAccount(journey, 'Ana Quispe', emails.peru, 'PE', 'es');
    await newAccount(journey, 'Marie Joseph', emails.haiti, 'HT', 'fr');
    await newAccount(journey, 'Carlos Mora', emails.costaRica, 'CR', 'es');
  }, 240_000);

  it('the organiser creates a two-seat workshop with a question and a session in the editor, and opens it', async () => {
    const page = await organiserPage();
    await page.goto(`${journey.url}/manage/workshops/new`);
    await page.getByTestId('workshop-details-form').waitFor();
    await expectNoAxeViolations(page, 'new workshop form');

    await page.getByTestId('workshop-title-es').fill(workshop.title);
    await page.getByTestId('workshop-description-es').fill('Taller virtual para presentar la propuesta regional y priorizar las próximas acciones.');
    await page.getByRole('tab', { name: /^Francés/ }).first().click();
    await page.getByTestId('workshop-title-fr').fill(workshop.titleFr);
    await page.getByTestId('workshop-description-fr').fill('Atelier virtuel pour présenter la proposition régionale et prioriser les prochaines actions.');
    await page.getByTestId('workshop-slug').fill(workshop.slug);
    await page.getByTestId('workshop-time-zone').selectOption(ZONE);
    await page.getByTestId('workshop-capacity').fill('2');
    // Virtual: the first link field is the meeting link.
    await page.locator('input[type="url"]').first().fill('https://meet.example.org/taller-regional');
    await page.getByRole('checkbox', { name: 'Francés' }).check();
    await page.getByTestId('workshop-issuer').fill('Secretaría de la Alianza');
    // The attendance certificate's signatory (the workshop cannot open without one).
    const learningUi = catalogues.learningUi.es;
    await page.getByRole('button', { name: learningUi.addSignatory }).click();
    await page.getByLabel(learningUi.signatoryName.replace('{{number}}', '1')).fill('Ana Pérez');
    await page.getByLabel(learningUi.signatoryTitle.replace('{{number}}', '1')).fill('Secretaria Ejecutiva');
    await page.getByLabel(learningUi.signatoryOrganisation.replace('{{number}}', '1')).fill('Secretaría de la Alianza');

    // One required choice question, in Spanish and French.
    await page.getByTestId('add-question').click();
    const question = page.getByTestId('question-row').first();
    await page.getByTestId('question-type-0').selectOption('CHOICE');
    await question.locator('[data-testid$="-prompt-es"]').fill('Idioma de trabajo');
    await question.getByRole('tab', { name: /^Francés/ }).click();
    await question.locator('[data-testid$="-prompt-fr"]').fill('Langue de travail');
    await page.getByTestId('question-options-0').fill('Español\nFrançais');
    await question.getByRole('checkbox').last().check();
    await page.getByTestId('save-workshop').click();
    await page.waitForURL(/\/manage\/workshops\/[0-9a-f-]{36}\?tab=programme/);
    workshop.id = new URL(page.url()).pathname.split('/').pop()!;

    // One session that started five minutes from now: its check-in window (start - 15 min) is open.
    await page.getByTestId('programme-editor').waitFor();
    await page.getByTestId('add-session').click();
    const start = DateTime.now().setZone(ZONE).plus({ minutes: 5 });
    const session = page.getByTestId('session-form');
    await session.locator('[data-testid$="-title-es"]').fill('Sesión única');
    await session.locator('[data-testid$="-starts"]').fill(start.toFormat("yyyy-MM-dd'T'HH:mm"));
    await session.locator('[data-testid$="-ends"]').fill(start.plus({ hours: 3 }).toFormat("yyyy-MM-dd'T'HH:mm"));
    await page.getByTestId('save-session').click();
    await page.getByTestId('session-card').first().waitFor();
    await expectNoAxeViolations(page, 'workshop programme editor');

    await page.getByTestId('open-workshop').click();
    await until(async () => (await gql<{ workshop: { status: string } }>(organiser, `query($s: String!) { workshop(slug: $s) { status } }`, { s: workshop.slug })).workshop.status, 'OPEN');
    const created = await gql<{ workshop: { capacity: number; timeZone: string; questions: Array<{ type: string; options: string[] }>; sessions: Array<{ id: string }> } }>(
      organiser,
      `query($s: String!) { workshop(slug: $s) { capacity timeZone questions { type options } sessions { id } } }`,
      { s: workshop.slug },
    );
    expect(created.workshop).toMatchObject({ capacity: 2, timeZone: ZONE, questions: [{ type: 'CHOICE', options: ['Español', 'Français'] }] });
    expect(created.workshop.sessions).toHaveLength(1);
    workshop.sessionId = created.workshop.sessions[0].id;
  });

  async function register(who: 'peru' | 'haiti' | 'costaRica', option: string, label: string): Promise<Page> {
    const page = await personPage(who);
    await openWorkshopPage(page);
    const form = page.getByTestId('registration-form');
    await form.waitFor();
    await expectNoAxeViolations(page, `workshop page before registering (${label})`);
    await form.getByRole('radio', { name: option }).check();
    await page.getByTestId('consent-to-list').check();
    await page.getByTestId('register-button').click();
    await page.getByTestId('current-registration').waitFor();
    return page;
  }

  it('three participants from Peru, Haiti (French, phone) and Costa Rica register; the third is waitlisted with the position shown', async () => {
    const peru = await register('peru', 'Español', 'es');
    await peru.locator('[data-testid="current-registration"][data-status="CONFIRMED"]').waitFor();
    await peru.getByTestId('meeting-link').waitFor();

    const haiti = await register('haiti', 'Français', 'fr, phone');
    await haiti.locator('[data-testid="current-registration"][data-status="CONFIRMED"]').waitFor();
    await haiti.getByTestId('registration-notice').getByText(ui.fr.registeredNotice_CONFIRMED).waitFor();
    await haiti.getByRole('heading', { level: 1, name: workshop.titleFr }).waitFor();
    await expectNoAxeViolations(haiti, 'workshop page confirmed (fr, phone)');
    await expectNoHorizontalOverflow(haiti, 'workshop page confirmed (fr, phone)');

    const costaRica = await register('costaRica', 'Español', 'es, waitlisted');
    await costaRica.locator('[data-testid="current-registration"][data-status="WAITLISTED"]').waitFor();
    await costaRica.getByTestId('waitlist-position').getByText(fill(ui.es.waitlistPosition, { position: 1 })).waitFor();
    expect(await costaRica.getByTestId('workshop-meeting-link').count()).toBe(0);
    await expectNoAxeViolations(costaRica, 'workshop page waitlisted');
  });

  it('one cancels and the waitlisted participant is promoted at once', async () => {
    const peru = await personPage('peru');
    await openWorkshopPage(peru);
    await peru.getByTestId('cancel-registration').click();
    const dialog = peru.getByRole('dialog', { name: ui.es.cancelTitle });
    await dialog.waitFor();
    await expectNoAxeViolations(peru, 'cancel registration dialog');
    await dialog.getByTestId('confirm-cancel').click();
    await peru.getByTestId('registration-notice').getByText(ui.es.cancelledNotice).waitFor();
    await peru.locator('[data-testid="registration-status"][data-status="CANCELLED"]').waitFor();

    const costaRica = await personPage('costaRica');
    await costaRica.goto(`${journey.url}/my/workshops`);
    await costaRica.getByRole('heading', { level: 1, name: ui.es.myWorkshopsTitle }).waitFor();
    await costaRica.getByTestId('section-upcoming').locator('[data-testid="my-workshop-card"][data-status="CONFIRMED"]').waitFor();
    await expectNoAxeViolations(costaRica, 'my workshops');
    await openWorkshopPage(costaRica);
    await costaRica.locator('[data-testid="current-registration"][data-status="CONFIRMED"]').waitFor();
    await costaRica.getByTestId('meeting-link').waitFor();
  });

  it('the confirmed participants rank three actions (keyboard and buttons); the results are shown once the poll closes', async () => {
    const tr = (es: string, fr: string) => [
      { locale: 'es', value: es },
      { locale: 'fr', value: fr },
    ];
    await gql(
      organiser,
      `mutation($w: ID!, $actions: [PollActionInput!]!) { savePoll(workshopId: $w, mode: RANK, actions: $actions) { id } }`,
      {
        w: workshop.id,
        actions: [
          { title: tr('Formación docente en evaluación', 'Formation des enseignants à l’évaluation') },
          { title: tr('Evaluación nacional de aprendizajes', 'Évaluation nationale des apprentissages') },
          { title: tr('Datos abiertos de evaluación', 'Données ouvertes d’évaluation') },
        ],
      },
    );
    await gql(organiser, `mutation($w: ID!) { openPoll(workshopId: $w) { id } }`, { w: workshop.id });

    // Haiti, on the phone: move the third action to the top with the buttons.
    const haiti = await personPage('haiti');
    await openWorkshopPage(haiti);
    const haitiList = haiti.getByTestId('rank-list');
    await haitiList.waitFor();
    await expectNoAxeViolations(haiti, 'poll ballot (fr, phone)');
    await expectNoHorizontalOverflow(haiti, 'poll ballot (fr, phone)');
    const third = haitiList.getByTestId('rank-item').nth(2);
    const thirdId = (await third.getAttribute('data-action-id'))!;
    await haiti.getByTestId(`up-${thirdId}`).click();
    await haiti.getByTestId(`up-${thirdId}`).click();
    await until(async () => haitiList.getByTestId('rank-item').first().getAttribute('data-action-id'), thirdId);
    await haiti.getByTestId('submit-ballot').click();
    await haiti.getByTestId('ballot-saved').getByText(ui.fr.ballotSaved).waitFor();

    // Costa Rica, with the keyboard: lift the first action, move it down one place, drop it.
    const costaRica = await personPage('costaRica');
    await openWorkshopPage(costaRica);
    const list = costaRica.getByTestId('rank-list');
    await list.waitFor();
    const first = (await list.getByTestId('rank-item').first().getAttribute('data-action-id'))!;
    const second = (await list.getByTestId('rank-item').nth(1).getAttribute('data-action-id'))!;
    await costaRica.getByTestId(`drag-${first}`).focus();
    // dnd-kit's keyboard sensor measures positions between key presses: give it a frame or two.
    await costaRica.keyboard.press('Space');
    await costaRica.waitForTimeout(250);
    await costaRica.keyboard.press('ArrowDown');
    await costaRica.waitForTimeout(250);
    await costaRica.keyboard.press('Space');
    await until(async () => list.getByTestId('rank-item').first().getAttribute('data-action-id'), second);
    await costaRica.getByTestId('submit-ballot').click();
    await costaRica.getByTestId('ballot-saved').getByText(ui.es.ballotSaved).waitFor();

    await gql(organiser, `mutation($w: ID!) { closePoll(workshopId: $w) { id } }`, { w: workshop.id });
    const results = await gql<{ workshop: { poll: { ballots: number; results: Array<{ points: number }> } } }>(
      organiser,
      `query($s: String!) { workshop(slug: $s) { poll { ballots results { points } } } }`,
      { s: workshop.slug },
    );
    expect(results.workshop.poll.ballots).toBe(2);
    // Borda with three actions and two ballots: 2 + 1 + 0 points per ballot.
    expect(results.workshop.poll.results.reduce((sum, r) => sum + r.points, 0)).toBe(6);

    await openWorkshopPage(costaRica);
    await costaRica.getByTestId('poll-results-figure-chart').locator('svg').first().waitFor();
    await costaRica.getByTestId('poll-results-figure-table').waitFor();
    await expectNoAxeViolations(costaRica, 'poll results');
  });

  it('attendance: Haiti checks in with the session code (French, phone); the organiser marks Costa Rica and marks the workshop held', async () => {
    const codes = await gql<{ workshop: { sessions: Array<{ id: string; checkInCode: string | null }> } }>(
      organiser,
      `query($s: String!) { workshop(slug: $s) { sessions { id checkInCode } } }`,
      { s: workshop.slug },
    );
    const code = codes.workshop.sessions[0].checkInCode!;
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    const wrong = code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';

    const haiti = await personPage('haiti');
    await haiti.goto(`${journey.url}/workshops/${workshop.slug}/check-in?code=${wrong}`);
    await haiti.getByTestId('check-in-form').waitFor();
    await expectNoAxeViolations(haiti, 'check-in (fr, phone)');
    await expectNoHorizontalOverflow(haiti, 'check-in (fr, phone)');
    await haiti.getByTestId('check-in-submit').click();
    await haiti.getByTestId('check-in-error').waitFor();
    await haiti.getByTestId('check-in-code').fill(code.toLowerCase());
    await haiti.getByTestId('check-in-submit').click();
    await haiti.getByTestId('check-in-success').waitFor();
    expect(await haiti.getByTestId('check-in-success').textContent()).toContain(fill(ui.fr.checkedIn, { session: 'Sesión única' }));

    const page = await organiserPage();
    await page.goto(`${journey.url}/manage/workshops/${workshop.id}/run?tab=attendance`);
    await page.getByTestId('attendance-table').waitFor();
    const carlos = page.locator('[data-testid^="attendance-row-"]').filter({ hasText: 'Carlos Mora' });
    await carlos.getByRole('checkbox').check();
    await until(async () => page.getByTestId('attendance-count').getAttribute('data-attended'), '2');
    await expectNoAxeViolations(page, 'attendance');

    await page.goto(`${journey.url}/manage/workshops/${workshop.id}/run?tab=held`);
    await page.getByTestId('mark-held').click();
    await page.getByTestId('confirm-mark-held').click();
    await page.getByTestId('held-status').waitFor();
    await page.getByTestId('held-batch-progress').waitFor();
    await expectNoAxeViolations(page, 'workshop held');
  });

  it('a participant downloads the attendance certificate (French, phone)', async () => {
    const haiti = await personPage('haiti');
    const pdf = haiti.getByTestId('certificate-pdf');
    const started = Date.now();
    // The worker renders the PDF after the batch: look again until it is there.
    for (;;) {
      await haiti.goto(`${journey.url}/my/workshops`);
      await haiti.getByTestId('section-past').waitFor();
      if (await pdf.count()) break;
      if (Date.now() - started > 90_000) throw new Error(`no certificate after 90 s:\n${journey.portal.logs().slice(-4000)}`);
      await haiti.waitForTimeout(2000);
    }
    await expectNoAxeViolations(haiti, 'my workshops with certificate (fr, phone)');
    await expectNoHorizontalOverflow(haiti, 'my workshops with certificate (fr, phone)');
    const href = await pdf.first().getAttribute('href');
    const response = await haiti.request.get(`${journey.url}${href}`);
    expect(response.status()).toBe(200);
    expect((await response.body()).subarray(0, 4).toString('latin1')).toBe('%PDF');
  });

  it('the figures page shows participants by country', async () => {
    const page = await organiserPage();
    await page.goto(`${journey.url}/manage/workshops/${workshop.id}/run?tab=figures`);
    await page.getByTestId('figures-headline').waitFor();
    await page.getByTestId('figures-by-country-chart').locator('svg').first().waitFor();
    const table = page.getByTestId('figures-by-country-table');
    await table.getByRole('row', { name: /Haití/ }).waitFor();
    await table.getByRole('row', { name: /Costa Rica/ }).waitFor();
    expect(await page.getByTestId('figures-countries').textContent()).toContain('2');
    await expectNoAxeViolations(page, 'workshop figures');
  });
});
