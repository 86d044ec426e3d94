import i18next, { type i18n, type TFunction } from 'i18next';
import { LOCALES, DEFAULT_LOCALE, type Locale } from '@alliance/shared-core';
import { catalogues } from './catalogues';

export { catalogues };
export type Namespace = keyof typeof catalogues;
export const NAMESPACES = Object.keys(catalogues) as Namespace[];

/** i18next resources: { es: { common: {...}, errors: {...} }, en: {...}, ... } */
export function buildResources(): Record<Locale, Record<string, Record<string, string>>> {
  const resources = {} as Record<Locale, Record<string, Record<string, string>>>;
  for (const locale of LOCALES) {
    resources[locale] = {};
    for (const ns of NAMESPACES) {
      resources[locale][ns] = (catalogues[ns] as Record<Locale, Record<string, string>>)[locale];
    }
  }
  return resources;
}

/** A ready i18next instance with every catalogue loaded (synchronous: resources are bundled). */
export function createI18n(locale: Locale = DEFAULT_LOCALE): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    ns: NAMESPACES,
    defaultNS: 'common',
    resources: buildResources(),
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

let serverInstance: i18n | undefined;
/** Translator for one language, backed by a shared instance (server side). */
export function translator(locale: Locale): TFunction {
  serverInstance ??= createI18n(DEFAULT_LOCALE);
  return serverInstance.getFixedT(locale);
}
