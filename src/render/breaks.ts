/**
 * Where Chinese text may break across lines. The page sets `word-break: keep-all` on titles and
 * table labels, so a line breaks only where the HTML offers a <wbr>: between words (ICU's
 * dictionary segmentation, with one-character pieces kept with their neighbours so that no line
 * starts or ends with a lone character) and at punctuation. Pure.
 */

import Handlebars from 'handlebars';

const { escapeExpression } = Handlebars.Utils;
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/** Opening brackets and quotes, and list numbers (1. （一）), belong to what follows them. */
const OPENS = /^[（(“‘《〈【[]+$|^\d+[.．、]?$|^[.．]$/u;

/** The text in units a line may break between: words, with lone characters kept with a neighbour. */
export function wordUnits(text: string): string[] {
  const units: string[] = [];
  let pending = ''; // an opening piece waiting for the word it opens
  for (const { segment } of segmenter.segment(text)) {
    if (OPENS.test(segment)) {
      pending += segment;
      continue;
    }
    const piece = pending + segment;
    pending = '';
    // A single character (a measure word, 的, punctuation …) stays with the word before it.
    if ([...segment].length === 1 && units.length > 0 && !/\s/.test(segment)) units[units.length - 1] += piece;
    else units.push(piece);
  }
  if (pending) {
    if (units.length) units[units.length - 1] += pending;
    else units.push(pending);
  }
  // A list number (（二） 三、 1.) stays with the words it numbers.
  return units.reduce<string[]>((out, unit, i) => {
    if (i > 0 && NUMBERING.test(units[i - 1]!)) out[out.length - 1] += unit;
    else out.push(unit);
    return out;
  }, []);
}

const NUMBERING = /^(?:（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+[.．、])$/u;

/** Escaped HTML of `text` with a <wbr> between its units. */
export function breakableHtml(text: string, units: readonly string[] = wordUnits(text)): string {
  return units.map(escapeExpression).join('<wbr>');
}

/** The usual end of a report's title, kept whole on its line. */
const TITLE_ENDS = ['政府信息公开工作年度报告', '政府信息公开年度报告', '政府信息公开工作报告', '政务公开工作年度报告'];

/**
 * A title's units: the organization, the year (2024年, 2024年度) and the customary ending are
 * each kept whole; what else the title holds breaks between words. A long organization may
 * break between its words too, when it would not fit a line (more than 14 characters).
 */
export function titleUnits(title: string, organization: string): string[] {
  const keep = [organization, ...TITLE_ENDS].filter((k) => k.length > 0 && title.includes(k));
  const units: string[] = [];
  let rest = title;
  while (rest.length) {
    const year = /^(?:19|20)\d{2}\s*年度?/.exec(rest)?.[0];
    const kept = year ?? keep.find((k) => rest.startsWith(k));
    if (kept) {
      if (kept === organization && [...organization].length > 14) units.push(...wordUnits(organization));
      else units.push(kept);
      rest = rest.slice(kept.length);
      continue;
    }
    // Up to the next kept part, broken between words.
    const next = Math.min(...[...keep.map((k) => rest.indexOf(k)), rest.search(/(?:19|20)\d{2}\s*年/)].filter((i) => i > 0), rest.length);
    units.push(...wordUnits(rest.slice(0, next)));
    rest = rest.slice(next);
  }
  return units;
}
