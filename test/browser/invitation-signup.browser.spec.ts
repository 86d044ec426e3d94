import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { catalogues } from '@alliance/shared-i18n';
import { GraphQLClient, startPortal, waitForMail, type RunningPortal } from '../support';
import { expectNoAxeViolations, launchBrowser } from './browser';

type Texts = Record<string, string>;
// Namespaces added by appending to the catalogue index are not in its static type.
const ns = (name: string): Texts => (catalogues as unknown as Record<string, Record<string, Texts>>)[name].es;

const ADMIN = { email: 'secretaria.invitaciones@alianza.example', password: 'Secretaria-Alianza-2026' };
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { id } }`;

function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => String(values[name] ?? ''));
}

/** A verified, signed-in account made through the API. */
async function account(url: string, name: string, email: string, password: string): Promise<GraphQLClient> {
  const client = new GraphQLClient(url, 'es');
  const up = await client.request(`mutation($input: SignUpInput!) { signUp(input: $input) }`, {
    input: { name, email, password, countryCode: 'PE', preferredLocale: 'es' },
  });
  expect(up.errors).toBeUndefined();
  const mail = await waitForMail(url, (m) => m.to.includes(email) && m.links.some((l) => l.includes('/verify-email?token=')));
  const token = new URL(mail.links.find((l) => l.includes('/verify-email?token='))!).searchParams.get('token');
  expect((await client.request(`mutation($token: String!) { verifyEmail(token: $token) }`, { token })).errors).toBeUndefined();
  expect((await client.request(SIGN_IN, { input: { email, password } })).errors).toBeUndefined();
  return client;
}

describe('an invited person without an account signs up and comes back to the invitation (Chromium, es)', () => {
  let portal: RunningPortal;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    portal = await startPortal({ env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await portal?.stop();
  });

  it('invitation -> create account -> e-mailed link -> sign in -> back on the invitation -> accept', async () => {
    const url = portal.url;
    const auth = catalogues.auth.es as Texts;
    const ui = ns('allianceUi');
    const t = randomUUID().slice(0, 8);
    const orgName = `Red de Escuelas Rurales ${t}`;

    // An approved member organisation and its representative, made through the API.
    const admin = new GraphQLClient(url, 'es');
    expect((await admin.request(SIGN_IN, { input: ADMIN })).errors).toBeUndefined();
    const rep = await account(url, 'Rosa Quispe Mamani', `rosa.${t}@redrural.example`, 'Clave-Segura-2026');
    const reference = await rep.request<{ currentCharter: { version: number }; focusAreas: Array<{ id: string }> }>(`{ currentCharter { version } focusAreas { id } }`);
    const submitted = await rep.request<{ submitMembershipApplication: { id: string } }>(
      `mutation($input: ApplicationInput!) { submitMembershipApplication(input: $input) { id } }`,
      {
        input: {
          organisationName: orgName,
          organisationType: 'NGO',
          countryCode: 'PE',
          website: null,
          description: 'Acompañamos a escuelas rurales multigrado en lectura y convivencia escolar.',
          applicantRole: 'Coordinadora general',
          motivation: 'Queremos aprender de los ministerios y compartir lo que funciona en el aula rural.',
          focusAreaIds: [reference.data!.focusAreas[0].id],
          charterVersion: reference.data!.currentCharter.version,
        },
      },
    );
    expect(submitted.errors).toBeUndefined();
    const approved = await admin.request<{ approveMembershipApplication: { organisation: { slug: string } } }>(
      `mutation($id: ID!) { approveMembershipApplication(id: $id) { organisation { slug } } }`,
      { id: submitted.data!.submitMembershipApplication.id },
    );
    expect(approved.errors).toBeUndefined();
    const org = await rep.request<{ organisation: { id: string } }>(`query($slug: String!) { organisation(slug: $slug) { id } }`, {
      slug: approved.data!.approveMembershipApplication.organisation.slug,
    });

    // The representative invites someone who has no account yet, as a member.
    const invitee = { name: 'Mateo Condori Huanca', email: `mateo.${t}@redrural.example`, password: 'Una-frase-larga-2026' };
    const invited = await rep.request(`mutation($org: ID!, $email: String!) { inviteToOrganisation(organisationId: $org, email: $email, role: MEMBER) { id } }`, {
      org: org.data!.organisation.id,
      email: invitee.email,
    });
    expect(invited.errors).toBeUndefined();
    const invitationMail = await waitForMail(url, (m) => m.to.includes(invitee.email) && m.links.some((l) => l.includes('/invitations/')), 30_000);
    const invitationLink = invitationMail.links.find((l) => l.includes('/invitations/'))!;
    const invitationPath = new URL(invitationLink).pathname;

    // The invitee opens the link, signed out, and chooses to create an account.
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-ES' });
    const page: Page = await context.newPage();
    await page.goto(invitationLink);
    await page.getByRole('heading', { level: 1, name: fill(ui.invitationHeading, { name: orgName }) }).waitFor();
    await expectNoAxeViolations(page, 'invitation, signed out');
    await page.getByTestId('invitation-sign-up').click();

    await page.getByRole('heading', { level: 1, name: auth.signUpTitle }).waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe(invitationPath);
    await page.getByText(auth.returnNote).waitFor();
    await expectNoAxeViolations(page, 'sign-up with a return path');
    await page.getByLabel(auth.name).fill(invitee.name);
    await page.getByLabel(auth.email).fill(invitee.email);
    await page.getByRole('textbox', { name: auth.password, exact: true }).fill(invitee.password);
    await page.getByLabel(auth.country).selectOption('BO');
    await page.getByRole('button', { name: auth.signUpSubmit }).click();

    await page.getByRole('heading', { level: 1, name: auth.checkEmailTitle }).waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe(invitationPath);
    await expectNoAxeViolations(page, 'check-email with a return path');

    // The verification e-mail's link carries the way back.
    const verifyMail = await waitForMail(url, (m) => m.to.includes(invitee.email) && m.links.some((l) => l.includes('/verify-email?token=')));
    const verifyLink = new URL(verifyMail.links.find((l) => l.includes('/verify-email?token='))!);
    expect(verifyLink.searchParams.get('next')).toBe(invitationPath);
    await page.goto(verifyLink.toString());
    await page.getByText(auth.verifiedReturn).waitFor();
    await expectNoAxeViolations(page, 'verify-email with a return path');
    await page.getByRole('link', { name: auth.goToSignIn }).click();

    await page.getByRole('heading', { level: 1, name: auth.signInTitle }).waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe(invitationPath);
    await page.getByRole('textbox', { name: auth.email, exact: true }).fill(invitee.email);
    await page.getByRole('textbox', { name: auth.password, exact: true }).fill(invitee.password);
    await page.getByRole('button', { name: auth.signInSubmit }).click();

    // Back on the invitation, now signed in as the invited address: accept it.
    await page.waitForURL(`**${invitationPath}`);
    await page.getByTestId('accept-invitation').waitFor();
    expect(await page.getByTestId('invitation-other-account').count()).toBe(0);
    await expectNoAxeViolations(page, 'invitation, signed in after sign-up');
    await page.getByTestId('accept-invitation').click();
    await page.waitForURL('**/alliance/organisations');
    await page.getByTestId('joined-notice').filter({ hasText: orgName }).waitFor();
    await page.getByTestId('my-organisation').filter({ hasText: orgName }).waitFor();
    await expectNoAxeViolations(page, 'my organisations after accepting');
  });
});
