import { useState } from 'react';
import { Alert, Button, Group, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../app/Page';
import { describeError } from '../../app/errors';
import { QUEUES_QUERY, RETRY_DEAD_LETTER, type QueueStatsFields } from '../notifications/operations';
import { Loading } from '../../app/Loading';
import { ScrollTable } from '../../app/ScrollTable';

const STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;
const COLORS: Record<(typeof STATES)[number], string> = { waiting: '#1864ab', active: '#2b8a3e', delayed: '#e67700', failed: '#c92a2a', completed: '#495057' };

/** Horizontal bars per state; decorative for screen readers, which read the table beside it. */
function QueueBars({ queue, max }: { queue: QueueStatsFields; max: number }) {
  const { t } = useTranslation();
  return (
    <figure style={{ margin: 0 }} aria-hidden="true">
      <Text fw={600} size="sm">
        {queue.name}
      </Text>
      <svg width="100%" height={STATES.length * 22} role="presentation" focusable="false">
        {STATES.map((state, i) => {
          const value = queue[state];
          const width = max ? Math.max(value ? 1 : 0, (value / max) * 60) : 0;
          return (
            <g key={state} transform={`translate(0, ${i * 22})`}>
              <text x="0" y="15" fontSize="12" fill="#343a40">
                {t(`notifications:state_${state}`)}
              </text>
              <rect x="38%" y="4" width={`${width}%`} height="14" fill={COLORS[state]} rx="2" />
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

export default function QueuesPage() {
  const { t, i18n } = useTranslation();
  const { data, loading, error, refetch } = useQuery(QUEUES_QUERY, { variables: { first: 50 }, fetchPolicy: 'cache-and-network', pollInterval: 10_000 });
  const [retry] = useMutation(RETRY_DEAD_LETTER);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const number = new Intl.NumberFormat(i18n.language);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const queues = data?.queueOverview ?? [];
  const max = Math.max(0, ...queues.flatMap((q) => STATES.map((s) => q[s])));
  const deadLetters = data?.deadLetters.edges.map((e) => e.node) ?? [];

  const onRetry = async (id: string) => {
    setNotice(null);
    try {
      await retry({ variables: { id } });
      setNotice({ kind: 'ok', text: t('notifications:retried') });
      await refetch();
    } catch (e) {
      setNotice({ kind: 'error', text: describeError(e, t).message });
    }
  };

  return (
    <Page title={t('notifications:queuesTitle')}>
      <Group justify="space-between" wrap="wrap">
        <Text>{t('notifications:queuesIntro')}</Text>
        <Button variant="default" onClick={() => void refetch()}>
          {t('notifications:refresh')}
        </Button>
      </Group>
      <div aria-live="polite">{notice && <Alert color={notice.kind === 'ok' ? 'green' : 'red'}>{notice.text}</Alert>}</div>
      {error && !data && <Alert color="red">{describeError(error, t).message}</Alert>}
      {loading && !data ? (
        <Loading label={t('nav:loading')} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <ScrollTable minWidth={300} label={t('notifications:queuesTable')}>
            <Table data-testid="queue-table">
              <caption>{t('notifications:queuesTable')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('notifications:colQueue')}</Table.Th>
                  {STATES.map((state) => (
                    <Table.Th scope="col" key={state} ta="right">
                      {t(`notifications:state_${state}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {queues.map((queue) => (
                  <Table.Tr key={queue.name}>
                    <Table.Th scope="row">{queue.name}</Table.Th>
                    {STATES.map((state) => (
                      <Table.Td key={state} ta="right">
                        {number.format(queue[state])}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          <Stack gap="sm">
            <Text size="sm" fw={600} aria-hidden="true">
              {t('notifications:queuesChart')}
            </Text>
            {queues.map((queue) => (
              <QueueBars key={queue.name} queue={queue} max={max} />
            ))}
          </Stack>
        </SimpleGrid>
      )}
      <Title order={2}>{t('notifications:deadLettersTitle')}</Title>
      {data && deadLetters.length === 0 ? (
        <Text c="dimmed">{t('notifications:deadLettersEmpty')}</Text>
      ) : (
        <ScrollTable minWidth={600} label={t('notifications:deadLettersTitle')}>
          <Table data-testid="dead-letters">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('notifications:colJob')}</Table.Th>
                <Table.Th scope="col">{t('notifications:colAttempts')}</Table.Th>
                <Table.Th scope="col">{t('notifications:colError')}</Table.Th>
                <Table.Th scope="col">{t('notifications:colFailedAt')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('notifications:retry')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {deadLetters.map((letter) => (
                <Table.Tr key={letter.id}>
                  <Table.Td>{`${letter.queue}/${letter.jobName}`}</Table.Td>
                  <Table.Td>{number.format(letter.attempts)}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{letter.lastError ?? ''}</Table.Td>
                  <Table.Td>{date.format(new Date(letter.failedAt))}</Table.Td>
                  <Table.Td>
                    <Button size="compact-sm" onClick={() => void onRetry(letter.id)} aria-label={t('notifications:retryNamed', { job: `${letter.queue}/${letter.jobName}` })}>
                      {t('notifications:retry')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Page>
  );
}
