import type { ReactNode } from 'react';
import { Table, type TableProps, type TableScrollContainerProps } from '@mantine/core';

interface ScrollTableProps extends Omit<TableScrollContainerProps, 'type' | 'minWidth' | 'children'> {
  /** Names the scrolling region (usually the table's own name or its section heading). */
  label: string;
  minWidth: number;
  children: ReactNode;
}

/**
 * A table that may scroll sideways on a phone: the scrolling box is named and focusable so keyboard
 * users can scroll it too (axe: scrollable-region-focusable). A group, not a region: a landmark per
 * table would crowd the landmark list and repeat the name of the section around it. Positioned, so
 * visually hidden (absolutely positioned) text in the cells is clipped with it instead of widening the page.
 */
export function ScrollTable({ label, minWidth, children, ...rest }: ScrollTableProps) {
  return (
    <Table.ScrollContainer {...rest} pos="relative" type="native" minWidth={minWidth} tabIndex={0} role="group" aria-label={label}>
      {children}
    </Table.ScrollContainer>
  );
}

interface ListTableProps extends Omit<TableProps, 'children'> {
  /** Names the scrolling region and the table. */
  label: string;
  minWidth: number;
  /** The column headers, in order. */
  columns: string[];
  /** The rows. */
  children: ReactNode;
}

/** A list page's table: a ScrollTable with one header row of columns, then the rows. */
export function ListTable({ label, minWidth, columns, children, ...table }: ListTableProps) {
  return (
    <ScrollTable label={label} minWidth={minWidth}>
      <Table {...table}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column, index) => (
              <Table.Th key={index} scope="col">
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
