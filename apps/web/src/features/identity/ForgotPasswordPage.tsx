import { useState } from 'react';
import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { emailSchema } from '@alliance/shared-core';
import { REQUEST_PASSWORD_RESET } from '../../graphql/operations';
import { Page } from '../../app/Page';
import { FormFailure, useApiForm } from '../../app/forms';

const forgotSchema = z.object({ email: emailSchema });

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [request] = useMutation(REQUEST_PASSWORD_RESET);
  const form = useApiForm(forgotSchema);

  const submit = form.handleSubmit({ email }, async (input) => {
    setSentTo(null);
    await request({ variables: { email: input.email } });
    setSentTo(input.email);
  });

  return (
    <Page title={t('auth:forgotTitle')}>
      <Text>{t('auth:forgotIntro')}</Text>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <Stack maw={420}>
          <FormFailure failure={form.failure} />
          <TextInput
            label={t('auth:email')}
            name="email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => {
              setEmail(e.currentTarget.value);
              form.clearField('email');
            }}
            error={form.fields.email}
          />
          <Button type="submit" loading={form.submitting} w="fit-content">
            {t('auth:forgotSubmit')}
          </Button>
          <div role="status">{sentTo && <Alert color="teal">{t('auth:forgotDone', { email: sentTo })}</Alert>}</div>
          <Anchor component={Link} to="/sign-in" w="fit-content">
            {t('auth:goToSignIn')}
          </Anchor>
        </Stack>
      </form>
    </Page>
  );
}
