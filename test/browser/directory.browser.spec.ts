import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { catalogues } from '@alliance/shared-i18n';
import { GraphQLClient, startPortal, waitForMail, type RunningPortal } from '../support';
import { expectNoAxeViolations, expectNoHorizontalOverflow, launchBrowser } from './browser';

const ADMIN = { email: 'directorio-admin@alianza.example', password: 'Directorio-Admin-2026' };
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { id } }`;
const d = catalogues.allianceDirectory;
const auth = catalogues.auth.es;

interface Member {
  name: string;
  slug: string;
  organisationId: string;
}

describe('public member directory, organisation and country pages, secretariat dashboard (Chromium)', () => {
  let portal: RunningPortal;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let admin: GraphQLClient;
  const suffix = randomUUID().slice(0, 6);
  const members: Record<'ngo' | 'ministry' | 'network', Member> = {} as never;
  let waitingName = '';
  let focalPersonName = '';

  async function verifiedPerson(name: string, countryCode: string): Promise<{ client: GraphQLClient; id: string }> {
    const email = `${name.split(' ')[0].toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.${randomUUID().slice(0, 8)}@org.example`;
    const password = 'Clave-Segura-2026';
    const client = new GraphQLClient(portal.url, 'es');
    const signedUp = await client.request(`mutation($input: SignUpInput!) { signUp(input: $input) }`, {
      input: { name, email, password, countryCode, preferredLocale: 'es' },
    });
    expect(signedUp.errors).toBeUndefined();
    const mail = await waitForMail(portal.url, (m) => m.to.includes(email));
    const token = new URL(mail.links.find((l) => l.includes('token='))!).searchParams.get('token');
    await client.request(`mutation($token: String!) { verifyEmail(token: $token) }`, { token });
    const signedIn = await client.request<{ signIn: { id: string } }>(SIGN_IN, { input: { email, password } });
    expect(signedIn.errors).toBeUndefined();
    return { client, id: signedIn.data!.signIn.id };
  }

  async function apply(client: GraphQLClient, input: { organisationName: string; organisationType: string; countryCode: string; focusAreaIds: string[] }) {
    const charter = await client.request<{ currentCharter: { version: number } }>(`{ currentCharter { version } }`);
    const slug = input.organisationName.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-');
    const result = await client.request<{ submitMembershipApplication: { id: string } }>(
      `mutation($input: ApplicationInput!) { submitMembershipApplication(input: $input) { id } }`,
      {
        input: {
          ...input,
          website: `https://${slug}.example.org`,
          // Kept free of "educación" so the search assertions depend on the names alone.
          description: `${input.organisationName}: escuelas y comunidades que aprenden juntas en la región.`,
          applicantRole: 'Directora',
          motivation: 'Compartir experiencias y aprender de otros países.',
          charterVersion: charter.data!.currentCharter.version,
        },
      },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.submitMembershipApplication.id;
  }

  async function approve(applicationId: string): Promise<Member> {
    const approved = await admin.request<{ approveMembershipApplication: { organisationName: string; organisation: { id: string; slug: string } } }>(
      `mutation($id: ID!) { approveMembershipApplication(id: $id) { organisationName organisation { id slug } } }`,
      { id: applicationId },
    );
    expect(approved.errors).toBeUndefined();
    const { organisationName, organisation } = approved.data!.approveMembershipApplication;
    return { name: organisationName, slug: organisation.slug, organisationId: organisation.id };
  }

  async function signInAsAdmin(target: Page) {
    await target.goto(`${portal.url}/sign-in`);
    await target.getByRole('textbox', { name: auth.email, exact: true }).fill(ADMIN.email);
    await target.getByRole('textbox', { name: auth.password, exact: true }).fill(ADMIN.password);
    await target.getByRole('button', { name: auth.signInSubmit }).click();
    await target.getByTestId('user-menu').waitFor();
  }

  beforeAll(async () => {
    portal = await startPortal({ env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
    browser = await launchBrowser();
    admin = new GraphQLClient(portal.url, 'es');
    expect((await admin.request(SIGN_IN, { input: ADMIN })).errors).toBeUndefined();
    const areas = (await admin.request<{ focusAreas: Array<{ id: string; key: string }> }>(`{ focusAreas { id key } }`)).data!.focusAreas;
    expect(areas.length).toBeGreaterThanOrEqual(2);

    const ngoRep = await verifiedPerson('Valentina Ríos', 'CO');
    members.ngo = await approve(await apply(ngoRep.client, { organisationName: `Fundación Educación Viva ${suffix}`, organisationType: 'NGO', countryCode: 'CO', focusAreaIds: [areas[0].id] }));
    const ministryRep = await verifiedPerson('Héctor Álvarez', 'MX');
    members.ministry = await approve(
      await apply(ministryRep.client, { organisationName: `Secretaría de Educación Pública ${suffix}`, organisationType: 'MINISTRY_OF_EDUCATION', countryCode: 'MX', focusAreaIds: [areas[1].id] }),
    );
    const networkRep = await verifiedPerson('Rosa Quispe', 'PE');
    members.network = await approve(await apply(networkRep.client, { organisationName: `Red Andina de Escuelas ${suffix}`, organisationType: 'NETWORK', countryCode: 'PE', focusAreaIds: [areas[0].id] }));
    // One application stays waiting for the dashboard.
    const waitingRep = await verifiedPerson('Jean-Baptiste Louis', 'HT');
    waitingName = `Collectif Apprendre ${suffix}`;
    await apply(waitingRep.client, { organisationName: waitingName, organisationType: 'OTHER', countryCode: 'HT', focusAreaIds: [areas[1].id] });

    // The NGO's representative is its titular focal point, first without consenting to publish the name.
    focalPersonName = 'Valentina Ríos';
    const designated = await ngoRep.client.request<{ designateFocalPoint: { id: string; name: string | null } }>(
      `mutation($o: ID!, $u: ID!, $a: ID!) { designateFocalPoint(organisationId: $o, userId: $u, focusAreaId: $a, role: TITULAR, startDate: "2026-01-01") { id name } }`,
      { o: members.ngo.organisationId, u: ngoRep.id, a: areas[0].id },
    );
    expect(designated.errors).toBeUndefined();
    const anonymous = new GraphQLClient(portal.url, 'es');
    const hidden = await anonymous.request<{ countryFocalPoints: Array<{ name: string | null; organisationName: string }> }>(`{ countryFocalPoints(countryCode: "CO") { name organisationName } }`);
    expect(hidden.data!.countryFocalPoints.find((f) => f.organisationName === members.ngo.name)?.name).toBeNull();
    (members as unknown as { focalPointId: string }).focalPointId = designated.data!.designateFocalPoint.id;
    (members as unknown as { ngoRep: GraphQLClient }).ngoRep = ngoRep.client;
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-ES', acceptDownloads: true });
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
  });

  it('finds "Educación" when searching "educacion", narrows by filters kept in the URL, and opens the organisation and country pages', async () => {
    await page.goto(`${portal.url}/alliance/directory`);
    await page.getByRole('heading', { level: 1, name: d.es.directoryTitle }).waitFor();
    await page.getByTestId('directory-item').first().waitFor();
    await expectNoAxeViolations(page, 'directory');

    await page.getByRole('searchbox', { name: d.es.searchLabel }).fill('educacion');
    await page.getByRole('searchbox', { name: d.es.searchLabel }).press('Enter');
    const items = page.getByTestId('directory-item');
    await items.filter({ hasText: members.ngo.name }).waitFor();
    await items.filter({ hasText: members.ministry.name }).waitFor();
    // Both were on the unfiltered page too: the network leaving shows the search has applied.
    await items.filter({ hasText: members.network.name }).waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('q')).toBe('educacion');
    // A name-only word narrows to that organisation.
    await page.getByRole('searchbox', { name: d.es.searchLabel }).fill('andina');
    await page.getByRole('searchbox', { name: d.es.searchLabel }).press('Enter');
    await items.filter({ hasText: members.network.name }).waitFor();
    await items.filter({ hasText: members.ngo.name }).waitFor({ state: 'detached' });
    expect(await items.filter({ hasText: members.ministry.name }).count()).toBe(0);
    await page.goBack();
    await items.filter({ hasText: members.ngo.name }).waitFor();
    expect(await page.getByRole('searchbox', { name: d.es.searchLabel }).inputValue()).toBe('educacion');

    await page.getByLabel(d.es.filterType).selectOption('NGO');
    await page.waitForURL((url) => url.searchParams.get('type') === 'NGO');
    await items.filter({ hasText: members.ministry.name }).waitFor({ state: 'detached' });
    await items.filter({ hasText: members.ngo.name }).waitFor();
    await expectNoAxeViolations(page, 'directory filtered');

    // The URL alone reproduces the search (a shared link).
    const shared = `${portal.url}/alliance/directory?q=educacion&country=MX`;
    await page.goto(shared);
    await items.filter({ hasText: members.ministry.name }).waitFor();
    expect(await items.filter({ hasText: members.ngo.name }).count()).toBe(0);
    expect(await page.getByLabel(d.es.filterCountry).inputValue()).toBe('MX');

    // Sub-region filter.
    await page.goto(`${portal.url}/alliance/directory?region=SOUTH_AMERICA`);
    await items.filter({ hasText: members.network.name }).waitFor();
    expect(await items.filter({ hasText: members.ministry.name }).count()).toBe(0);

    await page.goto(`${portal.url}/alliance/directory?q=educacion&type=NGO`);
    await items.filter({ hasText: members.ngo.name }).getByRole('link', { name: members.ngo.name }).click();
    await page.getByRole('heading', { level: 1, name: members.ngo.name }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/alliance/organisations/${members.ngo.slug}`);
    await page.getByTestId('organisation-category').getByText(d.es.category_PARTNER).waitFor();
    const focal = page.getByTestId('organisation-focal-points').getByTestId('focal-point');
    await focal.getByText(d.es.nameNotPublished).waitFor();
    expect(await focal.getByText(focalPersonName).count()).toBe(0);
    expect(await page.getByTestId('organisation-manage').count()).toBe(0);
    await expectNoAxeViolations(page, 'organisation page');

    // With consent the name is published.
    const rep = (members as unknown as { ngoRep: GraphQLClient }).ngoRep;
    const consent = await rep.request(`mutation($id: ID!) { setFocalPointConsent(id: $id, consentToPublish: true) { id } }`, { id: (members as unknown as { focalPointId: string }).focalPointId });
    expect(consent.errors).toBeUndefined();
    await page.getByRole('link', { name: d.es.viewCountry.replace('{{country}}', 'Colombia') }).click();
    await page.getByRole('heading', { level: 1, name: 'Colombia' }).waitFor();
    await page.getByTestId('country-focal-points').getByText(focalPersonName).waitFor();
    await page.getByTestId('directory-item').filter({ hasText: members.ngo.name }).waitFor();
    await expectNoAxeViolations(page, 'country page');
  });

  it('shows the secretariat the dashboard with charts and numbers, and downloads the CSV', async () => {
    await signInAsAdmin(page);
    await page.goto(`${portal.url}/admin/alliance`);
    await page.getByRole('heading', { level: 1, name: d.es.dashboardTitle }).waitFor();
    await page.getByTestId('total-members').waitFor();
    expect(Number((await page.getByTestId('total-members').innerText()).replace(/\D/g, ''))).toBeGreaterThanOrEqual(3);
    await page.getByTestId('waiting-application').filter({ hasText: waitingName }).getByRole('link', { name: waitingName }).waitFor();
    for (const id of ['members-by-country', 'members-by-sub-region', 'members-by-type', 'growth']) {
      await page.getByTestId(`${id}-chart`).locator('svg').first().waitFor();
      expect(await page.getByTestId(`${id}-table`).getByRole('row').count()).toBeGreaterThan(1);
    }
    await page.getByTestId('members-by-country-table').getByRole('row', { name: /Colombia/ }).waitFor();
    await page.getByTestId('members-by-type-table').getByRole('row', { name: new RegExp(d.es.type_MINISTRY_OF_EDUCATION) }).waitFor();
    await expectNoAxeViolations(page, 'dashboard');
    await expectNoHorizontalOverflow(page, 'dashboard 1280 (admin navigation)');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: d.es.downloadCsv }).click()]);
    const csv = fs.readFileSync((await download.path())!);
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = csv.toString('utf8');
    expect(text).toContain(members.ngo.name);
    expect(text).toContain(members.ministry.name);
    expect(text).not.toContain(waitingName);

    await page.goto(`${portal.url}/admin/alliance/reference`);
    await page.getByRole('heading', { level: 1, name: d.es.referenceTitle }).waitFor();
    await page.getByTestId('charter-current').waitFor();
    await page.getByTestId('focus-area-item').first().waitFor();
    await expectNoAxeViolations(page, 'reference data');
    await page.getByLabel(d.es.observerCode).fill('pt');
    await page.getByRole('button', { name: d.es.addObserver }).click();
    await page.getByTestId('observer-countries').getByText('Portugal (PT)').waitFor();
  });

  it('fits 360 px and passes axe on every alliance page, in Spanish and English', async () => {
    await signInAsAdmin(page);
    await page.setViewportSize({ width: 360, height: 740 });
    for (const locale of ['es', 'en'] as const) {
      await page.getByTestId('language-switcher').selectOption(locale);
      await page.waitForFunction((l) => document.documentElement.lang === l, locale);
      const pages: Array<[string, string]> = [
        ['/alliance/directory?q=educacion', d[locale].directoryTitle],
        [`/alliance/organisations/${members.ngo.slug}`, members.ngo.name],
        ['/alliance/countries/CO', locale === 'es' ? 'Colombia' : 'Colombia'],
        ['/admin/alliance', d[locale].dashboardTitle],
        ['/admin/alliance/reference', d[locale].referenceTitle],
      ];
      for (const [path, heading] of pages) {
        await page.goto(`${portal.url}${path}`);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        await page.waitForFunction(() => !document.querySelector('[role="status"] .mantine-Loader-root'));
        await expectNoHorizontalOverflow(page, `${locale} ${path} (360 px)`);
        await expectNoAxeViolations(page, `${locale} ${path} (360 px)`);
      }
    }
  });
});
