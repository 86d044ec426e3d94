import { Anchor, Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { ConnectionList } from '../../../app/ConnectionList';
import { useConnectionList } from '../../../app/useConnectionList';
import { formatDate } from '../../learning/shared/format';
import { MY_TABLES, SPACE_STATUSES, type SpaceStatus, type TableRowFields } from '../operations-tables';
import { TableStatusBadge, useTableMoment } from './components';

const PAGE_SIZE = 20;

/** "Perú, with Chile and Colombia": who takes part, as one line. */
export function partiesLine(row: Pick<TableRowFields, 'parties'>, t: (key: string, values?: Record<string, unknown>) => string): string {
  const requester = row.parties.find((p) => p.role === 'REQUESTER')?.organisationName ?? '';
  const invited = row.parties.filter((p) => p.role !== 'REQUESTER' && p.status !== 'DECLINED').map((p) => p.organisationName);
  return invited.length ? t('collaboration:partiesLine', { requester, invited: invited.join(', ') }) : requester;
}

/** /tables: the caller's working tables and requests, and the way to request one. */
export default function TablesPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const moment = useTableMoment();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status = (SPACE_STATUSES as string[]).includes(statusParam ?? '') ? (statusParam as SpaceStatus) : null;
  const list = useConnectionList(MY_TABLES, 'myTables', { variables: { first: PAGE_SIZE, status }, fetchPolicy: 'cache-and-network' });
  const mayRequest = (list.data?.tableRequestOrganisations.length ?? 0) > 0;

  return (
    <Page title={t('collaboration:tablesTitle')}>
      <Text>{t('collaboration:tablesIntro')}</Text>
      <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label={t('collaboration:filterStatus')}
          value={status ?? ''}
          onChange={(event) => setParams(event.currentTarget.value ? { status: event.currentTarget.value } : {})}
          data={[{ value: '', label: t('collaboration:allStatuses') }, ...SPACE_STATUSES.map((value) => ({ value, label: t(`collaboration:spaceStatus_${value}`) }))]}
          data-testid="tables-status"
        />
        {mayRequest && (
          <Button component={Link} to="/tables/new" data-testid="request-table">
            {t('collaboration:requestTable')}
          </Button>
        )}
      </Group>
      <ConnectionList
        list={list}
        label={t('collaboration:loadMore')}
        empty={
          <Paper withBorder p="md" data-testid="tables-empty">
            <Text>{status ? t('collaboration:tablesEmptyStatus') : mayRequest ? t('collaboration:tablesEmptyRequester') : t('collaboration:tablesEmpty')}</Text>
          </Paper>
        }
      >
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} data-testid="tables-list">
          {list.nodes.map((row) => (
            <Paper key={row.id} component="li" withBorder p="md" data-testid="table-row" data-status={row.status}>
              <Stack gap={6}>
                <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
                  <Title order={2} size="h4" style={{ overflowWrap: 'anywhere' }}>
                    <Anchor component={Link} to={`/tables/${row.id}`}>
                      {row.title}
                    </Anchor>
                  </Title>
                  <TableStatusBadge status={row.status} />
                </Group>
                <Text size="sm">{partiesLine(row, t)}</Text>
                <Text size="sm" c="dark.6">
                  {t('collaboration:firstSessionLine', { when: moment(row.firstSessionAt, row.timeZone) })}
                  {' · '}
                  {t('collaboration:lastActivity', { date: formatDate(row.updatedAt, locale) })}
                </Text>
              </Stack>
            </Paper>
          ))}
        </Stack>
      </ConnectionList>
    </Page>
  );
}
