/** A decoded input file with the line table that diagnostics need. */

import type { Diagnostic, Params, Position, Severity } from '../diagnostics.js';

/** An input file's text and the means to turn offsets into line:column positions. */
export interface SourceFile {
  /** Path as the user gave it (used in diagnostics). */
  readonly path: string;
  readonly text: string;
  /** Offsets at which each line starts. */
  readonly lineStarts: readonly number[];
}

/** Builds a SourceFile from already-decoded text. */
export function sourceFromText(path: string, text: string): SourceFile {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  }
  return { path, text, lineStarts };
}

/** Converts a 0-based offset into a 1-based line and column. */
export function positionAt(source: SourceFile, offset: number): Position {
  const clamped = Math.max(0, Math.min(offset, source.text.length));
  let lo = 0;
  let hi = source.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (source.lineStarts[mid]! <= clamped) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: clamped - source.lineStarts[lo]! + 1, offset: clamped };
}

/** The text of a 1-based line, without its line break. */
export function lineText(source: SourceFile, line: number): string {
  const start = source.lineStarts[line - 1];
  if (start === undefined) return '';
  const next = source.lineStarts[line];
  return source.text.slice(start, next === undefined ? undefined : next - 1).replace(/\r$/, '');
}

/**
 * Makes a diagnostic that points at `offset` in `source`. Without an offset (a value the source
 * does not hold, such as a missing document) it points at the start of the file: every
 * diagnostic about a file's content has a position.
 */
export function diagnosticAt(
  source: SourceFile,
  offset: number | undefined,
  code: string,
  severity: Severity,
  params: Params = {},
  path?: string,
): Diagnostic {
  const position = positionAt(source, offset ?? 0);
  return {
    code,
    severity,
    file: source.path,
    position,
    lineText: lineText(source, position.line),
    params,
    ...(path ? { path } : {}),
  };
}
