/**
 * Bytes of a saved web page or a copied text to text. A page says its encoding in
 * `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">` (Word writes
 * gb2312 on Chinese Windows); a text file has none, and is read as report files are.
 */

import { decodeText } from '../source/decode.js';

/** Decoded text and the encoding it was read as; or why it cannot be. */
export type DecodedSource = { readonly ok: true; readonly text: string; readonly encoding: string } | { readonly ok: false; readonly reason: 'binary' | 'unknown-encoding' };

/** The encoding a page declares in its first 4 KB, as the HTML standard's prescan looks for it. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  for (const meta of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const charset = /charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(meta)?.[1];
    if (charset) return charset.toLowerCase();
  }
  return undefined;
}

/** Decodes a web page: a BOM first, then the declared charset, then UTF-8 or GB18030 as report files are read. */
export function decodeHtml(bytes: Uint8Array): DecodedSource {
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const declared = hasBom ? undefined : declaredCharset(bytes);
  if (declared) {
    // gb2312 and gbk are labels of the same WHATWG decoder; gb18030 is their superset.
    const label = /^(gb2312|gbk|x-gbk|gb_2312-80|cp936|windows-936)$/.test(declared) ? 'gb18030' : declared;
    try {
      return { ok: true, text: new TextDecoder(label).decode(bytes), encoding: declared };
    } catch {
      // A label TextDecoder does not know: read it as a text file would be.
    }
  }
  return decodePlain(bytes);
}

/** Decodes a text file: UTF-8 (BOM or not), UTF-16 with a BOM, or GB18030. */
export function decodePlain(bytes: Uint8Array): DecodedSource {
  const decoded = decodeText(bytes);
  return decoded.ok ? { ok: true, text: decoded.text, encoding: decoded.encoding } : decoded;
}
