export { FILE_STORAGE, type FileStorage, type StoredObject } from './file-storage';
export { StorageModule, createFileStorage } from './storage.module';
export { LocalDiskStorage } from './local-disk.storage';
export { S3Storage } from './s3.storage';
export { detectContentType, safeFilename, DETECTION_HEAD_BYTES, type DetectedType } from './content-type';
export { receiveUpload, UploadRefused, MULTIPART_OVERHEAD_BYTES, type ReceivedFile, type ReceiveUploadOptions } from './receive-upload';
export { sendStoredFile, contentDisposition, type StoredFileRef } from './send-file';
