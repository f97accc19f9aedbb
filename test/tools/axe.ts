/**
 * Runs axe-core (the accessibility engine browsers' own audits use) on a page opened in the
 * real Chromium. Report pages forbid scripts by their content security policy, so the page is
 * opened with the policy bypassed and axe is added as a script tag; nothing of the report runs.
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { AxeResults, Result } from 'axe-core';
import { findBrowser } from '../../src/print/find-browser.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Starts the browser nianbao itself would use. */
export async function startBrowser(): Promise<Browser> {
  return puppeteer.launch({ executablePath: await findBrowser(), headless: true, args: ['--no-sandbox'] });
}

/** A fresh page of `browser` at `width` CSS pixels, with the page's content security policy bypassed. */
export async function openPage(browser: Browser, url: string, width = 1024): Promise<Page> {
  const page = await browser.newPage();
  await page.setBypassCSP(true);
  await page.setViewport({ width, height: 800 });
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/** axe's results for the page as it stands (every WCAG 2.x A/AA rule and the best practices). */
export async function runAxe(page: Page): Promise<AxeResults> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(() => (globalThis as unknown as { axe: { run: () => Promise<AxeResults> } }).axe.run());
}

/** The violations of impact serious or critical: what must never ship. */
export function seriousViolations(results: AxeResults): Result[] {
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Violations as lines a person can act on: impact, rule, help, and where (first three places). */
export function describeViolations(violations: readonly Result[]): string {
  return violations
    .map((v) => {
      const places = v.nodes.slice(0, 3).map((n) => `    at ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s*\n\s*/g, ' ') ?? ''}`);
      return [`  ${v.impact} ${v.id}: ${v.help} (${v.nodes.length} element${v.nodes.length === 1 ? '' : 's'}; ${v.helpUrl})`, ...places].join('\n');
    })
    .join('\n');
}
