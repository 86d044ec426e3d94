import { Alert, Anchor, Group, Stack, Tabs, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ACCESS_LEVELS, type AccessLevel } from '@alliance/shared-core';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import NotFoundPage from '../../../app/NotFoundPage';
import { describeError } from '../../../app/errors';
import { MeetingsTab } from '../meetings/MeetingsTab';
import { ForumTab } from '../forum/ForumTab';
import { DocumentsTab } from '../documents/DocumentsTab';
import { CommitmentsTab } from '../commitments/CommitmentsTab';
import type { SpaceTabProps } from '../shared/spaceTab';
import { TABLE, type TableFields } from '../operations-tables';
import { TableStatusBadge } from './components';
import { TableOverview } from './TableOverview';
import { partiesLine } from './TablesPage';

const CONTENT_TABS = ['sessions', 'forum', 'documents', 'commitments'] as const;
type Tab = 'overview' | (typeof CONTENT_TABS)[number];

const atLeast = (level: AccessLevel, min: AccessLevel) => ACCESS_LEVELS.indexOf(level) >= ACCESS_LEVELS.indexOf(min);

/** The tabs a reader gets: the overview always; the table's work once it runs (or ran) and they are on a list, moderate or administer. */
export function tabsFor(table: Pick<TableFields, 'myAccess' | 'status'>): Tab[] {
  const content = atLeast(table.myAccess, 'MEMBER') && (table.status === 'OPEN' || table.status === 'CLOSED');
  return content ? ['overview', ...CONTENT_TABS] : ['overview'];
}

/**
 * /tables/:id: one working table. Whoever may not see it gets the app's "not found" page (the API
 * answers null), the same as for a table that does not exist.
 */
export default function TablePage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(TABLE, { variables: { id: id ?? '' }, skip: !id, fetchPolicy: 'cache-and-network' });

  if (loading && !data) return <Loading label={t('nav:loading')} />;
  if (error && !data) {
    return (
      <Page title={t('collaboration:tablesTitle')}>
        <Alert color="red" role="alert">
          {describeError(error, t).message}
        </Alert>
        <Anchor component={Link} to="/tables">
          {t('collaboration:backToTables')}
        </Anchor>
      </Page>
    );
  }
  const table = data?.table;
  if (!table) return <NotFoundPage />;
  return <TableView table={table} />;
}

function TableView({ table }: { table: TableFields }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tabs = tabsFor(table);
  const requested = params.get('tab') as Tab | null;
  const tab: Tab = requested && tabs.includes(requested) ? requested : 'overview';
  const readOnly = table.status === 'CLOSED';
  const tabProps: SpaceTabProps = {
    spaceId: table.id,
    kind: 'TABLE',
    level: table.myAccess,
    readOnly,
    parties: table.parties.filter((p) => p.status === 'CONFIRMED').map((p) => ({ organisationId: p.organisationId, organisationName: p.organisationName, countryCode: p.countryCode })),
  };

  return (
    <Page title={table.title}>
      <Stack gap="xs">
        <Anchor component={Link} to="/tables">
          {t('collaboration:backToTables')}
        </Anchor>
        <Group gap="sm" wrap="wrap">
          <TableStatusBadge status={table.status} size="lg" />
          <Text size="sm" data-testid="table-parties-line">
            {partiesLine(table, t)}
          </Text>
        </Group>
      </Stack>
      {readOnly && (
        <Alert color="gray" title={t('collaboration:closedBannerTitle')} data-testid="closed-banner">
          {t('collaboration:closedReadOnly')}
        </Alert>
      )}
      {tabs.length > 1 ? (
        <Tabs
          value={tab}
          onChange={(value) => setParams(value && value !== 'overview' ? { tab: value } : {}, { replace: true })}
          keepMounted={false}
        >
          <Tabs.List aria-label={t('collaboration:tableSections')}>
            {tabs.map((value) => (
              <Tabs.Tab key={value} value={value} data-testid={`tab-${value}`}>
                {t(`collaboration:tab_${value}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {tabs.map((value) => (
            <Tabs.Panel key={value} value={value} pt="md">
              {value === 'overview' && <TableOverview table={table} />}
              {value === 'sessions' && <MeetingsTab {...tabProps} />}
              {value === 'forum' && <ForumTab {...tabProps} />}
              {value === 'documents' && <DocumentsTab {...tabProps} />}
              {value === 'commitments' && <CommitmentsTab {...tabProps} />}
            </Tabs.Panel>
          ))}
        </Tabs>
      ) : (
        <TableOverview table={table} />
      )}
    </Page>
  );
}
