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

// One set of formatters for the whole learning area (shared/format.ts).
export { formatCalendarDate, formatDate, formatDateTime, formatBytes as formatFileSize } from '../shared/format';
