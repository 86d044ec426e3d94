import { useEffect, useState } from 'react';
import { Alert, Button, Card, Group, List, Modal, Progress, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@alliance/shared-core';
import { describeError } from '../../../app/errors';
import { MARK_WORKSHOP_HELD, WORKSHOP_BATCH, WORKSHOP_REGISTRATIONS, type ManageRegistration, type RunWorkshop } from '../operations-manage';

/** How often a running certificate batch is asked for its counts. */
export const HELD_BATCH_POLL_MS = 1000;
/** How long to wait for a batch to appear before saying there is none. */
export const HELD_BATCH_WAIT_MS = 30_000;

/** Whether a confirmed registration meets the certificate rule (attended share of sessions >= threshold). */
export function meetsRule(registration: Pick<ManageRegistration, 'attendedSessions'>, sessions: number, threshold: number): boolean {
  if (sessions <= 0) return false;
  return (registration.attendedSessions / sessions) * 100 >= threshold;
}

/** Sessions needed to meet a threshold, e.g. 80 % of 3 sessions = 3. */
export function sessionsNeeded(sessions: number, threshold: number): number {
  return Math.max(1, Math.ceil((sessions * threshold) / 100 - 1e-9));
}

function BatchProgress({ workshopId }: { workshopId: string }) {
  const { t, i18n } = useTranslation();
  const { data, error, startPolling, stopPolling } = useQuery(WORKSHOP_BATCH, { variables: { id: workshopId }, fetchPolicy: 'network-only', notifyOnNetworkStatusChange: false });
  const batch = data?.workshopById?.certificateBatch ?? null;
  // No batch at all after a while: nobody met the rule, so there is nothing to follow.
  const [gaveUp, setGaveUp] = useState(false);
  const done = Boolean(batch?.done) || (gaveUp && !batch);

  useEffect(() => {
    if (done) return;
    startPolling(HELD_BATCH_POLL_MS);
    return () => stopPolling();
  }, [done, startPolling, stopPolling]);

  useEffect(() => {
    if (batch) return;
    const timer = window.setTimeout(() => setGaveUp(true), HELD_BATCH_WAIT_MS);
    return () => window.clearTimeout(timer);
  }, [batch]);

  const number = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
  const total = batch?.total ?? 0;
  const finished = (batch?.rendered ?? 0) + (batch?.failed ?? 0);
  const percent = total > 0 ? Math.min(100, Math.round((finished / total) * 100)) : done ? 100 : 0;

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="held-batch-heading" data-testid="held-batch-progress">
      <Stack gap="sm">
        <Title order={3} size="h4" id="held-batch-heading">
          {t('workshopManage:batchHeading')}
        </Title>
        <Progress value={percent} size="lg" aria-label={t('workshopManage:batchProgressLabel')} color={batch?.failed ? 'red.8' : 'blue.8'} data-testid="batch-bar" data-value={percent} />
        <Group gap="lg" component="dl" m={0} wrap="wrap">
          {(
            [
              ['batchTotal', total, 'batch-total'],
              ['batchRendered', batch?.rendered ?? 0, 'batch-rendered'],
              ['batchFailed', batch?.failed ?? 0, 'batch-failed'],
            ] as const
          ).map(([label, value, testId]) => (
            <Group key={label} gap={6} wrap="nowrap">
              <Text component="dt" fw={600}>
                {t(`workshopManage:${label}`)}:
              </Text>
              <Text component="dd" m={0} data-testid={testId}>
                {number(value)}
              </Text>
            </Group>
          ))}
        </Group>
        <div role="status" aria-live="polite">
          {error ? (
            <Alert color="red">{describeError(error, t).message}</Alert>
          ) : !batch ? (
            gaveUp ? (
              <Text data-testid="batch-none">{t('workshopManage:batchNone')}</Text>
            ) : (
              <Text data-testid="batch-waiting">{t('workshopManage:batchWaiting')}</Text>
            )
          ) : done ? (
            <Alert color={batch.failed ? 'red' : 'teal.9'} variant="outline" data-testid="batch-done">
              <Text c="dark.9">{total === 0 ? t('workshopManage:batchNone') : t('workshopManage:batchDone', { count: batch.rendered, n: number(batch.rendered) })}</Text>
              {batch.failed > 0 && <Text c="dark.9">{t('workshopManage:batchFailedHint')}</Text>}
            </Alert>
          ) : (
            <Text>{t('workshopManage:batchRunning', { done: number(finished), total: number(total) })}</Text>
          )}
        </div>
      </Stack>
    </Card>
  );
}

