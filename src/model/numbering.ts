/** Heading numbers by depth, as GB/T 9704 §7.3.3 orders them: 一、 （一） 1. （1）. */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Deepest level the standard defines. */
export const MAX_HEADING_LEVEL = 4;

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (headings never need more). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) return String(n);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let out = hundreds ? `${DIGITS[hundreds]}百` : '';
  if (tens) out += `${tens === 1 && !hundreds ? '' : DIGITS[tens]}十`;
  else if (hundreds && ones) out += '零';
  if (ones) out += DIGITS[ones];
  return out;
}

/** Parses a Chinese numeral written with 一…九, 十 and 百; undefined when it is not one. */
export function parseChineseNumeral(text: string): number | undefined {
  if (!/^[零一二三四五六七八九十百]+$/.test(text)) return undefined;
  for (let n = 1; n <= 999; n++) if (chineseNumeral(n) === text) return n;
  return undefined;
}

/** The number printed before a heading at `level` (1-based) and `index` (1-based). */
export function headingNumber(level: number, index: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(index)}、`;
    case 2:
      return `（${chineseNumeral(index)}）`;
    case 3:
      return `${index}.`;
    default:
      return `（${index}）`;
  }
}

/** A number a user typed at the start of a heading, as the level and index it denotes. */
export interface TypedNumber {
  readonly text: string;
  readonly level: number;
  readonly index: number;
}

const TYPED = /^\s*(?:([零一二三四五六七八九十百]+)\s*[、．.，,]|[（(]\s*([零一二三四五六七八九十百]+)\s*[）)]|(\d{1,3})\s*[.．、](?!\d)|[（(]\s*(\d{1,3})\s*[）)])[\s\u00a0\u3000]*/;

/** Recognises a hand-typed heading number (`一、`, `(一)`, `1.`, `（1）`…) at the start of `heading`. */
export function readTypedNumber(heading: string): TypedNumber | undefined {
  const match = TYPED.exec(heading);
  if (!match) return undefined;
  const [text, l1, l2, l3, l4] = match;
  if (l1 !== undefined) return withIndex(text, 1, parseChineseNumeral(l1));
  if (l2 !== undefined) return withIndex(text, 2, parseChineseNumeral(l2));
  if (l3 !== undefined) return withIndex(text, 3, Number(l3));
  return withIndex(text, 4, Number(l4));
}

function withIndex(text: string, level: number, index: number | undefined): TypedNumber | undefined {
  return index === undefined ? undefined : { text, level, index };
}
