import { catalogues } from '@alliance/shared-i18n';

// The built app's i18n (i18n-instance.lazy.ts) over a loader that serves the real catalogues as the
// generated chunks do, one language and one namespace per call, recording what was asked for.
const loads: string[] = [];
jest.mock(
  'virtual:alliance-messages',
  () => ({
    loadMessages: async (lng: string, ns: string) => {
      loads.push(`${lng}/${ns}`);
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

  it('resolves at once when nothing is attached (the synchronous instance Jest uses)', async () => {
    const { messages } = fresh();
    messages.need(['learningUi']);
    await expect(messages.messagesReady()).resolves.toBeUndefined();
    expect(loads).toEqual([]);
  });
});
