/**
 * Numbers as people type them in Chinese text: 1040, 1,040, full-width １０４０, 12.5, and
 * Chinese numerals (四十一, 一百零五, 两千三百). Pure.
 */

/** A number in text, as a regular-expression fragment (no groups of its own). */
export const NUMBER_PATTERN = String.raw`(?:[0-9０-９]+(?:,[0-9０-９]{3})*(?:[.．][0-9０-９]+)?|[零〇一二两三四五六七八九十百千万]+)`;

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** The value of a number written as NUMBER_PATTERN matches, or undefined when it is not one. */
export function readNumber(text: string): number | undefined {
  const ascii = text.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[,，]/g, '');
  if (/^\d+(\.\d+)?$/.test(ascii)) return Number(ascii);
  return readChineseNumeral(text);
}

/** Decimal places a typed number shows (for comparing amounts at the precision written). */
export function decimalsOf(text: string): number {
  return /[.．](\d+|[０-９]+)$/.exec(text)?.[1]?.length ?? 0;
}

/** 四十一 → 41, 一百零五 → 105, 十二 → 12, 两万三千 → 23000, 二〇二三 → 2023 (digit by digit). */
export function readChineseNumeral(text: string): number | undefined {
  if (!/^[零〇一二两三四五六七八九十百千万]+$/.test(text)) return undefined;
  // Digits only (二〇二三): read digit by digit.
  if (!/[十百千万]/.test(text)) return Number([...text].map((c) => DIGITS[c]).join(''));
  let total = 0;
  let section = 0; // below 万
  let digit: number | undefined;
  for (const c of text) {
    if (c in DIGITS) {
      digit = DIGITS[c];
    } else if (c in UNITS) {
      section += (digit ?? 1) * UNITS[c]!;
      digit = undefined;
    } else {
      // 万
      total += (section + (digit ?? 0)) * 10000;
      section = 0;
      digit = undefined;
    }
  }
  return total + section + (digit ?? 0);
}
