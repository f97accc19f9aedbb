/** What `nianbao summary` says — on the terminal, in the summary document and in the spreadsheet — Chinese and English side by side. */

import type { DepartmentRow } from '../summary/compliance.js';
import type { SideBySide } from './lang.js';

/** A summary's counts, for its closing line. */
export interface SummaryTally {
  readonly year?: number;
  readonly found: number;
  readonly summed: number;
  readonly leftOut: number;
  readonly late: number;
  readonly missing: number;
  readonly identical: number;
}

const dash = '—';

/** The summary's texts, each in both languages. */
export const summaryCommandText = {
  command: {
    'zh-CN': '把各部门报告的表二、表三、表四相加为一套统一格式的表格（HTML、PDF、电子表格），并列出各部门的报送情况：是否找到、能否通过检查、是否按时发布、表格是否与上年相同、名单中缺报的部门',
    en: "add up every department's tables 二, 三 and 四 into one set of national tables (HTML, PDF, spreadsheet), with each department's compliance: found, checks passed, published on time, tables identical to last year's, and the departments on the list that sent nothing",
  },
  inputs: { 'zh-CN': '各部门的报告：文件、文件夹或通配符', en: "the departments' reports: files, folders or glob patterns" },
  outDir: { 'zh-CN': '汇总 HTML 与 PDF 的输出文件夹', en: 'folder for the summary HTML and PDF' },
  xlsx: { 'zh-CN': '另写一个 Excel 电子表格（每个部门一行，末行合计；第二张表为报送情况）', en: 'also write an Excel workbook (a row per department and a totals row; the compliance list on a second sheet)' },
  csv: { 'zh-CN': '另写一个 CSV 文件（UTF-8 带 BOM，Excel 可直接打开中文）', en: 'also write a CSV file (UTF-8 with BOM, so that Excel shows the Chinese)' },
  year: { 'zh-CN': '汇总的年度（默认多数报告的年度）；其他年度的报告不计入', en: 'the year summed (default: that of most reports); reports of other years are left out' },
  expected: { 'zh-CN': '应报部门名单文件（每行一个机关名称），用以列出缺报的部门', en: 'a file listing the organizations expected (one a line), to list those missing' },
  format: { 'zh-CN': '汇总文档的格式：pdf、html 或 pdf,html', en: 'formats of the summary document: pdf, html or pdf,html' },
  strict: { 'zh-CN': '逾期发布或有警告的报告也算作问题（退出码 1）', en: 'count late reports and warnings as problems too (exit code 1)' },
  badYear: { 'zh-CN': (v: string) => `--year 应是四位数的年份，而不是“${v}”。`, en: (v: string) => `--year takes a four-digit year, not "${v}".` },
  noExpected: { 'zh-CN': (f: string) => `无法读取应报部门名单 ${f}。`, en: (f: string) => `Cannot read the list of expected organizations ${f}.` },
  badFormat: { 'zh-CN': (v: string) => `--format 只能是 pdf、html 或两者（pdf,html），而不是“${v}”。`, en: (v: string) => `--format takes pdf, html or both (pdf,html), not "${v}".` },

  /** The summary document's title. */
  title: {
    'zh-CN': (year: number | undefined) => `${year ?? ''}年各部门政府信息公开工作年度报告数据汇总`,
    en: (year: number | undefined) => `The departments' annual disclosure reports${year ? ` for ${year}` : ''}: sums and compliance`,
  },
  standing: {
    'zh-CN': (r: DepartmentRow) =>
      r.standing === 'summed' ? '已计入汇总'
      : r.standing === 'errors' ? '有错误，未计入'
      : r.standing === 'other-year' ? `${r.year ?? '年度不明'}${r.year ? '年' : ''}的报告，未计入`
      : r.standing === 'other-format' ? `格式不同（${r.format ?? ''}），未计入`
      : `与 ${r.duplicateOf ?? ''} 重复，均未计入`,
    en: (r: DepartmentRow) =>
      r.standing === 'summed' ? 'summed'
      : r.standing === 'errors' ? 'errors: left out'
      : r.standing === 'other-year' ? `a report of ${r.year ?? 'no readable year'}: left out`
      : r.standing === 'other-format' ? `another format (${r.format ?? ''}): left out`
      : `same organization as ${r.duplicateOf ?? ''}: both left out`,
  },
  checks: {
    'zh-CN': (r: DepartmentRow) => (r.errors ? `${r.errors} 个错误` : '通过') + (r.warnings ? `，${r.warnings} 个警告` : ''),
    en: (r: DepartmentRow) => (r.errors ? `${r.errors} error${r.errors === 1 ? '' : 's'}` : 'passed') + (r.warnings ? `, ${r.warnings} warning${r.warnings === 1 ? '' : 's'}` : ''),
  },
  timeliness: {
    'zh-CN': (r: DepartmentRow) =>
      r.timeliness === 'no-date' ? '未写发布日期'
      : r.timeliness === 'not-bound' ? `${r.published}发布（无法定期限）`
      : r.timeliness === 'late' ? `${r.published}发布，逾期（期限 ${r.deadline}）`
      : `${r.published}发布，按时（期限 ${r.deadline}）`,
    en: (r: DepartmentRow) =>
      r.timeliness === 'no-date' ? 'no publication date'
      : r.timeliness === 'not-bound' ? `published ${r.published} (no legal deadline)`
      : r.timeliness === 'late' ? `published ${r.published}: late (deadline ${r.deadline})`
      : `published ${r.published}: on time (deadline ${r.deadline})`,
  },
  identical: {
    'zh-CN': (r: DepartmentRow) => (r.identical.length ? `与上年相同：${r.identical.join('、')}` : ''),
    en: (r: DepartmentRow) => (r.identical.length ? `identical to last year's: ${r.identical.join(', ')}` : ''),
  },
  unnamed: { 'zh-CN': '（未写机关名称）', en: '(no organization)' },
  notListed: { 'zh-CN': '（不在应报名单中）', en: '(not on the list)' },
  missing: { 'zh-CN': '缺报（未找到报告）', en: 'missing (no report found)' },
  heading: { 'zh-CN': '各部门报送情况', en: 'Compliance' },
  totals: { 'zh-CN': '合计', en: 'Total' },
  /** Column heads of the compliance list (document and spreadsheet). */
  columns: {
    'zh-CN': ['部门', '文件', '汇总', '检查', '首条问题', '发布日期', '法定期限', '是否按时', '与上年相同的表格'],
    en: ['Organization', 'File', 'Summed', 'Checks', 'First problem', 'Published', 'Deadline', 'On time', "Tables identical to last year's"],
  },
  onTime: {
    'zh-CN': { 'on-time': '按时', late: '逾期', 'no-date': '未写日期', 'not-bound': '无法定期限' },
    en: { 'on-time': 'on time', late: 'late', 'no-date': 'no date', 'not-bound': 'no deadline' },
  },
  intro: {
    'zh-CN': (t: SummaryTally) =>
      `本汇总由 nianbao 根据找到的 ${t.found} 份${t.year ?? ''}年度报告生成，表二至表四为其中 ${t.summed} 个部门数据之和，总计按各表的勾稽关系计算。` +
      (t.leftOut ? `另有 ${t.leftOut} 份报告因有错误、年度或格式不符、重复报送未计入汇总，` : '') +
      (t.missing ? `应报名单中 ${t.missing} 个部门缺报，` : '') +
      (t.late ? `${t.late} 个部门逾期发布，` : '') +
      (t.leftOut || t.missing || t.late ? '详见最后一部分。' : '各部门报送情况见最后一部分。'),
    en: (t: SummaryTally) =>
      `nianbao made this summary from the ${t.found} reports for ${t.year ?? '?'} it found: tables 二 to 四 are the sums of ${t.summed} departments' figures, their totals computed by the tables' identities.` +
      (t.leftOut ? ` ${t.leftOut} report${t.leftOut === 1 ? ' was' : 's were'} left out (errors, another year or format, sent twice).` : '') +
      (t.missing ? ` ${t.missing} department${t.missing === 1 ? '' : 's'} on the list sent nothing.` : '') +
      (t.late ? ` ${t.late} published late.` : '') +
      ' The last part lists every department.',
  },
  line: {
    'zh-CN': (t: SummaryTally) =>
      `${t.year ?? ''}年：找到 ${t.found} 份报告，${t.summed} 份计入汇总${t.leftOut ? `，${t.leftOut} 份未计入` : ''}${t.missing ? `；缺报 ${t.missing} 个部门` : ''}${t.late ? `；逾期发布 ${t.late} 个` : ''}${t.identical ? `；表格与上年相同 ${t.identical} 个` : ''}。`,
    en: (t: SummaryTally) =>
      `${t.year ?? ''}: ${t.found} report${t.found === 1 ? '' : 's'} found, ${t.summed} summed${t.leftOut ? `, ${t.leftOut} left out` : ''}${t.missing ? `; ${t.missing} missing` : ''}${t.late ? `; ${t.late} late` : ''}${t.identical ? `; ${t.identical} with tables identical to last year's` : ''}.`,
  },
  lastYears: {
    'zh-CN': (n: number) => `另有 ${n} 份上年度报告（被本年度报告的 previous 引用）不在汇总之列。`,
    en: (n: number) => `${n} report${n === 1 ? '' : 's'} of last year (named by this year's previous:) not summed.`,
  },
  missingHead: { 'zh-CN': '缺报的部门（在应报名单中，未找到报告）：', en: 'Missing (on the list, no report found):' },
  leftOutHead: { 'zh-CN': '未计入汇总的报告：', en: 'Left out of the sums:' },
  listHead: { 'zh-CN': '各部门报送情况：', en: 'Each department:' },
  wrote: { 'zh-CN': (files: string) => `已写出：${files}`, en: (files: string) => `Wrote: ${files}` },
  noSums: { 'zh-CN': '没有可以汇总的报告：汇总文档只列出报送情况。', en: 'No report could be summed: the summary lists compliance only.' },
  sumsDoNotAdd: { 'zh-CN': '汇总后的表格不平衡（不应发生）：', en: "The summed tables do not add up (this should not happen):" },
  dataSheet: { 'zh-CN': '汇总数据', en: 'Data' },
  complianceSheet: { 'zh-CN': '报送情况', en: 'Compliance' },
  dash: { 'zh-CN': dash, en: dash },
} satisfies Record<string, SideBySide<unknown>>;
