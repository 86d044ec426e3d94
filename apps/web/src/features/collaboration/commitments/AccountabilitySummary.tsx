import { Anchor, Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { ChartFigure } from '../../../app/charts/ChartFigure';
import { exportUrl, type CommitmentAccountabilityFields } from '../operations-commitments';
import { formatShare } from './rules';

/** Bar colours per status, from the chart palette's readable shades (the table carries the figures). */
const BAR_COLORS = { PENDING: 'gray.7', IN_PROGRESS: 'blue.8', DONE: 'teal.8', DROPPED: 'orange.8' } as const;

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="sm" c="dark.6">
        {label}
      </Text>
      <Text fw={700} size="xl" data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

/**
 * The accountability view's summary: overall progress as figures (share done among those not
 * dropped, average progress, overdue, total) and the counts by status as a chart with the same
 * figures in a table; then the CSV and PDF exports.
 */
export function AccountabilitySummary({ summary, spaceKind }: { summary: CommitmentAccountabilityFields; spaceKind: 'TABLE' | 'GROUP' }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const number = new Intl.NumberFormat(locale);
  const format = (value: number) => number.format(value);
  const rows = summary.counts.map((c) => ({ key: c.status, name: t(`collaborationRecords:status_${c.status}`), count: c.count, color: BAR_COLORS[c.status] }));
  const title = t(`collaborationRecords:accountabilityHeading_${spaceKind}`);
  const average = summary.averageProgress === null ? null : summary.averageProgress / 100;
  return (
    <Stack gap="sm" data-testid="accountability">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Figure label={t('collaborationRecords:figureTotal')} value={format(summary.total)} testId="figure-total" />
        <Figure label={t('collaborationRecords:figureDoneShare')} value={formatShare(summary.doneShare, locale)} testId="figure-done-share" />
        <Figure label={t('collaborationRecords:figureAverage')} value={formatShare(average, locale)} testId="figure-average" />
        <Figure label={t('collaborationRecords:figureOverdue')} value={format(summary.overdue)} testId="figure-overdue" />
      </SimpleGrid>
      <Progress
        value={Math.round((summary.doneShare ?? 0) * 100)}
        size="lg"
        color="teal.8"
        aria-label={t('collaborationRecords:doneShareBar', { percent: formatShare(summary.doneShare, locale) })}
      />
      <ChartFigure
        id={`accountability-${summary.spaceId}`}
        testId="accountability-chart"
        title={title}
        chartLabel={t('collaborationRecords:chartLabel', { summary: rows.map((r) => `${r.name}: ${format(r.count)}`).join('; ') })}
        columns={[t('collaborationRecords:statusLabel'), t('collaborationRecords:colCount')]}
        rows={summary.total === 0 ? [] : rows.map((r) => ({ key: r.key, cells: [r.name, format(r.count)] }))}
        empty={<Text c="dark.6">{t(`collaborationRecords:noCommitments_${spaceKind}`)}</Text>}
        chart={
          <BarChart
            h={rows.length * 36 + 40}
            data={rows.map((r) => ({ label: r.name, count: r.count, color: r.color }))}
            dataKey="label"
            orientation="vertical"
            series={[{ name: 'count', label: t('collaborationRecords:colCount'), color: 'blue.8' }]}
            valueFormatter={format}
            yAxisProps={{ width: 110 }}
            gridAxis="x"
            withTooltip={false}
            withBarValueLabel
            accessibilityLayer={false}
          />
        }
      />
      <Group gap="md" wrap="wrap">
        <Anchor href={exportUrl(summary.csvUrl, locale)} download data-testid="download-csv">
          {t('collaborationRecords:downloadCsv')}
        </Anchor>
        <Anchor href={exportUrl(summary.pdfUrl, locale)} download data-testid="download-pdf">
          {t('collaborationRecords:downloadPdf')}
        </Anchor>
      </Group>
    </Stack>
  );
}
