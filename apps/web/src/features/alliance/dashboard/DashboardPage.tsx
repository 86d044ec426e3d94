import { Alert, Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { BarChart, DonutChart, LineChart } from '@mantine/charts';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { countryName } from '@alliance/shared-core';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { describeError } from '../../../app/errors';
import { CHART_PALETTE, ChartFigure } from '../../../app/charts/ChartFigure';
import { ScrollTable } from '../../../app/ScrollTable';
import { ALLIANCE_DASHBOARD } from './operations';
import { formatAgeDays, growthRows, labelCounts, toBarData, toDonutData, type LabelledCount } from './chartData';

export const MEMBERS_CSV_URL = '/api/alliance/members.csv';

function barHeight(rows: number): number {
  return Math.max(140, rows * 36 + 40);
}

export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { data, loading, error } = useQuery(ALLIANCE_DASHBOARD, { fetchPolicy: 'cache-and-network' });
  const number = new Intl.NumberFormat(locale);
  const format = (value: number) => number.format(value);
  const enumLabel = (prefix: string) => (key: string) => {
    const id = `allianceDirectory:${prefix}_${key}`;
    return i18n.exists(id) ? t(id) : null;
  };

  const dashboard = data?.allianceDashboard;
  const byCountry = labelCounts(dashboard?.membersByCountry ?? [], (code) => countryName(code, locale), locale);
  const bySubRegion = labelCounts(dashboard?.membersBySubRegion ?? [], enumLabel('subRegion'), locale);
  const byType = labelCounts(dashboard?.membersByType ?? [], enumLabel('type'), locale);
  const growth = growthRows(dashboard?.growth ?? [], locale);
  const membersLabel = t('allianceDirectory:colMembers');
  const noMembers = <Text c="dimmed">{t('allianceDirectory:noMembersYet')}</Text>;
  const countRows = (rows: LabelledCount[]) => rows.map((row) => ({ key: row.key, cells: [row.label, format(row.count)] as [string, string] }));

  const bars = (rows: LabelledCount[], color: string) => (
    <BarChart
      h={barHeight(rows.length)}
      data={toBarData(rows)}
      dataKey="label"
      orientation="vertical"
      series={[{ name: 'count', label: membersLabel, color }]}
      valueFormatter={format}
      yAxisProps={{ width: 130 }}
      gridAxis="x"
      withTooltip={false}
      withBarValueLabel
      accessibilityLayer={false}
    />
  );

  return (
    <Page title={t('allianceDirectory:dashboardTitle')}>
      <Text>{t('allianceDirectory:dashboardIntro')}</Text>
      {error && !data && <Alert color="red">{describeError(error, t).message}</Alert>}
      {loading && !dashboard ? (
        <Loading label={t('nav:loading')} />
      ) : dashboard ? (
        <Stack gap="xl">
          <Group gap="md" wrap="wrap" align="stretch">
            <Paper withBorder p="md" radius="md" miw={200}>
              <Text size="sm" c="dimmed" id="total-members-label">
                {t('allianceDirectory:totalMembers')}
              </Text>
              <Text fz={32} fw={700} data-testid="total-members" aria-describedby="total-members-label">
                {format(dashboard.totalMembers)}
              </Text>
            </Paper>
            <Stack gap="xs" justify="center">
              <Anchor href={MEMBERS_CSV_URL} download data-testid="members-csv">
                {t('allianceDirectory:downloadCsv')}
              </Anchor>
              <Anchor component={Link} to="/admin/alliance/reference">
                {t('allianceDirectory:referenceLink')}
              </Anchor>
            </Stack>
          </Group>

          <section>
            <Title order={2} id="waiting-title" mb="sm">
              {t('allianceDirectory:waitingTitle')}{' '}
              <Badge variant="light" size="lg" component="span" data-testid="waiting-count">
                {format(dashboard.waiting.length)}
              </Badge>
            </Title>
            {dashboard.waiting.length === 0 ? (
              <Text c="dimmed">{t('allianceDirectory:waitingEmpty')}</Text>
            ) : (
              <ScrollTable label={t('allianceDirectory:waitingTitle')} minWidth={320}>
                <Table data-testid="waiting-applications">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('allianceDirectory:colApplication')}</Table.Th>
                      <Table.Th scope="col">{t('allianceDirectory:colStatus')}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('allianceDirectory:colAge')}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {dashboard.waiting.map((application) => (
                      <Table.Tr key={application.id} data-testid="waiting-application">
                        <Table.Td>
                          <Anchor component={Link} to={`/admin/applications/${application.id}`}>
                            {application.organisationName}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{t(`allianceDirectory:applicationStatus_${application.status}`)}</Table.Td>
                        <Table.Td ta="right">{formatAgeDays(application.ageDays, locale)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            )}
          </section>

          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <ChartFigure
              id="members-by-country"
              testId="members-by-country"
              title={t('allianceDirectory:byCountryTitle')}
              chartLabel={t('allianceDirectory:chartLabel', { title: t('allianceDirectory:byCountryTitle') })}
              chart={bars(byCountry, 'blue.8')}
              columns={[t('allianceDirectory:colCountry'), membersLabel]}
              rows={countRows(byCountry)}
              empty={noMembers}
            />
            <ChartFigure
              id="members-by-sub-region"
              testId="members-by-sub-region"
              title={t('allianceDirectory:bySubRegionTitle')}
              chartLabel={t('allianceDirectory:chartLabel', { title: t('allianceDirectory:bySubRegionTitle') })}
              chart={
                <Group justify="center">
                  <DonutChart
                    data={toDonutData(bySubRegion, CHART_PALETTE)}
                    size={180}
                    thickness={32}
                    withTooltip={false}
                    chartLabel={format(dashboard.totalMembers)}
                    valueFormatter={format}
                    accessibilityLayer={false}
                  />
                </Group>
              }
              columns={[t('allianceDirectory:colSubRegion'), membersLabel]}
              rows={bySubRegion.map((row, i) => ({
                key: row.key,
                cells: [
                  <Group gap={6} wrap="nowrap" key="label">
                    <span aria-hidden="true" style={{ width: 12, height: 12, borderRadius: 2, flex: 'none', background: `var(--mantine-color-${CHART_PALETTE[i % CHART_PALETTE.length].replace('.', '-')})` }} />
                    {row.label}
                  </Group>,
                  format(row.count),
                ],
              }))}
              empty={noMembers}
            />
            <ChartFigure
              id="members-by-type"
              testId="members-by-type"
              title={t('allianceDirectory:byTypeTitle')}
              chartLabel={t('allianceDirectory:chartLabel', { title: t('allianceDirectory:byTypeTitle') })}
              chart={bars(byType, 'teal.8')}
              columns={[t('allianceDirectory:colType'), membersLabel]}
              rows={countRows(byType)}
              empty={noMembers}
            />
            <ChartFigure
              id="growth"
              testId="growth"
              title={t('allianceDirectory:growthTitle')}
              chartLabel={t('allianceDirectory:chartLabel', { title: t('allianceDirectory:growthTitle') })}
              chart={
                <LineChart
                  h={240}
                  data={growth}
                  dataKey="label"
                  series={[
                    { name: 'total', label: t('allianceDirectory:colTotal'), color: 'blue.8' },
                    { name: 'joined', label: t('allianceDirectory:colJoined'), color: 'orange.8' },
                  ]}
                  valueFormatter={format}
                  withLegend
                  withTooltip={false}
                  curveType="linear"
                  accessibilityLayer={false}
                />
              }
              columns={[t('allianceDirectory:colMonth'), t('allianceDirectory:colJoined'), t('allianceDirectory:colTotal')]}
              rows={growth.map((row) => ({ key: row.month, cells: [row.label, format(row.joined), format(row.total)] }))}
              empty={noMembers}
            />
          </SimpleGrid>
        </Stack>
      ) : null}
    </Page>
  );
}
