/**
 * References in narrative text: `{{figures.x}}`, `{{tables.t.row.col}}`, last year's
 * `{{previous.…}}` and `{{change …}}` — resolved to what the reader sees, and reported when
 * they name nothing.
 */

import type { Diagnostic } from '../diagnostics.js';
import { suggest } from '../checks/suggest.js';
import { diagnosticAt, type SourceFile } from '../source/source.js';
import type { Span, SpanMap } from '../source/yaml.js';
import { tablePaths, tableValueAt, unitAt } from '../tables/lookup.js';
import { COMPARED, describeChange } from './change.js';
import type { LastYear, Paragraph, TableContext } from './model.js';
import { findReferences, parseInline, splitParagraphs, type Reference } from './narrative.js';

/** What reading a text needs: where it is, and the data its references may name. */
export interface Context {
  readonly source: SourceFile;
  readonly spans: SpanMap;
  readonly figures: ReadonlyMap<string, number | string>;
  readonly tables: TableContext;
  readonly diagnostics: Diagnostic[];
  readonly previous: LastYear;
  /** The report's year (charts label their bars with it). */
  readonly year: number;
}

/** A text's paragraphs, with references resolved; unresolvable ones are reported. */
export function readText(ctx: Context, value: unknown, path: string): Paragraph[] {
  if (typeof value !== 'string') return [];
  const span = ctx.spans.get(path);
  reportReferences(ctx, value, span, path);
  const lookup = (ref: Reference, before: string): string | undefined => {
    const target = ref.target!;
    if (!ref.change) {
      const v = valueOf(ctx, target);
      return v === undefined ? undefined : String(v);
    }
    const [now, last] = [valueOf(ctx, target), valueOf(ctx, `previous.${target}`)];
    if (typeof now !== 'number' || typeof last !== 'number') return undefined;
    return describeChange(now, last, ref.change.unit ?? (target.startsWith('tables.') ? unitAt(ctx.tables.defs, target.slice('tables.'.length)) : ''), COMPARED.test(before));
  };
  return splitParagraphs(value).map((p) => ({ runs: parseInline(p, (ref) => lookup(ref, p.slice(0, ref.offset))) }));
}

/** The value a reference's target names, this year's or (`previous.…`) last year's. */
export function valueOf(ctx: Context, target: string): number | string | undefined {
  const last = target.startsWith('previous.');
  const name = last ? target.slice('previous.'.length) : target;
  const year = last ? ('missing' in ctx.previous ? undefined : ctx.previous) : { tables: ctx.tables.values, figures: ctx.figures };
  if (!year) return undefined;
  return name.startsWith('figures.') ? year.figures.get(name.slice('figures.'.length)) : tableValueAt(ctx.tables.defs, year.tables, name.slice('tables.'.length));
}

function reportReferences(ctx: Context, text: string, span: Span | undefined, path: string): void {
  const seen = new Map<string, number>();
  const figureNames = [...ctx.figures.keys()];
  for (const ref of findReferences(text)) {
    const occurrence = seen.get(ref.raw) ?? 0;
    seen.set(ref.raw, occurrence + 1);
    const at = () => locateInSource(ctx.source, span, ref.raw, occurrence);
    const target = ref.target;
    if (target === undefined) {
      ctx.diagnostics.push(diagnosticAt(ctx.source, at(), 'NB4002', 'warning', { found: ref.raw }, path));
      continue;
    }
    const last = target.startsWith('previous.') || ref.change !== undefined;
    const name = target.replace(/^previous\./, '');
    // Last year's values need last year's report: say so once per reference, not "unknown".
    if (last && 'missing' in ctx.previous) {
      ctx.diagnostics.push(diagnosticAt(ctx.source, at(), 'NB4004', 'error', { found: ref.raw, missing: ctx.previous.missing }, path));
      continue;
    }
    // Last year's own figure (one this year no longer has) is quoted as it was.
    if (target.startsWith('previous.') && valueOf(ctx, target) !== undefined) continue;
    const unknown = unknownTarget(ctx, name, figureNames);
    if (unknown) {
      ctx.diagnostics.push(diagnosticAt(ctx.source, at(), unknown.code, 'error', unknown.params, path));
      continue;
    }
    if (!last) continue;
    const [now, before] = [valueOf(ctx, name), valueOf(ctx, `previous.${name}`)];
    // Last year's report lacks the figure, or one year's value is no number ("100%").
    if (before === undefined) ctx.diagnostics.push(diagnosticAt(ctx.source, at(), 'NB4005', 'error', { found: ref.raw, reason: 'absent' }, path));
    else if (ref.change && (typeof now !== 'number' || typeof before !== 'number')) {
      ctx.diagnostics.push(diagnosticAt(ctx.source, at(), 'NB4005', 'error', { found: ref.raw, reason: 'text' }, path));
    }
  }
}

/** Why a `figures.…` or `tables.…` name is no reference to this year's data, if it is none. */
function unknownTarget(ctx: Context, name: string, figureNames: string[]): { code: 'NB4001' | 'NB4003'; params: Record<string, string> } | undefined {
  const isTable = name.startsWith('tables.');
  const key = name.slice(isTable ? 'tables.'.length : 'figures.'.length);
  if (!isTable && ctx.figures.has(key)) return undefined;
  if (isTable && tableValueAt(ctx.tables.defs, ctx.tables.values, key) !== undefined) return undefined;
  if (isTable && ctx.tables.defs.length && !ctx.tables.defs.some((d) => ctx.tables.values.has(d.key))) return undefined; // tables themselves are broken; already reported
  const paths = isTable ? tablePaths(ctx.tables.defs) : figureNames;
  // A cell that exists but whose value is missing or invalid: the table's own error says so.
  if (isTable && paths.includes(key)) return undefined;
  const suggestion = suggest(key, paths);
  return { code: isTable ? 'NB4003' : 'NB4001', params: { name: key, defined: figureNames.slice(0, 12).join(', '), ...(suggestion ? { suggestion } : {}) } };
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

