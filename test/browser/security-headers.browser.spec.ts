import type { Browser, Page } from 'playwright-core';
import { GraphQLClient, createScratchDatabase, startPortal, type RunningPortal } from '../support';
import { launchBrowser, signIn } from './browser';

const DEMO_PASSWORD = 'Alianza-Demo-2026';
const DEMO_PARTICIPANT = 'andres.villalobos@mep-cr.example';
const DEMO_COURSE = 'inteligencia-artificial-educacion-primeros-pasos';
const DEMO_WORKSHOP = 'taller-regional-prioridades-transformacion-educativa';

interface Violation {
  directive: string;
  blocked: string;
  source: string;
}

/**
 * The Content-Security-Policy the API sends (apps/api/src/bootstrap.ts) against the real built web
 * app on the demo data: the main pages, anonymous and signed in, load and work without a single
 * `securitypolicyviolation` event or CSP console error (Mantine's injected styles, the lesson and
 * forum HTML, charts, the sign-in form).
 */
describe('Content-Security-Policy in Chromium', () => {
  let portal: RunningPortal;
  let scratch: { url: string; drop(): Promise<void> } | undefined;
  let browser: Browser;

  beforeAll(async () => {
    scratch = await createScratchDatabase('csp');
    portal = await startPortal({ env: { SEED_DEMO: 'true', DATABASE_URL: scratch.url } });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
    await scratch?.drop();
  });

  /** A page that records every CSP violation (event and console) from its first script on. */
  async function watchedPage(): Promise<{ page: Page; violations: () => Promise<Violation[]>; consoleErrors: string[] }> {
    const context = await browser.newContext({ locale: 'es-ES' });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (/content security policy|content-security-policy/i.test(message.text())) consoleErrors.push(message.text());
    });
    // Init scripts run through the DevTools protocol, outside the page's CSP, before any page script.
    await page.addInitScript(() => {
      const list: Array<{ directive: string; blocked: string; source: string }> = [];
      (window as unknown as { __cspViolations: typeof list }).__cspViolations = list;
      document.addEventListener('securitypolicyviolation', (e) =>
        list.push({ directive: e.violatedDirective, blocked: e.blockedURI, source: `${e.sourceFile}:${e.lineNumber}` }),
      );
    });
    const violations = () => page.evaluate(() => (window as unknown as { __cspViolations: Violation[] }).__cspViolations ?? []);
    return { page, violations, consoleErrors };
  }

  async function visit(page: Page, path: string): Promise<void> {
    const response = await page.goto(`${portal.url}${path}`, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    // The policy is really in force on the document (not only on API answers).
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
  }

  it('shows the public pages without a CSP violation', async () => {
    const anonymous = new GraphQLClient(portal.url, 'es');
    const search = await anonymous.request<{ evidenceSearch: { hits: Array<{ item: { id: string } }> } }>(`{ evidenceSearch(first: 1) { hits { item { id } } } }`);
    const evidenceId = search.data!.evidenceSearch.hits[0].item.id;
    const { page, violations, consoleErrors } = await watchedPage();
    const seen: Record<string, Violation[]> = {};
    for (const path of [
      '/',
      '/courses',
      `/courses/${DEMO_COURSE}`,
      '/programmes',
      '/workshops',
      `/workshops/${DEMO_WORKSHOP}`,
      '/evidence',
      '/evidence?q=educacion',
      `/evidence/${evidenceId}`,
      '/alliance/directory',
      '/sign-in',
      '/sign-up',
      '/verify',
      '/verify/ABCD-EFGH-JKLM',
    ]) {
      await visit(page, path);
      const found = await violations();
      if (found.length > 0) seen[path] = found;
    }
    expect(seen).toEqual({});
    expect(consoleErrors).toEqual([]);
  });

  it('signs in through the form and shows the signed-in pages without a CSP violation', async () => {
    const { page, violations, consoleErrors } = await watchedPage();
    await signIn(page, portal.url, DEMO_PARTICIPANT, 'es', DEMO_PASSWORD);
    const seen: Record<string, Violation[]> = {};
    for (const path of ['/learning', '/tables', '/groups', '/my/workshops', '/my/evidence', '/notifications', '/certificates', '/profile']) {
      await visit(page, path);
      const found = await violations();
      if (found.length > 0) seen[path] = found;
    }
    // A table's forum and a lesson carry server-rendered Markdown: open the first of each.
    await visit(page, '/tables');
    const table = page.locator('a[href^="/tables/"]').first();
    if (await table.count()) {
      await table.click();
      await page.waitForLoadState('networkidle');
    }
    await visit(page, `/courses/${DEMO_COURSE}`);
    const found = await violations();
    if (found.length > 0) seen['table and course'] = found;
    expect(seen).toEqual({});
    expect(consoleErrors).toEqual([]);
  });

  it('refuses to be framed by another page (frame-ancestors none)', async () => {
    const { page, consoleErrors } = await watchedPage();
    // An about:blank document stands in for another site trying to frame the portal.
    await page.setContent(`<iframe id="f" src="${portal.url}/sign-in"></iframe>`);
    await page.waitForTimeout(1500);
    const framed = page.frames().find((f) => f.url().startsWith(portal.url));
    const loaded = framed ? await framed.evaluate(() => document.querySelector('h1') !== null).catch(() => false) : false;
    expect(loaded).toBe(false);
    expect(consoleErrors.join('\n')).toMatch(/frame-ancestors/);
  });
});
