/**
 * What a volume's front matter says (pure): its title, who compiled it, its date, and the lines
 * of its table of contents with the pages the reports and their headings start on.
 */

import type { OutlineNode } from './outline.js';

/** What the front matter needs to know of a report. */
export interface PartInfo {
  readonly title: string;
  readonly organization: string;
  readonly year: number;
  /** Publication date, YYYY-MM-DD. */
  readonly published?: string;
  /** The report's headings as its own printing placed them: the level-1 headings, each with its own below. */
  readonly headings: readonly OutlineNode[];
}

/** One line of the volume's table of contents. */
export interface ContentsLine {
  readonly level: 1 | 2;
  readonly text: string;
  readonly page: number;
}

/** The standard title of a report, `<机关><年度>年政府信息公开工作年度报告`, says nothing the volume's title does not: its entry is the organization. */
export function entryText(part: PartInfo): string {
  const rest = part.title.startsWith(part.organization) ? part.title.slice(part.organization.length) : undefined;
  return rest === `${part.year}年政府信息公开工作年度报告` || rest === `${part.year}年度政府信息公开工作年度报告` ? part.organization : part.title;
}

/**
 * The table of contents: each report at the page it starts on (`starts`, printed numbers), and
 * with depth 2 its level-1 headings at theirs. An organization listed twice carries its year.
 */
export function contentsLines(parts: readonly PartInfo[], starts: readonly number[], depth: number): ContentsLine[] {
  // An organization listed twice (two years' reports bound together) is told apart by the year.
  const count = new Map<string, number>();
  for (const part of parts) count.set(part.organization, (count.get(part.organization) ?? 0) + 1);
  return parts.flatMap((part, i) => {
    const start = starts[i]!;
    const text = entryText(part);
    const dated = count.get(part.organization)! > 1 && part.year > 0 && !text.includes(`${part.year}年`) ? `${text}（${part.year}年度）` : text;
    const line: ContentsLine = { level: 1, text: dated, page: start };
    if (depth < 2) return [line];
    return [line, ...part.headings.map((h) => ({ level: 2 as const, text: h.title, page: start + h.page }))];
  });
}

/** Where a government's departments are: the common start of their names up to its last 省/市/区/县/州/盟/旗 (澄川市生态环境局, 澄川市教育局 → 澄川市). */
export function districtOf(organizations: readonly string[]): string | undefined {
  if (!organizations.length) return undefined;
  let common = organizations[0]!;
  for (const org of organizations) while (!org.startsWith(common)) common = common.slice(0, -1);
  const end = Math.max(...['省', '市', '区', '县', '州', '盟', '旗'].map((c) => common.lastIndexOf(c)));
  return end > 0 ? common.slice(0, end + 1) : undefined;
}

/** The year the volume covers: `2024`, or `2023—2024` when the reports are of several years. */
export function yearsOf(parts: readonly PartInfo[]): string {
  const years = parts.map((p) => p.year).filter((y) => y > 0);
  if (!years.length) return '';
  const [low, high] = [Math.min(...years), Math.max(...years)];
  return low === high ? String(low) : `${low}—${high}`;
}

/** The volume's title: the one given, else `<年度>年政府信息公开工作年度报告汇编`. */
export function volumeTitle(parts: readonly PartInfo[], given?: string): string {
  if (given?.trim()) return given.trim();
  const years = yearsOf(parts);
  return `${years ? `${years}年` : ''}政府信息公开工作年度报告汇编`;
}

/** The cover's date: the month of the latest report's publication (2025年1月), or of `date` when one is fixed. */
export function coverDate(parts: readonly PartInfo[], date?: Date): string | undefined {
  if (date) return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月`;
  const days = parts.map((p) => p.published).filter((d): d is string => Boolean(d)).sort();
  const last = days[days.length - 1];
  return last ? `${Number(last.slice(0, 4))}年${Number(last.slice(5, 7))}月` : undefined;
}
