/** Finding a browser to print with: the `--browser` option, the environment, Puppeteer's own Chrome, the usual install paths. */

import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** No usable browser was found; `explicit` is set when a `--browser` path does not exist. */
export class NoBrowserError extends Error {
  constructor(
    readonly tried: readonly string[],
    readonly explicit?: string,
  ) {
    super(explicit ? `no browser at ${explicit}` : `no Chrome/Chromium found (tried: ${tried.join(', ') || 'nothing'})`);
    this.name = 'NoBrowserError';
  }
}

/** Environment variables that name a browser, checked in this order. */
export const BROWSER_ENV = ['NIANBAO_BROWSER', 'PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH'] as const;

/**
 * Usual install locations of Chrome, Chromium and Edge on Linux, macOS and Windows. First comes
 * Debian's chromium-headless-shell, the headless-only build: it starts in half the time of the
 * full browser and prints the same PDF (its wrapper in /usr/bin is a shell script that does
 * not `exec`, so the binary itself is named, to be the process we stop).
 */
export const KNOWN_BROWSER_PATHS: readonly string[] = [
  '/usr/lib/chromium/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/usr/bin/microsoft-edge-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
];

/** Where to look for a browser; tests replace the environment and the usual paths. */
export interface BrowserSearch {
  readonly explicit?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly knownPaths?: readonly string[];
}

/**
 * Finds a browser: the `--browser` option, then the environment, then Puppeteer's own Chrome
 * (when it was downloaded), then the usual install paths. Throws NoBrowserError.
 */
export async function findBrowser(search: BrowserSearch = {}): Promise<string> {
  const { explicit, env = process.env, knownPaths = KNOWN_BROWSER_PATHS } = search;
  if (explicit) {
    if (existsSync(explicit)) return explicit;
    throw new NoBrowserError([explicit], explicit);
  }
  const candidates = BROWSER_ENV.map((name) => env[name]).filter((v): v is string => Boolean(v));
  const own = await puppeteerChrome();
  if (own) candidates.push(own);
  candidates.push(...knownPaths);
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  throw new NoBrowserError(candidates.slice(0, 4));
}

/**
 * The browser that `npx puppeteer browsers install chrome-headless-shell` (preferred, as it
 * starts faster) or `… install chrome` put in Puppeteer's cache, if any.
 */
async function puppeteerChrome(): Promise<string | undefined> {
  // Importing Puppeteer to ask takes a sixth of a second: look for its cache folder first.
  const cache = process.env.PUPPETEER_CACHE_DIR ?? join(homedir(), '.cache', 'puppeteer');
  if (!existsSync(cache)) return undefined;
  try {
    const { default: puppeteer } = await import('puppeteer');
    const paths = [puppeteer.executablePath({ headless: 'shell' }), puppeteer.executablePath()];
    return paths.find((path) => path && existsSync(path));
  } catch {
    return undefined;
  }
}

