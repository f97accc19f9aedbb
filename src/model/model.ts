/** The validated report that templates render: what a YAML file means, with numbers resolved. */

import { isIsoDate } from './dates.js';
import { isGovernment, levelOf } from './level.js';
import { isObj } from '../source/record.js';
import type { Diagnostic } from '../diagnostics.js';
import { findReferences, parseInline, splitParagraphs, type Inline } from './narrative.js';
import { headingNumber, MAX_HEADING_LEVEL, readTypedNumber } from './numbering.js';
import { diagnosticAt, type SourceFile } from '../source/source.js';
import { suggest } from '../checks/suggest.js';
import type { TableDef } from '../tables/definitions.js';
import { readGeneralTables, type GeneralTable } from '../tables/general.js';
import type { TableValues } from '../tables/cells.js';
import { tablePaths, tableValueAt } from '../tables/lookup.js';
import type { Span, SpanMap } from '../source/yaml.js';

/** One paragraph of narrative. */
export interface Paragraph {
  readonly runs: readonly Inline[];
}

/** A heading with its numbered position, its paragraphs and its sub-sections. */
export interface Section {
  /** Anchor id, e.g. `s-1-2`. */
  readonly id: string;
  /** 1 = 一、 … 4 = （1）. */
  readonly level: number;
  /** The automatic number, e.g. `（二）`. */
  readonly number: string;
  /** The heading text without a number. */
  readonly heading: string;
  readonly runIn: boolean;
  readonly paragraphs: readonly Paragraph[];
  readonly sections: readonly Section[];
  /** JSON pointer of the section in the document. */
  readonly path: string;
  /** Key of the profile table shown in this section (set once headings are matched). */
  readonly table?: string;
  /** The section's own tables (`table:`), e.g. an appended 统计表. */
  readonly ownTables: readonly GeneralTable[];
}

/** A report whose content has been checked and resolved; the input of rendering. */
export interface Report {
  readonly file: string;
  readonly profile: string;
  /** The title on one line (for metadata and messages). */
  readonly title: string;
  /** The title as the author broke it into lines (GB/T 9704 §7.3.1: a trapezoid or diamond). */
  readonly titleLines: readonly string[];
  readonly organization: string;
  readonly signature: string;
  readonly year: number;
  /** Publication date, YYYY-MM-DD. */
  readonly published?: string;
  /** Date printed under the signature, YYYY-MM-DD. */
  readonly date?: string;
  /** Who publishes: a government department (deadline 31 Jan) or a level's government (31 Mar). */
  readonly publisher: 'department' | 'government';
  readonly figures: ReadonlyMap<string, number | string>;
  /** Table values (totals included) by table key; empty for profiles without tables. */
  readonly tables: ReadonlyMap<string, TableValues>;
  readonly intro: readonly Paragraph[];
  readonly sections: readonly Section[];
}

/** What the model needs to know of the profile's tables to resolve `{{tables.…}}`. */
export interface TableContext {
  readonly defs: readonly TableDef[];
  readonly values: ReadonlyMap<string, TableValues>;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * Builds the report model from a schema-checked document. It is defensive: parts that failed
 * the schema are skipped, so that every other problem is still reported in the same run.
 */
export function buildReport(
  value: unknown,
  spans: SpanMap,
  source: SourceFile,
  tables: TableContext = { defs: [], values: new Map() },
): { report: Report; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const doc = isObj(value) ? value : {};
  const figures = readFigures(doc.figures);
  const ctx: Context = { source, spans, figures, tables, diagnostics };

  for (const key of ['published', 'date'] as const) {
    const date = str(doc[key]);
    if (date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date) && !isIsoDate(date)) {
      diagnostics.push(diagnosticAt(source, spans.get(`/${key}`)?.start, 'NB2105', 'error', { key, found: date }, `/${key}`));
    }
  }

