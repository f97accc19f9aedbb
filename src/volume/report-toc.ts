/**
 * A report's own table of contents with the pages its headings print on. Chromium has no
 * `target-counter()`, so the report is printed once with stand-in numbers, the outline of that
 * printing says where each heading landed, and it is printed again with those numbers; should
 * the numbers move a heading (a longer number wrapping a line), once more.
 */

import { PDFDocument } from 'pdf-lib';
import type { Report, Section } from '../model/model.js';
import { tocLines } from '../render/render.js';
import { readOutline, type OutlineNode } from './outline.js';
import { trace } from '../run/trace.js';

/** Prints at most this many times. */
const MAX_PASSES = 3;

/** Prints the report with its table of contents' page numbers filled in. */
export async function printWithToc(
  print: (html: string) => Promise<Uint8Array>,
  report: Report,
  depth: number,
  rerender: (pages: ReadonlyMap<string, number | string>) => string,
): Promise<Uint8Array> {
  const listed = tocLines(report.sections, depth).map((line) => line.id);
  // Stand-ins as wide as two digits: the entries take their final width at once.
  let pages: ReadonlyMap<string, number | string> = new Map(listed.map((id) => [id, '00']));
  let pdf: Uint8Array | undefined;
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    pdf = await print(rerender(pages));
    const found = headingPages(report.sections, readOutline(await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: Infinity })));
    const next = new Map(listed.map((id) => [id, found.get(id) ?? '']));
    trace(`table of contents, pass ${pass}: ${[...next.values()].join(' ')}`);
    if (listed.every((id) => String(pages.get(id)) === String(next.get(id)))) return pdf;
    pages = next;
  }
  return pdf!;
}

/** The page (1-based) each section's heading starts on, matched in order to the outline's entries by their text. */
export function headingPages(sections: readonly Section[], outline: readonly OutlineNode[]): Map<string, number> {
  const entries: OutlineNode[] = [];
  const flatten = (nodes: readonly OutlineNode[]) => nodes.forEach((n) => (entries.push(n), flatten(n.children)));
  flatten(outline);
  const pages = new Map<string, number>();
  let at = 0;
  const walk = (list: readonly Section[]) => {
    for (const section of list) {
      const text = plain(`${section.number}${section.heading}`);
      const found = entries.findIndex((e, i) => i >= at && plain(e.title) === text);
      if (found >= 0) {
        pages.set(section.id, entries[found]!.page + 1);
        at = found + 1;
      }
      walk(section.sections);
    }
  };
  walk(sections);
  return pages;
}

function plain(text: string): string {
  return text.replace(/\s+/g, '');
}
