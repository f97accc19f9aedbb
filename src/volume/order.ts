/**
 * The order of the reports in a volume (pure): the lines of an order list first, in its order,
 * matched by file name or organization; every report not listed after them, by organization in
 * the Chinese collation (pinyin), then by file name.
 */

import { extname } from 'node:path';

/** What ordering needs to know of a report. */
export interface Orderable {
  readonly file: string;
  readonly organization: string;
}

/** The result of ordering: the reports in order, and the lines of the list that named no report. */
export interface Ordered<T> {
  readonly ordered: readonly T[];
  readonly unmatched: readonly string[];
}

/** The names of an order list: one a line, blank lines and `#` comments left out, a BOM dropped. */
export function parseOrderList(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });

/** Reports by organization in pinyin order, ties by file name: a stable order. */
export function compareReports(a: Orderable, b: Orderable): number {
  return collator.compare(a.organization, b.organization) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
}

/** Whether a line of the list names this report: its organization, its file name (with or without extension) or the end of its path. */
export function names(line: string, item: Orderable): boolean {
  const file = item.file.split('\\').join('/');
  const bare = file.slice(0, file.length - extname(file).length);
  const wanted = line.split('\\').join('/').replace(/^\.\//, '');
  return line === item.organization || [file, bare].some((path) => path === wanted || path.endsWith(`/${wanted}`));
}

/** Orders the reports: listed ones first (each once, in the list's order), the rest sorted after them. */
export function orderReports<T extends Orderable>(items: readonly T[], list: readonly string[] = []): Ordered<T> {
  const taken = new Set<T>();
  const ordered: T[] = [];
  const unmatched: string[] = [];
  for (const line of list) {
    const found = items.filter((item) => !taken.has(item) && names(line, item)).sort(compareReports);
    if (!found.length) unmatched.push(line);
    for (const item of found) {
      taken.add(item);
      ordered.push(item);
    }
  }
  ordered.push(...items.filter((item) => !taken.has(item)).sort(compareReports));
  return { ordered, unmatched };
}
