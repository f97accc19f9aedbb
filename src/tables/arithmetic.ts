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

  /** A 总计 cell: computed when the report left it out, checked (NB5003) when it gave one. */
  const settle = (row: RowDef, col: ColumnDef, parts: (number | undefined)[], actual: number | undefined, describe: () => string) => {
    if (parts.some((p) => p === undefined)) return; // a part is missing: already reported
    const expected = parts.reduce<number>((a, b) => a + b!, 0);
    if (actual === undefined) values.get(row.path)!.set(col.key, expected);
    else if (actual !== expected) {
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
  for (const row of dataRows(def.rows)) {
    const rowValues = values.get(row.path);
    if (!rowValues) continue;
    for (const col of columnsOf(def, row)) {
      if (!col.sum) continue;
      const sum = col.sum;
      settle(row, col, sum.map((k) => rowValues.get(k)), rowValues.get(col.key), () => sum.map((k) => `${labelOf(def, k)} ${rowValues.get(k)}`).join(' + '));
    }
  }

  // I3: a 总计 row is the sum of the rows it names, in every column.
  for (const row of dataRows(def.rows)) {
    if (!row.sum) continue;
    const sum = row.sum;
    if (!values.has(row.path)) values.set(row.path, new Map());
    for (const col of columnsOf(def, row)) {
      const actual = given.has(`${row.path}|${col.key}`) ? values.get(row.path)!.get(col.key) : undefined;
      settle(row, col, sum.map((p) => cell(p, col.key)), actual, () => describeSum(def, sum, col.key, cell));
    }
  }

  // I1: identities that hold in every column. When a column the report wrote fails, the
  // computed 总计 column fails with it; saying so twice would only send the user looking.
  for (const identity of def.identities) {
    const { left, right } = identity;
    const balances = (col: string) => {
      const sum = (rows: readonly string[]) => rows.reduce((a, p) => a + (cell(p, col) ?? 0), 0);
      return sum(left) === sum(right);
    };
    const failing = def.columns.filter((c) => !c.sum && !balances(c.key)).length;
    for (const col of def.columns) {
      if (col.sum && failing > 0 && ![...left, ...right].some((p) => given.has(`${p}|${col.key}`))) continue;
      const l = left.map((p) => cell(p, col.key));
      const r = right.map((p) => cell(p, col.key));
      if ([...l, ...r].some((v) => v === undefined)) continue;
      const ls = l.reduce((a, b) => a! + b!, 0)!;
      const rs = r.reduce((a, b) => a! + b!, 0)!;
      if (ls === rs) continue;
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
