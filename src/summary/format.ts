/** A summary's result as the terminal shows it and as `--reporter json` gives it. Pure. */

import { formatDiagnostic } from '../report/pretty.js';
import { messageFor } from '../messages/diagnostics.js';
import { summaryCommandText } from '../messages/department-summary.js';
import { inLanguage, type Lang } from '../messages/lang.js';
import { JSON_SCHEMA_VERSION } from '../report/json.js';
import { VERSION } from '../version.js';
import { byAttention, needsAttention } from './compliance.js';
import { firstProblem, tallyOf } from './present.js';
import type { SummaryResult } from './run.js';

/** The text for people: the title, the missing departments, each department's line, the counts and what was written. */
export function formatSummary(result: SummaryResult, options: { readonly lang: Lang; readonly color: boolean }): string {
  const { lang } = options;
  const t = inLanguage(summaryCommandText, lang);
  const { decision } = result;
  const sep = lang === 'en' ? ' · ' : '，';
  const lines: string[] = [t.title(decision.year)];
  for (const arg of result.unmatched) {
    lines.push(formatDiagnostic({ code: 'NB1008', severity: 'error', file: arg, params: {} }, options));
  }
  if (decision.missing.length) {
    lines.push('', t.missingHead);
    for (const name of decision.missing) lines.push(`  ✗ ${name}`);
  }
  if (decision.rows.length) lines.push('', t.listHead);
  for (const row of byAttention(decision.rows)) {
    const mark = row.standing !== 'summed' ? '✗' : needsAttention(row) ? '!' : '✓';
    const parts = [t.standing(row), t.checks(row), t.timeliness(row), t.identical(row)].filter(Boolean);
    lines.push(`  ${mark} ${row.organization || t.unnamed}${row.listed === false ? t.notListed : ''}  ${row.file}  ${parts.join(sep)}`);
    if (row.first && (row.standing !== 'summed' || row.first.severity === 'error')) lines.push(`      ${firstProblem(row, lang)}`);
  }
  if (result.sumDiagnostics.length) {
    lines.push('', t.sumsDoNotAdd);
    for (const d of result.sumDiagnostics) lines.push(formatDiagnostic(d, options));
  }
  lines.push('', t.line(tallyOf(decision)));
  if (result.lastYears.length) lines.push(t.lastYears(result.lastYears.length));
  if (result.outputs.length) lines.push(t.wrote(result.outputs.join(lang === 'en' ? ', ' : '、')));
  return lines.join('\n');
}

/** The summary as one JSON document, in the shape of the other commands' (schemaVersion, tool, exitCode …). */
export function summaryToJson(result: SummaryResult, lang: Lang): unknown {
  const { decision } = result;
  const totals = result.sums
    ? Object.fromEntries([...result.sums].map(([table, rows]) => [table, Object.fromEntries([...rows].map(([row, cells]) => [row, cells.size === 1 && cells.has('') ? cells.get('') : Object.fromEntries(cells)]))]))
    : null;
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: 'nianbao', version: VERSION },
    command: 'summary',
    exitCode: result.exitCode,
    elapsedMs: result.elapsedMs,
    error: result.error ? result.error.message : null,
    year: decision.year ?? null,
    format: decision.profile?.name ?? null,
    summary: tallyOf(decision),
    totals,
    departments: decision.rows.map((r) => ({
      file: r.file,
      organization: r.organization || null,
      year: r.year ?? null,
      standing: r.standing,
      duplicateOf: r.duplicateOf ?? null,
      format: r.format ?? null,
      errors: r.errors,
      warnings: r.warnings,
      firstProblem: r.first ? { code: r.first.code, severity: r.first.severity, message: messageFor(r.first.code, r.first.params, lang).message, line: r.first.position?.line ?? null } : null,
      published: r.published ?? null,
      deadline: r.deadline ?? null,
      timeliness: r.timeliness,
      identicalTables: r.identical,
      listed: r.listed ?? null,
    })),
    missing: decision.missing,
    lastYears: result.lastYears,
    unmatched: result.unmatched,
    sumProblems: result.sumDiagnostics.map((d) => ({ code: d.code, message: messageFor(d.code, d.params, lang).message })),
    outputs: result.outputs,
  };
}
