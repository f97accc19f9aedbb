/**
 * Reading the tables of a report cell by cell as the profile defines them: every cell there,
 * a whole number ≥ 0 (an amount: a decimal), no unknown row or column (spec §3.1, I4, I7); then
 * the arithmetic (arithmetic.ts).
 */

import { isObj, type Obj } from '../source/record.js';
import type { Diagnostic } from '../diagnostics.js';
import { diagnosticAt, type SourceFile } from '../source/source.js';
import { suggest } from '../checks/suggest.js';
import { readNumber as readTyped } from '../model/numbers.js';
import { checkArithmetic, type TableContext } from './arithmetic.js';
import { columnsOf, SINGLE, type TableValues } from './cells.js';
import { dataRows, rowTitle, type ColumnDef, type RowDef, type TableDef } from './definitions.js';
import { escapePointer, type SpanMap } from '../source/yaml.js';

type Ctx = TableContext;

/** Reads every table a profile defines from a report's `tables` mapping and checks it. */
export function readTables(
  value: unknown,
  defs: readonly TableDef[],
  spans: SpanMap,
  source: SourceFile,
  profile?: string,
): { tables: Map<string, TableValues>; diagnostics: Diagnostic[] } {
  const ctx: Ctx = { source, spans, diagnostics: [] };
  const tables = new Map<string, TableValues>();
  if (defs.length === 0) {
    // A profile without tables would drop them silently: say so instead.
    if (value === undefined) return { tables, diagnostics: [] };
    return { tables, diagnostics: [diagnosticAt(source, spans.get('/tables')?.keyStart, 'NB2109', 'error', { profile: profile ?? '' }, '/tables')] };
  }
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

  checkArithmetic(ctx, def, pointer, values, given);
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
      // A group written as one row (withheld: { natural: 1, … }): one message that lists its rows.
      const keys = isObj(value) ? Object.keys(value) : [];
      if (keys.length && keys.every((k) => def.columns.some((c) => c.key === k)) && !keys.some((k) => row.rows!.some((r) => r.key === k))) {
        const at = ctx.spans.get(rowPtr)?.keyStart ?? ctx.spans.get(rowPtr)?.start;
        ctx.diagnostics.push(diagnosticAt(ctx.source, at, 'NB5011', 'error', { table: def.title, row: row.label, rows: dataRows(row.rows).map((r) => `${r.key}（${r.label}）`).join('、') }, rowPtr));
        continue;
      }
      if (isObj(value)) readGroup(ctx, def, row.rows, value, rowPtr, values, given);
      else missingOrWrong(ctx, def, row, value, rowPtr, pointer, 'object');
      continue;
    }
    if (row.single && row.key in data && isBlank(value)) {
      // A blank cell of the published table stands for 0.
      values.set(row.path, new Map([[SINGLE, 0]]));
      given.add(`${row.path}|${SINGLE}`);
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
      // A cell written blank (`natural: ` or "—"), as published tables leave them, stands for 0;
      // a blank 总计 is computed. A cell left out altogether is a mistake (NB5001).
      if (col.key in value && isBlank(v) && !col.sum) {
        rowValues.set(col.key, 0);
        given.add(`${row.path}|${col.key}`);
        continue;
      }
      if (v === undefined || v === null || (col.sum && isBlank(v))) {
        // A cell of a 总计 row may be left out as well: it is computed (a workbook's formulas).
        if (!col.sum && !row.sum) {
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

/** A cell written blank: nothing after the key, an empty string, or a dash. */
function isBlank(value: unknown): boolean {
  return value === null || (typeof value === 'string' && /^\s*[-—–－/／]*\s*$/u.test(value));
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
  // A number typed as text (３２５６, 3,256): say how to write it, with its value.
  const typed = typeof value === 'string' && /^\s*(?:[0-9０-９]+|[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+)(?:[.．][0-9０-９]+)?\s*$/u.test(value) ? readTyped(value.trim().replace(/，/g, ',')) : undefined;
  ctx.diagnostics.push(
    diagnosticAt(ctx.source, ctx.spans.get(pointer)?.start, 'NB5002', 'error', {
      table: def.title,
      row: rowTitle(def, row.path),
      column: col?.label ?? '',
      found: typeof value === 'string' ? value : String(value),
      kind: amount ? 'amount' : signed ? 'signed' : 'count',
      ...(typed !== undefined ? { rewrite: typed } : {}),
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
