/**
 * Incremental builds: a file whose input, profile, template, options and nianbao version are
 * unchanged since its outputs were written is skipped. Keys live in a manifest in the output
 * folder, written atomically at the end of a run.
 */

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { customProfileDir, profileRefIn, TEMPLATES_DIR } from '../profiles/profile.js';
import { filesBelow } from '../profiles/folder-text.js';
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

const folderHashes = new Map<string, string>();

/**
 * A hash of every file below a profile folder (names and contents), once per process: the
 * reports of a run that share a profile share its hash, as they share its text (folderText).
 */
function hashFolder(dir: string): string {
  let hash = folderHashes.get(dir);
  if (hash === undefined) {
    const h = createHash('sha256');
    for (const path of filesBelow(dir)) h.update(relative(dir, path)).update('\0').update(readFileSync(path)).update('\0');
    hash = h.digest('hex');
    folderHashes.set(dir, hash);
  }
  return hash;
}

/**
 * The build key of a report: its bytes, the profile folder it names (found without a full
 * parse), the built-in templates, last year's file if it names one, the options and the version.
 */
export function buildKey(file: string, options: Record<string, unknown>, profileOption?: string): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const text = bytes.toString('utf8');
  const h = createHash('sha256').update(VERSION).update('\0').update(JSON.stringify(options)).update('\0').update(bytes);
  h.update(hashFolder(TEMPLATES_DIR));
  // A custom profile folder: the one --profile names, else the report's own.
  const custom = profileOption !== undefined ? customProfileDir(profileOption, process.cwd()) : customProfileDir(profileRefIn(text), dirname(resolve(file)));
  h.update(custom ? hashFolder(custom) : 'built-in');
  const previous = /^previous:\s*["']?([^"'#\n]+?)["']?\s*(#.*)?$/m.exec(text)?.[1];
  if (previous) {
    try {
      h.update(readFileSync(resolve(dirname(resolve(file)), previous)));
    } catch {
      h.update('missing-previous');
    }
  }
  return h.digest('hex');
}
