/**
 * A Word document (.docx) as HTML, through mammoth, so it is read by the same path as a saved
 * page. mammoth keeps merged cells (w:gridSpan → colspan, w:vMerge → rowspan), turns images
 * into <img> and hyperlinks into <a>; with empty paragraphs kept, the n-th paragraph element
 * it writes outside tables is the document's n-th paragraph, which is how places are told.
 */

import mammoth from 'mammoth';

/** Why a .docx could not be read. */
export class DocxError extends Error {
  override readonly name = 'DocxError';
}

/** Converts the bytes of a .docx to HTML. */
export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { ignoreEmptyParagraphs: false });
    return result.value;
  } catch (error) {
    throw new DocxError((error as Error).message, { cause: error });
  }
}
