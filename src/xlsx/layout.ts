/**
 * The layout of a profile's tables in a workbook, as data: one sheet a table, every cell with its
 * place, span and kind, each value cell with the row and column it holds, each total with the
 * cells it adds up. Pure: workbook.ts writes it, sheet-read.ts reads cells back through it.
 */

import { SINGLE } from '../tables/cells.js';
import { dataRows, type ColumnDef, type RowDef, type TableDef } from '../tables/definitions.js';
import { addressOf, sumFormula, type At } from './address.js';
import { activeBlocks, CONTENT_HEADER, cornerText, requestsHeader, reviewHeader, sheetName, sheetTitle, type Block, type HeaderNode } from './national.js';

/** A title (above the table), a header or row label (locked), a value a clerk types, a total (a formula), or an empty locked cell. */
export type CellKind = 'title' | 'header' | 'label' | 'value' | 'total' | 'blank';

/** Which value a cell holds: a row path and a column key (SINGLE for a one-value row). */
export interface CellKey {
  readonly path: string;
  readonly column: string;
}

/** One cell of the layout (the top-left one of a merged range). */
export interface LayoutCell extends At {
  readonly rows: number;
  readonly cols: number;
  readonly kind: CellKind;
  readonly text?: string;
  readonly key?: CellKey;
  /** A total: the cells it adds up, and its formula (`SUM(D5:I5)`). */
  readonly parts?: readonly CellKey[];
  readonly formula?: string;
  /** A decimal amount (万元) rather than a count. */
  readonly amount?: boolean;
}

/** One sheet: a table of the profile. */
export interface SheetLayout {
  /** `表三`. */
  readonly name: string;
  /** The table's key in tables.yaml and in a report (`requests`). */
  readonly table: string;
  readonly title: string;
  readonly cells: readonly LayoutCell[];
  /** Column widths, in characters. */
  readonly widths: readonly number[];
  /** Row heights in points, for rows whose labels wrap. */
  readonly heights: ReadonlyMap<number, number>;
  /** The last row of the header (repeated on every printed page). */
  readonly headerEnd: number;
  /** Columns of row labels, searched when reading by label (0 for table 四). */
  readonly labelCols: number;
}

/** The key of a cell as one string: `results.granted|natural`. */
export function keyOf(key: CellKey): string {
  return `${key.path}|${key.column}`;
}

/** The sheets of a profile's tables, in order. */
export function layoutSheets(defs: readonly TableDef[]): SheetLayout[] {
  return defs.map((def, i) => layoutSheet(def, i));
}

function layoutSheet(def: TableDef, index: number): SheetLayout {
  const blocks = activeBlocks(def);
  const review = reviewHeader(def);
  const grid = new Grid();
  let body: { widths: number[]; headerEnd: number; labelCols: number };
  if (blocks) body = placeBlocks(grid, def, blocks);
  else if (review) body = placeTransposed(grid, review, def);
  else body = placeMatrix(grid, def);
  grid.put({ row: 1, col: 1, rows: 1, cols: body.widths.length, kind: 'title', text: sheetTitle(index, def) });
  return { name: sheetName(index), table: def.key, title: def.title, cells: grid.finish(), widths: body.widths, heights: grid.heights(body.widths), headerEnd: body.headerEnd, labelCols: body.labelCols };
}

/** Table 二: a block for each item of 第二十条, each with its own column header. */
function placeBlocks(grid: Grid, def: TableDef, blocks: readonly Block[]) {
  const width = Math.max(1, ...def.rows.map((r) => r.columns.length));
  let row = 2;
  for (const block of blocks) {
    const rows = block.rows.map((key) => def.rows.find((r) => r.key === key)!);
    grid.put({ row, col: 1, rows: 1, cols: width + 1, kind: 'header', text: block.item });
    row++;
    grid.put({ row, col: 1, rows: 1, cols: 1, kind: 'header', text: CONTENT_HEADER });
    const columns = rows.find((r) => !r.single)?.columns ?? [];
    if (columns.length === 0) grid.put({ row, col: 2, rows: 1, cols: width, kind: 'header', text: block.header ?? '' });
    columns.forEach((key, i) => grid.put({ row, col: 2 + i, rows: 1, cols: i === columns.length - 1 ? width - i : 1, kind: 'header', text: labelOf(def, key) }));
    row++;
    for (const r of rows) {
      grid.put({ row, col: 1, rows: 1, cols: 1, kind: 'label', text: r.label });
      if (r.single) grid.put(valueCell(def, r, undefined, { row, col: 2 }, width));
      else r.columns.forEach((key, i) => grid.put(valueCell(def, r, def.columns.find((c) => c.key === key), { row, col: 2 + i }, i === r.columns.length - 1 ? width - i : 1)));
      row++;
    }
  }
  return { widths: [22, ...Array<number>(width).fill(16)], headerEnd: 3, labelCols: 1 };
}

/** Table 四: value columns under a header, one data row, no row labels. */
function placeTransposed(grid: Grid, header: readonly HeaderNode[], def: TableDef) {
  const height = depthOf(header);
  const leaves = placeHeader(grid, header, 2, 1, height);
  const row = 2 + height;
  for (const leaf of leaves) {
    const r = def.rows.find((x) => x.path === leaf.path)!;
    grid.put(valueCell(def, r, def.columns.find((c) => c.key === leaf.column), { row, col: leaf.col }, 1));
  }
  return { widths: leaves.map(() => 8), headerEnd: row - 1, labelCols: 0 };
}

