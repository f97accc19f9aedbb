/**
 * What a run is given and what it returns — the options and results of `check` and `build` —
 * and the rules both follow: strict mode, exit codes, arguments that match nothing, the date a
 * PDF carries.
 */

import { active, hasErrors, type Diagnostic } from '../diagnostics.js';
import type { Loaded, LoadOptions } from './load.js';
import type { Report } from '../model/model.js';
import type { VolumeOptions, VolumeResult } from '../volume/result.js';

export type OutputFormat = 'pdf' | 'html';

/** Options of `check`. */
export interface CheckOptions extends LoadOptions {
  /** Treat warnings as errors (exit 1), for CI. */
  readonly strict?: boolean;
  /** Only the k-th of n deterministic slices of the inputs (1-based), for CI jobs in parallel. */
  readonly shard?: { readonly index: number; readonly count: number };
}

/** Options of `build`. */
export interface BuildOptions extends CheckOptions {
  /** Folder for outputs; default `out`. */
  readonly outDir?: string;
  /** Which outputs to write; default both. */
  readonly formats?: readonly OutputFormat[];
  /** Path of a Chrome/Chromium/Edge executable. */
  readonly browser?: string;
  /** DevTools WebSocket URL of a running browser to print with, instead of starting one. */
  readonly browserWs?: string;
  /** Prefer locally installed official faces over the bundled fonts. */
  readonly localFonts?: boolean;
  /** Printed on both sides: mirrored margins. */
  readonly duplex?: boolean;
  /** Per-document print timeout in milliseconds. */
  readonly timeoutMs?: number;
  /** Fixed date for the PDF metadata (else SOURCE_DATE_EPOCH, else the report's dates). */
  readonly date?: Date;
  /** Pages printing at once; default: the number of cores. */
  readonly jobs?: number;
  /** Stops the run (Ctrl-C): no new document starts, the browser goes, nothing half-written stays. */
  readonly signal?: AbortSignal;
  /** Rebuild even when inputs and outputs are unchanged. */
  readonly force?: boolean;
  /** After the batch, bind the reports that built into one PDF (`--volume`). */
  readonly volume?: VolumeOptions;
  /** Called once the inputs are known, with their number. */
  readonly onStart?: (total: number) => void;
  /** Called as each file finishes (in completion order), with its index in the input order. */
  readonly onFile?: (result: FileResult, index: number) => void;
}

/** The outcome for one input file. */
export interface FileResult {
  readonly file: string;
  /**
   * `ok`: checked or built; `unchanged`: outputs already up to date (not rebuilt); `invalid`:
   * the input has errors; `failed`: the tool failed on it (browser, timeout, output);
   * `skipped`: found by searching a folder or pattern, but plainly not a report (a CI workflow).
   */
  readonly status: 'ok' | 'unchanged' | 'invalid' | 'failed' | 'skipped';
  readonly diagnostics: readonly Diagnostic[];
  /** Paths written, in the order of `formats`. */
  readonly outputs: readonly string[];
  /** For `failed`: what went wrong (a tool error, not the input's fault). */
  readonly error?: Error;
  /** The faces the PDF embeds (build only), e.g. `NotoSerifSC-Regular`. */
  readonly faces?: readonly string[];
  /** Where the file's time went, in milliseconds (build only). */
  readonly timings?: { readonly checkMs?: number; readonly printMs?: number; readonly writeMs?: number };
  /** What the report says it is (build only): what a list of reports shows. */
  readonly report?: ReportMeta;
}

/** A report's title, organization and year, as far as the file gives them (an invalid one may give some). */
export interface ReportMeta {
  readonly title?: string;
  readonly organization?: string;
  readonly year?: number;
}

