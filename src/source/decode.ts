/** Turns the bytes of an input file into text, accepting the encodings Windows editors save. */

/** The outcome of decoding: text, or the reason the bytes are not text. */
export type Decoded =
  | { readonly ok: true; readonly text: string; readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' }
  | { readonly ok: false; readonly reason: 'binary' | 'unknown-encoding' };

/**
 * Decodes UTF-8 (with or without BOM), UTF-16 with a BOM, and GB18030 (the superset of GBK
 * that Notepad and WPS write on Chinese Windows). Anything else is reported, never guessed.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (body.includes(0)) return { ok: false, reason: 'binary' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: fall through to the Chinese legacy encoding.
  }
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(body);
    return looksLikeText(text) ? { ok: true, text, encoding: 'gb18030' } : { ok: false, reason: 'binary' };
  } catch {
    return { ok: false, reason: 'unknown-encoding' };
  }
}

/** GB18030 decodes almost any byte string; control characters betray a binary file. */
function looksLikeText(text: string): boolean {
  let controls = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) controls++;
  }
  return controls <= text.length / 100;
}
