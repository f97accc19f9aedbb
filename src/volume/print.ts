/**
 * The volume's printing (the browser's side): each report without its own page numbers, the
 * front matter, and a document of nothing but page numbers — "— 1 —" to "— n —" in the
 * reports' own margin boxes and face — whose pages are laid over the volume's pages.
 */

import { PDFDocument } from 'pdf-lib';
import type { PrintService } from '../print/start.js';
import type { PrintedPart } from './cache.js';
import { readOutline } from './outline.js';
import type { PartInfo } from './contents.js';

/** Hides a report's page numbers: the volume numbers its pages straight through. */
export const NO_PAGE_NUMBERS_CSS = '@media print { @page :right { @bottom-right { content: none; } } @page :left { @bottom-left { content: none; } } }';

/** Prints a report for a volume: no page numbers; its headings and pages read from the printing's outline. */
export async function printPart(printer: PrintService, html: string, about: Omit<PartInfo, 'headings'>): Promise<PrintedPart> {
  const pdf = await printer.print(html, { css: NO_PAGE_NUMBERS_CSS });
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: Infinity });
  const outline = readOutline(doc);
  // The report's title (h1) holds its level-1 headings.
  const headings = outline.length === 1 ? outline[0]!.children : outline;
  return { pdf, info: { ...about, headings, pages: doc.getPageCount() } };
}

/** An HTML page of `count` empty pages, each with only the page number GB/T 9704 puts in its margin (base.css). */
export function numbersHtml(count: number, baseCss: string): string {
  const pages = Array.from({ length: count }, (_, i) => `<div class="nb-page"${i === count - 1 ? ' style="break-after:auto"' : ''}></div>`).join('');
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>页码</title><style>${baseCss}
.nb-page { height: 1px; break-after: page; }</style></head><body>${pages}</body></html>`;
}

/** Prints the page numbers 1 to `count`. */
export async function printNumbers(printer: PrintService, count: number, baseCss: string): Promise<Uint8Array> {
  return printer.print(numbersHtml(count, baseCss));
}
