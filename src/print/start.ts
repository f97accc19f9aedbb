/**
 * Getting a run's printer ready: the browser found and started (or connected to), the pages
 * opened, and the fonts cut to the characters the run's documents can show, all at once.
 * Puppeteer, the printer and the fonts are loaded only here, so that `check` never loads them.
 */

import type { Page } from 'puppeteer-core';
import type { BrowserSource } from './browser.js';
import type { PrintOptions } from './printer.js';
import type { BuildOptions } from '../run/result.js';
import { addReportTexts, type RoleChars } from '../fonts/report-texts.js';
import type { FontCss, RoleTexts } from '../fonts/fonts.js';
import { customProfileOf, TEMPLATES_DIR } from '../profiles/profile.js';
import type { ProfileFiles } from '../profiles/files.js';
import type { Input, Reads } from '../source/read.js';
import { trace } from '../run/trace.js';
import { previousFigureTexts } from '../source/previous.js';

/** What the workers of a build need of a printer (see printer.ts). */
export interface PrintService {
  print(html: string, options?: PrintOptions): Promise<Uint8Array>;
  close(): Promise<void>;
  abort(): Promise<void>;
  readonly version: string;
  /** Prints from now on with other fonts (a watch's report came to show new characters). */
  useFonts?(fonts: FontCss): void;
}

/** What startPrinter is told by the run: whether it is still needed, and whom to tell of the launch. */
interface StartControl {
  /** Aborted when no report needs printing: the start gives up once the browser is up. */
  readonly unused: AbortSignal;
  /** Called once the browser's process is started. */
  readonly onLaunch: () => void;
  /** The run's profile files (read once a run), whose characters the fonts must hold. */
  readonly profileFiles: ProfileFiles;
  /** The characters to cut the fonts to, when the caller knows them (watch); else the inputs'. */
  readonly texts?: RoleTexts;
  /** The run's reads, through which last year's reports are read (once a run). */
  readonly reads?: Reads;
}

/**
 * Finds and launches the browser while the fonts are cut to the characters the inputs can
 * show: what the parsed reports say (per role: titles, headings, bold) and the profiles'
 * templates. A browser
 * of ours that crashed or was killed while getting ready is started once more; one that fails
 * by itself (missing, broken, unreachable) would only fail again.
 */
export async function startPrinter(files: readonly Input[], jobs: number, options: BuildOptions, control: StartControl): Promise<PrintService> {
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
  files: readonly Input[],
  jobs: number,
  options: BuildOptions,
  { unused, onLaunch, profileFiles, texts, reads }: StartControl,
): Promise<PrintService> {
  const pageCount = Math.min(jobs, files.length);
  const remote = options.browserWs ?? process.env.NIANBAO_BROWSER_WS;
  // Puppeteer's launcher is loaded with the rest, so that the browser starts as soon as it is found.
  const [{ BrowserLaunchError, openBrowser }, { findBrowser }] = await Promise.all([
    import('./browser.js'),
    import('./find-browser.js'),
    remote ? undefined : import('@puppeteer/browsers'),
  ]);
  // Stopped when the run does not need the printer, or when getting it ready fails.
  const stopLaunch = new AbortController();
  const timeoutMs = options.timeoutMs ?? 60_000;
  let source: BrowserSource;
  if (remote) source = { endpoint: remote };
  else {
    source = { executablePath: await findBrowser(options.browser ? { explicit: options.browser } : {}) };
    trace(`browser found: ${source.executablePath}`);
  }
  const launching = openBrowser(source, timeoutMs, AbortSignal.any([unused, stopLaunch.signal]), onLaunch);
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
    let cut = texts;
    if (!cut) {
      const chars = collectRoleTexts();
      addRunTexts(chars, files, options, profileFiles, reads);
      cut = chars.texts;
    }
    const fonting = fontCssOffThread(cut, { localFonts: options.localFonts ?? false, signal: fontsNeeded.signal });
    fonting.catch(() => undefined);
    void fonting.then(() => trace('fonts cut'), () => undefined);
    // Pages open while the fonts are cut; the browser's first tab is one of them.
    const handle = await launching;
    if (unused.aborted) throw new Error('no report to print');
    // (A remote browser's tabs are someone else's: only pages of our own are used there.)
    const initial = handle.ours ? (await handle.browser.pages()).slice(0, pageCount) : [];
    opened.push(...(await Promise.all(Array.from({ length: pageCount - initial.length }, () => handle.browser.newPage()))));
    const pages = [...initial, ...opened];
    trace('pages opened');
    const printer = await Printer.start(handle, await fonting, { timeoutMs, ...(options.duplex ? { duplex: true } : {}) }, pages);
    trace('pages ready');
    return printer;
  } catch (error) {
    stopFonts();
    stopLaunch.abort();
    // A browser that started before the failure must not outlive the run (nor our tabs in a remote one).
    const handle = await launching.catch(() => undefined);
    // Our own tabs only, in a remote browser: its other tabs are someone else's.
    if (handle && !handle.ours) for (const page of opened) await page.close().catch(() => undefined);
    await handle?.close().catch(() => undefined);
    const lost = handle ? handle.ours && handle.lost : error instanceof BrowserLaunchError && error.killedBy !== undefined;
    throw lost ? new BrowserLostError(error) : error;
  } finally {
    unused.removeEventListener('abort', stopFonts);
  }
}

/**
 * Adds the characters the run's documents can show: the built-in templates, the custom
 * profiles the reports use, and what each report says (per role, from its parsed YAML).
 */
export function addRunTexts(chars: RoleChars, inputs: readonly Input[], options: BuildOptions, profileFiles: ProfileFiles, reads?: Reads): void {
  chars.add('body', profileFiles.folderText(TEMPLATES_DIR));
  const profiles = new Set<string>();
  for (const input of inputs) {
    if (!input.parsed) continue; // reported by the checks; never printed
    const custom = customProfileOf(input.path, input.parsed.value, options.profile);
    if (custom && !profiles.has(custom)) {
      profiles.add(custom);
      chars.add('body', profileFiles.folderText(custom));
    }
    addReportTexts(chars, input.parsed.value);
    // What it quotes of last year's report as text ({{previous.figures.…}}).
    chars.add('body', previousFigureTexts(input.path, input.parsed.value, reads));
    // The fonts take the strings; the report is parsed again when its turn to be checked comes,
    // so that a batch does not hold every parsed report at once.
    input.release?.();
  }
}
