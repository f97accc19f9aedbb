/**
 * One report's checks, from what was read (source/read.ts) to a validated report and its page:
 * the profile it names, last year's figures, every check, and the rendered HTML.
 */

import { hasErrors, type Diagnostic } from '../diagnostics.js';
import { renderHtml, type RenderOptions } from '../render/render.js';
import { VERSION } from '../version.js';
import { loadProfile } from '../profiles/load.js';
import { builtinProfiles, ProfileError, profileRefFor, resolveProfileDir, TEMPLATES_DIR, type Profile } from '../profiles/profile.js';
import { ProfileFiles } from '../profiles/files.js';
import { readInput, type Input, type Reads } from '../source/read.js';
import { diagnosticAt, type SourceFile } from '../source/source.js';
import { applySuppressions } from '../checks/suppress.js';
import { validateReport, type Validated } from '../checks/validate.js';
import type { TableValues } from '../tables/cells.js';
import { isObj } from '../source/record.js';
import { previousOf } from '../source/previous.js';
import type { TableDef } from '../tables/definitions.js';
import { readTables } from '../tables/read.js';
import type { ValidateContext } from '../checks/validate.js';
import type { TablesFileProblem } from '../xlsx/tables-file.js';

/** Options that decide how a report is read and checked. */
export interface LoadOptions {
  /** Profile name or folder that overrides the report's own `profile` (relative to the cwd). */
  readonly profile?: string;
  /** Render the page as part of loading (build needs it; check renders only custom templates). */
  readonly render?: boolean;
  /**
   * The file was found by searching a folder or a pattern: if it is plainly not a report (say,
   * a CI workflow beside the reports), it is skipped (`notReport`) instead of reported as wrong.
   */
  readonly searched?: boolean;
  /** A table of contents in every report that has none of its own (`--toc`): its depth, 1 or 2. */
  readonly toc?: number;
}

/** A loaded report: its source, the profile it was checked against, the outcome, and its HTML. */
export interface Loaded extends Validated {
  readonly source?: SourceFile;
  readonly profile?: Profile;
  /** The rendered page, when the report is valid (rendering is part of checking a template). */
  readonly html?: string;
  /**
   * Renders the page again with the pages its table of contents gives (for print), or with no
   * table of contents at all (`false`: a report printed for a volume, whose 目录 lists it).
   */
  readonly rerender?: (toc: ReadonlyMap<string, number | string> | false) => string;
  /** How deep the page's table of contents goes (0: it has none). */
  readonly tocDepth?: number;
  /** A searched file that is plainly not a report (see LoadOptions.searched): nothing else is said of it. */
  readonly notReport?: boolean;
}

/** Profiles loaded in one run, by folder, so a batch reads each profile once. */
export type ProfileCache = Map<string, Profile>;

/** What one run keeps so that nothing is read twice: the inputs it read, the profile files, and the profiles it loaded. */
export interface RunCache {
  readonly reads: Reads;
  readonly files: ProfileFiles;
  readonly profiles: ProfileCache;
}

/** A cache for one run. */
export function newRunCache(): RunCache {
  return { reads: new Map(), files: new ProfileFiles(), profiles: new Map() };
}

/** Reads, decodes, parses and validates one report file. Never throws for bad input. */
export async function loadReport(path: string, options: LoadOptions = {}, cache: RunCache = newRunCache()): Promise<Loaded> {
  return checkInput(readInput(path, cache.reads), options, cache);
}

