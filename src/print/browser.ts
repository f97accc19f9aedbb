/**
 * The one module that starts or connects to a browser, through Puppeteer: Puppeteer's launcher
 * starts ours (a process group of its own, killed whole, and killed when nianbao exits; taskkill
 * on Windows) with the DevTools pipes and a throw-away profile of ours; a remote one is only
 * connected to. A BrowserHandle says which it is, and knows how to get another like it.
 */

import { rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Browser, ConnectionTransport } from 'puppeteer-core';
import { waitAtMost, withTimeout } from './deadline.js';
import { newProfileFolder } from './profile-folders.js';

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

/** Where a run's browser comes from: one we start from an executable, or a running one we connect to. */
export type BrowserSource = { readonly executablePath: string } | { readonly endpoint: string };

/** A browser for the run and the means to let it go. */
export interface BrowserHandle {
  readonly browser: Browser;
  /** We started it: we may use its first tab, and closing it ends it. Someone else's is only ever disconnected from. */
  readonly ours: boolean;
  /** It closed or crashed under us (or, a remote one, dropped the connection). */
  readonly lost: boolean;
  /** A new browser from the same source: started again, or connected to again. */
  reopen(timeoutMs: number): Promise<BrowserHandle>;
  /** Closes the browser we started (or disconnects from a remote one), then tidies up. */
  close(): Promise<void>;
  /** Ends a browser we started at once and removes its profile; disconnects otherwise. */
  kill(): Promise<void>;
}

/**
 * Starts or connects to a browser. Aborting `signal` while ours starts ends it, and the start
 * fails; once it is up, the signal has no effect. `onSpawn` is called as soon as the browser's
 * process is started (at once for a remote browser), so that other work can go on meanwhile.
 */
export function openBrowser(source: BrowserSource, timeoutMs = 60_000, signal?: AbortSignal, onSpawn?: () => void): Promise<BrowserHandle> {
  if ('endpoint' in source) {
    onSpawn?.();
    return connectBrowser(source.endpoint, timeoutMs);
  }
  return launchBrowser(source.executablePath, timeoutMs, signal, onSpawn);
}

