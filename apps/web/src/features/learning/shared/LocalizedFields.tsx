import { Stack, Tabs, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES, languageName, type LocalizedDraft, type Locale } from './localized';

export interface LocalizedFieldSpec {
  name: string;
  label: string;
  multiline?: boolean;
  /** Monospace Markdown source, taller box. */
  markdown?: boolean;
  maxLength?: number;
  description?: string;
}

interface LocalizedFieldsProps {
  /** Distinguishes several editors on one page (ids of tabs and inputs). */
  idPrefix: string;
  /** Names the tab list ("Course text by language"). */
  label: string;
  fields: LocalizedFieldSpec[];
  values: Record<string, LocalizedDraft>;
  onChange: (field: string, locale: Locale, value: string) => void;
  /** A message per field (shown under the field in every language tab). */
  errors?: Record<string, string | undefined>;
}

/**
 * Text written in up to four languages: one tab per language holding every field of that
 * language, so a translator fills a whole language at once. A tab whose language has text is marked.
 */
export function LocalizedFields({ idPrefix, label, fields, values, onChange, errors = {} }: LocalizedFieldsProps) {
  const { t, i18n } = useTranslation();
  return (
    <Tabs defaultValue="es" keepMounted={false} variant="outline">
      <Tabs.List aria-label={label}>
        {LOCALES.map((locale) => {
          const written = fields.some((field) => values[field.name]?.[locale]?.trim());
          return (
            <Tabs.Tab key={locale} value={locale} id={`${idPrefix}-tab-${locale}`}>
              {languageName(locale, i18n.language)}
              {written ? ` ✓` : ''}
            </Tabs.Tab>
          );
        })}
      </Tabs.List>
      {LOCALES.map((locale) => (
        <Tabs.Panel key={locale} value={locale} pt="sm">
          <Stack gap="sm">
            {fields.map((field) => {
              const common = {
                id: `${idPrefix}-${field.name}-${locale}`,
                label: t('learningUi:fieldInLanguage', { field: field.label, language: languageName(locale, i18n.language) }),
                description: field.description,
                value: values[field.name]?.[locale] ?? '',
                maxLength: field.maxLength,
                lang: locale,
                error: errors[field.name],
                'data-testid': `${idPrefix}-${field.name}-${locale}`,
                onChange: (event: { currentTarget: { value: string } }) => onChange(field.name, locale, event.currentTarget.value),
              };
              return field.multiline || field.markdown ? (
                <Textarea key={field.name} {...common} autosize minRows={field.markdown ? 8 : 3} ff={field.markdown ? 'monospace' : undefined} />
              ) : (
                <TextInput key={field.name} {...common} />
              );
            })}
          </Stack>
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
