import { LOCALES, type Locale } from '@alliance/shared-core';
import type { LocalizedTextFields } from '../operations-catalogue';
import type { LocalizedTextInput } from '../operations-authoring';

export { LOCALES };
export type { Locale };

/** One value per portal language, '' when not written. */
export type LocalizedDraft = Record<Locale, string>;

export function emptyDraft(): LocalizedDraft {
  return { es: '', en: '', pt: '', fr: '' };
}

/** The API's list of translations as an editable record. */
export function draftFrom(list: ReadonlyArray<LocalizedTextFields> | null | undefined): LocalizedDraft {
  const draft = emptyDraft();
  for (const item of list ?? []) if ((LOCALES as readonly string[]).includes(item.locale)) draft[item.locale as Locale] = item.value;
  return draft;
}

/** Only the languages actually written are sent: an empty language means "not offered in it". */
export function inputFrom(draft: LocalizedDraft): LocalizedTextInput[] {
  return LOCALES.filter((locale) => draft[locale].trim() !== '').map((locale) => ({ locale, value: draft[locale].trim() }));
}

export function hasAnyText(draft: LocalizedDraft): boolean {
  return LOCALES.some((locale) => draft[locale].trim() !== '');
}

/** A language's own name in the reader's language ("portugués"), capitalised for labels. */
export function languageName(code: string, readerLocale: string): string {
  try {
    const name = new Intl.DisplayNames([readerLocale], { type: 'language' }).of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(readerLocale) + name.slice(1);
  } catch {
    return code;
  }
}
