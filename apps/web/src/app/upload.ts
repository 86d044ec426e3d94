export class UploadError extends Error {
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
 * Sends one file as multipart field "file" (after any text `fields`, which the API reads beside the
 * file) to one of the API's upload endpoints and resolves with its JSON answer. XMLHttpRequest, not fetch, because only it reports upload progress. The custom
 * header is the API's CSRF rule for cookie-authenticated uploads: a cross-site form cannot send it,
 * and a script elsewhere would need a CORS preflight the API does not grant.
 */
export function uploadFile<T extends { id: string }>(
  url: string,
  file: File,
  options: {
    locale: string;
    onProgress: (fraction: number) => void;
    signal?: AbortSignal;
    operationName?: string;
    /** Text fields sent before the file in the same multipart body. */
    fields?: Record<string, string>;
  },
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('x-requested-with', 'fetch');
    if (options.operationName) xhr.setRequestHeader('x-apollo-operation-name', options.operationName);
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
        resolve(body as T);
        return;
      }
      // The API's refusals carry a stable code and a message in the reader's language; anything else
      // (Nest's English defaults, a proxy's 413 page, a 502) is worded by the page from the status.
      const record = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
      const code = typeof record.code === 'string' ? record.code : null;
      reject(new UploadError(xhr.status, code && typeof record.message === 'string' ? record.message : '', code));
    };
    xhr.onerror = () => reject(new UploadError(0, ''));
    xhr.onabort = () => reject(new UploadError(-1, ''));
    options.signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    for (const [name, value] of Object.entries(options.fields ?? {})) form.append(name, value);
    form.append('file', file);
    xhr.send(form);
  });
}
