/**
 * Rows of the national tables in copied text that kept no tabs: a row's label followed by its
 * numbers with spaces between them, or run together when the copy lost the cell boundaries
 * (一、本年新收政府信息公开申请数量1250030146). The first are rows to read; the second are
 * noted, never split by guess — only a single-value row's number is the whole run.
 */

import type { Loc } from './blocks.js';
import type { RowRecord } from './grid.js';
import { isFormatLabel, matchRow } from './national.js';
import type { TableDef } from '../tables/definitions.js';

/** What a line of copied text is to the national tables. */
export type TextRow =
  | { readonly kind: 'row'; readonly table: TableDef; readonly record: RowRecord }
  | { readonly kind: 'run-together'; readonly table: TableDef; readonly row: string; readonly label: string }
  | { readonly kind: 'label'; readonly table: TableDef; readonly record: RowRecord };

const TAIL = /[\d０-９,，.．\s\u3000]*$/;

/** Reads a line as a row of one of `defs`' tables: a row with numbers, a row run together, or a label of the table alone. */
export function textRow(defs: readonly TableDef[], text: string, loc: Loc): TextRow | undefined {
  const tail = TAIL.exec(text)?.[0] ?? '';
  const label = text.slice(0, text.length - tail.length).trim();
  if (!label) return undefined;
  const numbers = tail.trim() ? tail.trim().split(/[\s\u3000]+/) : [];
  for (const table of defs) {
    // A header or group label alone, or a row label alone on its line.
    if (numbers.length === 0) {
      if (isFormatLabel([table], label)) return { kind: 'label', table, record: { labels: [label], values: [], loc, source: text } };
      // A header line whose cells a space separated (行政复议 行政诉讼, as a copy from a PDF gives it).
      const cells = label.split(/[\s\u3000]+/);
      if (cells.length > 1 && cells.every((cell) => isFormatLabel([table], cell))) return { kind: 'label', table, record: { labels: cells, values: [], loc, source: text } };
      continue;
    }
    // The label as one, or as the cells a space separated (（三）不予公开 1.属于国家秘密).
    const parts = label.split(/[\s\u3000]+/);
    const labels = matchRow(table, [label]) ? [label] : parts;
    const leaf = matchRow(table, labels);
    if (!leaf) continue;
    const glued = numbers.length === 1 && /^\d{2,}$/.test(numbers[0]!.normalize('NFKC')) && !leaf.row.single;
    if (glued) return { kind: 'run-together', table, row: leaf.row.path, label };
    return { kind: 'row', table, record: { labels, values: numbers.map((raw) => ({ raw, headers: [] })), loc, source: text } };
  }
  return undefined;
}
