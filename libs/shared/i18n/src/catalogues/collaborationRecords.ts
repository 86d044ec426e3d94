/** Shared documents, commitments and the accountability view of working tables and technical groups. */
export const collaborationRecords = {
  es: {} as Record<string, string>,
  en: {} as Record<string, string>,
  pt: {} as Record<string, string>,
  fr: {} as Record<string, string>,
};
