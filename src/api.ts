/** The programmatic API: `check` and `build` over many files; the CLI is a thin layer on these. */

import { basename, extname, join, resolve } from 'node:path';
import type { BrowserHandle } from './browser.js';
import { hasErrors, type Diagnostic } from './diagnostics.js';
import { loadReport, type Loaded, type LoadOptions, type ProfileCache } from './load.js';
import type { Report } from './model.js';
import { renderHtml } from './render.js';
import { VERSION } from './version.js';
import { writeAtomic } from './write.js';

export type OutputFormat = 'pdf' | 'html';

/** Options of `check`. */
export interface CheckOptions extends LoadOptions {
  /** Treat warnings as errors (exit 1), for CI. */
  readonly strict?: boolean;
}

/** Options of `build`. */
export interface BuildOptions extends CheckOptions {
  /** Folder for outputs; default `out`. */
  readonly outDir?: string;
  /** Which outputs to write; default both. */
  readonly formats?: readonly OutputFormat[];
  /** Path of a Chrome/Chromium/Edge executable. */
  readonly browser?: string;
  /** Prefer locally installed official faces over the bundled fonts. */
  readonly localFonts?: boolean;
  /** Per-document print timeout in milliseconds. */
  readonly timeoutMs?: number;
  /** Fixed date for the PDF metadata (else SOURCE_DATE_EPOCH, else the report's dates). */
  readonly date?: Date;
  /** Called as each file finishes, in input order. */
  readonly onFile?: (result: FileResult) => void;
}

/** The outcome for one input file. */
export interface FileResult {
  readonly file: string;
  /** `ok`: checked or built; `invalid`: the input has errors; `failed`: the tool failed on it. */
  readonly status: 'ok' | 'invalid' | 'failed';
  readonly diagnostics: readonly Diagnostic[];
  /** Paths written, in the order of `formats`. */
  readonly outputs: readonly string[];
  /** For `failed`: what went wrong (a tool error, not the input's fault). */
  readonly error?: Error;
}

/** The outcome of a run: each file's result and the exit code it implies. */
export interface RunResult {
  readonly files: readonly FileResult[];
  /** 0 success (warnings allowed), 1 input errors, 2 the tool failed. */
  readonly exitCode: 0 | 1 | 2;
  /** A failure of the whole run (no browser, …), when there was one. */
  readonly error?: Error;
}

/** Loads and validates each file without starting a browser. */
export async function check(files: readonly string[], options: CheckOptions = {}): Promise<RunResult> {
  const profiles: ProfileCache = new Map();
  const results: FileResult[] = [];
  for (const file of files) {
    const loaded = strictly(await loadReport(file, options, profiles), options.strict);
    results.push({ file, status: loaded.report ? 'ok' : 'invalid', diagnostics: loaded.diagnostics, outputs: [] });
  }
  return { files: results, exitCode: exitCodeOf(results) };
}

/** Checks each file and writes its HTML and/or PDF; one browser serves the whole run. */
export async function build(files: readonly string[], options: BuildOptions = {}): Promise<RunResult> {
  const formats = options.formats ?? ['pdf', 'html'];
  const outDir = options.outDir ?? 'out';
  const profiles: ProfileCache = new Map();
  const loaded: Loaded[] = [];
  for (const file of files) loaded.push(strictly(await loadReport(file, options, profiles), options.strict));

  let browser: BrowserHandle | undefined;
  const results: FileResult[] = [];
  try {
    if (formats.includes('pdf') && loaded.some((l) => l.report)) {
      const { findBrowser, launchBrowser } = await import('./browser.js');
      try {
        browser = await launchBrowser(await findBrowser(options.browser ? { explicit: options.browser } : {}));
      } catch (error) {
        return { files: loaded.map((l, i) => invalidOrSkipped(files[i]!, l)), exitCode: 2, error: error as Error };
      }
    }
    for (const [i, item] of loaded.entries()) {
      const file = files[i]!;
      const result = item.report && item.profile
        ? await buildOne(file, item as Required<Loaded>, formats, outDir, options, browser)
        : invalidOrSkipped(file, item);
      results.push(result);
      options.onFile?.(result);
    }
  } finally {
    await browser?.close();
  }
  return { files: results, exitCode: exitCodeOf(results) };
}

