/**
 * Cells of a workbook → the tables as a report's `tables:` mapping holds them, and where each
 * value came from (`表三!D12`), so that reading and checking are those of a YAML report. Rows
 * are found by their labels and columns by their headers, so a row or column moved, or one
 * inserted, still reads right; where a label is not found, the cell stands where it was written.
 * Pure.
 */

import { readNumber } from '../model/numbers.js';
import { cellPointer, rowPointer } from '../tables/cells.js';
import { addressOf, cellsOfSum, parseAddress, type At } from './address.js';
import { cellName, keyOf, type LayoutCell, type SheetLayout } from './layout.js';
import type { GridCell, SheetGrid } from './workbook.js';

/** The tables read from a workbook. */
export interface SheetValues {
  /** Table key → rows → cells, as in a report's `tables:` mapping (omitted totals are computed). */
  readonly value: Record<string, unknown>;
  /** JSON pointer of a table, row or cell (`/tables/requests/new/natural`) → its cell (`表三!D5`). */
  readonly cells: ReadonlyMap<string, string>;
}

/** Reads the values of every table the layout has from the sheets of a workbook. */
export function readSheets(layouts: readonly SheetLayout[], sheets: readonly SheetGrid[]): SheetValues {
  const value: Record<string, unknown> = {};
  const cells = new Map<string, string>();
  for (const layout of layouts) {
    const tablePtr = `/tables/${layout.table}`;
    // By its name, or (renamed by a clerk) by its title cell: 三、收到和处理政府信息公开申请情况, number or not.
    const titled = (text: unknown) => typeof text === 'string' && same(text.replace(/^[一二三四五六七八九十]+、/u, ''), layout.title);
    const sheet = sheets.find((s) => s.name.trim() === layout.name) ?? sheets.find((s) => [...s.cells.values()].some((c) => titled(c.value)));
    if (!sheet) {
      // The table is missing: said at its sheet's name.
      cells.set(tablePtr, layout.name);
      continue;
    }
    cells.set(tablePtr, `${sheet.name}!A1`);
    const place = locate(layout, sheet);
    const table: Record<string, unknown> = {};
    value[layout.table] = table;
    const where = new Map(layout.cells.filter((c) => c.key).map((c) => [keyOf(c.key!), place(c)]));
    for (const cell of layout.cells) {
      if (cell.kind === 'label' && cell.rows === 1) {
        const path = layout.cells.find((c) => c.key && c.row === cell.row)?.key?.path;
        if (path) cells.set(rowPointer(tablePtr, path), cellName(sheet.name, place(cell)));
      }
      if (!cell.key) continue;
      const at = place(cell);
      const read = sheet.cells.get(addressOf(at));
      const expected = new Set((cell.parts ?? []).map((p) => where.get(keyOf(p))).filter((x): x is At => x !== undefined).map(addressOf));
      const v = cell.kind === 'total' ? totalOf(read, expected) : valueOf(read);
      cells.set(cellPointer(tablePtr, cell.key.path, cell.key.column), cellName(sheet.name, at));
      if (v !== undefined) setAt(table, [...cell.key.path.split('.'), ...(cell.key.column ? [cell.key.column] : [])], v);
    }
  }
  return { value, cells };
}

/** Where a layout cell stands in the sheet: its row found by its row's label, its column by its header. */
function locate(layout: SheetLayout, sheet: SheetGrid): (cell: At) => At {
  const found = [...sheet.cells.entries()].map(([address, c]) => ({ at: parseAddress(address)!, text: typeof c.value === 'string' ? norm(c.value) : undefined }));
  const rows = new Map<number, number>();
  let after = 0;
  for (const label of layout.cells.filter((c) => c.kind === 'label' && c.rows === 1)) {
    // A label said twice (none of the national format's is) is taken in order.
    const hits = found.filter((f) => f.text === norm(label.text ?? '') && f.at.col <= layout.labelCols).sort((a, b) => a.at.row - b.at.row);
    const hit = hits.find((f) => f.at.row > after) ?? hits[0];
    if (!hit) continue;
    rows.set(label.row, hit.at.row);
    after = hit.at.row;
  }
  const cols = new Map<number, number>();
  const leaves = layout.cells.filter((c) => c.kind === 'header' && c.cols === 1 && c.row > 1 && c.row <= layout.headerEnd && !leafAbove(layout.cells, c));
  for (const header of leaves) {
    const hit = found
      .filter((f) => f.text === norm(header.text ?? '') && f.at.row > 1 && f.at.row <= layout.headerEnd + 2)
      .sort((a, b) => Math.abs(a.at.col - header.col) - Math.abs(b.at.col - header.col) || Math.abs(a.at.row - header.row) - Math.abs(b.at.row - header.row))[0];
    if (hit) cols.set(header.col, hit.at.col);
  }
  return (cell) => ({ row: rows.get(cell.row) ?? cell.row, col: cols.get(cell.col) ?? cell.col });
}

/** Whether a one-column header has another below it in its column (then that one names the column). */
function leafAbove(cells: readonly LayoutCell[], header: LayoutCell): boolean {
  return cells.some((c) => c.kind === 'header' && c.col === header.col && c.cols === 1 && c.row > header.row);
}

/**
 * A total: left out (so it is computed) when blank or when its formula adds up exactly its
 * parts — such a formula is right by construction, while its cached result may be stale after a
 * tool that does not recalculate saved the file. Another formula gives its cached result; a
 * number typed over the formula is that number, checked like any total.
 */
function totalOf(cell: GridCell | undefined, parts: ReadonlySet<string>): unknown {
  if (!cell) return undefined;
  if (cell.formula !== undefined) {
    const sums = cellsOfSum(cell.formula);
    if (sums && sums.size === parts.size && [...sums].every((a) => parts.has(a))) return undefined;
    return cell.result === undefined ? undefined : valueOf({ value: cell.result });
  }
  const v = valueOf(cell);
  return v === null ? undefined : v;
}

/** A value cell: a number; a number typed as text (３８, 1,214) read as that number; blank (or a dash) as blank, which counts 0. */
function valueOf(cell: GridCell | undefined): unknown {
  if (!cell) return null;
  if (cell.formula !== undefined) return typeof cell.result === 'number' ? cell.result : cell.result ?? `=${cell.formula}`;
  const v = cell.value;
  if (typeof v !== 'string') return v;
  if (/^\s*[-—–－/／]*\s*$/u.test(v)) return null;
  const m = /^\s*([-－]?)\s*([0-9０-９]+|[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+)((?:[.．][0-9０-９]+)?)\s*$/u.exec(v);
  const n = m ? readNumber(`${m[2]}${m[3]}`) : undefined;
  return n === undefined ? v : m![1] ? -n : n;
}

function setAt(target: Record<string, unknown>, keys: readonly string[], value: unknown): void {
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
}

/** Labels compared without spaces and line breaks (a clerk may wrap a label by hand). */
function norm(text: string): string {
  return text.replace(/\s+/g, '');
}

function same(value: unknown, text: string): boolean {
  return typeof value === 'string' && norm(value) === norm(text);
}
