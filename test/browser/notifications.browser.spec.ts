import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { connectTestDatabase } from '@alliance/server-database';
import { NotificationsService } from '@alliance/server-notifications';
import { ALL_ENTITIES } from '@alliance/server-platform';
import { OutboxRelay, OutboxService } from '@alliance/server-queue';
import { catalogues } from '@alliance/shared-i18n';
import { startPortal, type RunningPortal } from '../support';
import { expectNoAxeViolations, expectNoHorizontalOverflow, launchBrowser } from './browser';

// The notifications namespace is appended to the catalogues at run time (see catalogues/index.ts).
const notificationTexts = (catalogues as unknown as Record<string, Record<string, Record<string, string>>>).notifications;
const es = { auth: catalogues.auth.es, n: notificationTexts.es };
const en = { n: notificationTexts.en };

/**
 * The notification centre in Chromium: a notification recorded by a domain service (here, this
 * test process writing to the portal's database and outbox) reaches the bell and the list through
 * the real worker; the person marks it read and changes a preference; every page passes axe.
 */
describe('notification centre (Chromium)', () => {
  let portal: RunningPortal;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let dataSource: DataSource;
  let notifications: NotificationsService;
  let relay: OutboxRelay;
  const adminEmail = `avisos.${randomBytes(4).toString('hex')}@alianza.example`;
  const adminPassword = 'Avisos-Alianza-2026';

  beforeAll(async () => {
    portal = await startPortal({ env: { ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD: adminPassword } });
    browser = await launchBrowser();
    dataSource = await connectTestDatabase(ALL_ENTITIES, 3);
    // Not started: the portal's own relay moves the outbox rows this test writes.
    relay = new OutboxRelay(dataSource);
    notifications = new NotificationsService(dataSource, new OutboxService(relay));
  });

  afterAll(async () => {
    await relay?.stop();
    await dataSource?.destroy();
    await browser?.close();
    await portal?.stop();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-ES' });
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
  });

  async function signIn(): Promise<void> {
    await page.goto(`${portal.url}/sign-in`);
    await page.getByLabel(es.auth.email).fill(adminEmail);
    await page.getByRole('textbox', { name: es.auth.password, exact: true }).fill(adminPassword);
    await page.getByRole('textbox', { name: es.auth.password, exact: true }).press('Enter');
    await page.getByTestId('user-menu').waitFor();
  }

  it('shows a new notification in the bell and the list, marks it read, saves preferences', async () => {
    await signIn();
    const bell = page.getByTestId('notification-bell');
    await bell.waitFor();
    expect(await bell.getAttribute('aria-label')).toBe(es.n.bellLabel.replace('{{count}}', '0'));

    const [{ id: userId }] = await dataSource.query(`SELECT id FROM users WHERE email = $1`, [adminEmail]);
    const code = `JRN-${randomBytes(3).toString('hex').toUpperCase()}`;
    await dataSource.transaction((manager) =>
      notifications.notify(manager, { userIds: [userId], type: 'certificate.issued', data: { title: 'Diplomado en innovación educativa', code }, link: '/certificates' }),
    );

    // The bell polls every minute; a reload asks at once.
    const deadline = Date.now() + 30_000;
    while ((await bell.getAttribute('data-count')) !== '1') {
      if (Date.now() > deadline) throw new Error(`the bell never showed the notification\n${portal.logs().slice(-3000)}`);
      await page.waitForTimeout(500);
      await page.reload();
      await bell.waitFor();
    }
    expect(await bell.getAttribute('aria-label')).toBe(es.n.bellLabel.replace('{{count}}', '1'));
    await expectNoAxeViolations(page, 'home with bell');

    await bell.click();
    await page.getByRole('heading', { level: 1, name: es.n.pageTitle }).waitFor();
    const item = page.getByTestId('notification-item').filter({ hasText: code });
    await item.waitFor();
    await item.getByText(`Nuevo certificado: Diplomado en innovación educativa`).waitFor();
    expect(await item.getAttribute('data-read')).toBe('false');
    await expectNoAxeViolations(page, 'notifications');
    await item.getByRole('button', { name: es.n.markRead }).click();
    await page.waitForFunction((c) => [...document.querySelectorAll('[data-testid="notification-item"]')].some((el) => el.textContent?.includes(c) && el.getAttribute('data-read') === 'true'), code);
    await page.waitForFunction(() => document.querySelector('[data-testid="notification-bell"]')?.getAttribute('data-count') === '0');

    // Preferences: the certificate e-mails become a daily digest; the account row cannot change.
    await page.goto(`${portal.url}/settings/notifications`);
    await page.getByRole('heading', { level: 1, name: es.n.preferencesTitle }).waitFor();
    const certificateRow = page.getByTestId('preference-certificate.issued');
    await certificateRow.getByTestId('pref-email').selectOption('DAILY');
    await page.getByTestId('preferences-notice').getByText(es.n.saved.replace('{{type}}', es.n.certificateIssuedLabel)).waitFor();
    expect(await page.getByTestId('preference-account.security').getByTestId('pref-email').isDisabled()).toBe(true);
    await page.getByTestId('preference-account.security').getByText(es.n.transactionalNote).waitFor();
    await expectNoAxeViolations(page, 'notification preferences');
    await page.reload();
    await page.getByTestId('preference-certificate.issued').waitFor();
    expect(await page.getByTestId('preference-certificate.issued').getByTestId('pref-email').inputValue()).toBe('DAILY');
    const [saved] = await dataSource.query(`SELECT email FROM notification_preference WHERE user_id = $1 AND type = 'certificate.issued'`, [userId]);
    expect(saved.email).toBe('daily');

    // Small screens: no horizontal scrolling of the page.
    await page.setViewportSize({ width: 360, height: 800 });
    await expectNoHorizontalOverflow(page, 'preferences at 360 px');
    await page.goto(`${portal.url}/notifications`);
    await page.getByTestId('notification-item').first().waitFor();
    await expectNoHorizontalOverflow(page, 'notifications at 360 px');
    await expectNoAxeViolations(page, 'notifications at 360 px');
  });

  it('shows administrators the queues with numbers and a chart, in English too', async () => {
    await signIn();
    await page.getByTestId('language-switcher').selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.goto(`${portal.url}/admin/queues`);
    await page.getByRole('heading', { level: 1, name: en.n.queuesTitle }).waitFor();
    const table = page.getByTestId('queue-table');
    await table.getByRole('rowheader', { name: 'notifications' }).waitFor();
    await table.getByRole('rowheader', { name: 'certificates' }).waitFor();
    await expectNoAxeViolations(page, 'queues');
    await page.setViewportSize({ width: 360, height: 800 });
    await expectNoHorizontalOverflow(page, 'queues at 360 px');
  });

  it('answers the unsubscribe link with a page in the right language, and refuses a forged token', async () => {
    const res = await fetch(`${portal.url}/api/notifications/unsubscribe?token=abc.def`, { headers: { 'accept-language': 'fr' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Ce lien de désabonnement n’est pas valide');
    const post = await fetch(`${portal.url}/api/notifications/unsubscribe?token=abc.def`, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(post.status).toBe(400);
  });
});
