/**
 * The PDFs of a watch: one browser kept warm for the session, printing the newest good save.
 * Printing runs beside the page updates, never in front of them: a save made while a PDF is
 * being printed waits for no PDF, and a PDF already out of date when its turn comes is skipped.
 * A browser that failed to start is tried again at the next save.
 */

import type { RoleTexts } from '../fonts/fonts.js';
import type { Report } from '../model/model.js';
import type { PrintService } from '../print/start.js';
import { TEMPLATES_DIR } from '../profiles/profile.js';
import type { ProfileFiles } from '../profiles/files.js';
import { writeOutputs } from '../run/outputs.js';
import type { BuildOptions } from '../run/result.js';
import type { Diagnostic } from '../diagnostics.js';
import { commonCharacters } from './common-characters.js';

/** A good save to print. */
export interface PdfJob {
  readonly version: number;
  /** When the save was noticed (performance.now()). */
  readonly noticed: number;
  readonly report: Report;
  readonly html: string;
  readonly diagnostics: readonly Diagnostic[];
  /** The parsed report and the texts it quotes from last year: the characters to print. */
  readonly texts: (chars: { add(role: keyof RoleTexts, text: string): void }) => void;
}

/** A PDF written, or why not. */
export interface PdfUpdate {
  readonly version: number;
  readonly path: string;
  /** From the save noticed to the PDF written, in ms. */
  readonly ms: number;
  readonly error?: Error;
}

/** The characters the fonts were cut to, per role. */
type Cut = { readonly texts: Record<keyof RoleTexts, Set<string>>; readonly chars: Record<keyof RoleTexts, Set<string>> };

const charsOf = (texts: Record<keyof RoleTexts, Set<string>>) =>
  Object.fromEntries(Object.entries(texts).map(([role, set]) => [role, new Set([...set].flatMap((t) => [...t]))])) as Cut['chars'];

/** Prints the newest job given, one at a time, to `path`. */
export class PdfQueue {
  private newest: PdfJob | undefined;
  private printing: Promise<void> = Promise.resolve();
  private busy = false;
  private printer: Promise<PrintService> | undefined;
  private fonts: Cut | undefined;
  private closed = false;

  constructor(
    private readonly file: string,
    private readonly path: string,
    private readonly options: BuildOptions,
    private readonly profileFiles: ProfileFiles,
    private readonly onPdf: (update: PdfUpdate) => void,
  ) {}

  /** Asks for this save's PDF (a newer request replaces one not yet started). */
  request(job: PdfJob): void {
    this.newest = job;
    if (this.busy || this.closed) return;
    this.busy = true;
    this.printing = this.drain().finally(() => (this.busy = false));
  }

  /** Waits out the PDF being printed, then closes the browser. */
  async close(): Promise<void> {
    this.closed = true;
    this.newest = undefined;
    await this.printing.catch(() => undefined);
    const service = await this.printer?.catch(() => undefined);
    await service?.close();
  }

  private async drain(): Promise<void> {
    for (let job = this.take(); job && !this.closed; job = this.take()) {
      try {
        const service = await (this.printer ??= this.start(job));
        await this.growFonts(service, job);
        const outputs = [this.path];
        const result = await writeOutputs(this.file, { index: 0, report: job.report, diagnostics: job.diagnostics, html: job.html, outputs, checkMs: 0 }, ['pdf'], this.options, service);
        this.onPdf({ version: job.version, path: this.path, ms: Math.round(performance.now() - job.noticed), ...(result.error ? { error: result.error } : {}) });
      } catch (error) {
        // The browser did not start (or died starting): said now, tried again at the next save.
        this.printer = undefined;
        this.onPdf({ version: job.version, path: this.path, ms: Math.round(performance.now() - job.noticed), error: error as Error });
      }
    }
  }

  private take(): PdfJob | undefined {
    const job = this.newest;
    this.newest = undefined;
    return job;
  }

  /** The warm browser, its fonts cut to the report's characters and the common ones. */
  private async start(job: PdfJob): Promise<PrintService> {
    const [{ startPrinter }, { collectRoleTexts }] = await Promise.all([import('../print/start.js'), import('../fonts/fonts.js')]);
    const chars = collectRoleTexts();
    chars.add('body', this.profileFiles.folderText(TEMPLATES_DIR));
    const common = commonCharacters();
    for (const role of Object.keys(chars.texts) as (keyof RoleTexts)[]) chars.add(role, common);
    job.texts(chars);
    this.fonts = { texts: chars.texts, chars: charsOf(chars.texts) };
    return startPrinter([], 1, this.options, { unused: new AbortController().signal, onLaunch: () => undefined, profileFiles: this.profileFiles, texts: chars.texts });
  }

  /** A character the fonts lack (a rare one typed since): the fonts are cut again with it. */
  private async growFonts(service: PrintService, job: PdfJob): Promise<void> {
    const { collectRoleTexts, fontCssOffThread } = await import('../fonts/fonts.js');
    const now = collectRoleTexts();
    job.texts(now);
    const cut = this.fonts!;
    let grown = false;
    for (const [role, chars] of Object.entries(charsOf(now.texts)) as [keyof RoleTexts, Set<string>][]) {
      const missing = [...chars].filter((c) => !cut.chars[role].has(c));
      if (!missing.length) continue;
      for (const c of missing) cut.chars[role].add(c);
      cut.texts[role].add(missing.join(''));
      grown = true;
    }
    if (grown) service.useFonts?.(await fontCssOffThread(cut.texts, { localFonts: this.options.localFonts ?? false }));
  }
}
