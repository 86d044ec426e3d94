import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import PDFDocument from 'pdfkit';
import { catalogues } from '@alliance/shared-i18n';
import { newAccount } from '../support';
import { browserJourney, expectNoAxeViolations, expectNoHorizontalOverflow, gql, newOrganiser, signIn } from './browser';

/**
 * Issue 7's journey: a member of a Brazilian education secretariat (reading in Portuguese) shares a
 * good practice with a PDF and submits it; an organiser asks for a change; the member reads the note,
 * edits and submits again; the organiser publishes; an anonymous visitor finds it by searching
 * "avaliacao" (no accents) and downloads the very same PDF.
 */
const ADMIN = { email: 'evidencia-admin@alianza.example', password: 'Evidencia-Admin-2026' };
type Texts = Record<string, string>;
type Locale = 'es' | 'pt';
// Namespaces added by appending to the catalogue index are read through a cast, as other journeys do.
const ns = (name: string, locale: Locale): Texts => (catalogues as unknown as Record<string, Record<string, Texts>>)[name][locale];
const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => String(values[name] ?? ''));
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

/** A small but real PDF (pdfkit), so the API's type detection and the download are exercised for real. */
function makePdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', info: { Title: 'Avaliação formativa nas escolas rurais do Nordeste' } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(18).text('Avaliação formativa nas escolas rurais do Nordeste');
    doc.moveDown().fontSize(11).text('Relatório de experiência de redes municipais do Ceará e do Piauí, 2025.');
    doc.end();
  });
}

/** Axe at phone width too (and nothing scrolls sideways), then back to the desktop. */
async function checkedAtBothWidths(page: Page, label: string): Promise<void> {
  await expectNoAxeViolations(page, `${label} (1280 px)`);
  await page.setViewportSize(PHONE);
  await expectNoHorizontalOverflow(page, `${label} (360 px)`);
  await expectNoAxeViolations(page, `${label} (360 px)`);
  await page.setViewportSize(DESKTOP);
}

/** Axe once Mantine's dialog has finished fading in (half-transparent text is not what people read). */
async function expectDialogAccessible(page: Page, label: string): Promise<void> {
  await page.waitForFunction(() => {
    const dialog = document.querySelector('[role="dialog"]');
    return !!dialog && dialog.getAnimations({ subtree: true }).length === 0 && getComputedStyle(dialog).opacity === '1';
  });
  await expectNoAxeViolations(page, label);
}

