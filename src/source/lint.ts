/**
 * Mistakes a Chinese keyboard (or a paste) makes that YAML reports late or in the wrong words:
 * a full-width colon after a key (`year： 2025`), full-width spaces in the indentation, a
 * paragraph pasted into a `|` block without its indentation. Found line by line in the raw
 * text, at the character to fix.
 */

import type { Diagnostic } from '../diagnostics.js';
import { diagnosticAt, lineText, type SourceFile } from './source.js';

const FULL_WIDTH_COLON = /^([ \t\u3000]*(?:-[ \t\u3000]+)?[A-Za-z_][A-Za-z0-9_]*[ \t]*)：/;
const FULL_WIDTH_INDENT = /^([ \t]*)\u3000+[ \t\u3000]*(?:-[ \t]|[A-Za-z_][A-Za-z0-9_]*[ \t]*[:：])/;
/**
 * A line YAML reads as structure: a key (a report's keys are all ASCII names; a full-width
 * colon after one is NB2006's business), a list item, a comment, a document marker.
 */
const STRUCTURE = /^(?:-(?:[ \t]|$)|#|---|\.\.\.|[A-Za-z_][\w.-]*[ \t]*[:：](?:[ \t]|$)|["'].*["'][ \t]*:(?:[ \t]|$))/;

/** Diagnostics for keyboard slips in the structure (never in the text of a paragraph). */
export function lintSource(source: SourceFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Indentation of the key that opened a block scalar (`text: |`); its deeper lines are text,
  // indented like its first one.
  let blockIndent = -1;
  let textIndent = -1;
  source.lineStarts.forEach((start, i) => {
    const line = lineText(source, i + 1);
    const indent = /^[ \t]*/.exec(line)![0].length;
    if (blockIndent >= 0) {
      if (line.trim() === '') return;
      if (textIndent < 0 && indent > blockIndent) textIndent = indent;
      if (indent >= textIndent && textIndent >= 0) return;
      // Text right after the block, indented less than the block's first line: a paragraph
      // pasted without its indentation (YAML reports it a line or more later, in words about keys).
      if (textIndent >= 0 && !STRUCTURE.test(line.trimStart())) out.push(diagnosticAt(source, start + indent, 'NB2008', 'error', { indent: textIndent }));
      blockIndent = -1;
      textIndent = -1;
    }
    if (/:[ \t]*[|>][0-9+-]*[ \t]*(#.*)?$/.test(line)) blockIndent = indent;
    const wide = FULL_WIDTH_INDENT.exec(line);
    if (wide) out.push(diagnosticAt(source, start + wide[1]!.length, 'NB2007', 'error'));
    const colon = FULL_WIDTH_COLON.exec(line);
    if (colon) out.push(diagnosticAt(source, start + colon[1]!.length, 'NB2006', 'error'));
  });
  return out;
}
