/**
 * The site (`build --site`): its list of reports from build results (pure), and its index page
 * opened from the disk in the real Chromium — complete, filtered, sorted by keyboard, every
 * link a file that is there.
 */

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { writeDepartments } from './bench/generate.js';
import { runCli, tempDir } from './helpers.js';
import { siteEntries, type BuildDocument } from '../src/site/entries.js';
import { renderSiteIndex } from '../src/site/page.js';
import { SITE_CSP, SITE_CSS, SITE_SCRIPT } from '../src/site/assets.js';
import { startBrowser } from './tools/axe.js';

const doc = (outDir: string | null, files: NonNullable<BuildDocument['files']>): BuildDocument => ({ tool: { name: 'nianbao' }, command: 'build', outDir, files });
const ok = (file: string, org: string, out = 'out') => ({
  file,
  status: 'ok',
  outputs: [`${out}/${file.replace(/^in\//, '').replace(/\.yaml$/, '.pdf')}`, `${out}/${file.replace(/^in\//, '').replace(/\.yaml$/, '.html')}`],
  report: { title: `${org}2024年政府信息公开工作年度报告`, organization: org, year: 2024 },
  diagnostics: [],
});

test('entries: shards merged in file order, a file run twice takes its latest result, statuses and outputs below the output folder', () => {
  const first = doc('out', [ok('in/b/2.yaml', '乙局'), { ...ok('in/a.yaml', '甲局'), status: 'invalid', outputs: [], diagnostics: [{ code: 'NB5003', severity: 'error', suppressed: null }] }]);
  const second = doc('/abs/out', [
    { ...ok('in/a.yaml', '甲局', '/abs/out'), diagnostics: [{ code: 'NB6001', severity: 'warning', suppressed: null }, { code: 'NB6007', severity: 'warning', suppressed: '核实' }] },
    { file: 'in/ci.yml', status: 'skipped', outputs: [], diagnostics: [] },
    { file: 'in/empty/', status: 'invalid', outputs: [], diagnostics: [{ code: 'NB1008', severity: 'error', suppressed: null }] },
  ]);
  const entries = siteEntries([first, second], 'ignored');
  assert.deepEqual(entries.map((e) => [e.name, e.status, e.warnings, e.html, e.pdf]), [
    ['a.yaml', 'warnings', 1, 'a.html', 'a.pdf'],
    ['b/2.yaml', 'built', 0, 'b/2.html', 'b/2.pdf'],
  ]);
  assert.equal(entries[0]!.organization, '甲局');
  const failed = siteEntries([doc(null, [{ ...ok('in/a.yaml', '甲局'), status: 'failed', outputs: ['out/a.pdf'] }])], 'out');
  assert.equal(failed[0]!.status, 'failed');
  assert.equal(failed[0]!.pdf, undefined, 'a failed file links to nothing');
});

test('the index page: caption, header scopes, lang, the organization as row header; its policy allows its own style and script only', () => {
  const rows = [{ ...siteEntries([doc('out', [ok('in/a.yaml', '甲局')])], 'out')[0]!, htmlBytes: 2048, pdfBytes: 3 * 1024 * 1024 }];
  const zh = renderSiteIndex(rows, { lang: 'zh-CN', version: '9.9.9' });
  assert.match(zh, /^<!DOCTYPE html>\n<html lang="zh-CN">/);
  assert.match(zh, /<caption id="reports-caption">年度报告一览<\/caption>/);
  assert.equal((zh.match(/<th scope="col"/g) ?? []).length, 6);
  assert.match(zh, /<th scope="row">甲局<\/th>/);
  assert.match(zh, /<a href="a\.html">网页<span class="visually-hidden">：甲局 2024<\/span><\/a> <span class="size">2 KB<\/span>/);
  assert.match(zh, /<a href="a\.pdf">PDF.*3\.0 MB/);
  assert.match(zh, /<label for="filter-text">/);
  const en = renderSiteIndex(rows, { lang: 'en', version: '9.9.9' });
  assert.match(en, /<html lang="en">/);
  assert.match(en, /<th scope="row" lang="zh-CN">甲局<\/th>/, "the report's own words are marked Chinese");
  assert.match(en, /1 report: 1 built \(0 with warnings\)/);
  const hash = (text: string) => createHash('sha256').update(text).digest('base64');
  assert.ok(SITE_CSP.includes(`script-src 'sha256-${hash(SITE_SCRIPT)}'`));
  assert.ok(SITE_CSP.includes(`style-src 'sha256-${hash(SITE_CSS)}'`));
  assert.ok(zh.includes(`<script>${SITE_SCRIPT}</script>`) && zh.includes(`<style>${SITE_CSS}</style>`), 'byte for byte what the hashes allow');
  assert.match(renderSiteIndex([], { lang: 'zh-CN', version: '9.9.9' }), /<p>没有报告。<\/p>/);
});

/** The organizations of the rows the page shows, in order. */
const shownOrganizations = (page: Page) =>
  page.$$eval('#reports tbody tr', (rows) => rows.filter((r) => !(r as HTMLElement).hidden).map((r) => (r as HTMLTableRowElement).cells[0]!.textContent!.trim()));

