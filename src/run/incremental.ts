/**
 * Incremental builds: a file whose input, profile, template, options and nianbao version are
 * unchanged since its outputs were written is skipped. Keys live in a manifest in the output
 * folder, written atomically at the end of a run.
 */

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { customProfileDir, profileRefFor, TEMPLATES_DIR } from '../profiles/profile.js';
import { readInput, type Input } from '../source/read.js';
import type { RunCache } from './load.js';
import { VERSION } from '../version.js';
import { writeAtomic } from './write.js';

/** The manifest's file name inside the output folder. */
export const MANIFEST = '.nianbao-manifest.json';

/**
 * What the outputs were built from: output path (relative to the out-dir) → build key; and the
 * warnings each input had when it was built, so that a skipped file still reports them.
 */
export interface Manifest {
  readonly entries: Record<string, string>;
  readonly warnings: Record<string, Diagnostic[]>;
}

/** Reads the manifest of an output folder (empty when there is none or it is unreadable). */
export function readManifest(outDir: string): Manifest {
  try {
    const data = JSON.parse(readFileSync(join(outDir, MANIFEST), 'utf8')) as Partial<Manifest>;
    return { entries: data.entries ?? {}, warnings: data.warnings ?? {} };
  } catch {
    return { entries: {}, warnings: {} };
  }
}

/** Writes the manifest atomically. */
export async function writeManifest(outDir: string, manifest: Manifest): Promise<void> {
  const sorted = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
  const data = { version: 2, nianbao: VERSION, entries: sorted(manifest.entries), warnings: sorted(manifest.warnings) };
  await writeAtomic(join(outDir, MANIFEST), `${JSON.stringify(data, null, 2)}\n`);
}

/**
 * The build key of a report: its bytes, the custom profile folder it uses, the built-in
 * templates, last year's file if it names one, the options and the version. Undefined (always
 * rebuilt) when the file could not be read.
 */
export function buildKey(input: Input, cache: RunCache, options: Record<string, unknown>, profileOption?: string): string | undefined {
  if (!input.bytes) return undefined;
  const h = createHash('sha256').update(VERSION).update('\0').update(JSON.stringify(options)).update('\0').update(input.bytes);
  h.update(cache.files.folderHash(TEMPLATES_DIR));
  const located = profileRefFor(input.path, input.parsed?.value, profileOption);
  const custom = located && customProfileDir(located.ref, located.baseDir);
  h.update(custom ? cache.files.folderHash(custom) : 'built-in');
  const previous = previousOf(input);
  if (previous) h.update(readInput(previous, cache.reads).bytes ?? 'missing-previous');
  return h.digest('hex');
}

/** The absolute path of last year's report, when a report names one (`previous:`). */
export function previousOf(input: Input): string | undefined {
  const doc = input.parsed?.value;
  const previous = typeof doc === 'object' && doc !== null ? (doc as { previous?: unknown }).previous : undefined;
  return typeof previous === 'string' ? resolve(dirname(resolve(input.path)), previous) : undefined;
}
