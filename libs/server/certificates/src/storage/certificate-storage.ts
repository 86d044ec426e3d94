import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@alliance/server-config';

/** Where certificate files live. Local disk now; an S3 implementation can replace it by token. */
export interface CertificateFileStorage {
  /** Stores the bytes under `key` (replacing what was there) and returns their SHA-256 (hex). */
  put(key: string, data: Buffer): Promise<{ sha256: string }>;
  /** The bytes, or null when nothing is stored under `key`. */
  get(key: string): Promise<Buffer | null>;
}

export const CERTIFICATE_STORAGE = Symbol('CERTIFICATE_STORAGE');

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;

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
    if (!SAFE_KEY.test(key)) throw new Error(`Invalid storage key "${key}"`);
    return path.join(this.root, key);
  }
}
