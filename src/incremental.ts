/**
 * Incremental builds: a file whose input, profile, template, options and nianbao version are
 * unchanged since its outputs were written is skipped. Keys live in a manifest in the output
 * folder, written atomically at the end of a run.
 */

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic } from './diagnostics.js';
import { isProfilePath, resolveProfileDir, TEMPLATES_DIR } from './profile.js';
import { VERSION } from './version.js';
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

/** A hash of every file below a folder (profiles, templates), computed once per process. */
function hashFolder(dir: string): string {
  let hash = folderHashes.get(dir);
  if (hash) return hash;
  const h = createHash('sha256');
  const visit = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) visit(path);
      else h.update(name).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  if (existsSync(dir)) visit(dir);
  hash = h.digest('hex');
  folderHashes.set(dir, hash);
  return hash;
}

/**
 * The build key of a report: its bytes, the profile folder it names (found without a full
 * parse), the built-in templates, last year's file if it names one, the options and the version.
 */
export function buildKey(file: string, options: Record<string, unknown>): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const text = bytes.toString('utf8');
  const h = createHash('sha256').update(VERSION).update('\0').update(JSON.stringify(options)).update('\0').update(bytes);
  h.update(hashFolder(TEMPLATES_DIR));
  const profile = /^profile:\s*["']?([^"'#\s]+)/m.exec(text)?.[1];
  if (profile && isProfilePath(profile)) {
    try {
      h.update(hashFolder(resolveProfileDir(profile, dirname(resolve(file)))));
    } catch {
      h.update('missing-profile');
    }
  }
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
