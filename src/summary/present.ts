/**
 * The compliance list as words, in one language: the same cells for the terminal, the summary
 * document and the spreadsheet. Pure.
 */

import { messageFor } from '../messages/diagnostics.js';
import { summaryCommandText, type SummaryTally } from '../messages/department-summary.js';
import { inLanguage, type Lang } from '../messages/lang.js';
import { byAttention, type Decision, type DepartmentRow } from './compliance.js';

/** The first problem of a report, with its line: `第12行：…` / `line 12: …`. */
export function firstProblem(row: DepartmentRow, lang: Lang): string {
  if (!row.first) return '';
  const { message } = messageFor(row.first.code, row.first.params, lang);
  const line = row.first.position?.line;
  const where = line === undefined ? '' : lang === 'en' ? `line ${line}: ` : `第${line}行：`;
  return `${row.first.code} ${where}${message}`;
}

/** One line of the compliance list: a cell for each of the `columns` of the catalog. */
export function complianceCells(row: DepartmentRow, lang: Lang): string[] {
  const t = inLanguage(summaryCommandText, lang);
  return [
    (row.organization || t.unnamed) + (row.listed === false ? t.notListed : ''),
    row.file,
    t.standing(row),
    t.checks(row),
    firstProblem(row, lang),
    row.published ?? t.dash,
    row.deadline ?? t.dash,
    t.onTime[row.timeliness],
    row.identical.join(lang === 'en' ? ', ' : '、') || t.dash,
  ];
}

/** A missing department's line, with the same columns. */
export function missingCells(organization: string, lang: Lang): string[] {
  const t = inLanguage(summaryCommandText, lang);
  return [organization, t.dash, t.missing, t.dash, '', t.dash, t.dash, t.dash, t.dash];
}

/** The whole list: missing departments first, then the reports in the order of attention. */
export function complianceTable(decision: Decision, lang: Lang): { columns: string[]; rows: string[][] } {
  const t = inLanguage(summaryCommandText, lang);
  return {
    columns: [...t.columns],
    rows: [...decision.missing.map((m) => missingCells(m, lang)), ...byAttention(decision.rows).map((r) => complianceCells(r, lang))],
  };
}

/** The counts a summary's sentences give. */
export function tallyOf(decision: Decision): SummaryTally {
  const rows = decision.rows;
  return {
    ...(decision.year !== undefined ? { year: decision.year } : {}),
    found: rows.length,
    summed: decision.summed.length,
    leftOut: rows.filter((r) => r.standing !== 'summed').length,
    late: rows.filter((r) => r.timeliness === 'late').length,
    missing: decision.missing.length,
    identical: rows.filter((r) => r.identical.length > 0).length,
  };
}