/** With `strict`, warnings count as errors: the report is not built. */
function strictly(loaded: Loaded, strict: boolean | undefined): Loaded {
  if (!strict || !loaded.diagnostics.some((d) => d.severity === 'warning')) return loaded;
  const diagnostics = loaded.diagnostics.map((d) => ({ ...d, severity: 'error' as const }));
  return { ...(loaded.source ? { source: loaded.source } : {}), diagnostics };
}

/** Options of `init`. */
export interface InitOptions {
  readonly year: number;
  readonly organization: string;
  /** Profile name or folder; default by year (see profileForYear). */
  readonly profile?: string;
  /** Overwrite an existing file. */
  readonly force?: boolean;
}

/** Writes a skeleton report to `file`; 'exists' when the file is there and `force` is not set. */
export async function init(file: string, options: InitOptions): Promise<'written' | 'exists'> {
  const { existsSync } = await import('node:fs');
  if (existsSync(file) && !options.force) return 'exists';
  const { loadProfile, resolveProfileDir } = await import('./profile.js');
  const { profileForYear, skeletonYaml } = await import('./init.js');
  const { dirname, relative } = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const profile = loadProfile(resolveProfileDir(options.profile ?? profileForYear(options.year), process.cwd()));
  const schema = fileURLToPath(new URL('../src/report.schema.json', import.meta.url));
  const schemaPath = relative(dirname(resolve(file)), schema).split('\\').join('/');
  await writeAtomic(file, skeletonYaml(profile, { year: options.year, organization: options.organization, schemaPath }));
  return 'written';
}

function invalidOrSkipped(file: string, loaded: Loaded): FileResult {
  return { file, status: loaded.report ? 'failed' : 'invalid', diagnostics: loaded.diagnostics, outputs: [] };
}

async function buildOne(
  file: string,
  loaded: Required<Loaded>,
  formats: readonly OutputFormat[],
  outDir: string,
  options: BuildOptions,
  browser: BrowserHandle | undefined,
): Promise<FileResult> {
  const { report, profile, diagnostics } = loaded;
  const name = basename(file, extname(file));
  const outputs: string[] = [];
  try {
    for (const format of formats) {
      const path = join(outDir, `${name}.${format}`);
      if (resolve(path) === resolve(file)) throw new Error(`refusing to overwrite the input ${file}`);
      if (format === 'html') {
        await writeAtomic(path, renderHtml(report, profile, { version: VERSION }));
      } else {
        const { fontCssFor } = await import('./fonts.js');
        const { printPdf } = await import('./pdf.js');
        const { setPdfMetadata } = await import('./metadata.js');
        const webHtml = renderHtml(report, profile, { version: VERSION });
        const fontCss = await fontCssFor(webHtml, { localFonts: options.localFonts ?? false });
        const printHtml = renderHtml(report, profile, { version: VERSION, fontCss });
        const raw = await printPdf(browser!.browser, printHtml, options.timeoutMs ? { timeoutMs: options.timeoutMs } : {});
        const version = await browser!.browser.version();
        const pdf = await setPdfMetadata(raw, {
          title: report.title,
          author: report.organization,
          subject: `${report.year}年政府信息公开工作年度报告`,
          keywords: ['政府信息公开', '年度报告', String(report.year), report.organization],
          producer: `nianbao ${VERSION}`,
          creator: version,
          language: 'zh-CN',
          date: options.date ?? documentDate(report),
        });
        await writeAtomic(path, pdf);
      }
      outputs.push(path);
    }
    return { file, status: 'ok', diagnostics, outputs };
  } catch (error) {
    return { file, status: 'failed', diagnostics, outputs, error: error as Error };
  }
}

/** The date a PDF carries: SOURCE_DATE_EPOCH when set, else the report's own date; never the clock. */
export function documentDate(report: Report, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  const day = report.published ?? report.date ?? `${report.year + 1}-01-01`;
  return new Date(`${day}T00:00:00+08:00`);
}

function exitCodeOf(results: readonly FileResult[]): 0 | 1 | 2 {
  if (results.some((r) => r.status === 'failed')) return 2;
  if (results.some((r) => r.status === 'invalid' || hasErrors(r.diagnostics))) return 1;
  return 0;
}