/** Validates (and, with `render`, renders) a report already read. Never throws for bad input. */
export async function checkInput(input: Input, options: LoadOptions, cache: RunCache): Promise<Loaded> {
  const { path, source, parsed } = input;
  if (!source) return { diagnostics: [...input.diagnostics] };
  if (!parsed) return { source, diagnostics: [...input.diagnostics] };

  if (options.searched && !looksLikeReport(parsed.value)) return { source, diagnostics: [], notReport: true };
  const doc = parsed.value as Record<string, unknown> | null;
  const located = profileRefFor(path, doc, options.profile);
  const profileResult = located === undefined ? undefined : openProfile(located.ref, located.baseDir, cache);
  // A profile with mistakes in its own files: said at the report's `profile:`, and each
  // mistake at its place in the profile's file.
  const profileDiagnostics: Diagnostic[] =
    profileResult instanceof ProfileError
      ? [
          diagnosticAt(
            source,
            parsed.spans.get('/profile')?.start,
            profileResult.kind === 'not-found' ? 'NB3006' : 'NB3007',
            'error',
            { profile: profileResult.profile, available: builtinProfiles().join(', '), reason: profileResult.reason },
            '/profile',
          ),
          ...profileResult.diagnostics,
        ]
      : [];
  const profile = profileResult instanceof ProfileError ? undefined : profileResult;
  const previousPath = previousOf(path, doc);
  const previous = profile && previousPath ? await previousTables(previousPath, profile, cache, doc?.year) : undefined;
  const previousDiagnostics =
    previous && 'reason' in previous
      ? [
          diagnosticAt(source, parsed.spans.get('/previous')?.start, 'NB6009', 'warning', {
            file: String(doc?.previous),
            reason: previous.reason,
            ...(previous.found !== undefined ? { found: previous.found, expected: Number(doc?.year) - 1 } : {}),
          }, '/previous'),
        ]
      : [];
  // Tables kept in a workbook (`tables: 2025-tables.xlsx`): read here, at the edge; a workbook
  // that cannot be read is said at the report's `tables:` line.
  const workbook = profile ? await workbookOf(path, doc, profile.tables, cache) : undefined;
  const workbookDiagnostics =
    workbook && 'reason' in workbook
      ? [diagnosticAt(source, parsed.spans.get('/tables')?.start, 'NB1009', 'error', { file: String(doc?.tables), reason: workbook.reason, detail: workbook.detail ?? '' }, '/tables')]
      : [];
  const validated = validateReport(source, parsed, profile ?? EMPTY_PROFILE, {
    ...(previous && 'tables' in previous ? { previousTables: previous.tables, previousTexts: previous.texts, previousFigures: previous.figures } : previous ? { previousUnreadable: true } : {}),
    ...(workbook ? { workbook: 'reason' in workbook ? { path: workbook.path, cells: new Map() } : workbook } : {}),
  });
  // Without its profile, the report's table references name tables nobody defined: that is
  // the profile's error, already said, not one per reference.
  const own = profile ? validated.diagnostics : validated.diagnostics.filter((d) => d.code !== 'NB4003');
  const diagnostics = applySuppressions(source, parsed, [...input.diagnostics, ...profileDiagnostics, ...previousDiagnostics, ...workbookDiagnostics, ...own]);
  const tables = validated.tables ? { tables: validated.tables } : {};
  if (!profile || !validated.report || hasErrors(input.diagnostics) || hasErrors(workbookDiagnostics)) return { source, diagnostics, ...tables, ...(profile ? { profile } : {}) };
  // The built-in templates are tested; a custom one is rendered even by `check`.
  if (!options.render && profile.dir.startsWith(TEMPLATES_DIR)) return { source, profile, report: validated.report, diagnostics, ...tables };
  // A custom template that cannot render (a missing partial, a bad helper call) is found by
  // `check` too, as the profile's error, not when printing.
  let html: string;
  // A report with places still to write (TODO) prints as a draft.
  const draft = diagnostics.some((d) => (d.code === 'NB6001' || d.code === 'NB6010') && d.suppressed === undefined);
  const report = validated.report;
  const depth = Math.max(report.toc, options.toc ?? 0);
  const renderWith = (toc: RenderOptions['toc']) => renderHtml(report, profile, { version: VERSION, ...(draft ? { draft } : {}), ...(toc ? { toc } : {}) });
  try {
    html = renderWith(depth ? { depth } : undefined);
  } catch (error) {
    const reason = ((error as Error).message ?? String(error)).split('\n')[0]!;
    return { source, profile, ...tables, diagnostics: [...diagnostics, diagnosticAt(source, parsed.spans.get('/profile')?.start, 'NB3007', 'error', { profile: profile.name, reason }, '/profile')] };
  }
  const rerender = (pages: ReadonlyMap<string, number | string> | false) => renderWith(pages && depth ? { depth, pages } : undefined);
  return { source, profile, report, diagnostics, html, rerender, tocDepth: depth, ...tables };
}

