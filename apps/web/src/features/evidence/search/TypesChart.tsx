import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { CHART_PALETTE, ChartFigure } from '../../../app/charts/ChartFigure';
import type { FacetCountFields } from '../operations-public';
import { formatNumber } from '../shared/format';
import { typeLabel } from '../shared/labels';

/** How the results split by type, as bars and as the same figures in a table. */
export function TypesChart({ types }: { types: FacetCountFields[] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const format = (value: number) => formatNumber(value, locale, 0);
  const rows = types
    .filter((row) => row.count > 0)
    .map((row) => ({ key: row.value, name: row.label || typeLabel(t, row.value), count: row.count }))
    .sort((a, b) => b.count - a.count);
  const title = t('evidenceUi:chartByType');
  return (
    <ChartFigure
      id="evidence-by-type"
      title={title}
      chartLabel={t('evidenceUi:chartByTypeLabel', {
        summary: rows.map((row) => `${row.name}: ${format(row.count)}`).join('; '),
      })}
      testId="evidence-by-type"
      columns={[t('evidenceUi:facetTypes'), t('evidenceUi:colResults')]}
      rows={rows.map((row) => ({ key: row.key, cells: [row.name, format(row.count)] }))}
      chart={
        <BarChart
          h={Math.max(120, rows.length * 36 + 40)}
          data={rows.map((row) => ({ label: row.name, count: row.count }))}
          dataKey="label"
          orientation="vertical"
          series={[{ name: 'count', label: t('evidenceUi:colResults'), color: CHART_PALETTE[0] }]}
          valueFormatter={format}
          yAxisProps={{ width: 130 }}
          gridAxis="x"
          withTooltip={false}
          withBarValueLabel
          accessibilityLayer={false}
        />
      }
    />
  );
}
