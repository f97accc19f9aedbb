/** Diagnostics are data about a place in an input file; the reporter turns them into text. */

export type Severity = 'error' | 'warning';

/** A place in a source file: 1-based line and column (UTF-16 units), 0-based offset. */
export interface Position {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** Message parameters, filled into the localized text of the diagnostic's code. */
export type Params = Readonly<Record<string, string | number>>;

/** One problem found in one input file. */
export interface Diagnostic {
  /** Stable identifier such as `NB3001`; documented in the README. */
  readonly code: string;
  readonly severity: Severity;
  /** Path of the input file as the user gave it. */
  readonly file: string;
  readonly position?: Position;
  /** The line's text, for a code frame. */
  readonly lineText?: string;
  /** JSON-pointer path of the value in the document, e.g. `/sections/1/heading`. */
  readonly path?: string;
  /**
   * The cell of a workbook the diagnostic is about (`表三!D12`), for a report whose tables are
   * kept in one (`tables: 2025-tables.xlsx`); `file` is then the workbook, and there is no position.
   */
  readonly cell?: string;
  readonly params: Params;
  /** A warning accepted in the file (`# nianbao-disable-line NBxxxx reason`): the reason. */
  readonly suppressed?: string;
}

/** The diagnostics that count: everything but the warnings a file knowingly accepts. */
export function active(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.suppressed === undefined);
}

/** True when any diagnostic is an error (warnings alone do not stop a build). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Orders diagnostics by position so that a file's problems read top to bottom. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => (a.position?.offset ?? -1) - (b.position?.offset ?? -1) || a.code.localeCompare(b.code),
  );
}
