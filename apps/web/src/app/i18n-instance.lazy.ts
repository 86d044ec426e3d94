import i18next, { type BackendModule, type i18n } from 'i18next';
import { LOCALES, type Locale } from '@alliance/shared-core';
import { loadMessages } from 'virtual:alliance-messages';
import { attachMessagesLoader } from './messages';

/** Reads one namespace in one language from its own chunk (generated from the shared catalogues). */
const backend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, namespace, callback) => {
    loadMessages(language, namespace).then(
      (texts) => callback(null, texts),
      (error: Error) => callback(error, false),
    );
  },
};

/**
 * The browser's i18next: only the current language's texts, and only the namespaces the loaded code
 * uses (app/messages.ts). A language change loads the same namespaces in the new language before
 * i18next announces it, so the interface never shows untranslated keys.
 */
export function createAppI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  const initialised = instance.use(backend).init({
    lng: locale,
    // Every catalogue holds all four languages (catalogues.spec.ts): no fallback language to download.
    fallbackLng: false,
    supportedLngs: [...LOCALES],
    ns: [],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    // Sets the language at once (the texts still load asynchronously), so <html lang> and the Apollo
    // client's Accept-Language are right from the start.
    initAsync: false,
  });
  attachMessagesLoader((namespaces) => initialised.then(() => instance.loadNamespaces(namespaces)));
  return instance;
}
