/** Turns command-line inputs (files, folders, globs) into the list of report files of a run. */

import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';

/** The report files of a run, in order, the arguments that matched nothing, and the folders given. */
export interface Inputs {
  readonly files: readonly string[];
  /** Files found by searching a folder or a pattern, not named one by one: one that is plainly not a report is skipped. */
  readonly searched: ReadonlySet<string>;
  readonly unmatched: readonly string[];
  /** Folder arguments: outputs mirror the tree below them. */
  readonly folders: readonly string[];
}

const REPORT = /\.ya?ml$/i;

/**
 * Expands arguments: a folder yields its .yaml/.yml files recursively (sorted), a glob its
 * matches, a file itself. Profile folders (those holding profile.yaml), dot-folders,
 * node_modules and `exclude` (the output folder) are skipped. Duplicates are dropped.
 */
export function expandInputs(args: readonly string[], exclude: readonly string[] = []): Inputs {
  const files: string[] = [];
  const unmatched: string[] = [];
  const folders: string[] = [];
  const searched = new Set<string>();
  const seen = new Set<string>();
  const skip = exclude.map((p) => resolve(p));
  const add = (file: string) => {
    const key = resolve(file);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(file);
    }
  };
  const addFound = (file: string) => {
    if (!seen.has(resolve(file))) searched.add(file);
    add(file);
  };
  for (const arg of args) {
    if (existsSync(arg) && statSync(arg).isDirectory()) {
      folders.push(arg);
      const found = walk(arg, skip);
      if (found.length === 0) unmatched.push(arg);
      found.forEach(addFound);
    } else if (!existsSync(arg) && isDynamicPattern(arg)) {
      const found = globSync(arg, { onlyFiles: true, ignore: ['**/node_modules/**'] }).filter((f) => REPORT.test(f)).sort();
      if (found.length === 0) unmatched.push(arg);
      found.forEach(addFound);
    } else {
      add(arg); // a file, or a missing path that the loader reports (NB1001)
    }
  }
  return { files, unmatched, folders, searched };
}

function walk(dir: string, skip: readonly string[]): string[] {
  if (skip.includes(resolve(dir)) || existsSync(join(dir, 'profile.yaml'))) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path, skip));
    else if (entry.isFile() && REPORT.test(entry.name)) out.push(path);
  }
  return out;
}

/**
 * The deepest folder that holds every file and every folder argument: outputs mirror the
 * inputs below it (`build departments/` writes out/<path below departments>).
 */
export function commonBase(files: readonly string[], folders: readonly string[] = []): string {
  if (files.length === 0) return process.cwd();
  const parts = [...files.map((f) => dirname(resolve(f))), ...folders.map((d) => resolve(d))].map((d) => d.split(sep));
  const first = parts[0]!;
  let n = first.length;
  for (const p of parts.slice(1)) {
    let i = 0;
    while (i < n && i < p.length && p[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join(sep) || sep;
}

/** Where a file's output goes: its path below `base`, under `outDir`, with a new extension. */
export function outputPath(file: string, base: string, outDir: string, extension: string): string {
  const rel = relative(base, resolve(file)).replace(REPORT, '');
  return join(outDir, `${rel}.${extension}`);
}

/**
 * The k-th of n slices of the inputs (k from 1): every n-th file of the list sorted by path,
 * so the slice does not depend on the order of the arguments, the n slices together hold each
 * file exactly once, and they differ in size by one at most.
 */
export function shardOf(files: readonly string[], shard: { readonly index: number; readonly count: number }): string[] {
  const key = (f: string) => relative(process.cwd(), resolve(f)).split(sep).join('/');
  return [...files]
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
    .filter((_, i) => i % shard.count === shard.index - 1);
}
