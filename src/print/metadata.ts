/**
 * Sets the PDF's document information. Chromium writes only Title, its user agent, Skia and the
 * wall clock; nianbao needs Author, Subject, Keywords, its own Producer and fixed dates.
 *
 * Chromium's PDFs have a classic cross-reference table and the Info dictionary as a plain
 * object, so the fast path replaces that object in place and shifts the offsets after it
 * (about a millisecond, and deterministic). Anything else goes through pdf-lib.
 */

import type { PDFDocument } from 'pdf-lib';

/** What the PDF's Info dictionary says about the document. */
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

/** Returns the PDF with the given metadata; its content, structure tree and outline are untouched. */
export async function setPdfMetadata(pdf: Uint8Array, meta: PdfMetadata): Promise<Uint8Array> {
  return rewriteInfo(pdf, meta) ?? rewriteWithPdfLib(pdf, meta);
}

/** A PDF text string: ASCII as a literal, anything else as UTF-16BE hex with a BOM. */
function pdfString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** D:YYYYMMDDHHmmSSZ (PDF 32000 §7.9.4), in UTC so that it never depends on the machine. */
function pdfDate(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `D:${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}Z`;
}

function infoDictionary(meta: PdfMetadata): string {
  return [
    `/Title ${pdfString(meta.title)}`,
    `/Author ${pdfString(meta.author)}`,
    `/Subject ${pdfString(meta.subject)}`,
    `/Keywords ${pdfString(meta.keywords.join(', '))}`,
    `/Creator ${pdfString(meta.creator)}`,
    `/Producer ${pdfString(meta.producer)}`,
    `/CreationDate ${pdfString(pdfDate(meta.date))}`,
    `/ModDate ${pdfString(pdfDate(meta.date))}`,
  ].join('\n');
}

/** The in-place rewrite, or undefined when the file is not laid out as Chromium writes it. */
function rewriteInfo(pdf: Uint8Array, meta: PdfMetadata): Uint8Array | undefined {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1');
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  const infoRef = /\/Info (\d+) 0 R/.exec(tail);
  if (!startxref || !infoRef || /\/Prev\b|\/Encrypt\b/.test(tail)) return undefined;
  const xrefAt = Number(startxref[1]);
  const head = /^xref\n0 (\d+)\n/.exec(bytes.subarray(xrefAt, xrefAt + 32).toString('latin1'));
  if (!head) return undefined;
  const count = Number(head[1]);
  const entriesAt = xrefAt + head[0].length;
  const entry = (i: number) => bytes.subarray(entriesAt + i * 20, entriesAt + i * 20 + 20).toString('latin1');
  const infoNumber = Number(infoRef[1]);
  const infoEntry = /^(\d{10}) 00000 n/.exec(entry(infoNumber));
  if (!infoEntry) return undefined;
  const infoAt = Number(infoEntry[1]);
  const objectHead = `${infoNumber} 0 obj\n`;
  if (bytes.subarray(infoAt, infoAt + objectHead.length).toString('latin1') !== objectHead) return undefined;
  const end = bytes.indexOf('endobj', infoAt, 'latin1');
  if (end < 0 || end > xrefAt) return undefined;

  const replacement = Buffer.from(`${objectHead}<<${infoDictionary(meta)}>>\n`, 'latin1');
  const delta = replacement.length - (end - infoAt);
  const xref: string[] = [];
  for (let i = 0; i < count; i++) {
    const e = entry(i);
    const m = /^(\d{10}) (\d{5}) ([nf])/.exec(e);
    if (!m) return undefined;
    const offset = Number(m[1]);
    xref.push(m[3] === 'n' && offset > infoAt ? `${String(offset + delta).padStart(10, '0')}${e.slice(10)}` : e);
  }
  const trailer = bytes.subarray(entriesAt + count * 20).toString('latin1').replace(/startxref\s+\d+/, `startxref\n${xrefAt + delta}`);
  return Buffer.concat([
    bytes.subarray(0, infoAt),
    replacement,
    bytes.subarray(end, xrefAt),
    Buffer.from(`xref\n0 ${count}\n${xref.join('')}${trailer}`, 'latin1'),
  ]);
}

async function rewriteWithPdfLib(pdf: Uint8Array, meta: PdfMetadata): Promise<Uint8Array> {
  // Loaded only when needed: pdf-lib takes a quarter of a second to import.
  const { PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  setPdfInfo(doc, meta);
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}

/** Writes `meta` into a pdf-lib document's Info and catalog (title shown in the window, language, fixed dates). */
export function setPdfInfo(doc: PDFDocument, meta: PdfMetadata): void {
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords([...meta.keywords]);
  doc.setProducer(meta.producer);
  doc.setCreator(meta.creator);
  doc.setLanguage(meta.language);
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
}
