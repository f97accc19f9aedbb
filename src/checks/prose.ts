/**
 * Prose agrees with tables (spec §3.1, I8): where a sentence names table quantities and states
 * a number right after them ("予以公开12件", "予以公开及部分公开58件", "行政复议、行政诉讼分别
 * 为4件、3件", "未发生行政复议"), the number must be the table's (for several quantities named
 * together, their sum). The phrases come from the profile (profile.yaml `prose_checks`).
 *
 * A sentence about something else is left alone: another year (2022年…, 上年…), a wider scope
 * (全市各级行政机关…), documents rather than applications (公文…属性). A number in a clause
 * that narrows the quantity (因涉及第三方合法权益不予公开1件, 自然人申请…予以公开21件) may be
 * one of the table's parts.
 */

import type { Diagnostic } from '../diagnostics.js';
import { allSections, type Report } from '../model/model.js';
import { NUMBER_PATTERN, readNumber } from '../model/numbers.js';
import type { ProseCheck } from '../profiles/profile.js';
import { diagnosticAt, type SourceFile } from '../source/source.js';
import type { TableDef } from '../tables/definitions.js';
import { partValues, tableValueAt, unitAt } from '../tables/lookup.js';
import { AMOUNT_UNIT, agrees, type SaidContext, APPLICANTS, COUNT_UNIT, elsewhere, JOIN, LINK, NOT_A_COUNT, QUALIFIED, REASON, REFERENCE, round, splitTerms, TOPIC } from './phrases.js';
import type { SpanMap } from '../source/yaml.js';
import type { TableValues } from '../tables/cells.js';
import { statedChange, wrongChange, type StatedChange } from './changes.js';

/** What checking prose needs besides the report: the profile's tables and which of them are wrong. */
export interface ProseContext {
  readonly defs: readonly TableDef[];
  readonly checks: readonly ProseCheck[];
  /** Keys of tables with errors of their own: their numbers are not advice. */
  readonly brokenTables: ReadonlySet<string>;
  /** Last year's tables (`previous:`), for a change typed after a quantity (较上年增加12件). */
  readonly previous?: ReadonlyMap<string, TableValues>;
}

