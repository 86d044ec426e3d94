import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppError } from '@alliance/server-graphql';
import { SECURE_SESSION_COOKIE_NAME, SessionService, UsersService, type User } from '@alliance/server-identity';
import { OutgoingEmail } from '@alliance/server-mail';
import { Role, type Locale } from '@alliance/shared-core';
import { CredentialService } from './credentials';
import { Certificate, CertificateBatch } from './entities';
import { CertificatesService, type CertificateRequest } from './certificates.service';
import { CertificateRenderJob } from './jobs/certificate-render.job';
import { formatCertificateCode } from './code';
import { createCertificatesTestApp } from './testing/certificates-test-app';
import { CERTIFICATE_STORAGE, type CertificateFileStorage } from './storage/certificate-storage';

async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The AppError a promise rejects with, for asserting code, key and field errors. */
async function appError(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

const tag = () => randomBytes(4).toString('hex');
const address = (name = 'person') => `${name}.${tag()}@example.org`;
const randomIp = () => `10.${[1, 2, 3].map(() => Math.floor(Math.random() * 254) + 1).join('.')}`;

describe('CertificatesService (real PostgreSQL, in-process queue)', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let service: CertificatesService;
  let users: UsersService;
  let baseUrl: string;
  let dataDir: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-certificates-'));
    Object.assign(process.env, { DATA_DIR: dataDir, QUEUE_DRIVER: 'inprocess', SMTP_URL: '', PUBLIC_URL: 'https://portal.example' });
    app = await createCertificatesTestApp();
    dataSource = app.get<DataSource>(getDataSourceToken());
    service = app.get(CertificatesService);
    users = app.get(UsersService);
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.env = saved;
  });

  const person = (overrides: Partial<{ name: string; locale: Locale; verified: boolean; roles: Role[] }> = {}): Promise<User> =>
    users.createUser({
      name: overrides.name ?? 'Ana Pérez',
      email: address(),
      password: 'correct horse battery',
      countryCode: 'CL',
      preferredLocale: overrides.locale ?? 'es',
      verified: overrides.verified ?? true,
      roles: overrides.roles,
    });

  const request = (overrides: Partial<CertificateRequest> = {}): CertificateRequest => ({
    recipientName: 'José Ñúñez',
    recipientEmail: address(),
    kind: 'COURSE_COMPLETION',
    achievementKey: `course:${tag()}`,
    title: 'Liderazgo para la innovación educativa',
    hours: 20,
    startDate: '2026-02-01',
    endDate: '2026-03-15',
    issuerName: 'Secretaría de la Alianza',
    coIssuers: ['Ministerio de Educación del Perú'],
    signatories: [{ name: 'María Gómez', title: 'Secretaria Ejecutiva', organisation: 'Secretaría de la Alianza' }],
    ...overrides,
  });

  const rendered = (id: string) =>
    waitFor(async () => {
      const row = await dataSource.getRepository(Certificate).findOneByOrFail({ id });
      return row.renderStatus === 'rendered' ? row : null;
    }, 20_000, `certificate ${id} to render`);

  const notificationsOf = (userId: string, type: string): Promise<Array<{ id: string; data: Record<string, string> }>> =>
    dataSource.query(`SELECT id, data FROM notification WHERE user_id = $1 AND type = $2`, [userId, type]);

  it('issues one certificate for two concurrent requests with the same recipient and achievement, renders it and notifies once', async () => {
    const user = await person({ name: 'Łukasz Wiśniewski', locale: 'pt' });
    const ask = request({ recipientUserId: user.id, recipientEmail: user.email, recipientName: 'Łukasz Wiśniewski', locale: null });
    const results = await Promise.all([1, 2, 3].map(() => dataSource.transaction((manager) => service.requestCertificate(manager, ask))));
    expect(new Set(results.map((r) => r.certificate.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await dataSource.getRepository(Certificate).countBy({ achievementKey: ask.achievementKey })).toBe(1);

    const certificate = await rendered(results[0].certificate.id);
    expect(certificate.locale).toBe('pt'); // the account's language
    expect(certificate.recipientKey).toBe(`user:${user.id}`);
    const pdf = (await app.get<CertificateFileStorage>(CERTIFICATE_STORAGE).get(certificate.pdfKey!))!;
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(certificate.pdfSha256);
    const file = path.join(dataDir, 'check.pdf');
    fs.writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Łukasz Wiśniewski');
    expect(text).toContain('Certificado de conclusão de curso');
    expect(text).toContain(`https://portal.example/verify/${formatCertificateCode(certificate.code)}`);
    expect(await app.get(CredentialService).verify(certificate.credential)).toEqual({ verified: true, errors: [] });

    const notices = await waitFor(async () => {
      const rows = await notificationsOf(user.id, 'certificate.issued');
      return rows.length ? rows : null;
    }, 20_000, 'the notification');
    await new Promise((r) => setTimeout(r, 300));
    expect(await notificationsOf(user.id, 'certificate.issued')).toHaveLength(1);
    expect(notices[0].data).toEqual({ title: ask.title, code: formatCertificateCode(certificate.code) });
  });

  it('keeps nothing when the caller rolls back', async () => {
    const ask = request();
    await expect(
      dataSource.transaction(async (manager) => {
        await service.requestCertificate(manager, ask);
        throw new Error('enrolment failed');
      }),
    ).rejects.toThrow('enrolment failed');
    expect(await dataSource.getRepository(Certificate).countBy({ achievementKey: ask.achievementKey })).toBe(0);
  });

  it('renders once when the render job runs several times at once and again later', async () => {
    const user = await person();
    const { certificate } = await dataSource.transaction((manager) => service.requestCertificate(manager, request({ recipientUserId: user.id, recipientEmail: user.email })));
    const job = app.get(CertificateRenderJob);
    const context = { id: certificate.id, outboxId: certificate.id, attempt: 1, isLastAttempt: false };
    // The in-process driver runs it too: three concurrent runs in all.
    await Promise.all([job.handle(context), job.handle(context)]);
    const first = await rendered(certificate.id);
    await job.handle({ ...context, attempt: 2 });
    const after = await dataSource.getRepository(Certificate).findOneByOrFail({ id: certificate.id });
    expect(after.renderAttempts).toBe(1);
    expect(after.renderedAt).toEqual(first.renderedAt);
    expect(after.pdfSha256).toBe(first.pdfSha256);
    await waitFor(async () => (await notificationsOf(user.id, 'certificate.issued')).length > 0, 20_000, 'the notification');
    await new Promise((r) => setTimeout(r, 300));
    expect(await notificationsOf(user.id, 'certificate.issued')).toHaveLength(1);
  });

  it('e-mails people without an account, in the certificate language', async () => {
    const email = address('no-account');
    const { certificate } = await dataSource.transaction((manager) =>
      service.requestCertificate(manager, request({ recipientEmail: email.toUpperCase(), recipientName: 'Anaïs Côté', locale: 'fr' })),
    );
    expect(certificate.recipientUserId).toBeNull();
    expect(certificate.recipientEmail).toBe(email);
    await rendered(certificate.id);
    const [mail] = await dataSource.getRepository(OutgoingEmail).findBy({ toAddress: email });
    expect(mail).toMatchObject({ template: 'certificateIssued', locale: 'fr', toName: 'Anaïs Côté' });
    expect(mail.params).toMatchObject({ code: formatCertificateCode(certificate.code), verifyLink: `https://portal.example/verify/${formatCertificateCode(certificate.code)}` });
  });

  it('issueBatch: one batch inside the caller\'s transaction, one certificate per recipient and achievement, progress to done', async () => {
    const user = await users.createUser({ name: 'Rosa Quispe', email: address('batch'), password: 'correct horse battery', countryCode: 'PE', preferredLocale: 'pt', verified: true });
    const outsider = address('batch-outsider');
    const input = {
      kind: 'WORKSHOP_ATTENDANCE' as const,
      achievementKey: `workshop:${tag()}`,
      title: 'Taller regional de innovación',
      recipients: [
        { userId: user.id, name: user.name, email: user.email, title: 'Oficina regional de inovação' },
        { name: 'Anaïs Côté', email: outsider, locale: 'fr' },
      ],
      hours: 6,
      startDate: '2026-03-10',
      endDate: '2026-03-11',
      issuerName: 'Secretaría de la Alianza',
      signatories: [{ name: 'María Gómez', title: 'Secretaria Ejecutiva', organisation: 'Secretaría de la Alianza' }],
    };
    const first = await dataSource.transaction((manager) => service.issueBatch(manager, input));
    expect(first.created).toBe(2);
    const certificates = await dataSource.getRepository(Certificate).find({ where: { batchId: first.batchId }, order: { recipientName: 'ASC' } });
    expect(certificates.map((c) => [c.recipientName, c.kind, c.locale, c.title, c.recipientUserId])).toEqual([
      ['Anaïs Côté', 'WORKSHOP_ATTENDANCE', 'fr', 'Taller regional de innovación', null],
      ['Rosa Quispe', 'WORKSHOP_ATTENDANCE', 'pt', 'Oficina regional de inovação', user.id],
    ]);
    await Promise.all(certificates.map((c) => rendered(c.id)));
    expect(await service.batchProgress(first.batchId)).toMatchObject({ total: 2, rendered: 2, failed: 0, done: true });
    // Again: the achievement is already held, nothing new; a refused batch leaves nothing behind.
    const again = await dataSource.transaction((manager) => service.issueBatch(manager, input));
    expect(again.created).toBe(0);
    expect(await dataSource.getRepository(Certificate).countBy({ achievementKey: input.achievementKey })).toBe(2);
    const refused = await appError(dataSource.transaction((manager) => service.issueBatch(manager, { ...input, achievementKey: `workshop:${tag()}`, recipients: [{ name: 'J', email: 'nope' }] })));
    expect((refused.extensions.fields as Array<{ field: string }>).map((f) => f.field).sort()).toEqual(['recipients.0.email', 'recipients.0.name']);
    expect(await dataSource.getRepository(CertificateBatch).countBy({ id: again.batchId })).toBe(1);
  });

  it('refuses bad data from other domains with translated field errors', async () => {
    const error = await appError(
      dataSource.transaction((manager) => service.requestCertificate(manager, request({ recipientName: 'J', recipientEmail: 'nope', signatories: [], endDate: '2026-01-01' }))),
    );
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    const fields = (error.extensions.fields as Array<{ field: string; key: string }>).map((f) => `${f.field}=${f.key}`).sort();
    expect(fields).toEqual([
      'endDate=certificates:endBeforeStart',
      'recipientEmail=validation:emailInvalid',
      'recipientName=certificates:nameInvalid',
      'signatories=certificates:signatoriesCount',
    ]);
  });

  it('revokes: status, reason, date, the credential status list and a notice; twice is a conflict; no reason changes nothing', async () => {
    const user = await person();
    const { certificate } = await dataSource.transaction((manager) => service.requestCertificate(manager, request({ recipientUserId: user.id, recipientEmail: user.email })));
    const done = await rendered(certificate.id);
    const credentials = app.get(CredentialService);
    expect((await credentials.verify(done.credential)).verified).toBe(true);

    const empty = await appError(service.revoke(certificate.id, '   '));
    expect(empty.extensions.fields).toEqual([expect.objectContaining({ field: 'reason', key: 'certificates:reasonRequired' })]);
    expect((await dataSource.getRepository(Certificate).findOneByOrFail({ id: certificate.id })).status).toBe('issued');

    const [a, b] = await Promise.allSettled([service.revoke(certificate.id, 'Issued by mistake'), service.revoke(certificate.id, 'Duplicate')]);
    const outcomes = [a, b].map((r) => (r.status === 'fulfilled' ? 'ok' : ((r.reason as AppError).extensions.code as string))).sort();
    expect(outcomes).toEqual(['CONFLICT', 'ok']);
    const revoked = await dataSource.getRepository(Certificate).findOneByOrFail({ id: certificate.id });
    expect(revoked.status).toBe('revoked');
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(['Issued by mistake', 'Duplicate']).toContain(revoked.revocationReason);
    const check = await credentials.verify(done.credential);
    expect(check.verified).toBe(false);
    expect(check.errors.join(' ')).toMatch(/revoked/i);
    await waitFor(async () => (await notificationsOf(user.id, 'certificate.revoked')).length === 1, 20_000, 'the revocation notice');

    expect((await appError(service.revoke('00000000-0000-4000-8000-000000000000', 'x'))).extensions.code).toBe('NOT_FOUND');
  });

  it('reissues under a new code with a corrected name, revoking the old one as replaced', async () => {
    const ask = request({ recipientName: 'Joao Goncalves' });
    const { certificate: old } = await dataSource.transaction((manager) => service.requestCertificate(manager, ask));
    const fresh = await service.reissue(old.id, 'João Gonçalves');
    expect(fresh.id).not.toBe(old.id);
    expect(fresh.code).not.toBe(old.code);
    expect(fresh).toMatchObject({ recipientName: 'João Gonçalves', achievementKey: ask.achievementKey, title: ask.title, status: 'issued' });
    const replaced = await dataSource.getRepository(Certificate).findOneByOrFail({ id: old.id });
    expect(replaced).toMatchObject({ status: 'revoked', revocationReason: 'replaced', replacedById: fresh.id });
    expect((await rendered(fresh.id)).pdfKey).toBe(`${fresh.code}.pdf`);
    expect((await appError(service.reissue(old.id))).extensions.code).toBe('CONFLICT');
    expect((await appError(service.reissue(fresh.id, 'X'))).extensions.fields).toEqual([{ field: 'recipientName', key: 'certificates:nameInvalid' }]);
  });

  describe('bulk participation certificates', () => {
    const base = () => ({
      title: `Foro regional ${tag()}`,
      hours: 6,
      startDate: '2026-04-20',
      endDate: '2026-04-21',
      issuerName: 'Secretaría de la Alianza',
      coIssuers: ['Red Caribeña de Innovación'],
      signatories: [{ name: 'Ana Pérez', title: 'Secretaria Ejecutiva', organisation: 'Secretaría de la Alianza' }],
    });
    const batchesTitled = (title: string) => dataSource.getRepository(CertificateBatch).countBy({ title });
    const certificatesTitled = (title: string) => dataSource.getRepository(Certificate).countBy({ title });

    it('reports every bad row (line and reason) and issues nothing', async () => {
      const input = base();
      const dup = address();
      const error = await appError(
        service.issueParticipation('00000000-0000-4000-8000-000000000001', {
          ...input,
          recipients: [
            { name: 'Ngozi O’Connor-Smith', email: address() },
            { name: 'X', email: address() },
            { name: 'Valid Name', email: 'not-an-email' },
            { name: 'First', email: dup },
            { name: 'Second', email: dup.toUpperCase() },
            { name: 'Locale', email: address(), locale: 'de' },
          ],
        }),
      );
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.fields).toEqual([
        { field: 'recipients.1', key: 'certificates:rowNameInvalid', params: { line: 2 } },
        { field: 'recipients.2', key: 'certificates:rowEmailInvalid', params: { line: 3 } },
        { field: 'recipients.4', key: 'certificates:rowDuplicate', params: { line: 5, first: 4 } },
        { field: 'recipients.5', key: 'certificates:rowLocaleInvalid', params: { line: 6 } },
      ]);
      expect(await batchesTitled(input.title)).toBe(0);
      expect(await certificatesTitled(input.title)).toBe(0);
    });

    it('checks the CSV and the event data too', async () => {
      const input = base();
      const header = await appError(service.issueParticipation(null as never, { ...input, csv: 'nombre,correo\nAna,ana@example.org' }));
      expect(header.extensions.fields).toEqual([{ field: 'csv', key: 'certificates:csvHeader' }]);
      const rows = await appError(service.issueParticipation(null as never, { ...input, csv: `name,email\n\nAna Pérez,${address()}\nB,bad` }));
      expect(rows.extensions.fields).toEqual([
        { field: 'recipients.1', key: 'certificates:rowNameInvalid', params: { line: 4 } },
        { field: 'recipients.1', key: 'certificates:rowEmailInvalid', params: { line: 4 } },
      ]);
      const both = await appError(service.issueParticipation(null as never, { ...input, csv: 'name,email', recipients: [{ name: 'Ana', email: address() }] }));
      expect(both.extensions.fields).toEqual([{ field: 'recipients', key: 'certificates:recipientsAndCsv' }]);
      const event = await appError(
        service.issueParticipation(null as never, { ...input, endDate: '2026-04-19', hours: -1, title: ' ', recipients: [{ name: 'Ana Pérez', email: address() }] }),
      );
      expect((event.extensions.fields as Array<{ field: string }>).map((f) => f.field).sort()).toEqual(['endDate', 'hours', 'title']);
      const many = `name,email\n${Array.from({ length: 5001 }, (_, i) => `Person ${i},p${i}@example.org`).join('\n')}`;
      const tooMany = await appError(service.issueParticipation(null as never, { ...input, csv: many }));
      expect(tooMany.extensions.fields).toEqual([{ field: 'recipients', key: 'certificates:tooManyRecipients', params: { count: 5000 } }]);
      expect(await batchesTitled(input.title)).toBe(0);
    });

    it('issues a batch from CSV, matches accounts by e-mail and reports progress until done', async () => {
      const admin = await person({ roles: [Role.Admin] });
      const member = await person({ name: 'Ngozi O’Connor-Smith', locale: 'en' });
      const input = base();
      const names = ['José Ñúñez', 'João Gonçalves', 'Anaïs Côté', 'Łukasz Wiśniewski'];
      const csv = ['name,email,locale', ...names.map((n, i) => `"${n}",${address(`bulk${i}`)},${['es', 'pt', 'fr', ''][i]}`), `"Ngozi O'Connor-Smith",${member.email.toUpperCase()},`].join('\n');
      const batch = await service.issueParticipation(admin.id, { ...input, csv });
      expect(batch).toMatchObject({ total: 5, failed: 0 });
      const done = await waitFor(async () => {
        const progress = await service.batchProgress(batch.id);
        return progress?.done ? progress : null;
      }, 30_000, 'the batch');
      expect(done).toMatchObject({ total: 5, rendered: 5, failed: 0, done: true });
      const issued = await dataSource.getRepository(Certificate).find({ where: { batchId: batch.id }, order: { recipientName: 'ASC' } });
      expect(issued.map((c) => c.recipientName).sort()).toEqual([...names, "Ngozi O'Connor-Smith"].sort());
      const matched = issued.find((c) => c.recipientEmail === member.email)!;
      expect(matched).toMatchObject({ recipientUserId: member.id, locale: 'en', kind: 'PARTICIPATION', achievementKey: `manual:${batch.id}` });
      expect(issued.find((c) => c.recipientName === 'Anaïs Côté')!.locale).toBe('fr');
      expect(issued.find((c) => c.recipientName === 'Łukasz Wiśniewski')!.locale).toBe('es');
    });
  });

  describe('public verification', () => {
    it('finds a code however it is typed, says null for unknown codes, and stops guessing at 30 a minute per IP', async () => {
      const { certificate } = await dataSource.transaction((manager) => service.requestCertificate(manager, request()));
      const shown = formatCertificateCode(certificate.code);
      expect((await service.findByCode(shown.toLowerCase()))?.id).toBe(certificate.id);
      expect((await service.findByCode(` ${certificate.code} `))?.id).toBe(certificate.id);
      expect(await service.findByCode('0000-0000-0000')).toBeNull();
      expect(await service.findByCode('not a code')).toBeNull();

      const ip = randomIp();
      const results = await Promise.allSettled(Array.from({ length: 35 }, () => service.countLookup(ip)));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(30);
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect((refused.reason as AppError).extensions).toMatchObject({ code: 'RATE_LIMITED', messageKey: 'errors:rateLimited', messageParams: { minutes: 1 } });
      await expect(service.countLookup(randomIp())).resolves.toBeUndefined();
    });
  });

  describe('downloads over HTTP', () => {
    let certificate: Certificate;
    let owner: User;
    // PUBLIC_URL is https here, so the cookie is the Secure one (a plain-named cookie would be ignored).
    const cookieFor = async (user: User) => `${SECURE_SESSION_COOKIE_NAME}=${(await app.get(SessionService).create(user.id)).token}`;
    const get = (what: 'pdf' | 'credential', cookie?: string, code = formatCertificateCode(certificate.code)) =>
      fetch(`${baseUrl}/api/certificates/${code}/${what}`, { headers: cookie ? { cookie } : {} });

    beforeAll(async () => {
      owner = await person({ name: 'Ngozi O’Connor-Smith' });
      ({ certificate } = await dataSource.transaction((manager) => service.requestCertificate(manager, request({ recipientUserId: owner.id, recipientEmail: owner.email }))));
      certificate = await rendered(certificate.id);
    });

    it('gives the owner the PDF and the credential as attachments', async () => {
      const cookie = await cookieFor(owner);
      const pdf = await get('pdf', cookie);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(pdf.headers.get('content-disposition')).toMatch(/^attachment; filename="certificate-.+\.pdf"$/);
      const bytes = Buffer.from(await pdf.arrayBuffer());
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(certificate.pdfSha256);
      const credential = await get('credential', cookie, certificate.code.toLowerCase());
      expect(credential.status).toBe(200);
      expect(credential.headers.get('content-type')).toMatch(/^application\/vc\+ld\+json/);
      expect(await credential.json()).toEqual(certificate.credential);
    });

    it('gives an administrator the files', async () => {
      const admin = await person({ roles: [Role.Admin] });
      expect((await get('pdf', await cookieFor(admin))).status).toBe(200);
    });

    it('answers 404 to another person, to anonymous callers and for unknown codes', async () => {
      const other = await person();
      expect((await get('pdf', await cookieFor(other))).status).toBe(404);
      expect((await get('credential', await cookieFor(other))).status).toBe(404);
      expect((await get('pdf')).status).toBe(404);
      expect((await get('credential')).status).toBe(404);
      expect((await get('pdf', await cookieFor(owner), 'ZZZZ-ZZZZ-ZZZZ')).status).toBe(404);
    });

    it('lets a person whose verified e-mail is the recipient e-mail download, not an unverified one', async () => {
      const email = address('later');
      const { certificate: byEmail } = await dataSource.transaction((manager) => service.requestCertificate(manager, request({ recipientEmail: email })));
      await rendered(byEmail.id);
      const code = formatCertificateCode(byEmail.code);
      const unverified = await users.createUser({ name: 'Later Person', email, password: 'correct horse battery', countryCode: 'BR', verified: false });
      expect((await get('pdf', await cookieFor(unverified), code)).status).toBe(404);
      expect((await service.listMine(unverified, {})).totalCount).toBe(0);
      await dataSource.query(`UPDATE users SET email_verified_at = now() WHERE id = $1`, [unverified.id]);
      expect((await get('pdf', await cookieFor(unverified), code)).status).toBe(200);
      expect((await service.listMine(unverified, {})).edges.map((e) => e.node.id)).toEqual([byEmail.id]);
    });
  });
});
