import { LOCALES, isLocale, resolveLocale, type Locale } from '@alliance/shared-core';

/** Languages as their speakers name them, so everyone can find their own in any interface language. */
export const NATIVE_LOCALE_NAMES: Record<Locale, string> = {
  es: 'Español',
  en: 'English',
  pt: 'Português',
  fr: 'Français',
};

export const LOCALE_OPTIONS = LOCALES.map((value) => ({ value, label: NATIVE_LOCALE_NAMES[value] }));

export const LOCALE_STORAGE_KEY = 'alliance.locale';

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The language the person chose explicitly on this browser, if any (storage may be blocked). */
export function readStoredLocale(storage: KeyValueStorage | undefined): Locale | null {
  try {
    const value = storage?.getItem(LOCALE_STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLocale(storage: KeyValueStorage | undefined, locale: Locale): void {
  try {
    storage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Private modes may refuse storage; the choice then lasts for this page only.
  }
}

/** First visit: an explicit earlier choice wins, then the browser's languages, then Spanish. */
export function detectInitialLocale(storage: KeyValueStorage | undefined, browserLanguages: readonly string[]): Locale {
  return readStoredLocale(storage) ?? resolveLocale(browserLanguages.join(','));
}

/**
 * Once we know who is signed in: their saved preference replaces a guessed language, but never
 * a choice made explicitly on this browser.
 */
export function localeForUser(storage: KeyValueStorage | undefined, preferred: string | null | undefined): Locale | null {
  if (readStoredLocale(storage)) return null;
  return isLocale(preferred) ? preferred : null;
}
