import { catalogues } from '@alliance/shared-i18n';

// The built app's i18n (i18n-instance.lazy.ts) over a loader that serves the real catalogues as the
// generated chunks do, one language and one namespace per call, recording what was asked for.
const loads: string[] = [];
/** How many more times a `lng/ns` load fails before it succeeds (a flaky connection). */
const failures = new Map<string, number>();
jest.mock(
  'virtual:alliance-messages',
  () => ({
    loadMessages: async (lng: string, ns: string) => {
      loads.push(`${lng}/${ns}`);
      const left = failures.get(`${lng}/${ns}`) ?? 0;
      if (left > 0) {
        failures.set(`${lng}/${ns}`, left - 1);
        throw new Error(`chunk messages-${lng}-${ns} failed to load`);
      }
      const all = catalogues as unknown as Record<string, Record<string, Record<string, string>>>;
      const texts = all[ns]?.[lng];
      if (!texts) throw new Error(`no messages for ${lng}/${ns}`);
      return texts;
    },
  }),
  { virtual: true },
);

type Messages = typeof import('./messages');
type Lazy = typeof import('./i18n-instance.lazy');

/** Fresh module state per test (messages.ts keeps the set of needed namespaces). */
function fresh(): { messages: Messages; lazy: Lazy } {
  let modules!: { messages: Messages; lazy: Lazy };
  jest.isolateModules(() => {
    modules = { messages: jest.requireActual('./messages'), lazy: jest.requireActual('./i18n-instance.lazy') };
  });
  return modules;
}

beforeEach(() => {
  loads.length = 0;
  failures.clear();
});

describe('lazily loaded interface texts', () => {
  it('loads only the shell namespaces in the current language before the first render', async () => {
    const { messages, lazy } = fresh();
    const i18n = lazy.createAppI18n('pt');
    expect(i18n.language).toBe('pt');
    await messages.messagesReady();
    expect(loads.sort()).toEqual(['pt/common', 'pt/errors', 'pt/nav', 'pt/validation']);
    expect(i18n.t('nav:courses')).toBe(catalogues.nav.pt.courses);
    expect(i18n.exists('home:heading')).toBe(false);
  });

  it('loads the namespaces a lazily loaded module needs before it is shown', async () => {
    const { messages, lazy } = fresh();
    const i18n = lazy.createAppI18n('es');
    await messages.messagesReady();
    messages.need(['home', 'nav']);
    await messages.messagesReady();
    expect(loads.filter((l) => l === 'es/home')).toHaveLength(1);
    expect(i18n.t('home:heading')).toBe(catalogues.home.es.heading);
  });

  it('switches language with every loaded namespace ready when languageChanged fires, without a fallback language', async () => {
    const { messages, lazy } = fresh();
    const i18n = lazy.createAppI18n('es');
    messages.need(['home']);
    await messages.messagesReady();
    loads.length = 0;
    let headingWhenAnnounced = '';
    i18n.on('languageChanged', () => {
      headingWhenAnnounced = i18n.t('home:heading');
    });
    await i18n.changeLanguage('fr');
    expect(headingWhenAnnounced).toBe(catalogues.home.fr.heading);
    expect(loads.sort()).toEqual(['fr/common', 'fr/errors', 'fr/home', 'fr/nav', 'fr/validation']);
  });

  it('never suspends components on texts (React would hide a page already shown)', () => {
    const { lazy } = fresh();
    expect(lazy.createAppI18n('es').options.react?.useSuspense).toBe(false);
  });

  it('loads a namespace needed during a language change in the coming language too, before the change is announced', async () => {
    const { messages, lazy } = fresh();
    const i18n = lazy.createAppI18n('es');
    await messages.messagesReady();
    const changed = i18n.changeLanguage('pt');
    // A lazily loaded page's chunk is evaluated while the change is under way: the page renders
    // once messagesReady() resolves, and must then have its texts in both languages.
    messages.need(['home']);
    await messages.messagesReady();
    expect(i18n.hasResourceBundle('es', 'home')).toBe(true);
    expect(i18n.hasResourceBundle('pt', 'home')).toBe(true);
    await changed;
    expect(i18n.language).toBe('pt');
    expect(i18n.t('home:heading')).toBe(catalogues.home.pt.heading);
  });

  it('tries a chunk that failed again, and waits for it', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    try {
      const { messages, lazy } = fresh();
      const i18n = lazy.createAppI18n('es');
      await jest.runAllTimersAsync();
      await messages.messagesReady();
      failures.set('es/home', 2);
      messages.need(['home']);
      let ready = false;
      void messages.messagesReady().then(() => (ready = true));
      await jest.advanceTimersByTimeAsync(0);
      expect(ready).toBe(false);
      await jest.runAllTimersAsync();
      await messages.messagesReady();
      expect(ready).toBe(true);
      expect(loads.filter((l) => l === 'es/home')).toHaveLength(3);
      expect(i18n.t('home:heading')).toBe(catalogues.home.es.heading);
    } finally {
      jest.useRealTimers();
    }
  });

  it('settles when a chunk never loads: the page renders (with keys) instead of waiting for ever, and later loads are still awaited', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const { messages, lazy } = fresh();
      const i18n = lazy.createAppI18n('es');
      await jest.runAllTimersAsync();
      failures.set('es/home', 99);
      messages.need(['home']);
      await jest.runAllTimersAsync();
      await messages.messagesReady();
      expect(i18n.t('home:heading')).toBe('heading');
      expect(error).toHaveBeenCalled();
      // A failure earlier in the chain does not let a later wait resolve before its own load.
      failures.set('es/learningUi', 1);
      messages.need(['learningUi']);
      let ready = false;
      void messages.messagesReady().then(() => (ready = true));
      await jest.advanceTimersByTimeAsync(0);
      expect(ready).toBe(false);
      await jest.runAllTimersAsync();
      await messages.messagesReady();
      expect(ready).toBe(true);
      expect(i18n.exists('learningUi:title')).toBe(true);
    } finally {
      error.mockRestore();
      jest.useRealTimers();
    }
  });

  it('resolves at once when nothing is attached (the synchronous instance Jest uses)', async () => {
    const { messages } = fresh();
    messages.need(['learningUi']);
    await expect(messages.messagesReady()).resolves.toBeUndefined();
    expect(loads).toEqual([]);
  });
});
