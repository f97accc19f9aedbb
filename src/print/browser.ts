/** The one module that imports Puppeteer: finding a browser, starting or connecting to it, closing it. */

import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync, statfsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Browser } from 'puppeteer-core';
import { waitAtMost, withTimeout } from './deadline.js';
import type { PipeTransport } from './pipe-transport.js';

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
  constructor(
    readonly executablePath: string,
    options: { cause: unknown },
    /** The signal that ended the browser while it started (killed, not failed), if one did. */
    readonly killedBy?: NodeJS.Signals,
  ) {
    super(`could not start ${executablePath}: ${(options.cause as Error)?.message ?? String(options.cause)}`, options);
    this.name = 'BrowserLaunchError';
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

/** Whether `executablePath` is a headless-only build (chrome-headless-shell), which takes the plain --headless flag. */
function isHeadlessShell(executablePath: string): boolean {
  return /headless[-_]shell/i.test(basename(executablePath));
}

/** A browser for the run and the means to let it go: close what we started, disconnect otherwise. */
export interface BrowserHandle {
  readonly browser: Browser;
  /** The executable we started, or undefined for a remote browser. */
  readonly executablePath?: string;
  /** The WebSocket endpoint, for a remote browser. */
  readonly endpoint?: string;
  /** Closes the browser we started (or disconnects from a remote one), then tidies up. */
  close(): Promise<void>;
  /** Ends a browser we started at once (SIGKILL) and removes its profile; disconnects otherwise. */
  kill(): Promise<void>;
}

/** Flags for a headless Chromium that prints and does nothing else (no background traffic). */
const CHROMIUM_FLAGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-sync',
  '--disable-extensions',
  '--disable-breakpad',
  '--disable-crash-reporter',
  '--disable-dev-shm-usage',
  '--disable-hang-monitor',
  '--disable-popup-blocking',
  '--disable-features=Translate,MediaRouter,OptimizationHints',
  '--metrics-recording-only',
  '--password-store=basic',
  '--use-mock-keychain',
  '--mute-audio',
  '--hide-scrollbars',
  '--force-color-profile=srgb',
  '--font-render-hinting=none',
];

/**
 * Starts a headless browser with a fresh profile, and connects Puppeteer to it through the
 * DevTools pipes (no TCP port: nothing else on the machine can drive it, and it exits when
 * nianbao does, however nianbao ends). The process is spawned before Puppeteer is even imported
 * (the two take about as long). Aborting `signal` before the browser is ready kills it, and the
 * launch fails.
 */
