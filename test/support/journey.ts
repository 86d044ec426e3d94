import { GraphQLClient, startPortal, waitForMail, type RunningPortal } from './portal';

/** The password the journeys give the people they sign up. */
export const PASSWORD = 'Clave-Segura-2026';
export const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { id } }`;

export interface Credentials {
  email: string;
  password: string;
}

type GraphQLResult = Awaited<ReturnType<GraphQLClient['request']>>;

/** The data of a GraphQL answer; throws with the errors if there are any. */
export function ok<T>(result: GraphQLResult & { data?: T }): T {
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data as T;
}

/** A text in Spanish only, as the localised inputs take it. */
export const es = (value: string) => [{ locale: 'es', value }];

/** The environment that makes `admin` the portal's configured administrator. */
export function adminEnv(admin: Credentials): Record<string, string> {
  return { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password };
}

/**
 * For a journey's describe block: starts the built api + worker with `admin` as the configured
 * administrator before its tests and stops them after. Call the returned function inside a test
 * (or a later hook) for the running portal.
 */
export function portalWithAdmin(admin: Credentials): () => RunningPortal {
  let portal: RunningPortal | undefined;
  beforeAll(async () => {
    portal = await startPortal({ env: adminEnv(admin) });
  });
  afterAll(async () => {
    await portal?.stop();
  });
  return () => {
    if (!portal) throw new Error('the portal is not running (use it inside a test or a later hook)');
    return portal;
  };
}

/** A GraphQL client signed in as `credentials` (fails if the portal refuses them). */
export async function signedInClient(portal: Pick<RunningPortal, 'url'>, credentials: Credentials, locale = 'es'): Promise<GraphQLClient> {
  const client = new GraphQLClient(portal.url, locale);
  ok(await client.request(SIGN_IN, { input: { email: credentials.email, password: credentials.password } }));
  return client;
}

/** Signs up with PASSWORD, confirms the e-mail through the mailed link and signs in: the client and the person's id. */
export async function newAccount(
  portal: Pick<RunningPortal, 'url'>,
  name: string,
  email: string,
  countryCode = 'PE',
  locale = 'es',
): Promise<{ client: GraphQLClient; id: string }> {
  const client = new GraphQLClient(portal.url, locale);
  ok(await client.request(`mutation($input: SignUpInput!) { signUp(input: $input) }`, { input: { name, email, password: PASSWORD, countryCode, preferredLocale: locale } }));
  const mail = await waitForMail(portal.url, (m) => m.to.includes(email) && m.links.some((l) => l.includes('token=')));
  const token = new URL(mail.links.find((l) => l.includes('token='))!).searchParams.get('token');
  ok(await client.request(`mutation($token: String!) { verifyEmail(token: $token) }`, { token }));
  const { signIn } = ok<{ signIn: { id: string } }>(await client.request(SIGN_IN, { input: { email, password: PASSWORD } }));
  return { client, id: signIn.id };
}
