import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { catalogues } from '@alliance/shared-i18n';
import { GraphQLClient, startPortal, waitForMail, type RunningPortal } from '../support';
import { expectNoAxeViolations, expectNoHorizontalOverflow, launchBrowser } from './browser';

type Texts = Record<string, string>;
type Locale = 'es' | 'en';
// Namespaces added by appending to the catalogue index are not in its static type.
const ns = (name: string, locale: Locale): Texts => (catalogues as unknown as Record<string, Record<string, Texts>>)[name][locale];

const ADMIN_EMAIL = 'secretaria.alianza@alianza.example';
const ADMIN_PASSWORD = 'Secretaria-Alianza-2026';
const BROWSER_LOCALE: Record<Locale, string> = { es: 'es-ES', en: 'en-GB' };

/** "{{version}}" and friends filled in, as the page shows them. */
function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => String(values[name] ?? ''));
}

async function signIn(page: Page, email: string, password: string, auth: Texts): Promise<void> {
  await page.getByRole('heading', { level: 1, name: auth.signInTitle }).waitFor();
  await page.getByRole('textbox', { name: auth.email, exact: true }).fill(email);
  await page.getByRole('textbox', { name: auth.password, exact: true }).fill(password);
  await page.getByRole('button', { name: auth.signInSubmit }).click();
  await page.getByTestId('user-menu').waitFor();
}

/** A verified account made through the API, as people make them (sign up, then the e-mailed link). */
async function createAccount(url: string, locale: Locale, name: string, email: string, password: string, countryCode: string) {
  const client = new GraphQLClient(url, locale);
  const up = await client.request(`mutation($input: SignUpInput!) { signUp(input: $input) }`, {
    input: { name, email, password, countryCode, preferredLocale: locale },
  });
  expect(up.data).toEqual({ signUp: true });
  const mail = await waitForMail(url, (m) => m.to.includes(email) && m.links.some((l) => l.includes('/verify-email?token=')));
  const token = new URL(mail.links.find((l) => l.includes('/verify-email?token='))!).searchParams.get('token');
  expect((await client.request(`mutation($token: String!) { verifyEmail(token: $token) }`, { token })).data).toEqual({ verifyEmail: true });
}

/** Axe once Mantine's dialog has finished fading in (half-transparent text is not what people read). */
async function expectDialogAccessible(page: Page, label: string): Promise<void> {
  await page.waitForFunction(() => {
    const dialog = document.querySelector('[role="dialog"]');
    return !!dialog && dialog.getAnimations({ subtree: true }).length === 0 && getComputedStyle(dialog).opacity === '1';
  });
  await expectNoAxeViolations(page, label);
}