/** Top-level keys of a report; a YAML mapping with none of them (a CI workflow, a tool's settings) is not one. */
const REPORT_KEYS = ['profile', 'title', 'organization', 'year', 'published', 'intro', 'sections', 'tables', 'figures'];

/**
 * Whether a parsed YAML document could be meant as a report. Only a mapping with keys, none of
 * them a report's, is plainly something else; a list, a scalar or an empty file found beside
 * the reports is more likely a report gone wrong, and is checked (and reported) as one.
 */
function looksLikeReport(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.keys(value).length === 0) return true;
  return REPORT_KEYS.some((key) => key in value);
}

/** Stands in when a report's profile cannot be loaded, so its other problems are still found. */
const EMPTY_PROFILE: Profile = { name: '', dir: '', description: '', headings: [], onlyRequiredHeadings: false, tables: [], proseChecks: [], plausibility: {}, template: '', partials: {}, css: '' };

/** The tables of a report that keeps them in a workbook (`tables: <file>.xlsx`), read once a run; undefined for a report that writes them out. */
async function workbookOf(path: string, doc: Record<string, unknown> | null, defs: readonly TableDef[], cache: RunCache): Promise<NonNullable<ValidateContext['workbook']> | TablesFileProblem | undefined> {
  if (typeof doc?.tables !== 'string' || defs.length === 0) return undefined;
  const { readTablesFile } = await import('../xlsx/tables-file.js');
  return readTablesFile(path, doc.tables, defs, cache.reads);
}

/** Last year's report, read (once a run) only for its tables. */
async function previousTables(path: string, profile: Profile, cache: RunCache, year: unknown): Promise<{ tables: Map<string, TableValues>; texts: string[]; figures: Map<string, number | string> } | { reason: string; found?: number }> {
  const read = readInput(path, cache.reads);
  if (!read.source) return { reason: read.diagnostics[0]?.code ?? 'unreadable' };
  const { parsed } = read;
  if (!parsed) return { reason: 'YAML' };
  const doc = parsed.value as Record<string, unknown> | null;
  // Last year's, not this year's again or an older one.
  if (typeof year === 'number' && typeof doc?.year === 'number' && doc.year !== year - 1) return { reason: 'year', found: doc.year };
  // Last year's report is read with its own profile (a 2020 report's gov-2019 tables, for 2021):
  // the rows the carry-over compares are in both.
  const located = profileRefFor(path, doc, undefined);
  const own = located ? openProfile(located.ref, located.baseDir, cache) : profile;
  const defs = own instanceof ProfileError ? profile.tables : own.tables;
  const workbook = await workbookOf(path, doc, defs, cache);
  if (workbook && 'reason' in workbook) return { reason: 'tables' };
  const { tables, diagnostics } = workbook
    ? readTables(workbook.value, defs, new Map(), read.source, own instanceof ProfileError ? profile.name : own.name)
    : readTables(doc?.tables, defs, parsed.spans, read.source);
  // Its paragraphs, to find those copied unchanged into this year's.
  const texts = textsOf(doc);
  read.release?.();
  const figures = new Map(Object.entries(isObj(doc?.figures) ? (doc?.figures as Record<string, unknown>) : {}).filter((e): e is [string, number | string] => typeof e[1] === 'number' || typeof e[1] === 'string'));
  return diagnostics.some((d) => d.severity === 'error') ? { reason: 'tables' } : { tables, texts, figures };
}

/** The narrative of a parsed report: its introduction and every section's text. */
function textsOf(doc: Record<string, unknown> | null): string[] {
  const out: string[] = typeof doc?.intro === 'string' ? [doc.intro] : [];
  const walk = (sections: unknown) => {
    if (!Array.isArray(sections)) return;
    for (const s of sections as Record<string, unknown>[]) {
      if (typeof s?.text === 'string') out.push(s.text);
      walk(s?.sections);
    }
  };
  walk(doc?.sections);
  return out;
}

function openProfile(ref: string, baseDir: string, { profiles, files }: RunCache): Profile | ProfileError {
  try {
    const dir = resolveProfileDir(ref, baseDir);
    let profile = profiles.get(dir);
    if (!profile) {
      profile = loadProfile(dir, files);
      profiles.set(dir, profile);
    }
    return profile;
  } catch (error) {
    if (error instanceof ProfileError) return error;
    throw error;
  }
}
