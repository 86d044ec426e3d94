/** Sessions (meetings) and the forum of working tables and technical groups. */
export const collaborationMeetings = {
  es: {} as Record<string, string>,
  en: {} as Record<string, string>,
  pt: {} as Record<string, string>,
  fr: {} as Record<string, string>,
};
