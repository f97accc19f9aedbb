/**
 * An imported report as the text of a report file: the fields in the order a person writes
 * them, the texts as block scalars, the national tables a row a line in the format's order
 * (totals as the source gave them, so check compares them), and every part without a place as
 * a comment where it stood. Comments are in the report's language, Chinese. Pure.
 */

import type { ImportedChart, Loc, Unplaced } from './blocks.js';
import type { GeneralTableOut, ImportedSection } from './headings.js';
import type { ImportedCell, ImportedTable } from './national.js';
import type { ImportedReport } from './outline.js';
import type { Inferred } from './title.js';
import type { RowDef, TableDef } from '../tables/definitions.js';

/** Where the written file points for its schema, and what it was imported from. */
export interface EmitOptions {
  readonly schemaPath: string;
  readonly from: string;
}

const q = (s: string) => JSON.stringify(s);
/** A value as a person types it: plain when it starts with a Chinese character and holds nothing YAML reads otherwise. */
const plain = (s: string) => (/^[\u2e80-\u9fff（《“【]/.test(s) && !/[:#\n]|\s$/.test(s) ? s : q(s));
const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ');

/** Where a part stood in the source, as the comment says it. */
export function whereZh(loc: Loc): string {
  if (loc.line !== undefined) return `原文第 ${loc.line} 行`;
  if (loc.table !== undefined) return `原文第 ${loc.table} 张表格`;
  return `原文第 ${loc.paragraph ?? 1} 段`;
}

/** What a comment says of a part that has no place; table problems are TODO for the clerk. */
export function noteText(u: Unplaced): string {
  const what: Record<Unplaced['kind'], string> = {
    image: '未导入的图片',
    attachment: '未导入的附件链接',
    object: '未导入的嵌入内容',
    chart: '未导入的图表（本部分已有一张图表，或图表不在任何部分中）',
    table: 'TODO 未能识别的表格，原样保留',
    'row-run-together': 'TODO 原表此行的单元格边界已丢失，数字连在一起，无法可靠拆分，请按原表填写',
    'row-unknown': 'TODO 未能识别的表格行',
    'cell-text': 'TODO 单元格不是数字，请按原表填写',
    'row-duplicate': 'TODO 表格中重复出现的行（只取了第一行）',
    'before-title': '标题之前的文字',
    'after-signature': '落款之后的文字',
    'page-footer': '网页的页脚、导航或按钮（不是报告正文）',
    'values-unfit': 'TODO 表头下只有数字的一行，个数与这张表的单元格数不符，无法按位置填入，请按原表填写',
  };
  return `# ${what[u.kind]}（${whereZh(u.loc)}）：${oneLine(u.detail)}`;
}

/** The YAML text of an imported report. */
export function emitYaml(report: ImportedReport, options: EmitOptions): string {
  const lines = [
    `# yaml-language-server: $schema=${options.schemaPath}`,
    `# 由 nianbao import 从 ${oneLine(options.from)} 导入：核对注释中未能放入的内容和 TODO，再运行 nianbao check。`,
    `# Imported by nianbao import: review the comments (parts not placed, TODO), then run nianbao check.`,
    ...report.meta.map((m) => `# 原页面：${oneLine(m)}`),
    ...report.before.map(noteText),
    `profile: ${report.profile}`,
    ...report.inferred.map(inferredNote),
    ...(report.title ? titleLines(report.title) : ['# TODO 未找到标题（title）']),
    report.organization ? `organization: ${plain(report.organization)}` : '# TODO 未找到发布机关（organization）',
    ...(report.signature ? [`signature: ${plain(report.signature)}`] : []),
    report.year ? `year: ${report.year}` : '# TODO 未找到报告年度（year）',
    ...(report.published ? [`published: ${report.published}`] : []),
    ...(report.date ? [`date: ${report.date}`] : []),
    ...report.introNotes.map(noteText),
    ...(report.intro.length ? ['intro: |', ...textLines(report.intro, '  ')] : []),
    'sections:',
    ...report.sections.flatMap((s) => sectionLines(s, '  ')),
  ];
  const tables = report.tableDefs.filter((def) => report.tables.has(def.key));
  if (tables.length) lines.push('tables:', ...tables.flatMap((def) => tableLines(def, report.tables.get(def.key)!)));
  lines.push(...report.after.map(noteText));
  return `${lines.join('\n')}\n`;
}

/** The title: one line, or a block of the lines it was set on. */
function titleLines(title: string): string[] {
  return title.includes('\n') ? ['title: |', ...title.split('\n').map((line) => `  ${line}`)] : [`title: ${plain(title)}`];
}

/** What a comment says of a value taken from elsewhere than where a report says it. */
export function inferredNote(i: Inferred): string {
  const from = { 'title-lines': '标题分两行排，已把上一行的发布机关并入标题', 'page-title': '标题中没有发布机关，取自网页标题', 'source-line': '标题中没有发布机关，取自“来源”一行', signature: '标题中没有发布机关，取自落款' }[i.from];
  return `# 推断：${from}（${whereZh(i.loc)}）：${oneLine(i.value)}`;
}

/** Paragraphs as the lines of a block scalar, a blank line between them. */
function textLines(paragraphs: readonly string[], indent: string): string[] {
  return paragraphs.flatMap((p, i) => [...(i ? [''] : []), `${indent}${p}`]);
}

function sectionLines(section: ImportedSection, indent: string): string[] {
  const inner = `${indent}  `;
  const out = [`${indent}- heading: ${plain(section.heading)}`];
  if (section.runIn) out.push(`${inner}run_in: true`);
  out.push(...section.notes.map((n) => `${inner}${noteText(n)}`));
  if (section.paragraphs.length) out.push(`${inner}text: |`, ...textLines(section.paragraphs, `${inner}  `));
  if (section.tables.length === 1) out.push(`${inner}table:`, ...generalTable(section.tables[0]!, `${inner}  `));
  else if (section.tables.length > 1) out.push(`${inner}table:`, ...section.tables.flatMap((t) => generalTable(t, `${inner}  `).map((l, i) => (i === 0 ? `${inner}  - ${l.trimStart()}` : `  ${l}`))));
  if (section.chart) out.push(...chartLines(section.chart, inner));
  if (section.sections.length) out.push(`${inner}sections:`, ...section.sections.flatMap((s) => sectionLines(s, `${inner}  `)));
  return out;
}

/** A chart read back from a page: its bars with the values it drew (last year's beside them). */
function chartLines(chart: ImportedChart, indent: string): string[] {
  const bar = (b: ImportedChart['bars'][number]) => `{ label: ${q(b.label)}, value: ${b.value}${b.previous !== undefined ? `, previous: ${b.previous}` : ''} }`;
  return [
    `${indent}chart:`,
    ...(chart.title ? [`${indent}  title: ${plain(chart.title)}`] : []),
    ...(chart.unit ? [`${indent}  unit: ${plain(chart.unit)}`] : []),
    ...(chart.compared ? [`${indent}  previous: true`] : []),
    `${indent}  bars:`,
    ...chart.bars.map((b) => `${indent}    - ${bar(b)}`),
  ];
}

function generalTable(table: GeneralTableOut, indent: string): string[] {
  const cell = (v: string | number) => (typeof v === 'number' ? String(v) : q(v));
  return [
    ...(table.title ? [`${indent}title: ${q(table.title)}`] : []),
    ...(table.unit ? [`${indent}unit: ${q(table.unit)}`] : []),
    `${indent}columns: [${table.columns.map(cell).join(', ')}]`,
    `${indent}rows:`,
    ...table.rows.map((row) => `${indent}  - [${row.map(cell).join(', ')}]`),
    ...(table.note ? [`${indent}note: ${q(table.note)}`] : []),
  ];
}

/** One national table: a row a line in the format's order; blank cells 0 with 原表为空; missing rows said. */
function tableLines(def: TableDef, table: ImportedTable): string[] {
  const out = [`  ${def.key}:   # ${def.title}`];
  const walk = (rows: readonly RowDef[], indent: string) => {
    for (const row of rows) {
      const notes = [...(table.notes.get(row.path) ?? [])].map((n) => `${indent}${noteText(n)}`);
      if (row.rows) {
        out.push(`${indent}${row.key}:   # ${row.label}`);
        walk(row.rows, `${indent}  `);
        continue;
      }
      out.push(...notes);
      const cells = table.cells.get(row.path);
      if (!cells) {
        if (!notes.length) out.push(`${indent}# TODO 原表中没有找到这一行：${row.label}`);
        continue;
      }
      out.push(...rowLines(def, row, cells, indent));
    }
  };
  walk(def.rows, '    ');
  out.push(...(table.notes.get('') ?? []).map((n) => `    ${noteText(n)}`));
  return out;
}

const blankNote = (cell: ImportedCell) => `原表为空${cell.blank ? `（“${cell.blank}”）` : ''}`;

function rowLines(def: TableDef, row: RowDef, cells: ReadonlyMap<string, ImportedCell>, indent: string): string[] {
  if (row.single) {
    const cell = cells.get('');
    return cell ? [`${indent}${row.key}: ${cell.value}   # ${row.label}${cell.blank !== undefined ? `  ${blankNote(cell)}` : ''}`] : [];
  }
  const columns = def.columns.filter((c) => row.columns.includes(c.key) && cells.has(c.key));
  const missing = def.columns.filter((c) => row.columns.includes(c.key) && !c.sum && !cells.has(c.key)).map((c) => c.label);
  const todo = missing.length ? `  TODO 原表缺：${missing.join('、')}` : '';
  if (columns.every((c) => cells.get(c.key)!.blank === undefined)) {
    return [`${indent}${row.key}: { ${columns.map((c) => `${c.key}: ${cells.get(c.key)!.value}`).join(', ')} }   # ${row.label}${todo}`];
  }
  // A row with blank cells: a cell a line, so each blank one says so.
  return [
    `${indent}${row.key}:   # ${row.label}${todo}`,
    ...columns.map((c) => {
      const cell = cells.get(c.key)!;
      return `${indent}  ${c.key}: ${cell.value}${cell.blank !== undefined ? `   # ${blankNote(cell)}` : ''}`;
    }),
  ];
}
