/**
 * Plausibility checks (spec §3.2, C1–C6) and unfinished text: warnings, never errors. The
 * table cells they compare are named by the profile (profile.yaml, `plausibility`).
 */

import type { Diagnostic } from '../diagnostics.js';
import { allSections, type Report } from '../model/model.js';
import { levelOf } from '../model/level.js';
import { checkWhen } from './when.js';
import type { Profile, RowRef } from '../profiles/profile.js';
import { diagnosticAt, type SourceFile } from '../source/source.js';
import { SINGLE, type TableValues } from '../tables/cells.js';
import type { SpanMap } from '../source/yaml.js';


/** Runs every plausibility check that applies to the report. */
export function checkPlausibility(
  report: Report,
  profile: Profile,
  spans: SpanMap,
  source: SourceFile,
  previous?: ReadonlyMap<string, TableValues>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const warn = (pointer: string, code: string, params: Record<string, string | number>, at?: number) =>
    out.push(diagnosticAt(source, at ?? spans.get(pointer)?.start, code, 'warning', params, pointer));

  // Unfinished text: TODO markers (nianbao init writes them).
  const texts: { start: number; end: number }[] = [];
  for (const pointer of textPointers(report)) {
    const span = spans.get(pointer);
    if (!span) continue;
    texts.push(span);
    // Every marker: each is a place still to write.
    for (const m of source.text.slice(span.start, span.end).matchAll(/TODO|待填写/g)) warn(pointer, 'NB6001', {}, span.start + m.index);
  }
  // A value whose comment still says TODO (init's placeholder publication date); whole-line
  // comments are notes, and a '#' inside narrative text is text.
  for (const m of source.text.matchAll(/^[ \t]*[^#\s\r\n][^#\r\n]*?[ \t](#[^\r\n]*?TODO)/gm)) {
    const at = m.index + m[0].length - m[1]!.length;
    if (!texts.some((span) => at >= span.start && at < span.end)) out.push(diagnosticAt(source, at, 'NB6010', 'warning', {}));
  }

  out.push(...checkWhen(report, profile, spans, source));

  // The cells these compare are named by the profile (profile.yaml, `plausibility`).
  const cells = profile.plausibility;
  const rowOf = (tables: ReadonlyMap<string, TableValues> | undefined, ref: RowRef | undefined) => (ref ? tables?.get(ref.table)?.get(ref.row) : undefined);
  const pointerOf = (ref: RowRef, column?: string) => `/tables/${ref.table}/${ref.row.split('.').join('/')}${column ? `/${column}` : ''}`;
  // C3: 规章 counts from a body that cannot make 规章.
  const rules = rowOf(report.tables, cells.rules);
  // A county, district, township or street body cannot make 规章 (only provinces and cities with districts can).
  if (cells.rules && rules && [...rules.values()].some((v) => v > 0) && levelOf(report.organization) !== 'higher') {
    warn(pointerOf(cells.rules), 'NB6004', { organization: report.organization });
  }
  // C6: a fee typed in 元 into the 万元 column.
  const fee = rowOf(report.tables, cells.fee)?.get(SINGLE);
  if (cells.fee && fee !== undefined && looksLikeYuan(fee, report)) {
    warn(pointerOf(cells.fee), 'NB6007', { found: fee, yuan: Math.round(fee * 10000), wan: Number((fee / 10000).toFixed(6)) });
  }

  if (previous) {
    // C1: this year's carry-over is last year's carry-forward.
    const carry = cells.carryOver;
    const carriedOver = rowOf(report.tables, carry?.thisYear);
    const lastForward = rowOf(previous, carry?.lastYear);
    const totals = new Set(profile.tables.find((t) => t.key === carry?.thisYear.table)?.columns.filter((c) => c.sum).map((c) => c.key));
    if (carry && carriedOver && lastForward) {
      for (const [column, value] of carriedOver) {
        if (totals.has(column)) continue; // a total differs whenever a column does; say it once
        const expected = lastForward.get(column);
        const label = profile.tables.find((t) => t.key === carry.thisYear.table)?.columns.find((c) => c.key === column)?.label ?? column;
        if (expected !== undefined && expected !== value) warn(pointerOf(carry.thisYear, column), 'NB6002', { column: label, found: value, expected });
      }
    }
    // C2: documents in force ≈ last year's + issued − repealed.
    const inForce = cells.inForce;
    const now = rowOf(report.tables, inForce?.row);
    const before = inForce ? rowOf(previous, inForce.row)?.get(inForce.inForce) : undefined;
    const [issued, repealed, count] = inForce ? [now?.get(inForce.issued), now?.get(inForce.repealed), now?.get(inForce.inForce)] : [];
    // Documents also expire or are cleaned up without being repealed: fewer than that is no mistake.
    if (inForce && before !== undefined && issued !== undefined && repealed !== undefined && count !== undefined && count > before + issued - repealed) {
      warn(pointerOf(inForce.row, inForce.inForce), 'NB6003', { found: count, previous: before, issued, repealed, expected: before + issued - repealed });
    }
  }
  return out;
}

/**
 * Above what a body of this level collects in a year (万元): any amount at or above `any`, or a
 * whole number at or above `whole` (amounts in 万元 are usually written with decimals; an amount
 * typed in 元 usually is not).
 */
const FEE_LIMITS = {
  township: { any: 500, whole: 100 },
  department: { any: 20_000, whole: 1_000 },
  government: { any: 10_000_000, whole: 1_000_000 },
} as const;

/** A fee in the 万元 column that reads like an amount in 元, for a publisher of this level. */
function looksLikeYuan(fee: number, report: Report): boolean {
  const limits = FEE_LIMITS[levelOf(report.organization) === 'township' ? 'township' : report.publisher];
  return fee >= limits.any || (Number.isInteger(fee) && fee >= limits.whole);
}

function textPointers(report: Report): string[] {
  return ['/title', '/organization', '/intro', ...allSections(report.sections).flatMap((s) => [`${s.path}/heading`, `${s.path}/text`])];
}