/** Whether `executablePath` is a headless-only build (chrome-headless-shell), which takes the plain --headless flag. */
function isHeadlessShell(executablePath: string): boolean {
  return /headless[-_]shell/i.test(basename(executablePath));
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
 * Starts a headless browser with a fresh profile and connects to it through the DevTools pipes
 * (no TCP port: nothing else on the machine can drive it, and it exits when its pipes close,
 * however nianbao ends). Puppeteer's launcher (@puppeteer/browsers, 60 ms to load) spawns it
 * before the rest of Puppeteer (140 ms more) is loaded, which then happens while it starts.
 * Signals are nianbao's to handle (cli/signals.ts), not the launcher's.
 */
async function launchBrowser(executablePath: string, timeoutMs: number, signal?: AbortSignal, onSpawn?: () => void): Promise<BrowserHandle> {
  const userDataDir = newProfileFolder();
  const args = [isHeadlessShell(executablePath) ? '--headless' : '--headless=new', ...CHROMIUM_FLAGS, '--remote-debugging-pipe', `--user-data-dir=${userDataDir}`];
  // Chromium's sandbox refuses to run as root; everywhere else it stays on.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  args.push('about:blank');
  let started: import('@puppeteer/browsers').Process | undefined;
  // Whatever way this process ends from here on, the browser and its profile go with it (the
  // browser first, so that it writes nothing into the folder being removed).
  const removeProfile = () => {
    started?.kill();
    try {
      rmSync(userDataDir, { recursive: true, force: true });
    } catch {
      // the next run removes it (profile-folders.ts)
    }
  };
  process.once('exit', removeProfile);
  const tidyUp = async () => {
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
    process.off('exit', removeProfile);
  };
  let transport: ConnectionTransport | undefined;
  // The launcher kills the browser when its signal is aborted, for as long as the browser runs:
  // ours is aborted from `signal` only until the browser is up.
  const launchAbort = new AbortController();
  const forwardAbort = () => launchAbort.abort();
  signal?.addEventListener('abort', forwardAbort, { once: true });
  try {
    signal?.throwIfAborted();
    const { launch } = await import('@puppeteer/browsers');
    signal?.throwIfAborted();
    started = launch({ executablePath, args, pipe: true, env: process.env, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false, signal: launchAbort.signal });
    onSpawn?.();
    const child = started.nodeProcess;
    const process_ = started;
    // A broken pipe (ECONNRESET, EPIPE) means the browser is gone, which its exit reports; on a
    // pipe nobody listens to any more (Puppeteer lets go of them on disconnect) it would
    // otherwise be an uncaught error.
    for (const stream of child.stdio) stream?.on('error', () => undefined);
    const exited = new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      // Never started (no such file, not executable).
      child.once('error', () => resolve());
    });
    let spawnError: Error | undefined;
    child.once('error', (error) => (spawnError = error));
    const endedFirst = exited.then(() => {
      if (spawnError) throw spawnError;
      const said = process_.getRecentLogs().slice(-3).join(' ').trim();
      throw new Error(`the browser exited (${child.signalCode ?? `code ${child.exitCode}`})${said ? `: ${said}` : ''}`);
    });
    endedFirst.catch(() => undefined);
    // Puppeteer's own pipe transport: exported by the package, though left out of its typings.
    const { default: puppeteer, PipeTransport } = (await import('puppeteer-core')) as unknown as typeof import('puppeteer-core') & {
      PipeTransport: new (toBrowser: Writable, fromBrowser: Readable) => ConnectionTransport;
    };
    signal?.throwIfAborted();
    // Every protocol call (printing included) may take as long as a document may.
    transport = new PipeTransport(child.stdio[3] as Writable, child.stdio[4] as Readable);
    const connecting = puppeteer.connect({ transport, defaultViewport: null, protocolTimeout: timeoutMs + 10_000 });
    connecting.catch(() => undefined);
    const browser = await withTimeout(Promise.race([connecting, endedFirst]), timeoutMs, () => new Error(`no answer from the browser after ${timeoutMs} ms`));
    signal?.throwIfAborted();
    signal?.removeEventListener('abort', forwardAbort);
    /** Waits for the browser to end (killed after `graceMs`), then removes its profile. */
    const end = async (graceMs: number) => {
      const timer = setTimeout(() => process_.kill(), graceMs);
      // A browser that cannot be killed (EPERM behind a setuid wrapper) is not waited for forever.
      await waitAtMost(exited, graceMs + 2000);
      clearTimeout(timer);
      await tidyUp();
    };
    return {
      browser,
      ours: true,
      get lost() {
        return !browser.connected;
      },
      reopen: (timeout) => launchBrowser(executablePath, timeout),
      async close() {
        // Asked to close, the browser ends its renderers itself; one that does not answer or
        // does not go within two seconds is killed.
        await waitAtMost(browser.close(), 2000);
        await end(2000);
      },
      async kill() {
        void browser.disconnect().catch(() => undefined);
        process_.kill();
        await end(0);
      },
    };
  } catch (cause) {
    signal?.removeEventListener('abort', forwardAbort);
    // Puppeteer's calls still waiting for an answer fail now, rather than keep us alive until
    // they time out: the connection is told that its transport closed (a browser that died
    // before the transport listened closed its pipe unseen).
    transport?.onclose?.();
    // Killed by someone else (not by us on `signal`), it may well start the next time.
    const child = started?.nodeProcess;
    const killedBy = !signal?.aborted && child?.signalCode ? child.signalCode : undefined;
    started?.kill();
    if (child && child.exitCode === null && child.signalCode === null) await waitAtMost(started!.hasClosed(), 2000);
    await tidyUp();
    throw new BrowserLaunchError(executablePath, { cause }, killedBy);
  }
}

/** Connects to a running browser (a shared service); closing only disconnects from it. */
async function connectBrowser(endpoint: string, timeoutMs: number): Promise<BrowserHandle> {
  try {
    const { default: puppeteer } = await import('puppeteer-core');
    const browser = await puppeteer.connect({ browserWSEndpoint: endpoint, defaultViewport: null, protocolTimeout: timeoutMs + 10_000 });
    return {
      browser,
      ours: false,
      get lost() {
        return !browser.connected;
      },
      reopen: (timeout) => connectBrowser(endpoint, timeout),
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
