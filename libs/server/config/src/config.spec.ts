import fs from 'node:fs';
import path from 'node:path';
import { configSchema, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies the embedded defaults', () => {
    const config = loadConfig({}, '/srv/portal');
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.dataDir).toBe('/srv/portal/.data');
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  it('names the bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', REDIS_URL: 'http://x' })).toThrow(/PORT="eighty"[\s\S]*REDIS_URL="http:\/\/x": must start with redis/);
  });

  it('requires a real database in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL/);
  });

  it('stores uploads on local disk under DATA_DIR by default', () => {
    const config = loadConfig({}, '/srv/portal');
    expect(config.storageDriver).toBe('local');
    expect(config.uploadsDir).toBe('/srv/portal/.data/uploads');
    expect(config.s3).toBeUndefined();
    expect(config.evidenceUploadMaxBytes).toBe(52428800);
    expect(loadConfig({ UPLOADS_DIR: 'files' }, '/srv/portal').uploadsDir).toBe('/srv/portal/files');
  });

  it('requires the bucket and keys with the s3 driver', () => {
    expect(() => loadConfig({ STORAGE_DRIVER: 's3', S3_BUCKET: 'evidence' })).toThrow(/S3_ACCESS_KEY_ID="": is required when STORAGE_DRIVER=s3\n\s+S3_SECRET_ACCESS_KEY=""/);
    expect(() => loadConfig({ STORAGE_DRIVER: 'gcs' })).toThrow(/STORAGE_DRIVER="gcs"/);
    const config = loadConfig({
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: 'http://minio:9000',
      S3_BUCKET: 'alliance-evidence',
      S3_ACCESS_KEY_ID: 'portal',
      S3_SECRET_ACCESS_KEY: 'a-secret-of-the-portal',
      S3_FORCE_PATH_STYLE: 'false',
    });
    expect(config.s3).toEqual({
      endpoint: 'http://minio:9000',
      region: 'us-east-1',
      bucket: 'alliance-evidence',
      accessKeyId: 'portal',
      secretAccessKey: 'a-secret-of-the-portal',
      forcePathStyle: false,
    });
  });

  it('documents every variable in .env.example', () => {
    const example = fs.readFileSync(path.join(__dirname, '../../../../.env.example'), 'utf8');
    const documented = new Set([...example.matchAll(/^#?\s*([A-Z0-9_]+)=/gm)].map((m) => m[1]));
    for (const variable of Object.keys(configSchema.shape)) {
      expect(`${variable}: ${documented.has(variable)}`).toBe(`${variable}: true`);
    }
  });
});
