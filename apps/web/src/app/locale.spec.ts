import { detectInitialLocale, localeForUser, LOCALE_STORAGE_KEY, readStoredLocale, storeLocale } from './locale';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}
const blocked = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
};

describe('locale detection and persistence', () => {
  it('prefers an explicit earlier choice over the browser languages', () => {
    expect(detectInitialLocale(memoryStorage({ [LOCALE_STORAGE_KEY]: 'fr' }), ['pt-BR', 'en'])).toBe('fr');
  });

  it('uses the first supported browser language, then Spanish', () => {
    expect(detectInitialLocale(memoryStorage(), ['de-DE', 'pt-BR', 'en'])).toBe('pt');
    expect(detectInitialLocale(memoryStorage(), ['de-DE', 'ja'])).toBe('es');
    expect(detectInitialLocale(undefined, [])).toBe('es');
  });

  it('ignores a stored value that is not one of our languages', () => {
    expect(readStoredLocale(memoryStorage({ [LOCALE_STORAGE_KEY]: 'de' }))).toBeNull();
    expect(detectInitialLocale(memoryStorage({ [LOCALE_STORAGE_KEY]: 'de' }), ['en-GB'])).toBe('en');
  });

  it('survives browsers that refuse storage', () => {
    expect(() => storeLocale(blocked, 'pt')).not.toThrow();
    expect(readStoredLocale(blocked)).toBeNull();
    expect(detectInitialLocale(blocked, ['fr-CA'])).toBe('fr');
  });

  it('remembers a choice', () => {
    const storage = memoryStorage();
    storeLocale(storage, 'pt');
    expect(storage.data.get(LOCALE_STORAGE_KEY)).toBe('pt');
    expect(readStoredLocale(storage)).toBe('pt');
  });

  it('adopts a signed-in person’s saved language only when nothing was chosen on this browser', () => {
    expect(localeForUser(memoryStorage(), 'pt')).toBe('pt');
    expect(localeForUser(memoryStorage({ [LOCALE_STORAGE_KEY]: 'en' }), 'pt')).toBeNull();
    expect(localeForUser(memoryStorage(), 'xx')).toBeNull();
    expect(localeForUser(memoryStorage(), undefined)).toBeNull();
  });
});
