import { useCallback, useEffect } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { isLocale, type Locale } from '@alliance/shared-core';
import { UPDATE_PROFILE } from '../graphql/operations';
import { browserStorage } from './i18n';
import { localeForUser, storeLocale } from './locale';
import { useSession } from './session';

/** Changes the interface language, remembers it here and, for signed-in people, on their account. */
export function useLocaleSwitch(): { locale: Locale; switchLocale: (locale: string) => void } {
  const { i18n } = useTranslation();
  const { me } = useSession();
  const [updateProfile] = useMutation(UPDATE_PROFILE);

  const switchLocale = useCallback(
    (next: string) => {
      if (!isLocale(next)) return;
      storeLocale(browserStorage, next);
      void i18n.changeLanguage(next);
      if (me && me.preferredLocale !== next) {
        // The interface has already switched; if saving fails the choice still holds on this browser.
        updateProfile({
          variables: { input: { name: me.name, countryCode: me.countryCode, preferredLocale: next } },
        }).catch(() => undefined);
      }
    },
    [i18n, me, updateProfile],
  );

  return { locale: isLocale(i18n.language) ? i18n.language : 'es', switchLocale };
}

/** Adopts a signed-in person's saved language unless they chose one explicitly on this browser. */
export function useAdoptUserLocale(): void {
  const { i18n } = useTranslation();
  const { me } = useSession();
  const preferred = me?.preferredLocale;
  useEffect(() => {
    const locale = localeForUser(browserStorage, preferred);
    if (locale && locale !== i18n.language) void i18n.changeLanguage(locale);
  }, [preferred, i18n]);
}
