/**
 * A table's values copied as lines of numbers alone, under its header lines: text copied from a
 * PDF puts table 四's values row as `2 1 0 0 3 0 …`, or a number a line. Table 四 has no row
 * labels, so such a row is read by position when its count fills the table (3 rows × 5
 * columns, or × 4 without the totals); any other count is kept as a TODO at the table, never
 * as text of the report.
 */

import type { Loc, Unplaced } from './blocks.js';
import type { RowRecord } from './grid.js';
import { labelKey, readCell } from './labels.js';
import { isFormatLabel, tableLabels, type ImportedTable } from './national.js';
import { dataRows, type TableDef } from '../tables/definitions.js';

/** The values of a line that holds numbers (and blanks such as /) alone, or undefined. */
export function numberLine(text: string): string[] | undefined {
  const parts = text.trim().split(/[\s\u3000]+/).filter(Boolean);
  const readings = parts.map((p) => readCell(p).kind);
  return parts.length && !readings.includes('text') && readings.includes('number') ? parts : undefined;
}

/** The table of `defs` whose header `cells` are (each a label the format prints, most of them its own), or undefined. */
export function headerTable(defs: readonly TableDef[], cells: readonly string[]): TableDef | undefined {
  if (!cells.length || !cells.every((text) => isFormatLabel(defs, text))) return undefined;
  const own = (def: TableDef) => cells.filter((text) => tableLabels(def).has(labelKey(text))).length;
  return [...defs].sort((a, b) => own(b) - own(a))[0];
}

/** Whether `count` values fill a table by position: every plain row, with or without its total column. */
export function fillsByPosition(def: TableDef, count: number): boolean {
  const rows = dataRows(def.rows).filter((r) => !r.sum && !r.single);
  const columns = def.columns.filter((c) => rows[0]?.columns.includes(c.key));
  return rows.length > 0 && (count === rows.length * columns.length || count === rows.length * columns.filter((c) => !c.sum).length);
}

/** Lines of numbers alone collected after a table's header lines, until something else comes. */
export class ValueLines {
  /** The table whose header lines came last, while nothing else has come since. */
  header: TableDef | undefined;
  private run: { def: TableDef; raws: string[]; lines: { text: string; loc: Loc }[] } | undefined;

  constructor(
    private readonly into: (def: TableDef, records: readonly RowRecord[]) => void,
    private readonly tableOf: (def: TableDef) => ImportedTable,
  ) {}

  /** Takes a line of numbers alone under a header; false for any other line (which ends the run). */
  take(text: string, loc: Loc): boolean {
    const numbers = this.header ? numberLine(text) : undefined;
    if (!numbers || !this.header) return false;
    this.run ??= { def: this.header, raws: [], lines: [] };
    this.run.raws.push(...numbers);
    this.run.lines.push({ text, loc });
    return true;
  }

  /** Ends the run: its values into the table when they fill it, else each line a TODO at the table. */
  end(): void {
    const run = this.run;
    this.run = undefined;
    if (!run) return;
    this.header = undefined;
    if (fillsByPosition(run.def, run.raws.length)) {
      const record: RowRecord = { labels: [], values: run.raws.map((raw) => ({ raw, headers: [] })), loc: run.lines[0]!.loc, source: run.lines.map((l) => l.text).join(' ') };
      return this.into(run.def, [record]);
    }
    const table = this.tableOf(run.def);
    const notes: Unplaced[] = run.lines.map((l) => ({ kind: 'values-unfit', detail: l.text, loc: l.loc }));
    table.notes.set('', [...(table.notes.get('') ?? []), ...notes]);
  }
}
