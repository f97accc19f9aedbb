/** The reading edge: from a path to a parsed, validated report (or its diagnostics). */

import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { decodeText } from '../source/decode.js';
import { hasErrors, type Diagnostic } from '../diagnostics.js';
import { renderHtml } from '../render/render.js';
import { VERSION } from '../version.js';
import { builtinProfiles, loadProfile, ProfileError, resolveProfileDir, TEMPLATES_DIR, type Profile } from '../profiles/profile.js';
import { diagnosticAt, sourceFromText, type SourceFile } from '../source/source.js';
import { validateReport, type Validated } from '../checks/validate.js';
import type { TableValues } from '../tables/cells.js';
import { readTables } from '../tables/read.js';
import { parseYaml } from '../source/yaml.js';

/** Reports larger than this are refused before parsing (a real one is a few hundred KB). */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

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
}

/** A loaded report: its source, the profile it was checked against, the outcome, and its HTML. */
export interface Loaded extends Validated {
  readonly source?: SourceFile;
  readonly profile?: Profile;
  /** The rendered page, when the report is valid (rendering is part of checking a template). */
  readonly html?: string;
  /** A searched file that is plainly not a report (see LoadOptions.searched): nothing else is said of it. */
  readonly notReport?: boolean;
}

/** Profiles loaded in one run, by folder, so a batch reads each profile once. */
export type ProfileCache = Map<string, Profile>;

/** Reads, decodes, parses and validates one report file. Never throws for bad input. */
export async function loadReport(path: string, options: LoadOptions = {}, profiles: ProfileCache = new Map()): Promise<Loaded> {
  const read = await readSource(path);
  if (!read.source) return { diagnostics: read.diagnostics };
  const source = read.source;
  const { parsed, diagnostics: yamlDiagnostics } = parseYaml(source);
  if (!parsed) return { source, diagnostics: [...read.diagnostics, ...yamlDiagnostics] };

  if (options.searched && !looksLikeReport(parsed.value)) return { source, diagnostics: [], notReport: true };
  const doc = parsed.value as Record<string, unknown> | null;
  const ref = options.profile ?? (typeof doc?.profile === 'string' ? doc.profile : undefined);
  const baseDir = options.profile ? process.cwd() : dirname(resolve(path));
  const profileResult = ref === undefined ? undefined : openProfile(ref, baseDir, profiles);
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
        ]
      : [];
  const profile = profileResult instanceof ProfileError ? undefined : profileResult;
  const previous = profile && typeof doc?.previous === 'string' ? await loadPreviousTables(doc.previous, path, profile) : undefined;
  const previousDiagnostics =
    previous && 'reason' in previous
      ? [diagnosticAt(source, parsed.spans.get('/previous')?.start, 'NB6009', 'warning', { file: String(doc?.previous), reason: previous.reason }, '/previous')]
      : [];
  const validated = validateReport(source, parsed, profile ?? EMPTY_PROFILE, previous && 'tables' in previous ? { previousTables: previous.tables } : {});
  const diagnostics = [...read.diagnostics, ...yamlDiagnostics, ...profileDiagnostics, ...previousDiagnostics, ...validated.diagnostics];
  if (!profile || !validated.report || hasErrors(yamlDiagnostics)) return { source, diagnostics, ...(profile ? { profile } : {}) };
  // The built-in templates are tested; a custom one is rendered even by `check`.
  if (!options.render && profile.dir.startsWith(TEMPLATES_DIR)) return { source, profile, report: validated.report, diagnostics };
  // A custom template that cannot render (a missing partial, a bad helper call) is found by
  // `check` too, as the profile's error, not when printing.
  let html: string;
  try {
    html = renderHtml(validated.report, profile, { version: VERSION });
  } catch (error) {
    const reason = ((error as Error).message ?? String(error)).split('\n')[0]!;
    return { source, profile, diagnostics: [...diagnostics, diagnosticAt(source, parsed.spans.get('/profile')?.start, 'NB3007', 'error', { profile: profile.name, reason }, '/profile')] };
  }
  return { source, profile, report: validated.report, diagnostics, html };
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
const EMPTY_PROFILE: Profile = { name: '', dir: '', description: '', headings: [], onlyRequiredHeadings: false, tables: [], proseChecks: [], template: '', partials: {}, css: '' };

/** Last year's report (`previous:`), read only for its tables. */
async function loadPreviousTables(ref: string, reportPath: string, profile: Profile): Promise<{ tables: Map<string, TableValues> } | { reason: string }> {
  const path = resolve(dirname(resolve(reportPath)), ref);
  const read = await readSource(path);
  if (!read.source) return { reason: read.diagnostics[0]?.code ?? 'unreadable' };
  const { parsed } = parseYaml(read.source);
  if (!parsed) return { reason: 'YAML' };
  const doc = parsed.value as Record<string, unknown> | null;
  const { tables, diagnostics } = readTables(doc?.tables, profile.tables, parsed.spans, read.source);
  return diagnostics.some((d) => d.severity === 'error') ? { reason: 'tables' } : { tables };
}

function openProfile(ref: string, baseDir: string, profiles: ProfileCache): Profile | ProfileError {
  try {
    const dir = resolveProfileDir(ref, baseDir);
    let profile = profiles.get(dir);
    if (!profile) {
      profile = loadProfile(dir);
      profiles.set(dir, profile);
    }
    return profile;
  } catch (error) {
    if (error instanceof ProfileError) return error;
    throw error;
  }
}

/**
 * Reads and decodes a file; problems with the file itself become diagnostics. Reads are
 * synchronous: report files are small, and a batch would otherwise wait on one at a time.
 */
export async function readSource(path: string): Promise<{ source?: SourceFile; diagnostics: Diagnostic[] }> {
  const fileDiagnostic = (code: string, params: Record<string, string> = {}): Diagnostic => ({ code, severity: 'error', file: path, params });
  try {
    const info = statSync(path);
    if (info.isDirectory()) return { diagnostics: [fileDiagnostic('NB1002')] };
    // A pipe or a device would block or never end: only regular files are read.
    if (!info.isFile()) return { diagnostics: [fileDiagnostic('NB1006')] };
    if (info.size > MAX_INPUT_BYTES) {
      return { diagnostics: [fileDiagnostic('NB1007', { size: megabytes(info.size), limit: megabytes(MAX_INPUT_BYTES) })] };
    }
    const bytes = readFileSync(path);
    const decoded = decodeText(bytes);
    if (!decoded.ok) return { diagnostics: [fileDiagnostic('NB1006')] };
    const source = sourceFromText(path, decoded.text);
    if (decoded.text.trim() === '' || /^(\s*#[^\n]*\n?)*\s*$/.test(decoded.text)) {
      return { diagnostics: [fileDiagnostic('NB1004')] };
    }
    const diagnostics: Diagnostic[] =
      decoded.encoding === 'utf-8' ? [] : [{ code: 'NB1005', severity: 'warning', file: path, params: { encoding: decoded.encoding.toUpperCase() } }];
    return { source, diagnostics };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { diagnostics: [fileDiagnostic('NB1001')] };
    if (code === 'EISDIR') return { diagnostics: [fileDiagnostic('NB1002')] };
    return { diagnostics: [fileDiagnostic('NB1003', { reason: code ?? String(error) })] };
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
