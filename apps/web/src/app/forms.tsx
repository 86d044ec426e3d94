import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Alert, NativeSelect, PasswordInput, type NativeSelectProps, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ISO_COUNTRY_CODES, LAC_COUNTRIES, countryName, toFieldErrors } from '@alliance/shared-core';
import type { z } from 'zod';
import type { TFunction } from 'i18next';
import { describeError, fieldName, type DescribedError, type FieldMessages } from './errors';
import { LOCALE_OPTIONS } from './locale';

// Lives here, not in errors.ts, so zod stays in the lazily loaded form pages and out of the shell.
/** The same per-field messages as the API's, from the shared zod schemas, before anything is sent. */
export function zodFieldMessages(error: z.ZodError, t: TFunction): FieldMessages {
  const fields: FieldMessages = {};
  for (const issue of toFieldErrors(error)) {
    const name = fieldName(issue.field);
    if (!fields[name]) fields[name] = t(issue.key, issue.params ?? {});
  }
  return fields;
}

/**
 * Form state shared by every page: validates with the same zod schema as the API, shows the
 * API's per-field messages under the inputs and moves focus to the first field to fix.
 */
export function useApiForm<S extends z.ZodType>(schema: S) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [fields, setFields] = useState<FieldMessages>({});
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (attempt === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  }, [attempt]);

  const handleSubmit = useCallback(
    (values: z.input<S>, send: (parsed: z.output<S>) => Promise<void>) => async (event?: FormEvent) => {
      event?.preventDefault();
      setFailure(null);
      const parsed = schema.safeParse(values);
      if (!parsed.success) {
        setFields(zodFieldMessages(parsed.error, t));
        setAttempt((n) => n + 1);
        return;
      }
      setFields({});
      setSubmitting(true);
      try {
        await send(parsed.data);
      } catch (error) {
        const described = describeError(error, t);
        setFields(described.fields);
        setFailure(described);
        setAttempt((n) => n + 1);
      } finally {
        setSubmitting(false);
      }
    },
    [schema, t],
  );

  const clearField = useCallback((name: string) => {
    setFields((current) => {
      if (!current[name]) return current;
      const { [name]: _removed, ...rest } = current;
      return rest;
    });
  }, []);

  return { formRef, fields, failure, setFailure, submitting, handleSubmit, clearField };
}

/** The form-level message (an error the inputs cannot show). */
export function FormFailure({ failure }: { failure: DescribedError | null }) {
  if (!failure) return null;
  return (
    <Alert color="red" role="alert">
      {failure.message}
    </Alert>
  );
}

/** Countries of Latin America and the Caribbean first, then every other country, in the reader's language. */
export function CountrySelect(props: Omit<NativeSelectProps, 'data'>) {
  const { t, i18n } = useTranslation();
  const data = useMemo(() => {
    const collator = new Intl.Collator(i18n.language);
    const lac = new Set(LAC_COUNTRIES.map((c) => c.code));
    const named = (codes: readonly string[]) =>
      codes
        .map((code) => ({ value: code, label: countryName(code, i18n.language) }))
        .sort((a, b) => collator.compare(a.label, b.label));
    return [
      { value: '', label: t('auth:chooseCountry'), disabled: true },
      { group: t('auth:lacCountries'), items: named([...lac]) },
      { group: t('auth:otherCountries'), items: named(ISO_COUNTRY_CODES.filter((code) => !lac.has(code))) },
    ];
  }, [i18n.language, t]);
  return <NativeSelect label={t('auth:country')} autoComplete="country" {...props} data={data} />;
}

export function LocaleSelect(props: Omit<NativeSelectProps, 'data'>) {
  const { t } = useTranslation();
  return <NativeSelect label={t('auth:preferredLocale')} {...props} data={LOCALE_OPTIONS} />;
}

/** Mantine's PasswordInput with its show/hide button named in the reader's language. */
export function PasswordField(props: PasswordInputProps) {
  const { t } = useTranslation();
  return <PasswordInput {...props} visibilityToggleButtonProps={{ 'aria-label': t('auth:togglePasswordVisibility') }} />;
}