  const organization = str(doc.organization) ?? '';
  const titleLines = (str(doc.title) ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
  const published = str(doc.published);
  const date = str(doc.date) ?? published;
  const report: Report = {
    file: source.path,
    profile: str(doc.profile) ?? '',
    title: titleLines.join(''),
    titleLines,
    organization,
    signature: str(doc.signature) ?? organization,
    year: typeof doc.year === 'number' ? doc.year : 0,
    ...(published ? { published } : {}),
    ...(date ? { date } : {}),
    // Unsaid, a level's own government (某市人民政府) publishes as one; anyone else as a department.
    publisher: doc.publisher === 'government' || doc.publisher === 'department' ? doc.publisher : isGovernment(organization) && levelOf(organization) !== 'township' ? 'government' : 'department',
    figures,
    tables: tables.values,
    intro: readText(ctx, doc.intro, '/intro'),
    sections: readSections(ctx, doc.sections, '/sections', 1, 's'),
  };
  return { report, diagnostics };
}

interface Context {
  readonly source: SourceFile;
  readonly spans: SpanMap;
  readonly figures: ReadonlyMap<string, number | string>;
  readonly tables: TableContext;
  readonly diagnostics: Diagnostic[];
}

function readFigures(value: unknown): Map<string, number | string> {
  const figures = new Map<string, number | string>();
  if (!isObj(value)) return figures;
  for (const [name, v] of Object.entries(value)) {
    if (typeof v === 'number' || typeof v === 'string') figures.set(name, v);
  }
  return figures;
}

function readSections(ctx: Context, value: unknown, path: string, level: number, idPrefix: string): Section[] {
  if (!Array.isArray(value)) return [];
  const sections: Section[] = [];
  value.forEach((item, i) => {
    const itemPath = `${path}/${i}`;
    if (!isObj(item) || typeof item.heading !== 'string') return;
    const index = sections.length + 1;
    const id = `${idPrefix}-${index}`;
    if (level > MAX_HEADING_LEVEL) {
      ctx.diagnostics.push(diagnosticAt(ctx.source, ctx.spans.get(`${itemPath}/heading`)?.start, 'NB3005', 'error', { level }, itemPath));
    }
    const heading = readHeading(ctx, item.heading, `${itemPath}/heading`, level, index);
    const own = readGeneralTables(item.table, `${itemPath}/table`, heading, ctx.spans, ctx.source);
    ctx.diagnostics.push(...own.diagnostics);
    sections.push({
      id,
      level,
      number: headingNumber(level, index),
      heading,
      runIn: item.run_in === true,
      paragraphs: readText(ctx, item.text, `${itemPath}/text`),
      sections: readSections(ctx, item.sections, `${itemPath}/sections`, level + 1, id),
      path: itemPath,
      ownTables: own.tables,
    });
  });
  return sections;
}

/** Strips a hand-typed number that agrees with the heading's position (in any style); reports one that does not. */
function readHeading(ctx: Context, heading: string, path: string, level: number, index: number): string {
  const typed = readTypedNumber(heading);
  if (!typed) return heading.trim();
  // A number in the report's own style ("1、" at level 2, "(一)") is right when it counts right:
  // nianbao sets it in the GB/T 9704 style of its level.
  if (typed.index !== index) {
    ctx.diagnostics.push(
      diagnosticAt(ctx.source, ctx.spans.get(path)?.start, 'NB3003', 'error', {
        found: typed.text.trim(),
        expected: headingNumber(level, index),
      }, path),
    );
  }
  return heading.slice(typed.text.length).trim();
}

function readText(ctx: Context, value: unknown, path: string): Paragraph[] {
  if (typeof value !== 'string') return [];
  const span = ctx.spans.get(path);
  reportReferences(ctx, value, span, path);
  const lookup = (target: string): string | undefined => {
    const v = target.startsWith('figures.')
      ? ctx.figures.get(target.slice('figures.'.length))
      : tableValueAt(ctx.tables.defs, ctx.tables.values, target.slice('tables.'.length));
    return v === undefined ? undefined : String(v);
  };
  return splitParagraphs(value).map((p) => ({ runs: parseInline(p, lookup) }));
}

function reportReferences(ctx: Context, text: string, span: Span | undefined, path: string): void {
  const seen = new Map<string, number>();
  const figureNames = [...ctx.figures.keys()];
  for (const ref of findReferences(text)) {
    const occurrence = seen.get(ref.raw) ?? 0;
    seen.set(ref.raw, occurrence + 1);
    const target = ref.target;
    const isTable = target?.startsWith('tables.') ?? false;
    const name = target?.slice(isTable ? 'tables.'.length : 'figures.'.length);
    if (name !== undefined && !isTable && ctx.figures.has(name)) continue;
    if (name !== undefined && isTable && tableValueAt(ctx.tables.defs, ctx.tables.values, name) !== undefined) continue;
    const offset = locateInSource(ctx.source, span, ref.raw, occurrence);
    if (name === undefined) {
      ctx.diagnostics.push(diagnosticAt(ctx.source, offset, 'NB4002', 'warning', { found: ref.raw }, path));
      continue;
    }
    if (isTable && ctx.tables.defs.length && !ctx.tables.defs.some((d) => ctx.tables.values.has(d.key))) continue; // tables themselves are broken; already reported
    const paths = isTable ? tablePaths(ctx.tables.defs) : figureNames;
    // A cell that exists but whose value is missing or invalid: the table's own error says so.
    if (isTable && paths.includes(name)) continue;
    const suggestion = suggest(name, paths);
    ctx.diagnostics.push(
      diagnosticAt(ctx.source, offset, isTable ? 'NB4003' : 'NB4001', 'error', {
        name,
        defined: figureNames.slice(0, 12).join(', '),
        ...(suggestion ? { suggestion } : {}),
      }, path),
    );
  }
}

/**
 * Finds the `occurrence`-th appearance of `raw` within a scalar's source range. References hold
 * no escapes or line breaks, so the raw text appears verbatim in the file.
 */
function locateInSource(source: SourceFile, span: Span | undefined, raw: string, occurrence: number): number | undefined {
  if (!span) return undefined;
  let at = span.start - 1;
  for (let i = 0; i <= occurrence; i++) {
    at = source.text.indexOf(raw, at + 1);
    if (at < 0 || at >= span.end) return span.start;
  }
  return at;
}

/** Every section of a tree, each before the sections it holds (document order). */
export function allSections(sections: readonly Section[]): Section[] {
  return sections.flatMap((s) => [s, ...allSections(s.sections)]);
}
