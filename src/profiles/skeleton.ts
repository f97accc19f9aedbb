/** `nianbao init`: a complete skeleton report for a profile, every table filled with zeros. */

import type { Profile } from './profile.js';
import type { RowDef, TableDef } from '../tables/definitions.js';

/** What the skeleton is for. */
export interface SkeletonOptions {
  readonly year: number;
  readonly organization: string;
  /** `# yaml-language-server: $schema=…` target, relative to the new file. */
  readonly schemaPath: string;
  /** The workbook that holds the tables (relative to the new file), instead of writing them out. */
  readonly tablesFile?: string;
}

/** The profile a report of `year` should use (the 2019 试行 tables for 2019 and 2020). */
export function profileForYear(year: number): string {
  if (year >= 2021) return 'gov-2021';
  if (year >= 2019) return 'gov-2019';
  return 'free-form';
}

/** Writes the YAML text of a skeleton report. Pure. */
export function skeletonYaml(profile: Profile, options: SkeletonOptions): string {
  const { year, organization } = options;
  const q = (s: string) => JSON.stringify(s);
  const lines: string[] = [
    `# yaml-language-server: $schema=${options.schemaPath}`,
    `# ${organization}${year}年政府信息公开工作年度报告。由 nianbao init 生成：填写所有 TODO，再运行 nianbao check。`,
    `# Written by nianbao init: fill in every TODO, then run nianbao check.`,
    `profile: ${profile.name}`,
    `title: ${q(`${organization}${year}年政府信息公开工作年度报告`)}`,
    `organization: ${q(organization)}`,
    'publisher: department   # department：县级以上人民政府部门（1月31日前公布）；government：县级以上地方人民政府（3月31日前公布）',
    `year: ${year}`,
    `published: ${year + 1}-01-31   # 发布日期 TODO 改为实际日期`,
    'intro: |',
    `  ${openingParagraph(profile, options)}`,
    'sections:',
  ];
  for (const rule of profile.headings) {
    lines.push(`  - heading: ${rule.title}`);
    if (rule.table) continue;
    if (rule.subsections?.length) {
      lines.push('    sections:');
      for (const area of rule.subsections) lines.push(`      - heading: ${area}`, `        text: TODO 填写${area}工作情况。`);
    } else if (rule.placeholder) {
      lines.push(`    text: ${rule.placeholder}`);
    } else {
      lines.push(`    text: TODO 填写${rule.title}。`);
    }
  }
  if (profile.tables.length && options.tablesFile) {
    lines.push(`tables: ${q(options.tablesFile)}   # 表格在这个 Excel 工作簿中填写 (the tables are filled in in this workbook)`);
  } else if (profile.tables.length) {
    lines.push('tables:');
    for (const table of profile.tables) lines.push(...tableLines(table));
  }
  return `${lines.join('\n')}\n`;
}

function openingParagraph(profile: Profile, { year, organization }: SkeletonOptions): string {
  const format = profile.formatDocument;
  if (!format) return `TODO 根据……现将${organization}${year}年度政府信息公开工作情况报告如下。`;
  const parts = profile.headings.map((h) => h.title).join('、');
  return (
    `本年度报告根据《中华人民共和国政府信息公开条例》和${format}要求编制。全文包括${parts}。` +
    `本年度报告中所列数据统计期限为${year}年1月1日至12月31日。如对本年度报告有疑问，请与${organization}联系（地址：TODO；电话：TODO）。`
  );
}

/** Values to start a table from (next year's 上年结转 from this year's 结转), and a note for a row. */
export interface StartValues {
  readonly value?: (row: string, column: string) => number | undefined;
  readonly note?: (row: string) => string | undefined;
}

/** One table as YAML: a line a row, zeros (or the given values) in every cell a clerk fills in; totals left to nianbao. */
export function tableLines(table: TableDef, start: StartValues = {}): string[] {
  const cell = (row: RowDef, column: string) => start.value?.(row.path, column) ?? 0;
  const comment = (row: RowDef, label: string) => `# ${label}${start.note?.(row.path) ? `  ${start.note(row.path)}` : ''}`;
  const columns = table.columns.filter((c) => !c.sum);
  const lines = [`  ${table.key}:   # ${table.title}`];
  if (columns.length) lines.push(`    # 列 columns: ${columns.map((c) => `${c.key} = ${c.label}`).join('，')}${table.columns.some((c) => c.sum) ? '；总计由 nianbao 计算 (totals are computed)' : ''}`);
  const walk = (rows: readonly RowDef[], indent: string) => {
    for (const row of rows) {
      if (row.sum) continue; // computed
      if (row.rows) {
        lines.push(`${indent}${row.key}:   # ${row.label}`);
        walk(row.rows, `${indent}  `);
      } else if (row.single) {
        lines.push(`${indent}${row.key}: ${cell(row, 'value')}   ${comment(row, `${row.label}${row.unit ? `（单位：${row.unit}）` : ''}`)}`);
      } else {
        const cells = row.columns.filter((k) => !table.columns.find((c) => c.key === k)?.sum).map((k) => `${k}: ${cell(row, k)}`).join(', ');
        lines.push(`${indent}${row.key}: { ${cells} }   ${comment(row, row.label)}`);
      }
    }
  };
  walk(table.rows, '    ');
  return lines;
}
