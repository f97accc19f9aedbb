/** Prints rendered HTML to PDF in a sealed page: no script runs and no request leaves it. */

import type { Browser, HTTPRequest } from 'puppeteer';

/** Printing limits for one document. */
export interface PrintOptions {
  /** Milliseconds before a page that does not finish is abandoned. */
  readonly timeoutMs?: number;
}

/** The page could not be printed (timeout, crash, fonts that never loaded). */
export class PrintError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'PrintError';
  }
}

/**
 * Prints one HTML document to PDF bytes. The page runs no JavaScript and the document's own CSP
 * allows nothing but inline styles and data: fonts; any other request is aborted as well.
 */
export async function printPdf(browser: Browser, html: string, options: PrintOptions = {}): Promise<Uint8Array> {
  const timeout = options.timeoutMs ?? 60_000;
  const page = await browser.newPage();
  try {
    page.setDefaultTimeout(timeout);
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    // data: URLs cannot be intercepted (they never reach this handler as pausable requests).
    page.on('request', (request: HTTPRequest) => void request.abort('blockedbyclient').catch(() => undefined));
    await page.setContent(html, { waitUntil: 'load', timeout });
    // A face used only in a page-margin box is never loaded on its own: ask for it explicitly.
    await page.evaluate(() => document.fonts.load('14pt "NB Serif"', '— 0123456789').then(() => document.fonts.ready).then(() => undefined));
    return await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: false,
      tagged: true,
      outline: true,
      timeout,
    });
  } catch (cause) {
    throw new PrintError(`printing failed: ${(cause as Error)?.message ?? String(cause)}`, { cause });
  } finally {
    await page.close().catch(() => undefined);
  }
}
