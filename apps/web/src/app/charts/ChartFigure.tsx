import type { ReactNode } from 'react';
import { Paper, Table, Title, VisuallyHidden } from '@mantine/core';
import '@mantine/charts/styles.css';
import { ScrollTable } from '../ScrollTable';

/** Mantine colours for series and slices, dark enough to tell apart on white (WCAG non-text contrast). */
export const CHART_PALETTE = ['blue.8', 'teal.8', 'orange.8', 'grape.8', 'red.8', 'cyan.9', 'lime.9', 'indigo.8', 'pink.8', 'yellow.9', 'gray.7'];

export interface ChartTableRow {
  key: string;
  /** The first cell names the row (a row header); the rest are figures, already formatted. */
  cells: [ReactNode, ...ReactNode[]];
}

interface ChartFigureProps {
  id: string;
  title: string;
  /** What assistive technology announces for the picture; the table carries the figures themselves. */
  chartLabel: string;
  chart: ReactNode;
  columns: [string, ...string[]];
  rows: ChartTableRow[];
  empty?: ReactNode;
  testId?: string;
}

/**
 * A chart and the table of the same figures, in one figure: sighted readers get the picture,
 * screen-reader and keyboard users (and anyone who wants exact numbers) get the table.
 */
export function ChartFigure({ id, title, chartLabel, chart, columns, rows, empty, testId }: ChartFigureProps) {
  return (
    <Paper withBorder p="md" radius="md" component="figure" m={0} aria-labelledby={`${id}-title`} data-testid={testId}>
      <figcaption>
        <Title order={2} size="h3" id={`${id}-title`} mb="sm">
          {title}
        </Title>
      </figcaption>
      {rows.length === 0 ? (
        empty
      ) : (
        <>
          <div role="img" aria-label={chartLabel} data-testid={testId ? `${testId}-chart` : undefined}>
            {chart}
          </div>
          <ScrollTable minWidth={260} mt="md" label={title}>
            <Table striped data-testid={testId ? `${testId}-table` : undefined}>
              <VisuallyHidden component="caption">{title}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  {columns.map((column, i) => (
                    <Table.Th key={column} scope="col" ta={i === 0 ? undefined : 'right'}>
                      {column}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.key}>
                    <Table.Th scope="row" fw={500}>
                      {row.cells[0]}
                    </Table.Th>
                    {row.cells.slice(1).map((cell, i) => (
                      <Table.Td key={i} ta="right">
                        {cell}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </>
      )}
    </Paper>
  );
}
