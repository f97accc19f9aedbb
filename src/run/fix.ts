/**
 * `nianbao fix`: rewrites what can be rewritten without a person's judgement. Today, the
 * half-width punctuation between Chinese characters (NB6015) to full-width, in place: nothing
 * else of the file changes (comments, layout, line ends, a BOM stay). With `dryRun`, the changed
 * lines are shown instead, as a diff.
 */

import { checkPunctuation, sourceMarks } from '../checks/punctuation.js';
import { applySuppressions } from '../checks/suppress.js';
import type { Diagnostic } from '../diagnostics.js';
import { lineText, positionAt } from '../source/source.js';
import { readInput } from '../source/read.js';
import { writeAtomic } from './write.js';

/** What fixing one file did. */
export interface FixResult {
  readonly file: string;
  /** Marks rewritten (or, on a dry run, to rewrite). */
  readonly fixed: number;
  /** The changed lines, `-` before and `+` after, with line numbers (dry run). */
  readonly diff: string;
  /** Why the file could not be fixed (unreadable, not UTF-8, not YAML). */
  readonly diagnostics: readonly Diagnostic[];
}

/** Fixes one file (or, with `dryRun`, says what it would change); never throws for bad input. */
export async function fixFile(path: string, options: { dryRun?: boolean } = {}): Promise<FixResult> {
  const input = readInput(path);
  const { source, parsed } = input;
  // A file that is not UTF-8 is not rewritten: its warning says how to save it as UTF-8 first.
  const notUtf8 = input.diagnostics.filter((d) => d.code === 'NB1005');
  if (!source || !parsed || notUtf8.length) return { file: path, fixed: 0, diff: '', diagnostics: input.diagnostics.length ? input.diagnostics : notUtf8 };
  // A text whose NB6015 the file accepts (# nianbao-disable-line NB6015 reason) is left as it is.
  const accepted = new Set(applySuppressions(source, parsed, checkPunctuation(source, parsed)).filter((d) => d.suppressed !== undefined).map((d) => d.path));
  const marks = sourceMarks(source, parsed)
    .filter((v) => !accepted.has(v.pointer))
    .flatMap((v) => v.marks)
    .sort((a, b) => a.offset - b.offset);
  if (marks.length === 0) return { file: path, fixed: 0, diff: '', diagnostics: [] };

  let text = '';
  let last = 0;
  for (const m of marks) {
    text += source.text.slice(last, m.offset) + m.replacement;
    last = m.offset + m.found.length;
  }
  text += source.text.slice(last);

  const lines = [...new Set(marks.map((m) => positionAt(source, m.offset).line))];
  const after = text.split('\n');
  const diff = lines.map((n) => `@@ ${path}:${n}\n-${lineText(source, n)}\n+${(after[n - 1] ?? '').replace(/\r$/, '')}`).join('\n');
  if (!options.dryRun) {
    // The bytes as read, with the BOM the file had.
    const bom = input.bytes && input.bytes[0] === 0xef && input.bytes[1] === 0xbb && input.bytes[2] === 0xbf ? '\uFEFF' : '';
    await writeAtomic(path, bom + text);
  }
  return { file: path, fixed: marks.length, diff, diagnostics: [] };
}
