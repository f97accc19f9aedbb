/**
 * The tables of a report: read cell by cell as the profile defines them, totals computed when
 * omitted and checked when given, and the format's identities verified (spec §3.1, I1–I5, I7).
 */

import { isObj, type Obj } from './record.js';
import type { Diagnostic } from './diagnostics.js';
import { diagnosticAt, type SourceFile } from './source.js';
import { suggest } from './suggest.js';
import { dataRows, findRow, rowTitle, type ColumnDef, type RowDef, type TableDef } from './table-defs.js';
import { escapePointer, type SpanMap } from './yaml.js';

/** The key under which a single-value row keeps its value. */
export const SINGLE = '';

/** A table's values: row path → column key (or SINGLE) → number, totals included. */
export type TableValues = ReadonlyMap<string, ReadonlyMap<string, number>>;


interface Ctx {
  readonly source: SourceFile;
  readonly spans: SpanMap;
  readonly diagnostics: Diagnostic[];
}

/** Reads every table a profile defines from a report's `tables` mapping and checks it. */
export function readTables(
  value: unknown,
  defs: readonly TableDef[],
  spans: SpanMap,
  source: SourceFile,
): { tables: Map<string, TableValues>; diagnostics: Diagnostic[] } {
  const ctx: Ctx = { source, spans, diagnostics: [] };
  const tables = new Map<string, TableValues>();
  if (defs.length === 0) return { tables, diagnostics: [] };
  const doc = isObj(value) ? value : undefined;
  if (!doc) {
    const where = spans.get('/tables')?.start ?? spans.get('')?.start;
    ctx.diagnostics.push(diagnosticAt(source, where, 'NB5001', 'error', { table: defs.map((d) => d.title).join('、'), row: '', column: '' }, '/tables'));
    return { tables, diagnostics: ctx.diagnostics };
  }
  unknownKeys(ctx, doc, defs.map((d) => d.key), '/tables');
  for (const def of defs) {
    const pointer = `/tables/${def.key}`;
    if (!isObj(doc[def.key])) {
      if (doc[def.key] === undefined) {
        ctx.diagnostics.push(diagnosticAt(source, spans.get('/tables')?.keyStart, 'NB5001', 'error', { table: def.title, row: '', column: '' }, pointer));
      } else {
        ctx.diagnostics.push(diagnosticAt(source, spans.get(pointer)?.start, 'NB2101', 'error', { key: `tables.${def.key}`, expected: 'object', found: typeof doc[def.key] }, pointer));
      }
      continue;
    }
    tables.set(def.key, readTable(ctx, def, doc[def.key] as Obj, pointer));
  }
  return { tables, diagnostics: ctx.diagnostics };
}

function readTable(ctx: Ctx, def: TableDef, data: Obj, pointer: string): TableValues {
  const values = new Map<string, Map<string, number>>();
  const given = new Set<string>(); // `${row}|${col}` of cells the report wrote
  readGroup(ctx, def, def.rows, data, pointer, values, given);

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
  return values;
}

function readGroup(
  ctx: Ctx,
  def: TableDef,
  rows: readonly RowDef[],
  data: Obj,
  pointer: string,
  values: Map<string, Map<string, number>>,
  given: Set<string>,
): void {
  unknownKeys(ctx, data, rows.map((r) => r.key), pointer);
  for (const row of rows) {
    const rowPtr = `${pointer}/${escapePointer(row.key)}`;
    const value = data[row.key];
    if (row.rows) {
      if (isObj(value)) readGroup(ctx, def, row.rows, value, rowPtr, values, given);
      else missingOrWrong(ctx, def, row, value, rowPtr, pointer, 'object');
      continue;
    }
    if (value === undefined || value === null) {
      // A 总计 row may be left out: it is computed.
      if (!row.sum) missingOrWrong(ctx, def, row, value, rowPtr, pointer, row.single ? 'number' : 'object');
      continue;
    }
    if (row.single) {
      const v = readNumber(ctx, def, row, undefined, value, rowPtr);
      if (v !== undefined) {
        values.set(row.path, new Map([[SINGLE, v]]));
        given.add(`${row.path}|${SINGLE}`);
      }
      continue;
    }
    if (!isObj(value)) {
      missingOrWrong(ctx, def, row, value, rowPtr, pointer, 'object');
      continue;
    }
    const columns = columnsOf(def, row);
    unknownKeys(ctx, value, columns.map((c) => c.key), rowPtr);
    const rowValues = new Map<string, number>();
    for (const col of columns) {
      const cellPtr = `${rowPtr}/${escapePointer(col.key)}`;
      const v = value[col.key];
      if (v === undefined || v === null) {
        if (!col.sum) {
          const at = ctx.spans.get(cellPtr)?.start ?? ctx.spans.get(rowPtr)?.start;
          ctx.diagnostics.push(diagnosticAt(ctx.source, at, 'NB5001', 'error', { table: def.title, row: rowTitle(def, row.path), column: col.label }, cellPtr));
        }
        continue;
      }
      const n = readNumber(ctx, def, row, col, v, cellPtr);
      if (n !== undefined) {
        rowValues.set(col.key, n);
        given.add(`${row.path}|${col.key}`);
      }
    }
    values.set(row.path, rowValues);
  }
}

