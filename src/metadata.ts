/** Sets the PDF's document information (Chromium writes only a title) with pdf-lib. */

import { PDFDocument } from 'pdf-lib';

/** What the PDF's Info dictionary and catalog say about the document. */
export interface PdfMetadata {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly keywords: readonly string[];
  readonly producer: string;
  readonly creator: string;
  readonly language: string;
  /** Creation and modification date; fixed by the caller, never the wall clock here. */
  readonly date: Date;
}

/** Rewrites the PDF with the given metadata; the structure tree and outline are kept as they are. */
export async function setPdfMetadata(pdf: Uint8Array, meta: PdfMetadata): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords([...meta.keywords]);
  doc.setProducer(meta.producer);
  doc.setCreator(meta.creator);
  doc.setLanguage(meta.language);
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}
