import { useState } from 'react';
import { Alert, Badge, Box, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { countryName } from '@alliance/shared-core';
import { describeError } from '../../../app/errors';
import { formatDateTime } from '../../learning/shared/format';
import {
  ADD_TECHNICAL_GROUP_MEMBER,
  ADD_TECHNICAL_GROUP_PARTICIPANTS,
  CLOSE_TECHNICAL_GROUP,
  HAND_OVER_TECHNICAL_GROUP_COORDINATION,
  REMOVE_TECHNICAL_GROUP_MEMBER,
  REMOVE_TECHNICAL_GROUP_PARTICIPANT,
  type GroupCoordinationFields,
  type GroupEventFields,
  type GroupFields,
  type GroupMemberFields,
} from '../operations-groups';
import { ConfirmDialog, OrganisationPicker, WRAPPING_BUTTON } from './components';
import { formatPeriod, splitEmails } from './format';
import { apiFieldMessages, GROUP_RULES } from './validation';

/** The overview tab: coordination, mandate, members and their lists, moderation and history. */
export function GroupOverview({ group }: { group: GroupFields }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xl">
      <CoordinationSection group={group} />
      <Stack gap="xs" component="section" aria-labelledby="group-mandate-heading">
        <Title order={2} id="group-mandate-heading">
          {t('collaborationGroups:mandate')}
        </Title>
        <Box className="break-anywhere" data-testid="group-mandate" dangerouslySetInnerHTML={{ __html: group.descriptionHtml }} />
      </Stack>
      <MembersSection group={group} />
      <ModerationSection group={group} />
      <HistorySection history={group.history} />
    </Stack>
  );
}

function PeriodLine({ period, testId }: { period: GroupCoordinationFields; testId: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Text size="sm" data-testid={testId}>
      <Text span fw={600}>
        {countryName(period.countryCode, i18n.language)}
      </Text>
      {' · '}
      {period.organisationName}
      {!period.stillMember && ` ${t('collaborationGroups:formerMember')}`}
      {' · '}
      {formatPeriod(period.startsOn, period.lastDay, i18n.language)}
    </Text>
  );
}

function CoordinationSection({ group }: { group: GroupFields }) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [handOver, handing] = useMutation(HAND_OVER_TECHNICAL_GROUP_COORDINATION);
  const [failure, setFailure] = useState<string | null>(null);
  const current = group.currentCoordination;
  const next = group.nextCoordination;

  return (
    <Stack gap="sm" component="section" aria-labelledby="group-coordination-heading">
      <Title order={2} id="group-coordination-heading">
        {t('collaborationGroups:coordination')}
      </Title>
      <Text size="sm">{t('collaborationGroups:rotationRule', { count: group.rotationMonths })}</Text>
      <Paper withBorder p="md" bg="blue.0" data-testid="current-coordination">
        <Stack gap={4}>
          <Group gap="xs">
            <Badge variant="filled" color="blue.9" tt="none">
              {t('collaborationGroups:coordinatingNow')}
            </Badge>
          </Group>
          {current ? (
            <>
              <Text fw={700} size="lg">
                {countryName(current.countryCode, i18n.language)} · {current.organisationName}
                {!current.stillMember && ` ${t('collaborationGroups:formerMember')}`}
              </Text>
              <Text size="sm">{t('collaborationGroups:periodFromTo', { period: formatPeriod(current.startsOn, current.lastDay, i18n.language) })}</Text>
            </>
          ) : (
            <Text>{group.status === 'OPEN' ? t('collaborationGroups:noCoordinatorYet') : t('collaborationGroups:noCoordinatorClosed')}</Text>
          )}
        </Stack>
      </Paper>
      <Stack gap={4}>
        <Title order={3} size="h4">
          {t('collaborationGroups:nextCoordination')}
        </Title>
        {next ? <PeriodLine period={next} testId="next-coordination" /> : <Text size="sm">{t('collaborationGroups:noNextCoordination')}</Text>}
      </Stack>
      <Stack gap={4}>
        <Title order={3} size="h4">
          {t('collaborationGroups:pastCoordinations')}
        </Title>
        {group.pastCoordinations.length ? (
          <Stack component="ol" gap={4} p={0} m={0} style={{ listStyle: 'none' }} data-testid="past-coordinations">
            {group.pastCoordinations.map((p) => (
              <li key={p.id ?? p.startsOn}>
                <PeriodLine period={p} testId="past-coordination" />
              </li>
            ))}
          </Stack>
        ) : (
          <Text size="sm">{t('collaborationGroups:noPastCoordinations')}</Text>
        )}
      </Stack>
      {group.canManage && current && next && (
        <>
          <Button variant="default" w="fit-content" {...WRAPPING_BUTTON} onClick={() => setConfirming(true)} data-testid="hand-over">
            {t('collaborationGroups:handOver')}
          </Button>
          <ConfirmDialog
            opened={confirming}
            title={t('collaborationGroups:handOverTitle')}
            confirmLabel={t('collaborationGroups:handOverConfirm')}
            busy={handing.loading}
            failure={failure}
            testId="hand-over"
            onClose={() => {
              setConfirming(false);
              setFailure(null);
            }}
            onConfirm={() => {
              setFailure(null);
              handOver({ variables: { groupId: group.id } })
                .then(() => setConfirming(false))
                .catch((e: unknown) => setFailure(describeError(e, t).message));
            }}
          >
            {t('collaborationGroups:handOverQuestion', {
              from: countryName(current.countryCode, i18n.language),
              to: countryName(next.countryCode, i18n.language),
            })}
          </ConfirmDialog>
        </>
      )}
    </Stack>
  );
}

