import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Alert, Button, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import { formatNumber } from '../../learning/shared/format';
import { INVITE_TO_WORKSHOP, type InviteResult, type WorkshopEditing } from '../operations-workshops';
import { emailsFromText } from './validation';

const CSV_BYTES_MAX = 1024 * 1024;

function readText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

/** Invite by pasting e-mails or choosing a CSV file (read in the browser; only addresses are kept). */
export function InvitationsEditor({ workshop }: { workshop: WorkshopEditing }) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<InviteResult | null>(null);
  const [invite, inviting] = useMutation(INVITE_TO_WORKSHOP);
  const n = (value: number) => formatNumber(value, i18n.language, 0);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    setError(null);
    if (!file) return;
    if (file.size > CSV_BYTES_MAX) {
      setError(t('workshopsUi:errorCsvTooLarge'));
      return;
    }
    const found = emailsFromText(await readText(file));
    if (found.length === 0) {
      setError(t('workshopsUi:errorCsvEmpty'));
      return;
    }
    setText((current) => [current.trim(), ...found].filter(Boolean).join('\n'));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setResult(null);
    if (!text.trim()) {
      setError(t('workshopsUi:errorInviteEmpty'));
      return;
    }
    setError(null);
    try {
      const answer = await invite({ variables: { workshopId: workshop.id, emails: text } });
      if (answer.data) {
        setResult(answer.data.inviteToWorkshop);
        setText(answer.data.inviteToWorkshop.invalid.join('\n'));
      }
    } catch (e) {
      setFailure(describeError(e, t).message);
    }
  };

  return (
    <Stack gap="md" data-testid="invitations-editor">
      <Text size="sm">{workshop.audience === 'INVITED' ? t('workshopsUi:invitationsHelpInvited') : t('workshopsUi:invitationsHelpOther')}</Text>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <Textarea
            label={t('workshopsUi:inviteEmails')}
            description={t('workshopsUi:inviteEmailsHelp')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={error}
            autosize
            minRows={4}
            maxRows={14}
            data-testid="invite-emails"
          />
          <div>
            <label htmlFor="invite-csv">
              <Text span size="sm" fw={500}>
                {t('workshopsUi:inviteCsv')}
              </Text>
            </label>
            <input id="invite-csv" type="file" accept=".csv,text/csv,text/plain" onChange={(event) => void onFile(event)} data-testid="invite-csv" style={{ display: 'block', marginTop: 4, maxWidth: '100%' }} />
          </div>
          <Group>
            <Button type="submit" loading={inviting.loading} data-testid="send-invitations">
              {t('workshopsUi:sendInvitations')}
            </Button>
          </Group>
        </Stack>
      </form>
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      <div role="status" data-testid="invite-result">
        {result && (
          <Stack gap={4}>
            <Text fw={600}>{t('workshopsUi:invitedCount', { number: n(result.invited.length) })}</Text>
            {result.alreadyInvited.length > 0 && <Text>{t('workshopsUi:alreadyInvitedList', { list: result.alreadyInvited.join(', ') })}</Text>}
            {result.invalid.length > 0 && (
              <>
                <Text c="red.9">{t('workshopsUi:invalidEmails', { number: n(result.invalid.length) })}</Text>
                <List size="sm">
                  {result.invalid.map((value) => (
                    <List.Item key={value}>{value}</List.Item>
                  ))}
                </List>
              </>
            )}
          </Stack>
        )}
      </div>
    </Stack>
  );
}
