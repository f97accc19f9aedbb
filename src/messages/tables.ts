/** What the command line says about tables kept in a workbook (`tables export`, `init --tables-xlsx`), Chinese and English side by side. */

import type { SideBySide } from './lang.js';

/** The texts of the `tables` commands. */
export const tablesText = {
  tables: { 'zh-CN': '报告的三张表格与 Excel 工作簿', en: "the report's tables and Excel workbooks" },
  export: {
    'zh-CN': '把报告的表格（含现有数字）按统一格式的版式写成 Excel 工作簿（.xlsx）：每表一个工作表，合计为公式，只有填数的单元格可以编辑',
    en: "write the report's tables, with their values, as an Excel workbook (.xlsx) laid out as the national format prints them: a sheet a table, totals as formulas, only the value cells editable",
  },
  exportFile: { 'zh-CN': '报告文件', en: 'the report file' },
  exportOut: { 'zh-CN': '要写入的工作簿（默认报告旁边的 <报告名>-tables.xlsx）', en: 'the workbook to write (default <report>-tables.xlsx beside the report)' },
  initXlsx: {
    'zh-CN': '表格放在报告旁边的 Excel 工作簿 <报告名>-tables.xlsx 中填写，报告写 tables: <该文件>',
    en: 'keep the tables in an Excel workbook beside the report (<report>-tables.xlsx), which the report names (tables: <that file>)',
  },
  exported: {
    'zh-CN': (f: string, report: string, rel: string) => `已生成 ${f}。要改在工作簿中填写表格，把 ${report} 中的 tables: 整段换成一行：tables: ${rel}`,
    en: (f: string, report: string, rel: string) => `Wrote ${f}. To fill the tables in the workbook, replace the whole tables: mapping of ${report} with one line: tables: ${rel}`,
  },
  wroteBoth: {
    'zh-CN': (f: string, xlsx: string) => `已生成 ${f} 和表格工作簿 ${xlsx}。填写报告中的 TODO 和工作簿中的表格，然后运行：nianbao check ${f}`,
    en: (f: string, xlsx: string) => `Wrote ${f} and its tables workbook ${xlsx}. Fill in the report's TODOs and the workbook's tables, then run: nianbao check ${f}`,
  },
  noTables: {
    'zh-CN': (p: string) => `报告格式“${p}”没有统一表格，无法导出。`,
    en: (p: string) => `The profile "${p}" has no tables to export.`,
  },
  notExported: {
    'zh-CN': (f: string) => `${f} 的表格有错误，未导出：先更正上面的问题。`,
    en: (f: string) => `The tables of ${f} have errors and were not exported: fix the problems above first.`,
  },
} satisfies Record<string, SideBySide<unknown>>;
