/**
 * Accessibility, checked by axe-core in the real Chromium: the report pages of every example
 * (and of the 2019 format, and a draft) on a desktop and a phone, and the site index as it
 * opens, sorted and filtered. No serious or critical violation may remain; any is printed with
 * its rule, its elements and how to fix it.
 */

import assert from 'node:assert/strict';
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { writeDepartments } from './bench/generate.js';
import { FIXTURES, ROOT, runCli, tempDir } from './helpers.js';
import { describeViolations, openPage, runAxe, seriousViolations, startBrowser } from './tools/axe.js';

let browser: Browser;
const temp = tempDir('nianbao-a11y-');
before(async () => {
  browser = await startBrowser();
});
after(async () => {
  await browser?.close();
  temp.cleanup();
});

/** Fails with every serious or critical violation of the page at `url` (after `act`, if given). */
async function assertAccessible(url: string, width: number, act?: (page: Awaited<ReturnType<typeof openPage>>) => Promise<void>): Promise<void> {
  const page = await openPage(browser, url, width);
  try {
    await act?.(page);
    const serious = seriousViolations(await runAxe(page));
    assert.equal(serious.length, 0, `${url} at ${width} px:\n${describeViolations(serious)}`);
  } finally {
    await page.close();
  }
}

test('report pages: every example, the 2019 format and a draft have no serious or critical violation, on a desktop and a phone', async () => {
  const src = join(temp.dir, 'reports');
  const out = join(temp.dir, 'pages');
  const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml'));
  assert.ok(examples.length >= 4);
  const built = runCli(['build', join(ROOT, 'examples'), '--format', 'html', '-o', out]);
  assert.equal(built.code, 0, built.stdout);
  copyFileSync(join(FIXTURES, 'reports', 'right-gov2019-county-gov-2019.yaml'), join(temp.dir, 'gov2019.yaml'));
  assert.equal(runCli(['build', join(temp.dir, 'gov2019.yaml'), '--format', 'html', '-o', out]).code, 0);
  assert.equal(runCli(['init', join(src, 'draft.yaml'), '--year', '2025', '--org', '澄川市测试局']).code, 0);
  assert.equal(runCli(['build', join(src, 'draft.yaml'), '--format', 'html', '-o', out]).code, 0);
  const pages = readdirSync(out).filter((f) => f.endsWith('.html'));
  assert.deepEqual(pages.sort(), [...examples.map((e) => e.replace(/\.yaml$/, '.html')), 'draft.html', 'gov2019.html'].sort());
  for (const name of pages) {
    for (const width of [1280, 390]) await assertAccessible(pathToFileURL(join(out, name)).href, width);
  }
});

test('the site index has no serious or critical violation: as it opens, sorted, filtered, in both languages', async () => {
  const src = join(temp.dir, 'departments');
  writeDepartments(src, 3);
  const out = join(temp.dir, 'site-out');
  const built = runCli(['--reporter', 'json', 'build', src, '-o', out, '--site', join(out, 'site'), '--lang', 'zh-CN']);
  assert.equal(built.code, 0, built.stderr);
  // Saved where `nianbao site` looks for a run's results.
  writeFileSync(join(out, 'results-1.json'), built.stdout);
  const index = pathToFileURL(join(out, 'site', 'index.html')).href;
  for (const width of [1280, 390]) await assertAccessible(index, width);
  await assertAccessible(index, 1280, async (page) => {
    await page.click('#reports thead th:nth-child(1) button');
    await page.type('#filter-text', '教育');
  });
  assert.equal(runCli(['site', out, '--site', join(out, 'site-en'), '--lang', 'en']).code, 0);
  await assertAccessible(pathToFileURL(join(out, 'site-en', 'index.html')).href, 1280);
});