export async function launchBrowser(executablePath: string, timeoutMs = 60_000, signal?: AbortSignal): Promise<BrowserHandle> {
  // Synchronous up to the spawn, so that the process is started when this function returns.
  const root = profileRoot();
  removeStaleProfiles(root);
  const userDataDir = mkdtempSync(join(root, `${profilePrefix()}${process.pid}-`));
  const args = [isHeadlessShell(executablePath) ? '--headless' : '--headless=new', ...CHROMIUM_FLAGS, '--remote-debugging-pipe', `--user-data-dir=${userDataDir}`];
  // Chromium's sandbox refuses to run as root; everywhere else it stays on.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  args.push('about:blank');
  const posix = process.platform !== 'win32';
  // In a process group of its own (POSIX), so that killing it kills its renderers with it.
  const child = spawn(executablePath, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], detached: posix });
  const running = () => child.exitCode === null && child.signalCode === null;
  let spawnError: Error | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    // Never started (no such file, not executable); or, later, could not be killed.
    child.on('error', (error) => {
      spawnError ??= error;
      resolve();
    });
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-2000)));
  const killAll = () => {
    if (!running() || child.pid === undefined) return;
    try {
      if (posix) process.kill(-child.pid, 'SIGKILL');
      // Windows: the whole tree, as Puppeteer's own launcher does.
      else spawn('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore' }).on('error', () => child.kill('SIGKILL'));
    } catch {
      child.kill('SIGKILL');
    }
  };
  // Whatever way this process ends from here on, the browser and its profile go with it.
  const onProcessExit = () => {
    killAll();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  process.once('exit', onProcessExit);
  /** Waits for the browser to end (killing it after `graceMs`), then removes its profile. */
  const cleanUp = async (graceMs: number) => {
    const timer = setTimeout(killAll, graceMs);
    // A browser that cannot be killed (EPERM behind a setuid wrapper) is not waited for forever.
    await waitAtMost(exited, graceMs + 2000);
    clearTimeout(timer);
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
    process.off('exit', onProcessExit);
  };
  signal?.addEventListener('abort', killAll, { once: true });
  let transport: PipeTransport | undefined;
  try {
    signal?.throwIfAborted();
    const [{ default: puppeteer }, { PipeTransport }] = await Promise.all([import('puppeteer-core'), import('./pipe-transport.js')]);
    signal?.throwIfAborted();
    transport = new PipeTransport(child.stdio[3] as Writable, child.stdio[4] as Readable);
    // Every protocol call (printing included) may take as long as a document may.
    const connecting = puppeteer.connect({ transport, defaultViewport: null, protocolTimeout: timeoutMs + 10_000 });
    connecting.catch(() => undefined);
    const endedFirst = exited.then(() => {
      if (spawnError) throw spawnError;
      const said = stderr.trim().split('\n').slice(-3).join(' ');
      throw new Error(`the browser exited (${child.signalCode ?? `code ${child.exitCode}`})${said ? `: ${said}` : ''}`);
    });
    const browser = await withTimeout(Promise.race([connecting, endedFirst]), timeoutMs, () => new Error(`no answer from the browser after ${timeoutMs} ms`));
    signal?.removeEventListener('abort', killAll);
    signal?.throwIfAborted();
    return {
      browser,
      executablePath,
      async close() {
        // Asked to close, the browser ends its renderers itself; one that does not answer or
        // does not go within two seconds is killed.
        await waitAtMost(browser.close(), 2000);
        await cleanUp(2000);
      },
      async kill() {
        void browser.disconnect().catch(() => undefined);
        killAll();
        await cleanUp(0);
      },
    };
  } catch (cause) {
    signal?.removeEventListener('abort', killAll);
    // Puppeteer's calls still waiting for an answer fail now, rather than keep us alive until they time out.
    transport?.abandon();
    // Killed by someone else (not by us on `signal`), it may well start the next time.
    const killedBy = !signal?.aborted && child.signalCode ? child.signalCode : undefined;
    killAll();
    await cleanUp(0);
    throw new BrowserLaunchError(executablePath, { cause }, killedBy);
  }
}

/**
 * Profile folders are named after the process that made them and its pid namespace:
 * nianbao-chrome-<namespace>-<pid>-XXXXXX. Containers sharing /dev/shm have namespaces of their
 * own, where our pids mean nothing.
 */
const PROFILE_PREFIX = 'nianbao-chrome-';

function profilePrefix(): string {
  let namespace = '0';
  try {
    namespace = /\[(\d+)\]/.exec(readlinkSync('/proc/self/ns/pid'))?.[1] ?? '0';
  } catch {
    // not Linux
  }
  return `${PROFILE_PREFIX}${namespace}-`;
}

/**
 * Removes the profile folders that nianbao processes of our pid namespace left when they were
 * killed before they could clean up. A folder of a running process, of another namespace or of
 * another user is left alone.
 */
function removeStaleProfiles(root: string): void {
  const prefix = profilePrefix();
  let names: string[];
  try {
    names = readdirSync(root).filter((name) => name.startsWith(prefix));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
    if (!pid || pid === process.pid || processExists(pid)) continue;
    try {
      rmSync(join(root, name), { recursive: true, force: true });
    } catch {
      // not ours to remove
    }
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, as another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Where the browser's throw-away profile goes: memory-backed /dev/shm when there is one (the
 * profile is written to constantly and never kept), else the temporary folder.
 */
function profileRoot(): string {
  try {
    accessSync('/dev/shm', constants.W_OK);
    // Containers often give /dev/shm 64 MB: too little to share with the browser's own use.
    const fs = statfsSync('/dev/shm');
    if (fs.bavail * fs.bsize >= 512 * 1024 * 1024) return '/dev/shm';
  } catch {
    // no /dev/shm here
  }
  return tmpdir();
}

/** Connects to a running browser (a shared service); closing only disconnects from it. */
export async function connectBrowser(endpoint: string, timeoutMs = 60_000): Promise<BrowserHandle> {
  try {
    const { default: puppeteer } = await import('puppeteer-core');
    const browser = await puppeteer.connect({ browserWSEndpoint: endpoint, defaultViewport: null, protocolTimeout: timeoutMs + 10_000 });
    return {
      browser,
      endpoint,
      async close() {
        await browser.disconnect().catch(() => undefined);
      },
      async kill() {
        await browser.disconnect().catch(() => undefined);
      },
    };
  } catch (cause) {
    throw new BrowserLaunchError(endpoint, { cause });
  }
}
