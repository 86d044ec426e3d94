import { lazy, type ComponentType } from 'react';
import { messagesReady } from './messages';

/**
 * React.lazy for code split off the first load: renders only once the code is loaded AND the
 * interface texts it uses are loaded in the current language (app/messages.ts), so a lazily loaded
 * page or menu never shows untranslated keys.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same constraint as React.lazy
export function lazyWithMessages<T extends ComponentType<any>>(load: () => Promise<{ default: T }>) {
  return lazy(() =>
    load().then(async (module) => {
      await messagesReady();
      return module;
    }),
  );
}
