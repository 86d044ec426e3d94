import i18next, { type BackendModule, type i18n } from 'i18next';
import { LOCALES, type Locale } from '@alliance/shared-core';
import { loadMessages } from 'virtual:alliance-messages';
import { attachMessagesLoader, REACT_I18N_OPTIONS } from './messages';

/** Pauses between the tries of a chunk that failed to load (a lost connection, a busy server). */
const RETRY_DELAYS_MS = [300, 1_000, 3_000];

/**
 * One namespace in one language from its own chunk, tried again after a failure. It always settles:
 * after the last try i18next records the namespace as failed (its keys show instead of texts) and
 * the page renders, rather than waiting for ever.
 */
export async function readMessages(language: string, namespace: string, load = loadMessages, delays = RETRY_DELAYS_MS): Promise<Record<string, string>> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await load(language, namespace);
    } catch (error) {
      if (attempt >= delays.length) {
        // eslint-disable-next-line no-console -- the one trace of texts that will show as keys
        console.error(`Interface texts ${language}/${namespace} could not be loaded`, error);
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, delays[attempt]));
    }
  }
}

/** Reads one namespace in one language from its own chunk (generated from the shared catalogues). */
const backend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, namespace, callback) => {
    readMessages(language, namespace).then(
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
    // Components never suspend on texts: see REACT_I18N_OPTIONS.
    react: REACT_I18N_OPTIONS,
  });
  attachMessagesLoader(async (namespaces) => {
    await initialised;
    // Registered, so that every later language change loads them too before it is announced.
    for (const ns of namespaces) if (!instance.options.ns?.includes(ns)) (instance.options.ns as string[]).push(ns);
    // i18next's loadNamespaces loads only the current language. While a change is under way (its
    // loads started before these namespaces were known), load them in the coming language as well:
    // otherwise the page that asked for them would show keys once the change is announced.
    const changingTo = (instance as unknown as { isLanguageChangingTo?: string }).isLanguageChangingTo;
    const languages = [...new Set([instance.language, changingTo].filter((lng): lng is string => !!lng && lng !== 'cimode'))];
    await new Promise<void>((resolve) => instance.services.backendConnector.load(languages, namespaces, () => resolve()));
  });
  return instance;
}
