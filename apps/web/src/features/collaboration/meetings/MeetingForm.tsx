import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { COLLABORATION_LIMITS } from '@alliance/shared-core';
import { describeError } from '../../../app/errors';
import { apiFieldMessages } from '../../certificates/format';
import { allTimeZones, timeZoneOption } from '../../workshops/shared/time';
import { SCHEDULE_SPACE_MEETING, SPACE_MEETINGS, UPDATE_SPACE_MEETING, type SpaceMeetingFields } from '../operations-meetings';
import { DURATION_MAX, DURATION_MIN, meetingDraft, meetingInput, validateMeeting, type MeetingDraft } from './validation';

interface MeetingFormProps {
  spaceId: string;
  kind: 'TABLE' | 'GROUP';
  /** The session being changed, or null to schedule a new one. */
  meeting: SpaceMeetingFields | null;
  defaultZone: string;
  onDone: (meeting: SpaceMeetingFields) => void;
  onCancel: () => void;
}

/** Schedules a session or changes one: title, wall-clock start in a chosen zone, duration, link, agenda. */
export function MeetingForm({ spaceId, kind, meeting, defaultZone, onDone, onCancel }: MeetingFormProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<MeetingDraft>(() => meetingDraft(meeting, defaultZone));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [schedule, scheduling] = useMutation(SCHEDULE_SPACE_MEETING);
  const [update, updating] = useMutation(UPDATE_SPACE_MEETING);
  const zones = useMemo(() => {
    const list = allTimeZones();
    if (!list.includes(draft.timeZone)) list.unshift(draft.timeZone);
    return list.map((zone) => ({ value: zone, label: timeZoneOption(zone, locale) }));
  }, [locale, draft.timeZone]);
  const idPrefix = meeting ? `meeting-${meeting.id}` : 'meeting-new';

  const set = <K extends keyof MeetingDraft>(key: K, value: MeetingDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const focusFirstError = () => setTimeout(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found = validateMeeting(draft, meeting);
    setErrors(Object.fromEntries(Object.entries(found).map(([field, key]) => [field, t(key)])));
    if (Object.keys(found).length) {
      setFailure(t('collaborationMeetings:fixErrors'));
      focusFirstError();
      return;
    }
    try {
      const input = meetingInput(draft);
      const result = meeting
        ? (await update({ variables: { id: meeting.id, input }, refetchQueries: [SPACE_MEETINGS] })).data?.updateSpaceMeeting
        : (await schedule({ variables: { spaceId, input }, refetchQueries: [SPACE_MEETINGS] })).data?.scheduleSpaceMeeting;
      if (result) onDone(result);
    } catch (error) {
      setErrors(apiFieldMessages(error));
      setFailure(describeError(error, t).message);
      focusFirstError();
    }
  };

  return (
    <form
      ref={formRef}
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={meeting ? t('collaborationMeetings:editFormLabel', { title: meeting.title }) : t(`collaborationMeetings:scheduleFormLabel_${kind}`)}
      data-testid="meeting-form"
    >
      <Stack gap="sm">
        <TextInput
          id={`${idPrefix}-title`}
          label={t('collaborationMeetings:fieldTitle')}
          value={draft.title}
          onChange={(event) => set('title', event.currentTarget.value)}
          error={errors.title}
          maxLength={COLLABORATION_LIMITS.titleMax}
          required
          data-testid="meeting-title"
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            id={`${idPrefix}-start`}
            type="datetime-local"
            label={t('collaborationMeetings:fieldStart')}
            description={t('collaborationMeetings:fieldStartHelp')}
            value={draft.startsAtLocal}
            onChange={(event) => set('startsAtLocal', event.currentTarget.value)}
            error={errors.startsAtLocal}
            required
            data-testid="meeting-start"
          />
          <NativeSelect
            id={`${idPrefix}-zone`}
            label={t('collaborationMeetings:fieldTimeZone')}
            value={draft.timeZone}
            onChange={(event) => set('timeZone', event.currentTarget.value)}
            data={zones}
            error={errors.timeZone}
            data-testid="meeting-zone"
          />
          <TextInput
            id={`${idPrefix}-duration`}
            label={t('collaborationMeetings:fieldDuration')}
            description={t('collaborationMeetings:fieldDurationHelp', { min: DURATION_MIN, max: DURATION_MAX })}
            inputMode="numeric"
            value={draft.durationMinutes}
            onChange={(event) => set('durationMinutes', event.currentTarget.value)}
            error={errors.durationMinutes}
            required
            data-testid="meeting-duration"
          />
        </SimpleGrid>
        <TextInput
          id={`${idPrefix}-link`}
          type="url"
          label={t('collaborationMeetings:fieldLink')}
          description={t('collaborationMeetings:fieldLinkHelp')}
          value={draft.link}
          onChange={(event) => set('link', event.currentTarget.value)}
          error={errors.link}
          maxLength={COLLABORATION_LIMITS.urlMax}
          data-testid="meeting-link"
        />
        <Textarea
          id={`${idPrefix}-agenda`}
          label={t('collaborationMeetings:fieldAgenda')}
          description={t('collaborationMeetings:markdownHelp')}
          value={draft.agenda}
          onChange={(event) => set('agenda', event.currentTarget.value)}
          error={errors.agenda}
          autosize
          minRows={4}
          maxLength={COLLABORATION_LIMITS.textMax}
          data-testid="meeting-agenda"
        />
        {failure && (
          <Alert color="red" role="alert" data-testid="meeting-form-failure">
            {failure}
          </Alert>
        )}
        <Group gap="sm">
          <Button type="submit" loading={scheduling.loading || updating.loading} data-testid="meeting-save">
            {meeting ? t('collaborationMeetings:saveChanges') : t(`collaborationMeetings:scheduleSubmit_${kind}`)}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('collaborationMeetings:cancelForm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
