import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { GraphQLClient, adminEnv, createScratchDatabase, ok, signedInClient, startPortal, type RunningPortal } from '../support';

const root = path.resolve(__dirname, '../..');
const run = promisify(execFile);
const ADMIN = { email: 'backup-admin@alianza.example', password: 'Backup-Admin-Password-1' };
const DEMO_MEMBER = { email: 'andres.villalobos@mep-cr.example', password: 'Alianza-Demo-2026' };
const TABLES = ['users', 'organisations', 'courses', 'enrolments', 'evidence_items', 'evidence_files', 'certificates', 'collab_spaces', 'migrations'];

/** A small but complete PDF, as a member would upload it. */
function samplePdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function cookieOf(client: GraphQLClient): string {
  const jar = (client as unknown as { cookies: Map<string, string> }).cookies;
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

async function bytes(url: string, cookie: string): Promise<Buffer> {
  const res = await fetch(url, { headers: { cookie } });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/**
 * npm run backup / npm run restore against a real PostgreSQL database holding the demo data, an
 * uploaded evidence file and an issued certificate: back up while the portal runs, damage data and
 * files, refuse a tampered backup without changing anything, restore, and find everything back
 * through the built API.
 */
describe('backup and restore', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let portal: RunningPortal | undefined;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-backup-'));
  const dataDir = path.join(work, 'data');

  beforeAll(async () => {
    scratch = await createScratchDatabase('backup');
  });

  afterAll(async () => {
    await portal?.stop();
    await scratch?.drop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  const env = () => ({ ...process.env, DATABASE_URL: scratch.url, DATA_DIR: dataDir, UPLOADS_DIR: '', STORAGE_DRIVER: 'local' });
  const npm = (script: string, dir: string) => run('npm', ['run', '--silent', script, '--', dir], { cwd: root, env: env() });

  async function counts(): Promise<Record<string, number>> {
    const db = new Client({ connectionString: scratch.url });
    await db.connect();
    try {
      const out: Record<string, number> = {};
      for (const table of TABLES) out[table] = Number((await db.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
      return out;
    } finally {
      await db.end();
    }
  }

  async function sql(statement: string): Promise<void> {
    const db = new Client({ connectionString: scratch.url });
    await db.connect();
    await db.query(statement);
    await db.end();
  }

  it('backs up a running portal and restores data and files exactly, refusing a tampered backup', async () => {
    portal = await startPortal({ env: { ...adminEnv(ADMIN), SEED_DEMO: 'true', DATABASE_URL: scratch.url, DATA_DIR: dataDir } });
    const admin = await signedInClient(portal, ADMIN);
    const member = await signedInClient(portal, DEMO_MEMBER);

    // An evidence file uploaded by a demo member organisation's representative.
    const options = ok<{ evidenceOrganisationOptions: Array<{ id: string }>; focusAreas: Array<{ id: string }> }>(
      await member.request(`{ evidenceOrganisationOptions { id } focusAreas { id } }`),
    );
    const item = ok<{ createEvidenceItem: { id: string } }>(
      await member.request(`mutation($input: EvidenceItemInput!) { createEvidenceItem(input: $input) { id } }`, {
        input: {
          type: 'GOOD_PRACTICE',
          language: 'es',
          texts: [{ locale: 'es', title: 'Copia de seguridad de una práctica', abstract: 'Una práctica que debe sobrevivir a una restauración de la base de datos.' }],
          countryCodes: ['CR'],
          focusAreaIds: [options.focusAreas[0].id],
          year: 2025,
          authors: [{ name: 'Andrés Villalobos' }],
          organisationId: options.evidenceOrganisationOptions[0].id,
          publisher: null,
          licence: 'CC_BY_4_0',
          externalUrl: null,
          doi: null,
          visibility: 'PUBLIC',
        },
      }),
    ).createEvidenceItem;
    const pdf = samplePdf('Respaldo');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(pdf)]), 'práctica.pdf');
    const uploaded = await fetch(`${portal.url}/api/evidence/items/${item.id}/files`, {
      method: 'POST',
      headers: { cookie: cookieOf(member), 'x-requested-with': 'fetch' },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    const fileUrl = `${portal.url}${((await uploaded.json()) as { url: string }).url}`;
    expect((await bytes(fileUrl, cookieOf(member))).equals(pdf)).toBe(true);

    // A certificate issued to the administrator, rendered by the worker and signed.
    const batch = ok<{ issueParticipationCertificates: { id: string } }>(
      await admin.request(`mutation($input: IssueParticipationInput!) { issueParticipationCertificates(input: $input) { id } }`, {
        input: {
          title: 'Taller de continuidad operativa',
          hours: 4,
          startDate: '2026-05-04',
          endDate: '2026-05-04',
          issuerName: 'Secretaría de la Alianza',
          coIssuers: [],
          signatories: [{ name: 'Ana Pérez', title: 'Secretaria Ejecutiva', organisation: 'Secretaría de la Alianza' }],
          recipients: [{ name: 'Valeria Backup', email: ADMIN.email }],
        },
      }),
    ).issueParticipationCertificates;
    const started = Date.now();
    for (;;) {
      const progress = ok<{ certificateBatch: { done: boolean; rendered: number } }>(
        await admin.request(`query($id: ID!) { certificateBatch(id: $id) { done rendered } }`, { id: batch.id }),
      ).certificateBatch;
      if (progress.done) {
        expect(progress.rendered).toBe(1);
        break;
      }
      if (Date.now() - started > 60_000) throw new Error(`certificate not rendered:\n${portal.logs()}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const certificate = ok<{ myCertificates: { edges: Array<{ node: { code: string; pdfUrl: string; credentialUrl: string } }> } }>(
      await admin.request(`{ myCertificates(first: 5) { edges { node { code pdfUrl credentialUrl } } } }`),
    ).myCertificates.edges[0].node;
    const certificatePdf = await bytes(`${portal.url}${certificate.pdfUrl}`, cookieOf(admin));
    // Downloads, never pages: the certificate is an attachment with nosniff.
    const pdfHead = await fetch(`${portal.url}${certificate.pdfUrl}`, { headers: { cookie: cookieOf(admin) } });
    expect(pdfHead.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(pdfHead.headers.get('x-content-type-options')).toBe('nosniff');
    const credential = (await bytes(`${portal.url}${certificate.credentialUrl}`, cookieOf(admin))).toString('utf8');
    const issuerKey = async (url: string) =>
      ((await (await fetch(`${url}/.well-known/did.json`)).json()) as { verificationMethod: Array<{ publicKeyMultibase: string }> }).verificationMethod[0].publicKeyMultibase;
    const key = await issuerKey(portal.url);
    const VERIFY = `query($code: String!) { verifyCertificate(code: $code) { code status recipientName title } }`;
    const verified = ok<{ verifyCertificate: Record<string, unknown> }>(await new GraphQLClient(portal.url).request(VERIFY, { code: certificate.code })).verifyCertificate;
    expect(verified).toMatchObject({ status: 'ISSUED', recipientName: 'Valeria Backup' });
    const before = await counts();
    expect(before.users).toBeGreaterThan(20);
    expect(before.certificates).toBeGreaterThanOrEqual(1);

    // --- Backup while the portal runs.
    const backupDir = path.join(work, 'backup');
    const { stdout } = await npm('backup', backupDir);
    expect(stdout).toContain('Backup written to');
    const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8')) as {
      createdAt: string;
      database: { file: string; size: number; sha256: string; migrations: string[]; tableRows: Record<string, number> };
      files: Array<{ path: string; size: number; sha256: string }>;
    };
    expect(Date.now() - Date.parse(manifest.createdAt)).toBeLessThan(120_000);
    expect(manifest.database.size).toBe(fs.statSync(path.join(backupDir, 'database.dump')).size);
    expect(manifest.database.migrations.length).toBe(before.migrations);
    for (const table of TABLES.filter((t) => t !== 'migrations')) expect(manifest.database.tableRows[table]).toBe(before[table]);
    const pdfSha = createHash('sha256').update(pdf).digest('hex');
    expect(manifest.files).toEqual(expect.arrayContaining([expect.objectContaining({ size: pdf.length, sha256: pdfSha })]));
    expect(manifest.files.map((f) => f.path.split('/')[0])).toEqual(expect.arrayContaining(['uploads', 'certificates', 'keys']));
    // A second backup into the same directory is refused (one directory per backup).
    await expect(npm('backup', backupDir)).rejects.toMatchObject({ stderr: expect.stringContaining('is not empty') });

    // --- Disaster: the portal stops, rows are lost and changed, files destroyed.
    await portal.stop();
    portal = undefined;
    await sql(`TRUNCATE certificates, evidence_items CASCADE`);
    await sql(`UPDATE users SET name = 'Borrado' WHERE email = '${DEMO_MEMBER.email}'`);
    const uploadsDir = path.join(dataDir, 'uploads');
    const storedPdf = manifest.files.find((f) => f.sha256 === pdfSha)!.path.replace(/^uploads\//, '');
    fs.writeFileSync(path.join(uploadsDir, storedPdf), 'damaged');
    fs.rmSync(path.join(dataDir, 'certificates'), { recursive: true, force: true });
    fs.rmSync(path.join(dataDir, 'keys'), { recursive: true, force: true });
    const damaged = await counts();
    expect(damaged.certificates).toBe(0);
    expect(damaged.evidence_items).toBe(0);

    // --- A tampered copy of the backup is refused before anything changes.
    const tampered = path.join(work, 'tampered');
    fs.cpSync(backupDir, tampered, { recursive: true });
    const victim = path.join(tampered, 'files', ...manifest.files.find((f) => f.sha256 === pdfSha)!.path.split('/'));
    fs.writeFileSync(victim, Buffer.concat([fs.readFileSync(victim).subarray(0, -1), Buffer.from('X')]));
    await expect(npm('restore', tampered)).rejects.toMatchObject({ stderr: expect.stringContaining('does not match its manifest') });
    expect(await counts()).toEqual(damaged);
    expect(fs.readFileSync(path.join(uploadsDir, storedPdf), 'utf8')).toBe('damaged');
    // So is a directory that is not a backup.
    await expect(npm('restore', path.join(work, 'nothing-here'))).rejects.toMatchObject({ stderr: expect.stringContaining('manifest.json is missing') });

    // And so is a restore over a schema newer than the backup (its tables would outlive --clean).
    await sql(`CREATE TABLE later_feature (id int)`);
    await expect(npm('restore', backupDir)).rejects.toMatchObject({ stderr: expect.stringContaining('later_feature') });
    expect(await counts()).toEqual(damaged);
    await sql(`DROP TABLE later_feature`);

    // --- Restore, then the built portal serves everything as before.
    const restored = await npm('restore', backupDir);
    expect(restored.stdout).toContain('all checked against the manifest');
    expect(await counts()).toEqual(before);
    expect(fs.readFileSync(path.join(uploadsDir, storedPdf)).equals(pdf)).toBe(true);
    expect(fs.existsSync(`${uploadsDir}.restoring`)).toBe(false);

    portal = await startPortal({ env: { ...adminEnv(ADMIN), SEED_DEMO: 'false', DATABASE_URL: scratch.url, DATA_DIR: dataDir } });
    const adminAgain = await signedInClient(portal, ADMIN);
    const memberAgain = await signedInClient(portal, DEMO_MEMBER);
    expect(ok<{ me: { name: string } }>(await memberAgain.request(`{ me { name } }`)).me.name).not.toBe('Borrado');
    expect((await bytes(fileUrl.replace(/^http:\/\/[^/]+/, portal.url), cookieOf(memberAgain))).equals(pdf)).toBe(true);
    expect(ok<{ verifyCertificate: Record<string, unknown> }>(await new GraphQLClient(portal.url).request(VERIFY, { code: certificate.code })).verifyCertificate).toEqual(verified);
    expect((await bytes(`${portal.url}${certificate.pdfUrl}`, cookieOf(adminAgain))).equals(certificatePdf)).toBe(true);
    expect((await bytes(`${portal.url}${certificate.credentialUrl}`, cookieOf(adminAgain))).toString('utf8')).toBe(credential);
    // The signing key came back too (the files under DATA_DIR/keys): the DID document publishes the
    // same public key, so credentials signed before the disaster still verify.
    expect(await issuerKey(portal.url)).toBe(key);
  });
});
