/**
 * A table's arithmetic (spec §3.1): 总计 cells computed when omitted and checked when given
 * (I2 row totals, I3 total rows), and the format's identities in every column (I1).
 */

import type { Diagnostic } from '../diagnostics.js';
import { diagnosticAt, type SourceFile } from '../source/source.js';
import type { SpanMap } from '../source/yaml.js';
import { cellPointer, columnsOf, describeSum, labelOf, rowPointer } from './cells.js';
import { dataRows, rowTitle, type ColumnDef, type RowDef, type TableDef } from './definitions.js';

/** Where a table's diagnostics go. */
export interface TableContext {
  readonly source: SourceFile;
  readonly spans: SpanMap;
  readonly diagnostics: Diagnostic[];
}

/**
 * Settles the totals of one table whose cells have been read into `values` (`given` holds the
 * `row|column` of the cells the report wrote), and checks its identities.
 */
export function checkArithmetic(ctx: TableContext, def: TableDef, pointer: string, values: Map<string, Map<string, number>>, given: ReadonlySet<string>): void {
  const cell = (row: string, col: string) => values.get(row)?.get(col);
  const where = (row: string, col: string): number | undefined => {
    const p = cellPointer(pointer, row, col);
    return ctx.spans.get(p)?.start ?? ctx.spans.get(rowPointer(pointer, row))?.start ?? ctx.spans.get(pointer)?.start;
  };

  /**
   * A 总计 cell: computed when the report left it out, checked (NB5003) when it gave one. A
   * wrong one is said once and then counts at its right value, so that what is checked after it
   * (the identities) reports causes, not this consequence again.
   */
  const reported = new Set<string>();
  /** The values the report gave for totals found wrong: an identity that holds with them is no new finding. */
  const asGiven = new Map<string, number>();
  const settle = (row: RowDef, col: ColumnDef, parts: (number | undefined)[], actual: number | undefined, describe: () => string) => {
    if (parts.some((p) => p === undefined)) return; // a part is missing: already reported
    const expected = parts.reduce<number>((a, b) => a + b!, 0);
    if (actual === undefined) values.get(row.path)!.set(col.key, expected);
    else if (actual !== expected) {
      values.get(row.path)!.set(col.key, expected);
      if (!asGiven.has(`${row.path}|${col.key}`)) asGiven.set(`${row.path}|${col.key}`, actual);
      if (reported.has(`${row.path}|${col.key}`)) return;
      reported.add(`${row.path}|${col.key}`);
      ctx.diagnostics.push(
        diagnosticAt(ctx.source, where(row.path, col.key), 'NB5003', 'error', {
          table: def.title,
          row: rowTitle(def, row.path),
          column: col.label,
          given: actual,
          expected,
          parts: describe(),
        }, cellPointer(pointer, row.path, col.key)),
      );
    }
  };

  // I2: a row's 总计 column is the sum of its other columns.
  const rowTotals = (row: RowDef) => {
    const rowValues = values.get(row.path);
    if (!rowValues) return;
    for (const col of columnsOf(def, row)) {
      if (!col.sum) continue;
      const sum = col.sum;
      settle(row, col, sum.map((k) => rowValues.get(k)), rowValues.get(col.key), () => sum.map((k) => `${labelOf(def, k)} ${rowValues.get(k)}`).join(' + '));
    }
  };
  for (const row of dataRows(def.rows)) if (!row.sum) rowTotals(row);

  // I3: a 总计 row is the sum of the rows it names, in every column (its own 总计 column last:
  // the rows' totals are settled, and a wrong cell of the 总计 row is said as that cell's error).
  for (const row of dataRows(def.rows)) {
    if (!row.sum) continue;
    const sum = row.sum;
    if (!values.has(row.path)) values.set(row.path, new Map());
    for (const col of columnsOf(def, row)) {
      const actual = given.has(`${row.path}|${col.key}`) ? values.get(row.path)!.get(col.key) : undefined;
      settle(row, col, sum.map((p) => cell(p, col.key)), actual, () => describeSum(def, sum, col.key, cell));
    }
    rowTotals(row);
  }

  // I1: identities that hold in every column. When a column the report wrote fails, the
  // computed 总计 column fails with it; saying so twice would only send the user looking.
  for (const identity of def.identities) {
    const { left, right } = identity;
    // With the totals as computed, or as the report gave them: a wrong total already has its
    // NB5003, and rows that agree with the report's own total point at one row, said there.
    const balances = (col: string) => {
      const sum = (rows: readonly string[], given: boolean) => rows.reduce((a, p) => a + ((given ? asGiven.get(`${p}|${col}`) : undefined) ?? cell(p, col) ?? 0), 0);
      return sum(left, false) === sum(right, false) || sum(left, true) === sum(right, true);
    };
    const failing = def.columns.filter((c) => !c.sum && !balances(c.key)).length;
    for (const col of def.columns) {
      if (col.sum && failing > 0 && ![...left, ...right].some((p) => given.has(`${p}|${col.key}`))) continue;
      const l = left.map((p) => cell(p, col.key));
      const r = right.map((p) => cell(p, col.key));
      if ([...l, ...r].some((v) => v === undefined)) continue;
      const ls = l.reduce((a, b) => a! + b!, 0)!;
      const rs = r.reduce((a, b) => a! + b!, 0)!;
      if (balances(col.key)) continue;
      const at = [...left, ...right].find((p) => given.has(`${p}|${col.key}`)) ?? left[0]!;
      ctx.diagnostics.push(
        diagnosticAt(ctx.source, where(at, col.key), 'NB5004', 'error', {
          table: def.title,
          column: col.label,
          identity: identity.label,
          left: `${describeSum(def, left, col.key, cell)} = ${ls}`,
          right: `${describeSum(def, right, col.key, cell)} = ${rs}`,
        }, cellPointer(pointer, at, col.key)),
      );
    }
  }
}
