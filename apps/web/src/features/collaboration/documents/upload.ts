import { UploadError } from '../../../app/upload';
import { newDocumentUrl, newVersionUrl } from '../operations-documents';

export { UploadError };

/** What the API answers once a version is stored (plain JSON, not GraphQL). */
export interface UploadedVersion {
  id: string;
  documentId: string;
  title: string;
  version: number;
  filename: string;
  size: number;
  url: string;
}

/** The size limit the API enforces (the evidence bank's default, shared by uploads), stated beside the input. */
export const DOCUMENT_MAX_BYTES = 50 * 1024 * 1024;

/** The file chooser's hint; the API decides by the first bytes, not by the name. */
export const DOCUMENT_ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.csv,.png,.jpg,.jpeg,.gif,.webp';

interface UploadOptions {
  locale: string;
  onProgress: (fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * Sends text fields and then the file as one multipart body (the API reads the fields beside the
 * file), with progress. Like app/upload.ts's uploadFile (XMLHttpRequest, the CSRF header, the API's
 * translated refusal), which sends a file alone.
 */
function send(url: string, fields: Record<string, string>, file: File, options: UploadOptions): Promise<UploadedVersion> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('x-requested-with', 'fetch');
    xhr.setRequestHeader('Accept-Language', options.locale);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body && typeof body === 'object' && 'id' in body) {
        options.onProgress(1);
        resolve(body as UploadedVersion);
        return;
      }
      const record = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
      const code = typeof record.code === 'string' ? record.code : null;
      reject(new UploadError(xhr.status, code && typeof record.message === 'string' ? record.message : '', code));
    };
    xhr.onerror = () => reject(new UploadError(0, ''));
    xhr.onabort = () => reject(new UploadError(-1, ''));
    options.signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', file);
    xhr.send(form);
  });
}

/** A new document in the space: its title, optional description and first version. */
export function uploadNewDocument(spaceId: string, values: { title: string; description: string }, file: File, options: UploadOptions): Promise<UploadedVersion> {
  return send(newDocumentUrl(spaceId), { title: values.title, description: values.description }, file, options);
}

/** The next version of a document, with an optional note of what changed. */
export function uploadNewVersion(documentId: string, note: string, file: File, options: UploadOptions): Promise<UploadedVersion> {
  return send(newVersionUrl(documentId), { note }, file, options);
}
