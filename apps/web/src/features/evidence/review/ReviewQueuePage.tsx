import { Anchor, Group, NativeSelect, Table, Text } from '@mantine/core';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { ListTable } from '../../../app/ScrollTable';
import { ConnectionList } from '../../../app/ConnectionList';
import { useConnectionList } from '../../../app/useConnectionList';
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
  const list = useConnectionList(EVIDENCE_REVIEW_QUEUE, 'evidenceReviewQueue', { variables: { status, first: PAGE_SIZE }, fetchPolicy: 'cache-and-network' });
  const { connection, nodes: rows, loading } = list;
  const columns = [t('evidenceSubmit:colTitle'), t('evidenceSubmit:colSubmitter'), t('evidenceSubmit:colOrganisation'), t('evidenceSubmit:colSubmitted'), t('evidenceSubmit:colStatus')];

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
      <ConnectionList
        list={list}
        label={t('evidenceSubmit:loadMore')}
        empty={<Text data-testid="queue-empty">{t(status === 'SUBMITTED' ? 'evidenceSubmit:queueEmpty' : 'evidenceSubmit:queueEmptyStatus')}</Text>}
      >
        <ListTable label={t('evidenceSubmit:queueTitle')} minWidth={720} columns={columns} data-testid="review-queue" aria-busy={loading}>
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
        </ListTable>
      </ConnectionList>
    </Page>
  );
}
