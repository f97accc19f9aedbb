/**
 * Knowingly accepting a warning: a YAML comment `# nianbao-disable-line NB6007 reason` on the
 * line the warning is reported at (or `# nianbao-disable-next-line NB6007 reason` on the line
 * above). On the line of a key whose value is a block of text (`text: |`), it covers the whole
 * block. The warning stays in the results, marked suppressed with the reason; errors are never
 * suppressed. Pure.
 */

import type { Diagnostic } from '../diagnostics.js';
import { diagnosticAt, positionAt, type SourceFile } from '../source/source.js';
import { escapePointer, type ParsedYaml, type Span } from '../source/yaml.js';

const DIRECTIVE = /#[ \t]*nianbao-disable(?:-(?<next>next-)?line)?\b(?<rest>[^\r\n]*)/gi;

/** One accepting comment: the lines it covers, the codes it names, and why. */
interface Directive {
  readonly offset: number;
  readonly from: number;
  readonly to: number;
  readonly codes: readonly string[];
  readonly reason: string;
}

/** Marks the warnings that a comment accepts, and reports comments that accept nothing or an error. */
export function applySuppressions(source: SourceFile, parsed: ParsedYaml, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const { directives, inText } = findDirectives(source, parsed);
  // Inside narrative text the words are text: printed, and accepting nothing.
  const problems: Diagnostic[] = inText.map((at) => diagnosticAt(source, at, 'NB6011', 'warning', { code: '', problem: 'text' }));
  if (directives.length === 0) return [...diagnostics, ...problems];
  const out = [...diagnostics];
  for (const directive of directives) {
    for (const code of directive.codes) {
      const problem = (kind: string) => problems.push(diagnosticAt(source, directive.offset, 'NB6011', 'warning', { code, problem: kind }));
      const covered = (d: Diagnostic) => d.code === code && d.position !== undefined && d.position.line >= directive.from && d.position.line <= directive.to;
      const hits = out.map((d, i) => [d, i] as const).filter(([d]) => covered(d));
      if (code === 'NB????') problem('code');
      else if (hits.length === 0) problem('unused');
      else if (hits.some(([d]) => d.severity === 'error')) problem('error');
      else if (!directive.reason) problem('reason');
      else for (const [d, i] of hits) out[i] = { ...d, suppressed: directive.reason };
    }
  }
  return [...out, ...problems];
}

function findDirectives(source: SourceFile, parsed: ParsedYaml): { directives: Directive[]; inText: number[] } {
  const text = textSpans(parsed);
  const directives: Directive[] = [];
  const inText: number[] = [];
  for (const m of source.text.matchAll(DIRECTIVE)) {
    // A '#' inside narrative text is text, not a comment.
    if (text.some((s) => m.index >= s.start && m.index < s.end)) {
      inText.push(m.index);
      continue;
    }
    const rest = m.groups!.rest!.trim();
    const codes = /^(?:NB\d{4}[\s,，]*)+/i.exec(rest)?.[0] ?? '';
    // A reason says something: words, not only punctuation.
    const reason = rest.slice(codes.length).replace(/^[-—:：\s]+/, '').trim();
    const said = /[\p{L}\p{N}]/u.test(reason) ? reason : '';
    const line = positionAt(source, m.index).line + (m.groups!.next ? 1 : 0);
    // A key on that line whose value is a block of text: the whole block.
    let to = line;
    for (const span of text) {
      if (span.keyStart !== undefined && positionAt(source, span.keyStart).line === line) to = Math.max(to, positionAt(source, Math.max(span.start, span.end - 1)).line);
    }
    directives.push({ offset: m.index, from: line, to, codes: codes.toUpperCase().match(/NB\d{4}/g) ?? ['NB????'], reason: said });
  }
  return { directives, inText };
}

/** Where every string value stands (a '#' there is part of the value). */
function textSpans(parsed: ParsedYaml): Span[] {
  const out: Span[] = [];
  const walk = (value: unknown, pointer: string): void => {
    if (typeof value === 'string') {
      const span = parsed.spans.get(pointer);
      if (span) out.push(span);
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${pointer}/${i}`));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, `${pointer}/${escapePointer(k)}`);
    }
  };
  walk(parsed.value, '');
  return out;
}
