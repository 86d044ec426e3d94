import { Alert, Anchor, Button, Grid, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { describeError } from '../../../app/errors';
import { DetailList, FocusAreaBadges } from '../../alliance/directory/components';
import { formatNumber } from '../../learning/shared/format';
import { languageName } from '../../learning/shared/localized';
import { RegistrationPanel } from '../participant/RegistrationPanel';
import { PollPanel } from '../participant/PollPanel';
import { ParticipantsList } from '../participant/ParticipantsList';
import { WORKSHOP, type MaterialPhase, type WorkshopDetails } from '../operations-workshops';
import { ModeBadge, SeatsText, StatusBadge, WhenText } from '../shared/components';
import { formatInZone, formatTimeInZone, googleCalendarUrl, viewerTimeZone } from '../shared/time';

function Agenda({ workshop }: { workshop: WorkshopDetails }) {
  const { t, i18n } = useTranslation();
  const viewer = viewerTimeZone();
  if (workshop.sessions.length === 0) return <Text>{t('workshopsUi:agendaEmpty')}</Text>;
  const sessions = [...workshop.sessions].sort((a, b) => a.position - b.position);
  return (
    <Stack gap="md" data-testid="workshop-agenda">
      {sessions.map((session, index) => (
        <Stack key={session.id} gap="xs" component="section" aria-labelledby={`session-${session.id}`} data-testid="agenda-session">
          <Title order={3} size="h4" id={`session-${session.id}`}>
            {t('workshopsUi:sessionHeading', { number: index + 1, title: session.title })}
          </Title>
          <Text size="sm">
            <WhenText startsAt={session.startsAt} endsAt={session.endsAt} timeZone={workshop.timeZone} />
          </Text>
          {session.agenda.length === 0 ? (
            <Text size="sm">{t('workshopsUi:sessionAgendaEmpty')}</Text>
          ) : (
            <List spacing="xs" listStyleType="none" p={0} m={0}>
              {[...session.agenda]
                .sort((a, b) => a.position - b.position)
                .map((item) => (
                  <List.Item key={item.id} data-testid="agenda-item">
                    <Group gap="sm" wrap="nowrap" align="flex-start">
                      <Text span fw={600} miw={96} style={{ flexShrink: 0 }} data-testid="agenda-item-time">
                        <time dateTime={item.startsAt}>{formatTimeInZone(item.startsAt, i18n.language, viewer)}</time>–
                        <time dateTime={item.endsAt}>{formatTimeInZone(item.endsAt, i18n.language, viewer)}</time>
                      </Text>
                      <Stack gap={2} miw={0}>
                        <Text span fw={500} style={{ overflowWrap: 'anywhere' }}>
                          {item.title}
                        </Text>
                        {item.speakers && (
                          <Text span size="sm" data-testid="agenda-item-speakers">
                            {t('workshopsUi:speakersValue', { speakers: item.speakers })}
                          </Text>
                        )}
                        {item.description && (
                          <Text span size="sm" c="dark.6" style={{ whiteSpace: 'pre-line' }}>
                            {item.description}
                          </Text>
                        )}
                      </Stack>
                    </Group>
                  </List.Item>
                ))}
            </List>
          )}
        </Stack>
      ))}
    </Stack>
  );
}

function Materials({ workshop }: { workshop: WorkshopDetails }) {
  const { t } = useTranslation();
  const phases: MaterialPhase[] = ['BEFORE', 'AFTER'];
  if (workshop.materials.length === 0 && !workshop.recordingUrl) return <Text>{t('workshopsUi:materialsEmpty')}</Text>;
  return (
    <Stack gap="sm" data-testid="workshop-materials">
      {phases.map((phase) => {
        const items = workshop.materials.filter((material) => material.phase === phase);
        if (items.length === 0) return null;
        return (
          <Stack key={phase} gap={4}>
            <Title order={3} size="h5">
              {t(`workshopsUi:phase_${phase}`)}
            </Title>
            <List>
              {items.map((material) => (
                <List.Item key={material.id}>
                  {material.evidenceItem ? (
                    <Anchor component={Link} to={`/evidence/${encodeURIComponent(material.evidenceItem.id)}`} style={{ overflowWrap: 'anywhere' }} data-testid="material-evidence-link">
                      {material.evidenceItem.title}
                    </Anchor>
                  ) : (
                    <Anchor href={material.url} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: 'anywhere' }}>
                      {material.title}
                    </Anchor>
                  )}
                </List.Item>
              ))}
            </List>
          </Stack>
        );
      })}
      {workshop.recordingUrl && (
        <Text>
          <Anchor href={workshop.recordingUrl} target="_blank" rel="noopener noreferrer" data-testid="recording-link">
            {t('workshopsUi:recordingLink')}
          </Anchor>
        </Text>
      )}
    </Stack>
  );
}

