import { createHash, type Hash } from 'node:crypto';
import { Transform, type Readable, type TransformCallback } from 'node:stream';

export interface StoredObject {
  size: number;
  sha256: string;
}

export interface FileStorage {
  /** Streams body to key. Resolves once durable; on error or when the stream is destroyed, rejects and leaves nothing behind. */
  write(key: string, body: NodeJS.ReadableStream | Readable): Promise<StoredObject>;
  /** A stream of the bytes, or null when nothing is stored under key. */
  read(key: string): Promise<Readable | null>;
  delete(key: string): Promise<void>;
}

/** Nest injection token of the configured FileStorage. */
export const FILE_STORAGE: unique symbol = Symbol('FILE_STORAGE');

/**
 * Keys are relative paths of safe segments ("evidence/<uuid>/<uuid>.pdf"), so that the same key
 * works as a file path under the uploads directory and as an S3 object key, and can never climb out
 * of either.
 */
export function assertValidKey(key: string): void {
  const segments = key.split('/');
  const valid =
    key.length > 0 &&
    key.length <= 512 &&
    segments.every((s) => /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(s) && s !== '.' && s !== '..');
  if (!valid) throw new Error(`Invalid storage key ${JSON.stringify(key)}: use relative paths of letters, digits, '.', '_' and '-'`);
}

/**
 * Counts and hashes the bytes passing through, so storage drivers report size and SHA-256. (No
 * public `size` or `length`: lib-storage would take it for the body's total length.)
 */
export class HashingCounter extends Transform {
  readonly #hash: Hash = createHash('sha256');
  #bytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#bytes += chunk.length;
    this.#hash.update(chunk);
    callback(null, chunk);
  }

  result(): StoredObject {
    return { size: this.#bytes, sha256: this.#hash.digest('hex') };
  }
}
