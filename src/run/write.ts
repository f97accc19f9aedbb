/** Writing outputs so that a reader never sees a half-written file. */

import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** An output could not be written (unwritable folder, full disk…). */
export class OutputError extends Error {
  constructor(readonly path: string, options: { cause: unknown }) {
    super(`cannot write ${path}: ${(options.cause as Error)?.message ?? String(options.cause)}`, options);
    this.name = 'OutputError';
  }
}

/**
 * Writes `data` to `path` atomically: a temporary file in the same folder, then a rename, so an
 * existing file is replaced only by a complete new one.
 */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (cause) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new OutputError(path, { cause });
  }
}
