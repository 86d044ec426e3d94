import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { catalogues } from '@alliance/shared-i18n';
import { PASSWORD, SIGN_IN, adminEnv, newAccount, signedInClient, startPortal, type Credentials, type GraphQLClient, type RunningPortal } from '../support';

/** Debian's Chromium, headless, with no network beyond loopback (nothing is downloaded). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Fails with the list of axe violations (WCAG 2.1 A and AA rules) on the page as it is now. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  // Colours measured mid-transition (a dialog fading in) are blends, not what people read.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 5_000 }).catch(() => undefined);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  // The first node's explanation (e.g. the measured contrast and colours) makes a failure actionable.
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).join(', ')} [${(v.nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ').trim()}]`,
  );
  expect({ page: label, violations: summary }).toEqual({ page: label, violations: [] });
}

/** The page fits a phone screen: nothing wider than the viewport forces sideways scrolling. */
export async function expectNoHorizontalOverflow(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect({ page: label, overflow: overflow > 0 ? overflow : 0 }).toEqual({ page: label, overflow: 0 });
}

/**
 * Signs in on the sign-in page, reading its labels in `locale` (the interface language the page
 * shows), and waits for the user menu.
 */
export async function signIn(page: Page, url: string, email: string, locale: 'es' | 'en' | 'pt' | 'fr', password = PASSWORD): Promise<void> {
  const auth = catalogues.auth[locale];
  await page.goto(`${url}/sign-in`);
  await page.getByRole('heading', { level: 1, name: auth.signInTitle }).waitFor();
  await page.getByRole('textbox', { name: auth.email, exact: true }).fill(email);
  await page.getByRole('textbox', { name: auth.password, exact: true }).fill(password);
  await page.getByRole('button', { name: auth.signInSubmit }).click();
  await page.getByTestId('user-menu').waitFor();
}

/** The data of a GraphQL request, expecting no errors. */
export async function gql<T>(client: GraphQLClient, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await client.request<T>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

/** What a browser journey runs against; read it inside its hooks and tests. */
export interface BrowserJourney {
  readonly portal: RunningPortal;
  /** The portal's base URL. */
  readonly url: string;
  readonly browser: Browser;
  /** A GraphQL client signed in as the configured administrator. */
  readonly admin: GraphQLClient;
  /** A new context of the journey's browser, closed when the journey ends. */
  newContext(options: BrowserContextOptions): Promise<BrowserContext>;
}

/**
 * For a browser journey's describe block: before its tests, starts the built api + worker with
 * `admin` as the configured administrator, Chromium, and signs the administrator in over GraphQL;
 * after them, closes every context opened through `newContext`, Chromium and the portal.
 */
export function browserJourney(admin: Credentials): BrowserJourney {
  let portal: RunningPortal | undefined;
  let browser: Browser | undefined;
  let adminClient: GraphQLClient | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    portal = await startPortal({ env: adminEnv(admin) });
    browser = await launchBrowser();
    adminClient = await signedInClient(portal, admin);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await portal?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the journey has not started (use it inside a test or a later hook)');
    return value;
  };
  return {
    get portal() {
      return started(portal);
    },
    get url() {
      return started(portal).url;
    },
    get browser() {
      return started(browser);
    },
    get admin() {
      return started(adminClient);
    },
    async newContext(options) {
      const context = await started(browser).newContext(options);
      contexts.push(context);
      return context;
    },
  };
}

/**
 * Signs `name` up (see newAccount) and has the administrator make them an organiser; their client
 * then signs in again, so that its session carries the new role.
 */
export async function newOrganiser(journey: BrowserJourney, name: string, email: string, countryCode: string): Promise<{ client: GraphQLClient; id: string }> {
  const person = await newAccount(journey, name, email, countryCode, 'es');
  await gql(journey.admin, `mutation($u: ID!) { grantRole(userId: $u, role: ORGANISER) { id } }`, { u: person.id });
  expect((await person.client.request(SIGN_IN, { input: { email, password: PASSWORD } })).errors).toBeUndefined();
  return person;
}
