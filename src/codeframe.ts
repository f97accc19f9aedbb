/**
 * A code frame: the offending line and a caret under the column.
 * Written here rather than taken from @babel/code-frame because the caret must account for
 * full-width (CJK) characters, which take two terminal cells.
 */

import stringWidth from 'string-width';

/** Display cells shown around the caret; a longer line is cut with an ellipsis. */
const WINDOW = 72;

/** The frame for `line` (its 1-based number) with a caret under `column`, without colour. */
export function codeFrame(line: string, lineNumber: number, column: number): string {
  const chars = [...line.replace(/\t/g, '  ')];
  const caretIndex = [...line.slice(0, Math.max(0, column - 1)).replace(/\t/g, '  ')].length;
  // Cut long lines (narrative paragraphs) to a window that keeps the caret in view.
  let start = 0;
  while (stringWidth(chars.slice(start, caretIndex).join('')) > WINDOW / 2) start++;
  let end = start;
  while (end < chars.length && stringWidth(chars.slice(start, end + 1).join('')) <= WINDOW) end++;
  const head = start > 0 ? '…' : '';
  const tail = end < chars.length ? '…' : '';
  const shown = head + chars.slice(start, end).join('') + tail;
  const caretAt = stringWidth(head + chars.slice(start, caretIndex).join(''));
  const gutter = String(lineNumber);
  return [`  ${gutter} | ${shown}`, `  ${' '.repeat(gutter.length)} | ${' '.repeat(caretAt)}^`].join('\n');
}
