/**
 * A volume of reports (`build --volume`) with the real Chromium: the table of contents says the
 * page each report starts on, the number printed at the foot of that page says the same, the
 * bookmarks point there, the numbers run on through the volume; a rebuild after one report
 * changed prints only that one for the volume.
 */

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { writeDepartments } from './bench/generate.js';
import { poppler, runCli, tempDir } from './helpers.js';
import { readOutline, type OutlineNode } from '../src/volume/outline.js';

/** The text of every page of a PDF (pdftotext, layout kept), page 1 first. */
function pagesOf(pdf: string): string[] {
  return poppler('pdftotext', ['-layout', pdf, '-']).split('\f').slice(0, -1);
}

/** The number printed at the foot of a page ("— 12 —"), if any. */
function footNumber(page: string): number | undefined {
  const m = /—\s*(\d+)\s*—\s*$/.exec(page.trimEnd());
  return m ? Number(m[1]) : undefined;
}

/** The lines of a table of contents as printed: text, dot leaders (not text), the page number at the right. */
function contentsLines(pages: readonly string[]): { text: string; page: number }[] {
  return pages.flatMap((p) => [...p.matchAll(/^\s*(\S.*?)\s{2,}(\d+)\s*$/gm)].map((m) => ({ text: m[1]!, page: Number(m[2]) })));
}

const plain = (text: string) => text.replace(/\s+/g, '');

async function outlineOf(pdf: string): Promise<OutlineNode[]> {
  return readOutline(await PDFDocument.load(readFileSync(pdf), { updateMetadata: false }));
}

test('a volume of 20 reports: contents, foot numbers and bookmarks agree on where each report starts; a rebuild reprints only what changed', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const src = join(dir, 'departments');
    const files = writeDepartments(src, 20);
    // A report with an error is left out of the volume and named.
    const broken = join(src, 'broken.yaml');
    writeFileSync(broken, readFileSync(files[0]!, 'utf8').replace(/^year: .*$/m, 'year: [2024'));
    const out = join(dir, 'out');
    const volume = join(out, '2024-汇编.pdf');
    const first = runCli(['build', src, '-o', out, '--format', 'pdf', '--volume', volume, '--reporter', 'json']);
    assert.equal(first.code, 1, first.stderr);
    const run = JSON.parse(first.stdout);
    assert.equal(run.volume.status, 'ok', first.stdout);
    assert.equal(run.volume.reports.length, 20);
    assert.equal(run.volume.printed.length, 20);
    assert.deepEqual(run.volume.leftOut, [broken]);

    const pages = pagesOf(volume);
    assert.equal(pages.length, run.volume.pages);
    const outline = await outlineOf(volume);
    assert.equal(outline[0]!.title, '目录');
    const front = outline[1]!.page;
    assert.ok(front >= 2, 'a cover and at least one page of contents');
    // The cover says what the volume is, and the contents start on the next page.
    assert.match(plain(pages[0]!), /澄川市2024年政府信息公开工作年度报告汇编/);
    assert.equal(outline[0]!.page, 1);
    assert.match(plain(pages[1]!), /^目录/);

    // 20 entries, in pinyin order of the organizations, each at the page its report starts on.
    const entries = contentsLines(pages.slice(1, front));
    assert.equal(entries.length, 20, JSON.stringify(entries));
    const orgs = entries.map((e) => e.text);
    assert.deepEqual(orgs, [...orgs].sort(new Intl.Collator('zh-Hans-CN').compare));
    assert.equal(orgs[0], '澄川市财政局');
    for (const [i, entry] of entries.entries()) {
      const index = front + entry.page - 1;
      assert.match(plain(pages[index]!), new RegExp(`^${entry.text}2024年政府信息公开工作年度报告`), `${entry.text} starts on page ${entry.page}`);
      assert.equal(footNumber(pages[index]!), entry.page, `the foot of ${entry.text}'s first page`);
      // Its bookmark points at the same page, and holds its headings.
      const mark = outline[i + 1]!;
      assert.equal(mark.title, `${entry.text}2024年政府信息公开工作年度报告`);
      assert.equal(mark.page, index);
      assert.equal(mark.children[0]!.title, '一、总体情况');
      assert.ok(mark.children.every((h) => h.page >= index && h.page < index + 20));
      // The page before it ends the report before.
      if (i > 0) assert.equal(footNumber(pages[index - 1]!), entry.page - 1);
    }
    // Numbers run on through the body, none on the front matter.
    assert.deepEqual(pages.slice(0, front).map(footNumber), pages.slice(0, front).map(() => undefined));
    assert.deepEqual(pages.slice(front).map(footNumber), pages.slice(front).map((_, i) => i + 1));
    // Every heading bookmark points at a page that shows the heading.
    for (const mark of outline.slice(1)) for (const h of mark.children) assert.ok(plain(pages[h.page]!).includes(plain(h.title)), `${h.title} on page ${h.page + 1}`);
    const info = poppler('pdfinfo', [volume]);
    assert.match(info, /^Title:\s+澄川市2024年政府信息公开工作年度报告汇编$/m);
    assert.match(info, /^Author:\s+澄川市$/m);
    const doc = await PDFDocument.load(readFileSync(volume), { updateMetadata: false });
    assert.equal(doc.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText(), 'zh-CN');

    // One report changes (and grows a page), the order is given: only that report is printed for the volume again.
    const changed = files[5]!;
    const text = readFileSync(changed, 'utf8');
    writeFileSync(changed, text.replace(/^( {4}text: \|\n)((?: {6}.*\n)+?)/m, (_, head: string, para: string) => `${head}${para}\n${para}\n${para}\n${para}\n`));
    const order = join(dir, 'order.txt');
    writeFileSync(order, `# 先列这三个\ndept-012.yaml\n澄川市教育局\n${relative(dir, files[3]!)}\n没有这个单位\n`);
    const second = runCli(['build', src, '-o', out, '--format', 'pdf', '--volume', volume, '--order', order, '--reporter', 'json'], { cwd: dir, env: { NIANBAO_TRACE: '1' } });
    const again = JSON.parse(second.stdout);
    assert.equal(again.volume.status, 'ok', second.stdout);
    assert.deepEqual(again.volume.printed, [changed]);
    assert.equal((second.stderr.match(/volume: reused /g) ?? []).length, 19);
    assert.deepEqual(again.volume.unlisted, ['没有这个单位']);
    assert.equal(again.volume.reports[0], files[12]);
    assert.equal(again.volume.reports[2], files[3]);
    const after = pagesOf(volume);
    const outlineAfter = await outlineOf(volume);
    const entriesAfter = contentsLines(after.slice(1, outlineAfter[1]!.page));
    assert.equal(entriesAfter[1]!.text, '澄川市教育局');
    for (const [i, entry] of entriesAfter.entries()) {
      const index = outlineAfter[1]!.page + entry.page - 1;
      assert.equal(outlineAfter[i + 1]!.page, index);
      assert.equal(footNumber(after[index]!), entry.page);
      assert.match(plain(after[index]!), new RegExp(`^${entry.text}2024年`));
    }
    assert.deepEqual(after.slice(outlineAfter[1]!.page).map(footNumber), after.slice(outlineAfter[1]!.page).map((_, i) => i + 1));

    // Nothing changed: the volume is up to date and nothing is printed.
    const third = runCli(['build', src, '-o', out, '--format', 'pdf', '--volume', volume, '--order', order, '--reporter', 'json'], { cwd: dir });
    const same = JSON.parse(third.stdout);
    assert.equal(same.volume.status, 'unchanged');
    assert.deepEqual(same.volume.printed, []);
  } finally {
    cleanup();
  }
});