async function atPhoneWidth(page: Page, label: string): Promise<void> {
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoHorizontalOverflow(page, `${label} (360 px)`);
  await expectNoAxeViolations(page, `${label} (360 px)`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function totalMembers(page: Page, url: string): Promise<number> {
  await page.goto(`${url}/admin/alliance`);
  const total = page.getByTestId('total-members');
  await total.waitFor();
  return Number((await total.textContent())!.replace(/\D/g, ''));
}

describe('an NGO applies, the secretariat asks for changes and approves, the representative invites a focal point (Chromium)', () => {
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

  async function newPage(locale: Locale): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: BROWSER_LOCALE[locale] });
    contexts.push(context);
    return context.newPage();
  }

  it.each<Locale>(['es', 'en'])('works from application to focal point in %s', async (locale) => {
    const ui = ns('allianceUi', locale);
    const auth = catalogues.auth[locale] as Texts;
    const url = portal.url;
    const suffix = randomUUID().slice(0, 8);
    const orgName = locale === 'es' ? `Red Educación Ñandú ${suffix}` : `Learning Bridges Network ${suffix}`;
    const rep = { name: locale === 'es' ? 'Lucía Benítez' : 'Grace Thompson', email: `rep.${suffix}@ngo.example`, password: 'Representante-2026!' };
    const colleague = { name: locale === 'es' ? 'Tomás Giménez' : 'Marlon Clarke', email: `colega.${suffix}@ngo.example`, password: 'Colega-larga-2026!' };
    await createAccount(url, locale, rep.name, rep.email, rep.password, 'PY');
    await createAccount(url, locale, colleague.name, colleague.email, colleague.password, 'PY');

    // The secretariat's dashboard before: the new member must add one.
    const admin = await newPage(locale);
    await admin.goto(`${url}/sign-in`);
    await signIn(admin, ADMIN_EMAIL, ADMIN_PASSWORD, auth);
    // The administrator reads the portal in the journey's language (their account may prefer another).
    await admin.getByTestId('language-switcher').selectOption(locale);
    await admin.waitForFunction((lang) => document.documentElement.lang === lang, locale);
    const membersBefore = await totalMembers(admin, url);

    // The representative is sent to sign in and back to the form.
    const page = await newPage(locale);
    await page.goto(`${url}/alliance/apply`);
    await page.waitForURL('**/sign-in?next=*');
    await signIn(page, rep.email, rep.password, auth);
    await page.waitForURL('**/alliance/apply');
    await page.getByRole('heading', { level: 1, name: ui.applyTitle }).waitFor();
    const form = page.getByTestId('application-form');
    await form.getByTestId('charter-text').waitFor();
    await expectNoAxeViolations(page, `apply (${locale})`);
    await atPhoneWidth(page, `apply (${locale})`);

    await form.getByRole('textbox', { name: ui.fieldOrganisationName }).fill(orgName);
    await form.getByRole('combobox', { name: ui.fieldOrganisationType }).selectOption('NGO');
    await form.getByRole('combobox', { name: ui.fieldCountry }).selectOption('PY');
    await form.getByRole('textbox', { name: ui.fieldWebsite }).fill(`https://nandu-${suffix}.example.org`);
    await form.getByRole('textbox', { name: ui.fieldDescription }).fill('Red de escuelas rurales que acompaña a docentes en la transformación digital.');
    await form.getByRole('textbox', { name: ui.fieldApplicantRole }).fill(locale === 'es' ? 'Directora ejecutiva' : 'Executive director');
    await form.getByRole('textbox', { name: ui.fieldMotivation }).fill('Queremos compartir evidencia y aprender con los ministerios de la región.');
    await form.getByTestId('focus-areas').getByRole('checkbox').first().check();
    // Without accepting the charter nothing is sent, and the form says why.
    await form.getByTestId('submit-application').click();
    await form.getByText(ui.charterRequired).waitFor();
    await expectNoAxeViolations(page, `apply with an error (${locale})`);
    await form.getByRole('checkbox', { name: new RegExp(`^${ui.acceptCharter.split('(')[0].trim()}`) }).check();
    await form.getByTestId('submit-application').click();

    await page.waitForURL('**/alliance/applications');
    await page.getByTestId('applications-notice').filter({ hasText: orgName }).waitFor();
    const mine = page.getByTestId('my-application').filter({ hasText: orgName });
    expect(await mine.getAttribute('data-status')).toBe('SUBMITTED');
    await expectNoAxeViolations(page, `my applications (${locale})`);

    // The same organisation cannot apply twice: the applicant is told which and what to do instead.
    await page.goto(`${url}/alliance/apply`);
    await form.getByTestId('charter-text').waitFor();
    await form.getByRole('textbox', { name: ui.fieldOrganisationName }).fill(orgName.toUpperCase());
    await form.getByRole('combobox', { name: ui.fieldOrganisationType }).selectOption('NGO');
    await form.getByRole('combobox', { name: ui.fieldCountry }).selectOption('PY');
    await form.getByRole('textbox', { name: ui.fieldDescription }).fill('Una segunda solicitud de la misma organización.');
    await form.getByRole('textbox', { name: ui.fieldApplicantRole }).fill('Coordinador');
    await form.getByRole('textbox', { name: ui.fieldMotivation }).fill('Por error enviamos la solicitud dos veces.');
    await form.getByTestId('focus-areas').getByRole('checkbox').first().check();
    await form.getByRole('checkbox', { name: new RegExp(`^${ui.acceptCharter.split('(')[0].trim()}`) }).check();
    await form.getByTestId('submit-application').click();
    const duplicate = page.getByTestId('duplicate-error');
    await duplicate.waitFor();
    expect(await duplicate.textContent()).toContain(orgName);
    await expectNoAxeViolations(page, `apply duplicate (${locale})`);

    // The secretariat asks for changes, with a note.
    const note = locale === 'es' ? 'Por favor, detallen en qué países trabajan.' : 'Please say in which countries you work.';
    await admin.goto(`${url}/admin/applications`);
    await admin.getByRole('heading', { level: 1, name: ui.reviewTitle }).waitFor();
    const row = admin.getByTestId('application-row').filter({ hasText: orgName });
    await row.waitFor();
    await expectNoAxeViolations(admin, `admin applications (${locale})`);
    await row.getByTestId('open-application').click();
    await admin.getByRole('heading', { level: 1, name: orgName }).waitFor();
    await expectNoAxeViolations(admin, `application review (${locale})`);
    await admin.getByTestId('action-changes').click();
    const changes = admin.getByRole('dialog', { name: ui.dialogTitle_changes });
    await changes.getByTestId('confirm-changes').click();
    await changes.getByText(ui.noteRequired).waitFor();
    await expectDialogAccessible(admin, `request changes dialog (${locale})`);
    await changes.getByRole('textbox', { name: ui.noteForApplicant }).fill(note);
    await changes.getByTestId('confirm-changes').click();
    await admin.getByTestId('review-notice').waitFor();
    expect(await admin.getByTestId('application-status').getAttribute('data-status')).toBe('CHANGES_REQUESTED');

    // The representative sees the note, edits and resubmits.
    await page.goto(`${url}/alliance/applications`);
    const card = page.getByTestId('my-application').filter({ hasText: orgName });
    await card.getByTestId('reviewer-note').filter({ hasText: note }).waitFor();
    expect(await card.getAttribute('data-status')).toBe('CHANGES_REQUESTED');
    await expectNoAxeViolations(page, `my applications with changes requested (${locale})`);
    await card.getByTestId('edit-application').click();
    const edit = card.getByTestId('application-form');
    await edit.getByTestId('charter-text').waitFor();
    const description = 'Red de 40 escuelas rurales de Paraguay y Bolivia que acompaña a docentes en la transformación digital.';
    await edit.getByRole('textbox', { name: ui.fieldDescription }).fill(description);
    await edit.getByRole('checkbox', { name: new RegExp(`^${ui.acceptCharter.split('(')[0].trim()}`) }).check();
    await edit.getByTestId('submit-application').click();
    await page.getByTestId('applications-notice').filter({ hasText: fill(ui.resubmittedNotice, { name: orgName }) }).waitFor();
    await page.waitForFunction(
      (name) => [...document.querySelectorAll('[data-testid="my-application"]')].some((el) => el.textContent?.includes(name) && el.getAttribute('data-status') === 'SUBMITTED'),
      orgName,
    );

    // The secretariat approves (partner by default for an NGO).
    await admin.reload();
    await admin.getByTestId('detail-description').filter({ hasText: description }).waitFor();
    await admin.getByTestId('action-approve').click();
    const approve = admin.getByRole('dialog', { name: ui.dialogTitle_approve });
    expect(await approve.getByRole('combobox', { name: ui.fieldCategory }).inputValue()).toBe('PARTNER');
    await expectDialogAccessible(admin, `approve dialog (${locale})`);
    await approve.getByTestId('confirm-approve').click();
    await admin.getByTestId('review-notice').filter({ hasText: fill(ui.done_approve, { name: orgName }) }).waitFor();
    expect(await admin.getByTestId('application-status').getAttribute('data-status')).toBe('APPROVED');

    // It is in the public directory, found by its name, and has its own page.
    const visitor = await newPage(locale);
    await visitor.goto(`${url}/alliance/directory`);
    await visitor.getByTestId('directory-search').fill(orgName);
    await visitor.getByTestId('directory-search').press('Enter');
    const item = visitor.getByTestId('directory-item').filter({ hasText: orgName });
    await item.waitFor();
    await expectNoAxeViolations(visitor, `directory (${locale})`);
    await item.getByRole('link', { name: orgName }).click();
    await visitor.getByRole('heading', { level: 1, name: orgName }).waitFor();
    const orgPageUrl = visitor.url();
    await expectNoAxeViolations(visitor, `organisation page (${locale})`);

    // The representative invites the colleague as titular focal point for a focus area.
    await page.reload();
    await page.getByTestId('my-application').filter({ hasText: orgName }).getByTestId('manage-link').click();
    await page.getByRole('heading', { level: 1, name: fill(ui.manageHeading, { name: orgName }) }).waitFor();
    await expectNoAxeViolations(page, `manage organisation (${locale})`);
    const invite = page.getByTestId('invite-form');
    await invite.getByRole('textbox', { name: ui.inviteEmail }).fill(colleague.email);
    await invite.getByRole('combobox', { name: ui.inviteRole }).selectOption('FOCAL_POINT');
    const area = invite.getByRole('combobox', { name: ui.focusArea });
    const areaId = await area.locator('option:not([disabled])').first().getAttribute('value');
    const areaName = (await area.locator('option:not([disabled])').first().textContent())!.trim();
    await area.selectOption(areaId!);
    await invite.getByRole('combobox', { name: ui.focalRole }).selectOption('TITULAR');
    await invite.getByTestId('send-invitation').click();
    await page.getByTestId('manage-notice').filter({ hasText: colleague.email }).waitFor();
    await page.getByTestId('invitation-row').filter({ hasText: colleague.email }).waitFor();
    await expectNoAxeViolations(page, `manage organisation after inviting (${locale})`);

    // The colleague opens the e-mailed link, signs in, comes back and accepts.
    const invitationMail = await waitForMail(url, (m) => m.to.includes(colleague.email) && m.links.some((l) => l.includes('/invitations/')), 30_000);
    const link = invitationMail.links.find((l) => l.includes('/invitations/'))!;
    const person = await newPage(locale);
    await person.goto(link);
    await person.getByRole('heading', { level: 1, name: fill(ui.invitationHeading, { name: orgName }) }).waitFor();
    expect(await person.getByTestId('invitation-preview').textContent()).toContain(rep.name);
    await expectNoAxeViolations(person, `invitation, signed out (${locale})`);
    await atPhoneWidth(person, `invitation, signed out (${locale})`);
    await person.getByTestId('invitation-sign-in').click();
    await signIn(person, colleague.email, colleague.password, auth);
    await person.waitForURL(`**${new URL(link).pathname}`);
    await person.getByTestId('accept-invitation').waitFor();
    await expectNoAxeViolations(person, `invitation, signed in (${locale})`);
    await atPhoneWidth(person, `invitation, signed in (${locale})`);
    await person.getByTestId('accept-invitation').click();
    await person.waitForURL('**/alliance/organisations');
    await person.getByTestId('joined-notice').filter({ hasText: orgName }).waitFor();
    const own = person.getByTestId('my-organisation').filter({ hasText: orgName }).getByTestId('own-focal-point');
    await own.filter({ hasText: areaName }).waitFor();
    await expectNoAxeViolations(person, `my organisations (${locale})`);

    // Before consent the public page does not name them; after, it does.
    await visitor.goto(orgPageUrl);
    await visitor.getByRole('heading', { level: 1, name: orgName }).waitFor();
    await visitor.getByTestId('focal-point').first().waitFor();
    expect(await visitor.getByRole('main').textContent()).not.toContain(colleague.name);
    const consent = own.getByRole('switch', { name: ui.consentLabel });
    const saved = person.waitForResponse((r) => r.url().includes('/graphql') && (r.request().postData() ?? '').includes('SetFocalPointConsent'));
    await consent.click();
    expect((await (await saved).json()).data.setFocalPointConsent.consentToPublish).toBe(true);
    expect(await consent.isChecked()).toBe(true);
    await visitor.reload();
    await visitor.getByTestId('focal-point').filter({ hasText: colleague.name }).waitFor();
    await expectNoAxeViolations(visitor, `organisation page with focal point (${locale})`);

    // The representative's page lists the colleague as current titular focal point.
    await page.reload();
    await page.getByTestId('current-focal-point').filter({ hasText: colleague.name }).filter({ hasText: ui.focalRole_TITULAR }).waitFor();

    // The secretariat dashboard counts the new member.
    expect(await totalMembers(admin, url)).toBe(membersBefore + 1);
    await expectNoAxeViolations(admin, `alliance dashboard (${locale})`);
    // The whole path (two accounts, application, review, approval, invitation, focal point) with
    // axe on every page takes about three minutes on a loaded 2-core machine.
  }, 300_000);
});
