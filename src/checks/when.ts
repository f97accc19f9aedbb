/**
 * The report's years, dates and introduction against its `year` (spec §3.2, C4–C5): the
 * profile's years, the title's and the statistics period's years, the six parts the
 * introduction announces, the legal deadline, dates in a possible order, and the body the
 * introduction names. Warnings, never errors. Pure.
 */

import type { Diagnostic } from '../diagnostics.js';
import { isIsoDate } from '../model/dates.js';
import { levelOf } from '../model/level.js';
import type { Report } from '../model/model.js';
import { readNumber } from '../model/numbers.js';
import type { Profile } from '../profiles/profile.js';
import { diagnosticAt, type SourceFile } from '../source/source.js';
import type { SpanMap } from '../source/yaml.js';

/** A year as written: 2023, or 二〇二三 / 二零二三. */
const YEAR = String.raw`((?:19|20)\d{2}|[一二][〇零一二三四五六七八九]{3})\s*年`;

export function checkWhen(report: Report, profile: Profile, spans: SpanMap, source: SourceFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const warn = (pointer: string, code: string, params: Record<string, string | number>, at?: number) =>
    out.push(diagnosticAt(source, at ?? spans.get(pointer)?.start, code, 'warning', params, pointer));
  const year = report.year;

  // The profile fits the report's year (2019 and 2020 reports use the 试行 tables).
  const years = profile.years;
  if (years && year && ((years.from !== undefined && year < years.from) || (years.to !== undefined && year > years.to))) {
    warn('/profile', 'NB3009', { year, profile: profile.name, range: `${years.from ?? ''}–${years.to ?? ''}`, suggested: years.otherwise ?? '' });
  }

  // C5: the years named in the title and in the statistics period are the report's.
  const titleYear = new RegExp(YEAR, 'u').exec(report.title)?.[1];
  if (titleYear && year && readNumber(titleYear) !== year) warn('/title', 'NB6005', { where: 'title', found: titleYear, year });
  const introSpan = spans.get('/intro');
  const intro = introSpan ? source.text.slice(introSpan.start, introSpan.end) : '';
  if (introSpan && year) {
    // 统计期限为2023年1月1日至2023年12月31日, 统计时间自…起至…止: every year in that sentence.
    for (const sentence of intro.matchAll(/[^。；\n]*统计(?:期限|时间|时限|期间|区间|周期)[^。；\n]*/gu)) {
      const other = [...sentence[0].matchAll(new RegExp(YEAR, 'gu'))].find((m) => readNumber(m[1]!) !== year);
      if (other) warn('/intro', 'NB6005', { where: 'intro', found: other[1]!, year }, introSpan.start + sentence.index + other.index);
    }
    // C4: an introduction that announces six parts names all six.
    if (profile.onlyRequiredHeadings && /[六6]\s*(?:个)?部分/u.test(intro)) {
      // A part may be named in any wording its heading accepts (因政府信息公开申请行政复议、提起行政诉讼的情况).
      const named = intro.replace(/[\s\u3000]+/g, '');
      const missing = profile.headings.filter((h) => !h.mentions.some((re) => re.test(named))).map((h) => h.title);
      if (missing.length) warn('/intro', 'NB6008', { missing: missing.join('、') });
    }
    // 由…编制: a body other than the report's, left from a report it was copied from.
    const by = /由(.{2,40}?)(?:负责)?(?:编制|起草|发布)/u.exec(intro);
    const place = (name: string) => /^.{1,10}?(?:自治区|省|自治州|市|州|盟|县|区|旗|镇|乡|街道)/u.exec(name)?.[0];
    const named = by?.[1] ? place(by[1]) : undefined;
    // Another place: a place name the report's bodies do not hold (区政府办公室 of 青阳市城南区人民政府 is the same place).
    if (by && named && ![report.organization, report.signature].some((o) => o.includes(named) || o.includes(by[1]!) || by[1]!.includes(place(o) ?? '\u0000'))) {
      warn('/intro', 'NB6013', { found: by[1]!, organization: report.organization }, introSpan.start + by.index + 1);
    }
  }

  // C5: published by the legal deadline. Today's 第四十九条 binds bodies of the county level and
  // above (a 乡镇 or 街道 has none); the 2007 条例 bound every body. Never from a date that did
  // not parse: its own error says what to write.
  const deadlines = profile.deadlines;
  if (deadlines && isIsoDate(report.published) && year && (deadlines.townships || levelOf(report.organization) !== 'township')) {
    const deadline = `${year + 1}-${deadlines[report.publisher]}`;
    if (report.published > deadline) warn('/published', 'NB6006', { published: report.published, deadline, law: deadlines.law });
  }
  // Dates in a possible order: published after the year it reports on, and not before it was signed.
  if (isIsoDate(report.published) && year && report.published <= `${year}-12-31`) warn('/published', 'NB6012', { kind: 'early', published: report.published, year });
  if (isIsoDate(report.published) && isIsoDate(report.date) && spans.has('/date') && report.date > report.published) {
    warn('/date', 'NB6012', { kind: 'order', published: report.published, date: report.date });
  }
  return out;
}
