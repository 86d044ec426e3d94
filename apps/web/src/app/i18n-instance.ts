import type { i18n } from 'i18next';
import { createI18n } from '@alliance/shared-i18n';
import type { Locale } from '@alliance/shared-core';
import { REACT_I18N_OPTIONS } from './messages';

/**
 * Every catalogue bundled, ready synchronously: what Jest runs. The build replaces this module with
 * i18n-instance.lazy.ts (see vite-plugin-messages.ts), which loads one language's texts on demand.
 */
export function createAppI18n(locale: Locale): i18n {
  const instance = createI18n(locale);
  // The same react-i18next behaviour as the built app's instance.
  instance.options.react = { ...instance.options.react, ...REACT_I18N_OPTIONS };
  return instance;
}
