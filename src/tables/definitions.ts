/** Table definitions of a profile (tables.yaml): rows, columns, totals and identities, as data. */

import { isObj } from '../source/record.js';

/** A column: its key in report files, its label in the format, and whether it is a total. */
export interface ColumnDef {
  readonly key: string;
  readonly label: string;
  /** Keys of the columns this 总计 column adds up. */
  readonly sum?: readonly string[];
  /** Decimal amount (万元) instead of a count. */
  readonly amount: boolean;
  /** May be negative (本年增/减). */
  readonly signed: boolean;
}

/** A row, or a group of rows (which holds no values of its own). */
export interface RowDef {
  readonly key: string;
  /** Dotted path from the table, e.g. `results.withheld.state_secret`. */
  readonly path: string;
  readonly label: string;
  /** Sub-rows of a group; undefined for a data row. */
  readonly rows?: readonly RowDef[];
  /** Column keys of a data row; empty for a single-value row. */
  readonly columns: readonly string[];
  readonly single: boolean;
  readonly amount: boolean;
  readonly unit?: string;
  /** Paths of the data rows this 总计 row adds up (groups already expanded). */
  readonly sum?: readonly string[];
}

/** An identity that must hold in every column: the sum of `left` rows equals that of `right` (data-row paths, groups already expanded). */
export interface IdentityDef {
  readonly label: string;
  readonly left: readonly string[];
  readonly right: readonly string[];
}

/** One table of a format. */
export interface TableDef {
  readonly key: string;
  readonly title: string;
  readonly columns: readonly ColumnDef[];
  readonly rows: readonly RowDef[];
  readonly identities: readonly IdentityDef[];
}

/** A broken tables.yaml (a profile author's mistake, reported with the profile). */
export class TableDefError extends Error {}


/** Reads the `tables.yaml` document of a profile. */
export function parseTableDefs(value: unknown): TableDef[] {
  if (value === null || value === undefined) return [];
  if (!isObj(value)) throw new TableDefError('tables.yaml must map table keys to tables');
  return Object.entries(value).map(([key, t]) => parseTable(key, t));
}

function parseTable(key: string, value: unknown): TableDef {
  if (!isObj(value) || !isObj(value.rows)) throw new TableDefError(`table ${key} needs rows`);
  const columns = Object.entries(isObj(value.columns) ? value.columns : {}).map(([k, c]) => parseColumn(k, c));
  const columnKeys = columns.map((c) => c.key);
  const rows = parseRows(value.rows, '', columnKeys);
  const expand = (ref: string, where: string): string[] => {
    const row = findRow(rows, ref);
    if (!row) throw new TableDefError(`table ${key}: ${where} names unknown row ${ref}`);
    return row.rows ? dataRows(row.rows).map((r) => r.path) : [row.path];
  };
  // Resolve row sums (given as sibling keys, groups allowed) to data-row paths.
  const resolve = (list: readonly RowDef[], parentPath: string): RowDef[] =>
    list.map((row) => {
      if (row.rows) return { ...row, rows: resolve(row.rows, row.path) };
      if (!row.sum) return row;
      const sum = row.sum.flatMap((ref) => expand(parentPath ? `${parentPath}.${ref}` : ref, row.path));
      return { ...row, sum };
    });
  const resolved = resolve(rows, '');
  for (const c of columns) for (const part of c.sum ?? []) if (!columnKeys.includes(part)) throw new TableDefError(`table ${key}: column ${c.key} sums unknown column ${part}`);
  const identities = (Array.isArray(value.identities) ? value.identities : []).map((item, i): IdentityDef => {
    const id = isObj(item) ? item : {};
    const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
    const side = (v: unknown) => list(v).flatMap((ref) => expand(ref, `identity ${i + 1}`));
    return { label: String(id.label ?? ''), left: side(id.left), right: side(id.right) };
  });
  return { key, title: String(value.title ?? key), columns, rows: resolved, identities };
}

function parseColumn(key: string, value: unknown): ColumnDef {
  if (typeof value === 'string') return { key, label: value, amount: false, signed: false };
  if (!isObj(value) || typeof value.label !== 'string') throw new TableDefError(`column ${key} needs a label`);
  return {
    key,
    label: value.label,
    ...(Array.isArray(value.sum) ? { sum: value.sum.map(String) } : {}),
    amount: value.amount === true,
    signed: value.signed === true,
  };
}

function parseRows(value: unknown, parentPath: string, tableColumns: readonly string[]): RowDef[] {
  if (!isObj(value)) throw new TableDefError(`rows of ${parentPath || 'a table'} must be a mapping`);
  return Object.entries(value).map(([key, v]): RowDef => {
    const path = parentPath ? `${parentPath}.${key}` : key;
    if (typeof v === 'string') return { key, path, label: v, columns: tableColumns, single: false, amount: false };
    if (!isObj(v) || typeof v.label !== 'string') throw new TableDefError(`row ${path} needs a label`);
    const single = v.single === true;
    return {
      key,
      path,
      label: v.label,
      ...(v.rows !== undefined ? { rows: parseRows(v.rows, path, tableColumns) } : {}),
      columns: single ? [] : Array.isArray(v.columns) ? v.columns.map(String) : tableColumns,
      single,
      amount: v.amount === true,
      ...(typeof v.unit === 'string' ? { unit: v.unit } : {}),
      ...(Array.isArray(v.sum) ? { sum: v.sum.map(String) } : {}),
    };
  });
}

/** The rows that hold values (not groups), in order. */
export function dataRows(rows: readonly RowDef[]): RowDef[] {
  return rows.flatMap((r) => (r.rows ? dataRows(r.rows) : [r]));
}

/** Finds a row or group by dotted path. */
export function findRow(rows: readonly RowDef[], path: string): RowDef | undefined {
  const [head, ...rest] = path.split('.');
  const row = rows.find((r) => r.key === head);
  if (!row || rest.length === 0) return row;
  return row.rows ? findRow(row.rows, rest.join('.')) : undefined;
}

/** The label of a row with its group's, e.g. `（三）不予公开 1.属于国家秘密`. */
export function rowTitle(table: TableDef, path: string): string {
  const parts = path.split('.');
  const labels: string[] = [];
  for (let i = 1; i <= parts.length; i++) {
    const row = findRow(table.rows, parts.slice(0, i).join('.'));
    if (row) labels.push(row.label);
  }
  // The outermost group (三、本年度办理结果) adds nothing a reader needs once a row inside it is named.
  return (labels.length > 1 ? labels.slice(1) : labels).join('／');
}
