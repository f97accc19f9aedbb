/**
 * Prints many documents with one browser: a bounded pool of pages, each loaded once with the
 * run's fonts and then reused (the fonts stay decoded), sealed (no script, no request), with a
 * per-document timeout, and a relaunch when the browser crashes or is killed.
 */

import type { Page } from 'puppeteer-core';
import type { BrowserHandle } from './browser.js';
import type { FontCss } from '../fonts/fonts.js';
import { withTimeout } from './deadline.js';
import { prepareForPrint } from './layout.js';
import { CONTENT_SECURITY_POLICY } from '../render/render.js';

/** The page could not be printed (timeout, crash, fonts that never loaded). */
export class PrintError extends Error {
  constructor(
    message: string,
    options?: { cause: unknown },
    /** The browser the document was being printed on, when it was lost. */
    readonly lostBrowser?: BrowserHandle,
  ) {
    super(message, options);
    this.name = 'PrintError';
  }
}

/** How a Printer runs. */
export interface PrinterOptions {
  /** Milliseconds before a document that does not print is abandoned. */
  readonly timeoutMs: number;
  /** Printed on both sides: even pages' margins mirror odd pages' (binding edge inside). */
  readonly duplex?: boolean;
}

/**
 * Both sides of a sheet: an even page's binding margin is on its right, so that the type areas
 * and the page numbers of the two sides fall on each other (GB/T 9704 §7.5: within 2 mm).
 */
export const DUPLEX_CSS = '@media print { @page :left { margin-left: 26mm; margin-right: 28mm; } }';

/** How one document is printed. */
export interface PrintOptions {
  /** Style added after the document's own (a report printed for a volume loses its page numbers). */
  readonly css?: string;
}

/** A page that holds the fonts and receives one document after another. */
interface PoolPage {
  readonly page: Page;
  documents: number;
}

/** Pages are replaced after this many documents, so that nothing can build up in one. */
const DOCUMENTS_PER_PAGE = 100;

