import { uploadFile } from '../../../app/upload';

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

/** Sends one file to POST /api/evidence/items/:id/files: a new version of the item's file. */
export function uploadEvidenceFile(itemId: string, file: File, locale: string, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<UploadedEvidenceFile> {
  return uploadFile<UploadedEvidenceFile>(`/api/evidence/items/${encodeURIComponent(itemId)}/files`, file, { locale, onProgress, signal });
}
