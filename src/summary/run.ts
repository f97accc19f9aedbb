/**
 * `summary`: every department's report read and checked once, the compliance list decided, the
 * tables of those that passed summed, and the outputs written — the summary document (HTML, and
 * PDF printed by the same printer as the reports), the workbook and the CSV file. The edge of the
 * summary: the rest of src/summary/ is pure.
 */

import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { loadProfile } from '../profiles/load.js';
import { resolveProfileDir, TEMPLATES_DIR, type Profile } from '../profiles/profile.js';
import { profileForYear } from '../profiles/skeleton.js';
import { renderHtml } from '../render/render.js';
import { expandInputs } from '../run/inputs.js';
import { checkInput, newRunCache, type RunCache } from '../run/load.js';
import { previousOf } from '../source/previous.js';
import { setApartLastYears } from '../run/years.js';
import { writeOutputs } from '../run/outputs.js';
import { documentDate, type BuildOptions, type OutputFormat } from '../run/result.js';
import { writeAtomic } from '../run/write.js';
import { readInput } from '../source/read.js';
import { isObj } from '../source/record.js';
import type { TableValues } from '../tables/cells.js';
import { VERSION } from '../version.js';
import { summaryCommandText } from '../messages/department-summary.js';
import { csvText, dataColumns } from './columns.js';
import { decide, type Decision, type FoundReport } from './compliance.js';
import { summaryProfile, summaryReport } from './document.js';
import { sumTables } from './sum.js';

/** Options of `summary`. */
export interface SummaryOptions extends Pick<BuildOptions, 'browser' | 'browserWs' | 'localFonts' | 'timeoutMs'> {
  /** Folder for the summary document; default `out/summary`. */
  readonly outDir?: string;
  /** Formats of the summary document; default both. */
  readonly formats?: readonly OutputFormat[];
  /** Also write the workbook here. */
  readonly xlsx?: string;
  /** Also write the CSV file here. */
  readonly csv?: string;
  /** The year to sum; default that of most reports. */
  readonly year?: number;
  /** Organizations expected to report, to list those missing. */
  readonly expected?: readonly string[];
  /** Late reports and warnings count as problems (exit 1). */
  readonly strict?: boolean;
}

