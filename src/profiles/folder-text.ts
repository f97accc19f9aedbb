/** The files and text of profile folders, whose labels a PDF shows besides a report's own text. */

import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const cache = new Map<string, string>();

/**
 * The regular files below a folder, in a stable order; links, devices and pipes are skipped
 * (a profile folder holds only its own small files).
 */
export function filesBelow(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const info = lstatSync(path);
      if (info.isDirectory()) visit(path);
      else if (info.isFile() && info.size <= 2 * 1024 * 1024) out.push(path);
    }
  };
  visit(dir);
  return out;
}

/** Every distinct character of every file below `dir` (read once per process). */
export function folderText(dir: string): string {
  let text = cache.get(dir);
  if (text === undefined) {
    const chars = new Set<string>();
    for (const path of filesBelow(dir)) for (const ch of readFileSync(path, 'utf8')) chars.add(ch);
    text = [...chars].join('');
    cache.set(dir, text);
  }
  return text;
}
