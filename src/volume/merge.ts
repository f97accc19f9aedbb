/**
 * Assembles a volume with pdf-lib: the front matter's pages, each report's pages (a blank page
 * before one where printing on both sides needs it), the page numbers laid over the body's
 * pages, the outline (目录, then each report and its headings), page labels that match the
 * printed numbers, and the document information.
 */

import { PDFDocument, PDFHexString, PDFName, type PDFPage } from 'pdf-lib';
import { setPdfInfo, type PdfMetadata } from '../print/metadata.js';
import { writeOutline, type OutlineEntry, type OutlineNode } from './outline.js';
import { printedNumber, type Placement } from './pages.js';

/** What goes into a volume. */
export interface VolumeParts {
  readonly front: Uint8Array;
  /** Which page of the front matter (0-based) the table of contents starts on. */
  readonly contentsPage: number;
  readonly parts: readonly { readonly pdf: Uint8Array; readonly title: string; readonly headings: readonly OutlineNode[] }[];
  /** The numbers document: its page k (0-based) says "— k + 1 —". */
  readonly numbers: Uint8Array;
  readonly placement: Placement;
  readonly metadata: PdfMetadata;
}

/** The volume's bytes. */
export async function assembleVolume(input: VolumeParts): Promise<Uint8Array> {
  const { placement } = input;
  const doc = await PDFDocument.create({ updateMetadata: false });
  const add = async (bytes: Uint8Array) => {
    const source = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: Infinity });
    for (const page of source.getPages()) withoutLinks(page);
    const pages = await doc.copyPages(source, source.getPageIndices());
    for (const page of pages) doc.addPage(page);
    return pages;
  };
  const front = await add(input.front);
  const [width, height] = [front[0]!.getWidth(), front[0]!.getHeight()];
  while (doc.getPageCount() < placement.frontPages) doc.addPage([width, height]);
  for (const [i, part] of input.parts.entries()) {
    while (doc.getPageCount() < placement.parts[i]!.index) doc.addPage([width, height]);
    await add(part.pdf);
  }

  // Each numbered page gets its number: the numbers document's page drawn over it.
  const pages = doc.getPages();
  const numbered = pages.map((_, i) => printedNumber(placement, i));
  const wanted = [...new Set(numbered.filter((n): n is number => n !== undefined))];
  const numberDoc = await PDFDocument.load(input.numbers, { updateMetadata: false, parseSpeed: Infinity });
  const stamps = new Map((await doc.embedPages(wanted.map((n) => numberDoc.getPage(n - 1)))).map((stamp, i) => [wanted[i]!, stamp]));
  pages.forEach((page, i) => {
    const stamp = numbered[i] !== undefined ? stamps.get(numbered[i]) : undefined;
    if (stamp) page.drawPage(stamp, { x: 0, y: 0 });
  });

  writeOutlineOf(doc, input);
  setPageLabels(doc, placement);
  setPdfInfo(doc, input.metadata);
  // Object streams would save 5 % of the size at three times the time.
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}

/**
 * Links inside a report point at its own pages, which a copy would drag in again (removed from
 * the source before copying): the volume's outline does their work.
 */
function withoutLinks(page: PDFPage): void {
  page.node.delete(PDFName.of('Annots'));
}

function writeOutlineOf(doc: PDFDocument, input: VolumeParts): void {
  const shift = (nodes: readonly OutlineNode[], by: number): OutlineEntry[] => nodes.map((n) => ({ ...n, page: n.page + by, children: shift(n.children, by) }));
  const entries: OutlineEntry[] = [
    { title: '目录', page: input.contentsPage, children: [] },
    ...input.parts.map((part, i) => {
      const at = input.placement.parts[i]!.index;
      return { title: part.title, page: at, children: shift(part.headings, at) };
    }),
  ];

  writeOutline(doc, entries);
}

/** Page labels as printed: 封面, the contents' pages i, ii, …, then 1, 2, … through the body (PDF 32000 §12.4.2). */
function setPageLabels(doc: PDFDocument, placement: Placement): void {
  const nums: unknown[] = [0, { P: PDFHexString.fromText('封面') }];
  if (placement.frontPages > 1) nums.push(1, { S: 'r' });
  nums.push(placement.frontPages, { S: 'D', St: 1 });
  doc.catalog.set(PDFName.of('PageLabels'), doc.context.obj({ Nums: nums as never }));
}
