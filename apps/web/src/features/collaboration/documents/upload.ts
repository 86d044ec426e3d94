import { UploadError, uploadFile } from '../../../app/upload';
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

/** Sends text fields and then the file as one multipart body (the API reads the fields beside the file), with progress. */
function send(url: string, fields: Record<string, string>, file: File, options: UploadOptions): Promise<UploadedVersion> {
  return uploadFile<UploadedVersion>(url, file, { locale: options.locale, onProgress: options.onProgress, signal: options.signal, fields });
}

/** A new document in the space: its title, optional description and first version. */
export function uploadNewDocument(spaceId: string, values: { title: string; description: string }, file: File, options: UploadOptions): Promise<UploadedVersion> {
  return send(newDocumentUrl(spaceId), { title: values.title, description: values.description }, file, options);
}

/** The next version of a document, with an optional note of what changed. */
export function uploadNewVersion(documentId: string, note: string, file: File, options: UploadOptions): Promise<UploadedVersion> {
  return send(newVersionUrl(documentId), { note }, file, options);
}
