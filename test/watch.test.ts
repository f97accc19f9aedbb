/**
 * `nianbao watch` in the real Chromium: a save shows on the page without a reload by hand; a
 * broken save shows its diagnostic (file, line, message, code frame) instead of a stale page;
 * the next good save brings the page back; with --pdf the warm browser rewrites the PDF.
 */

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { leftovers, poppler, spawnCli, tempDir } from './helpers.js';
import { exampleIn, startWatchDriver } from './tools/watch-driver.js';

const PARAGRAPH = '全面推进决策、执行、管理、服务、结果公开';

test('watch: an edit shows by itself; a broken save shows its diagnostic; the next good save recovers', async () => {
  const { dir, cleanup } = tempDir();
  const file = exampleIn(dir);
  const original = readFileSync(file, 'utf8');
  const watch = await startWatchDriver(file);
  try {
    await watch.shows(PARAGRAPH, performance.now());
    // An edited paragraph, saved as an editor saves (a new file renamed over the old).
    await watch.shows('全面推进决策公开和预览测试甲', watch.save(original.replace(PARAGRAPH, '全面推进决策公开和预览测试甲')));
    // A broken save: the page shows the diagnostic with its file, line and code frame, and no report.
    watch.save(original.replace('title: 澄川市生态环境局', 'title 澄川市生态环境局'));
    const problem = await watch.showsProblem('NB2001');
    assert.match(problem, /chengchuan-eco-2024\.yaml:7:\d+/, problem);
    assert.match(problem, /7 \| organization: 澄川市生态环境局/, 'the code frame');
    assert.equal(await watch.page.evaluate(() => getComputedStyle(document.getElementById('report')!).display), 'none', 'no stale page');
    // Fixed: the page comes back with the newest text.
    await watch.shows('预览测试乙', watch.save(original.replace(PARAGRAPH, '预览测试乙')));
    // A wrong number is a warning-free error of its own kind, shown the same way.
    watch.save(original.replace('{{tables.requests.new.total}}件，较上年', '{{tables.requests.nwe.total}}件，较上年'));
    assert.match(await watch.showsProblem('NB4003'), /requests\.new\.total/);
    await watch.shows('预览测试丙', watch.save(original.replace(PARAGRAPH, '预览测试丙')));
    assert.equal(watch.navigations(), 1, 'the preview page itself never reloaded');
    assert.match(watch.stdout(), /updated \(\d+ ms\)[\s\S]*1 error\(s\)[\s\S]*NB2001/);
  } finally {
    const code = await watch.stop();
    cleanup();
    assert.equal(code, 0, 'Ctrl-C ends a watch normally');
  }
});

test('watch --pdf: the warm browser rewrites the PDF after a save, with the new text', async () => {
  const { dir, cleanup } = tempDir();
  const file = exampleIn(dir);
  const original = readFileSync(file, 'utf8');
  const watch = await startWatchDriver(file, ['--pdf', '-o', 'out']);
  try {
    await watch.pdfAfter(0, performance.now(), 60_000);
    const version = await watch.page.evaluate(() => Number(document.body.dataset.pdf));
    // A character outside the common ones (䶮) as well: the fonts are cut again to hold it.
    await watch.pdfAfter(version, watch.save(original.replace(PARAGRAPH, '全面推进决策公开和PDF测试䶮')));
    const pdf = join(dir, 'out', 'chengchuan-eco-2024.pdf');
    const text = poppler('pdftotext', [pdf, '-']).replace(/\s+/g, '');
    assert.ok(text.includes('全面推进决策公开和PDF测试䶮'), 'the PDF has the new text');
    assert.doesNotMatch(poppler('pdffonts', [pdf]), /Type 3/, 'every character from the bundled faces');
    assert.match(watch.stdout(), /PDF written to out\/chengchuan-eco-2024\.pdf \(\d+ ms after the save\)/);
  } finally {
    const code = await watch.stop();
    cleanup();
    assert.equal(code, 0);
  }
});

test('watch --pdf ended while its browser starts: exit 0, and no browser or profile folder left', async () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    const { dir, cleanup } = tempDir();
    try {
      const run = spawnCli(['watch', exampleIn(dir), '--pdf', '-o', join(dir, 'out')]);
      // Stopped as soon as the page is served: the first PDF is still being made.
      while (!/127\.0\.0\.1:\d+/.test(run.output.stdout)) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 300));
      run.child.kill(signal);
      const end = await run.done;
      assert.equal(end.code, 0, `${signal}: ${end.stdout}${end.stderr}`);
      assert.deepEqual(leftovers(run.child.pid!), { folders: [], processes: [] }, signal);
    } finally {
      cleanup();
    }
  }
});