test('build --site: the index opens from the disk, lists 20 reports, filters, sorts by keyboard, and every link is a file beside it', async () => {
  const { dir, cleanup } = tempDir();
  const browser = await startBrowser();
  try {
    const src = join(dir, 'departments');
    const files = writeDepartments(src, 20);
    // One report with an error (not built), one with a TODO (built, with a warning).
    writeFileSync(files[3]!, readFileSync(files[3]!, 'utf8').replace(/^(\s+licensing: )\d+/m, '$1-5'));
    writeFileSync(files[12]!, readFileSync(files[12]!, 'utf8').replace('intro: |\n', 'intro: |\n  TODO 补充。\n\n'));
    const out = join(dir, 'out');
    const r = runCli(['build', src, '-o', out, '--site', join(out, 'site'), '--lang', 'zh-CN']);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /已写入报告索引 .*index\.html。共 20 份报告：已生成 19 份（其中有警告 1 份），有错误、未生成 1 份。/);

    const page = await browser.newPage();
    const index = join(out, 'site', 'index.html');
    await page.goto(pathToFileURL(index).href);
    assert.equal(await page.$eval('html', (h) => h.lang), 'zh-CN');
    assert.equal((await shownOrganizations(page)).length, 20);
    const statuses = await page.$$eval('#reports tbody tr td:nth-child(4)', (cells) => cells.map((c) => c.textContent));
    assert.equal(statuses.filter((s) => s!.startsWith('有错误，未生成')).length, 1);
    assert.match(statuses[3]!, /有错误，未生成1 个错误（NB5002）/);
    assert.equal(statuses.filter((s) => s!.startsWith('已生成，有警告')).length, 1);
    assert.equal((await shownOrganizations(page))[3], '澄川市财政局', 'a report with errors is still named by its organization');

    // Every link is a file in the site folder: 19 pages and 19 PDFs.
    const hrefs = await page.$$eval('#reports a', (links) => links.map((a) => (a as HTMLAnchorElement).href));
    assert.equal(hrefs.length, 38);
    for (const href of hrefs) assert.ok(existsSync(fileURLToPath(href)), href);
    assert.ok(hrefs.every((h) => fileURLToPath(h).startsWith(join(out, 'site'))), 'the files are beside the index');

    // Filtering by one department's name leaves its row.
    await page.type('#filter-text', '澄川市教育局');
    assert.deepEqual(await shownOrganizations(page), ['澄川市教育局']);
    assert.equal(await page.$eval('#shown', (s) => s.textContent), '显示 1 / 20 份');
    await page.$eval('#filter-text', (input) => ((input as HTMLInputElement).value = ''));
    await page.type('#filter-text', 'dept-01');
    assert.equal((await shownOrganizations(page)).length, 10, 'file names filter too');
    await page.$eval('#filter-text', (input) => ((input as HTMLInputElement).value = ''));
    await page.type('#filter-text', ' ');
    assert.equal((await shownOrganizations(page)).length, 20);

    // Sorting by keyboard: Tab to the organization column's button, Enter, then Space to reverse.
    let focused = '';
    for (let i = 0; i < 10 && focused !== '机关'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement?.tagName === 'BUTTON' ? document.activeElement.textContent! : ''));
    }
    assert.equal(focused, '机关', 'the header is a button reached by Tab');
    const before = await shownOrganizations(page);
    const collator = new Intl.Collator('zh-CN', { numeric: true });
    await page.keyboard.press('Enter');
    const ascending = await shownOrganizations(page);
    assert.deepEqual(ascending, [...before].sort(collator.compare));
    assert.notDeepEqual(ascending, before);
    const sortOf = () => page.$$eval('#reports thead th', (ths) => ths.map((th) => th.getAttribute('aria-sort')));
    assert.deepEqual(await sortOf(), ['ascending', null, null, null, null, null]);
    await page.keyboard.press('Space');
    assert.deepEqual(await shownOrganizations(page), [...ascending].reverse());
    assert.deepEqual(await sortOf(), ['descending', null, null, null, null, null]);
    // By the PDF's size, a number: the report not built first.
    await page.click('#reports thead th:nth-child(6) button');
    const sizes = await page.$$eval('#reports tbody tr td:nth-child(6)', (cells) => cells.map((c) => c.getAttribute('data-sort')));
    assert.equal(sizes[0], '');
    assert.deepEqual(sizes.slice(1).map(Number), sizes.slice(1).map(Number).sort((a, b) => a - b));

    // Without its script the table is all there, in file order.
    const still = await browser.newPage();
    await still.setJavaScriptEnabled(false);
    await still.goto(pathToFileURL(index).href);
    assert.equal((await shownOrganizations(still)).length, 20);
    assert.equal(await still.$eval('#filter', (f) => (f as HTMLElement).hidden), true, 'no search box that would do nothing');

    // Built again with nothing changed: the same index, each report named from the manifest.
    const again = runCli(['build', src, '-o', out, '--site', join(out, 'site-again'), '--lang', 'zh-CN']);
    assert.match(again.stdout, /0 个已生成，19 个未变（跳过）/, again.stdout);
    assert.equal(readFileSync(join(out, 'site-again', 'index.html'), 'utf8'), readFileSync(index, 'utf8'));
  } finally {
    await browser.close();
    cleanup();
  }
});

test('nianbao site says what is missing: no results in the folder, or one that cannot be read', () => {
  const { dir, cleanup } = tempDir();
  try {
    const none = runCli(['site', dir]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /No JSON results of nianbao build in .*--reporter json > .*results-1\.json/);
    writeFileSync(join(dir, 'results-1.json'), '{"tool": {"name": "nianbao"}, "comm');
    const half = runCli(['site', dir, '--lang', 'zh-CN']);
    assert.equal(half.code, 2);
    assert.match(half.stderr, /无法读取结果文件 .*results-1\.json（.*）。它可能还在写入/);
  } finally {
    cleanup();
  }
});
