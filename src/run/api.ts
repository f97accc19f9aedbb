/** The programmatic API: `check` and `build` over many files; the CLI is a thin layer on these. */

import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expandInputs, shardOf } from './inputs.js';
import { checkInput, newRunCache } from './load.js';
import { readInput } from '../source/read.js';
import { exitCodeOf, noMatch, strictly, type CheckOptions, type FileResult, type RunResult } from './result.js';
import type { Diagnostic } from '../diagnostics.js';
import { writeAtomic } from './write.js';

export type { BuildOptions, CheckOptions, FileResult, OutputFormat, RunResult } from './result.js';
export { documentDate } from './result.js';

/** Loads and validates each file (folders and globs expanded) without starting a browser. */
export async function check(inputs: readonly string[], options: CheckOptions = {}): Promise<RunResult> {
  const started = Date.now();
  const expanded = expandInputs(inputs);
  const files = options.shard ? shardOf(expanded.files, options.shard) : expanded.files;
  const unmatched = expanded.unmatched;
  const cache = newRunCache();
  const results: FileResult[] = unmatched.map(noMatch);
  for (const file of files) {
    const input = readInput(file, cache.reads);
    const loaded = strictly(await checkInput(input, { ...options, searched: expanded.searched.has(file) }, cache), options.strict);
    input.release?.();
    results.push({ file, status: loaded.notReport ? 'skipped' : loaded.report ? 'ok' : 'invalid', diagnostics: loaded.diagnostics, outputs: [] });
  }
  return { files: results, exitCode: exitCodeOf(results), elapsedMs: Date.now() - started };
}

export { build } from './build.js';

/** Options of `init`. */
export interface InitOptions {
  readonly year: number;
  readonly organization: string;
  /** Profile name or folder; default by year (see profileForYear). */
  readonly profile?: string;
  /** Overwrite an existing file. */
  readonly force?: boolean;
  /** Keep the tables in a workbook beside the report (`<report>-tables.xlsx`), which the report names. */
  readonly tablesXlsx?: boolean;
}

/**
 * Writes a skeleton report to `file` (with `tablesXlsx`, its tables' workbook beside it);
 * 'exists' when a file to write is there and `force` is not set.
 */
export async function init(file: string, options: InitOptions): Promise<'written' | 'exists'> {
  const { workbookPathFor, writeWorkbookFile } = await import('./tables-export.js');
  const workbook = options.tablesXlsx ? workbookPathFor(file) : undefined;
  if ((existsSync(file) || (workbook && existsSync(workbook))) && !options.force) return 'exists';
  const [{ loadProfile }, { resolveProfileDir }] = await Promise.all([import('../profiles/load.js'), import('../profiles/profile.js')]);
  const { profileForYear, skeletonYaml } = await import('../profiles/skeleton.js');
  const profile = loadProfile(resolveProfileDir(options.profile ?? profileForYear(options.year), process.cwd()));
  const schema = fileURLToPath(new URL('../../src/report.schema.json', import.meta.url));
  const schemaPath = relative(dirname(resolve(file)), schema).split('\\').join('/');
  const tablesFile = workbook && profile.tables.length ? basename(workbook) : undefined;
  if (tablesFile) await writeWorkbookFile(workbook!, profile);
  await writeAtomic(file, skeletonYaml(profile, { year: options.year, organization: options.organization, schemaPath, ...(tablesFile ? { tablesFile } : {}) }));
  return 'written';
}


/** A built-in format as `nianbao profiles` lists it. */
export interface ProfileSummary {
  readonly name: string;
  readonly description: string;
  readonly years?: { readonly from?: number; readonly to?: number };
  readonly headings: readonly string[];
  readonly tables: readonly string[];
}

/** The built-in formats: their years, required headings and tables. */
export async function listProfiles(): Promise<ProfileSummary[]> {
  const [{ loadProfile }, { builtinProfiles, resolveProfileDir }] = await Promise.all([import('../profiles/load.js'), import('../profiles/profile.js')]);
  return builtinProfiles().map((name) => {
    const p = loadProfile(resolveProfileDir(name, process.cwd()));
    return {
      name,
      description: p.description,
      ...(p.years ? { years: { ...(p.years.from !== undefined ? { from: p.years.from } : {}), ...(p.years.to !== undefined ? { to: p.years.to } : {}) } } : {}),
      headings: p.headings.map((h) => h.title),
      tables: p.tables.map((t) => t.title),
    };
  });
}

/** Options of `nianbao new`. */
export interface NewOptions {
  /** Next year's report year; default this year's + 1. */
  readonly year?: number;
  /** The file to write; default `<year>.yaml` beside this year's. */
  readonly out?: string;
  readonly force?: boolean;
}

/**
 * Writes next year's report from `from` (this year's); resolves to the file written, 'exists'
 * when it is there and `force` is not set, or the diagnostics when `from` cannot be read.
 */
export async function newReport(from: string, options: NewOptions = {}): Promise<{ written: string } | { exists: string } | { diagnostics: readonly Diagnostic[] }> {
  const [{ loadProfile }, { isProfilePath, resolveProfileDir }, { profileForYear }, { nextYearYaml }] = await Promise.all([
    import('../profiles/load.js'),
    import('../profiles/profile.js'),
    import('../profiles/skeleton.js'),
    import('../profiles/next-year.js'),
  ]);
  const input = readInput(from);
  const doc = input.parsed?.value;
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return { diagnostics: input.diagnostics };
  // This year's tables with their totals (none when they have errors: next year starts from zeros).
  const loaded = await checkInput(input, {}, newRunCache());
  const d = doc as Record<string, unknown>;
  const year = options.year ?? (typeof d.year === 'number' ? d.year + 1 : new Date().getFullYear() - 1);
  const out = options.out ?? join(dirname(from), `${year}.yaml`);
  if (existsSync(out) && !options.force) return { exists: out };
  // A built-in format moves on with the years (gov-2019 → gov-2021); a custom one stays.
  const ref = typeof d.profile === 'string' && isProfilePath(d.profile) ? d.profile : profileForYear(year);
  const profile = loadProfile(resolveProfileDir(ref, dirname(resolve(from))));
  const schema = fileURLToPath(new URL('../../src/report.schema.json', import.meta.url));
  const rel = (target: string) => relative(dirname(resolve(out)), target).split('\\').join('/');
  const yaml = nextYearYaml({
    doc: d,
    tables: loaded.report?.tables ?? new Map(),
    profile,
    profileRef: ref,
    year,
    previous: rel(resolve(from)),
    schemaPath: rel(schema),
  });
  await writeAtomic(out, yaml);
  return { written: out };
}
