import { randomUUID } from 'node:crypto';
import { GraphQLClient, startPortal, waitForMail, type RunningPortal } from '../support';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) }`;
const VERIFY = `mutation($token: String!) { verifyEmail(token: $token) }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { id name email roles preferredLocale emailVerified } }`;
const ME = `{ me { id name email countryCode preferredLocale roles emailVerified } }`;

function tokenFrom(link: string): string {
  return new URL(link).searchParams.get('token')!;
}

describe('accounts journey through the running api + worker (real PostgreSQL, Redis, BullMQ)', () => {
  let portal: RunningPortal;

  beforeAll(async () => {
    portal = await startPortal({ env: { ADMIN_EMAIL: 'root-admin@alianza.example', ADMIN_PASSWORD: 'Root-Admin-Password-1' } });
  });

  afterAll(async () => {
    await portal?.stop();
  });

  it('signs up, verifies by the e-mailed link, signs in, edits the profile, changes the password and signs out everywhere', async () => {
    const email = `ines.${randomUUID().slice(0, 8)}@mined.example`;
    const password = 'Clave-Segura-2026';
    const browserA = new GraphQLClient(portal.url, 'es');
    const up = await browserA.request(SIGN_UP, { input: { name: 'Inés Cabrera Duarte', email, password, countryCode: 'PY', preferredLocale: 'es' } });
    expect(up.errors).toBeUndefined();
    expect(up.data).toEqual({ signUp: true });

    const refused = await browserA.request(SIGN_IN, { input: { email, password } });
    expect(refused.errors![0].extensions.code).toBe('EMAIL_NOT_VERIFIED');

    const mail = await waitForMail(portal.url, (m) => m.to.includes(email));
    expect(mail.subject).toBe('Confirme su correo electrónico');
    const link = mail.links.find((l) => l.includes('/verify-email?token='))!;
    expect(link.startsWith(portal.url)).toBe(true);
    expect((await browserA.request(VERIFY, { token: tokenFrom(link) })).data).toEqual({ verifyEmail: true });
    // A verification link works once.
    expect((await browserA.request(VERIFY, { token: tokenFrom(link) })).errors![0].extensions.code).toBe('BAD_USER_INPUT');

    const signedIn = await browserA.request(SIGN_IN, { input: { email: email.toUpperCase(), password } });
    expect(signedIn.errors).toBeUndefined();
    expect(browserA.hasSession()).toBe(true);
    expect((await browserA.request(ME)).data).toMatchObject({ me: { email, countryCode: 'PY', roles: [], emailVerified: true } });

    const updated = await browserA.request(`mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { name countryCode preferredLocale } }`, {
      input: { name: 'Inés Cabrera', countryCode: 'BR', preferredLocale: 'pt' },
    });
    expect(updated.data).toEqual({ updateProfile: { name: 'Inés Cabrera', countryCode: 'BR', preferredLocale: 'pt' } });

    // A second device, then a password change from the first: the second is signed out.
    const browserB = new GraphQLClient(portal.url, 'pt');
    await browserB.request(SIGN_IN, { input: { email, password } });
    expect((await browserB.request(ME)).data).toMatchObject({ me: { email } });
    const changed = await browserA.request(`mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`, {
      input: { currentPassword: password, newPassword: 'Nueva-Clave-2026' },
    });
    expect(changed.data).toEqual({ changePassword: true });
    expect((await browserB.request(ME)).data).toEqual({ me: null });
    expect((await browserA.request(ME)).data).toMatchObject({ me: { email } });
    await waitForMail(portal.url, (m) => m.to.includes(email) && m.subject === 'A sua senha foi alterada');

    const browserC = new GraphQLClient(portal.url, 'es');
    await browserC.request(SIGN_IN, { input: { email, password: 'Nueva-Clave-2026' } });
    expect((await browserA.request(`mutation { signOutEverywhere }`)).data).toEqual({ signOutEverywhere: true });
    expect((await browserA.request(ME)).data).toEqual({ me: null });
    expect((await browserC.request(ME)).data).toEqual({ me: null });
  });

  it('resets a forgotten password by e-mail without revealing whether an account exists', async () => {
    const email = `joao.${randomUUID().slice(0, 8)}@educacao.example`;
    const client = new GraphQLClient(portal.url, 'pt');
    await client.request(SIGN_UP, { input: { name: 'João Batista Neves', email, password: 'Senha-Antiga-2026', countryCode: 'BR', preferredLocale: 'pt' } });
    const verifyMail = await waitForMail(portal.url, (m) => m.to.includes(email));
    await client.request(VERIFY, { token: tokenFrom(verifyMail.links.find((l) => l.includes('verify-email'))!) });

    const unknown = await client.request(`mutation($email: String!) { requestPasswordReset(email: $email) }`, { email: `nobody.${randomUUID()}@nowhere.example` });
    expect(unknown.data).toEqual({ requestPasswordReset: true });
    const known = await client.request(`mutation($email: String!) { requestPasswordReset(email: $email) }`, { email });
    expect(known.data).toEqual({ requestPasswordReset: true });
    const resetMail = await waitForMail(portal.url, (m) => m.to.includes(email) && m.subject === 'Redefina a sua senha');
    const token = tokenFrom(resetMail.links.find((l) => l.includes('/reset-password?token='))!);
    const reset = await client.request(`mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }`, { input: { token, newPassword: 'Senha-Nova-2026!' } });
    expect(reset.data).toEqual({ resetPassword: true });
    const old = await client.request(SIGN_IN, { input: { email, password: 'Senha-Antiga-2026' } });
    expect(old.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect(old.errors![0].message).toBe('O e-mail ou a senha não estão corretos.');
    expect((await client.request(SIGN_IN, { input: { email, password: 'Senha-Nova-2026!' } })).errors).toBeUndefined();
  });

  it('lets exactly one of ten simultaneous sign-ups with the same e-mail through', async () => {
    const email = `carmen.${randomUUID().slice(0, 8)}@minedu.example`;
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        new GraphQLClient(portal.url, 'es').request(SIGN_UP, { input: { name: 'Carmen Ayala', email, password: 'Clave-Segura-2026', countryCode: 'EC', preferredLocale: 'es' } }),
      ),
    );
    expect(results.filter((r) => r.data?.signUp === true)).toHaveLength(1);
    const conflicts = results.filter((r) => r.errors?.[0]?.extensions.code === 'CONFLICT');
    expect(conflicts).toHaveLength(9);
    expect(conflicts[0].errors![0].message).toBe('Ya existe una cuenta con este correo. Inicie sesión o recupere su contraseña.');
  });

  it('lets the configured administrator grant and revoke roles, and nobody else', async () => {
    const admin = new GraphQLClient(portal.url, 'en');
    const signedIn = await admin.request(SIGN_IN, { input: { email: 'root-admin@alianza.example', password: 'Root-Admin-Password-1' } });
    expect(signedIn.data).toMatchObject({ signIn: { roles: ['ADMIN'] } });

    const email = `pierre.${randomUUID().slice(0, 8)}@education.example`;
    const person = new GraphQLClient(portal.url, 'fr');
    await person.request(SIGN_UP, { input: { name: 'Pierre-Louis Étienne', email, password: 'Mot-de-passe-2026', countryCode: 'HT', preferredLocale: 'fr' } });
    const mail = await waitForMail(portal.url, (m) => m.to.includes(email));
    expect(mail.subject).toBe('Confirmez votre adresse e-mail');
    await person.request(VERIFY, { token: tokenFrom(mail.links.find((l) => l.includes('verify-email'))!) });
    await person.request(SIGN_IN, { input: { email, password: 'Mot-de-passe-2026' } });

    const forbidden = await person.request(`{ users(first: 5) { totalCount } }`);
    expect(forbidden.errors![0].extensions.code).toBe('FORBIDDEN');
    expect(forbidden.errors![0].message).toBe('Vous n’êtes pas autorisé à faire cela.');

    const found = await admin.request<{ users: { totalCount: number; edges: Array<{ node: { id: string; email: string } }> } }>(
      `query($search: String) { users(first: 5, search: $search) { totalCount edges { node { id email roles } } } }`,
      { search: 'pierre-louis etienne'.slice(0, 12) },
    );
    const target = found.data!.users.edges.find((e) => e.node.email === email)!;
    expect(target).toBeDefined();
    const granted = await admin.request(`mutation($id: ID!) { grantRole(userId: $id, role: ORGANISER) { roles } }`, { id: target.node.id });
    expect(granted.data).toEqual({ grantRole: { roles: ['ORGANISER'] } });
    expect((await person.request(ME)).data).toMatchObject({ me: { roles: ['ORGANISER'] } });
    const revoked = await admin.request(`mutation($id: ID!) { revokeRole(userId: $id, role: ORGANISER) { roles } }`, { id: target.node.id });
    expect(revoked.data).toEqual({ revokeRole: { roles: [] } });
  });

  it('paginates the user list with cursors, without repeating or skipping anyone', async () => {
    const admin = new GraphQLClient(portal.url, 'en');
    await admin.request(SIGN_IN, { input: { email: 'root-admin@alianza.example', password: 'Root-Admin-Password-1' } });
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 500; page++) {
      const res: { data?: { users: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: { id: string } }> } } } =
        await admin.request(`query($after: String) { users(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`, { after });
      total = res.data!.users.totalCount;
      seen.push(...res.data!.users.edges.map((e) => e.node.id));
      if (!res.data!.users.pageInfo.hasNextPage) break;
      after = res.data!.users.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(total);
    const bad = await admin.request(`{ users(first: 2, after: "not-a-cursor") { totalCount } }`);
    expect(bad.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
