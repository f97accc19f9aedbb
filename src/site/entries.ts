/**
 * The reports a site lists, from the JSON results of build runs (`--reporter json`): one run's,
 * or several shards' merged. Pure: the same results give the same entries, in the same order,
 * however the runs were split.
 */

import { posix, win32 } from 'node:path';

/** What a site says of one report. */
export interface SiteEntry {
  /** The report file as the run named it. */
  readonly file: string;
  /** The file's path below the folder that holds every listed report (what the index shows). */
  readonly name: string;
  readonly title?: string;
  readonly organization?: string;
  readonly year?: number;
  readonly status: 'built' | 'warnings' | 'errors' | 'failed';
  readonly errors: number;
  readonly warnings: number;
  /** The distinct codes of its errors (NB5003…), in the order found. */
  readonly errorCodes: readonly string[];
  /** Its outputs, as paths below the output folder with `/` separators. */
  readonly html?: string;
  readonly pdf?: string;
}

/** The part of a build's JSON document (runToJson) that a site reads. */
export interface BuildDocument {
  readonly tool?: { readonly name?: string };
  readonly command?: string;
  readonly outDir?: string | null;
  readonly files?: readonly {
    readonly file?: string;
    readonly status?: string;
    readonly outputs?: readonly string[];
    readonly report?: { readonly title?: string; readonly organization?: string; readonly year?: number } | null;
    readonly diagnostics?: readonly { readonly code?: string; readonly severity?: string; readonly suppressed?: string | null }[];
  }[];
}

/** Whether a parsed JSON value is the results document of a `nianbao build`. */
export function isBuildDocument(value: unknown): value is BuildDocument {
  const doc = value as BuildDocument | null;
  return typeof doc === 'object' && doc !== null && doc.tool?.name === 'nianbao' && doc.command === 'build' && Array.isArray(doc.files);
}

/** Paths with `/` only, whatever system wrote them. */
const slashes = (path: string) => path.split(win32.sep).join(posix.sep);

/**
 * The entries of every report in `documents`, sorted by file. A file in several documents (a
 * shard run twice) takes its latest result: documents come oldest first. `outDir` is the output
 * folder as the site was asked for it, used when a document does not say its own.
 */
export function siteEntries(documents: readonly BuildDocument[], outDir: string): SiteEntry[] {
  const byFile = new Map<string, Omit<SiteEntry, 'name'>>();
  for (const doc of documents) {
    const base = slashes(doc.outDir ?? outDir);
    for (const f of doc.files ?? []) {
      if (typeof f.file !== 'string' || f.status === 'skipped') continue;
      const diagnostics = f.diagnostics ?? [];
      // An argument that matched no report is not a report.
      if (!f.outputs?.length && diagnostics.some((d) => d.code === 'NB1008')) continue;
      const active = diagnostics.filter((d) => d.suppressed === null || d.suppressed === undefined);
      const errors = active.filter((d) => d.severity === 'error');
      const warnings = active.length - errors.length;
      const built = f.status === 'ok' || f.status === 'unchanged';
      const status = f.status === 'failed' ? 'failed' : !built ? 'errors' : warnings ? 'warnings' : 'built';
      const below = (ext: string) => {
        const output = f.outputs?.find((o) => o.toLowerCase().endsWith(`.${ext}`));
        const rel = output === undefined ? undefined : posix.relative(posix.resolve('/', base), posix.resolve('/', slashes(output)));
        return rel && !rel.startsWith('..') ? rel : undefined;
      };
      const html = built ? below('html') : undefined;
      const pdf = built ? below('pdf') : undefined;
      const { title, organization, year } = f.report ?? {};
      byFile.set(slashes(f.file), {
        file: f.file,
        ...(typeof title === 'string' ? { title } : {}),
        ...(typeof organization === 'string' ? { organization } : {}),
        ...(typeof year === 'number' ? { year } : {}),
        status,
        errors: errors.length,
        warnings,
        errorCodes: [...new Set(errors.map((d) => d.code).filter((c): c is string => typeof c === 'string'))],
        ...(html ? { html } : {}),
        ...(pdf ? { pdf } : {}),
      });
    }
  }
  const files = [...byFile.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const common = commonFolder(files);
  return files.map((key) => ({ ...byFile.get(key)!, name: key.slice(common.length) }));
}

/** The longest folder prefix (ending in `/`) that every path shares; empty when none. */
function commonFolder(paths: readonly string[]): string {
  if (paths.length === 0) return '';
  let prefix = paths[0]!.slice(0, paths[0]!.lastIndexOf('/') + 1);
  for (const p of paths) while (prefix && !p.startsWith(prefix)) prefix = prefix.slice(0, prefix.lastIndexOf('/', prefix.length - 2) + 1);
  return prefix;
}
