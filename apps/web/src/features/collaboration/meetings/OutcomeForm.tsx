import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { COLLABORATION_LIMITS } from '@alliance/shared-core';
import { describeError } from '../../../app/errors';
import { apiFieldMessages } from '../../certificates/format';
import { RECORD_SPACE_MEETING_OUTCOME, type SpaceMeetingFields } from '../operations-meetings';
import { outcomeInput, validateOutcome, type OutcomeDraft } from './validation';

/** After a session started: the recording link and the notes (minutes). */
export function OutcomeForm({ meeting, onDone, onCancel }: { meeting: SpaceMeetingFields; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<OutcomeDraft>({ recordingUrl: meeting.recordingUrl ?? '', notes: meeting.notes });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [record, recording] = useMutation(RECORD_SPACE_MEETING_OUTCOME);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found = validateOutcome(draft);
    setErrors(Object.fromEntries(Object.entries(found).map(([field, key]) => [field, t(key)])));
    if (Object.keys(found).length) {
      setTimeout(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
      return;
    }
    try {
      await record({ variables: { id: meeting.id, input: outcomeInput(draft) } });
      onDone();
    } catch (error) {
      setErrors(apiFieldMessages(error));
      setFailure(describeError(error, t).message);
    }
  };

  return (
    <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate aria-label={t('collaborationMeetings:outcomeFormLabel', { title: meeting.title })} data-testid="outcome-form">
      <Stack gap="sm">
        <TextInput
          id={`outcome-${meeting.id}-recording`}
          type="url"
          label={t('collaborationMeetings:fieldRecording')}
          description={t('collaborationMeetings:fieldRecordingHelp')}
          value={draft.recordingUrl}
          onChange={(event) => setDraft({ ...draft, recordingUrl: event.currentTarget.value })}
          error={errors.recordingUrl}
          maxLength={COLLABORATION_LIMITS.urlMax}
          data-testid="outcome-recording"
        />
        <Textarea
          id={`outcome-${meeting.id}-notes`}
          label={t('collaborationMeetings:fieldNotes')}
          description={t('collaborationMeetings:markdownHelp')}
          value={draft.notes}
          onChange={(event) => setDraft({ ...draft, notes: event.currentTarget.value })}
          error={errors.notes}
          autosize
          minRows={5}
          maxLength={COLLABORATION_LIMITS.textMax}
          data-testid="outcome-notes"
        />
        {failure && (
          <Alert color="red" role="alert" data-testid="outcome-failure">
            {failure}
          </Alert>
        )}
        <Group gap="sm">
          <Button type="submit" loading={recording.loading} data-testid="outcome-save">
            {t('collaborationMeetings:saveOutcome')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('collaborationMeetings:cancelForm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
