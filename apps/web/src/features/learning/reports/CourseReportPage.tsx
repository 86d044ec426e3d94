import { Alert, Anchor, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { BarChart, DonutChart } from '@mantine/charts';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { countryName } from '@alliance/shared-core';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { describeError } from '../../../app/errors';
import { CHART_PALETTE, ChartFigure } from '../../../app/charts/ChartFigure';
import { COURSE_REPORT, reportCsvUrl, type CourseReport, type ReportRow } from '../operations-learner';

interface LabelledRow extends ReportRow {
  name: string;
}

/** Rows named for the reader, largest first (ties by name), groups without enrolments left out. */
export function labelRows(rows: readonly ReportRow[], labelFor: (row: ReportRow) => string, locale: string): LabelledRow[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  return rows
    .filter((row) => row.enrolments > 0)
    .map((row) => ({ ...row, name: labelFor(row) || row.label || row.key }))
    .sort((a, b) => b.enrolments - a.enrolments || collator.compare(a.name, b.name));
}

/** The status breakdown as slices (only non-empty ones). */
export function statusSlices(report: CourseReport): Array<{ key: string; value: number }> {
  return [
    { key: 'active', value: report.active },
    { key: 'completed', value: report.completed },
    { key: 'pending', value: report.pending },
    { key: 'waitlisted', value: report.waitlisted },
    { key: 'withdrawn', value: report.withdrawn },
  ].filter((s) => s.value > 0);
}

function barHeight(rows: number): number {
  return Math.max(140, rows * 44 + 60);
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" c="dimmed" id={`${testId}-label`}>
        {label}
      </Text>
      <Text fz={30} fw={700} data-testid={testId} aria-describedby={`${testId}-label`}>
        {value}
      </Text>
    </Paper>
  );
}

/** Organisers: a course's enrolments, activity and completions, in numbers, charts and CSV. */
export default function CourseReportPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { id = '' } = useParams();
  const { data, loading, error } = useQuery(COURSE_REPORT, { variables: { courseId: id }, fetchPolicy: 'cache-and-network' });
  const number = new Intl.NumberFormat(locale);
  const format = (value: number) => number.format(value);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const report = data?.courseReport;
  const title = data?.courseForEditing.title;

  const byCountry = labelRows(report?.byCountry ?? [], (row) => countryName(row.key, locale) ?? row.label, locale);
  const byOrganisation = labelRows(report?.byOrganisation ?? [], (row) => (row.key ? row.label : t('learnerUi:noOrganisation')), locale);
  const columns: [string, ...string[]] = [t('learnerUi:colEnrolments'), t('learnerUi:colActive'), t('learnerUi:colCompleted')];
  const bars = (rows: LabelledRow[]) => (
    <BarChart
      h={barHeight(rows.length)}
      data={rows.map((r) => ({ label: r.name, enrolments: r.enrolments, completed: r.completed }))}
      dataKey="label"
      orientation="vertical"
      series={[
        { name: 'enrolments', label: t('learnerUi:colEnrolments'), color: 'blue.8' },
        { name: 'completed', label: t('learnerUi:colCompleted'), color: 'teal.8' },
      ]}
      valueFormatter={format}
      yAxisProps={{ width: 130 }}
      gridAxis="x"
      withLegend
      withTooltip={false}
      withBarValueLabel
      accessibilityLayer={false}
    />
  );
  const tableRows = (rows: LabelledRow[]) =>
    rows.map((row) => ({ key: row.key || row.name, cells: [row.name, format(row.enrolments), format(row.active), format(row.completed)] as [string, ...string[]] }));
  const empty = <Text c="dimmed">{t('learnerUi:reportEmpty')}</Text>;
  const slices = report ? statusSlices(report) : [];

  return (
    <Page title={t('learnerUi:reportTitle')} heading={title ? t('learnerUi:reportHeading', { title }) : t('learnerUi:reportTitle')}>
      {error && !data ? (
        <Alert color="red" role="alert">
          {describeError(error, t).message}
        </Alert>
      ) : loading && !report ? (
        <Loading label={t('nav:loading')} />
      ) : report ? (
        <Stack gap="xl">
          <Group gap="md">
            <Anchor href={reportCsvUrl(report.courseId)} download data-testid="report-csv">
              {t('learnerUi:downloadCsv')}
            </Anchor>
            <Anchor component={Link} to={`/manage/courses/${encodeURIComponent(id)}/enrolments`} data-testid="enrolments-link">
              {t('learnerUi:enrolmentsTitle')}
            </Anchor>
          </Group>
          <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="md">
            <Figure label={t('learnerUi:figureEnrolments')} value={format(report.enrolments)} testId="report-enrolments" />
            <Figure label={t('learnerUi:figureActive')} value={format(report.active)} testId="report-active" />
            <Figure label={t('learnerUi:figureCompleted')} value={format(report.completed)} testId="report-completed" />
            <Figure label={t('learnerUi:figureCompletionRate')} value={percent.format(report.completionRate)} testId="report-completion-rate" />
            <Figure label={t('learnerUi:figureAverageProgress')} value={percent.format(report.averageProgress > 1 ? report.averageProgress / 100 : report.averageProgress)} testId="report-average-progress" />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <ChartFigure
              id="report-by-country"
              testId="report-by-country"
              title={t('learnerUi:byCountryTitle')}
              chartLabel={t('learnerUi:chartLabel', { title: t('learnerUi:byCountryTitle') })}
              chart={bars(byCountry)}
              columns={[t('learnerUi:colCountry'), ...columns]}
              rows={tableRows(byCountry)}
              empty={empty}
            />
            <ChartFigure
              id="report-by-organisation"
              testId="report-by-organisation"
              title={t('learnerUi:byOrganisationTitle')}
              chartLabel={t('learnerUi:chartLabel', { title: t('learnerUi:byOrganisationTitle') })}
              chart={bars(byOrganisation)}
              columns={[t('learnerUi:colOrganisation'), ...columns]}
              rows={tableRows(byOrganisation)}
              empty={empty}
            />
            <ChartFigure
              id="report-by-status"
              testId="report-by-status"
              title={t('learnerUi:byStatusTitle')}
              chartLabel={t('learnerUi:chartLabel', { title: t('learnerUi:byStatusTitle') })}
              chart={
                <Group justify="center">
                  <DonutChart
                    data={slices.map((s, i) => ({ name: t(`learnerUi:figure_${s.key}`), value: s.value, color: CHART_PALETTE[i % CHART_PALETTE.length] }))}
                    size={180}
                    thickness={32}
                    withTooltip={false}
                    chartLabel={format(report.enrolments)}
                    valueFormatter={format}
                    accessibilityLayer={false}
                  />
                </Group>
              }
              columns={[t('learnerUi:colStatus'), t('learnerUi:colPeople')]}
              rows={slices.map((s, i) => ({
                key: s.key,
                cells: [
                  <Group gap={6} wrap="nowrap" key="label">
                    <span
                      aria-hidden="true"
                      style={{ width: 12, height: 12, borderRadius: 2, flex: 'none', background: `var(--mantine-color-${CHART_PALETTE[i % CHART_PALETTE.length].replace('.', '-')})` }}
                    />
                    {t(`learnerUi:figure_${s.key}`)}
                  </Group>,
                  format(s.value),
                ],
              }))}
              empty={empty}
            />
          </SimpleGrid>
        </Stack>
      ) : null}
    </Page>
  );
}
