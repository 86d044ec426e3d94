import { Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../learning/shared/format';
import type { WorkshopMode, WorkshopStatus } from '../operations-workshops';
import { formatRangeInZone, timeZoneLabel, viewerTimeZone } from './time';

export const MODE_COLORS: Record<WorkshopMode, string> = { VIRTUAL: 'indigo.9', IN_PERSON: 'teal.9', HYBRID: 'grape.9' };
export const STATUS_COLORS: Record<WorkshopStatus, string> = {
  DRAFT: 'gray.8',
  OPEN: 'teal.9',
  CLOSED: 'blue.9',
  HELD: 'indigo.9',
  ARCHIVED: 'gray.8',
  CANCELLED: 'red.9',
};

export function ModeBadge({ mode }: { mode: WorkshopMode }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={MODE_COLORS[mode]} tt="none" data-testid="workshop-mode">
      {t(`workshopsUi:mode_${mode}`)}
    </Badge>
  );
}

export function StatusBadge({ status, size }: { status: WorkshopStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={STATUS_COLORS[status]} tt="none" size={size} data-testid="workshop-status">
      {t(`workshopsUi:status_${status}`)}
    </Badge>
  );
}

/** Seats left, full with N on the waitlist, or no limit. */
export function SeatsText({ workshop }: { workshop: { capacity: number | null; seatsLeft: number | null; waitlistCount: number } }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language, 0);
  if (workshop.capacity === null || workshop.seatsLeft === null) return <>{t('workshopsUi:seatsUnlimited')}</>;
  if (workshop.seatsLeft <= 0) return <>{t('workshopsUi:seatsFullWaitlist', { number: n(workshop.waitlistCount) })}</>;
  return (
    <>
      {t('workshopsUi:seatsLeft', { number: n(workshop.seatsLeft), capacity: n(workshop.capacity) })}
      {workshop.waitlistCount > 0 && ` · ${t('workshopsUi:waitlistCount', { number: n(workshop.waitlistCount) })}`}
    </>
  );
}

/**
 * When something happens, in the reader's zone and (when it differs) in the workshop's own zone:
 * "3 mar 2027, 10:00–12:00 (hora de Perú)".
 */
export function WhenText({ startsAt, endsAt, timeZone, compact }: { startsAt: string; endsAt: string; timeZone: string; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const viewer = viewerTimeZone();
  const at = new Date(startsAt);
  const mine = t('workshopsUi:timeWithZone', { time: formatRangeInZone(startsAt, endsAt, locale, viewer), zone: timeZoneLabel(viewer, locale, at) });
  const theirs = t('workshopsUi:timeWithZone', { time: formatRangeInZone(startsAt, endsAt, locale, timeZone), zone: timeZoneLabel(timeZone, locale, at) });
  if (mine === theirs) {
    return (
      <Text span inherit data-testid="when-workshop">
        {theirs}
      </Text>
    );
  }
  return (
    <Stack gap={2} component="span" style={{ display: 'flex' }}>
      <Text span inherit data-testid="when-viewer">
        {compact ? mine : t('workshopsUi:yourTime', { time: mine })}
      </Text>
      <Text span inherit size="sm" c="dark.6" fw={400} data-testid="when-workshop">
        {t('workshopsUi:workshopTime', { time: theirs })}
      </Text>
    </Stack>
  );
}
