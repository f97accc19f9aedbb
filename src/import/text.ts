/**
 * Plain text copied from a report's page as blocks: a line a paragraph; lines whose cells are
 * separated by tabs (what a browser puts on the clipboard for a table) a table. A copy has lost
 * the merges of its tables' cells, so its tables are read by position.
 */

import { tidyText, type Block, type SourceCell } from './blocks.js';

/** Reads copied text into blocks, in reading order. Pure. */
export function textBlocks(text: string): Block[] {
  const out: Block[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let table: { rows: SourceCell[][]; lines: number[] } | undefined;
  const endTable = () => {
    if (table) out.push({ kind: 'table', rows: table.rows, rowLocs: table.lines.map((line) => ({ line })), loc: { line: table.lines[0]! }, copied: true });
    table = undefined;
  };
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.includes('\t') && raw.replace(/\t/g, '').trim()) {
      table ??= { rows: [], lines: [] };
      // Leading tabs are empty cells of merged columns; trailing ones are nothing.
      const cells = raw.replace(/\t+$/, '').split('\t').map((cell) => ({ text: tidyText(cell), rowspan: 1, colspan: 1 }));
      table.rows.push(cells);
      table.lines.push(line);
      return;
    }
    endTable();
    const tidy = tidyText(raw);
    if (tidy) out.push({ kind: 'text', text: tidy, loc: { line } });
  });
  endTable();
  return out;
}
