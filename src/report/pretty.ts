/** Turns run results into text for people: pure functions, colour passed in. */

import { Chalk, type ChalkInstance } from 'chalk';
import { countsOf, type RunResult } from '../run/result.js';
import { codeFrame } from './codeframe.js';
import { active, type Diagnostic } from '../diagnostics.js';
import { messageFor } from '../messages/diagnostics.js';
import { inLanguage, type Lang } from '../messages/lang.js';
import { summaryText, type SummaryCounts } from '../messages/summary.js';
import { volumeText } from '../messages/volume.js';
import type { VolumeResult } from '../volume/result.js';

/** How to format: language and colour. */
export interface FormatOptions {
  readonly lang: Lang;
  readonly color: boolean;
}


/** One diagnostic as compiler-style text: `file:line:col severity CODE message`, expectation, frame. */
export function formatDiagnostic(d: Diagnostic, options: FormatOptions): string {
  const c = chalkFor(options.color);
  const w = inLanguage(summaryText, options.lang);
  const text = messageFor(d.code, d.params, options.lang);
  const where = placeOf(d);
  const severity = d.severity === 'error' ? c.red.bold(w.error) : c.yellow.bold(w.warning);
  const lines = [`${c.bold(where)} ${severity} ${c.dim(d.code)} ${text.message}`];
  if (text.expected) lines.push(`  ${c.cyan(w.expected)}${text.expected}`);
  if (d.position && d.lineText !== undefined) {
    lines.push(c.dim(codeFrame(d.lineText, d.position.line, d.position.column)));
  }
  return lines.join('\n');
}

/** Where a diagnostic points: `file:line:col`, or a workbook's cell as `file 表三!D12`. */
export function placeOf(d: Diagnostic): string {
  if (d.position) return `${d.file}:${d.position.line}:${d.position.column}`;
  return d.cell ? `${d.file} ${d.cell}` : d.file;
}

/** Runs with more files than this list no outputs one by one (the summary counts them). */
const LIST_OUTPUTS_UP_TO = 5;

/**
 * The whole run, in input order: each file's diagnostics, what was written (for small runs),
 * a summary line, and for a batch each file that is not done with its first problem.
 */
export function formatRun(run: RunResult, options: FormatOptions & { readonly command: 'check' | 'build' }): string {
  const c = chalkFor(options.color);
  const w = inLanguage(summaryText, options.lang);
  const out: string[] = [];
  for (const file of run.files) {
    for (const d of active(file.diagnostics)) out.push(formatDiagnostic(d, options), '');
    if (file.error) out.push(`${c.bold(file.file)} ${c.red.bold(w.failed)} ${file.error.message}`, '');
  }
  if (run.files.length <= LIST_OUTPUTS_UP_TO) {
    for (const file of run.files) if (file.status === 'ok') for (const path of file.outputs) out.push(`${c.green(w.built)} ${path}`);
    const faces = [...new Set(run.files.flatMap((f) => f.faces ?? []))].sort();
    if (faces.length) out.push(w.printedWith(faces.map(w.face).join(options.lang === 'en' ? ', ' : '、')));
    if (run.files.some((f) => f.status === 'ok' && f.outputs.length)) out.push('');
  }
  out.push(summaryLine(run, options.lang, options.command));
  if (run.volume) out.push(...volumeLines(run.volume, options.lang));
  const notReports = run.files.filter((f) => f.status === 'skipped');
  if (notReports.length) out.push(w.notReports, ...notReports.map((f) => `  ${f.file}`));
  const skipped = run.files.filter((f) => f.error?.name === 'InterruptedError');
  if (run.interrupted) out.push(w.interrupted(skipped.length));
  // Built with warnings: a draft (TODO) is marked on its pages, and named here.
  const warned = options.command === 'build' ? run.files.filter((f) => f.status === 'ok' && active(f.diagnostics).length > 0) : [];
  if (warned.length) out.push(w.withWarnings, ...warned.map((f) => `  ${f.file}${active(f.diagnostics).some((d) => d.code === 'NB6001' || d.code === 'NB6010') ? ` (${w.draft})` : ''}`));
  const notDone = run.files.filter((f) => (f.status === 'invalid' || f.status === 'failed') && f.error?.name !== 'InterruptedError');
  if (notDone.length && run.files.length > 1) {
    out.push(w.failures);
    for (const f of notDone) {
      const first = f.diagnostics.find((d) => d.severity === 'error');
      const where = first ? placeOf(first) : f.file;
      const why = first ? `${first.code} ${messageFor(first.code, first.params, options.lang).message}` : f.error?.message ?? '';
      out.push(`  ${c.bold(where)} ${why}`);
    }
  }
  return out.join('\n');
}


/** What became of the volume: where it is, how much was printed for it, what was left out. */
export function volumeLines(volume: VolumeResult, lang: Lang): string[] {
  const v = inLanguage(volumeText, lang);
  const lines = [v[volume.status](volume)];
  if (volume.leftOut.length) lines.push(v.leftOut, ...volume.leftOut.map((f) => `  ${f}`));
  for (const file of volume.lastYears) lines.push(v.lastYear(file));
  for (const other of volume.otherYears) lines.push(v.otherYear(other.file, other.year, volume.year ?? other.year));
  if (volume.unlisted.length) lines.push(v.unlisted, ...volume.unlisted.map((l) => `  ${l}`));
  return lines;
}

/** The one-line summary of a run (files, outcomes, errors, warnings, time). */
export function summaryLine(run: RunResult, lang: Lang, command: 'check' | 'build'): string {
  const w = inLanguage(summaryText, lang);
  const counts: SummaryCounts = {
    ...countsOf(run),
    ...(run.elapsedMs !== undefined && command === 'build' ? { seconds: (run.elapsedMs / 1000).toFixed(1) } : {}),
  };
  return w.summary(counts, command === 'check' ? w.verbCheck : w.verbBuild);
}

function chalkFor(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}
