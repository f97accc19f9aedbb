/** The validated report that templates render: what a YAML file means, with numbers resolved. */

import { isIsoDate } from './dates.js';
import { publisherOf } from './level.js';
import { isObj } from '../source/record.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Inline } from './narrative.js';
import { headingNumber, MAX_HEADING_LEVEL, readTypedNumber } from './numbering.js';
import { diagnosticAt, type SourceFile } from '../source/source.js';
import type { TableDef } from '../tables/definitions.js';
import { readChart, type Chart } from './chart.js';
import { readText, type Context } from './references.js';
import { readGeneralTables, type GeneralTable } from '../tables/general.js';
import type { TableValues } from '../tables/cells.js';
import type { SpanMap } from '../source/yaml.js';

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
  /** A chart drawn after the section's text (`chart:`). */
  readonly chart?: Chart;
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
  /** Table of contents after the introduction: 0 none, 1 the level-1 headings, 2 levels 1 and 2 (`toc:`). */
  readonly toc: number;
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
  /** Last year's report (`previous:`), for `{{previous.…}}` and `{{change …}}`. */
  readonly previous?: LastYear;
}

/** What `{{previous.…}}` may quote: last year's tables and figures, or why there are none. */
export type LastYear =
  | { readonly tables: ReadonlyMap<string, TableValues>; readonly figures: ReadonlyMap<string, number | string> }
  | { readonly missing: 'unnamed' | 'unreadable' };

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
  const ctx: Context = { source, spans, figures, tables, diagnostics, previous: tables.previous ?? { missing: 'unnamed' }, year: typeof doc.year === 'number' ? doc.year : 0 };

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
    toc: doc.toc === true ? 1 : doc.toc === 1 || doc.toc === 2 ? doc.toc : 0,
    publisher: publisherOf(doc.publisher, organization),
    figures,
    tables: tables.values,
    intro: readText(ctx, doc.intro, '/intro'),
    sections: readSections(ctx, doc.sections, '/sections', 1, 's'),
  };
  return { report, diagnostics };
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
    const chart = readChart(ctx, item.chart, `${itemPath}/chart`, heading);
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
      ...(chart ? { chart } : {}),
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

/** Every section of a tree, each before the sections it holds (document order). */
export function allSections(sections: readonly Section[]): Section[] {
  return sections.flatMap((s) => [s, ...allSections(s.sections)]);
}
