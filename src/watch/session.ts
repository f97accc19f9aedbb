/**
 * `watch`: one report rebuilt on every save. The report (and last year's, which it quotes) is
 * watched; each save is checked and rendered in this process, one build at a time, and the
 * outcome — a page, or the diagnostics that stop it — goes to the listeners (the preview
 * server). With `pdf`, a browser kept warm for the session prints the newest good save beside
 * the page updates (pdf.ts). A broken save leaves the session running.
 */

import { watch as watchFolder, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { addReportTexts } from '../fonts/report-texts.js';
import { readInput } from '../source/read.js';
import { previousFigureTexts, previousOf } from '../source/previous.js';
import { checkInput, newRunCache, type RunCache } from '../run/load.js';
import { outputPath } from '../run/inputs.js';
import type { BuildOptions } from '../run/result.js';
import { PdfQueue, type PdfUpdate } from './pdf.js';

export type { PdfUpdate };

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

export interface WatchOptions extends Pick<BuildOptions, 'browser' | 'browserWs' | 'localFonts' | 'timeoutMs' | 'profile'> {
  /** Also print the PDF after every good save. */
  readonly pdf?: boolean;
  readonly outDir?: string;
  readonly onUpdate?: (update: Update) => void;
  readonly onPdf?: (update: PdfUpdate) => void;
  /** A build that failed in nianbao itself (not the report's mistakes, which are diagnostics). */
  readonly onError?: (error: Error) => void;
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

/** Builds `file` now and after every change; resolves once the first page is built. */
export async function startWatch(file: string, options: WatchOptions = {}): Promise<WatchSession> {
  const path = resolve(file);
  // Profiles and template files are read once a session; the report and last year's at every save.
  const kept = newRunCache();
  const freshCache = (): RunCache => ({ ...kept, reads: new Map() });
  const pdfs = options.pdf ? new PdfQueue(path, outputPath(path, dirname(path), options.outDir ?? 'out', 'pdf'), options, kept.files, (u) => options.onPdf?.(u)) : undefined;
  let version = 0;
  let latest: Update = { version: 0, ok: false, diagnostics: [], ms: 0 };
  let closed = false;

  const rebuild = async (noticed: number): Promise<void> => {
    const cache = freshCache();
    const input = readInput(file, cache.reads);
    const doc = input.parsed?.value;
    const loaded = await checkInput(input, { ...(options.profile ? { profile: options.profile } : {}), render: true }, cache);
    const ok = Boolean(loaded.report && loaded.html !== undefined);
    latest = { version: ++version, ok, ...(ok ? { html: loaded.html! } : {}), diagnostics: loaded.diagnostics, ms: Math.round(performance.now() - noticed) };
    watchPrevious(doc);
    options.onUpdate?.(latest);
    if (!ok || closed) return;
    pdfs?.request({
      version,
      noticed,
      report: loaded.report!,
      html: loaded.html!,
      diagnostics: loaded.diagnostics,
      texts: (chars) => {
        addReportTexts(chars, doc);
        chars.add('body', previousFigureTexts(path, doc, cache.reads));
      },
    });
  };

  // One build at a time, the first included: saves during a build make one more build after it.
  let running: Promise<void> = Promise.resolve();
  let pending = false;
  let timer: NodeJS.Timeout | undefined;
  const schedule = (noticed: number) => {
    if (pending) return;
    pending = true;
    running = running.then(() => {
      pending = false;
      return closed ? undefined : rebuild(noticed).catch((error: unknown) => options.onError?.(error as Error));
    });
  };
  const changed = () => {
    const noticed = performance.now();
    clearTimeout(timer);
    timer = setTimeout(() => schedule(noticed), SETTLE_MS);
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

  schedule(performance.now());
  await running;
  return {
    latest: () => latest,
    async close() {
      closed = true;
      clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      await running.catch(() => undefined);
      await pdfs?.close();
    },
  };
}
