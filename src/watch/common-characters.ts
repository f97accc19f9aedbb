/**
 * The characters a clerk is likely to type next: the 3,755 characters of GB 2312's first level
 * (the commonly used hanzi) and its punctuation. A watch cuts its fonts to these as well as to
 * the report's, so that a save rarely shows a character the fonts lack (which would mean
 * cutting them again).
 */

let cached: string | undefined;

/** GB 2312 rows 1 (punctuation) and 16–55 (level-1 hanzi), decoded. */
export function commonCharacters(): string {
  if (cached !== undefined) return cached;
  const bytes: number[] = [];
  const rows = [0xa1, 0xa3, ...Array.from({ length: 0xd7 - 0xb0 + 1 }, (_, i) => 0xb0 + i)];
  for (const row of rows) for (let cell = 0xa1; cell <= 0xfe; cell++) bytes.push(row, cell);
  const text = new TextDecoder('gb18030').decode(Uint8Array.from(bytes));
  cached = [...new Set(text)].filter((c) => c !== '\uFFFD' && c.trim() !== '').join('');
  return cached;
}