/** The shell every page starts from: the run's fonts and the same CSP as the documents. */
function shellHtml(fonts: FontCss): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<style id="nb-fonts">${fonts.faces}</style></head><body></body></html>`;
}

/** One browser and its pages, for the length of a run. */
export class Printer {
  private handle: BrowserHandle;
  private readonly idle: PoolPage[] = [];
  /** Every page this printer opened, to close them in a browser it does not own. */
  private readonly opened = new Set<Page>();
  private relaunching: Promise<void> | undefined;
  private closed = false;

  private constructor(
    handle: BrowserHandle,
    private fonts: FontCss,
    private readonly options: PrinterOptions,
    /** The browser's version, e.g. `Chrome/156.0.8078.108`. */
    readonly version: string,
  ) {
    this.handle = handle;
  }

  /**
   * A printer over a launched browser. `pages` opened while the fonts were being cut are set
   * up now, in parallel, and wait in the pool.
   */
  static async start(handle: BrowserHandle, fonts: FontCss, options: PrinterOptions, pages: readonly Page[] = []): Promise<Printer> {
    const printer = new Printer(handle, fonts, options, await handle.browser.version());
    printer.idle.push(...(await Promise.all(pages.map((page) => printer.setUp(page)))));
    return printer;
  }

  /**
   * Prints one document. A document whose print fails because the browser died is retried
   * once on a relaunched browser; any other failure is the document's own.
   */
  async print(html: string, options: PrintOptions = {}): Promise<Uint8Array> {
    try {
      return await this.printOnce(html, options);
    } catch (error) {
      if (!(error instanceof PrintError) || !error.lostBrowser || this.closed) throw error;
      await this.relaunch(error.lostBrowser);
      return this.printOnce(html, options);
    }
  }

  private async printOnce(html: string, options: PrintOptions): Promise<Uint8Array> {
    const handle = this.handle;
    let pooled: PoolPage | undefined;
    try {
      pooled = this.idle.pop() ?? (await this.newPage(handle));
      const page = pooled.page;
      const work = (async () => {
        const css = [this.fonts.variables, ...(this.options.duplex ? [DUPLEX_CSS] : []), ...(options.css ? [options.css] : [])].join('\n');
        await page.evaluate(loadDocument, html, css);
        // Breaks that need the laid-out page: labels repeated over page breaks, whole phone numbers.
        await page.evaluate(prepareForPrint);
        // No backgrounds: the documents are black on white, and painting none is less work.
        return page.pdf({ preferCSSPageSize: true, printBackground: false, displayHeaderFooter: false, tagged: true, outline: true, timeout: this.options.timeoutMs });
      })();
      const pdf = await withTimeout(work, this.options.timeoutMs, () => new PrintError(`no PDF after ${this.options.timeoutMs} ms`));
      pooled.documents++;
      if (pooled.documents < DOCUMENTS_PER_PAGE && handle === this.handle) this.idle.push(pooled);
      else void page.close().catch(() => undefined);
      pooled = undefined;
      return pdf;
    } catch (cause) {
      // A page that failed is never reused: close it without waiting on a hung renderer.
      if (pooled) void pooled.page.close().catch(() => undefined);
      const lost = handle.lost;
      if (cause instanceof PrintError && !lost) throw cause;
      throw new PrintError(lost ? 'the browser closed or crashed' : `printing failed: ${(cause as Error)?.message ?? String(cause)}`, { cause }, lost ? handle : undefined);
    }
  }

  private async newPage(handle: BrowserHandle): Promise<PoolPage> {
    return this.setUp(await handle.browser.newPage());
  }

  private async setUp(page: Page): Promise<PoolPage> {
    this.opened.add(page);
    page.once('close', () => this.opened.delete(page));
    page.setDefaultTimeout(this.options.timeoutMs);
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    // data: URLs never reach this handler; everything else is refused.
    page.on('request', (request) => void request.abort('blockedbyclient').catch(() => undefined));
    await page.setContent(shellHtml(this.fonts), { waitUntil: 'load' });
    // The layout steps measure the page as it prints.
    await page.emulateMediaType('print');
    // Functions sent to the page keep their names when run from TypeScript sources (tsx, esbuild's
    // keepNames), through a helper the page must have.
    await page.evaluate('globalThis.__name = globalThis.__name || ((f) => f)');
    return { page, documents: 0 };
  }

  /**
   * Prints from now on with other fonts (a watched report came to show characters the first
   * cut lacked): pages set up with the old fonts are let go, new ones take the new fonts.
   */
  useFonts(fonts: FontCss): void {
    this.fonts = fonts;
    for (const pooled of this.idle.splice(0)) void pooled.page.close().catch(() => undefined);
  }

  /**
   * Replaces a lost browser once, however many documents noticed the loss; a browser already
   * replaced is left alone, and a printer closed meanwhile ends the new browser at once.
   */
  private async relaunch(lost: BrowserHandle): Promise<void> {
    if (this.handle !== lost && !this.relaunching) return;
    if (!this.relaunching) {
      this.relaunching = (async () => {
        this.idle.length = 0;
        await lost.close().catch(() => undefined);
        const next = await lost.reopen(this.options.timeoutMs);
        if (this.closed) {
          await next.kill();
          throw new PrintError('the run was stopped');
        }
        this.handle = next;
      })().finally(() => {
        this.relaunching = undefined;
      });
    }
    await this.relaunching;
  }

  /**
   * Closes the browser we started and removes its profile folder; from a remote browser, closes
   * our pages and disconnects, leaving the browser running.
   */
  async close(): Promise<void> {
    await this.stop();
    await this.handle.close();
  }

  /** Stops at once (an interrupted run): documents being printed fail, and the browser goes. */
  async abort(): Promise<void> {
    await this.stop();
    await this.handle.kill();
  }

  /** No more printing: waits out a relaunch, and closes our pages in a browser we do not own. */
  private async stop(): Promise<void> {
    this.closed = true;
    await this.relaunching?.catch(() => undefined);
    this.idle.length = 0;
    if (!this.handle.ours) await Promise.all([...this.opened].map((page) => page.close().catch(() => undefined)));
  }
}

/**
 * Runs in the page (through the DevTools protocol; page scripts stay disabled): replaces the
 * previous document's head styles and body with those of `html`, keeping the loaded fonts, and
 * resolves once every font the document needs is ready. Style sheets identical to the previous
 * document's are kept, which spares the renderer parsing them again.
 */
async function loadDocument(html: string, fontVariables: string): Promise<void> {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  document.title = doc.title;
  document.documentElement.lang = doc.documentElement.lang || 'zh-CN';
  const wanted = [...Array.from(doc.head.querySelectorAll('style')).map((s) => s.textContent ?? ''), fontVariables];
  const current = Array.from(document.head.querySelectorAll<HTMLStyleElement>('style:not(#nb-fonts)'));
  if (current.length !== wanted.length || current.some((s, i) => s.textContent !== wanted[i])) {
    for (const el of current) el.remove();
    for (const css of wanted) {
      const style = document.createElement('style');
      style.textContent = css;
      document.head.appendChild(style);
    }
  }
  document.body.replaceWith(document.importNode(doc.body, true));
  // A face used only in a page-margin box is never loaded on its own: ask for it.
  await document.fonts.load('14pt "NB Serif"', '— 0123456789');
  await document.fonts.ready;
}
