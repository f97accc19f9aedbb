/** What a run's summary and progress say, Chinese and English side by side. */

import type { RunCounts } from '../run/result.js';
import type { SideBySide } from './lang.js';

/** A run's counts, with its time when it has one. */
export interface SummaryCounts extends RunCounts {
  readonly seconds?: string;
}

/** The bundled faces and the official ones they stand in for (regular, bold). */
const BUNDLED: Record<string, readonly [string, string]> = {
  NotoSerifSC: ['仿宋', '小标宋'],
  NotoSansSC: ['黑体', '黑体'],
  LXGWWenKai: ['楷体', '楷体'],
};

/** The words of the pretty reporter's output. */
export const summaryText = {
  error: { 'zh-CN': '错误', en: 'error' },
  warning: { 'zh-CN': '警告', en: 'warning' },
  expected: { 'zh-CN': '期望：', en: 'expected: ' },
  built: { 'zh-CN': '已生成', en: 'wrote' },
  ok: { 'zh-CN': '通过', en: 'ok' },
  failed: { 'zh-CN': '失败', en: 'failed' },
  summary: {
    'zh-CN': (c: SummaryCounts, verb: string) =>
      `共 ${c.files} 个文件：${c.ok} 个${verb}${c.unchanged ? `，${c.unchanged} 个未变（跳过）` : ''}，${c.invalid} 个有错误${c.failed ? `，${c.failed} 个未能生成` : ''}${c.skipped ? `，${c.skipped} 个不是年度报告（跳过）` : ''}；${c.errors} 个错误，${c.warnings} 个警告${c.suppressed ? `（另有 ${c.suppressed} 个已注明原因接受）` : ''}${c.seconds !== undefined ? `；用时 ${c.seconds} 秒` : ''}。`,
    en: (c: SummaryCounts, verb: string) =>
      `${c.files} file${c.files === 1 ? '' : 's'}: ${c.ok} ${verb}${c.unchanged ? `, ${c.unchanged} unchanged (skipped)` : ''}, ${c.invalid} with errors${c.failed ? `, ${c.failed} not built` : ''}${c.skipped ? `, ${c.skipped} not a report (skipped)` : ''}; ${c.errors} error${c.errors === 1 ? '' : 's'}, ${c.warnings} warning${c.warnings === 1 ? '' : 's'}${c.suppressed ? ` (and ${c.suppressed} accepted with a reason)` : ''}${c.seconds !== undefined ? `; ${c.seconds} s` : ''}.`,
  },
  failures: { 'zh-CN': '未完成的文件：', en: 'Not done:' },
  draft: { 'zh-CN': '草稿', en: 'draft' },
  withWarnings: { 'zh-CN': '已生成、但有警告的文件（有 TODO 的印为草稿）：', en: 'Built, with warnings (those with TODO markers print as drafts):' },
  printedWith: { 'zh-CN': (faces: string) => `印刷字体：${faces}。`, en: (faces: string) => `Printed with: ${faces}.` },
  /** What a face the PDF embeds is: one of the bundled stand-ins, or an installed face by its name. */
  face: {
    'zh-CN': (name: string) =>
      BUNDLED[name.replace(/-.*$/, '')] ? `${name}（内置，代替${BUNDLED[name.replace(/-.*$/, '')]![name.endsWith('Bold') ? 1 : 0]}）` : `${name}（本机安装）`,
    en: (name: string) => (BUNDLED[name.replace(/-.*$/, '')] ? `${name} (bundled)` : `${name} (installed)`),
  },
  notReports: {
    'zh-CN': '以下 YAML 文件不是年度报告（没有 title、organization、sections 等键），已跳过；如确是报告，请直接在命令中写出文件名以检查：',
    en: 'Skipped, as YAML files that are not reports (no title, organization, sections…); name a file on the command line to check it anyway:',
  },
  interrupted: { 'zh-CN': (n: number) => `已中断：${n} 个文件没有处理。`, en: (n: number) => `Interrupted: ${n} file${n === 1 ? '' : 's'} not processed.` },
  verbCheck: { 'zh-CN': '通过检查', en: 'passed' },
  verbBuild: { 'zh-CN': '已生成', en: 'built' },
} satisfies Record<string, SideBySide<unknown>>;

/** A finished file's outcome, as a progress line says it. */
export const statusText = {
  ok: { 'zh-CN': '完成', en: 'built' },
  unchanged: { 'zh-CN': '未变', en: 'unchanged' },
  invalid: { 'zh-CN': '有错误', en: 'errors' },
  failed: { 'zh-CN': '失败', en: 'failed' },
  skipped: { 'zh-CN': '跳过（不是年度报告）', en: 'skipped (not a report)' },
} satisfies Record<string, SideBySide<string>>;
