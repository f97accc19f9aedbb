/**
 * The change from last year's value to this year's, in the words these reports use:
 * "增加12件（增长26.1%）", "减少3件（下降5.0%）", "与上年持平". Pure.
 */

/** Characters a change may print besides digits (cut into the body face). */
export const CHANGE_CHARS = '增加减少增长下降与上年持平（）%.';

/**
 * `{{change …}}` as printed; `unit` follows the difference (件, 万元, 条, or nothing). After a
 * comparison already said (较上年, 同比), no change is 持平, not 与上年持平 again.
 */
export function describeChange(current: number, previous: number, unit = '', compared = false): string {
  const difference = round(current - previous);
  if (difference === 0) return compared ? '持平' : '与上年持平';
  const [more, grow] = difference > 0 ? ['增加', '增长'] : ['减少', '下降'];
  const amount = `${more}${format(Math.abs(difference))}${unit}`;
  // Against nothing there is no rate: "增加5件", not "增长∞%".
  if (previous === 0) return amount;
  return `${amount}（${grow}${(Math.abs(difference) / Math.abs(previous) * 100).toFixed(1)}%）`;
}

/** Text that ends by naming the comparison: 较上年, 比去年, 同比, 与2024年相比. */
export const COMPARED = /(?:较|比|同比|与)(?:上年|去年|上一年|上年度|\d{4}年)?(?:同期)?(?:相比)?[，,]?\s*$/u;

/** A value with at most two decimals, as the tables print it (万元 to 0.01). */
function format(value: number): string {
  return String(round(value));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