/** Table 三, and any other table: row labels (groups spanning their rows) beside value columns under a header. */
function placeMatrix(grid: Grid, def: TableDef) {
  const labelCols = depthOfRows(def.rows);
  const header = requestsHeader(def) ?? def.columns.map((c): HeaderNode => ({ text: c.label, column: c.key }));
  const height = depthOf(header);
  grid.put({ row: 2, col: 1, rows: height, cols: labelCols, kind: 'header', text: cornerText(def) });
  const leaves = placeHeader(grid, header, 2, labelCols + 1, height);
  let row = 2 + height;
  const place = (rows: readonly RowDef[], depth: number) => {
    for (const r of rows) {
      if (r.rows) {
        grid.put({ row, col: depth + 1, rows: dataRows(r.rows).length, cols: 1, kind: 'label', text: r.label });
        place(r.rows, depth + 1);
        continue;
      }
      grid.put({ row, col: depth + 1, rows: 1, cols: labelCols - depth, kind: 'label', text: r.label });
      if (r.single) grid.put(valueCell(def, r, undefined, { row, col: labelCols + 1 }, leaves.length));
      else for (const leaf of leaves) {
        const col = def.columns.find((c) => c.key === leaf.column);
        grid.put(r.columns.includes(leaf.column) ? valueCell(def, r, col, { row, col: leaf.col }, 1) : { row, col: leaf.col, rows: 1, cols: 1, kind: 'blank' });
      }
      row++;
    }
  };
  place(def.rows, 0);
  const labelWidths = labelCols === 3 ? [5, 14, 30] : labelCols === 1 ? [30] : Array<number>(labelCols).fill(14);
  return { widths: [...labelWidths, ...leaves.map(() => 9)], headerEnd: 1 + height, labelCols };
}

/** A value cell, or a total (a column or row with `sum`) with the cells it adds up. */
function valueCell(def: TableDef, row: RowDef, col: ColumnDef | undefined, at: At, cols: number): LayoutCell {
  const column = col?.key ?? SINGLE;
  const key = { path: row.path, column };
  const amount = row.amount || col?.amount === true;
  const parts = col?.sum && !row.single ? col.sum.map((k) => ({ path: row.path, column: k })) : row.sum ? row.sum.map((p) => ({ path: p, column })) : undefined;
  return { ...at, rows: 1, cols, kind: parts ? 'total' : 'value', key, ...(parts ? { parts } : {}), ...(amount ? { amount } : {}) };
}

/** Places header nodes from (row, col); returns the leaves with their columns. */
function placeHeader(grid: Grid, nodes: readonly HeaderNode[], row: number, col: number, height: number): { column: string; path?: string; col: number }[] {
  const leaves: { column: string; path?: string; col: number }[] = [];
  for (const node of nodes) {
    if ('children' in node) {
      const inner = placeHeader(grid, node.children, row + 1, col, height - 1);
      grid.put({ row, col, rows: 1, cols: inner.length, kind: 'header', text: node.text });
      leaves.push(...inner);
      col += inner.length;
    } else {
      grid.put({ row, col, rows: height, cols: 1, kind: 'header', text: node.text });
      leaves.push({ column: node.column, ...(node.path ? { path: node.path } : {}), col });
      col++;
    }
  }
  return leaves;
}

function depthOf(nodes: readonly HeaderNode[]): number {
  return Math.max(0, ...nodes.map((n) => ('children' in n ? 1 + depthOf(n.children) : 1)));
}

function depthOfRows(rows: readonly RowDef[]): number {
  return Math.max(1, ...rows.map((r) => (r.rows ? 1 + depthOfRows(r.rows) : 1)));
}

function labelOf(def: TableDef, key: string): string {
  return def.columns.find((c) => c.key === key)?.label ?? key;
}

/** Collects cells; at the end, writes each total's formula from where its parts stand. */
class Grid {
  private readonly cells: LayoutCell[] = [];

  put(cell: LayoutCell): void {
    this.cells.push(cell);
  }

  finish(): LayoutCell[] {
    const where = new Map(this.cells.filter((c) => c.key).map((c) => [keyOf(c.key!), c as At]));
    return this.cells
      .map((c) => (c.parts ? { ...c, formula: sumFormula(c.parts.map((p) => where.get(keyOf(p))!).filter(Boolean)) } : c))
      .sort((a, b) => a.row - b.row || a.col - b.col);
  }

  /** Rows whose one-row labels wrap: a line (15 pt) for each width of text (a CJK character is two). */
  heights(widths: readonly number[]): Map<number, number> {
    const out = new Map<number, number>();
    for (const c of this.cells) {
      if (!c.text || c.rows !== 1 || c.kind === 'title') continue;
      const room = widths.slice(c.col - 1, c.col - 1 + c.cols).reduce((a, b) => a + b, 0);
      const lines = Math.ceil([...c.text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0) / Math.max(1, room - 1));
      if (lines > 1) out.set(c.row, Math.max(out.get(c.row) ?? 0, lines * 15 + 4));
    }
    return out;
  }
}

/** `表三!D12`. */
export function cellName(sheet: string, at: At): string {
  return `${sheet}!${addressOf(at)}`;
}
