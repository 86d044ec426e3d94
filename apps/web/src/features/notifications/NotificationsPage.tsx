import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../app/Page';
import { describeError } from '../../app/errors';
import { MARK_ALL_READ, MARK_READ, NOTIFICATIONS_QUERY, UNREAD_COUNT_QUERY, type NotificationFields } from './operations';
import { Loading } from '../../app/Loading';

const PAGE_SIZE = 20;

function NotificationItem({ item, onRead }: { item: NotificationFields; onRead: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const unread = !item.readAt;
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(item.createdAt));
  return (
    <Card component="li" withBorder padding="md" data-testid="notification-item" data-read={unread ? 'false' : 'true'} bg={unread ? 'blue.0' : undefined}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={unread ? 700 : 500} component="h2" size="md" m={0} style={{ overflowWrap: 'anywhere' }}>
            {item.link ? (
              <Anchor component={Link} to={item.link} onClick={() => unread && onRead(item.id)} inherit>
                {item.title}
              </Anchor>
            ) : (
              item.title
            )}
          </Text>
          {unread && (
            <Badge color="blue.9" variant="filled" size="sm">
              {t('notifications:unread')}
            </Badge>
          )}
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {item.body}
        </Text>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="xs" c="dimmed" component="time" dateTime={item.createdAt}>
            {when}
          </Text>
          {unread && (
            <Button size="compact-sm" variant="light" onClick={() => onRead(item.id)} aria-label={t('notifications:markReadNamed', { title: item.title })}>
              {t('notifications:markRead')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

export default function NotificationsPage() {
  const { t } = useTranslation();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const { data, loading, error, fetchMore, refetch } = useQuery(NOTIFICATIONS_QUERY, { variables: { first: PAGE_SIZE, unreadOnly }, fetchPolicy: 'cache-and-network' });
  const refetchQueries = [{ query: UNREAD_COUNT_QUERY }];
  const [markRead] = useMutation(MARK_READ, { refetchQueries });
  const [markAll, markAllState] = useMutation(MARK_ALL_READ, { refetchQueries });
  const items = data?.notifications.edges.map((e) => e.node) ?? [];
  const hasUnread = items.some((item) => !item.readAt);

  const onRead = (id: string) => {
    setNotice(null);
    markRead({ variables: { id } }).catch((e: unknown) => setNotice({ kind: 'error', text: describeError(e, t).message }));
  };
  const onMarkAll = async () => {
    setNotice(null);
    try {
      await markAll();
      await refetch();
      setNotice({ kind: 'ok', text: t('notifications:markedAllRead') });
    } catch (e) {
      setNotice({ kind: 'error', text: describeError(e, t).message });
    }
  };
  const loadMore = async () => {
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after: data?.notifications.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          notifications: { ...fetchMoreResult.notifications, edges: [...previous.notifications.edges, ...fetchMoreResult.notifications.edges] },
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <Page title={t('notifications:pageTitle')}>
      <Text>{t('notifications:pageIntro')}</Text>
      <Group justify="space-between" wrap="wrap">
        <Switch label={t('notifications:unreadOnly')} checked={unreadOnly} onChange={(e) => setUnreadOnly(e.currentTarget.checked)} />
        <Group gap="sm">
          <Anchor component={Link} to="/settings/notifications" size="sm">
            {t('notifications:navPreferences')}
          </Anchor>
          <Button onClick={() => void onMarkAll()} loading={markAllState.loading} disabled={!hasUnread} data-testid="mark-all-read">
            {t('notifications:markAllRead')}
          </Button>
        </Group>
      </Group>
      <div aria-live="polite">{notice && <Alert color={notice.kind === 'ok' ? 'green' : 'red'}>{notice.text}</Alert>}</div>
      {error && !data && <Alert color="red">{describeError(error, t).message}</Alert>}
      {loading && !data ? (
        <Loading label={t('nav:loading')} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{unreadOnly ? t('notifications:emptyUnread') : t('notifications:empty')}</Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((item) => (
            <NotificationItem key={item.id} item={item} onRead={onRead} />
          ))}
        </Stack>
      )}
      {data?.notifications.pageInfo.hasNextPage && (
        <Button variant="default" onClick={() => void loadMore()} loading={loadingMore}>
          {t('notifications:loadMore')}
        </Button>
      )}
    </Page>
  );
}
