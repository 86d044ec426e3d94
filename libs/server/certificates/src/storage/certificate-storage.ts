import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@alliance/server-config';
import type { FileStorage } from '@alliance/server-storage';

/** Where certificate files live: the data directory, or the object store with STORAGE_DRIVER=s3. */
export interface CertificateFileStorage {
  /** Stores the bytes under `key` (replacing what was there) and returns their SHA-256 (hex). */
  put(key: string, data: Buffer): Promise<{ sha256: string }>;
  /** The bytes, or null when nothing is stored under `key`. */
  get(key: string): Promise<Buffer | null>;
}

export const CERTIFICATE_STORAGE = Symbol('CERTIFICATE_STORAGE');

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;

function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key)) throw new Error(`Invalid storage key "${key}"`);
}

/** Files under `<dataDir>/certificates/`, written whole to a temporary file and renamed into place. */
@Injectable()
export class LocalCertificateStorage implements CertificateFileStorage {
  readonly root: string;
  /** The directory is created once per process, not before every file (a system call per certificate). */
  private ready?: Promise<unknown>;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'dataDir'>) {
    this.root = path.join(config.dataDir, 'certificates');
  }

  async put(key: string, data: Buffer): Promise<{ sha256: string }> {
    const file = this.pathOf(key);
    this.ready ??= fs.mkdir(this.root, { recursive: true }).catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    await this.ready;
    // A reader never sees half a file: rename is atomic within one directory.
    const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await fs.writeFile(temporary, data, { mode: 0o640 });
    } catch (error) {
      // The directory went away after it was made (e.g. a cleaned-up data directory): make it again.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await fs.mkdir(this.root, { recursive: true });
      await fs.writeFile(temporary, data, { mode: 0o640 });
    }
    await fs.rename(temporary, file);
    return { sha256: createHash('sha256').update(data).digest('hex') };
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  private pathOf(key: string): string {
    assertSafeKey(key);
    return path.join(this.root, key);
  }
}

/**
 * Files in the configured object store under `certificates/<key>`: workers render on one machine and
 * the API serves downloads from another, so they must share the store (a local disk is not shared).
 */
export class ObjectCertificateStorage implements CertificateFileStorage {
  constructor(private readonly files: FileStorage) {}

  async put(key: string, data: Buffer): Promise<{ sha256: string }> {
    assertSafeKey(key);
    const { sha256 } = await this.files.write(`certificates/${key}`, Readable.from([data]));
    return { sha256 };
  }

  async get(key: string): Promise<Buffer | null> {
    assertSafeKey(key);
    const stream = await this.files.read(`certificates/${key}`);
    return stream ? buffer(stream) : null;
  }
}

/** The object store when STORAGE_DRIVER=s3, else the data directory (where existing files already are). */
export function createCertificateStorage(config: AppConfig, files?: FileStorage): CertificateFileStorage {
  if (config.storageDriver !== 's3') return new LocalCertificateStorage(config);
  if (!files) throw new Error('STORAGE_DRIVER=s3: certificates need the StorageModule (FILE_STORAGE) in this app');
  return new ObjectCertificateStorage(files);
}
