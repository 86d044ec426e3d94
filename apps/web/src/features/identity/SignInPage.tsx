import { useState } from 'react';
import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorCode, signInSchema } from '@alliance/shared-core';
import { ME_QUERY, RESEND_VERIFICATION, SIGN_IN } from '../../graphql/operations';
import { Page } from '../../app/Page';
import { FormFailure, useApiForm, PasswordField } from '../../app/forms';
import { returnPathFrom, safeNextPath, withNext } from '../../app/navigation';

export default function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [params] = useSearchParams();
  const returnTo = returnPathFrom(params);
  const [signIn] = useMutation(SIGN_IN);
  const [resend, resendState] = useMutation(RESEND_VERIFICATION);
  const form = useApiForm(signInSchema);
  const [values, setValues] = useState({ email: '', password: '' });
  const [resent, setResent] = useState(false);

  const submit = form.handleSubmit(values, async (input) => {
    setResent(false);
    const result = await signIn({ variables: { input } });
    const user = result.data?.signIn;
    if (!user) throw result.error ?? new Error('signIn returned no user');
    // The session cookie is set; the cached "nobody signed in" answer is replaced by this person.
    client.writeQuery({ query: ME_QUERY, data: { me: user } });
    await navigate(safeNextPath(params.get('next')), { replace: true });
  });

  const notVerified = form.failure?.code === ErrorCode.EmailNotVerified;

  return (
    <Page title={t('auth:signInTitle')}>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <Stack maw={420}>
          <FormFailure failure={form.failure} />
          {notVerified && (
            <Stack gap="xs">
              <Button
                variant="outline"
                w="fit-content"
                loading={resendState.loading}
                onClick={() => {
                  resend({ variables: { email: values.email.trim().toLowerCase(), returnTo } })
                    .then(() => setResent(true))
                    .catch(() => setResent(false));
                }}
              >
                {t('auth:resendVerification')}
              </Button>
              <div role="status">{resent && <Alert color="teal">{t('auth:resendDone')}</Alert>}</div>
            </Stack>
          )}
          <TextInput
            label={t('auth:email')}
            name="email"
            type="email"
            autoComplete="username"
            required
            value={values.email}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setValues((v) => ({ ...v, email: value }));
              form.clearField('email');
            }}
            error={form.fields.email}
          />
          <PasswordField
            label={t('auth:password')}
            name="password"
            autoComplete="current-password"
            required
            value={values.password}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setValues((v) => ({ ...v, password: value }));
              form.clearField('password');
            }}
            error={form.fields.password}
          />
          <Button type="submit" loading={form.submitting} w="fit-content">
            {t('auth:signInSubmit')}
          </Button>
          <Anchor component={Link} to="/forgot-password" w="fit-content">
            {t('auth:forgotLink')}
          </Anchor>
          <Text>
            {t('auth:noAccount')}{' '}
            <Anchor component={Link} to={withNext('/sign-up', returnTo)}>
              {t('nav:signUp')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Page>
  );
}
