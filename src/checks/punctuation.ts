/**
 * Half-width punctuation inside Chinese text (, ; : ? ! ( ) typed with the keyboard in English
 * mode): found in the narrative values of a report, reported once a value (NB6015), and
 * rewritten to full-width by `nianbao fix`. Never inside numbers (1,040), times (9:00), Latin
 * words or web addresses: a mark counts only where Chinese stands on the side it belongs to.
 * Pure.
 */

import type { Diagnostic } from '../diagnostics.js';
import { readTypedNumber } from '../model/numbering.js';
import { diagnosticAt, type SourceFile } from '../source/source.js';
import type { ParsedYaml } from '../source/yaml.js';
import { escapePointer } from '../source/yaml.js';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
/** Chinese, or Chinese punctuation that closes or opens a phrase. */
const HAN = /[\p{Script=Han}“”‘’《》〈〉【】（）「」、。，；：？！…—]/u;

/** One mark to rewrite: its offset in the text, and the full-width mark. */
export interface Mark {
  readonly offset: number;
  readonly found: string;
  readonly replacement: string;
}

/** The half-width marks of `text` that stand between Chinese (an opening bracket before it, a closing one after it). */
export function halfWidthMarks(text: string): Mark[] {
  const marks: Mark[] = [];
  const parens: { offset: number; c: string; ok: boolean }[] = [];
  const chars = [...text];
  let offset = 0;
  chars.forEach((c, i) => {
    const at = offset;
    offset += c.length;
    const replacement = FULL[c];
    if (!replacement) return;
    // The neighbours, past one space (工作, 进一步).
    const before = chars[i - 1] === ' ' ? chars[i - 2] : chars[i - 1];
    const after = chars[i + 1] === ' ' ? chars[i + 2] : chars[i + 1];
    const han = (x: string | undefined) => x !== undefined && HAN.test(x);
    const ok = c === '(' ? han(after) && (han(before) || before === undefined) : c === ')' ? han(before) : han(before) && (han(after) || after === undefined || after === '\n');
    if (c === '(' || c === ')') parens.push({ offset: at, c, ok });
    else if (ok) marks.push({ offset: at, found: c, replacement });
  });
  // Brackets go in pairs: both or neither (附件(附表1) becomes 附件（附表1）, never half of it).
  const open: { offset: number; ok: boolean }[] = [];
  for (const p of parens) {
    if (p.c === '(') open.push(p);
    else {
      const o = open.pop();
      if (o && (o.ok || p.ok)) marks.push({ offset: o.offset, found: '(', replacement: FULL['(']! }, { offset: p.offset, found: ')', replacement: FULL[')']! });
    }
  }
  return marks.sort((a, b) => a.offset - b.offset);
}

/** JSON pointers of the values a reader sees as Chinese text: title, introduction, headings, texts, tables' words. */
export function narrativePointers(parsed: ParsedYaml): string[] {
  const out: string[] = [];
  const doc = parsed.value as Record<string, unknown> | null;
  for (const key of ['title', 'signature', 'intro']) if (typeof doc?.[key] === 'string') out.push(`/${key}`);
  const walk = (sections: unknown, path: string) => {
    if (!Array.isArray(sections)) return;
    sections.forEach((s, i) => {
      const p = `${path}/${i}`;
      const section = s as Record<string, unknown> | null;
      for (const key of ['heading', 'text']) if (typeof section?.[key] === 'string') out.push(`${p}/${key}`);
      const tables = section?.table === undefined ? [] : Array.isArray(section.table) ? section.table.map((t, k) => [t, `${p}/table/${k}`] as const) : [[section.table, `${p}/table`] as const];
      for (const [t, tp] of tables) out.push(...stringsIn(t, tp));
      walk(section?.sections, `${p}/sections`);
    });
  };
  walk(doc?.sections, '/sections');
  return out;
}

function stringsIn(value: unknown, pointer: string): string[] {
  if (typeof value === 'string') return [pointer];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsIn(v, `${pointer}/${i}`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => (k === 'unit' ? [] : stringsIn(v, `${pointer}/${escapePointer(k)}`)));
  return [];
}

/** Every mark to rewrite in the source, value by value (offsets in the source text). */
export function sourceMarks(source: SourceFile, parsed: ParsedYaml): { pointer: string; marks: Mark[] }[] {
  return narrativePointers(parsed).flatMap((pointer) => {
    const span = parsed.spans.get(pointer);
    if (!span) return [];
    const text = source.text.slice(span.start, span.end);
    // A heading's typed number ("(一)") is set anew by nianbao: its brackets are not text.
    const skip = pointer.endsWith('/heading') ? readTypedNumber(text)?.text.length ?? 0 : 0;
    const marks = halfWidthMarks(text)
      .filter((m) => m.offset >= skip)
      .map((m) => ({ ...m, offset: span.start + m.offset }));
    return marks.length ? [{ pointer, marks }] : [];
  });
}

/** NB6015: one warning a value, at its first half-width mark, with how many it holds. */
export function checkPunctuation(source: SourceFile, parsed: ParsedYaml): Diagnostic[] {
  return sourceMarks(source, parsed).map(({ pointer, marks }) =>
    diagnosticAt(source, marks[0]!.offset, 'NB6015', 'warning', { count: marks.length, marks: [...new Set(marks.map((m) => m.found))].join(' '), file: source.path }, pointer),
  );
}
