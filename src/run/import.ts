/**
 * `nianbao import`'s edge: reads the source (a saved page, a Word document, copied text),
 * runs the pure stages of src/import/, writes the report file whole, and checks it as `check`
 * would, so the clerk sees at once what was wrong in the report imported.
 */

import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, basename, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check } from './api.js';
import type { RunResult } from './result.js';
import { writeAtomic } from './write.js';
import type { Unplaced } from '../import/blocks.js';
import { decodeHtml, decodePlain } from '../import/decode.js';
import { docxToHtml } from '../import/docx.js';
import { importReport, sourceBlocks, type SourceKind } from '../import/import.js';
import type { Inferred } from '../import/title.js';
import { loadProfile } from '../profiles/load.js';
import { isProfilePath, resolveProfileDir } from '../profiles/profile.js';
import { profileForYear } from '../profiles/skeleton.js';
import type { TableDef } from '../tables/definitions.js';

/** Options of `nianbao import`. */
export interface ImportOptions {
  /** The report file to write; default the source's name with .yaml, beside it. */
  readonly out?: string;
  /** Profile name or folder (relative to the working folder); default by the report's year. */
  readonly profile?: string;
  readonly force?: boolean;
}

/** What an import came to: written (and checked), an output already there, or a source that cannot be read. */
export type ImportResult =
  | { readonly written: string; readonly kind: SourceKind; readonly encoding?: string; readonly unplaced: readonly Unplaced[]; readonly inferred: readonly Inferred[]; readonly run: RunResult }
  | { readonly exists: string }
  | { readonly unreadable: string; readonly reason: 'unsupported' | 'missing' | 'folder' | 'binary' | 'unknown-encoding' | 'docx' | 'io'; readonly detail?: string };

/** The kind of source a file name says, or undefined for one import does not read. */
export function sourceKindOf(file: string): SourceKind | undefined {
  const ext = extname(file).toLowerCase();
  return ext === '.html' || ext === '.htm' ? 'html' : ext === '.docx' ? 'docx' : ext === '.txt' ? 'text' : undefined;
}

/** Imports `file` as a report file and checks it. */
export async function importFile(file: string, options: ImportOptions = {}): Promise<ImportResult> {
  const kind = sourceKindOf(file);
  if (!kind) return { unreadable: file, reason: 'unsupported', detail: extname(file) };
  if (!existsSync(file)) return { unreadable: file, reason: 'missing' };
  const out = options.out ?? join(dirname(file), `${basename(file, extname(file))}.yaml`);
  if (existsSync(out) && !options.force) return { exists: out };
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { unreadable: file, reason: code === 'EISDIR' ? 'folder' : 'io', detail: (error as Error).message };
  }
  let content: string;
  let encoding: string | undefined;
  if (kind === 'docx') {
    try {
      content = await docxToHtml(bytes);
    } catch (error) {
      // The zip library's own words (English, with its URLs) only when the run is traced.
      return { unreadable: file, reason: 'docx', ...(process.env.NIANBAO_TRACE ? { detail: (error as Error).message } : {}) };
    }
  } else {
    const decoded = kind === 'html' ? decodeHtml(bytes) : decodePlain(bytes);
    if (!decoded.ok) return { unreadable: file, reason: decoded.reason };
    content = decoded.text;
    encoding = decoded.encoding;
  }

  // The profile: --profile, else by the year the title states; a folder is named relative to the new file.
  const profiles = new Map<string, { name: string; tables: readonly TableDef[] }>();
  const profileFor = (year: number | undefined) => {
    const ref = options.profile ?? profileForYear(year ?? 0);
    let profile = profiles.get(ref);
    if (!profile) {
      const dir = resolveProfileDir(ref, process.cwd());
      const path = relative(dirname(resolve(out)), dir).split('\\').join('/');
      profile = { name: isProfilePath(ref) ? (path.startsWith('.') ? path : `./${path}`) : ref, tables: loadProfile(dir).tables };
      profiles.set(ref, profile);
    }
    return profile;
  };
  const schema = fileURLToPath(new URL('../../src/report.schema.json', import.meta.url));
  const schemaPath = relative(dirname(resolve(out)), schema).split('\\').join('/');
  const imported = importReport(sourceBlocks(kind, content), { profileFor, schemaPath, from: basename(file) });
  await writeAtomic(out, imported.yaml);
  const run = await check([out]);
  return { written: out, kind, ...(encoding ? { encoding } : {}), unplaced: imported.unplaced, inferred: imported.report.inferred, run };
}
