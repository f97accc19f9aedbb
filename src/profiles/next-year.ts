/**
 * `nianbao new`: next year's report from this year's. What stays the same carries over — the
 * organization, profile, publisher, the parts and their headings, the figures' names; what
 * moves on, moves — the year, the title, the statistics period, and for the national format
 * this year's 结转下年度继续办理 as next year's 上年结转, the documents in force as the start of
 * next year's count. The narrative becomes TODO markers, with this year's text as comments to
 * rewrite from; dates become TODO. Pure: the caller reads and writes the files.
 */

import { isObj } from '../source/record.js';
import type { TableValues } from '../tables/cells.js';
import type { Profile } from './profile.js';
import { tableLines } from './skeleton.js';

/** What next year's file is made from. */
export interface NextYearInput {
  /** This year's report, as parsed. */
  readonly doc: Record<string, unknown>;
  /** This year's tables (totals computed), when it has them. */
  readonly tables: ReadonlyMap<string, TableValues>;
  /** Next year's profile, and how the report names it. */
  readonly profile: Profile;
  readonly profileRef: string;
  readonly year: number;
  /** This year's file, relative to next year's (for `previous:`). */
  readonly previous: string;
  /** The JSON Schema, relative to next year's file. */
  readonly schemaPath: string;
}

const q = (s: string) => JSON.stringify(s);

/** Comment lines holding `text` (this year's words to rewrite from), at `indent`. */
function asComments(text: string, indent: string): string[] {
  return text
    .trim()
    .split(/\n/)
    .filter((l) => l.trim())
    .map((l) => `${indent}# 上年：${l.trim()}`);
}

/** The YAML text of next year's report. */
export function nextYearYaml(input: NextYearInput): string {
  const { doc, year, profile } = input;
  const last = typeof doc.year === 'number' ? doc.year : year - 1;
  // This year's and the publication year move on together (one pass: 2024年 → 2025年, 2025年 → 2026年).
  const moveYears = (text: string) => text.replace(/(\d{4})(\s*年)/g, (m, y: string, rest: string) => (Number(y) === last ? `${year}${rest}` : Number(y) === last + 1 ? `${year + 1}${rest}` : m));
  const organization = String(doc.organization ?? '');
  const title = typeof doc.title === 'string' ? moveYears(doc.title) : `${organization}${year}年政府信息公开工作年度报告`;
  const government = doc.publisher === 'government';
  const lines = [
    `# yaml-language-server: $schema=${input.schemaPath}`,
    `# ${organization}${year}年政府信息公开工作年度报告，由 nianbao new 从上一年度的报告生成：改写每一处 TODO（上年的文字在注释中），再运行 nianbao check。`,
    `# Written by nianbao new from last year's report: rewrite every TODO (last year's words are in the comments), then run nianbao check.`,
    `profile: ${input.profileRef}`,
    title.includes('\n') ? `title: |\n${title.trim().split('\n').map((l) => `  ${l.trim()}`).join('\n')}` : `title: ${q(title)}`,
    `organization: ${q(organization)}`,
    ...(typeof doc.signature === 'string' ? [`signature: ${q(doc.signature)}`] : []),
    ...(typeof doc.publisher === 'string' ? [`publisher: ${doc.publisher}`] : []),
    `year: ${year}`,
    `published: ${year + 1}-${government ? '03-31' : '01-31'}   # 发布日期 TODO 改为实际日期`,
    `previous: ${q(input.previous)}`,
  ];
  if (isObj(doc.figures)) {
    lines.push('figures:');
    for (const [name, value] of Object.entries(doc.figures)) lines.push(`  ${name}: 0   # TODO 本年数字（上年：${String(value)}）`);
  }
  if (typeof doc.intro === 'string') lines.push('intro: |', ...moveYears(doc.intro).trim().split('\n').map((l) => `  ${l}`));
  lines.push('sections:', ...sectionLines(doc.sections, '  '));
  if (profile.tables.length) {
    lines.push('tables:');
    for (const table of profile.tables) lines.push(...tableLines(table, startValues(table.key, input.tables)));
  }
  return `${lines.join('\n')}\n`;
}

/** The parts and their headings as they were; each text a TODO with last year's text above it. */
function sectionLines(sections: unknown, indent: string): string[] {
  if (!Array.isArray(sections)) return [];
  return sections.flatMap((item) => {
    if (!isObj(item) || typeof item.heading !== 'string') return [];
    const out = [`${indent}- heading: ${q(item.heading)}`];
    const inner = `${indent}  `;
    if (item.run_in === true) out.push(`${inner}run_in: true`);
    if (typeof item.text === 'string') out.push(...asComments(item.text, inner), `${inner}text: TODO 根据本年情况改写。`);
    // A section's own table keeps its shape and last year's figures, marked to be updated.
    if (item.table !== undefined) out.push(`${inner}table: ${JSON.stringify(item.table)}   # TODO 改为本年数字`);
    // A chart draws from this year's figures: it carries over as it was.
    if (item.chart !== undefined) out.push(`${inner}chart: ${JSON.stringify(item.chart)}`);
    if (Array.isArray(item.sections)) out.push(`${inner}sections:`, ...sectionLines(item.sections, `${inner}  `));
    return out;
  });
}

/** Where this year's figures start next year's tables (the national format's rows, by their keys). */
function startValues(table: string, last: ReadonlyMap<string, TableValues>) {
  const values = last.get(table);
  if (table === 'requests') {
    const forward = last.get('requests')?.get('carried_forward');
    return {
      // 上年结转 is this year's 结转下年度; until the year's figures are in, 结转下年度 balances it.
      value: (row: string, column: string) => (row === 'carried_over' || row === 'carried_forward' ? forward?.get(column) : undefined),
      note: (row: string) => (row === 'carried_over' ? '（上年“结转下年度继续办理”）' : row === 'carried_forward' ? 'TODO 本年数字' : undefined),
    };
  }
  if (table === 'active') {
    return {
      value: (row: string, column: string) => (row === 'normative' && column === 'in_force' ? values?.get('normative')?.get('in_force') : row === 'rules' && column === 'in_force' ? values?.get('rules')?.get('in_force') : undefined),
      note: (row: string) => (row === 'normative' || row === 'rules' ? 'TODO 现行有效件数从上年起算：加本年制发、减本年废止' : undefined),
    };
  }
  return {};
}
