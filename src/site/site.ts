/**
 * Writing a site: the reports' pages and PDFs put beside an index page listing them. The list
 * comes from the JSON results of build runs — the run just made (`build --site`), or every
 * shard's saved in the output folder (`nianbao site`) — so that a batch split over machines
 * gives the same site as one run.
 */

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { copyFile, link, mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Lang } from '../messages/lang.js';
import type { SiteCounts } from '../messages/site.js';
import { runToJson } from '../report/json.js';
import type { RunResult } from '../run/result.js';
import { writeAtomic } from '../run/write.js';
import { VERSION } from '../version.js';
import { isBuildDocument, siteEntries, type BuildDocument, type SiteEntry } from './entries.js';
import { countRows, renderSiteIndex, type SiteRow } from './page.js';

/** The site could not be made; `reason` and `subject` say why, for a message in the user's language. */
export class SiteError extends Error {
  constructor(
    readonly reason: 'noResults' | 'unreadable' | 'indexTaken' | 'cannotWrite',
    readonly subject: string,
    readonly detail = '',
    options?: { cause: unknown },
  ) {
    super(`${reason}: ${subject}${detail ? ` (${detail})` : ''}`, options);
    this.name = 'SiteError';
  }
}

/** Options of writing a site. */
export interface SiteOptions {
  /** The output folder the reports were built into. */
  readonly outDir: string;
  /** The site folder: index.html and the reports' files below it. */
  readonly siteDir: string;
  /** The language of the index page's texts (the reports' own words stay as written). */
  readonly lang: Lang;
}

/** What was written. */
export interface SiteResult {
  readonly index: string;
  readonly counts: SiteCounts;
}

/** The site of one build run (`build --site`). */
export function writeSiteOfRun(run: RunResult, options: SiteOptions): Promise<SiteResult> {
  return writeSite([runToJson(run, 'build', options.lang) as BuildDocument], options);
}

/** The site of every build run whose JSON results are saved in the output folder (`nianbao site`). */
export function writeSiteOfFolder(options: SiteOptions): Promise<SiteResult> {
  return writeSite(readBuildDocuments(options.outDir), options);
}

/**
 * The JSON results of build runs saved in `outDir` (its `*.json` files that are such documents),
 * oldest first, so that a later run's result of a file wins. Throws SiteError when there is none,
 * or one cannot be read (a shard still writing it).
 */
export function readBuildDocuments(outDir: string): BuildDocument[] {
  const names = existsSync(outDir) ? readdirSync(outDir).filter((n) => n.endsWith('.json') && !n.startsWith('.')) : [];
  const found: { doc: BuildDocument; mtime: number; name: string }[] = [];
  for (const name of names.sort()) {
    const path = join(outDir, name);
    let value: unknown;
    try {
      if (!statSync(path).isFile()) continue;
      value = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new SiteError('unreadable', path, (error as Error).message, { cause: error });
    }
    if (isBuildDocument(value)) found.push({ doc: value, mtime: statSync(path).mtimeMs, name });
  }
  if (found.length === 0) throw new SiteError('noResults', outDir);
  return found.sort((a, b) => a.mtime - b.mtime || (a.name < b.name ? -1 : 1)).map((f) => f.doc);
}

/** Puts each report's files in the site folder and writes the index. */
export async function writeSite(documents: readonly BuildDocument[], options: SiteOptions): Promise<SiteResult> {
  const entries = siteEntries(documents, options.outDir);
  const taken = entries.find((e) => e.html === 'index.html');
  if (taken) throw new SiteError('indexTaken', taken.file);
  const index = join(options.siteDir, 'index.html');
  try {
    const rows: SiteRow[] = [];
    for (const entry of entries) rows.push(await placeFiles(entry, options));
    await writeAtomic(index, renderSiteIndex(rows, { lang: options.lang, version: VERSION }));
    await forgetOldFiles(rows, options);
    return { index, counts: countRows(rows) };
  } catch (error) {
    throw new SiteError('cannotWrite', options.siteDir, (error as Error).message, { cause: error });
  }
}

/** The record of the files a site placed, so that the next site removes those no report has any more. */
const PLACED = '.nianbao-site.json';

/** Removes the files the last site placed that this one did not (a report removed, or one that now has errors); records this one's. */
async function forgetOldFiles(rows: readonly SiteRow[], options: SiteOptions): Promise<void> {
  // A site written into the output folder itself holds the build's own outputs, not copies.
  if (resolve(options.siteDir) === resolve(options.outDir)) return;
  const record = join(options.siteDir, PLACED);
  const placed = rows.flatMap((r) => [r.html, r.pdf]).filter((p): p is string => p !== undefined);
  let before: unknown = [];
  try {
    before = JSON.parse(readFileSync(record, 'utf8'));
  } catch {
    // No record: the first site written here, and nothing of ours to remove.
  }
  const now = new Set(placed);
  for (const old of Array.isArray(before) ? before : []) {
    if (typeof old === 'string' && !now.has(old) && !old.split('/').includes('..')) await rm(join(options.siteDir, old), { force: true });
  }
  await writeAtomic(record, `${JSON.stringify(placed, null, 1)}\n`);
}

/** An entry's files put in the site (when its output folder has them), with their sizes; a missing file gets no link. */
async function placeFiles(entry: SiteEntry, options: SiteOptions): Promise<SiteRow> {
  const { html, pdf, ...rest } = entry;
  const row: { -readonly [K in keyof SiteRow]: SiteRow[K] } = { ...rest };
  for (const [key, path] of [['html', html], ['pdf', pdf]] as const) {
    if (path === undefined) continue;
    const from = join(options.outDir, path);
    const to = join(options.siteDir, path);
    if (!existsSync(from)) continue;
    if (resolve(from) !== resolve(to)) await placeFile(from, to);
    row[key] = path;
    row[key === 'html' ? 'htmlBytes' : 'pdfBytes'] = statSync(to).size;
  }
  return row;
}

/**
 * Puts a copy of `from` at `to`, replacing what was there whole: a hard link where the two are on
 * one file system (instant, no space; a later build replaces its outputs by renaming, so the
 * site keeps the files it was made with), else a copy.
 */
async function placeFile(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  const temp = join(dirname(to), `.${basename(to)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    await link(from, temp).catch(() => copyFile(from, temp));
    await rename(temp, to);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}
