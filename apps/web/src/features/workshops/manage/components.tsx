import { Badge, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RegistrationStatus } from '../operations-manage';

// Outline badges: the text takes the colour, and shade 9 of these palettes clears WCAG AA on white.
const STATUS_COLOURS: Record<RegistrationStatus, string> = {
  PENDING: 'cyan.9',
  CONFIRMED: 'blue.9',
  WAITLISTED: 'pink.9',
  OFFERED: 'grape.9',
  CANCELLED: 'gray.9',
  REJECTED: 'red.9',
  EXPIRED: 'indigo.9',
};

export function RegistrationStatusBadge({ status }: { status: RegistrationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[status]} variant="outline" data-testid="registration-status" data-status={status}>
      {t(`workshopManage:status_${status}`)}
    </Badge>
  );
}

/** A big number with its label, named for assistive technology. */
export function FigureCard({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" c="dark.6" id={`${testId}-label`}>
        {label}
      </Text>
      <Text fz={30} fw={700} data-testid={testId} aria-describedby={`${testId}-label`}>
        {value}
      </Text>
    </Paper>
  );
}

const WITH_ZONE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' };

/**
 * A session's start and end in the reader's own time zone (with the zone's name), and, when it
 * differs, in the workshop's zone too.
 */
export function formatSessionTimes(startsAt: string, endsAt: string, locale: string, workshopZone: string): { local: string; workshop: string | null } {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const range = (timeZone?: string) => {
    const format = new Intl.DateTimeFormat(locale, { ...WITH_ZONE, timeZone });
    try {
      return format.formatRange(start, end);
    } catch {
      return `${format.format(start)} – ${format.format(end)}`;
    }
  };
  const local = range();
  let workshop: string | null = null;
  if (workshopZone && workshopZone !== Intl.DateTimeFormat().resolvedOptions().timeZone) {
    try {
      workshop = range(workshopZone);
    } catch {
      workshop = null;
    }
  }
  return { local, workshop: workshop === local ? null : workshop };
}

/** Shown near a session: from an hour before it starts to half an hour after it ends (or whenever the server says check-in is open). */
export function nearSessionWindow(session: { startsAt: string; endsAt: string; checkInOpen: boolean }, now: number): boolean {
  if (session.checkInOpen) return true;
  const start = new Date(session.startsAt).getTime();
  const end = new Date(session.endsAt).getTime();
  return now >= start - 60 * 60_000 && now <= end + 30 * 60_000;
}
