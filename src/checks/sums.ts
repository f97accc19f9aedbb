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
const TOTAL = new RegExp(`(?:共|合计|总计)(?:计)?[^，。；、]{0,24}?(${NUMBER_PATTERN})\\s*${UNIT}[^。；]{0,200}?其中`, 'gu');
/** A share: 占…43.1%, 占比43.1%. */
const SHARE = /占(?:比)?[^，。；、%％]{0,12}?(\d+(?:\.\d+)?)\s*[%％]/gu;

export function checkSums(report: Report, spans: SpanMap, source: SourceFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const pointer of ['/intro', ...allSections(report.sections).map((s) => `${s.path}/text`)]) {
    const span = spans.get(pointer);
    if (!span) continue;
    const raw = source.text.slice(span.start, span.end);
    // Sentences end at 。 or ；, or at a blank line (a line the clerk wrapped goes on).
    for (const sentence of raw.matchAll(/(?:[^。；\n]|\n(?![ \t]*\n))+/gu)) {
      if (!sentence[0].includes('其中') && !/占/u.test(sentence[0])) continue;
      // The sentence without its line breaks and indents, and where each of its characters is in the file.
      const offsets: number[] = [];
      let text = '';
      for (let i = 0; i < sentence[0].length; i++) {
        if (sentence[0][i] === '\n') {
          while (i + 1 < sentence[0].length && /[ \t]/.test(sentence[0][i + 1]!)) i++;
          continue;
        }
        text += sentence[0][i];
        offsets.push(span.start + sentence.index + i);
      }
      const offsetOf = (k: number) => offsets[k] ?? span.start + sentence.index;
      // Parts after 其中, against the count just before it in the same unit (共…N件，…其中…).
      for (const total of text.matchAll(TOTAL)) {
        const before = text.slice(0, total.index + total[0].length - 2);
        // The last count before 其中 that is not a change (较2014年增加27件).
        const nearest = [...before.matchAll(new RegExp(`(${NUMBER_PATTERN})\\s*${total[2]}`, 'gu'))]
          .filter((m) => !/较|比|增加|减少|增长|下降|同比|上升/u.test(before.slice(Math.max(0, m.index - 10), m.index).split(/[，,]/u).pop()!))
          .pop();
        const whole = readNumber(nearest?.[1] ?? total[1]!);
        // The list right after 其中: items that each end in a number of the total's unit, up to
        // the first that does not (比2011年的102件增长52.9%, （含…）, another subject).
        const item = new RegExp(`^[^比较增减（(共合总已均]*?(${NUMBER_PATTERN})\\s*${total[2]}$`, 'u');
        const parts: number[] = [];
        for (const piece of text.slice(total.index + total[0].length).split(/[、，,和及]/u)) {
          const m = item.exec(piece.trim());
          // A piece that says something else (已全部办结6件, 结转…) ends the list.
          if (!m || /办结|结转|答复/u.test(piece)) break;
          parts.push(readNumber(m[1]!) ?? 0);
        }
        // Several breakdowns of one total may follow each other: only a list none of whose
        // beginnings makes the total, and that passes it, is wrong.
        let sum = 0;
        let exact = false;
        for (const part of parts) {
          sum += part;
          if (sum === whole) exact = true;
        }
        if (whole !== undefined && parts.length >= 2 && !exact && sum > whole) {
          out.push(diagnosticAt(source, offsetOf(total.index), 'NB6014', 'warning', { kind: 'parts', total: `${nearest?.[1] ?? total[1]}${total[2]}`, sum: `${sum}${total[2]}` }, pointer));
        }
      }
      // Shares of one whole (占…N%): three or more whose sum passes 100 %. Rates (同比增长…%,
      // 办结率…%) are not shares.
      // Shares after 其中 that follow a share are parts of it (占55.4%，其中予以公开占44.6%…).
      const cut = text.indexOf('其中');
      const all = [...text.matchAll(SHARE)];
      const counted = cut > 0 && all.some((m) => m.index < cut) && all.some((m) => m.index > cut) ? all.filter((m) => m.index < cut) : all;
      const shares = counted.map((m) => m[1]!);
      const sum = Math.round(shares.reduce((a, b) => a + Number(b), 0) * 10) / 10;
      // Each share is rounded at the precision written (38% for 3/8): allow half a unit each.
      const slack = shares.reduce((a, b) => a + 0.5 / 10 ** (b.split('.')[1]?.length ?? 0), 0);
      if (shares.length >= 3 && sum > 100 + slack) {
        out.push(diagnosticAt(source, offsetOf(text.search(SHARE)), 'NB6014', 'warning', { kind: 'percent', sum: `${sum}%` }, pointer));
      }
    }
  }
  return out;
}