/** The title, organization and year of a report, or of a parsed YAML document that may not be a valid one. */
export function reportMetaOf(doc: unknown): ReportMeta | undefined {
  if (typeof doc !== 'object' || doc === null) return undefined;
  const { title, organization, year } = doc as Record<string, unknown>;
  // A title broken into lines by the author is one title.
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().replace(/\s*\n\s*/g, '') : undefined);
  const meta = {
    ...(text(title) ? { title: text(title)! } : {}),
    ...(text(organization) ? { organization: text(organization)! } : {}),
    ...(Number.isInteger(year) ? { year: year as number } : {}),
  };
  return Object.keys(meta).length ? meta : undefined;
}

/** The error of a file (or of the volume) that an interrupted run did not finish. */
export class InterruptedError extends Error {
  constructor() {
    super('interrupted');
    this.name = 'InterruptedError';
  }
}

/** The outcome of a run: each file's result and the exit code it implies. */
export interface RunResult {
  readonly files: readonly FileResult[];
  /** 0 success (warnings allowed), 1 input errors, 2 the tool failed; the CLI adds 129/130/143 for a signal. */
  readonly exitCode: 0 | 1 | 2 | 129 | 130 | 143;
  /** A failure of the whole run (no browser, …), when there was one. */
  readonly error?: Error;
  /** Wall time of the run, for `build`. */
  readonly elapsedMs?: number;
  /** The browser that printed, e.g. `Chrome/156.0.8078.108`. */
  readonly browser?: string;
  /** The run was stopped before it finished (see BuildOptions.signal). */
  readonly interrupted?: boolean;
  /** The volume, when one was asked for (BuildOptions.volume). */
  readonly volume?: VolumeResult;
  /** The output folder, as given (build only): outputs are paths below it. */
  readonly outDir?: string;
}

/** With `strict`, warnings count as errors: the report is not built. */
export function strictly(loaded: Loaded, strict: boolean | undefined): Loaded {
  if (!strict || !active(loaded.diagnostics).some((d) => d.severity === 'warning')) return loaded;
  const diagnostics = loaded.diagnostics.map((d) => (d.suppressed === undefined ? { ...d, severity: 'error' as const } : d));
  return { ...(loaded.source ? { source: loaded.source } : {}), diagnostics };
}

/** The date a PDF carries: SOURCE_DATE_EPOCH when set, else the report's own date; never the clock. */
export function documentDate(report: Report, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  const day = report.published ?? report.date ?? `${report.year + 1}-01-01`;
  return new Date(`${day}T00:00:00+08:00`);
}

/** 2 when the tool failed on a file, 1 when an input has errors, else 0. */
export function exitCodeOf(results: readonly FileResult[]): 0 | 1 | 2 {
  if (results.some((r) => r.status === 'failed')) return 2;
  if (results.some((r) => r.status === 'invalid' || hasErrors(r.diagnostics))) return 1;
  return 0;
}

/** The result for an argument (folder or pattern) that matched no report file. */
export function noMatch(arg: string): FileResult {
  return { file: arg, status: 'invalid', diagnostics: [{ code: 'NB1008', severity: 'error', file: arg, params: {} }], outputs: [] };
}

/** A run's counts: files by outcome, and diagnostics by severity (for the summary line and the JSON). */
export interface RunCounts {
  readonly files: number;
  readonly ok: number;
  readonly unchanged: number;
  readonly invalid: number;
  readonly failed: number;
  readonly skipped: number;
  readonly errors: number;
  readonly warnings: number;
  /** Warnings the files knowingly accept (`# nianbao-disable-line`), not counted above. */
  readonly suppressed: number;
}

export function countsOf(run: RunResult): RunCounts {
  const every = run.files.flatMap((f) => f.diagnostics);
  const all = active(every);
  const errors = all.filter((d) => d.severity === 'error').length;
  const count = (status: FileResult['status']) => run.files.filter((f) => f.status === status).length;
  return { files: run.files.length, ok: count('ok'), unchanged: count('unchanged'), invalid: count('invalid'), failed: count('failed'), skipped: count('skipped'), errors, warnings: all.length - errors, suppressed: every.length - all.length };
}
