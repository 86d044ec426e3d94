import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { DateTime } from 'luxon';
import { Client } from 'pg';
import PDFDocument from 'pdfkit';
import type { DataSource } from 'typeorm';
import { catalogues } from '@alliance/shared-i18n';
import { grantOrganisationRole, makeMinistry } from '@alliance/server-collaboration';
import { newAccount } from '../support';
import { browserJourney, expectNoAxeViolations, expectNoHorizontalOverflow, gql, signIn } from './browser';

/**
 * Issue 8's journey: Peru's ministry of education asks for a working table with Colombia's ministry
 * (the 15-day rule refuses a first session 10 days ahead, in words); Colombia's focal point, reading
 * in English, confirms with her participant; a moderator approves it, moderating it herself; the
 * Colombian participant starts a forum thread and shares a PDF that downloads byte for byte; Peru's
 * focal point records a commitment with Colombia responsible, the Colombian participant marks it done
 * and the accountability view shows 100 %; an outsider who opens the table's addresses learns nothing.
 */
const ADMIN = { email: 'mesas-admin@alianza.example', password: 'Mesas-Admin-2026' };
const ZONE = 'America/Lima';
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
const tables = catalogues.collaboration;
const meetings = catalogues.collaborationMeetings;
const records = catalogues.collaborationRecords;
type Locale = 'es' | 'en';
type Who = 'peru' | 'colombia' | 'participant' | 'moderator' | 'outsider';

const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => String(values[name] ?? ''));
/** Figures are formatted with (narrow) no-break spaces: compare without any spaces. */
const compact = (text: string | null) => (text ?? '').replace(/\s/g, '');

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

/** A small but real PDF (pdfkit): the API detects the type from its bytes, and the download is compared byte for byte. */
function makePdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', info: { Title: 'Diagnóstico de la evaluación formativa en escuelas rurales' } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(18).text('Diagnóstico de la evaluación formativa en escuelas rurales');
    doc.moveDown().fontSize(11).text('Secretaría de Educación de Boyacá y Ministerio de Educación Nacional, 2025.');
    doc.end();
  });
}

/**
 * Axe at desktop and phone width (and nothing scrolls sideways on the phone), then back to the
 * desktop. Charts measure their box with a ResizeObserver: the overflow check gives them a moment to
 * follow the narrower window (a real overflow stays and fails).
 */
async function checkedAtBothWidths(page: Page, label: string): Promise<void> {
  await expectNoAxeViolations(page, `${label} (1280 px)`);
  await page.setViewportSize(PHONE);
  await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, undefined, { timeout: 3_000 }).catch(() => undefined);
  await expectNoHorizontalOverflow(page, `${label} (360 px)`);
  await expectNoAxeViolations(page, `${label} (360 px)`);
  await page.setViewportSize(DESKTOP);
}

