import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { catalogues } from '@alliance/shared-i18n';
import { GraphQLClient, PASSWORD, SIGN_IN, newAccount } from '../support';
import { browserJourney, expectNoAxeViolations, expectNoHorizontalOverflow, signIn } from './browser';

const ADMIN = { email: 'privacy-browser-admin@alianza.example', password: 'Privacy-Browser-Admin-1' };
const LOCALES = ['es', 'en', 'pt', 'fr'] as const;
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

describe('a person downloads their data and deletes their account from the profile page (Chromium, phone size)', () => {
  const journey = browserJourney(ADMIN);

  it('shows "Your data" in every language, downloads the JSON, and deletes the account through the dialog with the keyboard', async () => {
    const email = `lucia.${randomUUID().slice(0, 8)}@escuela.example`;
    await newAccount(journey, 'Lucía Datos', email, 'UY', 'es');
    const context = await journey.newContext({ viewport: DESKTOP, locale: 'es-ES', acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, journey.url, email, 'es');

    // The section reads in each language and fits a phone screen (the switcher is in the desktop header).
    await page.goto(`${journey.url}/profile`);
    for (const locale of [...LOCALES.slice(1), 'es' as const]) {
      const privacy = catalogues.privacy[locale];
      await page.setViewportSize(DESKTOP);
      await page.getByTestId('language-switcher').selectOption(locale);
      await page.waitForFunction((l) => document.documentElement.lang === l, locale);
      await page.setViewportSize(PHONE);
      await page.getByRole('heading', { level: 2, name: privacy.title }).waitFor();
      await page.getByRole('link', { name: privacy.exportButton }).waitFor();
      await page.getByRole('button', { name: privacy.deleteButton }).waitFor();
      await expectNoHorizontalOverflow(page, `profile (${locale})`);
    }
    const es = catalogues.privacy.es;
    await page.getByRole('heading', { level: 2, name: es.title }).waitFor();
    await expectNoAxeViolations(page, 'profile with "Your data"');

    // Download: a JSON file with the person's own profile.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: es.exportButton }).click()]);
    expect(download.suggestedFilename()).toMatch(/^personal-data-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as { sections: { account: { profile: { name: string; email: string } } } };
    expect(exported.sections.account.profile).toMatchObject({ name: 'Lucía Datos', email });

    // The dialog, by keyboard: open, a wrong password is refused under the field, the right one deletes.
    await page.getByRole('button', { name: es.deleteButton }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: es.confirmTitle });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'delete-account dialog');
    const password = dialog.getByRole('textbox', { name: es.password });
    await password.fill('not-my-password');
    await password.press('Enter');
    await dialog.getByText(catalogues.errors.es.wrongCurrentPassword).first().waitFor();
    await expectNoAxeViolations(page, 'delete-account dialog with an error');
    await password.fill(PASSWORD);
    await password.press('Enter');
    await page.getByRole('heading', { level: 1, name: es.deleted }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/account-deleted');
    // A fresh page load: once the `me` query has answered, the header knows nobody.
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('user-menu').count()).toBe(0);
    await expectNoAxeViolations(page, 'account deleted');

    // Signed out for good: the profile asks to sign in, and the old address no longer opens a session.
    await page.goto(`${journey.url}/profile`);
    await page.waitForURL(/\/sign-in/);
    const refused = await new GraphQLClient(journey.url).request(SIGN_IN, { input: { email, password: PASSWORD } });
    expect(refused.errors![0].extensions.code).toBe('UNAUTHENTICATED');
  }, 180_000);
});
