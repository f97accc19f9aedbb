/** The tables of a report as an Excel workbook: `nianbao tables export`, and the workbook `init --tables-xlsx` writes. */

import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { Profile } from '../profiles/profile.js';
import type { TableValues } from '../tables/cells.js';
import { readInput } from '../source/read.js';
import { checkInput, newRunCache } from './load.js';
import { writeAtomic } from './write.js';

/** Options of `nianbao tables export`. */
export interface ExportOptions {
  /** The workbook to write; default `<report>-tables.xlsx` beside the report. */
  readonly out?: string;
  /** Overwrite an existing file. */
  readonly force?: boolean;
}

/** What export did: the file written; the file that is in the way; the report's problems; or a format without tables. */
export type ExportResult = { written: string } | { exists: string } | { diagnostics: readonly Diagnostic[] } | { noTables: string };

/** `2025.yaml` → `2025-tables.xlsx` in the same folder. */
export function workbookPathFor(report: string): string {
  return join(dirname(report), `${basename(report, extname(report))}-tables.xlsx`);
}

/**
 * Writes the tables of the report `file`, with its values (totals computed), as a workbook.
 * A report whose tables have errors is not exported: its diagnostics are returned instead.
 */
export async function exportTables(file: string, options: ExportOptions = {}): Promise<ExportResult> {
  const out = options.out ?? workbookPathFor(file);
  const loaded = await checkInput(readInput(file), {}, newRunCache());
  if (!loaded.profile) return { diagnostics: loaded.diagnostics.filter((d) => d.severity === 'error') };
  if (loaded.profile.tables.length === 0) return { noTables: loaded.profile.name };
  // The tables must read without error; the rest of the report may still be a draft.
  const broken = loaded.diagnostics.filter((d) => d.severity === 'error' && (d.path === '/tables' || d.path?.startsWith('/tables/') || d.code.startsWith('NB1') || d.code === 'NB2001'));
  if (broken.length || !loaded.tables) return { diagnostics: broken.length ? broken : loaded.diagnostics };
  if (existsSync(out) && !options.force) return { exists: out };
  await writeWorkbookFile(out, loaded.profile, loaded.tables);
  return { written: out };
}

/** Writes a profile's tables as a workbook at `path`: with `values`, or zeros in every cell a clerk fills in. */
export async function writeWorkbookFile(path: string, profile: Profile, values?: ReadonlyMap<string, TableValues>): Promise<void> {
  const [{ layoutSheets }, { writeWorkbook }] = await Promise.all([import('../xlsx/layout.js'), import('../xlsx/workbook.js')]);
  await writeAtomic(path, await writeWorkbook(layoutSheets(profile.tables), values));
}