describe('collaboration journey: request a working table, confirm, approve, forum, documents, commitments, and nothing for outsiders (Chromium)', () => {
  const journey = browserJourney(ADMIN);
  const suffix = randomUUID().slice(0, 6);
  const people: Record<Who | 'peruTeam', { name: string; email: string; country: string; locale: Locale }> = {
    peru: { name: 'Rosa Huamán Quispe', email: `rosa.huaman.${suffix}@minedu-pe.example`, country: 'PE', locale: 'es' },
    peruTeam: { name: 'Miguel Ángel Condori Mamani', email: `miguel.condori.${suffix}@minedu-pe.example`, country: 'PE', locale: 'es' },
    colombia: { name: 'Catalina Restrepo Gómez', email: `catalina.restrepo.${suffix}@mineducacion-co.example`, country: 'CO', locale: 'en' },
    participant: { name: 'Luisa Fernanda Ortiz Beltrán', email: `luisa.ortiz.${suffix}@mineducacion-co.example`, country: 'CO', locale: 'es' },
    moderator: { name: 'Patricia Méndez Salazar', email: `patricia.mendez.${suffix}@alianza.example`, country: 'PA', locale: 'es' },
    outsider: { name: 'Jorge Villalobos Araya', email: `jorge.villalobos.${suffix}@correo-cl.example`, country: 'CL', locale: 'es' },
  };
  const ministries = { peru: { id: '', name: `Ministerio de Educación del Perú ${suffix}` }, colombia: { id: '', name: `Ministerio de Educación Nacional de Colombia ${suffix}` } };
  const table = {
    id: '',
    title: `Evaluación formativa en escuelas rurales multigrado ${suffix}`,
    description: 'Intercambiar cómo Perú y Colombia acompañan la evaluación formativa en escuelas rurales multigrado, y acordar una guía común para los equipos regionales.',
    agenda: '1. Presentación de las experiencias de cada ministerio\n2. Instrumentos de evaluación formativa\n3. Próximos pasos y compromisos',
  };
  const thread = { title: 'Instrumentos de evaluación formativa en aulas multigrado', body: 'Compartimos el diagnóstico de Boyacá: ¿podrían comentar cómo adaptan las rúbricas en Cusco y Puno?' };
  const sharedFile = { title: 'Diagnóstico de evaluación formativa en Boyacá', filename: 'diagnostico-evaluacion-boyaca.pdf', description: 'Resultados del diagnóstico 2025 en 40 sedes rurales.' };
  const commitment = {
    title: 'Compartir la guía de rúbricas para aulas multigrado',
    description: 'El Ministerio de Educación Nacional comparte su guía de rúbricas adaptada a las aulas multigrado.',
    note: 'La guía se compartió en la sección de documentos y se presentó a los equipos de Cusco.',
  };
  let pdf: Buffer;
  let documentHref = '';
  const pages: Partial<Record<Who, Page>> = {};

  /**
   * Each person in a browser of their own. The Colombian focal point's browser speaks Spanish: the
   * portal switches to English, her saved language, once she has signed in.
   */
  async function personPage(who: Who): Promise<Page> {
    const existing = pages[who];
    if (existing) return existing;
    const person = people[who];
    const context = await journey.newContext({
      viewport: DESKTOP,
      locale: person.country === 'CO' ? 'es-CO' : person.country === 'PE' ? 'es-PE' : 'es-419',
      timezoneId: person.country === 'CO' ? 'America/Bogota' : person.country === 'PA' ? 'America/Panama' : person.country === 'CL' ? 'America/Santiago' : ZONE,
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await signIn(page, journey.url, person.email, 'es');
    if (person.locale !== 'es') await page.waitForFunction((lng) => document.documentElement.lang === lng, person.locale);
    pages[who] = page;
    return page;
  }

  /** Opens the table's page (a tab of it) and waits for its heading. */
  async function openTable(page: Page, tab?: 'forum' | 'documents' | 'commitments'): Promise<void> {
    await page.goto(`${journey.url}/tables/${table.id}${tab ? `?tab=${tab}` : ''}`);
    await page.getByRole('heading', { level: 1, name: table.title }).waitFor();
  }

  beforeAll(async () => {
    pdf = await makePdf();
    const ids = {} as Record<Who | 'peruTeam', string>;
    for (const who of Object.keys(people) as Array<Who | 'peruTeam'>) {
      const person = people[who];
      ids[who] = (await newAccount(journey, person.name, person.email, person.country, person.locale)).id;
    }

    // The secretariat's moderator: the role comes from the administrator, as on the roles page.
    await gql(journey.admin, `mutation($u: ID!) { grantRole(userId: $u, role: MODERATOR) { id } }`, { u: ids.moderator });

    // The two ministries, active members, each with its focal point (no page of this issue makes them).
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      const rows = { query: async (sql: string, params?: unknown[]) => (await db.query(sql, params)).rows } as unknown as DataSource;
      ministries.peru.id = await makeMinistry(rows, 'PE', ministries.peru.name);
      ministries.colombia.id = await makeMinistry(rows, 'CO', ministries.colombia.name);
      await grantOrganisationRole(rows, ids.peru, ministries.peru.id, 'FOCAL_POINT');
      await grantOrganisationRole(rows, ids.colombia, ministries.colombia.id, 'FOCAL_POINT');
    } finally {
      await db.end();
    }
  }, 240_000);

  it("Peru's focal point requests a table with Colombia's ministry; a first session 10 days ahead is refused in words, 20 days ahead goes through", async () => {
    const ui = tables.es;
    const page = await personPage('peru');
    await page.goto(`${journey.url}/tables`);
    await page.getByRole('heading', { level: 1, name: ui.tablesTitle }).waitFor();
    await page.getByTestId('tables-empty').getByText(ui.tablesEmptyRequester).waitFor();
    await checkedAtBothWidths(page, 'my tables, empty (es)');

    await page.getByRole('link', { name: ui.requestTable }).click();
    await page.waitForURL('**/tables/new');
    await page.getByRole('heading', { level: 1, name: ui.requestTitle }).waitFor();
    const form = page.getByTestId('request-table-form');
    await form.waitFor();
    await checkedAtBothWidths(page, 'table request form (es)');

    await form.getByRole('combobox', { name: ui.fieldRequestingOrganisation }).selectOption({ label: `${ministries.peru.name} · Perú` });
    await form.getByRole('textbox', { name: ui.fieldTitle }).fill(table.title);
    await form.getByRole('textbox', { name: ui.fieldDescription }).fill(table.description);
    await form.getByRole('textbox', { name: ui.fieldAgenda }).fill(table.agenda);
    await form.getByTestId('table-zone-input').selectOption(ZONE);
    const tooSoon = DateTime.now().setZone(ZONE).plus({ days: 10 }).set({ hour: 10, minute: 0 });
    await form.getByTestId('table-first-session-input').fill(tooSoon.toFormat("yyyy-MM-dd'T'HH:mm"));

    // Colombia's ministry, found by typing part of its name without accents.
    const search = form.getByRole('combobox', { name: ui.fieldInvited });
    await search.fill('educacion nacional colombia');
    const option = form.getByTestId('invite-option').filter({ hasText: ministries.colombia.name });
    await option.waitFor();
    await option.click();
    await form.getByTestId('invited-list').getByText(`${ministries.colombia.name} · Colombia`).waitFor();
    await form.getByRole('textbox', { name: ui.fieldOwnParticipants }).fill(people.peruTeam.email);

    // Ten days ahead: refused before anything is sent, with the rule in words under the field.
    await form.getByRole('button', { name: ui.submitRequest }).click();
    await page.getByTestId('request-failure').getByText(ui.fixErrors).waitFor();
    await form.getByText(fill(ui.firstSessionTooSoon, { days: 15 })).waitFor();
    expect(await form.getByTestId('table-first-session-input').getAttribute('aria-invalid')).toBe('true');
    expect(page.url()).toMatch(/\/tables\/new$/);
    await checkedAtBothWidths(page, 'table request form with the 15-day error (es)');

    const firstSession = DateTime.now().setZone(ZONE).plus({ days: 20 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
    await form.getByTestId('table-first-session-input').fill(firstSession.toFormat("yyyy-MM-dd'T'HH:mm"));
    await form.getByText(fill(ui.firstSessionTooSoon, { days: 15 })).waitFor({ state: 'detached' });
    await form.getByRole('button', { name: ui.submitRequest }).click();
    await page.waitForURL(/\/tables\/[0-9a-f-]{36}$/);
    table.id = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('heading', { level: 1, name: table.title }).waitFor();
    await page.locator('[data-testid="table-status"][data-status="REQUESTED"]').first().waitFor();
    await page.getByTestId('table-description').getByText('acordar una guía común', { exact: false }).waitFor();
    expect(await page.getByTestId('table-agenda').locator('li').count()).toBe(3);
    // The first session in the table's zone, as typed.
    expect(await page.getByTestId('first-session').textContent()).toContain(firstSession.setLocale('es').toFormat('HH:mm'));
    const colombiaParty = page.locator(`[data-testid="party"][data-party="${ministries.colombia.id}"]`);
    await colombiaParty.locator('[data-testid="party-status"][data-status="PENDING"]').waitFor();
    const peruParty = page.locator(`[data-testid="party"][data-party="${ministries.peru.id}"]`);
    await peruParty.getByTestId('participant').filter({ hasText: people.peru.name }).waitFor();
    await peruParty.getByTestId('participant').filter({ hasText: people.peruTeam.name }).waitFor();
    await page.locator('[data-testid="history-event"][data-action="REQUESTED"]').waitFor();
    await checkedAtBothWidths(page, 'table overview, requested (es)');

    // Back on the list, the request is there.
    await page.getByRole('link', { name: ui.backToTables }).click();
    await page.locator('[data-testid="table-row"][data-status="REQUESTED"]').filter({ hasText: table.title }).waitFor();
  });

  it("Colombia's focal point (reading in English) finds the table, confirms and puts her participant on the list", async () => {
    const ui = tables.en;
    const page = await personPage('colombia');
    await page.goto(`${journey.url}/tables`);
    await page.getByRole('heading', { level: 1, name: ui.tablesTitle }).waitFor();
    const row = page.locator('[data-testid="table-row"][data-status="REQUESTED"]').filter({ hasText: table.title });
    await row.waitFor();
    await row.getByText(fill(ui.partiesLine, { requester: ministries.peru.name, invited: ministries.colombia.name })).waitFor();
    await expectNoAxeViolations(page, 'my tables with an invitation (en)');
    await row.getByRole('link', { name: table.title }).click();
    await page.waitForURL(`**/tables/${table.id}`);
    await page.getByRole('heading', { level: 1, name: table.title }).waitFor();

    const party = page.locator(`[data-testid="party"][data-party="${ministries.colombia.id}"]`);
    const answer = party.getByTestId('answer-forms');
    await answer.getByText(fill(ui.answerIntro, { organisation: ministries.colombia.name })).waitFor();
    await checkedAtBothWidths(page, 'table overview, invitation to answer (en)');

    // Confirming with an empty list is refused before anything is sent.
    await answer.getByRole('button', { name: ui.confirmParty }).click();
    await answer.getByText(ui.participantsRequired).waitFor();
    await answer.getByRole('textbox', { name: ui.fieldPartyParticipants }).fill(people.participant.email);
    await answer.getByRole('button', { name: ui.confirmParty }).click();
    await page.getByTestId('table-notice').getByText(fill(ui.confirmedNotice, { organisation: ministries.colombia.name })).waitFor();
    await party.locator('[data-testid="party-status"][data-status="CONFIRMED"]').waitFor();
    await party.getByTestId('participant').filter({ hasText: people.participant.name }).waitFor();
    expect(await party.getByTestId('answer-forms').count()).toBe(0);
    // Still awaiting the moderation's decision: the work tabs are not there yet.
    await page.locator('[data-testid="table-status"][data-status="REQUESTED"]').first().waitFor();
    expect(await page.getByRole('tab').count()).toBe(0);
    await expectNoAxeViolations(page, 'table overview, confirmed (en)');
  });

  it('the moderator finds the request in the review queue and approves it, moderating it herself', async () => {
    const ui = tables.es;
    const page = await personPage('moderator');
    await page.goto(`${journey.url}/manage/tables`);
    await page.getByRole('heading', { level: 1, name: ui.queueTitle }).waitFor();
    const queue = page.getByTestId('table-queue');
    const row = queue.getByTestId('queue-row').filter({ hasText: table.title });
    await row.waitFor();
    await row.getByText(fill(ui.answersCount, { answered: 1, total: 1 })).waitFor();
    await checkedAtBothWidths(page, 'table review queue (es)');

    await row.getByRole('link', { name: table.title }).click();
    await page.waitForURL(`**/tables/${table.id}`);
    const form = page.getByTestId('review-form');
    await form.waitFor();
    expect(await page.getByTestId('review-pending').count()).toBe(0);
    await checkedAtBothWidths(page, 'table overview with the review panel (es)');

    // Approving needs a moderator.
    await form.getByRole('radio', { name: ui.decision_APPROVE }).check();
    await form.getByRole('button', { name: ui.recordDecision }).click();
    await form.getByText(ui.moderatorRequired).waitFor();
    await form.getByRole('combobox', { name: ui.fieldModerator }).selectOption({ label: people.moderator.name });
    await form.getByRole('button', { name: ui.recordDecision }).click();
    await page.waitForURL(/\/manage\/tables$/);
    await page.getByTestId('queue-notice').getByText(fill(ui.decidedNotice_APPROVE, { title: table.title })).waitFor();
    // No longer awaiting a decision: it leaves the queue (once the queue has been read again).
    await page.getByTestId('queue-row').filter({ hasText: table.title }).waitFor({ state: 'detached' });

    // The table is open, with her as its moderator.
    await openTable(page);
    await page.locator('[data-testid="table-status"][data-status="OPEN"]').first().waitFor();
    await page.getByTestId('table-moderator').getByText(fill(ui.moderatedBy, { name: people.moderator.name })).waitFor();
    await page.locator('[data-testid="history-event"][data-action="APPROVED"]').waitFor();
    await page.getByRole('tab', { name: ui.tab_forum }).waitFor();
  });

  it('the Colombian participant starts a forum thread and shares a PDF, which downloads byte for byte', async () => {
    const ui = tables.es;
    const forum = meetings.es;
    const docs = records.es;
    const page = await personPage('participant');
    await page.goto(`${journey.url}/tables`);
    const row = page.locator('[data-testid="table-row"][data-status="OPEN"]').filter({ hasText: table.title });
    await row.getByRole('link', { name: table.title }).click();
    await page.waitForURL(`**/tables/${table.id}`);
    await page.getByRole('heading', { level: 1, name: table.title }).waitFor();
    await checkedAtBothWidths(page, 'table overview, open (es)');

    // Forum: the tab is in the address, so it can be linked.
    await page.getByRole('tab', { name: ui.tab_forum }).click();
    await page.waitForURL(/[?&]tab=forum/);
    await page.getByRole('heading', { level: 2, name: forum.forumHeading }).waitFor();
    await page.getByTestId('threads-empty').waitFor();
    await checkedAtBothWidths(page, 'forum, no threads (es)');
    await page.getByRole('button', { name: forum.newThread }).click();
    const composer = page.getByRole('form', { name: forum.newThread });
    await composer.getByRole('textbox', { name: forum.fieldThreadTitle }).fill(thread.title);
    await composer.getByRole('textbox', { name: forum.fieldFirstPost }).fill(thread.body);
    await expectNoAxeViolations(page, 'forum, new thread form (es)');
    await composer.getByRole('button', { name: forum.startThread }).click();
    await page.waitForURL(/[?&]thread=[0-9a-f-]{36}/);
    await page.getByTestId('thread-title').getByText(thread.title).waitFor();
    await page.getByTestId('forum-post').getByTestId('post-body').getByText(thread.body).waitFor();
    await checkedAtBothWidths(page, 'forum thread (es)');
    await page.getByTestId('back-to-threads').click();
    await page.getByTestId('forum-thread').filter({ hasText: thread.title }).waitFor();

    // Documents: a PDF with a title and a description.
    await page.getByRole('tab', { name: ui.tab_documents }).click();
    await page.waitForURL(/[?&]tab=documents/);
    const tab = page.getByTestId('documents-tab');
    await tab.getByRole('heading', { level: 2, name: docs.documentsHeading }).waitFor();
    await tab.getByTestId('no-documents').waitFor();
    await checkedAtBothWidths(page, 'documents, none yet (es)');
    const upload = page.getByTestId('new-document-form');
    await upload.locator('input[type="file"]').setInputFiles({ name: sharedFile.filename, mimeType: 'application/pdf', buffer: pdf });
    // The title starts from the file's name; she writes a better one.
    const title = upload.getByRole('textbox', { name: docs.documentTitle });
    await until(() => title.inputValue(), 'diagnostico-evaluacion-boyaca');
    await title.fill(sharedFile.title);
    await upload.getByRole('textbox', { name: docs.documentDescription }).fill(sharedFile.description);
    await upload.getByRole('button', { name: docs.uploadDocument }).click();
    await upload.getByRole('status').getByText(fill(docs.documentUploaded, { title: sharedFile.title })).waitFor();
    const card = tab.getByTestId('space-document').filter({ hasText: sharedFile.title });
    await card.waitFor();
    await card.getByText(sharedFile.description).waitFor();
    await card.getByText(sharedFile.filename, { exact: false }).first().waitFor();
    await checkedAtBothWidths(page, 'documents, one PDF (es)');

    const download = card.getByTestId('download-current');
    await download.getByText(fill(docs.downloadCurrent, { version: 1 })).waitFor();
    documentHref = (await download.getAttribute('href'))!;
    expect(documentHref).toMatch(/^\/api\/collaboration\/documents\/[0-9a-f-]{36}$/);
    const response = await page.request.get(`${journey.url}${documentHref}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    const body = await response.body();
    expect(body.length).toBe(pdf.length);
    expect(body.equals(pdf)).toBe(true);
  });

  it("Peru's focal point records a commitment with Colombia's ministry responsible; the Colombian participant marks it done and the accountability view shows 100 %", async () => {
    const recordsEs = records.es;
    const peru = await personPage('peru');
    await openTable(peru, 'commitments');
    const tab = peru.getByTestId('commitments-tab');
    await tab.getByTestId('no-commitments').waitFor();
    await tab.getByTestId('accountability').waitFor();
    await checkedAtBothWidths(peru, 'commitments, none yet (es)');

    await tab.getByTestId('open-new-commitment').click();
    const form = tab.getByTestId('commitment-form');
    await form.getByRole('heading', { name: recordsEs.newCommitmentHeading_TABLE }).waitFor();
    // Without a responsible organisation or due date it is refused before anything is sent.
    await form.getByRole('textbox', { name: recordsEs.commitmentTitle }).fill(commitment.title);
    await form.getByTestId('save-commitment').click();
    await form.getByText(recordsEs.responsibleRequired).waitFor();
    await form.getByText(recordsEs.dueDateRequired).waitFor();
    await expectNoAxeViolations(peru, 'commitment form with errors (es)');
    await form.getByRole('textbox', { name: recordsEs.commitmentDescription }).fill(commitment.description);
    await form.getByRole('combobox', { name: recordsEs.responsibleLabel }).selectOption(ministries.colombia.id);
    const due = DateTime.now().setZone(ZONE).plus({ months: 2 }).toISODate()!;
    await form.getByTestId('commitment-due').fill(due);
    await form.getByTestId('save-commitment').click();
    await tab.getByTestId('commitments-message').getByText(fill(recordsEs.commitmentRecorded, { title: commitment.title })).waitFor();
    const peruCard = tab.locator('[data-testid="commitment"][data-status="PENDING"]').filter({ hasText: commitment.title });
    await peruCard.waitFor();
    await peruCard.getByText(fill(recordsEs.responsibleLine, { organisation: `${ministries.colombia.name} (CO)` })).waitFor();
    await until(async () => tab.getByTestId('figure-total').textContent(), '1');
    await checkedAtBothWidths(peru, 'commitments, one pending (es)');

    // The Colombian participant reports it done.
    const participant = await personPage('participant');
    await openTable(participant, 'commitments');
    const card = participant.locator('[data-testid="commitment"][data-status="PENDING"]').filter({ hasText: commitment.title });
    await card.waitFor();
    await card.getByRole('button', { name: recordsEs.addProgress }).click();
    const progress = card.locator('form[data-testid^="progress-form-"]');
    await progress.getByRole('combobox', { name: recordsEs.statusLabel }).selectOption('DONE');
    await progress.getByText(recordsEs.progressRule_DONE).waitFor();
    await progress.getByRole('textbox', { name: recordsEs.progressNote }).fill(commitment.note);
    await expectNoAxeViolations(participant, 'commitment progress form (es)');
    await progress.getByRole('button', { name: recordsEs.saveProgress }).click();
    const done = participant.locator('[data-testid="commitment"][data-status="DONE"]').filter({ hasText: commitment.title });
    await done.waitFor();
    expect(compact(await done.getByTestId('commitment-progress').textContent())).toBe('100%');
    await done.getByTestId('commitment-last-note').getByText(commitment.note, { exact: false }).waitFor();

    // Peru's focal point reads the accountability view: done, 100 %.
    await openTable(peru, 'commitments');
    const summary = peru.getByTestId('accountability');
    await peru.locator('[data-testid="commitment"][data-status="DONE"]').filter({ hasText: commitment.title }).waitFor();
    await until(async () => compact(await summary.getByTestId('figure-done-share').textContent()), '100%');
    expect(compact(await summary.getByTestId('figure-average').textContent())).toBe('100%');
    expect(await summary.getByTestId('figure-overdue').textContent()).toBe('0');
    await peru.locator('[data-testid="commitment"][data-status="DONE"]').getByTestId('commitment-status').getByText(recordsEs.status_DONE).waitFor();
    await checkedAtBothWidths(peru, 'commitments, one done (es)');
  });

  it("an outsider who opens the table's addresses gets the not-found page, and its document is not found either", async () => {
    const nav = catalogues.nav.es;
    const page = await personPage('outsider');
    for (const path of [`/tables/${table.id}`, `/tables/${table.id}?tab=forum`, `/tables/${table.id}?tab=documents`, `/tables/${table.id}?tab=commitments`]) {
      await page.goto(`${journey.url}${path}`);
      await page.getByRole('heading', { level: 1, name: nav.notFoundTitle }).waitFor();
      const text = await page.locator('main').textContent();
      for (const secret of [table.title, thread.title, sharedFile.title, commitment.title, ministries.colombia.name]) expect({ path, leaks: text?.includes(secret) }).toEqual({ path, leaks: false });
    }
    await expectNoAxeViolations(page, 'table not found for an outsider (es)');
    await expectNoHorizontalOverflow(page, 'table not found for an outsider (es)');

    const file = await page.request.get(`${journey.url}${documentHref}`);
    expect(file.status()).toBe(404);
    expect((await file.body()).includes(Buffer.from('%PDF'))).toBe(false);

    // Nor is it among their tables.
    await page.goto(`${journey.url}/tables`);
    await page.getByRole('heading', { level: 1, name: tables.es.tablesTitle }).waitFor();
    await page.getByTestId('tables-empty').waitFor();
    expect(await page.getByText(table.title).count()).toBe(0);
  });
});
