import { useState } from 'react';
import { Alert, Anchor, Badge, Box, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import { CANCEL_SPACE_MEETING, SPACE_MEETINGS, type SpaceMeetingFields } from '../operations-meetings';
import { formatDuration, formatMoment, formatSessionRange, otherReaderZone } from './format';
import { MeetingForm } from './MeetingForm';
import { OutcomeForm } from './OutcomeForm';

interface MeetingCardProps {
  meeting: SpaceMeetingFields;
  kind: 'TABLE' | 'GROUP';
  readOnly: boolean;
  onChanged: (message: string) => void;
}

type Mode = 'view' | 'edit' | 'outcome';

/** One session: when (in its zone and the reader's), link, agenda; afterwards recording and notes; organisers' actions. */
export function MeetingCard({ meeting, kind, readOnly, onChanged }: MeetingCardProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [mode, setMode] = useState<Mode>('view');
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [cancelMeeting, cancelling] = useMutation(CANCEL_SPACE_MEETING);
  const titleId = `meeting-${meeting.id}-title`;
  const cancelled = !!meeting.cancelledAt;
  const ended = new Date(meeting.endsAt).getTime() <= Date.now();
  const ongoing = meeting.started && !ended && !cancelled;
  const readerZone = otherReaderZone(meeting.timeZone);

  const confirmCancel = async () => {
    setFailure(null);
    try {
      await cancelMeeting({ variables: { id: meeting.id }, refetchQueries: [SPACE_MEETINGS] });
      setConfirmOpen(false);
      onChanged(t(`collaborationMeetings:cancelledNotice_${kind}`, { title: meeting.title }));
    } catch (error) {
      setConfirmOpen(false);
      setFailure(describeError(error, t).message);
    }
  };

  return (
    <Paper withBorder p="md" component="article" aria-labelledby={titleId} data-testid="meeting" data-meeting-id={meeting.id}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={4} id={titleId} className="break-anywhere">
            {meeting.title}
          </Title>
          {cancelled && (
            <Badge color="red.9" variant="outline" data-testid="meeting-cancelled">
              {t('collaborationMeetings:cancelledBadge')}
            </Badge>
          )}
          {ongoing && (
            <Badge color="teal.9" variant="outline">
              {t('collaborationMeetings:ongoingBadge')}
            </Badge>
          )}
        </Group>
        <Text data-testid="meeting-when" td={cancelled ? 'line-through' : undefined}>
          {formatSessionRange(meeting.startsAt, meeting.endsAt, locale, meeting.timeZone)}
        </Text>
        {readerZone && (
          <Text size="sm" data-testid="meeting-reader-time">
            {t('collaborationMeetings:yourTime', { time: formatSessionRange(meeting.startsAt, meeting.endsAt, locale, readerZone) })}
          </Text>
        )}
        <Text size="sm">{t('collaborationMeetings:durationLabel', { duration: formatDuration(meeting.durationMinutes, locale) })}</Text>
        {cancelled && <Text size="sm">{t('collaborationMeetings:cancelledOn', { date: formatMoment(meeting.cancelledAt, locale) })}</Text>}
        {meeting.link && !cancelled && !ended && (
          <Anchor href={meeting.link} target="_blank" rel="noopener noreferrer" className="break-anywhere" data-testid="meeting-link">
            {t('collaborationMeetings:joinLink')}
          </Anchor>
        )}
        {meeting.agendaHtml && (
          <Box>
            <Title order={5}>{t('collaborationMeetings:agendaHeading')}</Title>
            <div className="break-anywhere" data-testid="meeting-agenda" dangerouslySetInnerHTML={{ __html: meeting.agendaHtml }} />
          </Box>
        )}
        {meeting.recordingUrl && (
          <Anchor href={meeting.recordingUrl} target="_blank" rel="noopener noreferrer" data-testid="meeting-recording">
            {t('collaborationMeetings:recordingLink')}
          </Anchor>
        )}
        {meeting.notesHtml && (
          <Box>
            <Title order={5}>{t('collaborationMeetings:notesHeading')}</Title>
            <div className="break-anywhere" data-testid="meeting-notes" dangerouslySetInnerHTML={{ __html: meeting.notesHtml }} />
          </Box>
        )}
        {failure && (
          <Alert color="red" role="alert" data-testid="meeting-failure">
            {failure}
          </Alert>
        )}
        {!readOnly && mode === 'view' && (meeting.canEdit || meeting.canCancel || meeting.canRecordOutcome) && (
          <Group gap="xs" wrap="wrap">
            {meeting.canEdit && (
              <Button variant="default" size="sm" onClick={() => setMode('edit')} data-testid="meeting-edit">
                {t('collaborationMeetings:edit')}
              </Button>
            )}
            {meeting.canRecordOutcome && (
              <Button variant="default" size="sm" onClick={() => setMode('outcome')} data-testid="meeting-outcome">
                {meeting.recordingUrl || meeting.notes ? t('collaborationMeetings:editOutcome') : t('collaborationMeetings:addOutcome')}
              </Button>
            )}
            {meeting.canCancel && (
              <Button variant="outline" color="red.9" size="sm" onClick={() => setConfirmOpen(true)} data-testid="meeting-cancel">
                {t(`collaborationMeetings:cancelMeeting_${kind}`)}
              </Button>
            )}
          </Group>
        )}
        {!readOnly && mode === 'edit' && (
          <MeetingForm
            spaceId={meeting.spaceId}
            kind={kind}
            meeting={meeting}
            defaultZone={meeting.timeZone}
            onDone={(saved) => {
              setMode('view');
              onChanged(t('collaborationMeetings:savedNotice', { title: saved.title }));
            }}
            onCancel={() => setMode('view')}
          />
        )}
        {!readOnly && mode === 'outcome' && (
          <OutcomeForm
            meeting={meeting}
            onDone={() => {
              setMode('view');
              onChanged(t('collaborationMeetings:outcomeSavedNotice', { title: meeting.title }));
            }}
            onCancel={() => setMode('view')}
          />
        )}
      </Stack>
      <Modal
        opened={confirmOpen}
        onClose={() => setConfirmOpen(false)}
        title={t(`collaborationMeetings:confirmCancelTitle_${kind}`)}
        centered
        closeButtonProps={{ 'aria-label': t('collaborationMeetings:closeDialog') }}
      >
        <Stack gap="sm">
          <Text size="sm">{t(`collaborationMeetings:confirmCancelText_${kind}`, { title: meeting.title })}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirmOpen(false)} data-autofocus>
              {t('collaborationMeetings:keepMeeting')}
            </Button>
            <Button color="red.9" onClick={() => void confirmCancel()} loading={cancelling.loading} data-testid="confirm-cancel-meeting">
              {t(`collaborationMeetings:cancelMeeting_${kind}`)}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
