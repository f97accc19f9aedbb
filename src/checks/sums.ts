/**
 * The text against itself (domain spec §9, mistakes seen in published reports): the parts a
 * sentence lists after a total ("共收到申请58件，其中自然人38件、商业企业9件……") adding up to
 * more than the total, and the shares it gives ("占43.1%、10.3%……") adding up to more than
 * 100 %. Warnings: parts may be of different kinds. Pure.
 */

import type { Diagnostic } from '../diagnostics.js';
import { allSections, type Report } from '../model/model.js';
import { NUMBER_PATTERN, readNumber } from '../model/numbers.js';
import { diagnosticAt, type SourceFile } from '../source/source.js';
import type { SpanMap } from '../source/yaml.js';

const UNIT = '(件|条|个|项|次|篇|人次)';
/** 共…58件, 合计58件, 总计58件: a total, then in the same sentence 其中 and its parts. */
const TOTAL = new RegExp(`(?:共|合计|总计)(?:计)?[^，。；、]{0,24}?(${NUMBER_PATTERN})\\s*${UNIT}[^。；]*?其中`, 'gu');
const PERCENT = /(\d+(?:\.\d+)?)\s*[%％]/gu;

export function checkSums(report: Report, spans: SpanMap, source: SourceFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const pointer of ['/intro', ...allSections(report.sections).map((s) => `${s.path}/text`)]) {
    const span = spans.get(pointer);
    if (!span) continue;
    const raw = source.text.slice(span.start, span.end);
    for (const sentence of raw.matchAll(/[^。；\n]+/gu)) {
      const text = sentence[0];
      const at = span.start + sentence.index;
      // Parts after 其中, in the total's unit, up to the next total or the sentence's end.
      for (const total of text.matchAll(TOTAL)) {
        const whole = readNumber(total[1]!);
        // The list right after 其中: items that each end in a number of the total's unit, up to
        // the first that does not (比2011年的102件增长52.9%, （含…）, another subject).
        const item = new RegExp(`^[^比较增减同（(共合总]*?(${NUMBER_PATTERN})\\s*${total[2]}$`, 'u');
        const parts: number[] = [];
        for (const piece of text.slice(total.index + total[0].length).split(/[、，,和及]/u)) {
          const m = item.exec(piece.trim());
          if (!m) break;
          parts.push(readNumber(m[1]!) ?? 0);
        }
        const sum = parts.reduce((a, b) => a + b, 0);
        if (whole !== undefined && parts.length >= 2 && sum > whole) {
          out.push(diagnosticAt(source, at + total.index, 'NB6014', 'warning', { kind: 'parts', total: `${total[1]}${total[2]}`, sum: `${sum}${total[2]}` }, pointer));
        }
      }
      // Shares of one whole: three or more percentages whose sum passes 100 %.
      const shares = [...text.matchAll(PERCENT)].map((m) => Number(m[1]));
      const sum = Math.round(shares.reduce((a, b) => a + b, 0) * 10) / 10;
      if (shares.length >= 3 && /占/u.test(text) && sum > 100.5) {
        out.push(diagnosticAt(source, at + text.search(PERCENT), 'NB6014', 'warning', { kind: 'percent', sum: `${sum}%` }, pointer));
      }
    }
  }
  return out;
}
