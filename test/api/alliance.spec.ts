import { randomUUID } from 'node:crypto';
import { GraphQLClient, SIGN_IN, newAccount, portalWithAdmin, signedInClient, waitForMail } from '../support';

const ADMIN = { email: 'alliance-admin@alianza.example', password: 'Alliance-Admin-Password-1' };
const APPLICATION_FIELDS = `id status organisationName ageDays country { code name subRegion } focusAreas { key name } applicant { name } events { fromStatus toStatus note actorName } organisation { slug }`;
const SUBMIT = `mutation($input: ApplicationInput!) { submitMembershipApplication(input: $input) { ${APPLICATION_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: ApplicationInput!) { updateMembershipApplication(id: $id, input: $input) { ${APPLICATION_FIELDS} } }`;
const CHANGES = `mutation($id: ID!, $note: String!) { requestApplicationChanges(id: $id, note: $note) { status } }`;
const APPROVE = `mutation($id: ID!) { approveMembershipApplication(id: $id) { ${APPLICATION_FIELDS} } }`;
const DIRECTORY = `query($search: String) { directory(search: $search, first: 10) { totalCount edges { node { slug name type country { name } membership { category status events { action } } } } } }`;
const ORGANISATION = `query($slug: String!) { organisation(slug: $slug) { id name myRoles people { user { email } roles } membership { category events { action actorName } } focalPoints { name role current focusArea { key name } countryCode consentToPublish } } }`;
const INVITE = `mutation($org: ID!, $email: String!, $area: ID) { inviteToOrganisation(organisationId: $org, email: $email, role: FOCAL_POINT, focusAreaId: $area, focalRole: TITULAR) { id email role focalRole focusArea { key } } }`;

