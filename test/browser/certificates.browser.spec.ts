import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { catalogues } from '@alliance/shared-i18n';
import { GraphQLClient, startPortal, waitForMail, type RunningPortal } from '../support';
import { expectNoAxeViolations, expectNoHorizontalOverflow, launchBrowser, signIn } from './browser';

type Texts = Record<string, string>;
// Namespaces added by appending to the catalogue index are not in its static type.
const ns = (name: string, locale: 'es' | 'en' | 'pt' | 'fr'): Texts =>
  (catalogues as unknown as Record<string, Record<string, Texts>>)[name][locale];
const ui = { es: ns('certificatesUi', 'es'), fr: ns('certificatesUi', 'fr') };

const ADMIN_EMAIL = 'secretaria.certificados@alianza.example';
const ADMIN_PASSWORD = 'Secretaria-Alianza-2026';

function hasPdfToText(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function download(page: Page, testId: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return fs.readFileSync(await file.path());
}

describe('an administrator issues participation certificates; the participant downloads, verifies, and sees the revocation (Chromium)', () => {
  let portal: RunningPortal;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    portal = await startPortal({ env: { ADMIN_EMAIL, ADMIN_PASSWORD } });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await portal?.stop();
  });

  async function newPage(locale: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale, acceptDownloads: true });
    contexts.push(context);
    return context.newPage();
  }

  it('issues through the form, shows progress, reaches "My certificates", verifies in French, and shows REVOKED after revocation', async () => {
    const suffix = randomUUID().slice(0, 8);
    const participantName = 'Łukasz Wiśniewski';
    const participantEmail = `lukasz.${suffix}@edu.example`;
    const participantPassword = 'Mot-de-passe-long-2026';
    const title = `Foro regional de innovación educativa ${suffix}`;

    // The participant has an account (French), created and verified through the API.
    const participant = new GraphQLClient(portal.url, 'fr');
    const up = await participant.request(`mutation($input: SignUpInput!) { signUp(input: $input) }`, {
      input: { name: participantName, email: participantEmail, password: participantPassword, countryCode: 'HT', preferredLocale: 'fr' },
    });
    expect(up.data).toEqual({ signUp: true });
    const verifyMail = await waitForMail(portal.url, (m) => m.to.includes(participantEmail) && m.links.some((l) => l.includes('/verify-email?token=')));
    const token = new URL(verifyMail.links.find((l) => l.includes('/verify-email?token='))!).searchParams.get('token');
    expect((await participant.request(`mutation($token: String!) { verifyEmail(token: $token) }`, { token })).data).toEqual({ verifyEmail: true });

    // The administrator issues to the participant and to two people without accounts.
    const admin = await newPage('es-ES');
    await signIn(admin, portal.url, ADMIN_EMAIL, 'es', ADMIN_PASSWORD);
    await admin.goto(`${portal.url}/admin/certificates`);
    await admin.getByRole('heading', { level: 1, name: ui.es.adminTitle }).waitFor();
    await expectNoAxeViolations(admin, 'admin certificates');
    const form = admin.getByTestId('issue-form');
    await form.getByRole('textbox', { name: ui.es.fieldTitle }).fill(title);
    await form.getByRole('textbox', { name: ui.es.fieldHours }).fill('6');
    await form.getByLabel(ui.es.fieldStartDate).fill('2026-03-02');
    await form.getByLabel(ui.es.fieldEndDate).fill('2026-03-04');
    await form.getByRole('textbox', { name: ui.es.fieldIssuer }).fill('Alianza para la Transformación Educativa');
    await form.getByRole('textbox', { name: ui.es.fieldCoIssuers }).fill('Ministerio de Educación de la República Dominicana');
    const signatory = form.getByTestId('signatory-row').first();
    await signatory.getByRole('textbox', { name: ui.es.signatoryName }).fill('María Pérez');
    await signatory.getByRole('textbox', { name: ui.es.signatoryTitle }).fill('Secretaria ejecutiva');
    await signatory.getByRole('textbox', { name: ui.es.signatoryOrganisation }).fill('Alianza ALC');
    await form
      .getByTestId('recipients-csv')
      .fill(
        [
          'name,email,locale',
          `${participantName},${participantEmail},fr`,
          `José Ñúñez,jose.${suffix}@edu.example,es`,
          `Anaïs Côté,anais.${suffix}@edu.example,fr`,
        ].join('\n'),
      );
    await form.getByTestId('issue-submit').click();

    // Progress runs to the end, with the counts as numbers too.
    const progress = admin.getByRole('progressbar', { name: ui.es.progressLabel });
    await progress.waitFor();
    await admin.getByTestId('batch-done').waitFor({ timeout: 90_000 });
    expect(await progress.getAttribute('aria-valuenow')).toBe('100');
    expect(await admin.getByTestId('batch-total').textContent()).toBe('3');
    expect(await admin.getByTestId('batch-rendered').textContent()).toBe('3');
    expect(await admin.getByTestId('batch-failed').textContent()).toBe('0');
    await expectNoAxeViolations(admin, 'admin certificates after issuing');
    await admin.setViewportSize({ width: 800, height: 900 });
    await expectNoHorizontalOverflow(admin, 'admin certificates (800 px)');
    await admin.setViewportSize({ width: 1280, height: 900 });

    // The participant signs in (French) and finds the certificate.
    const person = await newPage('fr-FR');
    await signIn(person, portal.url, participantEmail, 'fr', participantPassword);
    await person.goto(`${portal.url}/certificates`);
    await person.getByRole('heading', { level: 1, name: ui.fr.myTitle }).waitFor();
    const card = person.getByTestId('certificate-card').filter({ hasText: title });
    await card.getByTestId('download-pdf').waitFor({ timeout: 30_000 });
    expect(await card.getByTestId('certificate-recipient').textContent()).toBe(participantName);
    expect(await card.getByTestId('certificate-status').textContent()).toBe(ui.fr.status_ISSUED);
    await expectNoAxeViolations(person, 'my certificates (fr)');

    const pdf = await download(person, 'download-pdf');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (hasPdfToText()) {
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
      expect(text).toContain(participantName);
    }

    const credential = JSON.parse((await download(person, 'download-credential')).toString('utf8')) as {
      type: string[];
      proof: { cryptosuite: string } | Array<{ cryptosuite: string }>;
    };
    expect(credential.type).toContain('OpenBadgeCredential');
    const proofs = Array.isArray(credential.proof) ? credential.proof : [credential.proof];
    expect(proofs.map((p) => p.cryptosuite)).toContain('eddsa-rdfc-2022');

    // A phone screen fits the list.
    await person.setViewportSize({ width: 360, height: 740 });
    await expectNoHorizontalOverflow(person, 'my certificates (360 px)');
    await expectNoAxeViolations(person, 'my certificates (360 px)');
    await person.setViewportSize({ width: 1280, height: 900 });

    // The verification page, opened from the link, says VALID in French.
    const code = (await card.getByTestId('certificate-code').textContent())!.trim();
    await card.getByTestId('verification-link').click();
    await person.waitForURL(`**/verify/${encodeURIComponent(code)}`);
    const verifyUrl = person.url();
    const verdict = person.getByTestId('verification-verdict');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-status')).toBe('ISSUED');
    expect(await verdict.textContent()).toContain(ui.fr.validTitle);
    expect(await person.getByTestId('certificate-recipient').textContent()).toBe(participantName);
    expect(await person.getByTestId('tamper-note').textContent()).toBe(ui.fr.tamperNote);
    expect(await person.evaluate(() => document.documentElement.lang)).toBe('fr');
    await expectNoAxeViolations(person, 'verify (fr, valid)');
    await person.setViewportSize({ width: 360, height: 740 });
    await expectNoHorizontalOverflow(person, 'verify (360 px)');
    await expectNoAxeViolations(person, 'verify (360 px)');
    await person.setViewportSize({ width: 1280, height: 900 });

    // The participant got the e-mail and, where the bell exists, the in-app notice.
    await waitForMail(portal.url, (m) => m.to.includes(participantEmail) && m.text.includes(title), 30_000);
    const bell = person.getByTestId('notification-bell');
    if ((await bell.count()) > 0) {
      await bell.first().click();
      await person.getByRole('main').getByText(title, { exact: false }).first().waitFor({ timeout: 20_000 });
    }

    // The administrator revokes it, with a reason.
    const reason = 'Emitido por error';
    await admin.reload();
    await admin.getByRole('heading', { level: 1, name: ui.es.adminTitle }).waitFor();
    await admin.getByRole('searchbox', { name: ui.es.search }).fill(code);
    await admin.getByText(ui.es.showing.replace('{{shown}}', '1').replace('{{total}}', '1')).waitFor();
    const row = admin.getByTestId('certificate-row').filter({ hasText: code });
    await row.getByTestId('revoke-certificate').click();
    const dialog = admin.getByRole('dialog', { name: ui.es.revokeDialogTitle });
    await dialog.getByTestId('confirm-revoke').click();
    await dialog.getByText(ui.es.reasonRequired).waitFor();
    // Measured once the dialog's fade-in is over (half-transparent text is not what people read).
    await admin.waitForFunction(() => {
      const dialog = document.querySelector('[role="dialog"]');
      return !!dialog && dialog.getAnimations({ subtree: true }).length === 0 && getComputedStyle(dialog).opacity === '1';
    });
    await expectNoAxeViolations(admin, 'revoke dialog');
    await dialog.getByRole('textbox', { name: ui.es.labelReason }).fill(reason);
    await dialog.getByTestId('confirm-revoke').click();
    await admin.getByTestId('certificates-notice').filter({ hasText: code }).waitFor();
    await row.getByTestId('certificate-status').filter({ hasText: ui.es.status_REVOKED }).waitFor({ timeout: 5000 });

    // The verification page now says REVOKED, with the reason.
    await person.goto(verifyUrl);
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-status')).toBe('REVOKED');
    expect(await verdict.textContent()).toContain(ui.fr.revokedTitle);
    expect(await verdict.textContent()).toContain(reason);
    await expectNoAxeViolations(person, 'verify (fr, revoked)');

    // The same page in the other three languages, at phone width.
    await person.setViewportSize({ width: 360, height: 740 });
    for (const locale of ['es', 'en', 'pt'] as const) {
      await person.getByTestId('language-switcher').selectOption(locale);
      await verdict.filter({ hasText: ns('certificatesUi', locale).revokedTitle }).waitFor();
      expect(await person.getByTestId('tamper-note').textContent()).toBe(ns('certificatesUi', locale).tamperNote);
      await expectNoHorizontalOverflow(person, `verify (${locale}, 360 px)`);
      await expectNoAxeViolations(person, `verify (${locale}, revoked, 360 px)`);
    }
  });

  it('answers a wrong code with a clear "not found", axe-clean, in the viewer’s language', async () => {
    const page = await newPage('pt-BR');
    await page.goto(`${portal.url}/verify`);
    const texts = ns('certificatesUi', 'pt');
    await page.getByRole('heading', { level: 1, name: texts.verifyTitle }).waitFor();
    await expectNoAxeViolations(page, 'verify form (pt)');
    await page.getByRole('textbox', { name: texts.codeLabel }).fill('ZZZZ-0000-ZZZZ');
    await page.getByRole('textbox', { name: texts.codeLabel }).press('Enter');
    await page.getByTestId('verification-not-found').waitFor();
    expect(await page.getByTestId('verification-not-found').textContent()).toBe(texts.notFound.replace('{{code}}', 'ZZZZ-0000-ZZZZ'));
    await expectNoAxeViolations(page, 'verify not found (pt)');
  });
});
