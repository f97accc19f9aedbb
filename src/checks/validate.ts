/** The checking stage: schema, meaning, profile rules and tables, all problems reported at once. */

import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { checkHeadings } from './headings.js';
import { buildReport, type LastYear, type Report } from '../model/model.js';
import { checkPlausibility } from './plausibility.js';
import type { Profile } from '../profiles/profile.js';
import { checkProse } from './prose.js';
import { checkSchema } from './schema.js';
import { checkSums } from './sums.js';
import { checkPunctuation } from './punctuation.js';
import { checkRepeats } from './repeats.js';
import { sourceFromText, type SourceFile } from '../source/source.js';
import type { TableValues } from '../tables/cells.js';
import { readTables } from '../tables/read.js';
import type { ParsedYaml } from '../source/yaml.js';

/** Prose that disagrees with a table that is itself wrong (NB5008): reported after the table's errors. */
const CONSEQUENCE = 'NB5008';

/** The outcome of validation: the report (when it can be rendered) and every diagnostic. */
export interface Validated {
  readonly report?: Report;
  readonly diagnostics: readonly Diagnostic[];
  /** The tables as read (totals computed), also when the report has errors. */
  readonly tables?: ReadonlyMap<string, TableValues>;
}

/** What else validation may compare against: last year's tables (plausibility check C1/C2). */
export interface ValidateContext {
  readonly previousTables?: ReadonlyMap<string, TableValues>;
  /** Last year's narrative, to find paragraphs copied unchanged. */
  readonly previousTexts?: readonly string[];
  /** Last year's figures, for `{{previous.figures.…}}`. */
  readonly previousFigures?: ReadonlyMap<string, number | string>;
  /** `previous:` names a report that cannot be read (NB6009 says why). */
  readonly previousUnreadable?: boolean;
  /**
   * The tables, when the report keeps them in a workbook (`tables: 2025-tables.xlsx`): read from
   * its cells (`value`, in the shape of a `tables:` mapping), or `undefined` values when the
   * workbook could not be read (said at the report's `tables:` line). Each diagnostic about a
   * table is then said at its cell.
   */
  readonly workbook?: { readonly path: string; readonly value?: unknown; readonly cells: ReadonlyMap<string, string> };
}

/** Validates a parsed document against the schema and its profile. Pure. */
export function validateReport(source: SourceFile, parsed: ParsedYaml, profile: Profile, context: ValidateContext = {}): Validated {
  const { value, spans } = parsed;
  const schemaDiagnostics = checkSchema(value, spans, source);
  const doc = (value ?? {}) as Record<string, unknown>;
  const { workbook } = context;
  const tables = !workbook
    ? readTables(doc.tables, profile.tables, spans, source, profile.name)
    : workbook.value === undefined
      ? { tables: new Map<string, TableValues>(), diagnostics: [] }
      : readTables(workbook.value, profile.tables, new Map(), sourceFromText(workbook.path, ''), profile.name);
  const previous: LastYear = context.previousTables
    ? { tables: context.previousTables, figures: context.previousFigures ?? new Map() }
    : { missing: context.previousUnreadable ? 'unreadable' : 'unnamed' };
  const built = buildReport(value, spans, source, { defs: profile.tables, values: tables.tables, previous });
  const headings = checkHeadings(built.report.sections, profile, spans, source);
  // A misspelt `heading:` key (hedding) is one mistake: its "did you mean" says it all, not also
  // "missing key heading" and "missing required part".
  const misspelt = new Set(schemaDiagnostics.filter((d) => d.code === 'NB2102' && d.params.suggestion === 'heading').map((d) => d.path?.replace(/\/[^/]*$/, '')));
  // Attach each profile table to the section whose heading the profile names for it.
  const report: Report = {
    ...built.report,
    sections: built.report.sections.map((section, i) => {
      const table = profile.headings[headings.ruleOf[i] ?? -1]?.table;
      return table ? { ...section, table } : section;
    }),
  };
  // A table with errors of its own: prose quoting it is a consequence, reported after the causes.
  const brokenTables = new Set(tables.diagnostics.filter((d) => d.severity === 'error').map((d) => d.path?.split('/')[2] ?? ''));
  const prose = checkProse(report, { defs: profile.tables, checks: profile.proseChecks, brokenTables, ...(context.previousTables ? { previous: context.previousTables } : {}) }, spans, source);
  const all = [
    ...sortDiagnostics([
      ...schemaDiagnostics.filter((d) => !(d.code === 'NB2103' && d.params.key === 'heading' && misspelt.has(d.path))),
      ...tables.diagnostics,
      ...built.diagnostics,
      ...headings.diagnostics.filter((d) => !(misspelt.size && (d.code === 'NB3001' || d.code === 'NB3002'))),
      ...prose.filter((d) => d.code !== CONSEQUENCE),
      ...checkPlausibility(report, profile, spans, source, context.previousTables),
      ...checkSums(report, spans, source),
      ...checkPunctuation(source, parsed),
      ...checkRepeats(report, spans, source, context),
    ]),
    ...prose.filter((d) => d.code === CONSEQUENCE),
  ];
  const located = workbook ? all.map((d) => inWorkbook(d, workbook)) : all;
  return hasErrors(located) ? { diagnostics: located, tables: tables.tables } : { report, diagnostics: located, tables: tables.tables };
}

/** A diagnostic about a table value kept in a workbook, said at its cell (`表三!D12`) of the workbook. */
function inWorkbook(d: Diagnostic, workbook: NonNullable<ValidateContext['workbook']>): Diagnostic {
  if (!d.path?.startsWith('/tables/')) return d;
  let pointer = d.path;
  while (pointer.length > '/tables'.length && !workbook.cells.has(pointer)) pointer = pointer.slice(0, pointer.lastIndexOf('/'));
  const cell = workbook.cells.get(pointer);
  if (cell === undefined) return d;
  const { position: _position, lineText: _lineText, ...rest } = d;
  return { ...rest, file: workbook.path, cell };
}
