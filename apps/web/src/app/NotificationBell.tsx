import { ActionIcon, Indicator } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { BELL_POLL_MS, UNREAD_COUNT_QUERY } from '../features/notifications/operations';

/** The header bell: unread count, refreshed every minute; its label says the count. */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const { data } = useQuery(UNREAD_COUNT_QUERY, { pollInterval: BELL_POLL_MS, fetchPolicy: 'cache-and-network' });
  const count = data?.unreadNotificationCount ?? 0;
  const shown = count > 99 ? '99+' : new Intl.NumberFormat(i18n.language).format(count);
  return (
    <Indicator label={shown} size={18} disabled={count === 0} color="red.8" offset={4} aria-hidden={false}>
      <ActionIcon
        component={Link}
        to="/notifications"
        variant="subtle"
        color="dark"
        size="lg"
        data-testid="notification-bell"
        data-count={count}
        aria-label={t('notifications:bellLabel', { count })}
      >
        <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true" focusable="false">
          <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.7 21a2 2 0 0 1-3.4 0" />
        </svg>
      </ActionIcon>
    </Indicator>
  );
}
