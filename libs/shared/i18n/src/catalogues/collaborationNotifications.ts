/** The collaboration domain's notification texts, merged into the notifications namespace (see notifications.ts). */
export const collaborationNotifications = {
  es: {} as Record<string, string>,
  en: {} as Record<string, string>,
  pt: {} as Record<string, string>,
  fr: {} as Record<string, string>,
};
