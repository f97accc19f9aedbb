/**
 * Incremental builds: a file whose input, profile, template, last year's report, tables
 * workbook, options and nianbao version are unchanged since its outputs were written is skipped. Keys live in a
 * manifest in the output folder, written atomically at the end of a run.
 */

import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Diagnostic } from '../diagnostics.js';
import type { ReportMeta } from './result.js';
import { customProfileOf, TEMPLATES_DIR } from '../profiles/profile.js';
import { readInput, type Input } from '../source/read.js';
import type { RunCache } from './load.js';
import { previousOf } from '../source/previous.js';
import { tablesFileOf } from '../xlsx/tables-file.js';
import { VERSION } from '../version.js';
import { writeAtomic } from './write.js';

/** The manifest's file name inside the output folder. */
export const MANIFEST = '.nianbao-manifest.json';

/**
 * What an output was built from: the build key, and the files besides the report that the key
 * covers — the custom profile folder and last year's report, as the report named them then.
 */
export interface ManifestEntry {
  readonly key: string;
  /** The custom profile folder (absolute), when the report used one. */
  readonly profile?: string;
  /** Last year's report (absolute path), when the report named one. */
  readonly previous?: string;
  /** The workbook holding the report's tables (absolute path), when it keeps them in one. */
  readonly tables?: string;
  /** What the report says it is, so that an unchanged report is listed without being read again. */
  readonly report?: ReportMeta;
}

/**
 * What the outputs were built from: output path (relative to the out-dir) → entry; and the
 * warnings each input had when it was built, so that a skipped file still reports them.
 */
export interface Manifest {
  readonly entries: Record<string, ManifestEntry>;
  readonly warnings: Record<string, Diagnostic[]>;
}

/** The manifest's layout; a manifest of another version is not read (everything is built once more). */
const MANIFEST_VERSION = 4;

/** Reads the manifest of an output folder (empty when there is none, it is unreadable, or of another version). */
export function readManifest(outDir: string): Manifest {
  try {
    const data = JSON.parse(readFileSync(join(outDir, MANIFEST), 'utf8')) as Partial<Manifest> & { version?: number };
    if (data.version !== MANIFEST_VERSION) return { entries: {}, warnings: {} };
    return { entries: data.entries ?? {}, warnings: data.warnings ?? {} };
  } catch {
    return { entries: {}, warnings: {} };
  }
}

/** Writes the manifest atomically. */
export async function writeManifest(outDir: string, manifest: Manifest): Promise<void> {
  const sorted = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
  const data = { version: MANIFEST_VERSION, nianbao: VERSION, entries: sorted(manifest.entries), warnings: sorted(manifest.warnings) };
  await writeAtomic(join(outDir, MANIFEST), `${JSON.stringify(data, null, 2)}\n`);
}

/**
 * Changes the manifest as it is on disk, under a lock: runs that build into one output folder at
 * once (the shards of a batch on a shared volume) each add their entries, none loses another's.
 * When the lock cannot be had within 10 s the manifest is written anyway: a lost entry only
 * costs a rebuild.
 */
export async function updateManifest(outDir: string, change: (manifest: Manifest) => void): Promise<void> {
  const unlock = await lockManifest(outDir);
  try {
    const manifest = readManifest(outDir);
    change(manifest);
    await writeManifest(outDir, manifest);
  } finally {
    await unlock();
  }
}

/** Takes the manifest's lock file (created exclusively); a lock older than a minute was left by a killed run. */
async function lockManifest(outDir: string): Promise<() => Promise<void>> {
  const lock = join(outDir, `${MANIFEST}.lock`);
  const deadline = Date.now() + 10_000;
  await mkdir(outDir, { recursive: true });
  for (;;) {
    try {
      await (await open(lock, 'wx')).close();
      return () => rm(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || Date.now() > deadline) return async () => undefined;
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (since !== undefined && Date.now() - since > 60_000) await rm(lock, { force: true });
      else await sleep(10 + Math.random() * 40);
    }
  }
}

/**
 * The key of a report's own bytes, with the options, nianbao's version and the built-in
 * templates. Undefined (always rebuilt) when the file could not be read. Which profile folder
 * and which last year's report a report uses follow from these bytes, so an unchanged report
 * is known by its bytes and its manifest entry alone, without being parsed.
 */
export function contentKey(input: Input, cache: RunCache, options: Record<string, unknown>): string | undefined {
  if (!input.bytes) return undefined;
  const h = createHash('sha256').update(VERSION).update('\0').update(JSON.stringify(options)).update('\0').update(input.bytes);
  return h.update(cache.files.folderHash(TEMPLATES_DIR)).digest('hex');
}

/** The files besides itself that a report's output depends on: its custom profile folder, last year's report and its tables workbook (parses the report). */
export function dependenciesOf(input: Input, profileOption: string | undefined): Omit<ManifestEntry, 'key'> {
  const doc = input.parsed?.value;
  const profile = customProfileOf(input.path, doc, profileOption);
  const previous = previousOf(input.path, doc);
  const tables = tablesFileOf(input.path, doc);
  return { ...(profile ? { profile } : {}), ...(previous ? { previous } : {}), ...(tables ? { tables } : {}) };
}

/** The whole build key: the content key and the current state of the dependencies. */
export function buildKey(content: string, dependencies: Omit<ManifestEntry, 'key'>, cache: RunCache): string {
  const h = createHash('sha256').update(content);
  h.update(dependencies.profile ? cache.files.folderHash(dependencies.profile) : 'built-in');
  if (dependencies.previous) h.update(readInput(dependencies.previous, cache.reads).bytes ?? 'missing-previous');
  // The workbook's bytes: a value changed in Excel builds the report again.
  if (dependencies.tables) h.update('\0tables\0').update(readInput(dependencies.tables, cache.reads).bytes ?? 'missing-tables');
  return h.digest('hex');
}

/** Whether an output's manifest entry still holds: the same content, and its dependencies as they were. */
export function isUnchanged(entry: ManifestEntry | undefined, content: string | undefined, cache: RunCache): boolean {
  return entry !== undefined && content !== undefined && buildKey(content, entry, cache) === entry.key;
}
