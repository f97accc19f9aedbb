/**
 * What this year's report repeats from last year's (`previous:`): a paragraph copied unchanged
 * (NB6016), a table whose every figure is last year's (NB6017) — reviewers and the press have
 * caught departments publishing the same figures several years running. Warnings. Pure.
 */

import type { Diagnostic } from '../diagnostics.js';
import { allSections, type Report } from '../model/model.js';
import { splitParagraphs } from '../model/narrative.js';
import { diagnosticAt, type SourceFile } from '../source/source.js';
import type { SpanMap } from '../source/yaml.js';
import type { TableValues } from '../tables/cells.js';

/** Shorter paragraphs ("无。", a standard sentence) may well be the same every year. */
const MIN_LENGTH = 40;

const plain = (text: string) => text.replace(/\s+/g, '');

export function checkRepeats(
  report: Report,
  spans: SpanMap,
  source: SourceFile,
  previous: { readonly previousTables?: ReadonlyMap<string, TableValues>; readonly previousTexts?: readonly string[] },
): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (previous.previousTexts) {
    const last = new Set(previous.previousTexts.flatMap((t) => splitParagraphs(t)).map(plain).filter((p) => p.length >= MIN_LENGTH));
    for (const pointer of ['/intro', ...allSections(report.sections).map((s) => `${s.path}/text`)]) {
      const span = spans.get(pointer);
      if (!span) continue;
      const raw = source.text.slice(span.start, span.end);
      for (const paragraph of splitParagraphs(raw)) {
        const text = plain(paragraph);
        // The introduction's standard wording changes only its year: that is no copy.
        if (text.length < MIN_LENGTH || !last.has(text) || /TODO/.test(text)) continue;
        const at = raw.indexOf(paragraph.trim().slice(0, 10));
        out.push(diagnosticAt(source, span.start + Math.max(0, at), 'NB6016', 'warning', { start: paragraph.trim().slice(0, 20) }, pointer));
      }
    }
  }
  if (previous.previousTables) {
    for (const [key, values] of report.tables) {
      const before = previous.previousTables.get(key);
      if (!before || values.size === 0) continue;
      const same = [...values].every(([row, cells]) => [...cells].every(([column, v]) => before.get(row)?.get(column) === v));
      const any = [...values.values()].some((cells) => [...cells.values()].some((v) => v !== 0));
      if (same && any) out.push(diagnosticAt(source, spans.get(`/tables/${key}`)?.start, 'NB6017', 'warning', { table: key }, `/tables/${key}`));
    }
  }
  return out;
}