describe('alliance journey through the running api + worker', () => {
  const running = portalWithAdmin(ADMIN);

  it('apply -> changes requested -> resubmit -> approve -> directory -> invite a focal point who signs up and accepts', async () => {
    const portal = running();
    const t = randomUUID().slice(0, 6);
    const admin = await signedInClient(portal, ADMIN);
    const repEmail = `rosa.${t}@aprender.example`;
    const { client: rep } = await newAccount(portal, 'Rosa Quispe Mamani', repEmail, 'PE', 'es');

    const reference = await rep.request<{ currentCharter: { version: number; text: string }; focusAreas: Array<{ id: string; key: string; name: string }>; countries: Array<{ code: string; name: string }> }>(
      `{ currentCharter { version text } focusAreas { id key name } countries(includeObservers: false) { code name } }`,
    );
    expect(reference.data!.countries).toHaveLength(33);
    expect(reference.data!.countries.find((c) => c.code === 'PE')!.name).toBe('Perú');
    expect(reference.data!.currentCharter.text).toContain('Carta de la Alianza');
    const areas = reference.data!.focusAreas;
    const input = {
      organisationName: `Fundación Educación Andina ${t}`,
      organisationType: 'NGO',
      countryCode: 'PE',
      website: `https://www.educacion-andina-${t}.example/nosotros`,
      description: 'Acompañamos a escuelas rurales de los Andes en lectura, escritura y convivencia.',
      applicantRole: 'Directora ejecutiva',
      motivation: 'Queremos compartir lo que aprendimos y aprender de los ministerios de la región.',
      focusAreaIds: [areas[0].id, areas[2].id],
      charterVersion: reference.data!.currentCharter.version,
    };
    const submitted = await rep.request<{ submitMembershipApplication: { id: string; status: string; country: { name: string } } }>(SUBMIT, { input });
    expect(submitted.errors).toBeUndefined();
    const id = submitted.data!.submitMembershipApplication.id;
    expect(submitted.data!.submitMembershipApplication).toMatchObject({ status: 'SUBMITTED', country: { name: 'Perú' } });

    // A second applicant for the same organisation is told which one exists, in their language.
    const { client: other } = await newAccount(portal, 'John Smith', `john.${t}@example.org`, 'PE', 'en');
    const duplicate = await other.request(SUBMIT, { input: { ...input, organisationName: `fundacion educacion andina ${t}`, website: null } });
    expect(duplicate.errors![0].extensions.code).toBe('CONFLICT');
    expect(duplicate.errors![0].message).toContain(`“Fundación Educación Andina ${t}”`);
    // ... and a participant cannot review.
    expect((await other.request(CHANGES, { id, note: 'x' })).errors![0].extensions.code).toBe('FORBIDDEN');

    expect((await admin.request(CHANGES, { id, note: 'Indique el sitio web oficial y amplíe la descripción.' })).errors).toBeUndefined();
    const notice = await waitForMail(portal.url, (m) => m.to.includes(repEmail) && m.subject.includes('Cambios solicitados'));
    expect(notice.text).toContain('Indique el sitio web oficial');
    const illegal = await admin.request(APPROVE, { id });
    expect(illegal.errors![0]).toMatchObject({ message: 'No se puede pasar una solicitud de «Cambios solicitados» a «Aprobada».', extensions: { code: 'CONFLICT' } });

    const resubmitted = await rep.request<{ updateMembershipApplication: { status: string } }>(UPDATE, {
      id,
      input: { ...input, description: `${input.description} Trabajamos con 40 escuelas en Puno y Cusco.` },
    });
    expect(resubmitted.data!.updateMembershipApplication.status).toBe('SUBMITTED');

    const approved = await admin.request<{ approveMembershipApplication: { status: string; organisation: { slug: string }; events: Array<{ toStatus: string }> } }>(APPROVE, { id });
    expect(approved.errors).toBeUndefined();
    const result = approved.data!.approveMembershipApplication;
    expect(result.status).toBe('APPROVED');
    expect(result.events.map((e) => e.toStatus)).toEqual(['SUBMITTED', 'CHANGES_REQUESTED', 'SUBMITTED', 'APPROVED']);
    const slug = result.organisation.slug;

    // Public directory, accent-insensitive.
    const anonymous = new GraphQLClient(portal.url, 'en');
    const directory = await anonymous.request<{ directory: { totalCount: number; edges: Array<{ node: { slug: string; membership: { category: string; events: unknown[] } } }> } }>(DIRECTORY, {
      search: `EDUCACION andina ${t}`,
    });
    expect(directory.data!.directory.totalCount).toBe(1);
    expect(directory.data!.directory.edges[0].node).toMatchObject({ slug, membership: { category: 'PARTNER', events: [] } });

    const mine = await rep.request<{ organisation: { id: string; myRoles: string[]; membership: { events: Array<{ action: string }> } } }>(ORGANISATION, { slug });
    expect(mine.data!.organisation.myRoles).toEqual(['REPRESENTATIVE']);
    expect(mine.data!.organisation.membership.events.map((e) => e.action)).toEqual(['CREATED']);
    const organisationId = mine.data!.organisation.id;

    // The dashboard and the CSV show the new member.
    const dashboard = await admin.request<{ allianceDashboard: { totalMembers: number; membersByCountry: Array<{ key: string; label: string; count: number }>; membersByType: Array<{ key: string; label: string }> } }>(
      `{ allianceDashboard { totalMembers membersByCountry { key label count } membersByType { key label count } growth { month total } waiting { id ageDays } } }`,
    );
    expect(dashboard.data!.allianceDashboard.totalMembers).toBeGreaterThanOrEqual(1);
    expect(dashboard.data!.allianceDashboard.membersByCountry.find((r) => r.key === 'PE')).toMatchObject({ label: 'Perú' });
    expect(dashboard.data!.allianceDashboard.membersByType.find((r) => r.key === 'NGO')).toMatchObject({ label: 'ONG' });
    const adminCookie = await fetch(`${portal.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: SIGN_IN, variables: { input: ADMIN } }),
    }).then((r) => r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '));
    const csv = await fetch(`${portal.url}/api/alliance/members.csv`, { headers: { cookie: adminCookie, 'accept-language': 'es' } });
    expect(csv.status).toBe(200);
    const body = Buffer.from(await csv.arrayBuffer());
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString('utf8')).toContain(`Fundación Educación Andina ${t},ONG,Perú,América del Sur,Socio,Activa`);
    expect((await fetch(`${portal.url}/api/alliance/members.csv`)).status).toBe(401);

    // The representative invites a colleague without an account as focal point.
    const colleagueEmail = `diego.${t}@aprender.example`;
    const invited = await rep.request<{ inviteToOrganisation: { role: string; focusArea: { key: string } } }>(INVITE, { org: organisationId, email: colleagueEmail, area: areas[5].id });
    expect(invited.errors).toBeUndefined();
    const invitationMail = await waitForMail(portal.url, (m) => m.to.includes(colleagueEmail) && m.links.some((l) => l.includes('/invitations/')));
    expect(invitationMail.text).toContain('punto focal');
    const token = invitationMail.links.find((l) => l.includes('/invitations/'))!.split('/invitations/')[1];
    const preview = await anonymous.request<{ invitation: { organisationName: string; role: string; email: string; expired: boolean } }>(
      `query($token: String!) { invitation(token: $token) { organisationName role invitedBy email expired accepted } }`,
      { token },
    );
    expect(preview.data!.invitation).toMatchObject({ organisationName: `Fundación Educación Andina ${t}`, role: 'FOCAL_POINT', email: colleagueEmail, expired: false });

    // Someone else signed in cannot take it.
    const wrong = await other.request(`mutation($token: String!) { acceptInvitation(token: $token) { slug } }`, { token });
    expect(wrong.errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(wrong.errors![0].message).toContain(colleagueEmail);

    const { client: colleague } = await newAccount(portal, 'Diego Condori Huanca', colleagueEmail, 'PE', 'es');
    const accepted = await colleague.request<{ acceptInvitation: { slug: string } }>(`mutation($token: String!) { acceptInvitation(token: $token) { slug } }`, { token });
    expect(accepted.data!.acceptInvitation.slug).toBe(slug);

    const publicView = await anonymous.request<{ organisation: { focalPoints: Array<{ name: string | null; role: string; current: boolean; focusArea: { key: string } }>; people: unknown[]; myRoles: string[] } }>(ORGANISATION, { slug });
    expect(publicView.data!.organisation.focalPoints).toEqual([expect.objectContaining({ name: null, role: 'TITULAR', current: true, focusArea: expect.objectContaining({ key: areas[5].key }) })]);
    expect(publicView.data!.organisation.people).toEqual([]);
    expect(publicView.data!.organisation.myRoles).toEqual([]);
    const repView = await rep.request<{ organisation: { focalPoints: Array<{ name: string }>; people: Array<{ user: { email: string }; roles: string[] }> } }>(ORGANISATION, { slug });
    expect(repView.data!.organisation.focalPoints[0].name).toBe('Diego Condori Huanca');
    expect(repView.data!.organisation.people).toEqual(
      expect.arrayContaining([
        { user: { email: repEmail }, roles: ['REPRESENTATIVE'] },
        { user: { email: colleagueEmail }, roles: expect.arrayContaining(['MEMBER', 'FOCAL_POINT']) },
      ]),
    );
    const country = await anonymous.request<{ countryFocalPoints: Array<{ organisationName: string; name: string | null }> }>(
      `query { countryFocalPoints(countryCode: "PE") { organisationName name } }`,
    );
    expect(country.data!.countryFocalPoints).toContainEqual({ organisationName: `Fundación Educación Andina ${t}`, name: null });
  });
});
