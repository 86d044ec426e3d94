import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@alliance/server-config';
import { FILE_STORAGE, type FileStorage } from './file-storage';
import { LocalDiskStorage } from './local-disk.storage';
import { S3Storage } from './s3.storage';

/** The storage driver the configuration asks for: a local directory by default, S3 when STORAGE_DRIVER=s3. */
export function createFileStorage(config: AppConfig): FileStorage {
  if (config.storageDriver === 's3') {
    if (!config.s3) throw new Error('STORAGE_DRIVER=s3 needs S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY');
    return new S3Storage(config.s3);
  }
  return new LocalDiskStorage(config.uploadsDir);
}

/** Provides FILE_STORAGE everywhere; import it once in each app (api and worker). */
@Global()
@Module({
  providers: [{ provide: FILE_STORAGE, inject: [APP_CONFIG], useFactory: createFileStorage }],
  exports: [FILE_STORAGE],
})
export class StorageModule {}
