import { useState } from 'react';
import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LIMITS, signUpSchema, type Locale } from '@alliance/shared-core';
import { SIGN_UP } from '../../graphql/operations';
import { Page } from '../../app/Page';
import { CountrySelect, FormFailure, LocaleSelect, useApiForm, PasswordField } from '../../app/forms';
import { currentLocale } from '../../app/i18n';
import { returnPathFrom, withNext } from '../../app/navigation';

export default function SignUpPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // Where the person was going (e.g. an invitation): carried through verification and sign-in.
  const [params] = useSearchParams();
  const returnTo = returnPathFrom(params);
  const [signUp] = useMutation(SIGN_UP);
  const form = useApiForm(signUpSchema);
  const [values, setValues] = useState({
    name: '',
    email: '',
    password: '',
    countryCode: '',
    preferredLocale: currentLocale() as Locale,
  });
  const set = (name: keyof typeof values) => (value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    form.clearField(name);
  };

  const submit = form.handleSubmit(values, async (input) => {
    await signUp({ variables: { input: { ...input, returnTo } } });
    await navigate(withNext(`/check-email?email=${encodeURIComponent(input.email)}`, returnTo));
  });

  return (
    <Page title={t('auth:signUpTitle')}>
      <Text>{t('auth:signUpIntro')}</Text>
      {returnTo && <Text c="dimmed">{t('auth:returnNote')}</Text>}
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <Stack maw={480}>
          <FormFailure failure={form.failure} />
          <TextInput
            label={t('auth:name')}
            name="name"
            autoComplete="name"
            required
            value={values.name}
            onChange={(e) => set('name')(e.currentTarget.value)}
            error={form.fields.name}
          />
          <TextInput
            label={t('auth:email')}
            name="email"
            type="email"
            autoComplete="email"
            required
            value={values.email}
            onChange={(e) => set('email')(e.currentTarget.value)}
            error={form.fields.email}
          />
          <PasswordField
            label={t('auth:password')}
            description={t('auth:passwordHint', { count: LIMITS.passwordMin })}
            name="password"
            autoComplete="new-password"
            required
            value={values.password}
            onChange={(e) => set('password')(e.currentTarget.value)}
            error={form.fields.password}
          />
          <CountrySelect
            name="countryCode"
            required
            value={values.countryCode}
            onChange={(e) => set('countryCode')(e.currentTarget.value)}
            error={form.fields.countryCode}
          />
          <LocaleSelect
            name="preferredLocale"
            required
            value={values.preferredLocale}
            onChange={(e) => set('preferredLocale')(e.currentTarget.value)}
            error={form.fields.preferredLocale}
          />
          <Button type="submit" loading={form.submitting} w="fit-content">
            {t('auth:signUpSubmit')}
          </Button>
          <Text>
            {t('auth:haveAccount')}{' '}
            <Anchor component={Link} to={withNext('/sign-in', returnTo)}>
              {t('nav:signIn')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Page>
  );
}
