import { useState } from 'react';
import { Alert, Anchor, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@alliance/shared-core';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { describeError } from '../../../app/errors';
import { ApplicationStatusBadge } from '../apply/components';
import { formatDate } from '../apply/format';
import { APPLICATIONS, APPLICATION_STATUSES, type ApplicationStatus } from '../apply/operations';
import { ScrollTable } from '../../../app/ScrollTable';

function parseStatus(value: string | null): ApplicationStatus | '' {
  return APPLICATION_STATUSES.includes(value as ApplicationStatus) ? (value as ApplicationStatus) : '';
}

export default function AdminApplicationsPage() {
  const { t, i18n } = useTranslation();
  // The filter lives in the address so a filtered list can be shared and survives going back.
  const [params, setParams] = useSearchParams();
  const status = parseStatus(params.get('status'));
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const variables = { first: LIMITS.pageSizeDefault, status: status || null };
  const { data: current, previousData, loading, error, fetchMore } = useQuery(APPLICATIONS, { variables, fetchPolicy: 'cache-and-network' });
  const data = current ?? previousData;
  const connection = data?.membershipApplications;
  const rows = connection?.edges.map((edge) => edge.node) ?? [];
  const days = new Intl.NumberFormat(i18n.language);

  const loadMore = async () => {
    if (!connection?.pageInfo.endCursor) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      await fetchMore({
        variables: { ...variables, after: connection.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          membershipApplications: {
            ...fetchMoreResult.membershipApplications,
            edges: [...previous.membershipApplications.edges, ...fetchMoreResult.membershipApplications.edges],
          },
        }),
      });
    } catch (err) {
      setMoreError(describeError(err, t).message);
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <Page title={t('allianceUi:reviewTitle')}>
      <Text maw={760}>{t('allianceUi:reviewIntro')}</Text>
      <NativeSelect
        label={t('allianceUi:statusFilter')}
        value={status}
        onChange={(e) => {
          const next = e.currentTarget.value;
          setParams(next ? { status: next } : {}, { replace: true });
        }}
        data={[{ value: '', label: t('allianceUi:allStatuses') }, ...APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`allianceUi:status_${s}`) }))]}
        w={{ base: '100%', sm: 280 }}
        data-testid="status-filter"
      />
      {error && !current ? (
        <Alert color="red" role="alert">
          {describeError(error, t).message}
        </Alert>
      ) : loading && !data ? (
        <Loading label={t('nav:loading')} />
      ) : (
        <Stack gap="md">
          <Text aria-live="polite">
            {rows.length === 0 ? t('allianceUi:noApplications') : t('allianceUi:showingApplications', { shown: rows.length, total: connection?.totalCount ?? 0 })}
          </Text>
          {rows.length > 0 && (
            <ScrollTable minWidth={760} label={t('allianceUi:reviewTitle')}>
              <Table striped highlightOnHover verticalSpacing="sm" data-testid="applications-table" aria-label={t('allianceUi:reviewTitle')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('allianceUi:colOrganisation')}</Table.Th>
                    <Table.Th scope="col">{t('allianceUi:colCountry')}</Table.Th>
                    <Table.Th scope="col">{t('allianceUi:colApplicant')}</Table.Th>
                    <Table.Th scope="col">{t('allianceUi:colSubmitted')}</Table.Th>
                    <Table.Th scope="col">{t('allianceUi:colAge')}</Table.Th>
                    <Table.Th scope="col">{t('allianceUi:colStatus')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={row.id} data-testid="application-row" data-id={row.id}>
                      <Table.Th scope="row" fw={500}>
                        <Anchor component={Link} to={`/admin/applications/${row.id}`} data-testid="open-application">
                          {row.organisationName}
                        </Anchor>
                        <Text size="sm" c="dimmed">
                          {t(`allianceUi:type_${row.organisationType}`)}
                        </Text>
                      </Table.Th>
                      <Table.Td>{row.country.name}</Table.Td>
                      <Table.Td>
                        <Text inherit>{row.applicant.name}</Text>
                        <Text size="sm" c="dimmed" className="break-anywhere">
                          {row.applicant.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>{formatDate(row.submittedAt, i18n.language)}</Table.Td>
                      <Table.Td data-testid="application-age">{t('allianceUi:ageDays', { count: row.ageDays, days: days.format(row.ageDays) })}</Table.Td>
                      <Table.Td>
                        <ApplicationStatusBadge status={row.status} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
          {moreError && (
            <Alert color="red" role="alert">
              {moreError}
            </Alert>
          )}
          {connection?.pageInfo.hasNextPage && (
            <Group>
              <Button variant="outline" onClick={() => void loadMore()} loading={loadingMore}>
                {t('allianceUi:loadMore')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Page>
  );
}
