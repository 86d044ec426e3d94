import { Badge, Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EnrolmentStatus } from '../operations-learner';

// White text on shade 9 (or 7 for grey) of these palettes clears WCAG AA; greens, yellows and oranges do not.
const STATUS_COLOURS: Record<EnrolmentStatus, string> = {
  REQUESTED: 'cyan.9',
  NOMINATED: 'grape.9',
  APPROVED: 'indigo.9',
  WAITLISTED: 'pink.9',
  ENROLLED: 'blue.9',
  COMPLETED: 'teal.9',
  WITHDRAWN: 'gray.7',
  REJECTED: 'red.9',
};

export function EnrolmentStatusBadge({ status }: { status: EnrolmentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[status]} variant="filled" data-testid="enrolment-status" data-status={status}>
      {t(`learnerUi:status_${status}`)}
    </Badge>
  );
}

/** A progress bar named for assistive technology, with the percentage also written out. */
export function LearningProgress({ value, label, testId }: { value: number; label: string; testId?: string }) {
  const { i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);
  return (
    <Group gap="sm" wrap="nowrap" data-testid={testId} data-value={value}>
      <Progress value={value} aria-label={label} size="lg" radius="xl" style={{ flex: 1 }} color="blue.8" />
      <Text size="sm" fw={600} miw={44} ta="right" aria-hidden="true">
        {percent}
      </Text>
    </Group>
  );
}

/** A moment as date and time in the reader's language and time zone. */
export function formatDateTime(value: string | null | undefined, locale: string): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

export function formatDate(value: string | null | undefined, locale: string): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}

/** A calendar date ("YYYY-MM-DD"), read as UTC so no time zone moves it a day. */
export function formatCalendarDate(value: string | null | undefined, locale: string): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** Bytes as the reader says them: "1,5 MB", "820 kB". */
export function formatFileSize(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
}
