/**
 * Drives `nianbao watch` as a clerk uses it: the command started on a report, its preview page
 * open in the real Chromium, the report saved and what the page shows waited for. Shared by
 * the watch tests and the benchmark (save-to-screen and save-to-PDF times).
 */

import { spawn } from 'node:child_process';
import { copyFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findBrowser } from '../../src/print/find-browser.js';

const ROOT = join(import.meta.dirname, '..', '..');

export interface WatchDriver {
  readonly page: Page;
  readonly url: string;
  /** Everything the command printed so far. */
  readonly stdout: () => string;
  /** Saves the report as an editor does (a new file renamed over the old); returns when written. */
  save(text: string): number;
  /** Waits until the frame shows a page whose text includes `text`; the ms since `since`. */
  shows(text: string, since: number, timeoutMs?: number): Promise<number>;
  /** Waits until the page shows diagnostics whose text includes `text`. */
  showsProblem(text: string, timeoutMs?: number): Promise<string>;
  /** Waits for a PDF newer than the page's version `after`; the ms since `since`. */
  pdfAfter(after: number, since: number, timeoutMs?: number): Promise<number>;
  /** Top-level navigations of the preview page (1: it never reloaded as a whole). */
  readonly navigations: () => number;
  /** Ctrl-C: resolves to the command's exit code. */
  stop(): Promise<number | null>;
}

/** Starts `nianbao watch file …args` and opens its page; `file` is the report to save over. */
export async function startWatchDriver(file: string, args: string[] = []): Promise<WatchDriver> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'nianbao.js'), 'watch', file, ...args], {
    cwd: dirname(file),
    env: { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stdout += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(stdout);
      if (m) (clearInterval(timer), resolve(m[0]));
    }, 20);
    void exited.then((code) => (clearInterval(timer), reject(new Error(`watch ended (${code}): ${stdout}`))));
  });
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({ executablePath: await findBrowser(), headless: true, args: ['--no-sandbox'] });
    const page = await browser.newPage();
    let navigations = 0;
    page.on('framenavigated', (frame) => frame === page.mainFrame() && navigations++);
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.shown !== undefined, { timeout: 60_000 });
    let saves = 0;
    return {
      page,
      url,
      stdout: () => stdout,
      save(text) {
        const temp = join(dirname(file), `.save-${++saves}.tmp`);
        writeFileSync(temp, text);
        const at = performance.now();
        renameSync(temp, file);
        return at;
      },
      async shows(text, since, timeoutMs = 15_000) {
        await page.waitForFunction(
          (t) => {
            const frame = document.getElementById('report') as HTMLIFrameElement;
            return document.body.dataset.state === 'ok' && document.body.dataset.shown === frame.dataset.version && (frame.contentDocument?.body?.innerText ?? '').includes(t);
          },
          { timeout: timeoutMs, polling: 2 },
          text,
        );
        return performance.now() - since;
      },
      async showsProblem(text, timeoutMs = 15_000) {
        await page.waitForFunction((t) => document.body.dataset.state === 'error' && (document.getElementById('problems')?.innerText ?? '').includes(t), { timeout: timeoutMs, polling: 5 }, text);
        return page.evaluate(() => document.getElementById('problems')!.innerText);
      },
      async pdfAfter(after, since, timeoutMs = 30_000) {
        await page.waitForFunction((v) => Number(document.body.dataset.pdf ?? 0) > v, { timeout: timeoutMs, polling: 2 }, after);
        return performance.now() - since;
      },
      navigations: () => navigations,
      async stop() {
        await browser?.close();
        child.kill('SIGINT');
        return exited;
      },
    };
  } catch (error) {
    await browser?.close();
    child.kill('SIGKILL');
    throw error;
  }
}

/** The national example and its last year in `dir`; the 2024 file's path. */
export function exampleIn(dir: string): string {
  for (const year of [2023, 2024]) copyFileSync(join(ROOT, 'examples', `chengchuan-eco-${year}.yaml`), join(dir, `chengchuan-eco-${year}.yaml`));
  return join(dir, 'chengchuan-eco-2024.yaml');
}
