import { useState } from 'react';
import { Alert, Anchor, Button, Group, NativeSelect, Table, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { ScrollTable } from '../../../app/ScrollTable';
import { describeError } from '../../../app/errors';
import { formatNumber } from '../../learning/shared/format';
import { MANAGED_WORKSHOPS, WORKSHOP_STATUSES, type ManagedWorkshopsVariables, type WorkshopStatus } from '../operations-workshops';
import { StatusBadge } from '../shared/components';
import { formatInZone, timeZoneLabel } from '../shared/time';

export default function ManagedWorkshopsPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status = (WORKSHOP_STATUSES as string[]).includes(statusParam ?? '') ? (statusParam as WorkshopStatus) : null;
  const [loadingMore, setLoadingMore] = useState(false);
  const variables: ManagedWorkshopsVariables = { first: 25 };
  if (status) variables.status = status;
  const { data, previousData, loading, error, fetchMore } = useQuery(MANAGED_WORKSHOPS, { variables });
  const connection = (data ?? previousData)?.managedWorkshops;
  const rows = connection?.edges.map((edge) => edge.node) ?? [];
  const n = (value: number) => formatNumber(value, locale, 0);

  const onLoadMore = async () => {
    if (!connection?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after: connection.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          managedWorkshops: { ...fetchMoreResult.managedWorkshops, edges: [...previous.managedWorkshops.edges, ...fetchMoreResult.managedWorkshops.edges] },
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <Page title={t('workshopsUi:manageTitle')}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Button component={Link} to="/manage/workshops/new" data-testid="new-workshop">
          {t('workshopsUi:newWorkshop')}
        </Button>
        <NativeSelect
          label={t('workshopsUi:filterStatus')}
          value={status ?? ''}
          onChange={(event) => setParams(event.currentTarget.value ? { status: event.currentTarget.value } : {})}
          data={[{ value: '', label: t('workshopsUi:anyStatus') }, ...WORKSHOP_STATUSES.map((value) => ({ value, label: t(`workshopsUi:status_${value}`) }))]}
          data-testid="filter-status"
        />
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {describeError(error, t).message}
        </Alert>
      )}
      {loading && !connection ? (
        <Loading label={t('nav:loading')} />
      ) : rows.length === 0 ? (
        <Text data-testid="managed-empty">{t('workshopsUi:manageEmpty')}</Text>
      ) : (
        <ScrollTable label={t('workshopsUi:manageTitle')} minWidth={640}>
          <Table data-testid="managed-workshops" aria-busy={loading}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('workshopsUi:colTitle')}</Table.Th>
                <Table.Th scope="col">{t('workshopsUi:colStatus')}</Table.Th>
                <Table.Th scope="col">{t('workshopsUi:colStarts')}</Table.Th>
                <Table.Th scope="col">{t('workshopsUi:colSeats')}</Table.Th>
                <Table.Th scope="col">{t('workshopsUi:colActions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/manage/workshops/${row.id}`}>
                      {row.title}
                    </Anchor>
                    <Text size="sm" c="dark.6">
                      {t(`workshopsUi:mode_${row.mode}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={row.status} />
                  </Table.Td>
                  <Table.Td>{t('workshopsUi:timeWithZone', { time: formatInZone(row.startsAt, locale, row.timeZone), zone: timeZoneLabel(row.timeZone, locale, new Date(row.startsAt)) })}</Table.Td>
                  <Table.Td>
                    {row.capacity === null ? t('workshopsUi:seatsTakenNoLimit', { taken: n(row.seatsTaken) }) : t('workshopsUi:seatsTakenOf', { taken: n(row.seatsTaken), capacity: n(row.capacity) })}
                    {row.waitlistCount > 0 && ` · ${t('workshopsUi:waitlistCount', { number: n(row.waitlistCount) })}`}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/manage/workshops/${row.id}/run`}>
                      {t('workshopsUi:runWorkshopNamed', { title: row.title })}
                    </Anchor>
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
            {t('workshopsUi:loadMore')}
          </Button>
        </Group>
      )}
    </Page>
  );
}
