/**
 * What a volume keeps between builds, in `<out>/.nianbao-volume/`: each report as printed for
 * a volume (no page numbers of its own), named by the report's build key, with what its front
 * matter needs to know of it; and the key each volume was last assembled from. A report that
 * has not changed is never printed for a volume again.
 */

import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { PartInfo } from './contents.js';
import { writeAtomic } from '../run/write.js';

/** The cache folder's name inside the output folder. */
export const VOLUME_CACHE = '.nianbao-volume';

/** A report printed for a volume, and what its front matter needs to know of it. */
export interface PrintedPart {
  readonly pdf: Uint8Array;
  readonly info: PartInfo & { readonly pages: number };
}

const folderOf = (outDir: string) => join(outDir, VOLUME_CACHE);

/** The report printed under `key`, or undefined when it is not there (or unreadable). */
export function readPart(outDir: string, key: string): PrintedPart | undefined {
  try {
    const info = JSON.parse(readFileSync(join(folderOf(outDir), `${key}.json`), 'utf8')) as PrintedPart['info'];
    return { pdf: readFileSync(join(folderOf(outDir), `${key}.pdf`)), info };
  } catch {
    return undefined;
  }
}

/** Keeps a report printed for a volume; the PDF is written first, so that a description never names a missing file. */
export async function writePart(outDir: string, key: string, part: PrintedPart): Promise<void> {
  await writeAtomic(join(folderOf(outDir), `${key}.pdf`), part.pdf);
  await writeAtomic(join(folderOf(outDir), `${key}.json`), `${JSON.stringify(part.info)}\n`);
}

/** Removes the printed reports no volume of this run used (their reports have changed since). */
export function prune(outDir: string, used: ReadonlySet<string>): void {
  let names: string[];
  try {
    names = readdirSync(folderOf(outDir));
  } catch {
    return;
  }
  for (const name of names) {
    const m = /^([0-9a-f]{64})\.(pdf|json)$/.exec(name);
    if (m && !used.has(m[1]!)) rmSync(join(folderOf(outDir), name), { force: true });
  }
}

/** The keys the volumes of this output folder were assembled from, by the volume's path. */
export function readVolumeKeys(outDir: string): Record<string, string> {
  try {
    return JSON.parse(readFileSync(join(folderOf(outDir), 'volumes.json'), 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}

/** Records the key a volume was assembled from. */
export async function writeVolumeKey(outDir: string, path: string, key: string): Promise<void> {
  const keys = { ...readVolumeKeys(outDir), [path]: key };
  await writeAtomic(join(folderOf(outDir), 'volumes.json'), `${JSON.stringify(keys, null, 2)}\n`);
}
