/** The texts of the site index (`--site`, `nianbao site`) and of the commands that write it, Chinese and English side by side. */

import type { SideBySide } from './lang.js';

/** How many reports the index lists, by status. */
export interface SiteCounts {
  readonly total: number;
  readonly built: number;
  readonly warnings: number;
  readonly errors: number;
  readonly failed: number;
}

/** The index page's texts. */
export const siteText = {
  title: { 'zh-CN': '政府信息公开工作年度报告', en: 'Annual reports on government information disclosure' },
  summary: {
    'zh-CN': (c: SiteCounts) =>
      `共 ${c.total} 份报告：已生成 ${c.built + c.warnings} 份（其中有警告 ${c.warnings} 份），有错误、未生成 ${c.errors} 份${c.failed ? `，生成失败 ${c.failed} 份` : ''}。`,
    en: (c: SiteCounts) =>
      `${c.total} report${c.total === 1 ? '' : 's'}: ${c.built + c.warnings} built (${c.warnings} with warnings), ${c.errors} with errors and not built${c.failed ? `, ${c.failed} failed` : ''}.`,
  },
  caption: { 'zh-CN': '年度报告一览', en: 'The reports' },
  sortHint: { 'zh-CN': '点击列标题（或用 Tab 选中后按回车）可按该列排序，再按一次倒序。', en: 'Activate a column header (click, or Tab to it and press Enter) to sort by it; again to reverse.' },
  filterLabel: { 'zh-CN': '按机关、标题或文件名筛选', en: 'Filter by organization, title or file name' },
  shown: { 'zh-CN': '显示 {shown} / {total} 份', en: 'Showing {shown} of {total}' },
  columns: {
    'zh-CN': { organization: '机关', year: '年度', file: '文件', status: '状态', html: '网页', pdf: 'PDF' },
    en: { organization: 'Organization', year: 'Year', file: 'File', status: 'Status', html: 'Web page', pdf: 'PDF' },
  },
  status: {
    'zh-CN': { built: '已生成', warnings: '已生成，有警告', errors: '有错误，未生成', failed: '生成失败' },
    en: { built: 'built', warnings: 'built, with warnings', errors: 'with errors, not built', failed: 'failed' },
  },
  problems: {
    'zh-CN': (errors: number, warnings: number, codes: readonly string[]) =>
      [errors ? `${errors} 个错误${codes.length ? `（${codes.join('、')}）` : ''}` : '', warnings ? `${warnings} 条警告` : ''].filter(Boolean).join('，'),
    en: (errors: number, warnings: number, codes: readonly string[]) =>
      [errors ? `${errors} error${errors === 1 ? '' : 's'}${codes.length ? ` (${codes.join(', ')})` : ''}` : '', warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '']
        .filter(Boolean)
        .join(', '),
  },
  untitled: { 'zh-CN': '（未写明机关）', en: '(no organization given)' },
  notBuilt: { 'zh-CN': '未生成', en: 'not built' },
  linkOf: { 'zh-CN': (what: string) => `：${what}`, en: (what: string) => `: ${what}` },
  empty: { 'zh-CN': '没有报告。', en: 'No reports.' },
  generator: { 'zh-CN': (version: string) => `由 nianbao ${version} 生成`, en: (version: string) => `Made by nianbao ${version}` },
} satisfies Record<string, SideBySide<unknown>>;

/** What the commands say about the site they wrote (or could not write). */
export const siteCommandText = {
  site: {
    'zh-CN': '由输出文件夹中各次（各分片）生成的 JSON 结果（--reporter json 的输出）生成报告索引网页，并把各报告的 HTML 与 PDF 复制到网站文件夹',
    en: "write the index page of the reports from the JSON results (--reporter json output) of the build runs (shards) saved in the output folder, with each report's HTML and PDF copied beside it",
  },
  siteOutDir: { 'zh-CN': '输出文件夹（nianbao build 的 -o）', en: 'output folder (the -o of nianbao build)' },
  siteOption: { 'zh-CN': '网站文件夹：写入 index.html（报告一览）并把各报告复制到其旁边', en: "site folder: writes index.html (the list of reports) with each report's files beside it" },
  siteDefault: { 'zh-CN': '<输出文件夹>/site', en: '<out-dir>/site' },
  written: {
    'zh-CN': (index: string, summary: string) => `已写入报告索引 ${index}。${summary}`,
    en: (index: string, summary: string) => `Wrote the index ${index}. ${summary}`,
  },
  noResults: {
    'zh-CN': (dir: string) => `${dir} 中没有 nianbao build 的 JSON 结果。生成时把结果保存在输出文件夹中，例如：nianbao build 报告文件夹 -o ${dir} --reporter json > ${dir}/results-1.json`,
    en: (dir: string) => `No JSON results of nianbao build in ${dir}. Save them in the output folder as you build, e.g.: nianbao build reports -o ${dir} --reporter json > ${dir}/results-1.json`,
  },
  unreadable: {
    'zh-CN': (file: string, why: string) => `无法读取结果文件 ${file}（${why}）。它可能还在写入（某个分片还没有结束），或已损坏；等各分片结束后再运行，或删除它。`,
    en: (file: string, why: string) => `Cannot read the results file ${file} (${why}). It may still be being written (a shard has not finished) or be damaged; run again when every shard is done, or remove it.`,
  },
  indexTaken: {
    'zh-CN': (file: string) => `报告 ${file} 的网页会与索引同名（index.html）；请给这份报告换一个文件名。`,
    en: (file: string) => `The page of ${file} would be the index itself (index.html); rename that report.`,
  },
  cannotWrite: { 'zh-CN': (why: string) => `无法写入网站：${why}`, en: (why: string) => `Cannot write the site: ${why}` },
} satisfies Record<string, SideBySide<unknown>>;
