import { Anchor, Badge, Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ParticipantCertificate, RegistrationStatus } from '../operations-participant';

// Outline badges with shade 9 text clear WCAG AA on white; greens, yellows and oranges do not.
const STATUS_COLOURS: Record<RegistrationStatus, string> = {
  PENDING: 'cyan.9',
  CONFIRMED: 'teal.9',
  WAITLISTED: 'pink.9',
  OFFERED: 'grape.9',
  CANCELLED: 'gray.8',
  REJECTED: 'red.9',
  EXPIRED: 'indigo.9',
};

export function RegistrationStatusBadge({ status }: { status: RegistrationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[status]} variant="outline" data-testid="registration-status" data-status={status}>
      {t(`workshopParticipant:status_${status}`)}
    </Badge>
  );
}

/** The viewer's own IANA time zone (what the browser reports). */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const RANGE_OPTIONS: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
};

/** "lun, 4 de mayo de 2026, 10:00 – 12:00 GMT-5" in the reader's language, in `timeZone` (default: the viewer's). */
export function formatRange(startsAt: string, endsAt: string, locale: string, timeZone?: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return '';
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat(locale, { ...RANGE_OPTIONS, timeZone });
  } catch {
    format = new Intl.DateTimeFormat(locale, RANGE_OPTIONS);
  }
  return format.formatRange(start, end);
}

/** A moment with its time and zone, in the reader's language and zone. */
export function formatMoment(value: string | null | undefined, locale: string, timeZone?: string): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short', timeZone }).format(date);
}

/** When a workshop takes place: in the viewer's zone, and in the workshop's own zone when that differs. */
export function WorkshopTimes({ startsAt, endsAt, timeZone }: { startsAt: string; endsAt: string; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const mine = viewerTimeZone();
  return (
    <Stack gap={2} data-testid="workshop-times">
      <Text size="sm">{t('workshopParticipant:whenYourZone', { range: formatRange(startsAt, endsAt, i18n.language, mine), zone: mine })}</Text>
      {timeZone !== mine && (
        <Text size="sm" c="dimmed">
          {t('workshopParticipant:whenWorkshopZone', { range: formatRange(startsAt, endsAt, i18n.language, timeZone), zone: timeZone })}
        </Text>
      )}
    </Stack>
  );
}

function googleDate(value: string): string {
  return new Date(value).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** The .ics download (any calendar program) and a Google Calendar link for one workshop. */
export function CalendarLinks({ title, startsAt, endsAt, calendarUrl }: { title: string; startsAt: string; endsAt: string; calendarUrl: string }) {
  const { t } = useTranslation();
  const page = typeof window !== 'undefined' ? window.location.origin : '';
  const google = `https://calendar.google.com/calendar/render?${new URLSearchParams({
    action: 'TEMPLATE',
    text: title,
    dates: `${googleDate(startsAt)}/${googleDate(endsAt)}`,
    details: `${page}${calendarUrl}`,
  }).toString()}`;
  return (
    <Group gap="md" wrap="wrap" data-testid="calendar-links">
      <Button component="a" href={calendarUrl} download variant="outline" size="sm" data-testid="add-to-calendar">
        {t('workshopParticipant:addToCalendar')}
        <VisuallyHidden>{` — ${title}`}</VisuallyHidden>
      </Button>
      <Anchor href={google} target="_blank" rel="noopener noreferrer" size="sm">
        {t('workshopParticipant:googleCalendar')}
        <VisuallyHidden>{` — ${title} ${t('workshopParticipant:opensInNewTab')}`}</VisuallyHidden>
      </Anchor>
    </Group>
  );
}

/** The attendance certificate: the PDF once rendered, and its verification page. */
export function WorkshopCertificateLinks({ certificate, title }: { certificate: ParticipantCertificate; title: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="md" wrap="wrap" data-testid="workshop-certificate">
      {certificate.renderStatus === 'RENDERED' && certificate.pdfUrl ? (
        <Button component="a" href={certificate.pdfUrl} download data-testid="certificate-pdf">
          {t('workshopParticipant:downloadCertificate')}
          <VisuallyHidden>{` — ${title}`}</VisuallyHidden>
        </Button>
      ) : (
        <Text size="sm" data-testid="certificate-pending">
          {t('workshopParticipant:certificatePreparing')}
        </Text>
      )}
      <Anchor component={Link} to={`/verify/${encodeURIComponent(certificate.code)}`} data-testid="certificate-verify">
        {t('workshopParticipant:verifyCertificate')}
      </Anchor>
    </Group>
  );
}

export function workshopPath(slug: string): string {
  return `/workshops/${encodeURIComponent(slug)}`;
}
