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

/** The place a body's name starts with (青峪市, 青峪高新区), if it names one before its unit. */
function placeOf(name: string): string | undefined {
  return /^[^县市区省镇乡州盟旗]{2,10}?(?:自治区|省|自治州|市|州|盟|县|区|旗|镇|乡|街道)/u.exec(name)?.[0];
}

/**
 * `body` names a place none of `ours` is in: 青峪市生态环境局 for a report of 澄川市生态环境局. A bare
 * 县政府办公室 (the report's own level), or an abbreviation (青峪高新区 of 青峪高新技术产业开发区), is ours.
 */
function otherPlace(body: string, ours: readonly string[]): boolean {
  const place = placeOf(body);
  if (!place) return false;
  return !ours.some((o) => o.includes(place) || o.includes(body) || o.startsWith(place.slice(0, 2)) || (placeOf(o) !== undefined && body.includes(placeOf(o)!)));
}

/** The warnings about the report's years, dates, deadline and introduction. */
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
  const introSpan = spans.get('/intro');
  const intro = introSpan ? source.text.slice(introSpan.start, introSpan.end) : '';
  // 统计期限为2023年1月1日至2023年12月31日, 统计时间自…起至…止, 现将…2023年度…报告如下: every year there.
  // Sentences first (a linear split), then the ones that name the period.
  const sentences = [...intro.matchAll(/[^。；\n]+/gu)].filter((m) => /统计(?:期限|时间|时限|期间|区间|周期)|报告如下|汇报如下/u.test(m[0]));
  const periods = sentences.map((sentence) => {
    // In 根据《关于做好2016年…的通知》，现将2015年度…报告如下, only what follows 现将 is this report's year.
    const from = /报告如下|汇报如下/u.test(sentence[0]) ? Math.max(0, sentence[0].lastIndexOf('现将')) : 0;
    const skip = /报告如下|汇报如下/u.test(sentence[0]) && !sentence[0].includes('现将');
    return { sentence, years: skip ? [] : [...sentence[0].slice(from).matchAll(new RegExp(YEAR, 'gu'))].map((m) => Object.assign(m, { index: m.index + from })) };
  });
  // When the title and the period agree on another year, the mistake is `year:` itself.
  const said = [titleYear, ...periods.flatMap((p) => p.years.map((m) => m[1]!))].filter((y): y is string => y !== undefined).map((y) => readNumber(y));
  const yearWrong = year !== 0 && said.length >= 2 && said.every((y) => y === said[0]) && said[0] !== year;
  if (yearWrong) {
    warn('/year', 'NB6005', { where: 'year', found: String(said[0]), year });
    return out;
  }
  if (titleYear && year && readNumber(titleYear) !== year) warn('/title', 'NB6005', { where: 'title', found: titleYear, year });
  if (introSpan && year) {
    for (const { sentence, years: found } of periods) {
      // 现将2016年度…报告如下 may name the year before for 上年度 comparisons only in the statistics sentence.
      // The next year is named for plans (…及2013年工作打算报告如下).
      const other = found.find((m) => readNumber(m[1]!) !== year && !(readNumber(m[1]!) === year + 1 && /^[^，。；]{0,6}(?:工作)?(?:打算|计划|安排|思路|要点)/u.test(sentence[0].slice(m.index! + m[0].length))));
      if (other) warn('/intro', 'NB6005', { where: 'intro', found: other[1]!, year }, introSpan.start + sentence.index! + other.index!);
    }
    // C4: an introduction that announces six parts names all six.
    if (profile.onlyRequiredHeadings && /[六6]\s*(?:个)?部分/u.test(intro)) {
      // A part may be named in any wording its heading accepts (因政府信息公开申请行政复议、提起行政诉讼的情况).
      const named = intro.replace(/[\s\u3000]+/g, '');
      const missing = profile.headings.filter((h) => !h.mentions.some((re) => re.test(named))).map((h) => h.title);
      if (missing.length) warn('/intro', 'NB6008', { missing: missing.join('、') });
    }
    // 由…编制: a body of another place, left from a report this one was copied from.
    const by = /由(.{2,40}?)(?:负责)?(?:编制|起草)/u.exec(intro);
    const body = by?.[1]?.split(/根据|会同|汇总|按照|、|（|\(/u)[0] ?? '';
    if (by && !/平台|网站|专栏/u.test(body) && otherPlace(body, [report.organization, report.signature])) {
      warn('/intro', 'NB6013', { found: body, organization: report.organization }, introSpan.start + by.index + 1);
    }
  }

  // C5: published by the legal deadline. Today's 第四十九条 binds bodies of the county level and
  // above (a 乡镇 or 街道 has none); the 2007 条例 bound every body. Never from a date that did
  // not parse: its own error says what to write.
  const deadline = legalDeadline(profile, year, report.publisher, report.organization);
  if (deadline && !yearWrong && isIsoDate(report.published) && report.published > deadline) {
    warn('/published', 'NB6006', { published: report.published, deadline, law: profile.deadlines!.law });
  }
  // A first section that opens with another year (2022年，我局… in a 2023 report), left from last year's.
  const first = report.sections[0];
  const opening = first ? spans.get(`${first.path}/text`) ?? spans.get(`${first.sections[0]?.path}/text`) : undefined;
  const opens = opening ? /^\s*[|>][-+]?\s*\n?\s*((?:19|20)\d{2})\s*年[，,]/u.exec(source.text.slice(opening.start, opening.end)) ?? /^\s*((?:19|20)\d{2})\s*年[，,]/u.exec(source.text.slice(opening.start, opening.end)) : undefined;
  if (opening && opens && year && Number(opens[1]) !== year) warn('/sections', 'NB6005', { where: 'text', found: opens[1]!, year }, opening.start + opens[0].indexOf(opens[1]!));
  // Dates in a possible order: published and signed after the year it reports on, signed before published.
  if (isIsoDate(report.published) && year && report.published <= `${year}-12-31`) warn('/published', 'NB6012', { kind: 'early', published: report.published, year });
  else if (isIsoDate(report.date) && spans.has('/date') && year && report.date <= `${year}-12-31`) warn('/date', 'NB6012', { kind: 'early', published: report.date, year });
  if (isIsoDate(report.published) && isIsoDate(report.date) && spans.has('/date') && report.date > report.published) {
    warn('/date', 'NB6012', { kind: 'order', published: report.published, date: report.date });
  }
  return out;
}

/**
 * The last day a report of `year` may be published (YYYY-MM-DD), as the profile's deadlines set
 * it for this publisher; undefined when none binds it (a 乡镇 or 街道 under today's 条例).
 */
export function legalDeadline(profile: Profile, year: number, publisher: 'department' | 'government', organization: string): string | undefined {
  const deadlines = profile.deadlines;
  if (!deadlines || !year || (!deadlines.townships && levelOf(organization) === 'township')) return undefined;
  return `${year + 1}-${deadlines[publisher]}`;
}
