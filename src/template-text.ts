/** The text of profile folders, whose labels a PDF shows besides a report's own text. */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const cache = new Map<string, string>();

/** Every distinct character of every file below `dir` (read once per process). */
export function folderText(dir: string): string {
  let text = cache.get(dir);
  if (text === undefined) {
    const chars = new Set<string>();
    const visit = (d: string) => {
      for (const name of readdirSync(d)) {
        const path = join(d, name);
        if (statSync(path).isDirectory()) visit(path);
        else for (const ch of readFileSync(path, 'utf8')) chars.add(ch);
      }
    };
    visit(dir);
    text = [...chars].join('');
    cache.set(dir, text);
  }
  return text;
}
