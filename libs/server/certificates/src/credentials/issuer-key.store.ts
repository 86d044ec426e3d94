import { createPrivateKey, randomBytes, sign as signBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import type { MultikeyPair } from '@digitalbazaar/ed25519-multikey';
import { APP_CONFIG, type AppConfig } from '@alliance/server-config';
import { ed25519SeedFromSecretMultibase } from './multibase';
import { issuerIdentity, type IssuerIdentity } from './issuer-identity';

export const ISSUER_KEY_FILE = path.join('keys', 'issuer-ed25519.json');

export class IssuerKeyError extends Error {}

export interface IssuerKey {
  identity: IssuerIdentity;
  /** Key pair with id `<did>#key-1` and controller `<did>`; signs with its secret half. */
  keyPair: MultikeyPair;
  publicKeyMultibase: string;
  /**
   * Signs with the secret key turned into a Node KeyObject once: the key pair's own signer() rebuilds
   * that object for every signature (about a tenth of a credential's signing time). Same signatures.
   */
  signer: DataIntegritySigner;
  source: 'config' | 'file';
}

/** What a Data Integrity proof asks of a signer. */
export interface DataIntegritySigner {
  id: string;
  algorithm: 'Ed25519';
  sign(options: { data: Uint8Array }): Promise<Uint8Array>;
}

// PKCS#8 DER header of an Ed25519 private key; the 32-byte seed follows it.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function ed25519Signer(seed: Uint8Array, id: string): DataIntegritySigner {
  const secret = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, Buffer.from(seed)]), format: 'der', type: 'pkcs8' });
  return { id, algorithm: 'Ed25519', sign: async ({ data }) => new Uint8Array(signBytes(null, data, secret)) };
}

interface StoredKey {
  type: 'Multikey';
  publicKeyMultibase: string;
  secretKeyMultibase: string;
}

/**
 * The issuer's Ed25519 key: from CREDENTIAL_ISSUER_KEY, else from DATA_DIR/keys (created on first
 * start). The api and the worker must sign with the same key, so the file is created atomically:
 * written in full to a private temporary file, then hard-linked into place, which fails if another
 * process got there first (O_EXCL semantics); the loser reads the winner's key.
 */
@Injectable()
export class IssuerKeyStore {
  private readonly logger = new Logger(IssuerKeyStore.name);
  private loading?: Promise<IssuerKey>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get(): Promise<IssuerKey> {
    this.loading ??= this.load().catch((error: unknown) => {
      this.loading = undefined; // a later call may succeed (e.g. after the volume is mounted)
      throw error;
    });
    return this.loading;
  }

  private async load(): Promise<IssuerKey> {
    const identity = issuerIdentity(this.config.publicUrl);
    if (this.config.CREDENTIAL_ISSUER_KEY) {
      const stored = parseConfiguredKey(this.config.CREDENTIAL_ISSUER_KEY);
      return { identity, ...(await fromStored(stored, identity, 'CREDENTIAL_ISSUER_KEY')), source: 'config' };
    }
    // Without a configured key each process would otherwise mint its own key on its own disk and
    // half the credentials would fail verification; production must opt in to a shared DATA_DIR.
    if (this.config.isProduction && !process.env.DATA_DIR) {
      throw new IssuerKeyError(
        'CREDENTIAL_ISSUER_KEY is not set: in production set it, or set DATA_DIR to a directory every api and worker process shares, so that all of them sign with the same issuer key.',
      );
    }
    const file = path.join(this.config.dataDir, ISSUER_KEY_FILE);
    let stored = readKeyFile(file);
    if (!stored) {
      await createKeyFile(file);
      stored = readKeyFile(file);
      if (!stored) throw new IssuerKeyError(`could not create the issuer key file ${file}`);
      this.logger.log(`Created the credential issuer key ${file} (keep it: credentials signed with it verify only against it)`);
    }
    const mode = fs.statSync(file).mode & 0o777;
    if (mode & 0o077) this.logger.warn(`The issuer key file ${file} is readable by others (mode ${mode.toString(8)}); run chmod 600 on it`);
    return { identity, ...(await fromStored(stored, identity, file)), source: 'file' };
  }
}

function parseConfiguredKey(value: string): Partial<StoredKey> {
  const text = value.trim();
  if (!text.startsWith('{')) return { secretKeyMultibase: text };
  try {
    const json = JSON.parse(text) as Partial<StoredKey>;
    if (typeof json.secretKeyMultibase !== 'string') throw new Error('no secretKeyMultibase');
    return json;
  } catch (error) {
    throw new IssuerKeyError(`CREDENTIAL_ISSUER_KEY is not a Multikey JSON with a secretKeyMultibase: ${(error as Error).message}`);
  }
}

async function fromStored(stored: Partial<StoredKey>, identity: IssuerIdentity, origin: string): Promise<Omit<IssuerKey, 'identity' | 'source'>> {
  let seed: Uint8Array;
  try {
    seed = ed25519SeedFromSecretMultibase(stored.secretKeyMultibase ?? '');
  } catch (error) {
    throw new IssuerKeyError(`${origin}: ${(error as Error).message}`);
  }
  const keyPair = await Ed25519Multikey.generate({ seed, id: identity.keyId, controller: identity.did });
  if (stored.publicKeyMultibase && stored.publicKeyMultibase !== keyPair.publicKeyMultibase) {
    throw new IssuerKeyError(`${origin}: publicKeyMultibase does not belong to secretKeyMultibase`);
  }
  return { keyPair, publicKeyMultibase: keyPair.publicKeyMultibase, signer: ed25519Signer(seed, identity.keyId) };
}

function readKeyFile(file: string): StoredKey | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return JSON.parse(text) as StoredKey;
  } catch {
    throw new IssuerKeyError(`the issuer key file ${file} is not valid JSON; restore it from a backup (deleting it invalidates every issued credential)`);
  }
}

async function createKeyFile(file: string): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const generated = await Ed25519Multikey.generate();
  const exported = await generated.export({ publicKey: true, secretKey: true, includeContext: false });
  const stored: StoredKey = { type: 'Multikey', publicKeyMultibase: exported.publicKeyMultibase, secretKeyMultibase: exported.secretKeyMultibase };
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = fs.openSync(temporary, 'wx', 0o600);
  try {
    fs.writeFileSync(fd, `${JSON.stringify(stored, null, 2)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}