function CalendarLinks({ workshop }: { workshop: WorkshopDetails }) {
  const { t } = useTranslation();
  const first = [...workshop.sessions].sort((a, b) => a.position - b.position)[0];
  const google = googleCalendarUrl({
    title: first && workshop.sessions.length > 1 ? `${workshop.title} — ${first.title}` : workshop.title,
    details: `${workshop.description}\n\n${window.location.origin}/workshops/${workshop.slug}`.trim(),
    startsAt: first?.startsAt ?? workshop.startsAt,
    endsAt: first?.endsAt ?? workshop.endsAt,
    timeZone: workshop.timeZone,
    location: workshop.venue,
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="workshop-calendar">
      <Stack gap="xs">
        <Title order={2} size="h4" id="workshop-calendar">
          {t('workshopsUi:addToCalendar')}
        </Title>
        <Group gap="sm">
          <Button component="a" href={workshop.calendarUrl} download variant="default" data-testid="calendar-ics">
            {t('workshopsUi:downloadIcs')}
          </Button>
          <Button component="a" href={google} target="_blank" rel="noopener noreferrer" variant="default" data-testid="calendar-google">
            {t('workshopsUi:googleCalendar')}
          </Button>
        </Group>
        {workshop.sessions.length > 1 && <Text size="sm">{t('workshopsUi:googleCalendarFirstSession')}</Text>}
      </Stack>
    </Paper>
  );
}

export default function WorkshopPage() {
  const { slug = '' } = useParams();
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { data, loading, error } = useQuery(WORKSHOP, { variables: { slug } });
  const workshop = data?.workshop;

  if (loading && !data) return <Loading label={t('nav:loading')} />;
  if (error || !workshop) {
    return (
      <Page title={t('workshopsUi:notFound')}>
        {error ? (
          <Alert color="red" role="alert">
            {describeError(error, t).message}
          </Alert>
        ) : (
          <Text>{t('workshopsUi:notFoundBody')}</Text>
        )}
        <Button component={Link} to="/workshops" w="fit-content">
          {t('workshopsUi:backToList')}
        </Button>
      </Page>
    );
  }

  const n = (value: number) => formatNumber(value, locale, 0);
  return (
    <Page title={workshop.title}>
      <Group gap="sm" wrap="wrap">
        <Anchor component={Link} to="/workshops">
          {t('workshopsUi:backToList')}
        </Anchor>
        {workshop.canManage && (
          <>
            <Button component={Link} to={`/manage/workshops/${workshop.id}`} variant="default" size="xs" data-testid="edit-workshop">
              {t('workshopsUi:editWorkshop')}
            </Button>
            <Button component={Link} to={`/manage/workshops/${workshop.id}/run`} variant="default" size="xs" data-testid="run-workshop">
              {t('workshopsUi:runWorkshop')}
            </Button>
          </>
        )}
      </Group>
      <Group gap={6}>
        <ModeBadge mode={workshop.mode} />
        <StatusBadge status={workshop.status} />
      </Group>
      {workshop.status !== 'OPEN' && (
        <Alert color={workshop.status === 'CANCELLED' ? 'red' : 'blue'} data-testid="workshop-status-note">
          {t(`workshopsUi:statusNote_${workshop.status}`)}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            {workshop.description && (
              <Text size="lg" style={{ whiteSpace: 'pre-line' }} data-testid="workshop-description">
                {workshop.description}
              </Text>
            )}
            <DetailList
              items={[
                { label: t('workshopsUi:mode'), value: t(`workshopsUi:mode_${workshop.mode}`) },
                { label: t('workshopsUi:when'), value: <WhenText startsAt={workshop.startsAt} endsAt={workshop.endsAt} timeZone={workshop.timeZone} />, testId: 'workshop-when' },
                Boolean(workshop.venue) && { label: t('workshopsUi:venue'), value: workshop.venue, testId: 'workshop-venue' },
                {
                  label: t('workshopsUi:meetingLink'),
                  value: workshop.meetingUrl ? (
                    <Anchor href={workshop.meetingUrl} target="_blank" rel="noopener noreferrer" data-testid="workshop-meeting-link">
                      {workshop.meetingUrl}
                    </Anchor>
                  ) : workshop.mode === 'IN_PERSON' ? (
                    t('workshopsUi:meetingLinkNone')
                  ) : (
                    t('workshopsUi:meetingLinkHidden')
                  ),
                },
                Boolean(workshop.registrationOpensAt || workshop.registrationClosesAt) && {
                  label: t('workshopsUi:registrationWindow'),
                  value: [
                    workshop.registrationOpensAt && t('workshopsUi:opensOn', { date: formatInZone(workshop.registrationOpensAt, locale) }),
                    workshop.registrationClosesAt && t('workshopsUi:closesOn', { date: formatInZone(workshop.registrationClosesAt, locale) }),
                  ]
                    .filter(Boolean)
                    .join(' · '),
                },
                { label: t('workshopsUi:seats'), value: <SeatsText workshop={workshop} />, testId: 'workshop-seats' },
                workshop.countrySeats.length > 0 && {
                  label: t('workshopsUi:countrySeats'),
                  value: workshop.countrySeats
                    .map((row) => t('workshopsUi:countrySeatsLeft', { country: row.country.name, number: n(Math.max(0, row.seats - row.taken)) }))
                    .join(' · '),
                },
                workshop.languages.length > 0 && { label: t('workshopsUi:languages'), value: workshop.languages.map((code) => languageName(code, locale)).join(', ') },
                {
                  label: t('workshopsUi:organisers'),
                  value: workshop.organisers.map((o) => o.name).join(', ') || '—',
                  testId: 'workshop-organisers',
                },
                { label: t('workshopsUi:certificate'), value: t('workshopsUi:certificateNote', { issuer: workshop.certificateIssuer || t('common:appShortName') }) },
              ]}
            />
            {workshop.focusAreas.length > 0 && <FocusAreaBadges areas={workshop.focusAreas.map((area) => ({ ...area, active: true }))} label={t('workshopsUi:focusAreas')} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <RegistrationPanel slug={workshop.slug} />
            <CalendarLinks workshop={workshop} />
          </Stack>
        </Grid.Col>
      </Grid>

      <Stack gap="xs" component="section" aria-labelledby="workshop-agenda-heading">
        <Title order={2} id="workshop-agenda-heading">
          {t('workshopsUi:agenda')}
        </Title>
        <Text size="sm">{t('workshopsUi:agendaTimesNote', { zone: viewerTimeZone() })}</Text>
        <Agenda workshop={workshop} />
      </Stack>

      <Stack gap="xs" component="section" aria-labelledby="workshop-materials-heading">
        <Title order={2} id="workshop-materials-heading">
          {t('workshopsUi:materials')}
        </Title>
        <Materials workshop={workshop} />
      </Stack>

      <PollPanel slug={workshop.slug} />
      <ParticipantsList slug={workshop.slug} />
    </Page>
  );
}
