/** A source table that is none of the format's: read as a section's own `table:` when its shape allows. */

import type { Block } from './blocks.js';
import type { GeneralTableOut } from './headings.js';
import { readCell } from './labels.js';

/** A table with one header row and no merged cells, as a section's `table:`; undefined for any other shape. */
export function plainTable(block: Extract<Block, { kind: 'table' }>): GeneralTableOut | undefined {
  const [head, ...rows] = block.rows;
  if (!head || rows.length === 0 || head.length < 2) return undefined;
  if (block.rows.some((row) => row.length !== head.length || row.some((c) => c.rowspan > 1 || c.colspan > 1))) return undefined;
  if (head.some((c) => c.text === '' || readCell(c.text).kind === 'number')) return undefined;
  const value = (text: string): string | number => (/^-?(0|[1-9]\d*)(\.\d+)?$/.test(text) ? Number(text) : text);
  const unit = /^(.*?)\s*单位[:：]\s*(\S+)$/.exec(block.caption ?? '');
  return {
    ...(unit?.[1] ? { title: unit[1] } : block.caption && !unit ? { title: block.caption } : {}),
    ...(unit ? { unit: unit[2]! } : {}),
    columns: head.map((c) => c.text),
    rows: rows.map((row) => row.map((c, i) => (i === 0 ? c.text : value(c.text)))),
  };
}
