/** The files of profile folders: which there are, and their bytes, characters and hash as one run reads them. */

import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

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

/**
 * The files of profile folders as one run reads them: each file once, shared by the build key
 * (a folder's hash), the fonts (a folder's characters) and the loader (the profile itself). A
 * new run reads them afresh, so an edit between two runs of one process is seen.
 */
export class ProfileFiles {
  private readonly bytes = new Map<string, Buffer>();
  private readonly texts = new Map<string, string>();
  private readonly hashes = new Map<string, string>();

  /** A file's bytes. */
  read(path: string): Buffer {
    const key = resolve(path);
    let bytes = this.bytes.get(key);
    if (!bytes) {
      bytes = readFileSync(key);
      this.bytes.set(key, bytes);
    }
    return bytes;
  }

  /** Every distinct character of every file below `dir`. */
  folderText(dir: string): string {
    let text = this.texts.get(dir);
    if (text === undefined) {
      const chars = new Set<string>();
      for (const path of filesBelow(dir)) for (const ch of this.read(path).toString('utf8')) chars.add(ch);
      text = [...chars].join('');
      this.texts.set(dir, text);
    }
    return text;
  }

  /** A hash of every file below `dir`, names and contents ('missing' when the folder is gone: moved since the last build, say). */
  folderHash(dir: string): string {
    let hash = this.hashes.get(dir);
    if (hash === undefined && !existsSync(dir)) hash = 'missing';
    if (hash === undefined) {
      const h = createHash('sha256');
      for (const path of filesBelow(dir)) h.update(relative(dir, path)).update('\0').update(this.read(path)).update('\0');
      hash = h.digest('hex');
      this.hashes.set(dir, hash);
    }
    return hash;
  }
}
