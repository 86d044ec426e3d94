import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import { ADD_WORKSHOP_ORGANISER, REMOVE_WORKSHOP_ORGANISER, type WorkshopEditing } from '../operations-workshops';

/** Organisers: people with an account, added by e-mail; the last one cannot be removed (the API says so). */
export function OrganisersEditor({ workshop }: { workshop: WorkshopEditing }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [addOrganiser, adding] = useMutation(ADD_WORKSHOP_ORGANISER);
  const [removeOrganiser] = useMutation(REMOVE_WORKSHOP_ORGANISER);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setDone(null);
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      setError(t('workshopsUi:errorEmail'));
      return;
    }
    setError(null);
    try {
      await addOrganiser({ variables: { workshopId: workshop.id, email: email.trim() } });
      setDone(t('workshopsUi:organiserAdded', { email: email.trim() }));
      setEmail('');
    } catch (e) {
      setFailure(describeError(e, t).message);
    }
  };
  const remove = async (userId: string, name: string) => {
    setFailure(null);
    setDone(null);
    try {
      await removeOrganiser({ variables: { workshopId: workshop.id, userId } });
      setDone(t('workshopsUi:organiserRemoved', { name }));
    } catch (e) {
      setFailure(describeError(e, t).message);
    }
  };

  return (
    <Stack gap="md" data-testid="organisers-editor">
      {workshop.organisers.length === 0 ? (
        <Text>{t('workshopsUi:noOrganisers')}</Text>
      ) : (
        <List spacing="xs">
          {workshop.organisers.map((organiser) => (
            <List.Item key={organiser.id}>
              <Group gap="sm" wrap="wrap">
                <Text span>{organiser.name}</Text>
                <Button variant="subtle" color="red" size="xs" onClick={() => void remove(organiser.id, organiser.name)}>
                  {t('workshopsUi:removeOrganiser', { name: organiser.name })}
                </Button>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="add-organiser-heading">
        <Stack gap="sm">
          <Title order={3} size="h4" id="add-organiser-heading">
            {t('workshopsUi:addOrganiserHeading')}
          </Title>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              type="email"
              label={t('workshopsUi:organiserEmail')}
              description={t('workshopsUi:organiserEmailHelp')}
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={error}
              maxLength={254}
              style={{ flex: 1, minWidth: 200 }}
              data-testid="organiser-email"
            />
            <Button type="submit" loading={adding.loading} data-testid="add-organiser">
              {t('workshopsUi:addOrganiser')}
            </Button>
          </Group>
        </Stack>
      </form>
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      <div role="status">{done && <Text c="dark.7" fw={500}>{done}</Text>}</div>
    </Stack>
  );
}
