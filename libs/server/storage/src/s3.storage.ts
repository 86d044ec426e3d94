import { DeleteObjectCommand, GetObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { S3Config } from '@alliance/server-config';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertValidKey, HashingCounter, type FileStorage, type StoredObject } from './file-storage';

/** Parts of 8 MiB, four in flight: memory per upload stays bounded (about 32 MiB at worst). */
const PART_SIZE = 8 * 1024 * 1024;
const QUEUE_SIZE = 4;

export function s3ClientConfig(config: S3Config): S3ClientConfig {
  return {
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    // Since early 2025 the SDK adds CRC32 checksums to every upload by default, which many
    // S3-compatible servers (older MinIO, Ceph, Garage, s3rver) reject or do not return; ask for
    // checksums only where the S3 API requires them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
}

/**
 * Files in an S3-compatible bucket (several api machines share them). Uploads stream through
 * lib-storage's multipart Upload: nothing is visible under the key until the upload completes, and
 * a failed body aborts the multipart upload, so a failure leaves nothing behind.
 */
export class S3Storage implements FileStorage {
  readonly client: S3Client;

  constructor(
    config: S3Config,
    private readonly bucket = config.bucket,
  ) {
    this.client = new S3Client(s3ClientConfig(config));
  }

  async write(key: string, body: NodeJS.ReadableStream | Readable): Promise<StoredObject> {
    assertValidKey(key);
    const counter = new HashingCounter();
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: counter },
      partSize: PART_SIZE,
      queueSize: QUEUE_SIZE,
      leavePartsOnError: false,
    });
    // The pipeline carries a failure of body into counter, which makes the upload fail too; both
    // promises are awaited together so neither rejection goes unhandled.
    const [, uploaded] = await Promise.allSettled([pipeline(body, counter), upload.done()]);
    // When the body failed, that is the cause to report: lib-storage would otherwise surface the
    // error of its AbortMultipartUpload call, should the server refuse that one too.
    if (uploaded.status === 'rejected') throw counter.errored ?? uploaded.reason;
    if (counter.destroyed && counter.errored) {
      // The body failed after the upload had already taken what it read: remove what it wrote.
      await this.delete(key);
      throw counter.errored;
    }
    return counter.result();
  }

  async read(key: string): Promise<Readable | null> {
    assertValidKey(key);
    try {
      const result = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return (result.Body as Readable | undefined) ?? null;
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if ((error as Error).name === 'NoSuchKey' || status === 404) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  /** Closes the client's keep-alive sockets when Nest shuts the application down. */
  onModuleDestroy(): void {
    this.client.destroy();
  }
}
