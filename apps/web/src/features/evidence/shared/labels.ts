// Labels and links shared by the public evidence pages. Enum labels come from the `evidence`
// namespace (shared with the server and the submit/review pages) so one word means one thing.
import type { TFunction } from 'i18next';
import { languageName } from '../../learning/shared/localized';
import type { EvidenceLicence, EvidenceStatus, EvidenceType, EvidenceVisibility } from '../operations-public';

export const typeLabel = (t: TFunction, type: EvidenceType | string): string => t(`evidence:type_${type}`);
export const licenceLabel = (t: TFunction, licence: EvidenceLicence | string): string => t(`evidence:licence_${licence}`);
export const statusLabel = (t: TFunction, status: EvidenceStatus | string): string => t(`evidence:status_${status}`);
export const visibilityLabel = (t: TFunction, visibility: EvidenceVisibility | string): string => t(`evidence:visibility_${visibility}`);

const EVIDENCE_LANGUAGE_CODES = ['es', 'en', 'pt', 'fr'];

/** A language in the reader's language ("Portugués"); codes outside the portal's four fall back to Intl. */
export function languageLabel(t: TFunction, code: string, readerLocale: string): string {
  return EVIDENCE_LANGUAGE_CODES.includes(code) ? t(`evidence:language_${code}`) : languageName(code, readerLocale);
}

/** A language as its own speakers write it, for a switcher between translations ("Português"). */
export function nativeLanguageName(code: string): string {
  return languageName(code, code);
}

const CC_PATHS: Partial<Record<EvidenceLicence, string>> = {
  CC_BY_4_0: 'licenses/by/4.0',
  CC_BY_SA_4_0: 'licenses/by-sa/4.0',
  CC_BY_NC_4_0: 'licenses/by-nc/4.0',
  CC_BY_NC_SA_4_0: 'licenses/by-nc-sa/4.0',
  CC_BY_ND_4_0: 'licenses/by-nd/4.0',
  CC_BY_NC_ND_4_0: 'licenses/by-nc-nd/4.0',
  CC0_1_0: 'publicdomain/zero/1.0',
};

/** The Creative Commons deed (the human-readable summary) in the reader's language; null for other licences. */
export function creativeCommonsDeedUrl(licence: EvidenceLicence, readerLocale: string): string | null {
  const path = CC_PATHS[licence];
  if (!path) return null;
  const lang = EVIDENCE_LANGUAGE_CODES.includes(readerLocale) ? readerLocale : 'en';
  return `https://creativecommons.org/${path}/deed.${lang}`;
}

/** The resolver link of a DOI stored normalised ("10.1234/abc"). */
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`;
}

const KNOWN_KINDS: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/msword': 'Word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.ms-excel': 'Excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.ms-powerpoint': 'PowerPoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
  'application/vnd.oasis.opendocument.presentation': 'ODP',
  'text/csv': 'CSV',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
};

/** A short name of a file's format people recognise ("PDF", "Word"), from its type or else its extension. */
export function fileKind(contentType: string, filename: string): string {
  const known = KNOWN_KINDS[contentType.split(';')[0].trim().toLowerCase()];
  if (known) return known;
  const dot = filename.lastIndexOf('.');
  return dot > 0 && dot < filename.length - 1 ? filename.slice(dot + 1).toUpperCase() : contentType;
}