/** I4/I7: counts are whole numbers ≥ 0 (safe integers); amounts are decimals ≥ 0. */
function readNumber(ctx: Ctx, def: TableDef, row: RowDef, col: ColumnDef | undefined, value: unknown, pointer: string): number | undefined {
  const amount = row.amount || col?.amount === true;
  const signed = col?.signed === true;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (amount ? value >= 0 && value < 1e12 : Number.isSafeInteger(value) && (signed || value >= 0));
  if (ok) return value;
  ctx.diagnostics.push(
    diagnosticAt(ctx.source, ctx.spans.get(pointer)?.start, 'NB5002', 'error', {
      table: def.title,
      row: rowTitle(def, row.path),
      column: col?.label ?? '',
      found: typeof value === 'string' ? value : String(value),
      kind: amount ? 'amount' : signed ? 'signed' : 'count',
    }, pointer),
  );
  return undefined;
}

function missingOrWrong(ctx: Ctx, def: TableDef, row: RowDef, value: unknown, rowPtr: string, parentPtr: string, expected: string): void {
  if (value === undefined || value === null) {
    const at = ctx.spans.get(rowPtr)?.keyStart ?? ctx.spans.get(parentPtr)?.start;
    ctx.diagnostics.push(diagnosticAt(ctx.source, at, 'NB5001', 'error', { table: def.title, row: rowTitle(def, row.path), column: '' }, rowPtr));
  } else if (expected === 'number') {
    readNumber(ctx, def, row, undefined, value, rowPtr);
  } else {
    const found = Array.isArray(value) ? 'array' : typeof value;
    ctx.diagnostics.push(diagnosticAt(ctx.source, ctx.spans.get(rowPtr)?.start, 'NB2101', 'error', { key: rowPtr.split('/').slice(1).join('.'), expected, found }, rowPtr));
  }
}

function unknownKeys(ctx: Ctx, data: Obj, allowed: readonly string[], pointer: string): void {
  for (const key of Object.keys(data)) {
    if (allowed.includes(key)) continue;
    const suggestion = suggest(key, allowed);
    const keyPtr = `${pointer}/${escapePointer(key)}`;
    ctx.diagnostics.push(
      diagnosticAt(ctx.source, ctx.spans.get(keyPtr)?.keyStart, 'NB2102', 'error', { key, allowed: allowed.join(', '), ...(suggestion ? { suggestion } : {}) }, keyPtr),
    );
  }
}

function columnsOf(def: TableDef, row: RowDef): ColumnDef[] {
  return row.columns.map((k) => def.columns.find((c) => c.key === k)!).filter(Boolean);
}

function labelOf(def: TableDef, column: string): string {
  return def.columns.find((c) => c.key === column)?.label ?? column;
}

function describeSum(def: TableDef, paths: readonly string[], col: string, cell: (row: string, col: string) => number | undefined): string {
  return paths.map((p) => `${rowTitle(def, p)}（${cell(p, col)}）`).join(' + ');
}

function rowPointer(tablePointer: string, rowPath: string): string {
  return `${tablePointer}/${rowPath.split('.').map(escapePointer).join('/')}`;
}

function cellPointer(tablePointer: string, rowPath: string, col: string): string {
  return col === SINGLE ? rowPointer(tablePointer, rowPath) : `${rowPointer(tablePointer, rowPath)}/${escapePointer(col)}`;
}

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
