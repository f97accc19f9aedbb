/**
 * Which departments' reports go into the sums, and what the office that collects them must
 * chase: a report with errors, of another year or format, or sent twice is left out (and said);
 * each report's publication date against its legal deadline; tables identical to last year's;
 * the departments on the expected list that sent nothing. Pure.
 */

import { active, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { legalDeadline } from '../checks/when.js';
import { isIsoDate } from '../model/dates.js';
import { publisherOf } from '../model/level.js';
import type { Profile } from '../profiles/profile.js';
import type { TableValues } from '../tables/cells.js';
import { majority } from '../run/years.js';

/** What was found of one report file: as much as could be read, whether or not it passed its checks. */
export interface FoundReport {
  /** The file as the user named or found it. */
  readonly file: string;
  readonly organization?: string;
  readonly year?: number;
  readonly published?: string;
  /** The report's `publisher:` as written. */
  readonly publisher?: unknown;
  readonly profile?: Profile;
  /** The tables with their totals, when the report passed its checks. */
  readonly tables?: ReadonlyMap<string, TableValues>;
  readonly diagnostics: readonly Diagnostic[];
}

/** Whether a report is in the sums, and if not, why. */
export type Standing = 'summed' | 'errors' | 'other-year' | 'other-format' | 'duplicate';

/** A publication date against the legal deadline. */
export type Timeliness = 'on-time' | 'late' | 'no-date' | 'not-bound';

/** One department's line of the compliance list. */
export interface DepartmentRow {
  readonly file: string;
  /** The organization the report names ('' when it names none that could be read). */
  readonly organization: string;
  readonly year?: number;
  readonly standing: Standing;
  /** For `duplicate`: the other file of the same organization and year. */
  readonly duplicateOf?: string;
  /** For `other-format`: the format the report uses. */
  readonly format?: string;
  readonly errors: number;
  readonly warnings: number;
  /** The first error, or without errors the first warning. */
  readonly first?: Diagnostic;
  readonly published?: string;
  readonly deadline?: string;
  readonly timeliness: Timeliness;
  /** Titles of the tables whose every figure is last year's (NB6017). */
  readonly identical: readonly string[];
  /** On the expected list (undefined without one). */
  readonly listed?: boolean;
}

/** What the sums are made of and the list that goes with them. */
export interface Decision {
  readonly year?: number;
  /** The format the sums are in: that of most reports of the year. */
  readonly profile?: Profile;
  readonly rows: readonly DepartmentRow[];
  /** The reports whose tables are summed, in file order. */
  readonly summed: readonly FoundReport[];
  /** Organizations on the expected list with no report found. */
  readonly missing: readonly string[];
}

/** The organizations of an expected-list file: one a line; blank lines and lines starting with # are ignored. */
export function parseExpected(text: string): string[] {
  const names = text.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  return [...new Set(names)];
}

/** Names compared without spaces (a list typed by hand, a name wrapped in the YAML). */
const sameName = (a: string) => a.replace(/[\s\u3000]+/g, '');

/**
 * Decides, for reports found in one run, the year (given, else that of most reports), the
 * format, which reports are summed, and each one's line of the compliance list.
 */
export function decide(found: readonly FoundReport[], options: { readonly year?: number; readonly expected?: readonly string[] } = {}): Decision {
  const year = options.year ?? majority(found.map((f) => f.year).filter((y): y is number => typeof y === 'number'));
  const hasErrors = (f: FoundReport) => active(f.diagnostics).some((d) => d.severity === 'error') || !f.tables;
  // The format of most reports of the year that passed: a custom profile with the same tables is another format all the same.
  const candidates = found.filter((f) => !hasErrors(f) && f.year === year && f.profile && f.profile.tables.length > 0);
  const formats = new Map<string, { profile: Profile; count: number }>();
  for (const f of candidates) {
    const entry = formats.get(f.profile!.dir) ?? { profile: f.profile!, count: 0 };
    entry.count++;
    formats.set(f.profile!.dir, entry);
  }
  const profile = [...formats.values()].sort((a, b) => b.count - a.count)[0]?.profile;
  // One organization twice (2024.yaml and a copy): neither is summed, so that nothing counts double.
  const inFormat = candidates.filter((f) => f.profile === profile);
  const byName = new Map<string, FoundReport[]>();
  for (const f of inFormat) byName.set(sameName(f.organization ?? ''), [...(byName.get(sameName(f.organization ?? '')) ?? []), f]);

  const expected = options.expected?.map(sameName);
  const rows = found.map((f): DepartmentRow => {
    const twins = byName.get(sameName(f.organization ?? ''));
    const standing: Standing = hasErrors(f) ? 'errors' : f.year !== year ? 'other-year' : f.profile !== profile ? 'other-format' : twins && twins.length > 1 ? 'duplicate' : 'summed';
    const counted = active(f.diagnostics);
    const errors = counted.filter((d) => d.severity === 'error');
    const warnings = counted.filter((d) => d.severity === 'warning');
    const first = sortDiagnostics(errors)[0] ?? sortDiagnostics(warnings)[0];
    const deadlineProfile = f.profile ?? profile;
    const deadline = deadlineProfile && f.year ? legalDeadline(deadlineProfile, f.year, publisherOf(f.publisher, f.organization ?? ''), f.organization ?? '') : undefined;
    const published = isIsoDate(f.published) ? f.published : undefined;
    const timeliness: Timeliness = !published ? 'no-date' : !deadline ? 'not-bound' : published > deadline ? 'late' : 'on-time';
    const identical = counted.filter((d) => d.code === 'NB6017').map((d) => f.profile?.tables.find((t) => t.key === d.params.table)?.title ?? String(d.params.table));
    return {
      file: f.file,
      organization: f.organization ?? '',
      ...(f.year !== undefined ? { year: f.year } : {}),
      standing,
      ...(standing === 'duplicate' ? { duplicateOf: twins!.find((t) => t !== f)!.file } : {}),
      ...(standing === 'other-format' && f.profile ? { format: f.profile.name } : {}),
      errors: errors.length,
      warnings: warnings.length,
      ...(first ? { first } : {}),
      ...(published ? { published } : {}),
      ...(deadline ? { deadline } : {}),
      timeliness,
      identical,
      ...(expected ? { listed: expected.includes(sameName(f.organization ?? '')) } : {}),
    };
  });
  const foundNames = new Set(found.map((f) => sameName(f.organization ?? '')));
  const missing = (options.expected ?? []).filter((name) => !foundNames.has(sameName(name)));
  const summed = found.filter((_, i) => rows[i]!.standing === 'summed');
  return { ...(year !== undefined ? { year } : {}), ...(profile ? { profile } : {}), rows, summed, missing };
}

/** Whether a row needs someone's attention: left out of the sums, late, or tables copied from last year. */
export function needsAttention(row: DepartmentRow): boolean {
  return row.standing !== 'summed' || row.timeliness === 'late' || row.identical.length > 0;
}

/** The rows in the order the office reads them: left out first, then late, then the rest, each in file order. */
export function byAttention(rows: readonly DepartmentRow[]): DepartmentRow[] {
  const rank = (r: DepartmentRow) => (r.standing !== 'summed' ? 0 : r.timeliness === 'late' ? 1 : r.identical.length ? 2 : 3);
  return rows.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i).map(({ r }) => r);
}
