/**
 * Reading what people typed into published tables and headings: labels compared without the
 * spaces, bracket widths, quotes and list marks that vary between copies; numbers written
 * with thousands separators or full-width digits; dates in either notation.
 */

/** A label reduced to what identifies it: no white space, one width of brackets, quotes and stops. */
export function labelKey(label: string): string {
  return label
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[“”"'‘’「」『』]/g, '"')
    .replace(/[：]/g, ':')
    .replace(/[，]/g, ',')
    .replace(/[．。]/g, '.')
    .replace(/[、]/g, '.');
}

/** A label without its leading list mark (一、 （三） 1. (1)), for comparing the words alone. */
export function withoutMark(label: string): string {
  return labelKey(label).replace(/^(?:[一二三四五六七八九十]+[.,]|\([一二三四五六七八九十]+\)|\d{1,2}[.,]?(?!\d)|\(\d{1,2}\))/, '');
}

/** The number a table cell shows, or why it shows none: blank, a placeholder, or text. */
export type CellReading = { readonly kind: 'number'; readonly value: number } | { readonly kind: 'blank'; readonly raw: string } | { readonly kind: 'text'; readonly raw: string };

/** Reads a cell: `1,214`, `３８`, ` 12 ` are numbers; `` and `/` `—` `-` `无` stand for none; anything else is text. */
export function readCell(raw: string): CellReading {
  const text = raw.normalize('NFKC').replace(/[\s]+/g, '');
  if (text === '' || /^[/／\\—–\-－无]+$/.test(text)) return { kind: 'blank', raw: raw.trim() };
  const plain = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? text.replace(/,/g, '') : text;
  if (/^-?\d+(\.\d+)?$/.test(plain)) return { kind: 'number', value: Number(plain) };
  return { kind: 'text', raw: raw.trim() };
}

/** A date typed as 2025-01-24, 2025/1/24, 2025.1.24 or 2025年1月24日, as YYYY-MM-DD. */
export function readDate(text: string): string | undefined {
  const m = /(\d{4})\s*(?:年|[-/.])\s*(\d{1,2})\s*(?:月|[-/.])\s*(\d{1,2})\s*日?/.exec(text.normalize('NFKC'));
  if (!m) return undefined;
  const [, y, mo, d] = m;
  const iso = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

/** A paragraph that is a date alone (a signature's 2025年1月22日), written in Arabic or Chinese numerals. */
export function dateLine(text: string): string | undefined {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  if (/^\d{4}(年\d{1,2}月\d{1,2}日|[-/.]\d{1,2}[-/.]\d{1,2})$/.test(t)) return readDate(t);
  const cn = /^([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/.exec(t);
  if (!cn) return undefined;
  const digit = (c: string) => '〇一二三四五六七八九'.indexOf(c.replace(/[○零]/, '〇'));
  const small = (s: string) => (s.length === 1 ? (s === '十' ? 10 : digit(s)) : s.startsWith('十') ? 10 + digit(s[1]!) : digit(s[0]!) * 10 + (s[2] ? digit(s[2]) : 0));
  return readDate(`${[...cn[1]!].map(digit).join('')}年${small(cn[2]!)}月${small(cn[3]!)}日`);
}

/** A run of digits glued to a label, the mark of a table whose cell boundaries were lost. */
export const RUN_TOGETHER = /^\d{2,}$/;
