import { useState } from 'react';
import { Alert, Anchor, Button, Group, NativeSelect, Table, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { ScrollTable } from '../../../app/ScrollTable';
import { describeError } from '../../../app/errors';
import { formatDate, formatNumber } from '../../learning/shared/format';
import { EVIDENCE_REVIEW_QUEUE, REVIEW_STATUSES, type EvidenceStatus } from '../operations-submit';
import { EvidenceStatusBadge } from '../submit/components';

const PAGE_SIZE = 25;

/** /manage/evidence: the items waiting for a decision (and, by status, those already decided). */
export default function ReviewQueuePage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice ?? null;
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status: EvidenceStatus = (REVIEW_STATUSES as string[]).includes(statusParam ?? '') ? (statusParam as EvidenceStatus) : 'SUBMITTED';
  const [loadingMore, setLoadingMore] = useState(false);
  const { data, previousData, loading, error, fetchMore } = useQuery(EVIDENCE_REVIEW_QUEUE, { variables: { status, first: PAGE_SIZE }, fetchPolicy: 'cache-and-network' });
  const connection = (data ?? previousData)?.evidenceReviewQueue;
  const rows = connection?.edges.map((edge) => edge.node) ?? [];

  const onLoadMore = async () => {
    if (!connection?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after: connection.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          evidenceReviewQueue: { ...fetchMoreResult.evidenceReviewQueue, edges: [...previous.evidenceReviewQueue.edges, ...fetchMoreResult.evidenceReviewQueue.edges] },
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <Page title={t('evidenceSubmit:queueTitle')}>
      <Text>{t('evidenceSubmit:queueIntro')}</Text>
      <div role="status">
        {notice && (
          <Text c="dark.7" fw={500} data-testid="queue-notice">
            {notice}
          </Text>
        )}
      </div>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('evidenceSubmit:filterStatus')}
          value={status}
          onChange={(event) => setParams(event.currentTarget.value === 'SUBMITTED' ? {} : { status: event.currentTarget.value })}
          data={REVIEW_STATUSES.map((value) => ({ value, label: t(`evidence:status_${value}`) }))}
          data-testid="queue-status"
        />
        {connection && (
          <Text size="sm" aria-live="polite" data-testid="queue-count">
            {t('evidenceSubmit:queueCount', { number: formatNumber(connection.totalCount, locale, 0) })}
          </Text>
        )}
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {describeError(error, t).message}
        </Alert>
      )}
      {loading && !connection ? (
        <Loading label={t('nav:loading')} />
      ) : rows.length === 0 ? (
        <Text data-testid="queue-empty">{t(status === 'SUBMITTED' ? 'evidenceSubmit:queueEmpty' : 'evidenceSubmit:queueEmptyStatus')}</Text>
      ) : (
        <ScrollTable label={t('evidenceSubmit:queueTitle')} minWidth={720}>
          <Table data-testid="review-queue" aria-busy={loading}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('evidenceSubmit:colTitle')}</Table.Th>
                <Table.Th scope="col">{t('evidenceSubmit:colSubmitter')}</Table.Th>
                <Table.Th scope="col">{t('evidenceSubmit:colOrganisation')}</Table.Th>
                <Table.Th scope="col">{t('evidenceSubmit:colSubmitted')}</Table.Th>
                <Table.Th scope="col">{t('evidenceSubmit:colStatus')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id} data-testid="queue-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/manage/evidence/${row.id}`} style={{ overflowWrap: 'anywhere' }}>
                      {row.title}
                    </Anchor>
                    <Text size="sm" c="dark.6">
                      {t(`evidence:type_${row.type}`)} · {t(`evidence:visibility_${row.visibility}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{row.submitterName}</Table.Td>
                  <Table.Td>{row.organisationName ?? t('evidenceSubmit:notGiven')}</Table.Td>
                  <Table.Td>{row.submittedAt ? formatDate(row.submittedAt, locale) : t('evidenceSubmit:notGiven')}</Table.Td>
                  <Table.Td>
                    <EvidenceStatusBadge status={row.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {connection?.pageInfo.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => void onLoadMore()} loading={loadingMore}>
            {t('evidenceSubmit:loadMore')}
          </Button>
        </Group>
      )}
    </Page>
  );
}
