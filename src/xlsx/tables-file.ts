/**
 * A report's tables kept in a workbook (`tables: 2025-tables.xlsx`): the path resolved beside
 * the report, the file read once a run (source/read.ts), its cells read into values. The edge
 * between the files and the pure reading in sheet-read.ts.
 */

import { dirname, join, resolve } from 'node:path';
import { readInput, type Reads } from '../source/read.js';
import type { TableDef } from '../tables/definitions.js';
import { layoutSheets } from './layout.js';
import { readSheets, type SheetValues } from './sheet-read.js';

/** The tables of a workbook, read; `path` names it as diagnostics do (beside the report as the user named it). */
export interface TablesFile extends SheetValues {
  readonly path: string;
}

/** Why a workbook could not be read: not there, unreadable, too large, or not an .xlsx workbook. */
export interface TablesFileProblem {
  readonly path: string;
  readonly reason: 'missing' | 'unreadable' | 'too-large' | 'not-xlsx';
  readonly detail?: string;
}

/** The workbook a report's `tables:` names, as the user would name it (relative to the report's folder). */
export function tablesPathOf(reportPath: string, ref: string): string {
  return join(dirname(reportPath), ref);
}

/** The absolute path of the workbook a report names, when its `tables:` is a file name. */
export function tablesFileOf(reportPath: string, doc: unknown): string | undefined {
  const tables = typeof doc === 'object' && doc !== null ? (doc as { tables?: unknown }).tables : undefined;
  return typeof tables === 'string' ? resolve(dirname(resolve(reportPath)), tables) : undefined;
}

/** Reads the tables of the workbook `ref` (relative to the report) as the profile's tables define them. */
export async function readTablesFile(reportPath: string, ref: string, defs: readonly TableDef[], reads?: Reads): Promise<TablesFile | TablesFileProblem> {
  const path = tablesPathOf(reportPath, ref);
  const input = readInput(path, reads);
  // Only the bytes: the input's text and YAML are never asked for (a workbook is neither).
  if (!input.bytes) {
    const code = input.diagnostics[0]?.code;
    const reason = code === 'NB1001' ? 'missing' : code === 'NB1007' ? 'too-large' : 'unreadable';
    const detail = input.diagnostics[0]?.params.reason;
    return { path, reason, ...(detail !== undefined ? { detail: String(detail) } : {}) };
  }
  const { readWorkbook, WorkbookError } = await import('./workbook.js');
  try {
    const sheets = await readWorkbook(input.bytes);
    return { path, ...readSheets(layoutSheets(defs), sheets) };
  } catch (error) {
    // The zip library's own words (no central directory…) would not help a clerk.
    if (error instanceof WorkbookError) return { path, reason: 'not-xlsx' };
    throw error;
  }
}
