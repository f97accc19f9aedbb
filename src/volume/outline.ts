/**
 * A PDF's outline (bookmarks) read into a tree and written from one, with pdf-lib. Chromium
 * writes an outline from the document's headings (h1 the title, h2 the level-1 headings …), each
 * entry with an explicit destination: that is where a first printing says each heading landed.
 */

import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNull, PDFNumber, PDFRef, PDFString, type PDFDocument } from 'pdf-lib';

/** One outline entry: its title, the page (0-based) and height (PDF units, from the bottom) it points at, its children. */
export interface OutlineNode {
  readonly title: string;
  readonly page: number;
  readonly top?: number;
  readonly children: readonly OutlineNode[];
}

/** The document's outline as a tree; entries whose destination is not a page of this document are left out. */
export function readOutline(doc: PDFDocument): OutlineNode[] {
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  if (!outlines) return [];
  const pages = new Map(doc.getPages().map((page, i) => [page.ref.toString(), i]));
  const seen = new Set<string>();
  const walk = (first: unknown): OutlineNode[] => {
    const nodes: OutlineNode[] = [];
    // A loop in a broken outline ends the walk.
    for (let ref = first; ref instanceof PDFRef && !seen.has(ref.toString()); ) {
      seen.add(ref.toString());
      const item = doc.context.lookup(ref, PDFDict);
      const title = item.lookup(PDFName.of('Title'));
      const dest = item.lookup(PDFName.of('Dest'));
      const target = dest instanceof PDFArray ? dest.get(0) : undefined;
      const page = target instanceof PDFRef ? pages.get(target.toString()) : undefined;
      const top = dest instanceof PDFArray && dest.size() > 3 ? dest.lookup(3) : undefined;
      const children = walk(item.get(PDFName.of('First')));
      if (page !== undefined && (title instanceof PDFHexString || title instanceof PDFString)) {
        nodes.push({ title: title.decodeText(), page, ...(top instanceof PDFNumber ? { top: top.asNumber() } : {}), children });
      } else nodes.push(...children);
      ref = item.get(PDFName.of('Next'));
    }
    return nodes;
  };
  return walk(outlines.get(PDFName.of('First')));
}

/** An entry to write: like OutlineNode, and whether its children show at first. */
export interface OutlineEntry extends OutlineNode {
  readonly open?: boolean;
  readonly children: readonly OutlineEntry[];
}

/** Replaces the document's outline with `entries` (pages are indexes into the document). */
export function writeOutline(doc: PDFDocument, entries: readonly OutlineEntry[]): void {
  const { context } = doc;
  const pages = doc.getPages();
  const rootRef = context.nextRef();
  /** Writes a list of siblings under `parent`; returns how many entries show when the list shows. */
  const writeList = (parent: PDFRef, list: readonly OutlineEntry[], holder: PDFDict): number => {
    const refs = list.map(() => context.nextRef());
    let visible = list.length;
    list.forEach((entry, i) => {
      const page = pages[entry.page]!;
      const dict = context.obj({
        Title: PDFHexString.fromText(entry.title),
        Parent: parent,
        Dest: [page.ref, 'XYZ', PDFNull, entry.top ?? page.getHeight(), PDFNull],
      });
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
      if (i < list.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
      if (entry.children.length) {
        const below = writeList(refs[i]!, entry.children, dict);
        // A positive count opens the entry; a negative one keeps its children folded.
        dict.set(PDFName.of('Count'), PDFNumber.of(entry.open ? below : -below));
        if (entry.open) visible += below;
      }
      context.assign(refs[i]!, dict);
    });
    if (refs.length) {
      holder.set(PDFName.of('First'), refs[0]!);
      holder.set(PDFName.of('Last'), refs[refs.length - 1]!);
    }
    return visible;
  };
  const root = context.obj({ Type: 'Outlines' });
  const count = writeList(rootRef, entries, root);
  root.set(PDFName.of('Count'), PDFNumber.of(count));
  context.assign(rootRef, root);
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
