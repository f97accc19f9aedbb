/**
 * Prose agrees with tables (spec §3.1, I8): where a sentence names a table quantity and states
 * a number right after it ("予以公开12件"), the number must be the table's. The phrases come
 * from the profile (profile.yaml `prose_checks`), so only tight, reliable patterns are used.
 */

import type { Diagnostic } from '../diagnostics.js';
import { allSections, type Report } from '../model/model.js';
import type { ProseCheck } from '../profiles/profile.js';
import { diagnosticAt, type SourceFile } from '../source/source.js';
import type { TableDef } from '../tables/definitions.js';
import { tableValueAt } from '../tables/lookup.js';
import type { SpanMap } from '../source/yaml.js';

/** Checks every narrative text of a report against the profile's prose patterns. */
export function checkProse(report: Report, defs: readonly TableDef[], checks: readonly ProseCheck[], spans: SpanMap, source: SourceFile): Diagnostic[] {
  if (checks.length === 0 || report.tables.size === 0) return [];
  const diagnostics: Diagnostic[] = [];
  const expectations = checks.map((check) => ({
    check,
    expected: check.values.reduce<number | undefined>((sum, path) => {
      const v = tableValueAt(defs, report.tables, path);
      return sum === undefined || v === undefined ? undefined : sum + v;
    }, 0),
  }));
  const texts = ['/intro', ...allSections(report.sections).map((s) => `${s.path}/text`)];
  for (const pointer of texts) {
    const span = spans.get(pointer);
    if (!span) continue;
    // The raw source of the text: a literal number is where the user typed it.
    const raw = source.text.slice(span.start, span.end);
    for (const { check, expected } of expectations) {
      if (expected === undefined) continue;
      for (const match of raw.matchAll(check.pattern)) {
        const number = match.groups?.n;
        if (number === undefined || Number(number) === expected) continue;
        const offset = span.start + match.index + match[0].lastIndexOf(number);
        diagnostics.push(
          diagnosticAt(source, offset, 'NB5006', 'error', { found: match[0].trim(), what: check.label, expected, ref: check.values[0]! }, pointer),
        );
      }
    }
  }
  return diagnostics;
}
