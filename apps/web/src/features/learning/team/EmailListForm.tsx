import { useId, useState, type FormEvent } from 'react';
import { Alert, Badge, Box, Button, FileInput, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import type { EnrolmentRow, NominationResult } from '../operations-learner';
import { EnrolmentStatusBadge } from '../learner/components';

/** Reads a chosen file as text in the browser (the API parses the list or CSV). */
export function readFileText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'));
    reader.readAsText(file);
  });
}

/** Addresses typed in the box, counted the way the API splits them (commas, semicolons, new lines). */
export function countAddresses(text: string): number {
  return text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter((part) => part.includes('@')).length;
}

/**
 * E-mail addresses typed or pasted, or a CSV file with an "email" column read in the browser; the
 * text is what gets sent.
 */
export function EmailListForm({ submitLabel, onSubmit }: { submitLabel: string; onSubmit: (emails: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const hintId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    let emails = text.trim();
    if (file) {
      try {
        emails = (await readFileText(file)).trim();
      } catch {
        setError(t('learnerUi:fileUnreadable'));
        return;
      }
    }
    if (!emails) {
      setError(t('learnerUi:emailsRequired'));
      return;
    }
    setSending(true);
    try {
      await onSubmit(emails);
      setText('');
      setFile(null);
    } catch (err) {
      const described = describeError(err, t);
      if (described.fields.emails) setError(described.fields.emails);
      else setFailure(described.message);
    } finally {
      setSending(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="email-list-form">
      <Stack gap="sm">
        <Textarea
          label={t('learnerUi:emailsLabel')}
          description={t('learnerUi:emailsHint')}
          name="emails"
          autosize
          minRows={4}
          value={text}
          disabled={file !== null}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setError(null);
          }}
          error={file ? undefined : error}
          data-testid="emails-input"
        />
        <FileInput
          label={t('learnerUi:csvLabel')}
          description={t('learnerUi:csvHint')}
          accept=".csv,text/csv,text/plain"
          clearable
          clearButtonProps={{ 'aria-label': t('learnerUi:clearFile') }}
          value={file}
          onChange={(value) => {
            setFile(value);
            setError(null);
          }}
          error={file ? error : undefined}
          data-testid="csv-input"
        />
        <Text size="sm" id={hintId} c="dimmed" aria-live="polite">
          {text && !file ? t('learnerUi:addressCount', { count: countAddresses(text) }) : ''}
        </Text>
        {failure && (
          <Alert color="red" role="alert" data-testid="email-list-error">
            {failure}
          </Alert>
        )}
        <Button type="submit" loading={sending} w="fit-content" data-testid="submit-emails">
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}

function ResultGroup({ title, rows, testId }: { title: string; rows: EnrolmentRow[]; testId: string }) {
  if (rows.length === 0) return null;
  return (
    <Box data-testid={testId}>
      <Title order={3} size="h5" mb={4}>
        {title} ({rows.length})
      </Title>
      <List spacing={4}>
        {rows.map((row) => (
          <List.Item key={row.id}>
            <Group gap="xs" wrap="wrap">
              <Text span className="break-anywhere">
                {row.person.name !== row.person.email ? `${row.person.name} <${row.person.email}>` : row.person.email}
              </Text>
              <EnrolmentStatusBadge status={row.status} />
            </Group>
          </List.Item>
        ))}
      </List>
    </Box>
  );
}

/** What happened to each address: enrolled, invited to sign up, awaiting approval, or skipped and why. */
export function NominationResultView({ result }: { result: NominationResult }) {
  const { t } = useTranslation();
  return (
    <Alert color="blue.9" variant="outline" title={t('learnerUi:resultTitle')} data-testid="nomination-result">
      <Stack gap="sm" c="dark.9">
        <Text>
          {t('learnerUi:resultSummary', {
            enrolled: result.enrolled.length,
            invited: result.invited.length,
            pending: result.pending.length,
            skipped: result.skipped.length,
          })}
        </Text>
        <ResultGroup title={t('learnerUi:resultEnrolled')} rows={result.enrolled} testId="result-enrolled" />
        <ResultGroup title={t('learnerUi:resultInvited')} rows={result.invited} testId="result-invited" />
        <ResultGroup title={t('learnerUi:resultPending')} rows={result.pending} testId="result-pending" />
        {result.skipped.length > 0 && (
          <Box data-testid="result-skipped">
            <Title order={3} size="h5" mb={4}>
              {t('learnerUi:resultSkipped')} ({result.skipped.length})
            </Title>
            <List spacing={4}>
              {result.skipped.map((skip, i) => (
                <List.Item key={`${skip.email}-${i}`}>
                  <Text span className="break-anywhere">
                    {skip.email}
                  </Text>
                  {': '}
                  <Badge color="orange.9" variant="outline" tt="none" style={{ whiteSpace: 'normal', height: 'auto' }}>
                    {skip.reason}
                  </Badge>
                </List.Item>
              ))}
            </List>
          </Box>
        )}
      </Stack>
    </Alert>
  );
}
