/**
 * Which interface-text namespaces the loaded code uses, and a promise for when they are loaded.
 * In the built app every module that mentions `ns:` keys calls `need()` as it is evaluated (added by
 * vite-plugin-messages.ts) and i18n-instance.lazy.ts attaches the loader; in Jest nothing does
 * (every catalogue is bundled, synchronous) and `messagesReady()` resolves at once.
 */
type Loader = (namespaces: string[]) => Promise<unknown>;

/** The shell's own namespaces, plus those the server's error and validation keys point into. */
const needed = new Set<string>(['common', 'nav', 'errors', 'validation']);
let loader: Loader | undefined;
let pending: Promise<unknown> = Promise.resolve();

export function need(namespaces: readonly string[]): void {
  const fresh = namespaces.filter((ns) => !needed.has(ns));
  for (const ns of fresh) needed.add(ns);
  if (loader && fresh.length) pending = Promise.all([pending, loader(fresh)]);
}

export function attachMessagesLoader(load: Loader): void {
  loader = load;
  pending = load([...needed]);
}

/** Resolves once every namespace needed so far is loaded in the current language (never rejects). */
export function messagesReady(): Promise<void> {
  return pending.then(
    () => undefined,
    () => undefined,
  );
}
