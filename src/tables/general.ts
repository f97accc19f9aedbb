/**
 * A section's own table (`table:` under a heading): the appended 统计表 of older reports, or any
 * table in the text. Rows and columns with their labels; an optional total row and total column
 * computed when absent and checked when given (NB5003). Pure.
 */

import type { Diagnostic } from '../diagnostics.js';
import { readNumber } from '../model/numbers.js';
import { isObj } from '../source/record.js';
import { diagnosticAt, type SourceFile } from '../source/source.js';
import type { SpanMap } from '../source/yaml.js';

/** One row: its label, its cells as printed, and whether it is the total row. */
export interface GeneralRow {
  readonly label: string;
  readonly cells: readonly string[];
  readonly total: boolean;
}

/** A section's table, ready to print. */
export interface GeneralTable {
  readonly title?: string;
  readonly unit?: string;
  readonly note?: string;
  /** Header labels; the first heads the column of row labels. */
  readonly columns: readonly string[];
  readonly rows: readonly GeneralRow[];
  /** The last column is a total column. */
  readonly totalColumn: boolean;
}

type Cell = number | string;

/** The label of a total row or column. */
const TOTAL = /^(?:合\s*计|总\s*计|共\s*计|总数)(?:数)?[:：]?\s*(?:[（(][^）)]*[）)])?$/u;
/** A cell typed as text that is a number: 4,312, ４３１２, 12.5. */
const NUMERIC = /^\s*[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?\s*$/u;

/** Cells that stand for nothing (blank, a dash): they add nothing and do not make a column text. */
const EMPTY = /^\s*(?:[-—–－/／]+|无)?\s*$/u;

/** Reads the `table` of a section (one table or a list of them) at `pointer`. */
export function readGeneralTables(value: unknown, pointer: string, heading: string, spans: SpanMap, source: SourceFile): { tables: GeneralTable[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (value === undefined) return { tables: [], diagnostics };
  const items = Array.isArray(value) ? value.map((v, i) => [v, `${pointer}/${i}`] as const) : [[value, pointer] as const];
  const tables = items.flatMap(([item, at]) => {
    const table = isObj(item) ? readOne(item, at, heading, spans, source, diagnostics) : undefined;
    return table ? [table] : [];
  });
  return { tables, diagnostics };
}

function readOne(t: Record<string, unknown>, pointer: string, heading: string, spans: SpanMap, source: SourceFile, diagnostics: Diagnostic[]): GeneralTable | undefined {
  // Shapes are the schema's to report; a table it rejected is left out.
  if (!Array.isArray(t.columns) || !Array.isArray(t.rows) || !t.rows.every(Array.isArray)) return undefined;
  const name = typeof t.title === 'string' ? t.title : heading;
  const columns = t.columns.map(String);
  // A number typed as text ("4,312", full-width ４３１２) counts as that number.
  const rows = (t.rows as Cell[][]).map((cells) => cells.map((c, i) => (typeof c === 'number' ? c : i > 0 && NUMERIC.test(String(c ?? '')) ? readNumber(String(c).trim()) ?? String(c) : String(c ?? ''))));
  const at = (p: string) => spans.get(p)?.start ?? spans.get(pointer)?.start;

  // Every row has one cell per column.
  let fits = true;
  rows.forEach((cells, r) => {
    if (cells.length === columns.length) return;
    fits = false;
    diagnostics.push(diagnosticAt(source, at(`${pointer}/rows/${r}`), 'NB5009', 'error', { table: name, row: String(cells[0] ?? r + 1), cells: cells.length, columns: columns.length }, `${pointer}/rows/${r}`));
  });
  if (!fits) return undefined;

  // A total the report gives (the last column or row carries the total's label, or 合计, 总计 …)
  // is checked; one it asks for and does not give is added.
  const lastColumn = columns[columns.length - 1]!;
  const lastRow = String(rows[rows.length - 1]?.[0] ?? '').trim();
  // A last column headed 合计 or 总数 totals the row only when it has two or more numbers to add.
  const numbersBefore = (c: number) => rows.every((cells) => typeof cells[c] === 'number' || EMPTY.test(String(cells[c])));
  const givenColumn = lastColumn === t.total_column || (columns.length > 3 && TOTAL.test(lastColumn) && [...Array(columns.length - 2).keys()].filter((i) => numbersBefore(i + 1)).length >= 2);
  const givenRow = lastRow === t.total_row || (rows.length > 1 && TOTAL.test(lastRow));
  const totalColumnLabel = typeof t.total_column === 'string' ? t.total_column : givenColumn ? lastColumn : undefined;
  const totalRowLabel = typeof t.total_row === 'string' ? (givenRow ? lastRow : t.total_row) : givenRow ? lastRow : undefined;
  const partColumns = columns.length - (givenColumn ? 1 : 0);
  const partRows = rows.length - (givenRow ? 1 : 0);
  // Rows that are parts of the whole: not a given total, not an "of which" (其中) row.
  // …and not a subtotal (县直部门小计), whose rows are counted already.
  const counted = (r: number) => r < partRows && !/^\s*[（(]?\s*其中/u.test(String(rows[r]![0])) && !/小计\s*$/u.test(String(rows[r]![0]));
  // A column of shares, rates or changes (占比, %, 增减幅度 …) does not add up.
  const additive = (c: number) => !/%|％|占比|比例|比重|率|增减|幅度|平均|同比|环比/u.test(columns[c] ?? '');
  const numeric = (c: number) => additive(c) && rows.slice(0, partRows).every((cells) => typeof cells[c] === 'number' || EMPTY.test(String(cells[c])));
  const valueAt = (cells: readonly Cell[], c: number) => (typeof cells[c] === 'number' ? (cells[c] as number) : 0);
  const check = (given: Cell | undefined, expected: number, parts: string, p: string, row: string, column: string) => {
    if (typeof given === 'number' && !sameAmount(given, expected)) {
      diagnostics.push(diagnosticAt(source, at(p), 'NB5003', 'error', { table: name, row, column, given, expected: format(expected), parts }, p));
    }
  };

  const numericColumns = [...Array(partColumns).keys()].filter((c) => c > 0 && numeric(c));
  // The total column: each row's numeric cells.
  const out: Cell[][] = rows.map((cells, r) => {
    if (totalColumnLabel === undefined) return cells;
    const sum = add(numericColumns.map((c) => valueAt(cells, c)));
    if (givenColumn) {
      check(cells[columns.length - 1], sum, numericColumns.map((c) => `${columns[c]}（${format(valueAt(cells, c))}）`).join(' + '), `${pointer}/rows/${r}/${columns.length - 1}`, String(cells[0]), totalColumnLabel);
      return cells;
    }
    return [...cells, sum];
  });
  const allColumns = givenColumn || totalColumnLabel === undefined ? columns : [...columns, totalColumnLabel];
  // The total row: each numeric column's parts (and the total column's).
  if (totalRowLabel !== undefined) {
    const summed = [...numericColumns, ...(totalColumnLabel !== undefined ? [allColumns.length - 1] : [])];
    const parts = out.filter((_, r) => counted(r));
    const totals = allColumns.map((_, c) => (summed.includes(c) ? add(parts.map((cells) => valueAt(cells, c))) : undefined));
    const described = (c: number) => parts.map((cells) => `${String(cells[0])}（${format(valueAt(cells, c))}）`).join(' + ');
    if (givenRow) {
      const last = out[out.length - 1]!;
      // Rows after a 其中 row may belong to it without saying so (其中：涉及国家秘密 / 涉及商业秘密 …):
      // a total that leaves out such a run is right too.
      const alternatives = (c: number) => {
        // An outline (一、… with 1.… under it): the top-level rows alone.
        const top = out.slice(0, partRows).filter((cells) => /^\s*[一二三四五六七八九十]+、/u.test(String(cells[0])));
        const sums: number[] = top.length >= 2 ? [add(top.map((cells) => valueAt(cells, c)))] : [];
        out.forEach((cells, i) => {
          if (i >= partRows || !/^\s*[（(]?\s*其中/u.test(String(cells[0]))) return;
          let without = totals[c] ?? 0;
          for (let j = i + 1; j < partRows && counted(j); j++) sums.push((without = add([without, -valueAt(out[j]!, c)])));
        });
        return sums;
      };
      totals.forEach((expected, c) => expected !== undefined && c < columns.length && !alternatives(c).some((a) => typeof last[c] === 'number' && sameAmount(a, last[c] as number)) && check(last[c], expected, described(c), `${pointer}/rows/${rows.length - 1}/${c}`, totalRowLabel, allColumns[c]!));
    } else if (!rows.some((cells) => TOTAL.test(String(cells[0]).trim()))) {
      // Added only when no row is a total already (a 合计 typed elsewhere is not added twice).
      out.push([totalRowLabel, ...totals.slice(1).map((v) => (v === undefined ? '' : v))]);
    }
  }
  return {
    ...(typeof t.title === 'string' ? { title: t.title } : {}),
    ...(typeof t.unit === 'string' ? { unit: t.unit } : {}),
    ...(typeof t.note === 'string' ? { note: t.note } : {}),
    columns: allColumns,
    rows: out.map((cells, r) => ({
      label: String(cells[0]),
      cells: cells.slice(1).map((c) => (typeof c === 'number' ? format(c) : c)),
      total: totalRowLabel !== undefined && r === out.length - 1,
    })),
    totalColumn: totalColumnLabel !== undefined,
  };
}

/** A sum of amounts without binary noise (0.1 + 0.2 → 0.3). */
function add(values: readonly number[]): number {
  return Math.round(values.reduce((a, b) => a + b, 0) * 1e6) / 1e6;
}

function sameAmount(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-6;
}

function format(value: number): string {
  return String(value);
}
