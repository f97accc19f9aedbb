/**
 * The summary as an Excel workbook (exceljs): a sheet of the summed departments — a row each,
 * the format's cells as columns under grouped headings (table, row, column) — closed by a totals
 * row of SUM formulas that carry their values, so that a reader without recalculation sees them
 * too; and a second sheet with the compliance list.
 */

import ExcelJS from 'exceljs';
import { summaryCommandText } from '../messages/department-summary.js';
import { inLanguage, type Lang } from '../messages/lang.js';
import type { TableValues } from '../tables/cells.js';
import { dataColumns, valueIn, type DataColumn } from './columns.js';
import type { TableDef } from '../tables/definitions.js';
import { needsAttention, byAttention, type Decision } from './compliance.js';
import { complianceTable } from './present.js';

/** The header rows of the data sheet: table, row, column. */
const HEADER_ROWS = 3;
/** Organization and file come before the cells. */
const LEAD = 2;

const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const headerStyle: Partial<ExcelJS.Style> = {
  font: { bold: true },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  border,
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } },
};

/** Neighbouring columns with the same key, to merge: [first, last] column numbers (1-based). */
function runs(keys: readonly string[], start: number): [number, number][] {
  const out: [number, number][] = [];
  keys.forEach((key, i) => {
    const last = out[out.length - 1];
    if (last && keys[last[0] - start] === key) last[1] = start + i;
    else out.push([start + i, start + i]);
  });
  return out;
}

/** The data sheet's headings: each table over its cells, each row over its columns, each column's label. */
function writeHeader(sheet: ExcelJS.Worksheet, columns: readonly DataColumn[], lead: readonly string[]): void {
  lead.forEach((label, i) => {
    sheet.getCell(1, i + 1).value = label;
    sheet.mergeCells(1, i + 1, HEADER_ROWS, i + 1);
  });
  const first = LEAD + 1;
  for (const [from, to] of runs(columns.map((c) => c.table), first)) {
    sheet.getCell(1, from).value = columns[from - first]!.tableTitle;
    if (to > from) sheet.mergeCells(1, from, 1, to);
  }
  for (const [from, to] of runs(columns.map((c) => `${c.table}|${c.row}`), first)) {
    const column = columns[from - first]!;
    sheet.getCell(2, from).value = column.rowTitle;
    if (to > from) sheet.mergeCells(2, from, 2, to);
  }
  columns.forEach((c, i) => (sheet.getCell(3, first + i).value = c.columnLabel));
  for (let r = 1; r <= HEADER_ROWS; r++) for (let c = 1; c <= LEAD + columns.length; c++) sheet.getCell(r, c).style = headerStyle;
  sheet.getRow(2).height = 48;
  sheet.getRow(3).height = 32;
}

/** Builds the workbook. `departments` are the reports summed, in file order. */
export function summaryWorkbook(
  decision: Decision,
  defs: readonly TableDef[],
  departments: readonly { readonly organization: string; readonly file: string; readonly tables: ReadonlyMap<string, TableValues> }[],
  sums: ReadonlyMap<string, TableValues>,
  lang: Lang,
  created: Date,
): ExcelJS.Workbook {
  const t = inLanguage(summaryCommandText, lang);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'nianbao';
  workbook.created = created;
  workbook.modified = created;
  workbook.title = t.title(decision.year);

  const data = workbook.addWorksheet(t.dataSheet, { views: [{ state: 'frozen', xSplit: LEAD, ySplit: HEADER_ROWS }] });
  const columns = dataColumns(defs);
  writeHeader(data, columns, [t.columns[0]!, t.columns[1]!]);
  data.getColumn(1).width = 30;
  data.getColumn(2).width = 28;
  columns.forEach((c, i) => (data.getColumn(LEAD + 1 + i).width = c.amount ? 12 : 10));
  departments.forEach((d, i) => {
    const row = data.getRow(HEADER_ROWS + 1 + i);
    row.values = [d.organization, d.file, ...columns.map((c) => valueIn(d.tables, c))];
  });
  // The totals: a formula over the departments' rows, with the value the sums hold as its result.
  const firstRow = HEADER_ROWS + 1;
  const lastRow = HEADER_ROWS + departments.length;
  const totals = data.getRow(lastRow + 1);
  totals.getCell(1).value = t.totals;
  columns.forEach((c, i) => {
    const letter = data.getColumn(LEAD + 1 + i).letter;
    totals.getCell(LEAD + 1 + i).value = departments.length ? { formula: `SUM(${letter}${firstRow}:${letter}${lastRow})`, result: valueIn(sums, c) } : 0;
  });
  totals.font = { bold: true };
  totals.eachCell((cell) => (cell.border = { ...border, top: { style: 'double' } }));

  const list = workbook.addWorksheet(t.complianceSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  const table = complianceTable(decision, lang);
  list.addRow(table.columns);
  list.getRow(1).eachCell((cell) => (cell.style = headerStyle));
  // Missing departments and rows that need attention are shaded, as the office reads them first.
  const attention = [...decision.missing.map(() => true), ...byAttention(decision.rows).map(needsAttention)];
  table.rows.forEach((cells, i) => {
    const row = list.addRow(cells);
    if (attention[i]) row.eachCell({ includeEmpty: true }, (cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } }));
  });
  [28, 30, 22, 18, 60, 12, 12, 10, 24].forEach((w, i) => (list.getColumn(i + 1).width = w));
  list.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  return workbook;
}
