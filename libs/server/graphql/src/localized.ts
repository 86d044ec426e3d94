import { z } from 'zod';
import { LOCALES, isLocale, type Locale } from '@alliance/shared-core';

/** A text in several languages as stored in jsonb: { es: '...', pt: '...' }. */
export type LocalizedText = Partial<Record<Locale, string>>;

/** Reader's locale first, then es -> en -> pt -> fr, then whatever is present. */
const FALLBACK: readonly Locale[] = ['es', 'en', 'pt', 'fr'];

/** The text of `value` in the reader's language, falling back so something is always shown. */
export function pickLocalized(value: LocalizedText | null | undefined, locale: string | null | undefined): string {
  if (!value) return '';
  const own = isLocale(locale) ? value[locale] : undefined;
  if (own) return own;
  for (const l of FALLBACK) {
    const v = value[l];
    if (v) return v;
  }
  const first = Object.values(value).find((v) => typeof v === 'string' && v.length > 0);
  return first ?? '';
}

export interface LocalizedEntry {
  locale: string;
  value: string;
}

/** jsonb -> [{ locale, value }] in the portal's language order, empty values left out. */
export function localizedToList(value: LocalizedText | null | undefined): LocalizedEntry[] {
  if (!value) return [];
  return LOCALES.filter((l) => typeof value[l] === 'string' && value[l]!.length > 0).map((l) => ({ locale: l, value: value[l]! }));
}

/** [{ locale, value }] -> jsonb; assumes the list was validated (known locales, no duplicates). */
export function localizedFromList(list: ReadonlyArray<LocalizedEntry> | null | undefined): LocalizedText {
  const out: LocalizedText = {};
  for (const { locale, value } of list ?? []) {
    if ((LOCALES as readonly string[]).includes(locale) && value) out[locale as Locale] = value;
  }
  return out;
}

/**
 * Input schema for a text written in one or more languages. Each entry is trimmed, blank entries
 * are dropped, a locale may appear once, and (unless optional) at least one language must remain.
 * Output is the jsonb shape stored in the database. Error keys live in the caller's i18n namespace
 * (`<namespace>:textInvalid`, `:localeDuplicate`, `:textRequired`).
 */
export function localizedSchema(max: number, opts: { namespace: string; optional?: boolean; key?: string }) {
  const key = opts.key ?? `${opts.namespace}:textInvalid`;
  const entry = z.object({
    locale: z.enum(LOCALES, { error: 'validation:localeInvalid' }),
    value: z.string({ error: 'validation:required' }).trim().max(max, { error: key }),
  });
  return z
    .array(entry, { error: key })
    .max(LOCALES.length * 2, { error: key })
    .nullish()
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      for (const [i, e] of (list ?? []).entries()) {
        if (seen.has(e.locale)) ctx.addIssue({ code: 'custom', path: [i, 'locale'], message: `${opts.namespace}:localeDuplicate` });
        seen.add(e.locale);
      }
      const filled = (list ?? []).filter((e) => e.value.length > 0).length;
      if (!opts.optional && filled === 0) ctx.addIssue({ code: 'custom', message: `${opts.namespace}:textRequired` });
    })
    .transform((list) => localizedFromList(list ?? []));
}
