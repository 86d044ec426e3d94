import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertValidKey, HashingCounter, type FileStorage, type StoredObject } from './file-storage';

/**
 * Files in a directory of this machine (the default: one machine, no object store). Each write goes
 * to a hidden temporary file beside its target, flushed to disk and then renamed: readers see the
 * whole file or none, and a failed or abandoned upload leaves no partial file under the key.
 */
export class LocalDiskStorage implements FileStorage {
  constructor(readonly root: string) {}

  private pathOf(key: string): string {
    assertValidKey(key);
    return path.join(this.root, ...key.split('/'));
  }

  async write(key: string, body: NodeJS.ReadableStream | Readable): Promise<StoredObject> {
    const target = this.pathOf(key);
    const directory = path.dirname(target);
    await fs.mkdir(directory, { recursive: true });
    const temporary = path.join(directory, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.partial`);
    const counter = new HashingCounter();
    try {
      // flush: fsync before close, so that the rename below never publishes a file the OS has not written.
      await pipeline(body, counter, createWriteStream(temporary, { flags: 'wx', flush: true }));
      await fs.rename(temporary, target);
    } catch (error) {
      await fs.rm(temporary, { force: true });
      throw error;
    }
    await syncDirectory(directory);
    return counter.result();
  }

  async read(key: string): Promise<Readable | null> {
    const file = this.pathOf(key);
    try {
      // Opening first turns a missing file into null instead of a stream that fails later.
      const handle = await fs.open(file, 'r');
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }
}

/** Makes the rename durable too (best effort: some file systems refuse to fsync a directory). */
async function syncDirectory(directory: string): Promise<void> {
  try {
    const handle = await fs.open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Durability of the directory entry is a bonus; the file's own bytes were already flushed.
  }
}
