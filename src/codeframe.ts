/**
 * A code frame: the offending line and a caret under the column.
 * Written here rather than taken from @babel/code-frame because the caret must account for
 * full-width (CJK) characters, which take two terminal cells.
 */

import stringWidth from 'string-width';

/** The frame for `line` (its 1-based number) with a caret under `column`, without colour. */
export function codeFrame(line: string, lineNumber: number, column: number): string {
  const show = (text: string) => text.replace(/\t/g, '  ');
  const gutter = String(lineNumber);
  const caretAt = stringWidth(show(line.slice(0, Math.max(0, column - 1))));
  return [`  ${gutter} | ${show(line)}`, `  ${' '.repeat(gutter.length)} | ${' '.repeat(caretAt)}^`].join('\n');
}