/** What a summary found and wrote. */
export interface SummaryResult {
  readonly decision: Decision;
  /** The summed tables (totals included), when any report was summed. */
  readonly sums?: ReadonlyMap<string, TableValues>;
  /** Problems of the summed tables themselves; empty unless a summed report did not add up. */
  readonly sumDiagnostics: readonly Diagnostic[];
  /** Last year's reports found among the inputs (named by a report's `previous:`): not summed, not listed. */
  readonly lastYears: readonly string[];
  /** Arguments that matched no report file. */
  readonly unmatched: readonly string[];
  readonly outputs: readonly string[];
  /** 0: every expected report found and summed; 1: a report left out, a department missing (or, strictly, late or warned); 2: the tool failed. */
  readonly exitCode: 0 | 1 | 2;
  readonly error?: Error;
  readonly elapsedMs: number;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/**
 * Reads and checks every report of `inputs` (files, folders, globs) for the summary. Last year's
 * reports kept beside this year's (named by their `previous:`) are set apart: they are no
 * department's report of the year, nor a misplaced one.
 */
async function findReports(inputs: readonly string[], outDir: string, cache: RunCache): Promise<{ found: FoundReport[]; lastYears: string[]; unmatched: readonly string[] }> {
  const expanded = expandInputs(inputs, [outDir]);
  const found: (FoundReport & { previous?: string })[] = [];
  for (const file of expanded.files) {
    const input = readInput(file, cache.reads);
    const loaded = await checkInput(input, { searched: expanded.searched.has(file) }, cache);
    if (loaded.notReport) continue;
    const doc = isObj(input.parsed?.value) ? (input.parsed!.value as Record<string, unknown>) : {};
    const previous = previousOf(file, doc);
    const organization = loaded.report?.organization ?? str(doc.organization)?.trim();
    const passed = loaded.report && !loaded.diagnostics.some((d) => d.severity === 'error' && d.suppressed === undefined);
    found.push({
      file,
      ...(organization ? { organization } : {}),
      ...(typeof doc.year === 'number' ? { year: doc.year } : {}),
      ...(str(doc.published) ? { published: str(doc.published)! } : {}),
      ...(doc.publisher !== undefined ? { publisher: doc.publisher } : {}),
      ...(loaded.profile ? { profile: loaded.profile } : {}),
      ...(passed ? { tables: loaded.report!.tables } : {}),
      diagnostics: loaded.diagnostics,
      ...(previous ? { previous } : {}),
    });
    input.release?.();
  }
  const { current, lastYears } = setApartLastYears(found);
  return { found: current, lastYears: lastYears.map((f) => f.file), unmatched: expanded.unmatched };
}

/** Sums the departments' reports and writes the summary's outputs. */
export async function summarize(inputs: readonly string[], options: SummaryOptions = {}): Promise<SummaryResult> {
  const started = Date.now();
  const outDir = options.outDir ?? join('out', 'summary');
  const formats = options.formats ?? ['pdf', 'html'];
  const cache = newRunCache();
  const { found, lastYears, unmatched } = await findReports(inputs, outDir, cache);
  const decision = decide(found, { ...(options.year !== undefined ? { year: options.year } : {}), ...(options.expected ? { expected: options.expected } : {}) });
  const summed = decision.profile && decision.summed.length ? sumTables(decision.profile.tables, decision.summed.map((f) => f.tables!)) : undefined;
  // Without a report to sum, the document (the list alone) takes the format of its year.
  const profile: Profile = summaryProfile(decision.profile ?? loadProfile(resolveProfileDir(profileForYear(decision.year ?? 2021), process.cwd()), cache.files));
  const report = summaryReport(decision, profile, summed?.tables);
  const html = renderHtml(report, profile, { version: VERSION });
  const name = decision.year !== undefined ? `summary-${decision.year}` : 'summary';
  const outputs = formats.map((f) => join(outDir, `${name}.${f}`));
  const written: string[] = [];
  let error: Error | undefined;
  // The documents' date: SOURCE_DATE_EPOCH, else the first day after the year summed; never the clock.
  const known = documentDate(report);
  const date = Number.isNaN(known.getTime()) ? new Date(0) : known;
  try {
    const printer = formats.includes('pdf') ? await startSummaryPrinter(html, report.title, report.sections.map((s) => s.heading), options, cache) : undefined;
    try {
      const result = await writeOutputs(name, { index: 0, report, diagnostics: [], html, outputs, checkMs: 0 }, formats, { date }, printer);
      written.push(...result.outputs);
      if (result.error) throw result.error;
    } finally {
      await printer?.close();
    }
    const departments = decision.summed.map((f) => ({ organization: f.organization ?? '', file: f.file, tables: f.tables! }));
    if (options.xlsx) {
      const { summaryWorkbook } = await import('./workbook.js');
      const workbook = summaryWorkbook(decision, profile.tables, departments, summed?.tables ?? new Map(), 'zh-CN', date);
      await writeAtomic(options.xlsx, new Uint8Array(await workbook.xlsx.writeBuffer()));
      written.push(options.xlsx);
    }
    if (options.csv) {
      const t = summaryCommandText;
      const labels = { organization: t.columns['zh-CN'][0]!, file: t.columns['zh-CN'][1]!, totals: t.totals['zh-CN'] };
      await writeAtomic(options.csv, csvText(dataColumns(profile.tables), departments, summed?.tables ?? new Map(), labels));
      written.push(options.csv);
    }
  } catch (failure) {
    error = failure as Error;
  }
  const problems =
    unmatched.length > 0 ||
    found.length === 0 ||
    decision.missing.length > 0 ||
    decision.rows.some((r) => r.standing !== 'summed') ||
    (summed?.diagnostics.length ?? 0) > 0 ||
    (options.strict === true && decision.rows.some((r) => r.timeliness === 'late' || r.warnings > 0));
  return {
    decision,
    ...(summed ? { sums: summed.tables } : {}),
    sumDiagnostics: summed?.diagnostics ?? [],
    lastYears,
    unmatched,
    outputs: written,
    exitCode: error ? 2 : problems ? 1 : 0,
    ...(error ? { error } : {}),
    elapsedMs: Date.now() - started,
  };
}

/** The printer for the one summary document, its fonts cut to the characters the document shows. */
async function startSummaryPrinter(html: string, title: string, headings: readonly string[], options: SummaryOptions, cache: RunCache) {
  const [{ startPrinter }, { collectRoleTexts }] = await Promise.all([import('../print/start.js'), import('../fonts/fonts.js')]);
  const chars = collectRoleTexts();
  chars.add('body', cache.files.folderText(TEMPLATES_DIR));
  chars.add('body', html.replace(/<[^>]*>/g, ''));
  chars.add('title', title);
  for (const heading of headings) chars.add('hei', heading);
  return startPrinter([], 1, options, { unused: new AbortController().signal, onLaunch: () => undefined, profileFiles: cache.files, texts: chars.texts });
}
