import { uploadFile } from '../../../app/upload';
import type { LearningFileFields } from '../operations-catalogue';

export { UploadError } from '../../../app/upload';

/** Sends a lesson document or cover image to POST /api/learning/files. */
export function uploadLearningFile(file: File, locale: string, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<LearningFileFields> {
  return uploadFile<LearningFileFields>('/api/learning/files', file, { locale, onProgress, signal, operationName: 'uploadLearningFile' });
}
