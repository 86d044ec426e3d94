/** Technical groups: members, rotating coordination, meetings with minutes, deliverables and mandates. */
export const collaborationGroups = {
  es: {} as Record<string, string>,
  en: {} as Record<string, string>,
  pt: {} as Record<string, string>,
  fr: {} as Record<string, string>,
};