/** Mark the workshop held (issues the attendance certificates) and follow the certificate batch. */
export function HeldPanel({ workshop }: { workshop: RunWorkshop }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' });
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [markHeld, { loading }] = useMutation(MARK_WORKSHOP_HELD);
  const confirmed = useQuery(WORKSHOP_REGISTRATIONS, {
    variables: { workshopId: workshop.id, status: 'CONFIRMED', search: null, first: LIMITS.pageSizeMax },
    fetchPolicy: 'cache-and-network',
    skip: workshop.status === 'HELD' || workshop.status === 'ARCHIVED',
  });
  const sessions = workshop.sessions.length;
  const needed = sessionsNeeded(sessions, workshop.attendanceThreshold);
  const connection = confirmed.data?.workshopRegistrations;
  const complete = connection && !connection.pageInfo.hasNextPage;
  const eligible = connection?.edges.filter((e) => meetsRule(e.node, sessions, workshop.attendanceThreshold)).length ?? 0;
  const held = workshop.status === 'HELD' || workshop.status === 'ARCHIVED';
  const canMark = workshop.status === 'OPEN' || workshop.status === 'CLOSED';

  const confirm = async () => {
    setError(null);
    try {
      await markHeld({ variables: { id: workshop.id } });
      setConfirming(false);
    } catch (err) {
      setError(describeError(err, t).message);
    }
  };

  const rule = t('workshopManage:ruleText', {
    threshold: percent.format(workshop.attendanceThreshold / 100),
    needed: number.format(needed),
    sessions: number.format(sessions),
  });

  return (
    <Stack gap="md">
      <Text data-testid="held-rule">{rule}</Text>
      {held ? (
        <>
          <Text fw={600} data-testid="held-status">
            {t('workshopManage:heldAlready')}
          </Text>
          <BatchProgress workshopId={workshop.id} />
        </>
      ) : canMark ? (
        <>
          {complete && (
            <Text data-testid="held-eligible">
              {t('workshopManage:eligibleNow', { eligible: number.format(eligible), confirmed: number.format(connection.totalCount) })}
            </Text>
          )}
          <Group>
            <Button onClick={() => setConfirming(true)} data-testid="mark-held">
              {t('workshopManage:markHeld')}
            </Button>
          </Group>
        </>
      ) : (
        <Text data-testid="held-unavailable">{t(`workshopManage:heldUnavailable_${workshop.status}`)}</Text>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('workshopManage:markHeldTitle')} closeButtonProps={{ 'aria-label': t('workshopManage:cancel') }}>
        <Stack gap="md" data-testid="mark-held-dialog">
          <Text>{t('workshopManage:markHeldBody')}</Text>
          <List spacing="xs">
            <List.Item>{rule}</List.Item>
            {complete && <List.Item>{t('workshopManage:eligibleNow', { eligible: number.format(eligible), confirmed: number.format(connection.totalCount) })}</List.Item>}
            <List.Item>{t('workshopManage:markHeldIrreversible')}</List.Item>
          </List>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('workshopManage:cancel')}
            </Button>
            <Button onClick={() => void confirm()} loading={loading} data-testid="confirm-mark-held">
              {t('workshopManage:markHeldConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
