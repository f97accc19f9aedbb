/**
 * The sum of many reports' tables as one set of tables of the same format: every cell a
 * department writes is added up, and the totals (总计 columns and rows) are then settled by the
 * same arithmetic that checks a report, so that the summed tables satisfy every identity. Pure.
 */

import type { Diagnostic } from '../diagnostics.js';
import { sourceFromText } from '../source/source.js';
import { checkArithmetic } from '../tables/arithmetic.js';
import { columnsOf, SINGLE, type TableValues } from '../tables/cells.js';
import { dataRows, type TableDef } from '../tables/definitions.js';

/** The cells a report writes itself: every cell of a data row but the totals, which are computed. */
export function writtenCells(def: TableDef): { row: string; column: string; amount: boolean }[] {
  return dataRows(def.rows)
    .filter((row) => !row.sum)
    .flatMap((row) =>
      row.single ? [{ row: row.path, column: SINGLE, amount: row.amount }] : columnsOf(def, row).filter((c) => !c.sum).map((c) => ({ row: row.path, column: c.key, amount: row.amount || c.amount })),
    );
}

/** Decimal places of a number as JavaScript writes it (0.35 → 2). */
function decimals(value: number): number {
  const text = String(value);
  if (text.includes('e-')) return Number(text.split('e-')[1]) + (text.split('.')[1]?.split('e')[0]?.length ?? 0);
  return text.split('.')[1]?.length ?? 0;
}

/**
 * Adds up the tables of `reports` (each a report's values, totals included) for the tables
 * `defs` defines, then computes their totals and checks their identities. The diagnostics are
 * empty when every report added up; anything there means a report's tables did not.
 */
export function sumTables(defs: readonly TableDef[], reports: readonly ReadonlyMap<string, TableValues>[]): { tables: Map<string, TableValues>; diagnostics: Diagnostic[] } {
  const tables = new Map<string, TableValues>();
  const diagnostics: Diagnostic[] = [];
  const source = sourceFromText('summary', '');
  for (const def of defs) {
    const values = new Map<string, Map<string, number>>();
    const given = new Set<string>();
    for (const { row, column, amount } of writtenCells(def)) {
      let sum = 0;
      let places = 0;
      for (const report of reports) {
        const v = report.get(def.key)?.get(row)?.get(column) ?? 0;
        sum += v;
        places = Math.max(places, decimals(v));
      }
      // Amounts (万元) are decimals: the sum is exact to the places the reports wrote, not to a float's.
      if (amount) sum = Number(sum.toFixed(Math.min(places, 10)));
      if (!values.has(row)) values.set(row, new Map());
      values.get(row)!.set(column, sum);
      given.add(`${row}|${column}`);
    }
    checkArithmetic({ source, spans: new Map(), diagnostics }, def, `/tables/${def.key}`, values, given);
    tables.set(def.key, values);
  }
  return { tables, diagnostics };
}
