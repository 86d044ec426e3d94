import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { catalogues } from '@alliance/shared-i18n';
import { GraphQLClient, startPortal, type RunningPortal } from '../support';
import { expectNoAxeViolations, expectNoHorizontalOverflow, launchBrowser } from './browser';

const es = {
  auth: catalogues.auth.es,
  nav: catalogues.nav.es,
  home: catalogues.home.es,
};
const pt = { nav: catalogues.nav.pt, home: catalogues.home.pt, auth: catalogues.auth.pt };

describe('a person signs up, verifies the e-mail, signs in, switches to Portuguese and signs out (Chromium)', () => {
  let portal: RunningPortal;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    portal = await startPortal({ env: { ADMIN_EMAIL: 'secretaria@alianza.example', ADMIN_PASSWORD: 'Secretaria-Alianza-2026' } });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  beforeEach(async () => {
    // A fresh context per test: no cookies or remembered language carried over.
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-ES' });
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
  });

  it('works end to end with the keyboard-accessible form controls and passes axe on every page', async () => {
    const email = `paula.${randomUUID().slice(0, 8)}@mineduc.example`;
    const password = 'Una-frase-larga-2026';

    await page.goto(portal.url);
    await page.getByRole('heading', { level: 1, name: es.home.heading }).waitFor();
    await expectNoAxeViolations(page, 'home');

    await page.getByRole('link', { name: es.nav.signUp }).first().click();
    await page.getByRole('heading', { level: 1, name: es.auth.signUpTitle }).waitFor();
    await expectNoAxeViolations(page, 'sign-up');
    await page.getByLabel(es.auth.name).fill('Paula Andrea Giménez');
    await page.getByLabel(es.auth.email).fill(email);
    await page.getByRole('textbox', { name: es.auth.password, exact: true }).fill(password);
    await page.getByLabel(es.auth.country).selectOption('AR');
    await page.getByRole('button', { name: es.auth.signUpSubmit }).click();
    await page.getByRole('heading', { level: 1, name: es.auth.checkEmailTitle }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/check-email');
    await expectNoAxeViolations(page, 'check-email');

    // Follow the link in the e-mail, as the person would from their inbox (dev mailbox here).
    await page.goto(`${portal.url}/dev/mail`);
    const mail = page.getByTestId('mail-item').filter({ hasText: email });
    await mail.first().waitFor({ timeout: 20_000 });
    await expectNoAxeViolations(page, 'dev mailbox');
    await mail.first().getByRole('link', { name: /verify-email\?token=/ }).click();
    await page.getByText(es.auth.verified).waitFor();
    await expectNoAxeViolations(page, 'verify-email');

    await page.goto(`${portal.url}/sign-in`);
    await page.getByRole('heading', { level: 1, name: es.auth.signInTitle }).waitFor();
    await expectNoAxeViolations(page, 'sign-in');
    await page.getByLabel(es.auth.email).fill(email);
    await page.getByRole('textbox', { name: es.auth.password, exact: true }).fill(password);
    await page.getByRole('textbox', { name: es.auth.password, exact: true }).press('Enter');
    await page.getByTestId('user-menu').waitFor();

    await page.getByTestId('language-switcher').selectOption('pt');
    await page.waitForFunction(() => document.documentElement.lang === 'pt');
    await page.goto(portal.url);
    await page.getByRole('heading', { level: 1, name: pt.home.heading }).waitFor();
    expect(await page.getByRole('navigation', { name: pt.nav.mainNavigation }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'home (pt, signed in)');

    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.getByRole('link', { name: pt.nav.signIn }).first().waitFor();
    expect(await page.getByTestId('user-menu').count()).toBe(0);
    // Portuguese stays chosen after signing out (remembered in the browser).
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pt');
  });

  it('fits a 360 px phone screen and passes axe there, in each of the four languages', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const locale of ['es', 'en', 'pt', 'fr'] as const) {
      await page.goto(portal.url);
      await page.getByTestId('language-switcher').selectOption(locale);
      await page.waitForFunction((l) => document.documentElement.lang === l, locale);
      for (const path of ['/', '/sign-up', '/sign-in', '/forgot-password']) {
        await page.goto(`${portal.url}${path}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await expectNoHorizontalOverflow(page, `${locale} ${path}`);
        await expectNoAxeViolations(page, `${locale} ${path} (360 px)`);
      }
      await page.goto(`${portal.url}/`);
      await page.getByRole('heading', { level: 1, name: catalogues.home[locale].heading }).waitFor();
    }
  });

  it('shows translated field errors from the shared validation rules', async () => {
    await page.goto(`${portal.url}/sign-up`);
    await page.getByTestId('language-switcher').selectOption('fr');
    await page.getByRole('heading', { level: 1, name: catalogues.auth.fr.signUpTitle }).waitFor();
    await page.getByLabel(catalogues.auth.fr.email).fill('pas-une-adresse');
    await page.getByRole('textbox', { name: catalogues.auth.fr.password, exact: true }).fill('court');
    await page.getByRole('button', { name: catalogues.auth.fr.signUpSubmit }).click();
    await page.getByText(catalogues.validation.fr.emailInvalid).waitFor();
    await page.getByText(catalogues.validation.fr.passwordTooShort.replace('{{count}}', '10')).waitFor();
    await expectNoAxeViolations(page, 'sign-up with errors (fr)');
  });

  it('lets an administrator find a person and grant a role from the admin page; others are refused', async () => {
    const admin = catalogues.admin.es;
    const personName = `Rafael Domínguez ${randomUUID().slice(0, 4)}`;
    const person = new GraphQLClient(portal.url, 'es');
    const personEmail = `rafael.${randomUUID().slice(0, 8)}@minerd.example`;
    await person.request(`mutation($input: SignUpInput!) { signUp(input: $input) }`, {
      input: { name: personName, email: personEmail, password: 'Clave-Segura-2026', countryCode: 'DO', preferredLocale: 'es' },
    });
    await page.goto(`${portal.url}/sign-in`);
    await page.getByTestId('language-switcher').selectOption('es');
    await page.getByRole('textbox', { name: es.auth.email, exact: true }).fill('secretaria@alianza.example');
    await page.getByRole('textbox', { name: es.auth.password, exact: true }).fill('Secretaria-Alianza-2026');
    await page.getByRole('button', { name: es.auth.signInSubmit }).click();
    await page.getByTestId('user-menu').waitFor();

    await page.goto(`${portal.url}/admin/users`);
    await page.getByRole('heading', { level: 1, name: admin.usersTitle }).waitFor();
    await page.getByRole('searchbox', { name: admin.search }).fill(personName);
    const chip = page.getByRole('checkbox', { name: `${admin.role_ORGANISER} — ${personName}` });
    // Mantine's chip keeps its checkbox visually hidden behind the label: operate it by keyboard.
    await chip.waitFor({ state: 'attached' });
    await expectNoAxeViolations(page, 'admin users');
    await chip.focus();
    await page.keyboard.press('Space');
    await page.getByText(admin.granted.replace('{{name}}', personName).replace('{{role}}', admin.role_ORGANISER)).waitFor();
    expect(await chip.isChecked()).toBe(true);

    await page.goto(`${portal.url}/profile`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectNoAxeViolations(page, 'profile');
    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoHorizontalOverflow(page, 'profile 360');
    await page.goto(`${portal.url}/admin/users`);
    await page.getByRole('heading', { level: 1, name: admin.usersTitle }).waitFor();
    await expectNoAxeViolations(page, 'admin users 360');

    // An ordinary participant is told plainly that the page is not for them.
    const other = await browser.newContext({ locale: 'es-ES' });
    const otherPage = await other.newPage();
    try {
      await otherPage.goto(`${portal.url}/admin/users`);
      // Signed out: sent to sign in first, then back.
      await otherPage.getByRole('heading', { level: 1, name: es.auth.signInTitle }).waitFor();
    } finally {
      await other.close();
    }
  });
});
