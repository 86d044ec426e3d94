import { Anchor, Group, NativeSelect, Table, Text } from '@mantine/core';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { ListTable } from '../../../app/ScrollTable';
import { ConnectionList } from '../../../app/ConnectionList';
import { useConnectionList } from '../../../app/useConnectionList';
import { formatDate, formatNumber } from '../../learning/shared/format';
import { QUEUE_STATUSES, TABLE_REVIEW_QUEUE, type SpaceStatus } from '../operations-tables';
import { TableStatusBadge, useTableMoment } from './components';

const PAGE_SIZE = 25;

/** /manage/tables: requests awaiting a moderator's decision (oldest first), and those back with their requesters. */
export default function ReviewTablesPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const moment = useTableMoment();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice ?? null;
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status = (QUEUE_STATUSES as string[]).includes(statusParam ?? '') ? (statusParam as SpaceStatus) : null;
  const list = useConnectionList(TABLE_REVIEW_QUEUE, 'tableReviewQueue', { variables: { first: PAGE_SIZE, status }, fetchPolicy: 'cache-and-network' });
  const columns = [t('collaboration:colTopic'), t('collaboration:colRequester'), t('collaboration:colRequested'), t('collaboration:colFirstSession'), t('collaboration:colAnswers'), t('collaboration:colStatus')];

  return (
    <Page title={t('collaboration:queueTitle')}>
      <Text>{t('collaboration:queueIntro')}</Text>
      <div role="status">
        {notice && (
          <Text c="dark.7" fw={500} data-testid="queue-notice">
            {notice}
          </Text>
        )}
      </div>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('collaboration:filterStatus')}
          value={status ?? ''}
          onChange={(event) => setParams(event.currentTarget.value ? { status: event.currentTarget.value } : {})}
          data={[{ value: '', label: t('collaboration:allUnderReview') }, ...QUEUE_STATUSES.map((value) => ({ value, label: t(`collaboration:spaceStatus_${value}`) }))]}
          data-testid="queue-status"
        />
        {list.connection && (
          <Text size="sm" aria-live="polite" data-testid="queue-count">
            {t('collaboration:queueCount', { number: formatNumber(list.connection.totalCount, locale, 0) })}
          </Text>
        )}
      </Group>
      <ConnectionList list={list} label={t('collaboration:loadMore')} empty={<Text data-testid="queue-empty">{t('collaboration:queueEmpty')}</Text>}>
        <ListTable label={t('collaboration:queueTitle')} minWidth={760} columns={columns} data-testid="table-queue" aria-busy={list.loading}>
          {list.nodes.map((row) => {
            const invited = row.parties.filter((p) => p.role === 'INVITED');
            const answered = invited.filter((p) => p.status !== 'PENDING').length;
            return (
              <Table.Tr key={row.id} data-testid="queue-row">
                <Table.Td>
                  <Anchor component={Link} to={`/tables/${row.id}`} style={{ overflowWrap: 'anywhere' }}>
                    {row.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {row.requestingOrganisation?.name ?? '—'}
                  {row.requesterName && (
                    <Text size="sm" c="dark.6">
                      {row.requesterName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{formatDate(row.requestedAt, locale)}</Table.Td>
                <Table.Td>{moment(row.firstSessionAt, row.timeZone)}</Table.Td>
                <Table.Td>{t('collaboration:answersCount', { answered, total: invited.length })}</Table.Td>
                <Table.Td>
                  <TableStatusBadge status={row.status} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </ListTable>
      </ConnectionList>
    </Page>
  );
}
