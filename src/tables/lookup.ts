/** Looking up a table value by the path a prose reference names. */

import { SINGLE, type TableValues } from './cells.js';
import { dataRows, findRow, type RowDef, type TableDef } from './definitions.js';

/**
 * The value a prose reference names: `requests.new.total`, `requests.results.withheld.total`
 * (a group adds up its rows), `active.fees`. Undefined when the path names nothing.
 */
export function tableValueAt(defs: readonly TableDef[], tables: ReadonlyMap<string, TableValues>, path: string): number | undefined {
  const [tableKey, ...rest] = path.split('.');
  const def = defs.find((d) => d.key === tableKey);
  const values = tables.get(tableKey ?? '');
  if (!def || !values || rest.length === 0) return undefined;
  const whole = findRow(def.rows, rest.join('.'));
  if (whole && !whole.rows && whole.single) return values.get(whole.path)?.get(SINGLE);
  const col = rest[rest.length - 1]!;
  const row = findRow(def.rows, rest.slice(0, -1).join('.'));
  if (!row || !def.columns.some((c) => c.key === col)) return undefined;
  const paths = row.rows ? dataRows(row.rows).filter((r) => !r.sum).map((r) => r.path) : [row.path];
  let sum = 0;
  for (const p of paths) {
    const v = values.get(p)?.get(col);
    if (v === undefined) return undefined;
    sum += v;
  }
  return sum;
}

/** Every path a prose reference may name, for "did you mean" suggestions. */
export function tablePaths(defs: readonly TableDef[]): string[] {
  const out: string[] = [];
  const walk = (def: TableDef, rows: readonly RowDef[]) => {
    for (const row of rows) {
      if (row.single) out.push(`${def.key}.${row.path}`);
      else for (const c of row.columns) out.push(`${def.key}.${row.path}.${c}`);
      if (row.rows) {
        for (const c of def.columns) out.push(`${def.key}.${row.path}.${c.key}`);
        walk(def, row.rows);
      }
    }
  };
  for (const def of defs) walk(def, def.rows);
  return out;
}

/**
 * The parts of the quantity a path names: each column of its row but the totals (and runs of
 * neighbouring columns), and for a
 * group (（三）不予公开) each of its rows, whole and by column. A sentence that narrows the
 * quantity ("因涉及第三方合法权益不予公开1件") quotes one of these.
 */
export function partValues(defs: readonly TableDef[], tables: ReadonlyMap<string, TableValues>, path: string, only?: 'rows'): Set<number> {
  const out = new Set<number>();
  const [tableKey, ...rest] = path.split('.');
  const def = defs.find((d) => d.key === tableKey);
  const values = tables.get(tableKey ?? '');
  if (!def || !values || rest.length < 2) return out;
  const row = findRow(def.rows, rest.slice(0, -1).join('.'));
  if (!row) return out;
  const parts = def.columns.filter((c) => !c.sum).map((c) => c.key);
  const totals = def.columns.filter((c) => c.sum).map((c) => c.key);
  if (only === 'rows' && !row.rows) return out;
  const column = rest[rest.length - 1]!;
  for (const r of row.rows ? dataRows(row.rows) : [row]) {
    const cells = values.get(r.path);
    // Only the rows of a group, in the column named (a reason narrows to a row, not an applicant).
    if (only === 'rows') {
      if (cells?.get(column) !== undefined) out.add(cells.get(column)!);
      continue;
    }
    // Each column, and each run of neighbouring columns (法人或其他组织: 商业企业 … 其他).
    parts.forEach((_, i) => {
      let sum = 0;
      for (const c of parts.slice(i)) {
        const v = cells?.get(c);
        if (v === undefined) break;
        sum += v;
        out.add(sum);
      }
    });
    if (row.rows) for (const c of totals) if (cells?.get(c) !== undefined) out.add(cells.get(c)!);
  }
  return out;
}

/** The unit a path's value is counted in: the row's own (行政事业性收费: 万元), else 件. */
export function unitAt(defs: readonly TableDef[], path: string): string {
  const [tableKey, ...rest] = path.split('.');
  const def = defs.find((d) => d.key === tableKey);
  const row = def && (findRow(def.rows, rest.join('.')) ?? findRow(def.rows, rest.slice(0, -1).join('.')));
  return row?.amount ? (row.unit ?? '万元') : '件';
}