interface Said extends SaidContext {
  readonly found: string;
  readonly checks: readonly ProseCheck[];
  /** The number as typed (or the reference), where it is in the source. */
  readonly typed: string;
  readonly offset: number;
  readonly unit: string;
  readonly each: boolean;
  /** JSON pointer of the text. */
  readonly pointer: string;
  /** The number is followed by its own parts (（其中本年新收1,340件、上年结转60件）): their sum. */
  readonly breakdown?: number;
  /** The number is followed by （含上年结转N件）, （含部分公开10件）: what it includes besides. */
  readonly includes?: { readonly checks: readonly ProseCheck[]; readonly n: number };
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
  const terms = `(?<terms>${term}(?:${JOIN}${term})*)`;
  const number = `(?<n>${NUMBER_PATTERN}|${REFERENCE})`;
  const unit = `(?<unit>${COUNT_UNIT}${NOT_A_COUNT}|${AMOUNT_UNIT})`;
  const phrase = new RegExp(`${terms}${LINK}${number}\\s*${unit}`, 'gu');
  const respectively = new RegExp(`${terms}\\s*(?:的)?(?:数量|件数)?\\s*分别(?:为|是)?\\s*(?<list>(?:${NUMBER_PATTERN})\\s*${COUNT_UNIT}?(?:\\s*[、，,和及与]\\s*(?:${NUMBER_PATTERN})\\s*${COUNT_UNIT}?)+)`, 'gu');
  const includes = new RegExp(`^\\s*[（(]\\s*(?:含|包括|包含)\\s*${terms}\\s*(?:的)?\\s*(?<n>${NUMBER_PATTERN})\\s*件`, 'u');
  /** （其中A N件、B M件）or ，其中A N件、B M件: the sum of two or more parts named by the phrases, or undefined. */
  const item = new RegExp(`\\s*${terms}${LINK}(?<n>${NUMBER_PATTERN})\\s*件\\s*[、，,和及]?`, 'uy');
  const partsAfter = (text: string): number | undefined => {
    const open = /^\s*[（(，,]?\s*其中[，,：:]?/u.exec(text);
    if (!open) return undefined;
    // The table's values of the quantities the parts name: the total is right when it is their sum.
    let sum = 0;
    let count = 0;
    item.lastIndex = open[0].length;
    for (let m = item.exec(text); m; m = item.exec(text)) {
      for (const check of splitTerms(m.groups!.terms!, checks) ?? []) sum += valueOf(check) ?? NaN;
      count++;
    }
    return count >= 2 ? round(sum) : undefined;
  };
  // 未发生…, 没有…, 无上年结转申请, 未收取行政事业性收费 (无 only right before the quantity: 无法提供 is one).
  const none = new RegExp(`(?:(?:未|没有)(?:发生|出现)?(?:过)?|无(?!法))(?:任何)?(?:因政府信息公开(?:工作|申请)?(?:而)?)?${terms}(?=(?:的)?(?:情况|案件|事件)?(?:[，。；）)\\n]|$))`, 'gu');
  const diagnostics: Diagnostic[] = [];

  const report_ = (said: Said, group: readonly ProseCheck[], expected: number, code = 'NB5006') => {
    const what = group.map((c) => c.label).join('、') + (group.length > 1 ? '之和' : '');
    const paths = group.flatMap((c) => c.values);
    const broken = [...new Set(paths.map((p) => p.split('.')[0]!))].filter((t) => brokenTables.has(t));
    if (broken.length) {
      const table = defs.find((d) => d.key === broken[0])?.title ?? broken[0]!;
      diagnostics.push(diagnosticAt(source, said.offset, 'NB5008', 'warning', { found: said.found, what, table }, said.pointer));
      return;
    }
    const params = { found: said.found, what, expected, ...(paths.length === 1 && code === 'NB5006' ? { ref: paths[0]! } : {}) };
    diagnostics.push(diagnosticAt(source, said.offset, code, 'error', params, said.pointer));
  };

  /** A change typed after some quantities, against this year's and last year's tables (NB5012). */
  const checkChange = (change: StatedChange, named: readonly ProseCheck[], at: number, pointer: string) => {
    const paths = named.flatMap((c) => c.values);
    if (paths.some((p) => brokenTables.has(p.split('.')[0]!))) return;
    const sum = (tables: ReadonlyMap<string, TableValues>) => {
      const values = paths.map((p) => tableValueAt(defs, tables, p));
      return values.some((v) => v === undefined) ? undefined : values.reduce((a, b) => a! + b!, 0)!;
    };
    const [now, before] = [sum(report.tables), sum(context.previous!)];
    if (now === undefined || before === undefined) return;
    const right = wrongChange(change, now, before, unitAt(defs, paths[0]!));
    if (right) diagnostics.push(diagnosticAt(source, at, 'NB5012', 'error', { found: change.found, what: named.map((c) => c.label).join('、'), now, before, expected: right }, pointer));
  };

  /** Compares what a sentence says of some quantities with the table. */
  const compare = (said: Said) => {
    if (elsewhere(said, report.year)) return;
    const amount = /元/.test(said.unit);
    if (said.checks.some((c) => c.amount !== amount || (c.unit === '件' && said.unit !== '件'))) return;
    const groups = said.each ? said.checks.map((c) => [c]) : [said.checks];
    for (const group of groups) {
      const parts = group.map(valueOf);
      if (parts.some((v) => v === undefined)) continue;
      const expected = round(parts.reduce((a, b) => a! + b!, 0)!);
      const stated = statedValue(said, group);
      if (stated === undefined) continue;
      if (agrees(stated, said.typed, expected, amount, said.unit === '元')) continue;
      // A fee typed in 元 in its 万元 cell: the text in 万元 is right, the table's warning says why.
      if (amount && said.unit === '万元' && Math.abs(stated * 10000 - expected) < 0.5) continue;
      // 共受理申请1,400件（其中本年新收1,340件、上年结转60件）: a total of other quantities, given with them.
      if (said.breakdown !== undefined && stated === said.breakdown) continue;
      // 收到申请60件（含上年结转3件）, 予以公开62件（含部分公开10件）: a count that says what else it includes.
      const also = said.includes?.checks.map(valueOf);
      if (also && also.every((v) => v !== undefined) && said.includes!.n === also.reduce((a, b) => a! + b!, 0) && stated === round(expected + said.includes!.n)) continue;
      // 准予行政许可…, 网上办理…: a part of the quantity, at most the whole.
      if ((QUALIFIED.test(said.clause) || TOPIC.test(said.clauses)) && stated <= expected) continue;
      // A narrowed clause quotes a part: the column of the applicants it names, or a row of the group for a reason.
      if (group.length === 1 && group[0]!.values.length === 1 && narrowedParts(said.clauses, group[0]!.values[0]!).has(stated)) continue;
      report_(said, group, expected);
    }
  };

  /** The parts a narrowed clause may quote of the quantity at `path`. */
  const narrowedParts = (clauses: string, path: string): Set<number> => {
    const out = new Set<number>();
    const [tableKey, ...rest] = path.split('.');
    if (!rest.length) return out;
    const rowPath = rest.slice(0, -1).join('.');
    const applicant = APPLICANTS.find(([re]) => re.test(clauses));
    if (applicant) {
      const cells = report.tables.get(tableKey!)?.get(rowPath);
      const parts = applicant[1].map((c) => cells?.get(c));
      if (cells && parts.every((v) => v !== undefined)) out.add(parts.reduce((a, b) => a! + b!, 0)!);
      // A group row ((三)不予公开) by applicant: its rows' cells are parts too.
      for (const v of partValues(defs, report.tables, path)) if (!cells) out.add(v);
    }
    if (REASON.test(clauses)) for (const v of partValues(defs, report.tables, path, 'rows')) out.add(v);
    return out;
  };

  /** The number a sentence states: typed, or the value of the reference typed in its place. */
  const statedValue = (said: Said, group: readonly ProseCheck[]): number | undefined => {
    const ref = /^\{\{\s*(figures|tables)\.([A-Za-z0-9_.]+)\s*\}\}$/.exec(said.typed);
    if (!ref) {
      const n = readNumber(said.typed);
      return n === undefined ? undefined : said.unit === '元' ? n / 10000 : n;
    }
    // A reference to the very cell the phrase names is right by construction.
    if (ref[1] === 'tables' && group.length === 1 && group[0]!.values.length === 1 && group[0]!.values[0] === ref[2]) return undefined;
    const v = ref[1] === 'figures' ? report.figures.get(ref[2]!) : tableValueAt(defs, report.tables, ref[2]!);
    return typeof v === 'number' ? v : undefined;
  };

  for (const pointer of ['/intro', ...allSections(report.sections).map((s) => `${s.path}/text`)]) {
    const span = spans.get(pointer);
    if (!span) continue;
    // The raw source of the text: a literal number is where the user typed it.
    const raw = source.text.slice(span.start, span.end);
    const contextAt = (at: number) => {
      // A sentence ends at 。；！？ or a blank line: a line the clerk wrapped goes on. What
      // matters is near: the last 300 characters are looked at, so long texts stay linear.
      const near = raw.slice(Math.max(0, at - 300), at);
      let start = 0;
      for (const m of near.matchAll(/[。；！？]|\n[ \t]*\n/g)) start = m.index + m[0].length;
      const sentence = near.slice(start).replace(/\s+/g, '');
      const cut = [...sentence.matchAll(/[，,：:（(]/g)].map((m) => m.index);
      const from = (k: number) => (cut.length >= k ? cut[cut.length - k]! + 1 : 0);
      return { sentence, clause: sentence.slice(from(1)), clauses: sentence.slice(from(2)), pointer };
    };

    for (const match of raw.matchAll(phrase)) {
      const g = match.groups as Record<string, string | undefined>;
      const named = splitTerms(g.terms!, checks);
      if (!named) continue;
      const following = raw.slice(match.index + match[0].length, match.index + match[0].length + 120).replace(/\n[ \t]*/g, '');
      const after = includes.exec(following);
      const parts = partsAfter(following);
      const included = after ? splitTerms(after.groups!.terms!, checks) : undefined;
      const said: Said = {
        found: match[0].trim(),
        checks: named,
        typed: g.n!,
        offset: span.start + match.index + match[0].lastIndexOf(g.n!),
        unit: g.unit!,
        each: g.each !== undefined,
        ...contextAt(match.index),
        ...(included && after ? { includes: { checks: included, n: readNumber(after.groups!.n!) ?? NaN } } : {}),
        ...(parts !== undefined ? { breakdown: parts } : {}),
      };
      compare(said);
      // 较上年增加12件（增长26.1%）right after it: this year's against last year's.
      const change = context.previous ? statedChange(following, report.year) : undefined;
      if (change && !elsewhere(said, report.year)) {
        const end = match.index + match[0].length;
        const at = span.start + Math.max(end, raw.indexOf(change.amount?.typed ?? change.rate!.typed, end));
        checkChange(change, named, at, pointer);
      }
    }
    // 行政复议、行政诉讼分别为4件、3件: each quantity its number, in order.
    for (const match of raw.matchAll(respectively)) {
      const g = match.groups as Record<string, string>;
      const named = splitTerms(g.terms!, checks);
      const numbers = [...g.list!.matchAll(new RegExp(NUMBER_PATTERN, 'gu'))];
      if (!named || numbers.length !== named.length) continue;
      const listAt = match.index + match[0].lastIndexOf(g.list!);
      named.forEach((check, i) => {
        const n = numbers[i]!;
        compare({ found: match[0].trim(), checks: [check], typed: n[0], offset: span.start + listAt + n.index, unit: '件', each: false, ...contextAt(match.index) });
      });
    }
    // 未发生行政复议和行政诉讼: each quantity is 0.
    for (const match of raw.matchAll(none)) {
      const named = splitTerms(match.groups!.terms!, checks);
      if (!named) continue;
      const said = { found: match[0].trim(), typed: '0', offset: span.start + match.index, unit: '件', each: false, ...contextAt(match.index) };
      // 复议决定作出后…未提起行政诉讼: about the suits after reconsideration only.
      if (elsewhere(said, report.year) || /复议.{0,6}后/u.test(said.sentence)) continue;
      for (const check of named) {
        const value = valueOf(check);
        if (value === undefined || value === 0) continue;
        report_({ ...said, checks: [check] }, [check], value, 'NB5010');
      }
    }
  }
  return diagnostics;
}