describe('evidence journey: share in Portuguese with a PDF, changes requested, resubmitted, published, found unaccented and downloaded (Chromium)', () => {
  const journey = browserJourney(ADMIN);
  const suffix = randomUUID().slice(0, 6);
  const emails = { organiser: `olga.${suffix}@alianza.example`, member: `joana.${suffix}@seduc-ce.example` };
  const item = {
    id: '',
    title: 'Avaliação formativa nas escolas rurais do Nordeste',
    abstract: 'Como redes municipais do Ceará e do Piauí usaram a avaliação formativa para acompanhar a alfabetização nas escolas rurais multisseriadas.',
    addition: ' Inclui a lista dos 14 municípios participantes e os instrumentos usados.',
  };
  const note = 'Inclua a lista de municípios participantes no resumo, por favor.';
  let pdf: Buffer;
  const pages: Record<'member' | 'organiser', Page | null> = { member: null, organiser: null };

  async function newPage(browserLocale: string): Promise<Page> {
    const context = await journey.newContext({ viewport: DESKTOP, locale: browserLocale, timezoneId: 'America/Fortaleza', acceptDownloads: true });
    return context.newPage();
  }

  /** The member signs in with the portal in Spanish and switches it to Portuguese, as she would. */
  async function memberPage(): Promise<Page> {
    if (pages.member) return pages.member;
    const page = await newPage('es-ES');
    await signIn(page, journey.url, emails.member, 'es');
    await page.getByTestId('language-switcher').selectOption('pt');
    await page.waitForFunction(() => document.documentElement.lang === 'pt');
    pages.member = page;
    return page;
  }

  async function organiserPage(): Promise<Page> {
    if (pages.organiser) return pages.organiser;
    const page = await newPage('es-ES');
    await page.addInitScript(() => window.localStorage.setItem('alliance.locale', 'es'));
    await signIn(page, journey.url, emails.organiser, 'es');
    pages.organiser = page;
    return page;
  }

  beforeAll(async () => {
    pdf = await makePdf();
    const { admin } = journey;

    // The organiser (a reviewer).
    await newOrganiser(journey, 'Olga Organizadora', emails.organiser, 'CL');

    // A Brazilian state education secretariat, member of the alliance, with Joana as its representative.
    const areas = (await gql<{ focusAreas: Array<{ id: string }> }>(admin, `{ focusAreas { id } }`)).focusAreas;
    const joana = await newAccount(journey, 'Joana Cavalcanti Araújo', emails.member, 'BR', 'pt');
    const charter = await gql<{ currentCharter: { version: number } }>(joana.client, `{ currentCharter { version } }`);
    const applied = await gql<{ submitMembershipApplication: { id: string } }>(
      joana.client,
      `mutation($input: ApplicationInput!) { submitMembershipApplication(input: $input) { id } }`,
      {
        input: {
          organisationName: `Secretaria da Educação do Ceará ${suffix}`,
          organisationType: 'MINISTRY_OF_EDUCATION',
          countryCode: 'BR',
          focusAreaIds: [areas[0].id],
          website: `https://seduc-${suffix}.example.org`,
          description: 'Secretaria estadual que acompanha as redes municipais na alfabetização.',
          applicantRole: 'Coordenadora de avaliação',
          motivation: 'Compartilhar experiências de avaliação formativa com a região.',
          charterVersion: charter.currentCharter.version,
        },
      },
    );
    await gql(admin, `mutation($id: ID!) { approveMembershipApplication(id: $id) { organisation { id } } }`, { id: applied.submitMembershipApplication.id });
  }, 240_000);

  it('the member (in Portuguese) describes a good practice, uploads a PDF and submits it for review', async () => {
    const ui = ns('evidenceSubmit', 'pt');
    const page = await memberPage();
    await page.goto(`${journey.url}/my/evidence`);
    await page.getByRole('heading', { level: 1, name: ui.myTitle }).waitFor();
    await page.getByTestId('my-evidence-empty').waitFor();
    await checkedAtBothWidths(page, 'my evidence, empty (pt)');

    await page.getByTestId('share-evidence').click();
    await page.waitForURL('**/evidence/new');
    const form = page.getByTestId('evidence-form');
    await form.waitFor();
    await checkedAtBothWidths(page, 'new evidence form (pt)');

    // Saving an empty form names the fields to fix and sends nothing.
    await page.getByTestId('save-evidence').click();
    await page.getByTestId('evidence-form-failure').getByText(ui.fixErrors).waitFor();
    await form.getByText(fill(ui.errorTitle, { min: 3, max: 300 })).waitFor();
    await expectNoAxeViolations(page, 'new evidence form with errors (pt)');

    await page.getByTestId('evidence-type').selectOption('GOOD_PRACTICE');
    await page.getByTestId('evidence-language').selectOption('pt');
    await page.getByTestId('evidence-title-pt').fill(item.title);
    await page.getByTestId('evidence-abstract-pt').fill(item.abstract);
    await page.getByTestId('author-name-0').fill('Joana Cavalcanti Araújo');
    await page.getByTestId('author-affiliation-0').fill('Secretaria da Educação do Ceará');
    await page.getByTestId('evidence-year').fill('2025');
    await page.getByTestId('evidence-publisher').fill('Secretaria da Educação do Ceará');
    await page.getByTestId('evidence-focus-areas').getByRole('checkbox').first().check();
    await page.getByTestId('save-evidence').click();
    await page.waitForURL(/\/evidence\/[0-9a-f-]{36}\/edit$/);
    item.id = new URL(page.url()).pathname.split('/')[2];
    await page.getByTestId('editor-notice').getByText(ui.createdNotice).waitFor();

    // Without a file or link it cannot be submitted, and the page says why.
    const submit = page.getByTestId('submit-evidence');
    expect(await submit.isDisabled()).toBe(true);
    await page.getByTestId('submit-blocker').getByText(ui.submitNeedsFile).waitFor();
    await checkedAtBothWidths(page, 'draft editor with file section (pt)');

    await page.getByTestId('evidence-file-input').setInputFiles({ name: 'avaliacao-formativa-nordeste.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByTestId('upload-done').waitFor();
    await page.getByTestId('file-version').filter({ hasText: 'avaliacao-formativa-nordeste.pdf' }).waitFor();
    await page.waitForFunction(() => !(document.querySelector('[data-testid="submit-evidence"]') as HTMLButtonElement | null)?.disabled);
    await expectNoAxeViolations(page, 'draft editor after upload (pt)');

    await submit.click();
    await page.locator('[data-testid="evidence-status"][data-status="SUBMITTED"]').waitFor();
    await page.getByTestId('evidence-details').waitFor();
    await checkedAtBothWidths(page, 'submitted item, read-only (pt)');
  });

  it('the organiser finds it in the review queue and requests a change with a note', async () => {
    const ui = ns('evidenceSubmit', 'es');
    const shared = ns('evidence', 'es');
    const page = await organiserPage();
    await page.goto(`${journey.url}/manage/evidence`);
    const queue = page.getByTestId('review-queue');
    await queue.waitFor();
    await checkedAtBothWidths(page, 'review queue (es)');
    await queue.getByRole('link', { name: item.title }).click();
    await page.waitForURL(`**/manage/evidence/${item.id}`);
    const form = page.getByTestId('decision-form');
    await form.waitFor();
    expect(await page.getByTestId('download-current').getAttribute('href')).toMatch(/^\/api\/evidence\/files\//);
    await checkedAtBothWidths(page, 'review item (es)');

    // Asking for changes without a note is refused before anything is sent.
    await form.getByRole('radio', { name: shared.decision_REQUEST_CHANGES }).check();
    await page.getByTestId('record-decision').click();
    await form.getByText(ui.errorNoteRequired).waitFor();
    await page.getByTestId('review-note-input').fill(note);
    await page.getByTestId('record-decision').click();
    const dialog = page.getByRole('dialog', { name: ui.confirmDecisionTitle });
    await dialog.waitFor();
    await expectDialogAccessible(page, 'confirm decision dialog (es)');
    await dialog.getByTestId('confirm-decision').click();
    await page.waitForURL(/\/manage\/evidence$/);
    await page.getByTestId('queue-notice').getByText(fill(ui.decidedNotice_REQUEST_CHANGES, { title: item.title })).waitFor();
  });

  it('the member sees the note, edits the abstract and submits again', async () => {
    const ui = ns('evidenceSubmit', 'pt');
    const page = await memberPage();
    await page.goto(`${journey.url}/my/evidence`);
    const mine = page.locator('[data-testid="my-evidence-item"][data-status="CHANGES_REQUESTED"]');
    await mine.waitFor();
    await mine.getByTestId('my-evidence-note').getByText(note).waitFor();
    await expectNoAxeViolations(page, 'my evidence with a review note (pt)');

    await mine.getByTestId('my-evidence-open').click();
    await page.waitForURL(`**/evidence/${item.id}/edit`);
    await page.getByTestId('review-note').getByText(note).waitFor();
    await checkedAtBothWidths(page, 'editor with changes requested (pt)');

    await page.getByTestId('evidence-abstract-pt').fill(item.abstract + item.addition);
    // Unsaved edits must be saved before submitting.
    await page.getByTestId('submit-blocker').getByText(ui.submitNeedsSave).waitFor();
    await page.getByTestId('save-evidence').click();
    await page.getByTestId('evidence-saved').waitFor();
    await page.waitForFunction(() => !(document.querySelector('[data-testid="submit-evidence"]') as HTMLButtonElement | null)?.disabled);
    await page.getByTestId('submit-evidence').click();
    await page.locator('[data-testid="evidence-status"][data-status="SUBMITTED"]').waitFor();
    await page.getByTestId('editor-notice').getByText(ui.submittedNotice).waitFor();
  });

  it('the organiser publishes it', async () => {
    const ui = ns('evidenceSubmit', 'es');
    const shared = ns('evidence', 'es');
    const page = await organiserPage();
    await page.goto(`${journey.url}/manage/evidence/${item.id}`);
    const form = page.getByTestId('decision-form');
    await form.waitFor();
    // The history shows the whole exchange.
    await page.getByTestId('evidence-history').getByText(fill(ui.historyNote, { note })).waitFor();
    await page.getByText(item.addition.trim()).first().waitFor();
    await form.getByRole('radio', { name: shared.decision_PUBLISH }).check();
    await page.getByTestId('record-decision').click();
    await page.getByRole('dialog', { name: ui.confirmDecisionTitle }).getByTestId('confirm-decision').click();
    await page.waitForURL(/\/manage\/evidence$/);
    await page.getByTestId('queue-notice').getByText(fill(ui.decidedNotice_PUBLISH, { title: item.title })).waitFor();
    await page.getByTestId('queue-status').selectOption('PUBLISHED');
    await page.getByTestId('review-queue').getByRole('link', { name: item.title }).waitFor();
    await expectNoAxeViolations(page, 'review queue, published (es)');
  });

  it('an anonymous visitor finds it by searching "avaliacao" without accents, opens it and downloads the PDF', async () => {
    const page = await newPage('es-ES');
    await page.goto(`${journey.url}/evidence`);
    const search = page.getByTestId('evidence-search');
    await search.waitFor();
    await search.fill('avaliacao');
    await search.press('Enter');
    const hit = page.getByTestId('evidence-hit').filter({ hasText: item.title });
    await hit.waitFor();
    await expectNoAxeViolations(page, 'evidence search results (anonymous)');
    await hit.getByTestId('evidence-hit-link').click();
    await page.waitForURL(`**/evidence/${item.id}`);
    const download = page.getByTestId('evidence-download');
    await download.waitFor();
    await expectNoAxeViolations(page, 'evidence item page (anonymous)');

    const href = await download.getAttribute('href');
    expect(href).toMatch(/^\/api\/evidence\/files\//);
    const response = await page.request.get(`${journey.url}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    const body = await response.body();
    expect(body.length).toBe(pdf.length);
    expect(body.equals(pdf)).toBe(true);
  });
});
