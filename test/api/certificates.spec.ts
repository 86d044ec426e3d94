import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GraphQLClient, SIGN_IN, portalWithAdmin, signedInClient, waitForMail } from '../support';

const ADMIN = { email: 'cert-admin@alianza.example', password: 'Cert-Admin-Password-1' };
const ISSUE = `mutation($input: IssueParticipationInput!) { issueParticipationCertificates(input: $input) { id total rendered failed done } }`;
const BATCH = `query($id: ID!) { certificateBatch(id: $id) { total rendered failed done } }`;
const MINE = `{ myCertificates(first: 10) { totalCount edges { node { id code recipientName title status renderStatus pdfUrl credentialUrl verificationUrl } } } }`;
const VERIFY = `query($code: String!) { verifyCertificate(code: $code) { code kind recipientName title hours startDate endDate issuerName coIssuers signatories { name } status revocationReason locale } }`;
const REVOKE = `mutation($id: ID!, $reason: String!) { revokeCertificate(id: $id, reason: $reason) { status revocationReason } }`;

/** Signs in over plain HTTP and returns the session cookie, for the REST downloads. */
async function sessionCookie(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: SIGN_IN, variables: { input: { email, password } } }),
  });
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

describe('certificates journey through the running api + worker', () => {
  const running = portalWithAdmin(ADMIN);

  it('issues participation certificates, the worker renders them, the recipient downloads and anyone verifies; revocation shows', async () => {
    const portal = running();
    const admin = await signedInClient(portal, ADMIN);

    // A participant with a confirmed account.
    const email = `lukasz.${randomUUID().slice(0, 8)}@mined.example`;
    const password = 'Clave-Segura-2026';
    const participant = new GraphQLClient(portal.url, 'pt');
    await participant.request(`mutation($input: SignUpInput!) { signUp(input: $input) }`, {
      input: { name: 'Łukasz Wiśniewski', email, password, countryCode: 'PL', preferredLocale: 'pt' },
    });
    const mail = await waitForMail(portal.url, (m) => m.to.includes(email));
    const token = new URL(mail.links.find((l) => l.includes('token='))!).searchParams.get('token');
    await participant.request(`mutation($token: String!) { verifyEmail(token: $token) }`, { token });
    await participant.request(SIGN_IN, { input: { email, password } });

    const event = {
      title: 'Encuentro regional de innovación educativa',
      hours: 12.5,
      startDate: '2026-03-02',
      endDate: '2026-03-04',
      issuerName: 'Secretaría de la Alianza',
      coIssuers: ['Ministerio de Educación de Panamá'],
      signatories: [{ name: 'Ana Pérez', title: 'Secretaria Ejecutiva', organisation: 'Secretaría de la Alianza' }],
    };
    const outsider = `jose.${randomUUID().slice(0, 8)}@example.org`;

    // A bad row: nothing is issued, and the error names the row in the caller's language.
    const refused = await admin.request(ISSUE, { input: { ...event, recipients: [{ name: 'Łukasz Wiśniewski', email }, { name: 'José Ñúñez', email: 'not-mail' }] } });
    expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(refused.errors![0].extensions.fields).toEqual([expect.objectContaining({ field: 'recipients.1', key: 'certificates:rowEmailInvalid' })]);
    expect((await participant.request<{ myCertificates: { totalCount: number } }>(MINE)).data!.myCertificates.totalCount).toBe(0);

    // Participants cannot issue.
    expect((await participant.request(ISSUE, { input: { ...event, recipients: [{ name: 'X Y', email }] } })).errors![0].extensions.code).toBe('FORBIDDEN');

    const issued = await admin.request<{ issueParticipationCertificates: { id: string; total: number } }>(ISSUE, {
      input: { ...event, csv: `name,email,locale\n"Łukasz Wiśniewski",${email},\n"José Ñúñez",${outsider},es\n` },
    });
    expect(issued.errors).toBeUndefined();
    const batchId = issued.data!.issueParticipationCertificates.id;
    expect(issued.data!.issueParticipationCertificates.total).toBe(2);
    const started = Date.now();
    let progress: { total: number; rendered: number; failed: number; done: boolean } | undefined;
    while (Date.now() - started < 30_000) {
      progress = (await admin.request<{ certificateBatch: typeof progress }>(BATCH, { id: batchId })).data!.certificateBatch;
      if (progress?.done) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(progress).toEqual({ total: 2, rendered: 2, failed: 0, done: true });

    const mine = (await participant.request<{ myCertificates: { edges: Array<{ node: Record<string, string> }> } }>(MINE)).data!.myCertificates.edges.map((e) => e.node);
    expect(mine).toHaveLength(1);
    const certificate = mine[0];
    expect(certificate).toMatchObject({ recipientName: 'Łukasz Wiśniewski', status: 'ISSUED', renderStatus: 'RENDERED' });
    expect(certificate.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(certificate.verificationUrl).toBe(`${portal.url}/verify/${certificate.code}`);

    // Downloads: the recipient yes, anonymous callers get 404.
    const cookie = await sessionCookie(portal.url, email, password);
    const pdf = await fetch(`${portal.url}${certificate.pdfUrl}`, { headers: { cookie } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'journey-pdf-')), 'c.pdf');
    fs.writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Łukasz Wiśniewski');
    expect(text).toContain('Certificado de participação');
    expect(text).toContain(certificate.verificationUrl);
    const credential = await fetch(`${portal.url}${certificate.credentialUrl}`, { headers: { cookie } });
    expect(credential.status).toBe(200);
    expect(((await credential.json()) as { credentialSubject: { type: unknown } }).credentialSubject).toBeDefined();
    expect((await fetch(`${portal.url}${certificate.pdfUrl}`)).status).toBe(404);

    // The person without an account is told by e-mail.
    const notice = await waitForMail(portal.url, (m) => m.to.includes(outsider));
    expect(notice.subject).toBe(`Su certificado «${event.title}» está listo`);

    // Public verification in the reader's language, no e-mail exposed.
    const reader = new GraphQLClient(portal.url, 'fr');
    const verified = await reader.request<{ verifyCertificate: Record<string, unknown> }>(VERIFY, { code: certificate.code.toLowerCase().replace(/-/g, '') });
    expect(verified.data!.verifyCertificate).toEqual({
      code: certificate.code,
      kind: 'PARTICIPATION',
      recipientName: 'Łukasz Wiśniewski',
      title: event.title,
      hours: 12.5,
      startDate: '2026-03-02',
      endDate: '2026-03-04',
      issuerName: event.issuerName,
      coIssuers: event.coIssuers,
      signatories: [{ name: 'Ana Pérez' }],
      status: 'ISSUED',
      revocationReason: null,
      locale: 'pt',
    });
    expect((await reader.request(VERIFY, { code: 'ZZZZ-ZZZZ-ZZZZ' })).data).toEqual({ verifyCertificate: null });

    const revoked = await admin.request(REVOKE, { id: certificate.id, reason: 'Emitido por error' });
    expect(revoked.data).toEqual({ revokeCertificate: { status: 'REVOKED', revocationReason: 'Emitido por error' } });
    expect((await reader.request<{ verifyCertificate: Record<string, unknown> }>(VERIFY, { code: certificate.code })).data!.verifyCertificate).toMatchObject({
      status: 'REVOKED',
      revocationReason: 'Emitido por error',
    });
    const again = await admin.request(REVOKE, { id: certificate.id, reason: 'x' });
    expect(again.errors![0]).toMatchObject({ message: 'Este certificado ya estaba revocado.', extensions: { code: 'CONFLICT' } });
  });
});
