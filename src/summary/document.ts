/**
 * The summary as a report-like document: the summed tables under the headings the format gives
 * them, printed by the format's own table partials, then the compliance list as a table of its
 * own. Rendered by the same template as the reports, so it prints the same way. Pure.
 */

import type { Report, Section } from '../model/model.js';
import { headingNumber } from '../model/numbering.js';
import { summaryCommandText } from '../messages/department-summary.js';
import { inLanguage } from '../messages/lang.js';
import type { Profile } from '../profiles/profile.js';
import type { TableValues } from '../tables/cells.js';
import type { GeneralTable } from '../tables/general.js';
import type { Decision } from './compliance.js';
import { complianceTable, tallyOf } from './present.js';

/** The document is Chinese, whatever language the terminal speaks. */
const t = inLanguage(summaryCommandText, 'zh-CN');

/**
 * The compliance list's cells wrap (a problem's message is long), in a smaller type than the
 * national tables' so that six columns fit the type area; the national tables are left as they print.
 */
export const SUMMARY_CSS = `
.general-table td { white-space: normal; }
.general-table thead th + th { white-space: normal; }
/* The checks and the first problem: prose, which may break anywhere (a path, a long name). */
.general-table tbody td:nth-child(3) { text-align: left; word-break: normal; overflow-wrap: anywhere; }
.general-table tbody td:nth-child(4) { white-space: nowrap; }
.general-table thead th:nth-child(1) { width: 20%; }
.general-table thead th:nth-child(2) { width: 12%; }
.general-table thead th:nth-child(4) { width: 13%; }
.general-table thead th:nth-child(5) { width: 12%; }
.general-table thead th:nth-child(6) { width: 12%; }
@media print { .general-table { font-size: 9pt; line-height: 12pt; } }
`;

/** The format's profile with the summary's own style added (the template and tables stay the format's). */
export function summaryProfile(profile: Profile): Profile {
  return { ...profile, css: `${profile.css}\n${SUMMARY_CSS}` };
}

/** Columns of the compliance list as printed: the first problem goes with the checks, a missed deadline with the timeliness, the file is left to the spreadsheet. */
const PRINTED = { organization: 0, standing: 2, checks: 3, problem: 4, published: 5, deadline: 6, timeliness: 7, identical: 8 } as const;

/** The compliance list as a section's table. */
function complianceGeneralTable(decision: Decision): GeneralTable {
  const { columns, rows } = complianceTable(decision, 'zh-CN');
  const c = PRINTED;
  return {
    columns: [c.organization, c.standing, c.checks, c.published, c.timeliness, c.identical].map((i) => columns[i]!),
    rows: rows.map((cells) => ({
      label: cells[c.organization]!,
      cells: [
        cells[c.standing]!,
        cells[c.problem] ? `${cells[c.checks]}：${cells[c.problem]}` : cells[c.checks]!,
        cells[c.published]!,
        cells[c.timeliness] === t.onTime.late ? `${cells[c.timeliness]}（期限${cells[c.deadline]}）` : cells[c.timeliness]!,
        cells[c.identical]!,
      ],
      total: false,
    })),
    totalColumn: false,
  };
}

/**
 * The summary document's model: one section per table of the format (under its heading in the
 * format), holding the sums, and a last section with the compliance list. Without sums (no
 * report could be summed) only the list.
 */
export function summaryReport(decision: Decision, profile: Profile, sums: ReadonlyMap<string, TableValues> | undefined): Report {
  const year = decision.year ?? 0;
  const title = t.title(decision.year);
  const tally = tallyOf(decision);
  const tableSections = sums
    ? profile.headings.filter((h) => h.table && sums.has(h.table)).map((h) => ({ heading: h.title, table: h.table! }))
    : [];
  const section = (index: number, heading: string, rest: Partial<Section>): Section => ({
    id: `s-${index}`,
    level: 1,
    number: headingNumber(1, index),
    heading,
    runIn: false,
    paragraphs: [],
    sections: [],
    path: `/sections/${index - 1}`,
    ownTables: [],
    ...rest,
  });
  const sections = [
    ...tableSections.map((s, i) => section(i + 1, s.heading, { table: s.table })),
    section(tableSections.length + 1, t.heading, {
      paragraphs: [{ runs: [{ kind: 'text', text: t.line(tally) }] }],
      ownTables: [complianceGeneralTable(decision)],
    }),
  ];
  return {
    file: 'summary',
    profile: profile.name,
    toc: 0,
    title,
    titleLines: [title],
    organization: '',
    signature: '',
    year,
    publisher: 'government',
    figures: new Map(),
    tables: sums ?? new Map(),
    intro: [{ runs: [{ kind: 'text', text: sums ? t.intro(tally) : t.noSums }] }],
    sections,
  };
}

