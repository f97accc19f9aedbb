/**
 * The national format's tables recognised in a source table: each row found by its official
 * label (spaces, bracket widths, quote styles and list marks aside), each value's column by the
 * header above it, or by position when a copy lost the headers' merges. Blank cells are 0 and
 * say so; a row or cell that cannot be read for certain is kept as a note, never guessed.
 */

import type { Loc, Unplaced } from './blocks.js';
import type { RowRecord, ValueCell } from './grid.js';
import { labelKey, readCell, withoutMark } from './labels.js';
import { dataRows, type ColumnDef, type RowDef, type TableDef } from '../tables/definitions.js';

/** A cell as imported: its value, and the placeholder it was written as when blank. */
export interface ImportedCell {
  readonly value: number;
  /** The cell was blank ('') or a placeholder such as '/': written 0 with a comment. */
  readonly blank?: string;
}

/** One table of the format as imported: cells by row path and column key ('' for a single-value row); notes by row path ('' after the table). */
export interface ImportedTable {
  readonly key: string;
  readonly cells: Map<string, Map<string, ImportedCell>>;
  readonly notes: Map<string, Unplaced[]>;
}

interface Leaf {
  readonly row: RowDef;
  readonly key: string;
  readonly words: string;
  /** The words of the groups around it (（三）不予公开 → 不予公开). */
  readonly groups: readonly string[];
}

/** The data rows of a table with what identifies them. */
function leavesOf(def: TableDef): Leaf[] {
  const out: Leaf[] = [];
  const walk = (rows: readonly RowDef[], groups: string[]) => {
    for (const row of rows) {
      if (row.rows) walk(row.rows, [...groups, withoutMark(row.label)]);
      else out.push({ row, key: labelKey(row.label), words: withoutMark(row.label), groups });
    }
  };
  walk(def.rows, []);
  return out;
}

/** Every label of a table (rows, groups, columns): lines of a copied table's header that are no text of the report. */
export function tableLabels(def: TableDef): Set<string> {
  const out = new Set(def.columns.map((c) => labelKey(c.label)));
  const walk = (rows: readonly RowDef[]) => rows.forEach((r) => (out.add(labelKey(r.label)), r.rows && walk(r.rows)));
  walk(def.rows);
  return out;
}

