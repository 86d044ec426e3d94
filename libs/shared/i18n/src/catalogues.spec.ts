import { LOCALES } from '@alliance/shared-core';
import { catalogues, createI18n } from './index';

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
}

describe('i18n catalogues', () => {
  for (const [namespace, byLocale] of Object.entries(catalogues)) {
    const reference = (byLocale as Record<string, Record<string, string>>).es;
    for (const locale of LOCALES) {
      it(`${namespace}: ${locale} has exactly the keys of es, each non-empty with the same placeholders`, () => {
        const entries = (byLocale as Record<string, Record<string, string>>)[locale];
        expect(entries).toBeDefined();
        expect(Object.keys(entries).sort()).toEqual(Object.keys(reference).sort());
        for (const [key, text] of Object.entries(entries)) {
          expect(`${key}: ${text.trim().length > 0}`).toBe(`${key}: true`);
          expect(`${key}: ${placeholders(text).join(',')}`).toBe(`${key}: ${placeholders(reference[key]).join(',')}`);
        }
      });
    }
  }

  it('translates with interpolation and falls back to Spanish for unknown languages', () => {
    const i18n = createI18n('pt');
    expect(i18n.t('validation:passwordTooShort', { count: 10 })).toBe('A senha deve ter pelo menos 10 caracteres.');
    expect(i18n.getFixedT('fr')('errors:notFound')).toBe('Nous n’avons pas trouvé ce que vous cherchez.');
  });
});
