/**
 * Which interface-text namespaces the loaded code uses, and a promise for when they are loaded.
 * In the built app every module that mentions `ns:` keys calls `need()` as it is evaluated (added by
 * vite-plugin-messages.ts) and i18n-instance.lazy.ts attaches the loader; in Jest nothing does
 * (every catalogue is bundled, synchronous) and `messagesReady()` resolves at once.
 *
 * The texts a piece of the interface uses are loaded BEFORE it first renders: main.tsx waits for the
 * shell's, lazyWithMessages for a page's or a menu's. Components therefore never wait for texts
 * while rendering, and react-i18next is told not to suspend (REACT_I18N_OPTIONS).
 */
type Loader = (namespaces: string[]) => Promise<unknown>;

/**
 * react-i18next's options for the app's instance. `useSuspense: false`: with the default (true),
 * `useTranslation` throws a promise whenever its namespace is not loaded in the current language,
 * and React then hides an already shown page (display: none) until it settles, so a slow or failed
 * chunk would hide a form the person is filling in. Texts are loaded before the first render instead.
 */
export const REACT_I18N_OPTIONS = { useSuspense: false } as const;

/** The shell's own namespaces, plus those the server's error and validation keys point into. */
const needed = new Set<string>(['common', 'nav', 'errors', 'validation']);
let loader: Loader | undefined;
let pending: Promise<unknown> = Promise.resolve();

/** A load that failed (after its retries) must not make later waits resolve early or reject. */
const settled = (promise: Promise<unknown>): Promise<unknown> => promise.catch(() => undefined);

export function need(namespaces: readonly string[]): void {
  const fresh = namespaces.filter((ns) => !needed.has(ns));
  for (const ns of fresh) needed.add(ns);
  if (loader && fresh.length) pending = Promise.all([pending, settled(loader(fresh))]);
}

export function attachMessagesLoader(load: Loader): void {
  loader = load;
  pending = settled(load([...needed]));
}

/** Resolves once every namespace needed so far is loaded (or has failed for good) in the current language; never rejects. */
export function messagesReady(): Promise<void> {
  return pending.then(
    () => undefined,
    () => undefined,
  );
}
