/** What the reading and the arithmetic of tables share: values, cell addresses, labels. */

import { rowTitle, type ColumnDef, type RowDef, type TableDef } from './definitions.js';
import { escapePointer } from '../source/yaml.js';

/** The key under which a single-value row keeps its value. */
export const SINGLE = '';

/** A table's values: row path → column key (or SINGLE) → number, totals included. */
export type TableValues = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** The column definitions of a row, in order. */
export function columnsOf(def: TableDef, row: RowDef): ColumnDef[] {
  return row.columns.map((k) => def.columns.find((c) => c.key === k)!).filter(Boolean);
}

/** A column's label, for messages. */
export function labelOf(def: TableDef, column: string): string {
  return def.columns.find((c) => c.key === column)?.label ?? column;
}

/** `row（value） + row（value）`, for messages about sums. */
export function describeSum(def: TableDef, paths: readonly string[], col: string, cell: (row: string, col: string) => number | undefined): string {
  return paths.map((p) => `${rowTitle(def, p)}（${cell(p, col)}）`).join(' + ');
}

/** The JSON pointer of a row inside its table. */
export function rowPointer(tablePointer: string, rowPath: string): string {
  return `${tablePointer}/${rowPath.split('.').map(escapePointer).join('/')}`;
}

/** The JSON pointer of a cell (of a single-value row, the row itself). */
export function cellPointer(tablePointer: string, rowPath: string, col: string): string {
  return col === SINGLE ? rowPointer(tablePointer, rowPath) : `${rowPointer(tablePointer, rowPath)}/${escapePointer(col)}`;
}
