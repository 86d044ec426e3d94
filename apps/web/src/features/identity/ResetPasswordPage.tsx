import { useState } from 'react';
import { Alert, Button, Stack } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LIMITS, resetPasswordSchema } from '@alliance/shared-core';
import { RESET_PASSWORD } from '../../graphql/operations';
import { Page } from '../../app/Page';
import { FormFailure, useApiForm, PasswordField } from '../../app/forms';

export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [newPassword, setNewPassword] = useState('');
  const [done, setDone] = useState(false);
  const [reset] = useMutation(RESET_PASSWORD);
  const form = useApiForm(resetPasswordSchema);

  const submit = form.handleSubmit({ token, newPassword }, async (input) => {
    await reset({ variables: { input } });
    setDone(true);
  });

  if (!token) {
    return (
      <Page title={t('auth:resetTitle')}>
        <Alert color="red" role="alert">
          {t('auth:missingToken')}
        </Alert>
        <Button component={Link} to="/forgot-password" variant="outline" w="fit-content">
          {t('auth:requestNewLink')}
        </Button>
      </Page>
    );
  }

  // A bad or expired token has no input to show its message under, so it gets its own alert
  // and a way to ask for a new link.
  const tokenMessage = form.fields.token;
  const tokenRejected = Boolean(form.failure) && !form.fields.newPassword;

  return (
    <Page title={t('auth:resetTitle')}>
      {done ? (
        <>
          <Alert color="teal" role="status">
            {t('auth:resetDone')}
          </Alert>
          <Button component={Link} to="/sign-in" w="fit-content">
            {t('auth:goToSignIn')}
          </Button>
        </>
      ) : (
        <form ref={form.formRef} onSubmit={submit} noValidate>
          <Stack maw={420}>
            <FormFailure failure={form.failure} />
            {tokenMessage && (
              <Alert color="red" role="alert">
                {tokenMessage}
              </Alert>
            )}
            {tokenRejected && (
              <Button component={Link} to="/forgot-password" variant="outline" w="fit-content">
                {t('auth:requestNewLink')}
              </Button>
            )}
            <PasswordField
              label={t('auth:newPassword')}
              description={t('auth:passwordHint', { count: LIMITS.passwordMin })}
              name="newPassword"
              autoComplete="new-password"
              required
              value={newPassword}
              onChange={(e) => {
                setNewPassword(e.currentTarget.value);
                form.clearField('newPassword');
              }}
              error={form.fields.newPassword}
            />
            <Button type="submit" loading={form.submitting} w="fit-content">
              {t('auth:resetSubmit')}
            </Button>
          </Stack>
        </form>
      )}
    </Page>
  );
}
