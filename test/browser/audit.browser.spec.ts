import { randomBytes } from 'node:crypto';
import { catalogues } from '@alliance/shared-i18n';
import { newAccount } from '../support';
import { browserJourney, expectNoAxeViolations, expectNoHorizontalOverflow, gql, signIn } from './browser';

const ADMIN = { email: `auditoria.${randomBytes(4).toString('hex')}@alianza.example`, password: 'Auditoria-Alianza-2026' };
const es = { a: catalogues.audit.es };

/**
 * The audit log page in Chromium: the administrator reaches it from the user menu, finds a role
 * grant made a moment ago, filters by action, person and dates, opens its before/after, and the page
 * passes axe on a desktop and on a phone.
 */
describe('audit log page (Chromium)', () => {
  const journey = browserJourney(ADMIN);

  it('lists, filters and expands entries; axe passes on desktop and phone', async () => {
    const t = randomBytes(3).toString('hex');
    const person = await newAccount(journey, `Lucía Benítez ${t}`, `lucia.${t}@example.org`, 'UY', 'es');
    await gql(journey.admin, `mutation($u: ID!) { grantRole(userId: $u, role: MODERATOR) { id } }`, { u: person.id });
    const adminName = (await gql<{ me: { name: string } }>(journey.admin, `{ me { name } }`)).me.name;

    const context = await journey.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-ES' });
    const page = await context.newPage();
    await signIn(page, journey.url, ADMIN.email, 'es', ADMIN.password);

    // From the user menu.
    await page.getByTestId('user-menu').click();
    await page.getByTestId('nav-audit-log').click();
    await page.getByRole('heading', { level: 1, name: es.a.title }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/audit');
    const row = page.getByTestId('audit-row').filter({ hasText: `Lucía Benítez ${t}` });
    await row.first().waitFor();
    await expect(row.first().textContent()).resolves.toContain(es.a.action_user_role_grant);
    await expectNoAxeViolations(page, 'audit log (es, desktop)');

    // Filter by action: only role grants remain.
    await page.getByTestId('audit-filter-action').selectOption('user.role.grant');
    await page.waitForFunction(
      (label) => {
        const rows = [...document.querySelectorAll('[data-testid="audit-row"]')];
        return rows.length > 0 && rows.every((r) => r.textContent?.includes(label));
      },
      es.a.action_user_role_grant,
    );

    // Filter by person: search the administrator by name, then pick them.
    await page.getByTestId('audit-filter-actor-search').fill(adminName);
    const actorSelect = page.getByTestId('audit-filter-actor');
    await page.waitForFunction(() => ((document.querySelector('[data-testid="audit-filter-actor"]') as HTMLSelectElement | null)?.options.length ?? 0) > 1);
    const adminOption = await actorSelect.locator('option').nth(1).getAttribute('value');
    await actorSelect.selectOption(adminOption!);
    await row.first().waitFor();

    // Expand the entry with the keyboard: the before/after table shows the role change.
    const toggle = row.first().getByRole('button', { name: es.a.showDetails });
    await toggle.focus();
    await page.keyboard.press('Enter');
    const details = page.getByTestId('audit-details').first();
    await details.waitFor();
    const changes = details.getByRole('row', { name: /role\.MODERATOR/ });
    await expect(changes.textContent()).resolves.toMatch(/false.*true/);
    expect(await row.first().getByRole('button', { name: es.a.hideDetails }).getAttribute('aria-expanded')).toBe('true');
    await expectNoAxeViolations(page, 'audit log expanded (es, desktop)');

    // A date range in the future leaves nothing; clearing the filters brings the entries back.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId('audit-filter-from').fill(tomorrow);
    await page.getByText(es.a.noResults).waitFor();
    await page.getByRole('button', { name: es.a.clear }).click();
    await row.first().waitFor();

    // On a phone (the other languages on both sizes: a11y-sweep.browser.spec.ts).
    const phone = await journey.newContext({ viewport: { width: 360, height: 740 }, locale: 'es-ES', isMobile: true, hasTouch: true });
    const small = await phone.newPage();
    await signIn(small, journey.url, ADMIN.email, 'es', ADMIN.password);
    await small.goto(`${journey.url}/admin/audit`);
    await small.getByRole('heading', { level: 1, name: es.a.title }).waitFor();
    await small.getByTestId('audit-row').first().waitFor();
    await small.getByTestId('audit-row').first().getByRole('button', { name: es.a.showDetails }).click();
    await small.getByTestId('audit-details').first().waitFor();
    await expectNoAxeViolations(small, 'audit log (es, phone)');
    await expectNoHorizontalOverflow(small, 'audit log (es, phone)');
  });
});
