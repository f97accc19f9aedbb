/** The one module that talks to Puppeteer: finding a browser, launching it, closing it. */

import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer';

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

/** The browser failed to start or to answer. */
export class BrowserLaunchError extends Error {
  constructor(readonly executablePath: string, options: { cause: unknown }) {
    super(`could not start ${executablePath}: ${(options.cause as Error)?.message ?? String(options.cause)}`, options);
    this.name = 'BrowserLaunchError';
  }
}

/** Environment variables that name a browser, checked in this order. */
export const BROWSER_ENV = ['NIANBAO_BROWSER', 'PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH'] as const;

/** Usual install locations of Chrome, Chromium and Edge on Linux, macOS and Windows. */
export const KNOWN_BROWSER_PATHS: readonly string[] = [
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

/** The Chrome that `npx puppeteer browsers install chrome` put in Puppeteer's cache, if any. */
async function puppeteerChrome(): Promise<string | undefined> {
  try {
    const { default: puppeteer } = await import('puppeteer');
    const path = puppeteer.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** A launched browser and the means to close it and remove its profile folder. */
export interface BrowserHandle {
  readonly browser: Browser;
  readonly executablePath: string;
  close(): Promise<void>;
}

/** Launches a headless browser with a fresh profile and no background network traffic. */
export async function launchBrowser(executablePath: string): Promise<BrowserHandle> {
  const { default: puppeteer } = await import('puppeteer');
  const userDataDir = await mkdtemp(join(tmpdir(), 'nianbao-chrome-'));
  const args = [
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--font-render-hinting=none',
  ];
  // Chromium's sandbox refuses to run as root; everywhere else it stays on.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  let browser: Browser;
  try {
    browser = await puppeteer.launch({ executablePath, headless: true, userDataDir, args, timeout: 60_000 });
  } catch (cause) {
    await rm(userDataDir, { recursive: true, force: true });
    throw new BrowserLaunchError(executablePath, { cause });
  }
  return {
    browser,
    executablePath,
    async close() {
      try {
        await browser.close();
      } finally {
        await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
      }
    },
  };
}
