import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Group, MultiSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { COLLABORATION_LIMITS } from '@alliance/shared-core';
import { describeError } from '../../../app/errors';
import { apiFieldMessages } from '../../certificates/format';
import { SPACE_MEMBERS } from '../operations-forum';
import { addMention, memberLabel, mentionedIn } from './mentions';

const MENTIONS_MAX = 50;

export interface ComposerValues {
  title: string;
  body: string;
  mentionedUserIds: string[];
}

interface PostComposerProps {
  spaceId: string;
  /** Ids prefix, unique on the page. */
  idPrefix: string;
  formLabel: string;
  bodyLabel: string;
  submitLabel: string;
  initialBody?: string;
  /** A new thread also has a title. */
  withTitle?: boolean;
  onSubmit: (values: ComposerValues) => Promise<void>;
  onCancel?: () => void;
}

/**
 * A post's form: a Markdown textarea and the picker of the space's members to mention. Picking a
 * person writes "@Name" into the text (so readers see who was addressed) and notifies them once.
 */
export function PostComposer({ spaceId, idPrefix, formLabel, bodyLabel, submitLabel, initialBody = '', withTitle = false, onSubmit, onCancel }: PostComposerProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const members = useQuery(SPACE_MEMBERS, { variables: { spaceId } });
  const [values, setValues] = useState<ComposerValues>({ title: '', body: initialBody, mentionedUserIds: [] });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const list = members.data?.spaceMembers;

  // When editing, the people the text already names start selected once the members arrive (the
  // server notifies each person once per post, so keeping them costs nothing). Adjusted while
  // rendering, React's pattern for state that follows other data.
  const [preselected, setPreselected] = useState(!initialBody);
  if (!preselected && list) {
    setPreselected(true);
    setValues((current) => ({ ...current, mentionedUserIds: mentionedIn(initialBody, list) }));
  }

  const pick = (ids: string[]) => {
    setValues((current) => {
      let body = current.body;
      for (const id of ids.filter((i) => !current.mentionedUserIds.includes(i))) {
        const member = list?.find((m) => m.id === id);
        if (member) body = addMention(body, member.name);
      }
      return { ...current, body, mentionedUserIds: ids };
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found: Record<string, string> = {};
    if (withTitle && (!values.title.trim() || values.title.trim().length > COLLABORATION_LIMITS.titleMax)) found.title = t('collaborationMeetings:threadTitleInvalid');
    if (!values.body.trim()) found.body = t('collaborationMeetings:postInvalid');
    else if (values.body.trim().length > COLLABORATION_LIMITS.postMax) found.body = t('collaborationMeetings:postTooLong');
    setErrors(found);
    if (Object.keys(found).length) {
      setTimeout(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
      return;
    }
    setSending(true);
    try {
      await onSubmit({ title: values.title.trim(), body: values.body.trim(), mentionedUserIds: values.mentionedUserIds });
      setValues({ title: '', body: '', mentionedUserIds: [] });
    } catch (error) {
      setErrors(apiFieldMessages(error));
      setFailure(describeError(error, t).message);
    } finally {
      setSending(false);
    }
  };

  return (
    <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate aria-label={formLabel} data-testid={`${idPrefix}-form`}>
      <Stack gap="sm">
        {withTitle && (
          <TextInput
            id={`${idPrefix}-title`}
            label={t('collaborationMeetings:fieldThreadTitle')}
            value={values.title}
            onChange={(event) => setValues({ ...values, title: event.currentTarget.value })}
            error={errors.title}
            maxLength={COLLABORATION_LIMITS.titleMax}
            required
            data-testid={`${idPrefix}-title`}
          />
        )}
        <Textarea
          id={`${idPrefix}-body`}
          label={bodyLabel}
          description={t('collaborationMeetings:markdownHelp')}
          value={values.body}
          onChange={(event) => setValues({ ...values, body: event.currentTarget.value })}
          error={errors.body}
          autosize
          minRows={4}
          maxLength={COLLABORATION_LIMITS.postMax}
          required
          data-testid={`${idPrefix}-body`}
        />
        <MultiSelect
          id={`${idPrefix}-mentions`}
          label={t('collaborationMeetings:fieldMentions')}
          description={t('collaborationMeetings:fieldMentionsHelp')}
          data={(list ?? []).map((m) => ({ value: m.id, label: memberLabel(m, t('collaborationMeetings:moderatorRole')) }))}
          value={values.mentionedUserIds}
          onChange={pick}
          searchable
          clearable
          maxValues={MENTIONS_MAX}
          nothingFoundMessage={t('collaborationMeetings:noMemberFound')}
          error={errors.mentionedUserIds}
          comboboxProps={{ withinPortal: true }}
          clearButtonProps={{ 'aria-label': t('collaborationMeetings:clearMentions') }}
          data-testid={`${idPrefix}-mentions`}
        />
        {failure && (
          <Alert color="red" role="alert" data-testid={`${idPrefix}-failure`}>
            {failure}
          </Alert>
        )}
        <Group gap="sm">
          <Button type="submit" loading={sending} data-testid={`${idPrefix}-submit`}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('collaborationMeetings:cancelForm')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
