/**
 * A table's rows as records to map: each row's label cells and its value cells, every value
 * with the header texts above it. Merged cells are laid on a grid first (a rowspan label
 * stands beside each of its rows; a colspan header above each of its columns), as a browser
 * lays them out.
 */

import type { Loc, SourceCell } from './blocks.js';
import { readCell } from './labels.js';

/** A value cell of a row: its text as written and the header texts above its column, nearest first. */
export interface ValueCell {
  readonly raw: string;
  readonly headers: readonly string[];
}

/** One row of a source table, ready to be matched to a format's row. */
export interface RowRecord {
  /** Text cells before the values, left to right (a merged group label included). */
  readonly labels: readonly string[];
  readonly values: readonly ValueCell[];
  readonly loc: Loc;
  /** The row as written, cells joined by |, for comments. */
  readonly source: string;
}

interface Placed extends SourceCell {
  readonly row: number;
  readonly col: number;
}

/** Lays the cells on a grid: slot [row][col] → the cell covering it. */
export function layGrid(rows: readonly (readonly SourceCell[])[]): (Placed | undefined)[][] {
  const grid: (Placed | undefined)[][] = rows.map(() => []);
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (grid[r]![c]) c++;
      const placed: Placed = { ...cell, row: r, col: c };
      for (let dr = 0; dr < cell.rowspan && r + dr < rows.length; dr++) for (let dc = 0; dc < cell.colspan; dc++) grid[r + dr]![c + dc] = placed;
      c += cell.colspan;
    }
  });
  return grid;
}

const isValue = (text: string) => readCell(text).kind !== 'text';

/**
 * The rows of a table as records. With `headers` (a table with its merged cells), each value
 * knows the header texts above it; without (a table copied as text, whose merges are lost),
 * values are taken by position.
 */
export function rowRecords(rows: readonly (readonly SourceCell[])[], rowLocs: readonly Loc[], headers: boolean): RowRecord[] {
  const grid = layGrid(rows);
  return grid.map((slots, r) => {
    const cells = [...new Set(slots.filter((s): s is Placed => s !== undefined))];
    // Values are the number (or blank) cells after the last text cell of the row.
    let lastText = -1;
    cells.forEach((cell, i) => {
      if (!isValue(cell.text)) lastText = i;
    });
    const labels = cells.slice(0, lastText + 1).map((cell) => cell.text).filter(Boolean);
    const values = cells
      .slice(lastText + 1)
      .filter((cell) => cell.row === r)
      .map((cell) => ({ raw: cell.text, headers: headers ? headersAbove(grid, r, cell.col) : [] }));
    return { labels, values, loc: rowLocs[r] ?? {}, source: cells.map((cell) => cell.text).join(' | ') };
  });
}

/** The text cells above (row, col), nearest first, each once. */
function headersAbove(grid: (Placed | undefined)[][], row: number, col: number): string[] {
  const out: string[] = [];
  for (let r = row - 1; r >= 0; r--) {
    const cell = grid[r]![col];
    if (cell && cell.row + cell.rowspan <= row && cell.text && !isValue(cell.text) && !out.includes(cell.text)) out.push(cell.text);
  }
  return out;
}
