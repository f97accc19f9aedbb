/** Dates as a report writes them (YYYY-MM-DD), and the other ways people write the same date. */

/** Whether `text` is a YYYY-MM-DD date that exists (not 2016-02-30). */
export function isIsoDate(text: string | undefined): text is string {
  return text !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(text) && isRealDate(text);
}

/**
 * The YYYY-MM-DD form of a date written another unambiguous way — 2026年1月20日, 2026-1-20,
 * 2026/01/20, 2026.1.20 — when it is a real date; undefined otherwise.
 */
export function isoDateFrom(text: string): string | undefined {
  const m = /^\s*(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[-/.](\d{1,2})[-/.](\d{1,2}))\s*$/.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [m[1]!, m[2] ?? m[4]!, m[3] ?? m[5]!];
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isRealDate(iso) ? iso : undefined;
}

function isRealDate(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
