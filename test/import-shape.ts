/** What a report says, as plain data to compare: texts after {{…}} are resolved, table values, headings. */

import type { Report, Section } from '../src/model/model.js';
import { inlineText } from '../src/model/narrative.js';
import { loadReport } from '../src/run/load.js';

const paragraphs = (list: Report['intro']) => list.map((p) => inlineText(p.runs));

function section(s: Section): unknown {
  return {
    heading: s.heading,
    runIn: s.runIn,
    paragraphs: paragraphs(s.paragraphs),
    tables: s.ownTables.map((t) => ({ title: t.title, columns: t.columns, rows: t.rows.map((r) => [r.label, ...r.cells]) })),
    sections: s.sections.map(section),
  };
}

/** The report's words and numbers: title, body, signer, date, intro, sections, table values (totals computed). */
export function reportShape(report: Report): Record<string, unknown> {
  return {
    title: report.title,
    organization: report.organization,
    signature: report.signature,
    year: report.year,
    date: report.date,
    intro: paragraphs(report.intro),
    sections: report.sections.map(section),
    tables: Object.fromEntries([...report.tables].map(([key, rows]) => [key, Object.fromEntries([...rows].map(([row, cells]) => [row, Object.fromEntries(cells)]))])),
  };
}

/** Loads a report file and returns its shape and its diagnostic codes. */
export async function loadShape(file: string): Promise<{ shape?: Record<string, unknown>; codes: string[] }> {
  const loaded = await loadReport(file);
  return { ...(loaded.report ? { shape: reportShape(loaded.report) } : {}), codes: [...new Set(loaded.diagnostics.map((d) => d.code))].sort() };
}
