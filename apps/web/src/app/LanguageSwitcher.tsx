import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALE_OPTIONS } from './locale';
import { useLocaleSwitch } from './useLocaleSwitch';

/** A native select: fully keyboard-operable and announced well by every screen reader. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const { locale, switchLocale } = useLocaleSwitch();
  return (
    <NativeSelect
      data-testid="language-switcher"
      aria-label={t('nav:language')}
      title={t('nav:language')}
      value={locale}
      onChange={(event) => switchLocale(event.currentTarget.value)}
      data={LOCALE_OPTIONS}
      size="sm"
      w={{ base: 118, sm: 132 }}
    />
  );
}
