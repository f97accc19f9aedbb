/**
 * The summed tables laid out flat, one column per cell of the format — under the table's title,
 * the row's label and the column's label — for the spreadsheet and the CSV file; and the CSV
 * text itself. Pure.
 */

import { columnsOf, SINGLE, type TableValues } from '../tables/cells.js';
import { dataRows, rowTitle, type TableDef } from '../tables/definitions.js';

/** One cell of the format as a column of the spreadsheet. */
export interface DataColumn {
  readonly table: string;
  readonly tableTitle: string;
  readonly row: string;
  /** The row's label with its group's (（三）不予公开／1.属于国家秘密). */
  readonly rowTitle: string;
  /** The column's key, or SINGLE for a row of one value. */
  readonly column: string;
  /** The column's label; for a row of one value, the format's heading of that value. */
  readonly columnLabel: string;
  readonly amount: boolean;
  /** A 总计 cell (computed by the format's arithmetic for each department too). */
  readonly total: boolean;
}

/**
 * Every cell of every table, in the order the tables print. A row of one value (行政许可,
 * 行政事业性收费) has no column label in tables.yaml: its heading is the one the national
 * format prints above it (本年处理决定数量, 本年收费金额（单位：万元）).
 */
export function dataColumns(defs: readonly TableDef[]): DataColumn[] {
  return defs.flatMap((def) =>
    dataRows(def.rows).flatMap((row) => {
      const base = { table: def.key, tableTitle: def.title, row: row.path, rowTitle: rowTitle(def, row.path) };
      if (row.single) {
        const columnLabel = row.amount ? `本年收费金额（单位：${row.unit ?? '万元'}）` : '本年处理决定数量';
        return [{ ...base, column: SINGLE, columnLabel, amount: row.amount, total: row.sum !== undefined }];
      }
      return columnsOf(def, row).map((c) => ({ ...base, column: c.key, columnLabel: c.label, amount: row.amount || c.amount, total: row.sum !== undefined || c.sum !== undefined }));
    }),
  );
}

/** A report's (or the sums') value in a column; 0 for a cell it does not hold. */
export function valueIn(tables: ReadonlyMap<string, TableValues>, column: DataColumn): number {
  return tables.get(column.table)?.get(column.row)?.get(column.column) ?? 0;
}

/** A CSV field, quoted when it must be (RFC 4180). */
function field(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The CSV file: a header line (部门, 文件, then each cell as 表／行／列), a line per department
 * and a totals line. UTF-8 with a byte-order mark and CRLF line ends, so that Excel opens the
 * Chinese as Chinese (without the mark it reads the file in the system's code page).
 */
export function csvText(
  columns: readonly DataColumn[],
  departments: readonly { readonly organization: string; readonly file: string; readonly tables: ReadonlyMap<string, TableValues> }[],
  sums: ReadonlyMap<string, TableValues>,
  labels: { readonly organization: string; readonly file: string; readonly totals: string },
): string {
  const header = [labels.organization, labels.file, ...columns.map((c) => `${c.tableTitle}／${c.rowTitle}／${c.columnLabel}`)];
  const lines = [
    header,
    ...departments.map((d) => [d.organization, d.file, ...columns.map((c) => valueIn(d.tables, c))]),
    [labels.totals, '', ...columns.map((c) => valueIn(sums, c))],
  ];
  return `\uFEFF${lines.map((l) => l.map(field).join(',')).join('\r\n')}\r\n`;
}
