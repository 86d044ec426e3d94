import { isLocale, DEFAULT_LOCALE, type Locale } from '@alliance/shared-core';
import { detectInitialLocale } from './locale';
import { createAppI18n } from './i18n-instance';

function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export const browserStorage = safeLocalStorage();

/** The app's single i18next instance; <html lang> follows its language. */
export const i18n = createAppI18n(detectInitialLocale(browserStorage, navigator.languages ?? [navigator.language]));

function syncDocumentLanguage(lng: string): void {
  document.documentElement.lang = lng;
}
syncDocumentLanguage(i18n.language);
i18n.on('languageChanged', syncDocumentLanguage);

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}
