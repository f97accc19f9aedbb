/** A1-style cell addresses and the SUM formulas of totals. Pure. */

/** A cell by 1-based row and column. */
export interface At {
  readonly row: number;
  readonly col: number;
}

/** 1 → A, 27 → AA. */
export function columnName(col: number): string {
  let name = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** `D12` for row 12, column 4. */
export function addressOf(at: At): string {
  return `${columnName(at.col)}${at.row}`;
}

/** `D12` (or `$D$12`) → row 12, column 4; undefined for anything else. */
export function parseAddress(address: string): At | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(address.trim());
  if (!m) return undefined;
  const col = [...m[1]!.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), col };
}

/** `A1:C3` for a range of more than one cell, else the cell's own address. */
export function rangeOf(from: At, to: At): string {
  return from.row === to.row && from.col === to.col ? addressOf(from) : `${addressOf(from)}:${addressOf(to)}`;
}

/**
 * `SUM(D5:I5)` for the cells a total adds up: neighbours in one row or one column become a
 * range, so the formula reads as a clerk would type it.
 */
export function sumFormula(parts: readonly At[]): string {
  const sorted = [...parts].sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: [At, At][] = [];
  for (const at of sorted) {
    const run = runs[runs.length - 1];
    const [first, last] = run ?? [];
    const extendsRow = run && last!.row === at.row && first!.row === at.row && last!.col + 1 === at.col;
    const extendsCol = run && last!.col === at.col && first!.col === at.col && last!.row + 1 === at.row;
    if (extendsRow || extendsCol) run[1] = at;
    else runs.push([at, at]);
  }
  return `SUM(${runs.map(([a, b]) => rangeOf(a, b)).join(',')})`;
}

/**
 * The cells a `SUM(…)` formula adds (ranges expanded), or undefined when the formula is
 * anything else. Used to tell a total's own formula from one a clerk changed.
 */
export function cellsOfSum(formula: string): Set<string> | undefined {
  const m = /^=?\s*SUM\s*\(([^()]*)\)\s*$/i.exec(formula.trim());
  if (!m) return undefined;
  const out = new Set<string>();
  for (const part of m[1]!.split(/[,;]/)) {
    const [a, b] = part.split(':').map((s) => parseAddress(s));
    if (!a || (part.includes(':') && !b)) return undefined;
    const to = b ?? a;
    for (let r = Math.min(a.row, to.row); r <= Math.max(a.row, to.row); r++) {
      for (let c = Math.min(a.col, to.col); c <= Math.max(a.col, to.col); c++) out.add(addressOf({ row: r, col: c }));
    }
  }
  return out;
}