/** Header words the format prints that name no row or column of tables.yaml (blocks of table 二, the corner of 三, the halves of 四). */
const HEADER_WORDS = /^(信息内容|申请人情况|法人或其他组织|行政诉讼|本年处理决定数量|本年收费金额.*|第二十条第\(.\)项|\(本列数据的勾稽关系为.*)$/;

/** Whether a cell or line is a label the format prints in one of `defs`' tables (a header, a row's or a column's label). */
export function isFormatLabel(defs: readonly TableDef[], text: string): boolean {
  const key = labelKey(text);
  return HEADER_WORDS.test(key) || defs.some((def) => tableLabels(def).has(key));
}

/** The row a record's labels name, given the group the rows before it were in (a text copy names a group once). */
export function matchRow(def: TableDef, labels: readonly string[], group?: string): Leaf | undefined {
  const leaves = leavesOf(def);
  const given = labels.map(withoutMark);
  const context = [...given, ...(group ? [group] : [])];
  for (const label of [...labels].reverse()) {
    const key = labelKey(label);
    const words = withoutMark(label);
    const candidates = leaves.filter((l) => l.key === key || (words !== '' && l.words === words));
    if (candidates.length === 0) continue;
    // The same words in two groups (1.… under （三） and （四）): the group named beside it, or before it.
    const inContext = (l: Leaf) => l.groups.filter((g) => context.includes(g)).length;
    return [...candidates].sort((a, b) => inContext(b) - inContext(a))[0];
  }
  return undefined;
}

/** The group (its words) a record's labels name, to carry to the next rows of a text copy. */
export function groupOf(def: TableDef, labels: readonly string[]): string | undefined {
  const groups = new Set(leavesOf(def).flatMap((l) => l.groups));
  return labels.map(withoutMark).reverse().find((w) => groups.has(w));
}

const headerMatches = (header: string, label: string) => {
  const h = labelKey(header);
  const l = labelKey(label);
  return h === l || (h.startsWith(l) && l.length >= 4) || (l.startsWith(h) && h.length >= 4);
};

/** The columns of a row in the table's order, totals included. */
function columnsOfRow(def: TableDef, row: RowDef): ColumnDef[] {
  return def.columns.filter((c) => row.columns.includes(c.key));
}

/** A value's (row, column): from the record's row and the headers, or by position. */
function place(def: TableDef, leaf: Leaf | undefined, cell: ValueCell, index: number, count: number): { row: RowDef; column: string } | undefined {
  const row = leaf?.row ?? rowFromHeaders(def, cell.headers);
  if (!row) return undefined;
  if (row.single) return index === 0 ? { row, column: '' } : undefined;
  const columns = columnsOfRow(def, row);
  for (const header of cell.headers) {
    const column = columns.find((c) => headerMatches(header, c.label));
    if (column) return { row, column: column.key };
  }
  if (cell.headers.some((h) => columns.some((c) => headerMatches(h, c.label)))) return undefined;
  // No header names it: by position, when the count says which columns were written.
  const plain = columns.filter((c) => !c.sum);
  const list = count === columns.length ? columns : count === plain.length ? plain : undefined;
  const column = list?.[index];
  return column ? { row, column: column.key } : undefined;
}

/** A row named by a header above the value (table 四 has no row labels: 行政复议, 复议后起诉 head its blocks). */
function rowFromHeaders(def: TableDef, headers: readonly string[]): RowDef | undefined {
  const leaves = leavesOf(def);
  for (const header of headers) {
    const leaf = leaves.find((l) => l.key === labelKey(header));
    if (leaf) return leaf.row;
  }
  return undefined;
}

/**
 * Maps a source table's records onto `def`. Returns the table and how many values it placed
 * (0: this is not that table).
 */
export function mapTable(def: TableDef, records: readonly RowRecord[], into?: ImportedTable): { table: ImportedTable; placed: number; unknown: number } {
  const table: ImportedTable = into ?? { key: def.key, cells: new Map(), notes: new Map() };
  const note = (path: string, item: Unplaced) => table.notes.set(path, [...(table.notes.get(path) ?? []), item]);
  let placed = 0;
  let unknown = 0;
  let group: string | undefined;
  // Table 四 written without headers: one row of its values, by position.
  const byPosition = positionalRows(def);
  for (const record of records) {
    const leaf = record.labels.length ? matchRow(def, record.labels, group) : undefined;
    group = groupOf(def, record.labels) ?? (leaf ? group : undefined);
    if (record.values.length === 0) continue; // a header row
    if (record.labels.length && !leaf) {
      if (record.values.some((v) => readCell(v.raw).kind === 'number')) {
        unknown++;
        note('', { kind: 'row-unknown', detail: record.source, loc: record.loc });
      }
      continue;
    }
    if (leaf && table.cells.has(leaf.row.path)) {
      note(leaf.row.path, { kind: 'row-duplicate', detail: record.source, loc: record.loc });
      continue;
    }
    const found: { row: RowDef; column: string; cell: ValueCell }[] = [];
    record.values.forEach((cell, i) => {
      const at = place(def, leaf, cell, i, record.values.length) ?? (!leaf && byPosition ? byPosition(i, record.values.length) : undefined);
      if (at) found.push({ ...at, cell });
    });
    if (found.length === 0) {
      if (leaf) note(leaf.row.path, { kind: 'row-unknown', detail: record.source, loc: record.loc });
      continue;
    }
    for (const { row, column, cell } of found) {
      const reading = readCell(cell.raw);
      if (reading.kind === 'text') {
        note(row.path, { kind: 'cell-text', detail: `${column || row.label}: ${cell.raw}`, loc: record.loc });
        continue;
      }
      const cells = table.cells.get(row.path) ?? new Map<string, ImportedCell>();
      table.cells.set(row.path, cells);
      if (cells.has(column)) continue;
      cells.set(column, reading.kind === 'number' ? { value: reading.value } : { value: 0, blank: reading.raw });
      placed++;
    }
  }
  return { table, placed, unknown };
}

/** For a table whose rows have no labels (四): value i of a row of n, when n is rows × columns with or without totals. */
function positionalRows(def: TableDef): ((index: number, count: number) => { row: RowDef; column: string } | undefined) | undefined {
  const rows = dataRows(def.rows).filter((r) => !r.sum && !r.single);
  if (rows.length === 0) return undefined;
  const all = columnsOfRow(def, rows[0]!);
  const plain = all.filter((c) => !c.sum);
  return (index, count) => {
    const columns = count === rows.length * all.length ? all : count === rows.length * plain.length ? plain : undefined;
    if (!columns) return undefined;
    const row = rows[Math.floor(index / columns.length)];
    const column = columns[index % columns.length];
    return row && column ? { row, column: column.key } : undefined;
  };
}

/** A row of a text copy whose numbers ran together (一、本年新收…1250030146): its row, for the note's place. */
export function runTogetherRow(defs: readonly TableDef[], text: string): { table: string; row: string; loc?: Loc } | undefined {
  const key = labelKey(text);
  for (const def of defs) {
    for (const leaf of leavesOf(def)) {
      if (key.length > leaf.key.length + 1 && key.startsWith(leaf.key) && /^\d+$/.test(key.slice(leaf.key.length))) return { table: def.key, row: leaf.row.path };
    }
  }
  return undefined;
}
