/** What the API answers after storing a new version (a subset of EvidenceFile, as plain JSON). */
export interface UploadedEvidenceFile {
  id: string;
  version: number;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  url: string;
}

/** The size limit the API enforces (EVIDENCE_UPLOAD_MAX_BYTES' default), stated beside the input. */
export const EVIDENCE_MAX_BYTES = 50 * 1024 * 1024;

/** The file chooser's hint; the API decides by the first bytes, not by the name. */
export const EVIDENCE_ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.csv,.png,.jpg,.jpeg,.gif,.webp';

export class EvidenceUploadError extends Error {
  constructor(
    /** HTTP status; 0 when the network failed, -1 when the person cancelled. */
    readonly status: number,
    /** The API's translated message (empty when it sent none). */
    message: string,
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

/**
 * Sends one file to POST /api/evidence/items/:id/files as multipart field "file". XMLHttpRequest,
 * not fetch, because only it reports upload progress. The x-requested-with header is the API's
 * CSRF rule for cookie-authenticated uploads (a cross-site form cannot set it without a preflight).
 */
export function uploadEvidenceFile(itemId: string, file: File, locale: string, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<UploadedEvidenceFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/evidence/items/${encodeURIComponent(itemId)}/files`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('x-requested-with', 'fetch');
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
        resolve(body as UploadedEvidenceFile);
        return;
      }
      // The API's refusals carry a stable code and a message in the reader's language; anything else
      // (a proxy's 413 page, a 502) is worded by the page from the status.
      const record = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
      const message = typeof record.message === 'string' && typeof record.code === 'string' ? record.message : '';
      reject(new EvidenceUploadError(xhr.status, message, typeof record.code === 'string' ? record.code : null));
    };
    xhr.onerror = () => reject(new EvidenceUploadError(0, ''));
    xhr.onabort = () => reject(new EvidenceUploadError(-1, ''));
    signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}
