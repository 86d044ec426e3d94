import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '@alliance/server-config';
import { S3Storage } from '@alliance/server-storage';
import { LocalCertificateStorage, ObjectCertificateStorage, createCertificateStorage } from './certificate-storage';
// s3rver ships no types; it is a development-only S3 server in Node.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => { run(): Promise<AddressInfo>; close(): Promise<void> };

const BUCKET = 'alliance-files';

describe('certificate file storage', () => {
  let directory: string;
  let server: InstanceType<typeof S3rver>;
  let endpoint: string;

  beforeAll(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'certificates-s3-'));
    server = new S3rver({ port: 0, address: '127.0.0.1', directory, silent: true, configureBuckets: [{ name: BUCKET }] });
    endpoint = `http://127.0.0.1:${(await server.run()).port}`;
  });

  afterAll(async () => {
    await server.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  const s3Config = () =>
    loadConfig({ STORAGE_DRIVER: 's3', S3_ENDPOINT: endpoint, S3_BUCKET: BUCKET, S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' }, directory);

  it('keeps certificates in the object store with STORAGE_DRIVER=s3, so a worker on one machine and the API on another share them', async () => {
    const config = s3Config();
    const writer = createCertificateStorage(config, new S3Storage(config.s3!));
    const reader = createCertificateStorage(config, new S3Storage(config.s3!));
    expect(writer).toBeInstanceOf(ObjectCertificateStorage);
    const pdf = Buffer.from('%PDF-1.7 certificate of Ximena Quispe Mamani\n%%EOF');
    const { sha256 } = await writer.put('c0ffee-1.pdf', pdf);
    expect(sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    expect(await reader.get('c0ffee-1.pdf')).toEqual(pdf);
    // Replacing a file (a re-render) gives the new bytes.
    await writer.put('c0ffee-1.pdf', Buffer.from('%PDF-1.7 v2'));
    expect((await reader.get('c0ffee-1.pdf'))?.toString()).toBe('%PDF-1.7 v2');
    expect(await reader.get('missing.pdf')).toBeNull();
    // Nothing was written on the local disk.
    expect(fs.existsSync(path.join(config.dataDir, 'certificates'))).toBe(false);
  });

  it('refuses keys that could leave the certificates folder, on both drivers', async () => {
    const config = s3Config();
    const object = createCertificateStorage(config, new S3Storage(config.s3!));
    const local = createCertificateStorage(loadConfig({}, directory));
    for (const storage of [object, local]) {
      await expect(storage.put('../evidence/x.pdf', Buffer.from('x'))).rejects.toThrow(/Invalid storage key/);
      await expect(storage.get('a/b.pdf')).rejects.toThrow(/Invalid storage key/);
    }
  });

  it('stays on the data directory with the local driver, and asks for the object store when s3 is configured without it', () => {
    expect(createCertificateStorage(loadConfig({}, directory))).toBeInstanceOf(LocalCertificateStorage);
    expect(() => createCertificateStorage(s3Config())).toThrow(/FILE_STORAGE/);
  });
});