function MembersSection({ group }: { group: GroupFields }) {
  const { t } = useTranslation();
  const [addMember, adding] = useMutation(ADD_TECHNICAL_GROUP_MEMBER);
  const [failure, setFailure] = useState<string | null>(null);
  const full = group.members.length >= GROUP_RULES.membersMax;

  return (
    <Stack gap="sm" component="section" aria-labelledby="group-members-heading">
      <Title order={2} id="group-members-heading">
        {t('collaborationGroups:membersAndLists')}
      </Title>
      <Text size="sm">{t('collaborationGroups:membersIntro')}</Text>
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} data-testid="group-members">
        {group.members.map((member, index) => (
          <MemberCard key={member.partyId} group={group} member={member} place={index + 1} />
        ))}
      </Stack>
      {group.canManage && !full && (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Title order={3} size="h4">
              {t('collaborationGroups:addMemberTitle')}
            </Title>
            <Text size="sm">{t('collaborationGroups:addMemberHelp')}</Text>
            <OrganisationPicker
              exclude={group.members.map((m) => m.organisationId)}
              disabled={adding.loading}
              onPick={(o) => {
                setFailure(null);
                addMember({ variables: { groupId: group.id, member: { organisationId: o.id, participantEmails: [] } } }).catch((e: unknown) => setFailure(describeError(e, t).message));
              }}
            />
            {failure && (
              <Alert color="red" role="alert" data-testid="add-member-failure">
                {failure}
              </Alert>
            )}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

function MemberCard({ group, member, place }: { group: GroupFields; member: GroupMemberFields; place: number }) {
  const { t, i18n } = useTranslation();
  const [emails, setEmails] = useState('');
  const [emailsError, setEmailsError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [removingMember, setRemovingMember] = useState(false);
  const [addParticipants, addingPeople] = useMutation(ADD_TECHNICAL_GROUP_PARTICIPANTS);
  const [removeParticipant, removingPerson] = useMutation(REMOVE_TECHNICAL_GROUP_PARTICIPANT);
  const [removeMember, removing] = useMutation(REMOVE_TECHNICAL_GROUP_MEMBER);
  const coordinating = group.currentCoordination?.partyId === member.partyId;
  const headingId = `member-${member.partyId}`;

  const add = async () => {
    setFailure(null);
    const list = splitEmails(emails);
    if (!list.length) {
      setEmailsError(t('collaborationGroups:emailsRequired'));
      return;
    }
    setEmailsError(null);
    try {
      await addParticipants({ variables: { groupId: group.id, partyId: member.partyId, emails: list } });
      setEmails('');
    } catch (e) {
      const fields = apiFieldMessages(e);
      if (fields.emails) setEmailsError(fields.emails);
      else setFailure(describeError(e, t).message);
    }
  };

  return (
    <Paper component="li" withBorder p="md" data-testid="group-member" data-country={member.countryCode}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={3} size="h4" id={headingId} style={{ overflowWrap: 'anywhere' }}>
            {t('collaborationGroups:rotationPlace', { place })} · {countryName(member.countryCode, i18n.language)} · {member.organisationName}
          </Title>
          {coordinating && (
            <Badge variant="outline" color="blue.9" tt="none">
              {t('collaborationGroups:coordinatingNow')}
            </Badge>
          )}
        </Group>
        {member.participants.length ? (
          <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('collaborationGroups:participantsOf', { name: member.organisationName })}>
            {member.participants.map((p) => (
              <Group component="li" key={p.id} justify="space-between" gap="xs" wrap="nowrap" data-testid="participant">
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {p.name}
                </Text>
                {member.canManage && (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    // Mantine caps a subtle button's shade at 6 (3.3:1 on white); the plain colour takes the theme's shade 9.
                    color="red"
                    loading={removingPerson.loading}
                    aria-label={t('collaborationGroups:removeParticipantNamed', { name: p.name })}
                    onClick={() => {
                      setFailure(null);
                      removeParticipant({ variables: { groupId: group.id, participantId: p.id } }).catch((e: unknown) => setFailure(describeError(e, t).message));
                    }}
                    data-testid="remove-participant"
                  >
                    {t('collaborationGroups:remove')}
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        ) : (
          <Text size="sm">{t('collaborationGroups:noParticipants')}</Text>
        )}
        {member.canManage && (
          <Stack gap="xs">
            <Textarea
              label={t('collaborationGroups:addParticipantsLabel', { name: member.organisationName })}
              description={t('collaborationGroups:fieldEmailsHelp')}
              autosize
              minRows={2}
              value={emails}
              onChange={(e) => setEmails(e.currentTarget.value)}
              error={emailsError}
              data-testid="add-participants-emails"
            />
            <Button size="sm" w="fit-content" {...WRAPPING_BUTTON} onClick={() => void add()} loading={addingPeople.loading} data-testid="add-participants">
              {t('collaborationGroups:addParticipants')}
            </Button>
          </Stack>
        )}
        {failure && (
          <Alert color="red" role="alert" data-testid="member-failure">
            {failure}
          </Alert>
        )}
        {group.canManage && (
          <>
            <Button
              variant="subtle"
              color="red"
              size="compact-sm"
              {...WRAPPING_BUTTON}
              onClick={() => setRemovingMember(true)}
              data-testid="remove-member"
            >
              {t('collaborationGroups:removeMemberNamed', { name: member.organisationName })}
            </Button>
            <ConfirmDialog
              opened={removingMember}
              title={t('collaborationGroups:removeMemberTitle')}
              confirmLabel={t('collaborationGroups:removeMemberConfirm')}
              busy={removing.loading}
              failure={failure}
              testId="remove-member"
              onClose={() => {
                setRemovingMember(false);
                setFailure(null);
              }}
              onConfirm={() => {
                setFailure(null);
                removeMember({ variables: { groupId: group.id, partyId: member.partyId } })
                  .then(() => setRemovingMember(false))
                  .catch((e: unknown) => setFailure(describeError(e, t).message));
              }}
            >
              {t('collaborationGroups:removeMemberQuestion', { name: member.organisationName })}
            </ConfirmDialog>
          </>
        )}
      </Stack>
    </Paper>
  );
}

function ModerationSection({ group }: { group: GroupFields }) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [close, closing] = useMutation(CLOSE_TECHNICAL_GROUP);
  return (
    <Stack gap="xs" component="section" aria-labelledby="group-moderation-heading">
      <Title order={2} id="group-moderation-heading">
        {t('collaborationGroups:moderation')}
      </Title>
      <Text size="sm" data-testid="group-moderator">
        {group.moderator ? t('collaborationGroups:moderatedBy', { name: group.moderator.name }) : t('collaborationGroups:noModerator')}
      </Text>
      <Text size="sm">{t('collaborationGroups:timeZoneLine', { zone: group.timeZone })}</Text>
      {group.closedAt && <Text size="sm">{t('collaborationGroups:closedOn', { date: formatDateTime(group.closedAt, i18n.language) })}</Text>}
      {group.canManage && (
        <>
          <Button color="red.9" variant="outline" w="fit-content" {...WRAPPING_BUTTON} onClick={() => setConfirming(true)} data-testid="close-group">
            {t('collaborationGroups:closeGroup')}
          </Button>
          <ConfirmDialog
            opened={confirming}
            title={t('collaborationGroups:closeGroupTitle')}
            confirmLabel={t('collaborationGroups:closeGroupConfirm')}
            busy={closing.loading}
            failure={failure}
            testId="close-group"
            onClose={() => {
              setConfirming(false);
              setFailure(null);
            }}
            onConfirm={() => {
              setFailure(null);
              close({ variables: { groupId: group.id } })
                .then(() => setConfirming(false))
                .catch((e: unknown) => setFailure(describeError(e, t).message));
            }}
          >
            {t('collaborationGroups:closeGroupQuestion', { title: group.title })}
          </ConfirmDialog>
        </>
      )}
    </Stack>
  );
}

const KNOWN_EVENTS = ['CREATED', 'MEMBER_ADDED', 'MEMBER_REMOVED', 'PARTICIPANT_ADDED', 'PARTICIPANT_REMOVED', 'COORDINATION_HANDED_OVER', 'CLOSED'];

function HistorySection({ history }: { history: GroupEventFields[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="xs" component="section" aria-labelledby="group-history-heading">
      <Title order={2} id="group-history-heading">
        {t('collaborationGroups:history')}
      </Title>
      {history.length ? (
        <Stack component="ol" gap={6} p={0} m={0} style={{ listStyle: 'none' }} data-testid="group-history">
          {history.map((event) => (
            <li key={event.id} data-testid="history-event" data-action={event.action}>
              <Text size="sm">
                {KNOWN_EVENTS.includes(event.action)
                  ? t(`collaborationGroups:event_${event.action}`, {
                      organisation: event.organisationName ?? '—',
                      person: event.personName ?? '—',
                      to: event.toOrganisationName ?? '—',
                    })
                  : t('collaborationGroups:event_OTHER', { action: event.action })}
              </Text>
              <Text size="xs" c="dark.6">
                {formatDateTime(event.at, i18n.language)}
                {event.actorName && ` · ${t('collaborationGroups:byActor', { name: event.actorName })}`}
              </Text>
            </li>
          ))}
        </Stack>
      ) : (
        <Text size="sm">{t('collaborationGroups:noHistory')}</Text>
      )}
    </Stack>
  );
}
