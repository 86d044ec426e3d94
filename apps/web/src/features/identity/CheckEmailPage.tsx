import { useState } from 'react';
import { Alert, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { emailSchema } from '@alliance/shared-core';
import { RESEND_VERIFICATION } from '../../graphql/operations';
import { Page } from '../../app/Page';
import { FormFailure, useApiForm } from '../../app/forms';
import { returnPathFrom } from '../../app/navigation';

const resendSchema = z.object({ email: emailSchema });

export default function CheckEmailPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const initialEmail = params.get('email') ?? '';
  const returnTo = returnPathFrom(params);
  const [email, setEmail] = useState(initialEmail);
  const [sent, setSent] = useState(false);
  const [resend] = useMutation(RESEND_VERIFICATION);
  const form = useApiForm(resendSchema);

  const submit = form.handleSubmit({ email }, async (input) => {
    setSent(false);
    await resend({ variables: { email: input.email, returnTo } });
    setSent(true);
  });

  return (
    <Page title={t('auth:checkEmailTitle')}>
      <Text size="lg">{initialEmail ? t('auth:checkEmailBody', { email: initialEmail }) : t('auth:checkEmailGeneric')}</Text>
      <section aria-labelledby="resend-heading">
        <Title order={2} size="h4" id="resend-heading">
          {t('auth:resendSubmit')}
        </Title>
        <Text mt="xs">{t('auth:resendIntro')}</Text>
        <form ref={form.formRef} onSubmit={submit} noValidate>
          <Stack maw={480} mt="md">
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
            <Button type="submit" variant="outline" loading={form.submitting} w="fit-content">
              {t('auth:resendSubmit')}
            </Button>
            <div role="status">{sent && <Alert color="teal">{t('auth:resendDone')}</Alert>}</div>
          </Stack>
        </form>
      </section>
    </Page>
  );
}
