/**
 * `watch`: one report rebuilt on every save. The report (and last year's, which it quotes) is
 * watched; each save is checked and rendered in this process, and, with `pdf`, printed by a
 * browser kept warm for the whole session. Every outcome — a page, or the diagnostics that stop
 * it — goes to the listeners (the preview server). A broken save leaves the session running.
 */

import { watch as watchFolder, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { addReportTexts } from '../fonts/report-texts.js';
import type { RoleTexts } from '../fonts/fonts.js';
import type { PrintService } from '../print/start.js';
import { TEMPLATES_DIR } from '../profiles/profile.js';
import { readInput } from '../source/read.js';
import { checkInput, newRunCache, previousOf, type RunCache } from '../run/load.js';
import { outputPath } from '../run/inputs.js';
import { writeOutputs } from '../run/outputs.js';
import type { BuildOptions } from '../run/result.js';
import { commonCharacters } from './common-characters.js';

/** What one save came to. */
export interface Update {
  /** Counts the saves built, from 1. */
  readonly version: number;
  /** The page rendered (no errors); otherwise `diagnostics` say why not. */
  readonly ok: boolean;
  readonly html?: string;
  readonly diagnostics: readonly Diagnostic[];
  /** From the save noticed to the page ready, in ms. */
  readonly ms: number;
}

/** A PDF written after a good save. */
export interface PdfUpdate {
  readonly version: number;
  readonly path: string;
  /** From the save noticed to the PDF written, in ms. */
  readonly ms: number;
  readonly error?: Error;
}

export interface WatchOptions extends Pick<BuildOptions, 'browser' | 'browserWs' | 'localFonts' | 'timeoutMs' | 'profile'> {
  /** Also print the PDF after every good save. */
  readonly pdf?: boolean;
  readonly outDir?: string;
  readonly onUpdate?: (update: Update) => void;
  readonly onPdf?: (update: PdfUpdate) => void;
}

/** A running watch. */
export interface WatchSession {
  /** The latest outcome. */
  readonly latest: () => Update;
  /** Stops watching and closes the browser. */
  close(): Promise<void>;
}

/** Waits this long after a change for the editor to finish writing (a save can be several writes). */
const SETTLE_MS = 15;

/** Builds `file` now and after every change; resolves once the first build is done. */
export async function startWatch(file: string, options: WatchOptions = {}): Promise<WatchSession> {
  const path = resolve(file);
  const outDir = options.outDir ?? 'out';
  // Profiles and template files are read once a session; the report and last year's at every save.
  const kept = newRunCache();
  const freshCache = (): RunCache => ({ ...kept, reads: new Map() });
  let version = 0;
  let latest: Update = { version: 0, ok: false, diagnostics: [], ms: 0 };
  let printer: Promise<PrintService> | undefined;
  let fonts: Record<keyof RoleTexts, Set<string>> | undefined;
  let closed = false;

  const rebuild = async (noticed: number): Promise<void> => {
    const cache = freshCache();
    const input = readInput(file, cache.reads);
    const loaded = await checkInput(input, { ...(options.profile ? { profile: options.profile } : {}), render: true }, cache);
    const ok = Boolean(loaded.report && loaded.html !== undefined);
    latest = { version: ++version, ok, ...(ok ? { html: loaded.html! } : {}), diagnostics: loaded.diagnostics, ms: Math.round(performance.now() - noticed) };
    watchPrevious(input.parsed?.value);
    options.onUpdate?.(latest);
    if (!ok || !options.pdf || closed) return;
    const doc = input.parsed?.value;
    const service = await (printer ??= startPrinterFor(doc));
    await growFonts(service, doc);
    const outputs = [outputPath(path, dirname(path), outDir, 'pdf')];
    const job = { index: 0, report: loaded.report!, diagnostics: loaded.diagnostics, html: loaded.html!, outputs, checkMs: 0 };
    const result = await writeOutputs(path, job, ['pdf'], options, service);
    options.onPdf?.({ version: latest.version, path: outputs[0]!, ms: Math.round(performance.now() - noticed), ...(result.error ? { error: result.error } : {}) });
  };

  /** The warm browser, its fonts cut to the report's characters and the common ones. */
  const startPrinterFor = async (doc: unknown): Promise<PrintService> => {
    const [{ startPrinter }, { collectRoleTexts }] = await Promise.all([import('../print/start.js'), import('../fonts/fonts.js')]);
    const chars = collectRoleTexts();
    chars.add('body', kept.files.folderText(TEMPLATES_DIR));
    const common = commonCharacters();
    for (const role of Object.keys(chars.texts) as (keyof RoleTexts)[]) chars.add(role, common);
    addReportTexts(chars, doc);
    fonts = chars.texts;
    return startPrinter([], 1, options, { unused: new AbortController().signal, onLaunch: () => undefined, profileFiles: kept.files, texts: chars.texts });
  };

  /** A character the fonts lack (a rare one typed since): the fonts are cut again with it. */
  const growFonts = async (service: PrintService, doc: unknown): Promise<void> => {
    const { collectRoleTexts, fontCssOffThread } = await import('../fonts/fonts.js');
    const now = collectRoleTexts();
    addReportTexts(now, doc);
    let grown = false;
    for (const [role, chars] of Object.entries(now.texts) as [keyof RoleTexts, Set<string>][]) {
      for (const text of chars) for (const c of text) if (!fonts![role].has(c)) (fonts![role].add(c), (grown = true));
    }
    if (grown && 'useFonts' in service) (service as { useFonts(f: unknown): void }).useFonts(await fontCssOffThread(fonts!, { localFonts: options.localFonts ?? false }));
  };

  // One build at a time: saves during a build make one more build after it.
  let running: Promise<void> = Promise.resolve();
  let pending = false;
  let timer: NodeJS.Timeout | undefined;
  const changed = () => {
    const noticed = performance.now();
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (pending) return;
      pending = true;
      running = running.then(() => {
        pending = false;
        return closed ? undefined : rebuild(noticed).catch((error: unknown) => options.onPdf?.({ version, path: '', ms: 0, error: error as Error }));
      });
    }, SETTLE_MS);
  };

  // Editors save by writing in place or by renaming a new file over the old: watch the folder.
  const watchers = new Map<string, FSWatcher>();
  const watched = new Set<string>();
  const watchFile = (target: string) => {
    if (watched.has(target)) return;
    watched.add(target);
    const folder = dirname(target);
    if (watchers.has(folder)) return;
    const w = watchFolder(folder, (_event, name) => {
      if (name && [...watched].some((t) => dirname(t) === folder && basename(t) === String(name))) changed();
    });
    w.on('error', () => undefined);
    watchers.set(folder, w);
  };
  const watchPrevious = (doc: unknown) => {
    const previous = previousOf(path, doc);
    if (previous) watchFile(previous);
  };
  watchFile(path);

  await rebuild(performance.now()).catch(() => undefined);
  return {
    latest: () => latest,
    async close() {
      closed = true;
      clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      await running.catch(() => undefined);
      const service = await printer?.catch(() => undefined);
      await service?.close();
    },
  };
}
