/**
 * A report's own table of contents (`toc:` / `--toc`) with the real Chromium: the page each
 * level-1 heading is listed at is the page it is printed on.
 */

import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { poppler, ROOT, runCli, tempDir } from './helpers.js';

const plain = (text: string) => text.replace(/\s+/g, '');

test('a long report with toc: true lists its level-1 headings at the pages they are printed on', () => {
  const { dir, cleanup } = tempDir();
  try {
    for (const name of ['chengchuan-eco-2024.yaml', 'chengchuan-eco-2023.yaml']) copyFileSync(join(ROOT, 'examples', name), join(dir, name));
    const file = join(dir, 'chengchuan-eco-2024.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^previous: /m, 'toc: true\nprevious: '));
    const out = join(dir, 'out');
    const r = runCli(['build', file, '-o', out]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const pdf = join(out, 'chengchuan-eco-2024.pdf');
    const pages = poppler('pdftotext', ['-layout', pdf, '-']).split('\f').slice(0, -1);
    // The contents follow the introduction on page 1: 目录, six entries, a number at the right of each.
    const start = pages[0]!.indexOf('目   录');
    assert.ok(start > 0, pages[0]);
    const lines = [...pages[0]!.slice(start).matchAll(/^\s*([一二三四五六]、\S+)\s{2,}(\d+)\s*$/gm)].map((m) => ({ heading: m[1]!, page: Number(m[2]) }));
    assert.deepEqual(lines.map((l) => l.heading), ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']);
    for (const { heading, page } of lines) {
      // The heading begins a line of the page it is listed at, and of no page before it.
      const at = (p: string) => p.split('\n').some((line) => plain(line).startsWith(heading));
      assert.ok(at(pages[page - 1]!), `${heading} on page ${page}`);
      for (const earlier of pages.slice(1, page - 1)) assert.ok(!at(earlier), `${heading} not before page ${page}`);
      // The number printed at the foot of that page is the same.
      assert.match(pages[page - 1]!.trimEnd(), new RegExp(`—\\s*${page}\\s*—$`));
    }
    assert.ok(lines.some((l) => l.page > 2), 'the headings spread over several pages');
    // The web page links the entries to the headings, without page numbers.
    const html = readFileSync(join(out, 'chengchuan-eco-2024.html'), 'utf8');
    assert.match(html, /<a class="toc-line" href="#s-1"><span class="toc-text">一、总体情况<\/span><\/a>/);
    assert.doesNotMatch(html, /class="toc-page"/);
  } finally {
    cleanup();
  }
});

test('--toc --toc-depth 2 gives a report with none of its own a contents of two levels', () => {
  const { dir, cleanup } = tempDir();
  try {
    const file = join(dir, 'report.yaml');
    copyFileSync(join(ROOT, 'examples', 'tieshan-2015.yaml'), file);
    const r = runCli(['build', file, '-o', join(dir, 'out'), '--format', 'html', '--toc', '--toc-depth', '2']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const html = readFileSync(join(dir, 'out', 'report.html'), 'utf8');
    assert.match(html, /class="toc-entry toc-level-1"/);
    assert.match(html, /class="toc-entry toc-level-2"/);
    assert.doesNotMatch(html, /class="toc-entry toc-level-3"/);
    assert.equal(runCli(['build', file, '--toc-depth', '3']).code, 2);
  } finally {
    cleanup();
  }
});
