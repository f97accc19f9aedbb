/**
 * `nianbao import`'s stages, from the text of a source to the text of a report file:
 * decode (decode.ts) → blocks (html.ts, text.ts; a .docx goes through docx.ts to HTML) →
 * the parts of a report (outline.ts with headings.ts, national.ts, text-rows.ts) → YAML
 * (emit.ts). Each stage is pure; the caller reads the source and writes the result.
 */

import type { Block, Unplaced } from './blocks.js';
import { emitYaml, type EmitOptions } from './emit.js';
import { htmlBlocks } from './html.js';
import type { ImportedSection } from './headings.js';
import { outlineReport, type ImportedReport, type OutlineOptions } from './outline.js';
import { textBlocks } from './text.js';

/** The kinds of source import reads. */
export type SourceKind = 'html' | 'docx' | 'text';

/** The blocks of a decoded source (a .docx as the HTML mammoth made of it). */
export function sourceBlocks(kind: SourceKind, content: string): Block[] {
  return kind === 'text' ? textBlocks(content) : htmlBlocks(content, { docx: kind === 'docx' });
}

/** A report imported: the file's text, what it holds, and every part kept only as a comment. */
export interface Imported {
  readonly yaml: string;
  readonly report: ImportedReport;
  readonly unplaced: readonly Unplaced[];
}

/** Imports the blocks of a source as a report file's text. */
export function importReport(blocks: readonly Block[], options: OutlineOptions & EmitOptions): Imported {
  const report = outlineReport(blocks, options);
  return { yaml: emitYaml(report, options), report, unplaced: unplacedOf(report) };
}

/** Every part of an imported report that is only a comment, in the order the file has them. */
export function unplacedOf(report: ImportedReport): Unplaced[] {
  const sections = (list: readonly ImportedSection[]): Unplaced[] => list.flatMap((s) => [...s.notes, ...sections(s.sections)]);
  const tables = report.tableDefs.flatMap((def) => [...(report.tables.get(def.key)?.notes.values() ?? [])].flat());
  return [...report.before, ...report.introNotes, ...sections(report.sections), ...tables, ...report.after];
}
