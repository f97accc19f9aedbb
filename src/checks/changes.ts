/**
 * A change from last year typed after a quantity: "本年新收申请57件，较上年增加12件（增长26.1%）".
 * With last year's report (`previous:`), the change must be the tables' (NB5012). Pure.
 */

import { describeChange } from '../model/change.js';
import { NUMBER_PATTERN, readNumber } from '../model/numbers.js';

/** A change as typed: its direction and amount, or a rate in per cent. */
export interface StatedChange {
  /** The change typed, as found ("增加12件（增长26.1%）"). */
  readonly found: string;
  /** Where the first number is within the text searched. */
  readonly at: number;
  /** Signed amount (件, 万元), when stated. */
  readonly amount?: { readonly value: number; readonly typed: string };
  /** Signed rate in per cent, when stated. */
  readonly rate?: { readonly value: number; readonly typed: string };
}

const UP = '增加|增长|上升|多';
const DOWN = '减少|下降|少';
const SINCE = '(?:较|比|同比)(?:上年|去年|上一年|上年度|(?<year>\\d{4})年)?(?:同期)?(?:相比)?';
const STEP = `(?<dir>${UP}|${DOWN})了?\\s*(?<n>${NUMBER_PATTERN})\\s*(?<unit>件|万元|%|％)`;
const THEN = `(?:\\s*[（(，,]\\s*(?<dir2>${UP}|${DOWN})了?\\s*(?<n2>${NUMBER_PATTERN})\\s*(?<unit2>%|％)[）)]?)?`;
const CHANGE = new RegExp(`^\\s*[，,]?\\s*${SINCE}\\s*(?:${STEP}${THEN}|(?<same>持平|相同|一致|无变化|没有变化))`, 'u');

/** The change from last year typed right after a quantity of `year`'s report, if any (against another year: none). */
export function statedChange(following: string, year: number): StatedChange | undefined {
  const m = CHANGE.exec(following);
  if (!m) return undefined;
  const g = m.groups as Record<string, string | undefined>;
  if (g.year && Number(g.year) !== year - 1) return undefined;
  if (g.same) return { found: m[0].replace(/^[\s，,]+/u, ''), at: m.index + m[0].indexOf(g.same), amount: { value: 0, typed: g.same } };
  const signed = (dir: string, n: string) => (new RegExp(`^(?:${DOWN})$`, 'u').test(dir) ? -1 : 1) * (readNumber(n) ?? NaN);
  const first = { value: signed(g.dir!, g.n!), typed: g.n! };
  const percent = (u: string | undefined) => u === '%' || u === '％';
  const rate = percent(g.unit) ? first : g.n2 ? { value: signed(g.dir2!, g.n2), typed: g.n2 } : undefined;
  const at = m.index + m[0].indexOf(g.n!, m[0].indexOf(g.dir!));
  return { found: m[0].replace(/^[\s，,]+/u, ''), at, ...(percent(g.unit) ? {} : { amount: first }), ...(rate ? { rate } : {}) };
}

/**
 * Whether a stated change is this year's against last year's; a rate may be rounded as typed
 * (26% or 26.1% for 26.09%). Undefined when it agrees, else the change in words to write.
 */
export function wrongChange(stated: StatedChange, now: number, before: number, unit: string): string | undefined {
  const difference = Math.round((now - before) * 100) / 100;
  const amountOk = !stated.amount || Math.abs(stated.amount.value - difference) < 1e-9;
  let rateOk = true;
  if (stated.rate) {
    const decimals = stated.rate.typed.split(/[.．]/)[1]?.length ?? 0;
    const actual = before === 0 ? NaN : (difference / before) * 100;
    rateOk = Math.abs(stated.rate.value - actual) <= 0.5 * 10 ** -decimals + 1e-9;
  }
  return amountOk && rateOk ? undefined : describeChange(now, before, unit);
}
