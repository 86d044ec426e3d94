import { Anchor, Button, Group, NativeSelect, Table, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { ListTable } from '../../../app/ScrollTable';
import { ConnectionList } from '../../../app/ConnectionList';
import { useConnectionList } from '../../../app/useConnectionList';
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
  const variables: ManagedWorkshopsVariables = { first: 25 };
  if (status) variables.status = status;
  const list = useConnectionList(MANAGED_WORKSHOPS, 'managedWorkshops', { variables });
  const { nodes: rows, loading } = list;
  const n = (value: number) => formatNumber(value, locale, 0);
  const columns = [t('workshopsUi:colTitle'), t('workshopsUi:colStatus'), t('workshopsUi:colStarts'), t('workshopsUi:colSeats'), t('workshopsUi:colActions')];

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
      <ConnectionList list={list} label={t('workshopsUi:loadMore')} empty={<Text data-testid="managed-empty">{t('workshopsUi:manageEmpty')}</Text>}>
        <ListTable label={t('workshopsUi:manageTitle')} minWidth={640} columns={columns} data-testid="managed-workshops" aria-busy={loading}>
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
        </ListTable>
      </ConnectionList>
    </Page>
  );
}
