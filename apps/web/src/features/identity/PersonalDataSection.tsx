import { useState } from 'react';
import { Alert, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormFailure, PasswordField, useApiForm } from '../../app/forms';
import { DELETE_MY_ACCOUNT, PERSONAL_DATA_EXPORT_URL } from './operations-privacy';

const deleteSchema = z.object({ password: z.string().min(1, { error: 'validation:required' }) });

/** The dialog's form: the password re-authenticates the person; a wrong one is shown under the field. */
function DeleteAccountForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const [deleteMyAccount] = useMutation(DELETE_MY_ACCOUNT);
  const form = useApiForm(deleteSchema);
  const [password, setPassword] = useState('');

  const submit = form.handleSubmit({ password }, async (input) => {
    await deleteMyAccount({ variables: input });
    // A full page load: nothing of the deleted person stays in memory (Apollo's cache, open queries),
    // and the signed-in page cannot bounce to sign-in on the way out as `me` turns null.
    window.location.replace('/account-deleted');
  });

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <Stack>
        <Text>{t('privacy:confirmBody')}</Text>
        <FormFailure failure={form.failure} />
        <PasswordField
          label={t('privacy:password')}
          name="password"
          autoComplete="current-password"
          required
          data-autofocus
          value={password}
          onChange={(e) => {
            setPassword(e.currentTarget.value);
            form.clearField('password');
          }}
          error={form.fields.password}
        />
        <Group justify="flex-end" wrap="wrap">
          <Button variant="default" onClick={onCancel}>
            {t('privacy:cancel')}
          </Button>
          <Button type="submit" color="red" loading={form.submitting}>
            {t('privacy:confirmDelete')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Your data": download everything the portal holds about the person, or delete the account. */
export function PersonalDataSection() {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="privacy-heading">
      <Title order={2} size="h3" id="privacy-heading">
        {t('privacy:title')}
      </Title>
      <Text mt="xs">{t('privacy:exportBody')}</Text>
      {/* A plain link: the browser sends the session cookie and saves the attachment itself. */}
      <Button component="a" href={PERSONAL_DATA_EXPORT_URL} download mt="md" variant="outline" w="fit-content">
        {t('privacy:exportButton')}
      </Button>
      <Title order={3} size="h4" mt="xl" id="delete-account-heading">
        {t('privacy:deleteTitle')}
      </Title>
      <Alert color="red" variant="light" mt="xs">
        {t('privacy:deleteBody')}
      </Alert>
      <Button mt="md" color="red" onClick={() => setConfirming(true)} w="fit-content">
        {t('privacy:deleteButton')}
      </Button>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('privacy:confirmTitle')} closeButtonProps={{ 'aria-label': t('privacy:cancel') }}>
        {confirming && <DeleteAccountForm onCancel={() => setConfirming(false)} />}
      </Modal>
    </Card>
  );
}
