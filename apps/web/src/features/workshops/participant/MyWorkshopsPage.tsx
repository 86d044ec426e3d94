import { useId, type ReactNode } from 'react';
import { Alert, Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { describeError } from '../../../app/errors';
import { MY_REGISTRATIONS, type MyWorkshopRegistration } from '../operations-participant';
import { CalendarLinks, RegistrationStatusBadge, WorkshopCertificateLinks, WorkshopTimes, formatMoment, workshopPath } from './components';

/** Upcoming (not yet ended, not cancelled) first by start; past ones newest first. */
export function splitRegistrations(registrations: MyWorkshopRegistration[], now = Date.now()) {
  const isPast = (r: MyWorkshopRegistration) =>
    new Date(r.workshop.endsAt).getTime() < now || r.workshop.status === 'HELD' || r.workshop.status === 'ARCHIVED' || r.workshop.status === 'CANCELLED';
  const byStart = (a: MyWorkshopRegistration, b: MyWorkshopRegistration) => new Date(a.workshop.startsAt).getTime() - new Date(b.workshop.startsAt).getTime();
  return {
    upcoming: registrations.filter((r) => !isPast(r)).sort(byStart),
    past: registrations.filter(isPast).sort((a, b) => byStart(b, a)),
  };
}

function RegistrationCard({ registration, past }: { registration: MyWorkshopRegistration; past: boolean }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const { workshop } = registration;
  const number = new Intl.NumberFormat(i18n.language);
  const confirmed = registration.status === 'CONFIRMED';
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={headingId} data-testid="my-workshop-card" data-status={registration.status}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={3} size="h4" id={headingId} className="break-anywhere">
            <Anchor component={Link} to={workshopPath(workshop.slug)} inherit>
              {workshop.title}
            </Anchor>
          </Title>
          <RegistrationStatusBadge status={registration.status} />
        </Group>
        <Text size="sm">{t(`workshopParticipant:mode_${workshop.mode}`)}</Text>
        <WorkshopTimes startsAt={workshop.startsAt} endsAt={workshop.endsAt} timeZone={workshop.timeZone} />
        {workshop.status === 'CANCELLED' && <Text fw={600}>{t('workshopParticipant:workshopCancelled')}</Text>}
        {registration.status === 'WAITLISTED' && registration.waitlistPosition !== null && (
          <Text size="sm" data-testid="waitlist-position">
            {t('workshopParticipant:waitlistPosition', { position: number.format(registration.waitlistPosition) })}
          </Text>
        )}
        {registration.status === 'OFFERED' && (
          <Text size="sm" fw={600}>
            {registration.offerExpiresAt
              ? t('workshopParticipant:offerNote', { deadline: formatMoment(registration.offerExpiresAt, i18n.language) })
              : t('workshopParticipant:offerNoteNoDeadline')}
          </Text>
        )}
        {!past && confirmed && workshop.meetingUrl && (
          <Anchor href={workshop.meetingUrl} target="_blank" rel="noopener noreferrer" size="sm">
            {t('workshopParticipant:joinMeeting')}
          </Anchor>
        )}
        {!past && confirmed && workshop.venue && <Text size="sm">{t('workshopParticipant:venue', { venue: workshop.venue })}</Text>}
        {!past && confirmed && <CalendarLinks title={workshop.title} startsAt={workshop.startsAt} endsAt={workshop.endsAt} calendarUrl={workshop.calendarUrl} />}
        {past && confirmed && (
          <Text size="sm">{t('workshopParticipant:attendedSessions', { count: registration.attendedSessions, sessions: number.format(registration.attendedSessions) })}</Text>
        )}
        {registration.certificate && <WorkshopCertificateLinks certificate={registration.certificate} title={workshop.title} />}
      </Stack>
    </Card>
  );
}

function Section({ id, title, empty, count, children }: { id: string; title: string; empty: ReactNode; count: number; children: ReactNode }) {
  return (
    <section aria-labelledby={id} data-testid={`section-${id}`}>
      <Title order={2} id={id} mb="sm">
        {title}
      </Title>
      {count === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {children}
        </SimpleGrid>
      )}
    </section>
  );
}

export default function MyWorkshopsPage() {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(MY_REGISTRATIONS, { fetchPolicy: 'cache-and-network' });
  const registrations = data?.myRegistrations;
  const { upcoming, past } = splitRegistrations(registrations ?? []);

  return (
    <Page title={t('workshopParticipant:myWorkshopsTitle')}>
      <Group justify="space-between" wrap="wrap">
        <Text maw={700}>{t('workshopParticipant:myWorkshopsIntro')}</Text>
        <Group gap="md">
          <Anchor component={Link} to="/workshops">
            {t('workshopParticipant:browseWorkshops')}
          </Anchor>
          <Anchor component={Link} to="/certificates">
            {t('workshopParticipant:myCertificates')}
          </Anchor>
        </Group>
      </Group>
      {error && !data ? (
        <Alert color="red" role="alert">
          {describeError(error, t).message}
        </Alert>
      ) : loading && !registrations ? (
        <Loading label={t('nav:loading')} />
      ) : registrations ? (
        <Stack gap="xl">
          <Section id="upcoming" title={t('workshopParticipant:upcoming')} empty={t('workshopParticipant:upcomingEmpty')} count={upcoming.length}>
            {upcoming.map((r) => (
              <RegistrationCard key={r.id} registration={r} past={false} />
            ))}
          </Section>
          <Section id="past" title={t('workshopParticipant:past')} empty={t('workshopParticipant:pastEmpty')} count={past.length}>
            {past.map((r) => (
              <RegistrationCard key={r.id} registration={r} past />
            ))}
          </Section>
        </Stack>
      ) : null}
    </Page>
  );
}
