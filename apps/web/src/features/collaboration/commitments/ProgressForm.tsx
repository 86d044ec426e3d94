import { useId, useState, type FormEvent } from 'react';
import { Alert, Button, Group, NativeSelect, NumberInput, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import { ADD_COMMITMENT_PROGRESS, COMMITMENT_STATUSES, type CommitmentFields, type CommitmentStatus } from '../operations-commitments';
import { COMMITMENT_TEXT_MAX, progressAfter } from './rules';

/**
 * A progress note on a commitment, by its responsible organisation's participants or the space's
 * organisers: what happened, the status and the percentage. DONE sets 100 %, DROPPED keeps the
 * progress reached (said beside the inputs, as the API applies it).
 */
export function ProgressForm({ commitment, onSaved, onCancel }: { commitment: CommitmentFields; onSaved: () => Promise<unknown>; onCancel: () => void }) {
  const { t } = useTranslation();
  const ids = useId();
  const [status, setStatus] = useState<CommitmentStatus>(commitment.status);
  const [progress, setProgress] = useState<number | string>(commitment.progress);
  const [note, setNote] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [save, { loading }] = useMutation(ADD_COMMITMENT_PROGRESS);
  const requested = typeof progress === 'number' ? progress : Number.parseInt(progress, 10);
  const effective = progressAfter(status, Number.isFinite(requested) ? requested : commitment.progress, commitment.progress);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (status !== 'DONE' && status !== 'DROPPED' && (!Number.isInteger(requested) || requested < 0 || requested > 100)) {
      setFields({ progress: t('collaborationRecords:progressInvalid') });
      return;
    }
    if (!note.trim() && status === commitment.status && effective === commitment.progress) {
      setFields({ note: t('collaborationRecords:progressEmpty') });
      return;
    }
    setFields({});
    try {
      await save({ variables: { id: commitment.id, input: { status, progress: effective, note: note.trim() || null } } });
      await onSaved();
    } catch (error) {
      const described = describeError(error, t);
      setFields(described.fields);
      setFailure(described.message);
    }
  };

  return (
    <form onSubmit={(e: FormEvent) => void submit(e)} noValidate aria-labelledby={`${ids}-heading`} data-testid={`progress-form-${commitment.id}`}>
      <Stack gap="xs">
        <Title order={4} size="h5" id={`${ids}-heading`}>
          {t('collaborationRecords:progressHeading')}
        </Title>
        <Group grow wrap="wrap" align="flex-start">
          <NativeSelect
            label={t('collaborationRecords:statusLabel')}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as CommitmentStatus)}
            data={COMMITMENT_STATUSES.map((s) => ({ value: s, label: t(`collaborationRecords:status_${s}`) }))}
            miw={160}
            data-testid="progress-status"
          />
          <NumberInput
            label={t('collaborationRecords:progressLabel')}
            value={status === 'DONE' || status === 'DROPPED' ? effective : progress}
            onChange={setProgress}
            disabled={status === 'DONE' || status === 'DROPPED'}
            min={0}
            max={100}
            allowDecimal={false}
            suffix=" %"
            error={fields.progress}
            miw={140}
            data-testid="progress-percent"
          />
        </Group>
        {(status === 'DONE' || status === 'DROPPED') && (
          <Text size="sm" c="dark.6">
            {t(`collaborationRecords:progressRule_${status}`)}
          </Text>
        )}
        <Textarea
          label={t('collaborationRecords:progressNote')}
          value={note}
          maxLength={COMMITMENT_TEXT_MAX}
          autosize
          minRows={2}
          error={fields.note}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            setFields(({ note: _gone, ...rest }) => rest);
          }}
          data-testid="progress-note"
        />
        <Group gap="sm">
          <Button type="submit" loading={loading} data-testid="save-progress">
            {t('collaborationRecords:saveProgress')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('collaborationRecords:cancel')}
          </Button>
        </Group>
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
      </Stack>
    </form>
  );
}
