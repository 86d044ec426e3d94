import type { LearningFileFields } from '../operations-catalogue';

export class UploadError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Sends one file to POST /api/learning/files as multipart field "file". XMLHttpRequest, not fetch,
 * because only it reports upload progress. The custom header makes the browser preflight the
 * request, which is the API's CSRF rule for cookie-authenticated POSTs (as for /graphql).
 */
export function uploadLearningFile(
  file: File,
  locale: string,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<LearningFileFields> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/learning/files');
    xhr.withCredentials = true;
    xhr.setRequestHeader('apollo-require-preflight', 'true');
    xhr.setRequestHeader('x-apollo-operation-name', 'uploadLearningFile');
    xhr.setRequestHeader('Accept-Language', locale);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body && typeof body === 'object' && 'id' in body) {
        onProgress(1);
        resolve(body as LearningFileFields);
        return;
      }
      // The API's own errors carry a stable "code" and a translated "message"; Nest's defaults
      // (401, 403, 413 from the size limit) are English, so the caller words those itself.
      const message = body && typeof body === 'object' && 'code' in body && 'message' in body ? String((body as { message: unknown }).message) : '';
      reject(new UploadError(xhr.status, message));
    };
    xhr.onerror = () => reject(new UploadError(0, ''));
    xhr.onabort = () => reject(new UploadError(-1, ''));
    signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}
