import { useState } from 'react';
import { Alert, Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ConnectionList } from '../../../app/ConnectionList';
import { useConnectionList } from '../../../app/useConnectionList';
import { describeError } from '../../../app/errors';
import { SPACE_MEETINGS, SPACE_MEETING_SCHEDULING, type SpaceMeetingPeriod } from '../operations-meetings';
import type { SpaceTabProps } from '../shared/spaceTab';
import { MeetingCard } from './MeetingCard';
import { MeetingForm } from './MeetingForm';

const PAGE = 10;
const MEMBER_LEVELS = ['MEMBER', 'MODERATOR', 'ADMIN'];

/** The sessions tab of a working table (or meetings of a technical group): upcoming first, then past. */
export function MeetingsTab(props: SpaceTabProps) {
  const { t } = useTranslation();
  if (!MEMBER_LEVELS.includes(props.level)) {
    return (
      <Alert color="blue" data-testid="meetings-members-only">
        {t(`collaborationMeetings:meetingsMembersOnly_${props.kind}`)}
      </Alert>
    );
  }
  return <Meetings {...props} />;
}

function Meetings({ spaceId, kind, readOnly }: SpaceTabProps) {
  const { t } = useTranslation();
  const [formOpen, setFormOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const scheduling = useQuery(SPACE_MEETING_SCHEDULING, { variables: { spaceId } });
  const canSchedule = !readOnly && !!scheduling.data?.spaceMeetingScheduling.canSchedule;
  const defaultZone = scheduling.data?.spaceMeetingScheduling.timeZone ?? 'America/Panama';

  return (
    <Stack gap="lg" data-testid="meetings-tab">
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Title order={2}>{t(`collaborationMeetings:meetingsHeading_${kind}`)}</Title>
        {canSchedule && !formOpen && (
          <Button
            onClick={() => {
              setNotice(null);
              setFormOpen(true);
            }}
            data-testid="schedule-meeting"
          >
            {t(`collaborationMeetings:scheduleButton_${kind}`)}
          </Button>
        )}
      </Group>
      {readOnly && <Alert color="gray">{t('collaborationMeetings:readOnlyNotice')}</Alert>}
      {scheduling.error && (
        <Alert color="red" role="alert">
          {describeError(scheduling.error, t).message}
        </Alert>
      )}
      {notice && (
        <Alert color="teal" role="status" data-testid="meetings-notice" withCloseButton closeButtonLabel={t('collaborationMeetings:closeNotice')} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {canSchedule && formOpen && (
        <Paper withBorder p="md" component="section" aria-labelledby="schedule-meeting-heading">
          <Stack gap="sm">
            <Title order={3} id="schedule-meeting-heading">
              {t(`collaborationMeetings:scheduleHeading_${kind}`)}
            </Title>
            <MeetingForm
              spaceId={spaceId}
              kind={kind}
              meeting={null}
              defaultZone={defaultZone}
              onDone={(meeting) => {
                setFormOpen(false);
                setNotice(t(`collaborationMeetings:scheduledNotice_${kind}`, { title: meeting.title }));
              }}
              onCancel={() => setFormOpen(false)}
            />
          </Stack>
        </Paper>
      )}
      <MeetingList spaceId={spaceId} kind={kind} readOnly={readOnly} period="UPCOMING" onChanged={setNotice} />
      <MeetingList spaceId={spaceId} kind={kind} readOnly={readOnly} period="PAST" onChanged={setNotice} />
    </Stack>
  );
}

interface MeetingListProps {
  spaceId: string;
  kind: 'TABLE' | 'GROUP';
  readOnly: boolean;
  period: SpaceMeetingPeriod;
  onChanged: (message: string) => void;
}

function MeetingList({ spaceId, kind, readOnly, period, onChanged }: MeetingListProps) {
  const { t } = useTranslation();
  const list = useConnectionList(SPACE_MEETINGS, 'spaceMeetings', { variables: { spaceId, period, first: PAGE } });
  const headingId = `meetings-${period.toLowerCase()}-heading`;
  return (
    <Box component="section" aria-labelledby={headingId} data-testid={`meetings-${period.toLowerCase()}`}>
      <Stack gap="sm">
        <Title order={3} id={headingId}>
          {t(`collaborationMeetings:period_${period}`)}
        </Title>
        <ConnectionList
          list={list}
          label={t('collaborationMeetings:loadMore')}
          testId={`meetings-${period.toLowerCase()}-more`}
          empty={<Text data-testid={`meetings-${period.toLowerCase()}-empty`}>{t(`collaborationMeetings:empty_${period}_${kind}`)}</Text>}
        >
          <Stack gap="sm">
            {list.nodes.map((meeting) => (
              <MeetingCard key={meeting.id} meeting={meeting} kind={kind} readOnly={readOnly} onChanged={onChanged} />
            ))}
          </Stack>
        </ConnectionList>
      </Stack>
    </Box>
  );
}
