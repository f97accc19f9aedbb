/**
 * `nianbao doctor`: what this machine will print with, and whether it can — Node, the browser
 * (found, its version, started), the sandbox, the bundled fonts and any installed official
 * faces, the cache and output folders. Each finding a line; a problem comes with its fix.
 */

import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** What doctor looks at (the CLI names each in the user's language). */
export type Checked = 'node' | 'browser' | 'starts' | 'sandbox' | 'fonts' | 'official' | 'cache' | 'output';

/** One finding: what was looked at, what was found, and the fix (by name) when it is a problem. */
export interface Finding {
  readonly what: Checked;
  readonly found: string;
  readonly ok: boolean;
  /** A problem that stops builds (not a note). */
  readonly blocking?: boolean;
  readonly fix?: 'node' | 'browser-linux' | 'browser' | 'starts' | 'fonts' | 'cache' | 'output';
}

const OFFICIAL = ['仿宋_GB2312', '方正小标宋简体', '黑体', '楷体_GB2312'];

export async function doctor(options: { browser?: string; outDir?: string } = {}): Promise<Finding[]> {
  const findings: Finding[] = [];
  const major = Number(process.versions.node.split('.')[0]);
  findings.push({ what: 'node', found: process.versions.node, ok: major >= 20, blocking: major < 20, ...(major < 20 ? { fix: 'node' as const } : {}) });

  const { findBrowser, NoBrowserError } = await import('../print/find-browser.js');
  let path: string | undefined;
  try {
    path = await findBrowser(options.browser ? { explicit: options.browser } : {});
    findings.push({ what: 'browser', found: path, ok: true });
  } catch (error) {
    if (!(error instanceof NoBrowserError)) throw error;
    findings.push({ what: 'browser', found: error.message, ok: false, blocking: true, fix: process.platform === 'linux' ? 'browser-linux' : 'browser' });
  }
  if (path) {
    const { openBrowser } = await import('../print/browser.js');
    const started = performance.now();
    try {
      const handle = await openBrowser({ executablePath: path }, 30_000);
      const version = await handle.browser.version();
      await handle.close();
      findings.push({ what: 'starts', found: `${version}, ${Math.round(performance.now() - started)} ms`, ok: true });
    } catch (error) {
      findings.push({ what: 'starts', found: (error as Error).message.split('\n')[0]!, ok: false, blocking: true, fix: 'starts' });
    }
  }
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  findings.push({ what: 'sandbox', found: root ? 'root: --no-sandbox' : 'sandbox', ok: true });

  const { bundledFaces } = await import('../fonts/fonts.js');
  const missing = bundledFaces().filter((f) => f.file && !existsSync(f.file));
  findings.push({ what: 'fonts', found: missing.length ? missing.map((f) => f.file).join(', ') : 'Noto Serif SC, Noto Sans SC, LXGW WenKai', ok: missing.length === 0, blocking: missing.length > 0, ...(missing.length ? { fix: 'fonts' as const } : {}) });
  findings.push({ what: 'official', found: installedFaces(), ok: true });

  const { fontCacheDir } = await import('../fonts/base-fonts.js');
  findings.push(writable('cache', fontCacheDir()));
  findings.push(writable('output', resolve(options.outDir ?? 'out')));
  return findings;
}

/** The official faces fontconfig knows of, or why that cannot be told. */
function installedFaces(): string {
  try {
    const families = execFileSync('fc-list', [':', 'family'], { encoding: 'utf8', timeout: 10_000 });
    const found = OFFICIAL.filter((f) => families.includes(f));
    return found.length ? found.join(', ') : '—';
  } catch {
    return '?';
  }
}

function writable(what: 'cache' | 'output', dir: string): Finding {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    return { what, found: dir, ok: true };
  } catch (error) {
    return { what, found: `${dir}: ${(error as Error).message}`, ok: false, blocking: true, fix: what };
  }
}
