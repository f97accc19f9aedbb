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
  const caretIndex = Math.min(chars.length, [...line.slice(0, Math.max(0, column - 1)).replace(/\t/g, '  ')].length);
  // Cut long lines (narrative paragraphs, often thousands of characters on one line) to a
  // window that keeps the caret in view. Each character's width is measured once, and only
  // for characters near the caret, so the frame costs the same whatever the line's length.
  const width = (i: number) => stringWidth(chars[i]!);
  let start = caretIndex;
  let before = 0;
  while (start > 0 && before + width(start - 1) <= WINDOW / 2) before += width(--start);
  let end = start;
  let shownWidth = 0;
  while (end < chars.length && shownWidth + width(end) <= WINDOW) shownWidth += width(end++);
  const head = start > 0 ? '…' : '';
  const tail = end < chars.length ? '…' : '';
  const shown = head + chars.slice(start, end).join('') + tail;
  const caretAt = stringWidth(head) + before;
  const gutter = String(lineNumber);
  return [`  ${gutter} | ${shown}`, `  ${' '.repeat(gutter.length)} | ${' '.repeat(caretAt)}^`].join('\n');
}
