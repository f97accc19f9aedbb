/**
 * Prose agrees with tables (spec §3.1, I8): where a sentence names table quantities and states
 * a number right after them ("予以公开12件", "予以公开及部分公开58件"), the number must be the
 * table's (for several quantities, their sum). The phrases come from the profile (profile.yaml
 * `prose_checks`), so only tight, reliable patterns are used.
 */

import type { Diagnostic } from '../diagnostics.js';
import { allSections, type Report } from '../model/model.js';
import { decimalsOf, NUMBER_PATTERN, readNumber } from '../model/numbers.js';
import type { ProseCheck } from '../profiles/profile.js';
import { diagnosticAt, type SourceFile } from '../source/source.js';
import type { TableDef } from '../tables/definitions.js';
import { tableValueAt } from '../tables/lookup.js';
import type { SpanMap } from '../source/yaml.js';

/** Words joining quantities named together: 予以公开及部分公开, 行政复议、行政诉讼. */
const JOIN = String.raw`\s*(?:以及|和|及|与|、|或)\s*`;
/** Words between the quantities and the number: 共, 为, 合计 … (各, 均: each one has that number). */
const LINK = String.raw`\s*(?<each>各|均)?(?:共计|合计|总计|共|为|计|了|达)?\s*`;
const COUNT_UNIT = '(?:件|条|个|起|次|项)';
const AMOUNT_UNIT = '万元';

/** What checking prose needs besides the report: the profile's tables and which of them are wrong. */
export interface ProseContext {
  readonly defs: readonly TableDef[];
  readonly checks: readonly ProseCheck[];
  /** Keys of tables with errors of their own: their numbers are not advice. */
  readonly brokenTables: ReadonlySet<string>;
}

/** Checks every narrative text of a report against the profile's prose phrases. */
export function checkProse(report: Report, context: ProseContext, spans: SpanMap, source: SourceFile): Diagnostic[] {
  const { checks, defs, brokenTables } = context;
  if (checks.length === 0 || report.tables.size === 0) return [];
  const valueOf = (check: ProseCheck) =>
    check.values.reduce<number | undefined>((sum, path) => {
      const v = tableValueAt(defs, report.tables, path);
      return sum === undefined || v === undefined ? undefined : sum + v;
    }, 0);
  const term = `(?:${checks.map((c) => `(?:${c.words})`).join('|')})`;
  const phrase = new RegExp(`(?<terms>${term}(?:${JOIN}${term})*)${LINK}(?<n>${NUMBER_PATTERN})\\s*(?<unit>${COUNT_UNIT}|${AMOUNT_UNIT})`, 'gu');
  const diagnostics: Diagnostic[] = [];

  for (const pointer of ['/intro', ...allSections(report.sections).map((s) => `${s.path}/text`)]) {
    const span = spans.get(pointer);
    if (!span) continue;
    // The raw source of the text: a literal number is where the user typed it.
    const raw = source.text.slice(span.start, span.end);
    for (const match of raw.matchAll(phrase)) {
      const { terms, n, unit, each } = match.groups as Record<string, string | undefined>;
      const named = splitTerms(terms!, checks);
      const number = readNumber(n!);
      if (!named || number === undefined || named.some((c) => c.amount !== (unit === AMOUNT_UNIT))) continue;
      const offset = span.start + match.index + match[0].lastIndexOf(n!);
      // 各: each quantity has the number; otherwise the number is their sum.
      const groups = each ? named.map((c) => [c]) : [named];
      for (const group of groups) {
        const parts = group.map(valueOf);
        if (parts.some((v) => v === undefined)) continue;
        const expected = round(parts.reduce((a, b) => a! + b!, 0)!);
        if (agrees(number, n!, expected, group[0]!.amount)) continue;
        const what = group.map((c) => c.label).join('、') + (group.length > 1 ? '之和' : '');
        const paths = group.flatMap((c) => c.values);
        const broken = [...new Set(paths.map((p) => p.split('.')[0]!))].filter((t) => brokenTables.has(t));
        if (broken.length) {
          const table = defs.find((d) => d.key === broken[0])?.title ?? broken[0]!;
          diagnostics.push(diagnosticAt(source, offset, 'NB5008', 'warning', { found: match[0].trim(), what, table }, pointer));
          continue;
        }
        diagnostics.push(
          diagnosticAt(source, offset, 'NB5006', 'error', { found: match[0].trim(), what, expected, ...(paths.length === 1 ? { ref: paths[0]! } : {}) }, pointer),
        );
      }
    }
  }
  return diagnostics;
}

/** The checks named, in order, by the words before a number ("予以公开及部分公开"); undefined if they do not split. */
function splitTerms(terms: string, checks: readonly ProseCheck[]): ProseCheck[] | undefined {
  const named: ProseCheck[] = [];
  let at = 0;
  const join = new RegExp(JOIN, 'uy');
  while (at < terms.length) {
    // The check whose words match longest here.
    let best: { check: ProseCheck; end: number } | undefined;
    for (const check of checks) {
      const words = new RegExp(`(?:${check.words})`, 'uy');
      words.lastIndex = at;
      if (words.test(terms) && (!best || words.lastIndex > best.end)) best = { check, end: words.lastIndex };
    }
    if (!best || best.end === at) return undefined;
    named.push(best.check);
    at = best.end;
    join.lastIndex = at;
    if (at < terms.length && join.test(terms)) at = join.lastIndex;
  }
  return named;
}

/** A number agrees with the table when equal; an amount, when equal at the precision written. */
function agrees(number: number, typed: string, expected: number, amount: boolean): boolean {
  if (!amount) return number === expected;
  const scale = 10 ** decimalsOf(typed);
  return Math.round(expected * scale) === Math.round(number * scale);
}

/** Sums of decimal amounts without binary noise (0.1 + 0.2 → 0.3). */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
