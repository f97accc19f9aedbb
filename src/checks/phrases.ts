/**
 * How reports word what the prose check compares: the words that join and link quantities, the
 * units, and the kinds of clause that are about something else (another year, scope, subject)
 * or about a part of a quantity (a reason, a kind of applicant, a channel, a topic). Pure.
 */

import { decimalsOf } from '../model/numbers.js';
import type { ProseCheck } from '../profiles/profile.js';

/** Where a number stands: the text before it in its sentence, its clause, and its clause with the one before. */
export interface SaidContext {
  readonly sentence: string;
  readonly clause: string;
  readonly clauses: string;
}

/** Words joining quantities named together: 予以公开及部分公开, 行政复议、行政诉讼. */
export const JOIN = String.raw`\s*(?:以及|和|及|与|、|或)\s*`;
/** Words between the quantities and the number: 的, 共, 为, 合计 … (各, 均: each one has that number). */
export const LINK = String.raw`\s*(?:的\s*)?(?:(?<each>各|均)\s*)?(?:(?:共计|合计|总计|共|为|计|了|达|有)\s*)?`;
/** A reference typed in place of a number: its value is what the sentence says. */
export const REFERENCE = String.raw`\{\{\s*(?:figures|tables)\.[A-Za-z0-9_.]+\s*\}\}`;
export const COUNT_UNIT = '(?:件|条|个|起|次|项)';
export const AMOUNT_UNIT = '(?:万元|元)';
/** A unit that is the start of a longer measure (7个工作日, 3个月): not a count. */
export const NOT_A_COUNT = '(?!工作日|自然日|个?月|小时|百分点|日内|年)';

/** A clause about another time or a wider scope than the report's own tables. */
export const OTHER_TIME = /上年|上一年|去年|前年|往年|同期|同比|较.{0,4}年/u;
/** A clause about last year's applications carried over: what follows (其中予以公开2件) is about them. */
export const CARRIED_OVER = /上年结转的|上年度结转的|上年遗留的|上年结转\s*[0-9０-９]+\s*件[，,]/u;
export const OTHER_SCOPE = /全市|全县|全区|全省|全州|全盟|全旗|全国|各级|各地|各部门|各单位|全系统|系统内|所属|下属|本系统/u;
/** A sentence about documents and their publicity (公文公开属性), not applications. */
export const OTHER_SUBJECT = /公文|发文|属性|重新审查|重新答复|重新作出|拟主动公开|作为.{0,10}(?:复议机关|被告)|征求.{0,10}意见/u;
/** Words right before the quantity that make it a part (准予行政许可, 网上办理…, 涉企…收费): at most the whole. */
export const QUALIFIED = /(?:准予|不予|简易程序|一般程序|网上|线上|线下|当场|当面|信函|传真|涉企|通过.{1,10}|以.{1,8}(?:形式|方式)|适用.{1,8}|[一二三四]季度|上半年|下半年|\d{1,2}月(?:份)?|(?:结果)?(?:维持|纠正)|尚未审结|已审结)(?:的)?(?:办理|作出|受理|收取|收到)?$/u;
/** A clause about one topic or channel of the applications (涉及土地征收的申请…, 以信函方式…): its numbers are parts. */
export const TOPIC = /涉及.{1,12}的|关于.{1,12}的|.{1,8}类申请|(?:以|通过).{0,8}(?:方式|渠道|形式)|的申请中/u;
/** A clause that gives a reason (因涉及第三方合法权益不予公开…): a row of the quantity's group.
 *  因政府信息公开(工作)… is the tables' own scope, not a reason. */
export const REASON = /因(?!政府信息公开)|属于|涉及|对.{0,12}类|类申请/u;
/** Kinds of applicant, as table 三's columns name them: a clause about one quotes its column. */
export const APPLICANTS: readonly (readonly [RegExp, readonly string[]])[] = [
  [/自然人|公民|个人|群众/u, ['natural']],
  [/法人或其他组织|法人和其他组织/u, ['commercial', 'research', 'nonprofit', 'legal', 'other']],
  [/商业企业|企业/u, ['commercial']],
  [/科研机构/u, ['research']],
  [/社会公益组织|公益组织/u, ['nonprofit']],
  [/法律服务机构|律师事务所|律师/u, ['legal']],
];

/** The sentence is about something else than the report's tables: documents, another year, a wider scope. */
export function elsewhere(said: SaidContext, year: number): boolean {
  // The clause, with a short one before it that only says when (上年度，本厅共收到… / 2021年，我局…).
  const before = said.clauses.slice(0, said.clauses.length - said.clause.length);
  const when = before.length <= 10 ? before + said.clause : said.clause;
  if (OTHER_SUBJECT.test(said.sentence) || OTHER_TIME.test(when) || OTHER_SCOPE.test(said.clause) || CARRIED_OVER.test(said.sentence)) return true;
  // A year that is not the report's (2022年…, in a 2023 report).
  return [...when.matchAll(/((?:19|20)\d{2})\s*年/g)].some((m) => Number(m[1]) !== year);
}

/** The checks named, in order, by the words before a number ("予以公开及部分公开"); undefined if they do not split. */
export function splitTerms(terms: string, checks: readonly ProseCheck[]): ProseCheck[] | undefined {
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

/** A number agrees with the table when equal; an amount, when equal at the precision written (in 元 when `yuan`). */
export function agrees(number: number, typed: string, expected: number, amount: boolean, yuan = false): boolean {
  if (!amount) return number === expected;
  // Rounded either way at the typed precision (1268.235 may be written 1268.24 or 1268.23).
  const half = 0.5 / 10 ** decimalsOf(typed) / (yuan ? 10000 : 1);
  return Math.abs(expected - number) <= half + 1e-9;
}

/** Sums of decimal amounts without binary noise (0.1 + 0.2 → 0.3). */
export function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
