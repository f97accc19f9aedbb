/** Turns run results into text for people: pure functions, colour passed in. */

import { Chalk, type ChalkInstance } from 'chalk';
import { countsOf, type RunCounts, type RunResult } from '../run/result.js';
import { codeFrame } from './codeframe.js';
import type { Diagnostic } from '../diagnostics.js';
import { messageFor, type Lang } from './messages.js';

/** How to format: language and colour. */
export interface FormatOptions {
  readonly lang: Lang;
  readonly color: boolean;
}

const words = {
  'zh-CN': {
    error: '错误',
    warning: '警告',
    expected: '期望：',
    built: '已生成',
    ok: '通过',
    failed: '失败',
    summary: (c: Counts, verb: string) =>
      `共 ${c.files} 个文件：${c.ok} 个${verb}${c.unchanged ? `，${c.unchanged} 个未变（跳过）` : ''}，${c.invalid} 个有错误${c.failed ? `，${c.failed} 个未能生成` : ''}${c.skipped ? `，${c.skipped} 个不是年度报告（跳过）` : ''}；${c.errors} 个错误，${c.warnings} 个警告${c.seconds !== undefined ? `；用时 ${c.seconds} 秒` : ''}。`,
    failures: '未完成的文件：',
    notReports: '以下 YAML 文件不是年度报告（没有 title、organization、sections 等键），已跳过；如确是报告，请直接在命令中写出文件名以检查：',
    interrupted: (n: number) => `已中断：${n} 个文件没有处理。`,
    verbCheck: '通过检查',
    verbBuild: '已生成',
  },
  en: {
    error: 'error',
    warning: 'warning',
    expected: 'expected: ',
    built: 'wrote',
    ok: 'ok',
    failed: 'failed',
    summary: (c: Counts, verb: string) =>
      `${c.files} file${c.files === 1 ? '' : 's'}: ${c.ok} ${verb}${c.unchanged ? `, ${c.unchanged} unchanged (skipped)` : ''}, ${c.invalid} with errors${c.failed ? `, ${c.failed} not built` : ''}${c.skipped ? `, ${c.skipped} not a report (skipped)` : ''}; ${c.errors} error${c.errors === 1 ? '' : 's'}, ${c.warnings} warning${c.warnings === 1 ? '' : 's'}${c.seconds !== undefined ? `; ${c.seconds} s` : ''}.`,
    failures: 'Not done:',
    notReports: 'Skipped, as YAML files that are not reports (no title, organization, sections…); name a file on the command line to check it anyway:',
    interrupted: (n: number) => `Interrupted: ${n} file${n === 1 ? '' : 's'} not processed.`,
    verbCheck: 'passed',
    verbBuild: 'built',
  },
} as const;

/** One diagnostic as compiler-style text: `file:line:col severity CODE message`, expectation, frame. */
export function formatDiagnostic(d: Diagnostic, options: FormatOptions): string {
  const c = chalkFor(options.color);
  const w = words[options.lang];
  const text = messageFor(d.code, d.params, options.lang);
  const where = d.position ? `${d.file}:${d.position.line}:${d.position.column}` : d.file;
  const severity = d.severity === 'error' ? c.red.bold(w.error) : c.yellow.bold(w.warning);
  const lines = [`${c.bold(where)} ${severity} ${c.dim(d.code)} ${text.message}`];
  if (text.expected) lines.push(`  ${c.cyan(w.expected)}${text.expected}`);
  if (d.position && d.lineText !== undefined) {
    lines.push(c.dim(codeFrame(d.lineText, d.position.line, d.position.column)));
  }
  return lines.join('\n');
}

/** Runs with more files than this list no outputs one by one (the summary counts them). */
const LIST_OUTPUTS_UP_TO = 5;

/**
 * The whole run, in input order: each file's diagnostics, what was written (for small runs),
 * a summary line, and for a batch each file that is not done with its first problem.
 */
export function formatRun(run: RunResult, options: FormatOptions & { readonly command: 'check' | 'build' }): string {
  const c = chalkFor(options.color);
  const w = words[options.lang];
  const out: string[] = [];
  for (const file of run.files) {
    for (const d of file.diagnostics) out.push(formatDiagnostic(d, options), '');
    if (file.error) out.push(`${c.bold(file.file)} ${c.red.bold(w.failed)} ${file.error.message}`, '');
  }
  if (run.files.length <= LIST_OUTPUTS_UP_TO) {
    for (const file of run.files) if (file.status === 'ok') for (const path of file.outputs) out.push(`${c.green(w.built)} ${path}`);
    if (run.files.some((f) => f.status === 'ok' && f.outputs.length)) out.push('');
  }
  out.push(summaryLine(run, options.lang, options.command));
  const notReports = run.files.filter((f) => f.status === 'skipped');
  if (notReports.length) out.push(w.notReports, ...notReports.map((f) => `  ${f.file}`));
  const skipped = run.files.filter((f) => f.error?.name === 'InterruptedError');
  if (run.interrupted) out.push(w.interrupted(skipped.length));
  const notDone = run.files.filter((f) => (f.status === 'invalid' || f.status === 'failed') && f.error?.name !== 'InterruptedError');
  if (notDone.length && run.files.length > 1) {
    out.push(w.failures);
    for (const f of notDone) {
      const first = f.diagnostics.find((d) => d.severity === 'error');
      const where = first?.position ? `${f.file}:${first.position.line}:${first.position.column}` : f.file;
      const why = first ? `${first.code} ${messageFor(first.code, first.params, options.lang).message}` : f.error?.message ?? '';
      out.push(`  ${c.bold(where)} ${why}`);
    }
  }
  return out.join('\n');
}

interface Counts extends RunCounts {
  readonly seconds?: string;
}

/** The one-line summary of a run (files, outcomes, errors, warnings, time). */
export function summaryLine(run: RunResult, lang: Lang, command: 'check' | 'build'): string {
  const w = words[lang];
  const counts: Counts = {
    ...countsOf(run),
    ...(run.elapsedMs !== undefined && command === 'build' ? { seconds: (run.elapsedMs / 1000).toFixed(1) } : {}),
  };
  return w.summary(counts, command === 'check' ? w.verbCheck : w.verbBuild);
}

function chalkFor(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}
