/**
 * The one module that imports exceljs: a layout with values → .xlsx bytes, and .xlsx bytes →
 * plain cells (sheet-read.ts makes values of them). exceljs is loaded on first use only, so a run
 * without a workbook never pays for it (about a quarter of a second).
 */

import type { Borders, Cell, CellValue, Workbook, Worksheet } from 'exceljs';
import type { TableValues } from '../tables/cells.js';
import { addressOf, rangeOf } from './address.js';
import type { LayoutCell, SheetLayout } from './layout.js';

/** One cell as read: its value (a formula's cached result, if any, in `result`). */
export interface GridCell {
  readonly value: number | string | null;
  readonly formula?: string;
  readonly result?: number | string;
}

/** A sheet as read: cells by address (`D12`), merged ranges' top-left cells only. */
export interface SheetGrid {
  readonly name: string;
  readonly cells: ReadonlyMap<string, GridCell>;
}

/** A workbook that could not be opened (not a zip, not a workbook); the message says why. */
export class WorkbookError extends Error {}

async function exceljs(): Promise<typeof import('exceljs')> {
  const mod = (await import('exceljs')) as unknown as { default?: typeof import('exceljs') };
  return mod.default ?? (mod as unknown as typeof import('exceljs'));
}

const FONT = { name: '宋体', size: 11 };
const THIN: Partial<Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

/**
 * The tables as a workbook: one protected sheet a table (no password; only value cells can be
 * typed in), labels and totals locked, totals as formulas, printable on A4. `values` fills the
 * value cells (and totals' cached results); without it they hold 0.
 */
export async function writeWorkbook(sheets: readonly SheetLayout[], values?: ReadonlyMap<string, TableValues>): Promise<Uint8Array> {
  const { Workbook } = await exceljs();
  const wb: Workbook = new Workbook();
  wb.creator = 'nianbao';
  // Excel computes every formula when it opens the file: results cached here may be stale.
  wb.calcProperties = { fullCalcOnLoad: true };
  for (const layout of sheets) {
    const width = layout.widths.reduce((a, b) => a + b, 0);
    const ws = wb.addWorksheet(layout.name, {
      pageSetup: { paperSize: 9, orientation: width > 100 ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, printTitlesRow: `1:${layout.headerEnd}` },
      views: [{ state: 'frozen', ySplit: layout.headerEnd, xSplit: layout.labelCols }],
    });
    layout.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    for (const [row, height] of layout.heights) ws.getRow(row).height = height;
    const table = values?.get(layout.table);
    for (const cell of layout.cells) writeCell(ws, cell, table);
    await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function writeCell(ws: Worksheet, cell: LayoutCell, table: TableValues | undefined): void {
  const to = { row: cell.row + cell.rows - 1, col: cell.col + cell.cols - 1 };
  if (cell.rows > 1 || cell.cols > 1) ws.mergeCells(rangeOf(cell, to));
  const target = ws.getCell(addressOf(cell));
  const value = cell.key ? table?.get(cell.key.path)?.get(cell.key.column) ?? 0 : undefined;
  if (cell.kind === 'total') target.value = { formula: cell.formula!, result: value ?? 0 } as CellValue;
  else if (cell.kind === 'value') target.value = value ?? 0;
  else if (cell.text !== undefined) target.value = cell.text;
  const title = cell.kind === 'title';
  target.font = { ...FONT, ...(title ? { size: 14, bold: true } : cell.kind === 'header' ? { bold: true } : {}) };
  const left = cell.kind === 'label' && cell.cols * cell.rows === 1 && cell.text !== undefined && cell.text.length > 8;
  target.alignment = { vertical: 'middle', horizontal: left ? 'left' : 'center', wrapText: true };
  target.protection = { locked: cell.kind !== 'value' };
  if (cell.amount) target.numFmt = '0.00##';
  if (title) return;
  // Every cell of a merged range carries the border, or Excel prints it with gaps.
  for (let r = cell.row; r <= to.row; r++) for (let c = cell.col; c <= to.col; c++) ws.getCell(addressOf({ row: r, col: c })).border = THIN;
}

/** Every sheet of an .xlsx file as plain cells. Throws WorkbookError when the bytes are not a workbook. */
export async function readWorkbook(bytes: Uint8Array): Promise<SheetGrid[]> {
  const { Workbook } = await exceljs();
  const wb: Workbook = new Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new WorkbookError((error as Error).message ?? String(error), { cause: error });
  }
  return wb.worksheets.map((ws) => {
    const cells = new Map<string, GridCell>();
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const read = readCell(cell);
        if (read) cells.set(cell.address, read);
      }),
    );
    return { name: ws.name, cells };
  });
}

/** A cell's content as text or number: rich text joined, dates and booleans as text, formulas with their cached results. */
function readCell(cell: Cell): GridCell | undefined {
  const v = cell.value;
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number' || typeof v === 'string') return { value: v };
  if (typeof v === 'boolean') return { value: String(v) };
  if (v instanceof Date) return { value: v.toISOString().slice(0, 10) };
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) {
      const formula = 'formula' in v && v.formula ? v.formula : cell.formula;
      // cell.result, not value.result: the library leaves value.result empty for a result of 0.
      const r = (cell as { result?: unknown }).result ?? (v as { result?: unknown }).result;
      const result = typeof r === 'number' || typeof r === 'string' ? r : r && typeof r === 'object' && 'error' in r ? String((r as { error: unknown }).error) : undefined;
      return { value: null, ...(formula ? { formula } : {}), ...(result !== undefined ? { result } : {}) };
    }
    if ('richText' in v) return { value: v.richText.map((t) => t.text).join('') };
    if ('error' in v) return { value: String(v.error) };
    if ('text' in v) return { value: String(v.text) };
  }
  return { value: String(v) };
}
