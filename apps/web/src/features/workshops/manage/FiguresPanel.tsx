import { Alert, SimpleGrid, Stack, Text } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { countryName } from '@alliance/shared-core';
import { Loading } from '../../../app/Loading';
import { ChartFigure } from '../../../app/charts/ChartFigure';
import { describeError } from '../../../app/errors';
import { WORKSHOP_FIGURES, type FigureRow, type RunWorkshop } from '../operations-manage';
import { FigureCard } from './components';

interface NamedRow extends FigureRow {
  name: string;
}

/** Rows named for the reader, most registered first (ties by name); empty groups left out. */
export function nameRows(rows: readonly FigureRow[], nameOf: (row: FigureRow) => string, locale: string): NamedRow[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  return rows
    .filter((row) => row.registered > 0 || row.attended > 0)
    .map((row) => ({ ...row, name: nameOf(row) || row.label || row.key }))
    .sort((a, b) => b.registered - a.registered || b.attended - a.attended || collator.compare(a.name, b.name));
}

/** Participation figures: "N participants from M countries", and registered vs attended by country, organisation type and sub-region. */
export function FiguresPanel({ workshop }: { workshop: RunWorkshop }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { data, loading, error } = useQuery(WORKSHOP_FIGURES, { variables: { workshopId: workshop.id }, fetchPolicy: 'cache-and-network' });
  const figures = data?.workshopFigures;
  const number = new Intl.NumberFormat(locale);
  const format = (value: number) => number.format(value);
  const translated = (id: string, fallback: string) => (i18n.exists(id) ? t(id) : fallback);
  const unknown = t('workshopManage:notStated');

  if (error && !figures) {
    return (
      <Alert color="red" role="alert">
        {describeError(error, t).message}
      </Alert>
    );
  }
  if (loading && !figures) return <Loading label={t('nav:loading')} />;
  if (!figures) return null;

  const byCountry = nameRows(figures.byCountry, (row) => (row.key ? countryName(row.key, locale) : unknown), locale);
  const byType = nameRows(figures.byOrganisationType, (row) => (row.key ? translated(`alliance:type_${row.key}`, row.label) : unknown), locale);
  const bySubRegion = nameRows(figures.bySubRegion, (row) => (row.key ? translated(`alliance:subRegion_${row.key}`, row.label) : unknown), locale);
  const columns: [string, ...string[]] = [t('workshopManage:colRegistered'), t('workshopManage:colAttendedPeople')];
  const bars = (rows: NamedRow[]) => (
    <BarChart
      h={Math.max(140, rows.length * 52 + 60)}
      data={rows.map((r) => ({ label: r.name, registered: r.registered, attended: r.attended }))}
      dataKey="label"
      orientation="vertical"
      series={[
        { name: 'registered', label: t('workshopManage:colRegistered'), color: 'blue.8' },
        { name: 'attended', label: t('workshopManage:colAttendedPeople'), color: 'teal.8' },
      ]}
      valueFormatter={format}
      yAxisProps={{ width: 140 }}
      gridAxis="x"
      withLegend
      withTooltip={false}
      withBarValueLabel
      accessibilityLayer={false}
    />
  );
  const tableRows = (rows: NamedRow[]) => rows.map((row) => ({ key: row.key || row.name, cells: [row.name, format(row.registered), format(row.attended)] as [string, ...string[]] }));
  const empty = <Text c="dark.6">{t('workshopManage:figuresEmpty')}</Text>;
  const headline = t('workshopManage:headline', {
    participants: t('workshopManage:participantsCount', { count: figures.registered, n: format(figures.registered) }),
    countries: t('workshopManage:countriesCount', { count: figures.countries, n: format(figures.countries) }),
  });

  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Text fz={{ base: 26, sm: 34 }} fw={700} lh={1.2} data-testid="figures-headline">
          {headline}
        </Text>
        <Text data-testid="figures-attended-line">{t('workshopManage:attendedLine', { count: figures.attended, n: format(figures.attended) })}</Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
        <FigureCard label={t('workshopManage:figureRegistered')} value={format(figures.registered)} testId="figures-registered" />
        <FigureCard label={t('workshopManage:figureAttended')} value={format(figures.attended)} testId="figures-attended" />
        <FigureCard label={t('workshopManage:figureCountries')} value={format(figures.countries)} testId="figures-countries" />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <ChartFigure
          id="figures-by-country"
          testId="figures-by-country"
          title={t('workshopManage:byCountryTitle')}
          chartLabel={t('workshopManage:chartLabel', { title: t('workshopManage:byCountryTitle') })}
          chart={bars(byCountry)}
          columns={[t('workshopManage:colCountry'), ...columns]}
          rows={tableRows(byCountry)}
          empty={empty}
        />
        <ChartFigure
          id="figures-by-organisation-type"
          testId="figures-by-organisation-type"
          title={t('workshopManage:byOrganisationTypeTitle')}
          chartLabel={t('workshopManage:chartLabel', { title: t('workshopManage:byOrganisationTypeTitle') })}
          chart={bars(byType)}
          columns={[t('workshopManage:colOrganisationType'), ...columns]}
          rows={tableRows(byType)}
          empty={empty}
        />
        <ChartFigure
          id="figures-by-sub-region"
          testId="figures-by-sub-region"
          title={t('workshopManage:bySubRegionTitle')}
          chartLabel={t('workshopManage:chartLabel', { title: t('workshopManage:bySubRegionTitle') })}
          chart={bars(bySubRegion)}
          columns={[t('workshopManage:colSubRegion'), ...columns]}
          rows={tableRows(bySubRegion)}
          empty={empty}
        />
      </SimpleGrid>
    </Stack>
  );
}
