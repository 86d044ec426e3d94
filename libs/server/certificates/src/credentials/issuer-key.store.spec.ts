import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@alliance/server-config';
import { didDocumentUrl, didWebFromUrl } from './issuer-identity';
import { ISSUER_KEY_FILE, IssuerKeyError, IssuerKeyStore } from './issuer-key.store';

// A fixed test key (seed of 32 bytes 0x07; never used outside tests) and its public half.
const SECRET = 'zruzn3fHkwqAVrY5Pkk375yb1tKt1QFKgKz4nPYWFMn9oFuwcWDdAuk5pwStKCteo7C9HvZt2G26NxAb2jBYtYXAMGF';
const PUBLIC = 'z6MkvDqGT54cXesYGvABpF1UapVNwjCqRcafi4Px6Thv5T3Z';

describe('did:web from PUBLIC_URL', () => {
  it('encodes the port as %3A and path segments with ":"', () => {
    expect(didWebFromUrl('https://alianza.example.org')).toBe('did:web:alianza.example.org');
    expect(didWebFromUrl('http://localhost:3000/')).toBe('did:web:localhost%3A3000');
    expect(didWebFromUrl('https://example.org:8443/portal/alc')).toBe('did:web:example.org%3A8443:portal:alc');
    expect(didDocumentUrl('https://alianza.example.org')).toBe('https://alianza.example.org/.well-known/did.json');
    expect(didDocumentUrl('https://example.org:8443/portal/alc/')).toBe('https://example.org:8443/portal/alc/did.json');
  });
});

describe('IssuerKeyStore', () => {
  let dir: string;
  const saved = { ...process.env };
  beforeAll(() => Logger.overrideLogger(['error']));
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-issuer-key-'));
  });
  afterEach(() => {
    process.env = { ...saved };
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const store = (env: Record<string, string> = {}) => new IssuerKeyStore(loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, PUBLIC_URL: 'https://alianza.example.org', ...env }));

  it('creates one key file even when many processes start at once, and every one reads it', async () => {
    const keys = await Promise.all(Array.from({ length: 12 }, () => store().get()));
    expect(new Set(keys.map((k) => k.publicKeyMultibase)).size).toBe(1);
    const file = path.join(dir, ISSUER_KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['issuer-ed25519.json']); // no temporary files left
    const stored = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(stored).toEqual({ type: 'Multikey', publicKeyMultibase: keys[0].publicKeyMultibase, secretKeyMultibase: expect.stringMatching(/^z/) });
    expect(keys[0].keyPair.id).toBe('did:web:alianza.example.org#key-1');
    expect(keys[0].source).toBe('file');
  });

  it('takes the key from CREDENTIAL_ISSUER_KEY, as a secret multibase or as Multikey JSON, and writes no file', async () => {
    const fromSecret = await store({ CREDENTIAL_ISSUER_KEY: SECRET }).get();
    const json = JSON.stringify({ type: 'Multikey', publicKeyMultibase: fromSecret.publicKeyMultibase, secretKeyMultibase: SECRET });
    const fromJson = await store({ CREDENTIAL_ISSUER_KEY: json }).get();
    expect(fromSecret.source).toBe('config');
    expect(fromSecret.publicKeyMultibase).toBe(PUBLIC);
    expect(fromJson.publicKeyMultibase).toBe(fromSecret.publicKeyMultibase);
    expect(fs.existsSync(path.join(dir, ISSUER_KEY_FILE))).toBe(false);
  });

  it('refuses a configured key that is malformed or whose halves do not match', async () => {
    const other = await store().get();
    const mismatch = JSON.stringify({ publicKeyMultibase: other.publicKeyMultibase, secretKeyMultibase: SECRET });
    await expect(store({ CREDENTIAL_ISSUER_KEY: mismatch }).get()).rejects.toThrow('publicKeyMultibase does not belong to secretKeyMultibase');
    await expect(store({ CREDENTIAL_ISSUER_KEY: `${SECRET.slice(0, -4)}0OIl` }).get()).rejects.toThrow(/invalid base58 character/);
    await expect(store({ CREDENTIAL_ISSUER_KEY: '{"publicKeyMultibase":"z6Mkhxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}' }).get()).rejects.toThrow(IssuerKeyError);
    await expect(store({ CREDENTIAL_ISSUER_KEY: `z${'2'.repeat(60)}` }).get()).rejects.toThrow(/not an Ed25519 secret key/);
  });

  it('signs with a key object made once, giving the very signatures of the key pair itself', async () => {
    const key = await store({ CREDENTIAL_ISSUER_KEY: SECRET }).get();
    expect(key.signer).toMatchObject({ id: key.keyPair.id, algorithm: 'Ed25519' });
    for (const text of ['', 'credential', 'Łukasz Wiśniewski'.repeat(50)]) {
      const data = new TextEncoder().encode(text);
      expect(Buffer.from(await key.signer.sign({ data })).toString('hex')).toBe(Buffer.from(await key.keyPair.signer().sign({ data })).toString('hex'));
    }
  });

  it('refuses a damaged key file instead of replacing it', async () => {
    fs.mkdirSync(path.join(dir, 'keys'));
    fs.writeFileSync(path.join(dir, ISSUER_KEY_FILE), '{"type":"Multi', { mode: 0o600 });
    await expect(store().get()).rejects.toThrow(/not valid JSON/);
    expect(fs.readFileSync(path.join(dir, ISSUER_KEY_FILE), 'utf8')).toBe('{"type":"Multi');
  });

  it('in production, needs the configured key or an explicitly shared DATA_DIR', async () => {
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/alliance' };
    delete process.env.DATA_DIR;
    await expect(store(production).get()).rejects.toThrow(/CREDENTIAL_ISSUER_KEY is not set/);
    expect((await store({ ...production, CREDENTIAL_ISSUER_KEY: SECRET }).get()).source).toBe('config');
    process.env.DATA_DIR = dir;
    expect((await store(production).get()).source).toBe('file');
  });
});
