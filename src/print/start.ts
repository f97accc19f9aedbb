/**
 * Getting a run's printer ready: the browser found and started (or connected to), the pages
 * opened, and the fonts cut to the characters the run's documents can show, all at once.
 * Puppeteer, the printer and the fonts are loaded only here, so that `check` never loads them.
 */

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { BuildOptions } from '../run/result.js';
import { decodeText } from '../source/decode.js';
import type { FontRole } from '../fonts/fonts.js';
import { customProfileDir, profileRefIn, TEMPLATES_DIR } from '../profiles/profile.js';
import { folderText } from '../profiles/folder-text.js';
import { trace } from '../run/trace.js';

/** What the workers of a build need of a printer (see printer.ts). */
export interface PrintService {
  print(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
  abort(): Promise<void>;
  readonly version: string;
}

/** What startPrinter is told by the run: whether it is still needed, and whom to tell of the launch. */
interface StartControl {
  /** Aborted when no report needs printing: the start gives up once the browser is up. */
  readonly unused: AbortSignal;
  /** Called once the browser's process is started. */
  readonly onLaunch: () => void;
}

/**
 * Finds and launches the browser while the fonts are cut to the characters the inputs can
 * show: their raw text, the profiles' templates, and (per role) titles and headings. A browser
 * of ours that crashed or was killed while getting ready is started once more; one that fails
 * by itself (missing, broken, unreachable) would only fail again.
 */
export async function startPrinter(files: readonly string[], jobs: number, options: BuildOptions, control: StartControl): Promise<PrintService> {
  try {
    return await startOnce(files, jobs, options, control);
  } catch (error) {
    if (!(error instanceof BrowserLostError)) throw error;
    if (control.unused.aborted || options.signal?.aborted) throw error.cause;
    trace(`the browser failed while starting (${(error.cause as Error)?.message}); starting it again`);
    return startOnce(files, jobs, options, { ...control, onLaunch: () => undefined }).catch((again: unknown) => {
      throw again instanceof BrowserLostError ? again.cause : again;
    });
  }
}

/** Our own browser crashed or was killed before it was ready (not a failure of its own making); `cause` is the failure. */
class BrowserLostError extends Error {
  constructor(cause: unknown) {
    super('the browser was lost while getting ready', { cause });
  }
}

async function startOnce(
  files: readonly string[],
  jobs: number,
  options: BuildOptions,
  { unused, onLaunch }: StartControl,
): Promise<PrintService> {
  const pageCount = Math.min(jobs, files.length);
  const { BrowserLaunchError, connectBrowser, findBrowser, launchBrowser } = await import('./browser.js');
  // Stopped when the run does not need the printer, or when getting it ready fails.
  const stopLaunch = new AbortController();
  const remote = options.browserWs ?? process.env.NIANBAO_BROWSER_WS;
  const timeoutMs = options.timeoutMs ?? 60_000;
  let launching: ReturnType<typeof launchBrowser>;
  if (remote) {
    launching = connectBrowser(remote, timeoutMs);
  } else {
    const executable = await findBrowser(options.browser ? { explicit: options.browser } : {});
    trace(`browser found: ${executable}`);
    launching = launchBrowser(executable, timeoutMs, AbortSignal.any([unused, stopLaunch.signal]));
  }
  onLaunch();
  void launching.then(() => trace('browser launched'), () => undefined);
  launching.catch(() => undefined);
  // The fonts are cut on a thread of their own, stopped if the printer fails or is not needed.
  const fontsNeeded = new AbortController();
  const stopFonts = () => fontsNeeded.abort();
  unused.addEventListener('abort', stopFonts, { once: true });
  /** Pages this start opened (a remote browser's other tabs are not ours to close). */
  const opened: Page[] = [];
  try {
    const [{ Printer }, { collectRoleTexts, fontCssOffThread }] = await Promise.all([import('./printer.js'), import('../fonts/fonts.js')]);
    trace('printer modules loaded');
    if (unused.aborted) throw new Error('no report to print');
    const chars = collectRoleTexts();
    addRunTexts(chars, files, options);
    const fonting = fontCssOffThread(chars.texts, { localFonts: options.localFonts ?? false, signal: fontsNeeded.signal });
    fonting.catch(() => undefined);
    void fonting.then(() => trace('fonts cut'), () => undefined);
    // Pages open while the fonts are cut; the browser's first tab is one of them.
    const handle = await launching;
    if (unused.aborted) throw new Error('no report to print');
    // (A remote browser's tabs are someone else's: only pages of our own are used there.)
    const initial = handle.executablePath ? (await handle.browser.pages()).slice(0, pageCount) : [];
    opened.push(...(await Promise.all(Array.from({ length: pageCount - initial.length }, () => handle.browser.newPage()))));
    const pages = [...initial, ...opened];
    trace('pages opened');
    const printer = await Printer.start(handle, await fonting, { timeoutMs }, pages);
    trace('pages ready');
    return printer;
  } catch (error) {
    stopFonts();
    stopLaunch.abort();
    // A browser that started before the failure must not outlive the run (nor our tabs in a remote one).
    const handle = await launching.catch(() => undefined);
    // Our own tabs only, in a remote browser: its other tabs are someone else's.
    if (handle && !handle.executablePath) for (const page of opened) await page.close().catch(() => undefined);
    await handle?.close().catch(() => undefined);
    const lost = handle ? !handle.browser.connected && Boolean(handle.executablePath) : error instanceof BrowserLaunchError && error.killedBy !== undefined;
    throw lost ? new BrowserLostError(error) : error;
  } finally {
    unused.removeEventListener('abort', stopFonts);
  }
}

/**
 * Adds the characters the run's documents can show: the built-in and custom templates, and the
 * raw text of every input (whatever of it a document shows is in there), per role for the
 * title, bold text and headings.
 */
function addRunTexts(chars: { add(role: FontRole, text: string): void }, files: readonly string[], options: BuildOptions): void {
  chars.add('body', folderText(TEMPLATES_DIR));
  const addProfile = (dir: string | undefined) => dir && chars.add('body', folderText(dir));
  addProfile(customProfileDir(options.profile, process.cwd()));
  for (const file of files) {
    let text: string;
    try {
      // Decoded as the loader decodes it (GB18030 and UTF-16 files too).
      const decoded = decodeText(readFileSync(file));
      if (!decoded.ok) continue;
      text = decoded.text;
    } catch {
      continue; // reported by the loader
    }
    if (options.profile === undefined) addProfile(customProfileDir(profileRefIn(text), dirname(resolve(file))));
    chars.add('body', text);
    for (const m of text.matchAll(/\*\*(.+?)\*\*/g)) chars.add('bold', m[1]!);
    for (const m of text.matchAll(/^\s*title:(.*)$/gm)) chars.add('title', m[1]!);
    for (const m of text.matchAll(/^\s*-?\s*heading:(.*)$/gm)) {
      chars.add('hei', m[1]!);
      chars.add('kai', m[1]!);
    }
  }
}
