import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule, loadConfig } from '@alliance/server-config';
import { FILE_STORAGE, type FileStorage } from './file-storage';
import { LocalDiskStorage } from './local-disk.storage';
import { S3Storage } from './s3.storage';
import { createFileStorage, StorageModule } from './storage.module';

describe('StorageModule', () => {
  it('provides the local driver by default, under DATA_DIR/uploads', async () => {
    @Module({ imports: [ConfigModule, StorageModule] })
    class AppModule {}
    const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    try {
      const storage = app.get<FileStorage>(FILE_STORAGE);
      expect(storage).toBeInstanceOf(LocalDiskStorage);
      expect((storage as LocalDiskStorage).root).toBe(loadConfig().uploadsDir);
    } finally {
      await app.close();
    }
  });

  it('builds the S3 driver when STORAGE_DRIVER=s3', () => {
    const storage = createFileStorage(
      loadConfig({ STORAGE_DRIVER: 's3', S3_ENDPOINT: 'http://minio:9000', S3_BUCKET: 'alliance-evidence', S3_ACCESS_KEY_ID: 'portal', S3_SECRET_ACCESS_KEY: 'secret-key-1' }),
    );
    expect(storage).toBeInstanceOf(S3Storage);
    (storage as S3Storage).onModuleDestroy();
  });
});
