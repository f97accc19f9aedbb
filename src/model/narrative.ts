/**
 * Narrative text: paragraphs of plain text with `**bold**` and `{{figures.name}}` references.
 * Text is never HTML and never a template: anything else a user types is shown as typed.
 */

/** A run of inline content within a paragraph. */
export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'strong'; readonly text: string }
  | { readonly kind: 'figure'; readonly name: string; readonly text: string };
// `name` of a figure run is the reference's target: `figures.x` or `tables.requests.new.total`.

/** A reference found in a text, with its offset inside the (decoded) string value. */
export interface Reference {
  readonly raw: string;
  readonly offset: number;
  /**
   * `figures.name`, `tables.table.row.column`, or either with `previous.` before it (last year's
   * value); undefined when the braces hold something else.
   */
  readonly target?: string;
  /** `{{change tables.x.y [unit]}}`: the change from last year's value, in words. */
  readonly change?: { readonly unit?: string };
}

const REFERENCE = /\{\{\{?\s*([^{}]*?)\s*\}\}\}?/g;
const PATH = '(?:previous\\.)?(?:figures\\.[A-Za-z_][A-Za-z0-9_]*|tables(?:\\.[A-Za-z_][A-Za-z0-9_]*)+)';
const TARGET = new RegExp(`^${PATH}$`);
// A unit is a few characters, none a digit or ASCII punctuation: 件, 万元, 条, 人次.
const CHANGE = new RegExp(`^change\\s+(${PATH.replace('(?:previous\\.)?', '')})(?:\\s+([^\\s{}.\\d]{1,4}))?$`);

/** Every `{{…}}` in a text, in order. */
export function findReferences(text: string): Reference[] {
  return [...text.matchAll(REFERENCE)].map((m) => {
    const inner = m[1] ?? '';
    // `{{{…}}}` is Handlebars' raw output: never a reference, always shown as typed.
    if (m[0].startsWith('{{{')) return { raw: m[0], offset: m.index };
    if (TARGET.test(inner)) return { raw: m[0], offset: m.index, target: inner };
    const change = CHANGE.exec(inner);
    if (change) return { raw: m[0], offset: m.index, target: change[1]!, change: change[2] ? { unit: change[2] } : {} };
    return { raw: m[0], offset: m.index };
  });
}

/**
 * Splits text into paragraphs (blank lines separate them) and lines into one paragraph.
 * Chinese lines join without a space; a space is kept only between two Latin words.
 */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u3000]*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .reduce((out, line) => (out && /[A-Za-z0-9,.;:!?]$/.test(out) && /^[A-Za-z0-9]/.test(line) ? `${out} ${line}` : out + line), ''),
    )
    .filter((p) => p !== '');
}

/**
 * Turns one paragraph into inline runs, substituting references through `lookup` (given the
 * reference, whose target is e.g. `figures.items`). An unknown reference stays as its literal
 * text (the caller reports it).
 */
export function parseInline(paragraph: string, lookup: (ref: Reference) => string | undefined): Inline[] {
  const withFigures: Inline[] = [];
  let last = 0;
  for (const ref of findReferences(paragraph)) {
    if (ref.offset > last) withFigures.push({ kind: 'text', text: paragraph.slice(last, ref.offset) });
    const value = ref.target === undefined ? undefined : lookup(ref);
    withFigures.push(value === undefined ? { kind: 'text', text: ref.raw } : { kind: 'figure', name: ref.change ? `change ${ref.target}` : ref.target!, text: value });
    last = ref.offset + ref.raw.length;
  }
  if (last < paragraph.length) withFigures.push({ kind: 'text', text: paragraph.slice(last) });
  return applyStrong(mergeText(withFigures));
}

function mergeText(runs: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const run of runs) {
    const prev = out[out.length - 1];
    if (run.kind === 'text' && prev?.kind === 'text') out[out.length - 1] = { kind: 'text', text: prev.text + run.text };
    else out.push(run);
  }
  return out;
}

/** `**…**` inside a text run becomes strong; an unpaired `**` stays as typed. */
function applyStrong(runs: Inline[]): Inline[] {
  return runs.flatMap((run): Inline[] => {
    if (run.kind !== 'text') return [run];
    const parts = run.text.split('**');
    if (parts.length < 3) return [run];
    const out: Inline[] = [];
    parts.forEach((part, i) => {
      const closed = i % 2 === 1 && i < parts.length - 1;
      if (part === '' && !closed) return;
      if (closed) out.push({ kind: 'strong', text: part });
      else if (i % 2 === 1) out.push({ kind: 'text', text: `**${part}` });
      else out.push({ kind: 'text', text: part });
    });
    return mergeText(out);
  });
}

/** The plain text of inline runs (what a reader sees). */
export function inlineText(runs: readonly Inline[]): string {
  return runs.map((r) => r.text).join('');
}
