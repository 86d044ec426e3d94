import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AccountService, PersonalDataService, SessionService, UsersService, deletedAccountEmail } from '@alliance/server-identity';
import { Certificate } from './entities';
import { CertificatesService, type CertificateRequest } from './certificates.service';
import { createCertificatesTestApp } from './testing/certificates-test-app';
import { formatCertificateCode } from './code';

const tag = () => randomBytes(4).toString('hex');
const PASSWORD = 'correct horse battery';

describe('Certificates personal data (real PostgreSQL)', () => {
  let app: INestApplication;
  let db: DataSource;
  let service: CertificatesService;
  let users: UsersService;
  let dataDir: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-certificates-pd-'));
    Object.assign(process.env, { DATA_DIR: dataDir, QUEUE_DRIVER: 'inprocess', SMTP_URL: '', PUBLIC_URL: 'https://portal.example' });
    app = await createCertificatesTestApp();
    db = app.get<DataSource>(getDataSourceToken());
    service = app.get(CertificatesService);
    users = app.get(UsersService);
  });
  afterAll(async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.env = saved;
  });

  const request = (overrides: Partial<CertificateRequest>): CertificateRequest => ({
    recipientName: 'Joana Martins',
    recipientEmail: `x.${tag()}@example.org`,
    kind: 'COURSE_COMPLETION',
    achievementKey: `course:${tag()}`,
    title: 'Liderazgo para la innovación educativa',
    issuerName: 'Secretaría de la Alianza',
    signatories: [{ name: 'María Gómez', title: 'Secretaria Ejecutiva', organisation: 'Secretaría de la Alianza' }],
    ...overrides,
  });

  it('keeps the certificate verifiable with the holder’s name, drops the e-mail, and does not pass it to a new account on the old address', async () => {
    const email = `joana.${tag()}@example.org`;
    const user = await users.createUser({ name: 'Joana Martins', email, password: PASSWORD, countryCode: 'BR', preferredLocale: 'pt', verified: true });
    const byAccount = await db.transaction((m) => service.requestCertificate(m, request({ recipientUserId: user.id, recipientEmail: email })));
    // Issued to the address before the account existed: recipient key 'email:<address>'.
    await db.query(`UPDATE certificates SET recipient_user_id = NULL, recipient_key = 'email:' || recipient_email WHERE id = $1`, [byAccount.certificate.id]);
    const byEmail = byAccount.certificate;
    const other = await db.transaction((m) => service.requestCertificate(m, request({ recipientUserId: user.id, recipientEmail: email })));

    const exported = (await app.get(PersonalDataService).export(user.id)) as { sections: { certificates: Array<{ code: string; recipientName: string }> } };
    expect(exported.sections.certificates.map((c) => c.code).sort()).toEqual([byEmail.code, other.certificate.code].map(formatCertificateCode).sort());

    const { token } = await app.get(SessionService).create(user.id);
    await app.get(PersonalDataService).deleteAccount((await app.get(SessionService).resolve(token))!, { password: PASSWORD });

    for (const code of [byEmail.code, other.certificate.code]) {
      const found = await service.findByCode(code);
      expect(found).toMatchObject({ status: 'issued', recipientName: 'Joana Martins', recipientEmail: deletedAccountEmail(user.id) });
    }
    const rows = await db.getRepository(Certificate).findBy({ recipientEmail: email });
    expect(rows).toEqual([]);
    expect((await db.getRepository(Certificate).findOneByOrFail({ id: byEmail.id })).recipientKey).toBe(`deleted:${byEmail.id}`);

    // Someone new signs up with the old address: none of the deleted person's certificates are theirs.
    const fresh = await app.get(AccountService).signUp({ name: 'Outra Pessoa', email, password: PASSWORD, countryCode: 'BR', preferredLocale: 'pt' });
    await db.query(`UPDATE users SET email_verified_at = now() WHERE id = $1`, [fresh.id]);
    expect((await service.listMine({ id: fresh.id }, { first: 10 })).edges).toEqual([]);
    const found = await service.findByCode(other.certificate.code);
    expect(await service.mayDownload(found!, { id: fresh.id, email, roles: [] })).toBe(false);
  });
});
