/**
 * End to end with the real Chromium: build the bundled example and read the PDF back with
 * poppler (pdftotext, pdffonts, pdfinfo) and pdf-lib.
 */

import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { PDFDocument, PDFName, PDFDict, PDFString, PDFHexString } from 'pdf-lib';
import { countingServer, EXAMPLE, FIXTURES, poppler, runCli, spawnCli, tempDir } from './helpers.js';

/** The seed report (a copy of shared/seeds/000_bcaed67771fabe68.txt, the 2015 铁山区 report). */
const SEED = join(FIXTURES, 'seed-tieshan-2015.txt');
let out: { dir: string; cleanup: () => void };
let pdfPath: string;

before(() => {
  out = tempDir();
  const r = runCli(['build', EXAMPLE, '-o', out.dir]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  pdfPath = join(out.dir, 'tieshan-2015.pdf');
});
after(() => out.cleanup());

/** Text with page numbers ("— 3 —") and all whitespace removed, NFKC-folded (（ → (, ， → ,). */
function comparable(text: string): string {
  return text.replace(/—\s*\d+\s*—/g, '').replace(/\s+/g, '').normalize('NFKC');
}

test('the PDF contains every sentence of the seed report', () => {
  const seed = readFileSync(SEED, 'utf8');
  const body = seed.slice(seed.indexOf('根据市政府办公室'), seed.lastIndexOf('2016125'));
  const sentences = body
    .split(/[。；\n]/)
    .map((s) => s.replace(/\s+/g, ''))
    .filter((s) => s.length > 0);
  assert.ok(sentences.length > 30, `found ${sentences.length} sentences`);
  const pdfText = comparable(poppler('pdftotext', [pdfPath, '-']));
  const missing = sentences.filter((s) => !pdfText.includes(s.normalize('NFKC')));
  assert.deepEqual(missing, []);
});

test('every font is an embedded CID TrueType subset; none is Type 3', () => {
  const rows = poppler('pdffonts', [pdfPath]).trim().split('\n').slice(2);
  assert.ok(rows.length >= 3, 'serif, sans and kai faces');
  for (const row of rows) {
    // Only bundled faces: a glyph missing from them would show up as a system font here.
    assert.match(row, /^[A-Z]{6}\+(NotoSerifSC|NotoSansSC|LXGWWenKai)-/, row);
    assert.match(row, /CID TrueType\s+Identity-H\s+yes yes yes/, row);
    assert.doesNotMatch(row, /Type 3/, row);
  }
  assert.ok(rows.some((r) => /NotoSerifSC-Regular/.test(r)));
  assert.ok(rows.some((r) => /NotoSansSC-Regular/.test(r)), '黑体 stand-in for level-1 headings');
  assert.ok(rows.some((r) => /LXGWWenKai-Regular/.test(r)), '楷体 stand-in for level-2 headings');
});

test('pdfinfo shows A4, tagged, the title and the organization', () => {
  const info = poppler('pdfinfo', [pdfPath]);
  assert.match(info, /^Page size:\s+594\.96 x 841\.92 pts \(A4\)$/m);
  assert.match(info, /^Tagged:\s+yes$/m);
  assert.match(info, /^Title:\s+2015年度铁山区政府信息公开工作报告$/m);
  assert.match(info, /^Author:\s+铁山区人民政府$/m);
  assert.match(info, /^Producer:\s+nianbao \d+\.\d+\.\d+$/m);
  // Dates come from the report (published 2016-01-28, Beijing time), not from the clock.
  assert.match(info, /^CreationDate:\s+Wed Jan 27 16:00:00 2016 UTC$/m);
});

test('pages are numbered "— n —", odd pages at the right, even pages at the left', () => {
  const pages = Number(/^Pages:\s+(\d+)$/m.exec(poppler('pdfinfo', [pdfPath]))![1]);
  assert.ok(pages >= 3, `${pages} pages`);
  const bbox = poppler('pdftotext', ['-bbox', pdfPath, '-']);
  const pageBlocks = bbox.split('<page ').slice(1);
  assert.equal(pageBlocks.length, pages);
  pageBlocks.forEach((block, i) => {
    const n = i + 1;
    const words = [...block.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), text: m[5],
    }));
    const number = words.find((w) => w.text === String(n) && w.yMin > 841.92 - 35 * 2.835);
    assert.ok(number, `page ${n} has its number below the type area`);
    const dashes = words.filter((w) => w.text === '—' && Math.abs(w.yMin - number.yMin) < 10);
    assert.equal(dashes.length, 2, `page ${n}: a dash on each side of the number`);
    // Type area: 28 mm to 184 mm from the left edge (79.4 pt to 521.6 pt).
    if (n % 2 === 1) assert.ok(dashes.every((d) => d.xMin > 400) && Math.max(...dashes.map((d) => d.xMax)) < 521.6, `page ${n} right`);
    else assert.ok(dashes.every((d) => d.xMax < 200) && Math.min(...dashes.map((d) => d.xMin)) > 79.3, `page ${n} left`);
  });
});

test('headings become bookmarks, and the catalog says the language is zh-CN', async () => {
  const doc = await PDFDocument.load(readFileSync(pdfPath), { updateMetadata: false });
  const lang = doc.catalog.get(PDFName.of('Lang'));
  assert.ok(lang instanceof PDFString || lang instanceof PDFHexString);
  assert.equal(lang.decodeText(), 'zh-CN');
  const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
  const titles: string[] = [];
  const walk = (item: PDFDict | undefined): void => {
    for (let node = item; node; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = node.lookup(PDFName.of('Title'));
      if (title instanceof PDFString || title instanceof PDFHexString) titles.push(title.decodeText());
      walk(node.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  walk(outlines.lookupMaybe(PDFName.of('First'), PDFDict));
  for (const heading of ['一、政府信息公开工作完成情况', '（一）加强组织领导，健全工作机制', '二、存在的主要问题', '三、下步整改措施']) {
    assert.ok(titles.some((t) => t.replace(/\s+/g, '') === heading), `bookmark ${heading} in ${titles.join(' | ')}`);
  }
});

test('the HTML is written beside the PDF, self-contained', () => {
  const html = readFileSync(join(out.dir, 'tieshan-2015.html'), 'utf8');
  assert.match(html, /<html lang="zh-CN">/);
  assert.match(html, /<title>2015年度铁山区政府信息公开工作报告<\/title>/);
  assert.doesNotMatch(html, /<(script|link|img)\b/i);
});

test('markup typed in a report is shown as text and nothing is fetched', async () => {
  const server = await countingServer();
  const { port } = server;
  const dir = tempDir();
  try {
    const hostile = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8').replace(
      '进一步加强监督考核。',
      `进一步加强监督考核。<script>document.title='x'</script><img src="http://127.0.0.1:${port}/a.png"><iframe src="http://127.0.0.1:${port}/"></iframe><a href="javascript:alert(1)">链接</a><style>body{background:url(http://127.0.0.1:${port}/bg)}</style>{{> partial}}{{#each x}}`,
    );
    const file = join(dir.dir, 'hostile.yaml');
    writeFileSync(file, hostile);
    // Run in the background: the server answers in this process, whose event loop must stay free.
    const r = await spawnCli(['build', file, '-o', dir.dir]).done;
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const text = comparable(poppler('pdftotext', [join(dir.dir, 'hostile.pdf'), '-']));
    assert.ok(text.includes(comparable(`<img src="http://127.0.0.1:${port}/a.png">`)), 'the img tag is printed as text');
    assert.ok(text.includes(comparable("<script>document.title='x'</script>")));
    assert.ok(text.includes(comparable('{{> partial}}')));
    assert.equal(server.requests(), 0, 'the page made no request');
    assert.match(poppler('pdfinfo', [join(dir.dir, 'hostile.pdf')]), /^Title:\s+2015年度测试区政府信息公开工作报告$/m);
  } finally {
    server.close();
    dir.cleanup();
  }
});

/** Debian's two builds of Chromium: nianbao prefers the headless shell, and must print the same with either. */
const SHELL = '/usr/lib/chromium/chromium-headless-shell';
const FULL = '/usr/bin/chromium';

// Skipped where the two are not installed, except in CI (.ci/run), where both must be.
const bothInstalled = existsSync(SHELL) && existsSync(FULL);
test('the headless shell and the full Chromium print the same pages, text and fonts', { skip: !bothInstalled && !process.env.NIANBAO_TEST_BOTH_BROWSERS && 'needs both chromium-headless-shell and chromium' }, () => {
  assert.ok(bothInstalled, `${SHELL} and ${FULL} are both installed`);
  const dir = tempDir();
  try {
    const pdfs = [SHELL, FULL].map((browser, i) => {
      const r = runCli(['build', EXAMPLE, '-o', join(dir.dir, String(i)), '--browser', browser, '--format', 'pdf']);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      return join(dir.dir, String(i), 'tieshan-2015.pdf');
    });
    const [shell, full] = pdfs.map((pdf) => ({
      text: poppler('pdftotext', ['-layout', pdf, '-']),
      fonts: poppler('pdffonts', [pdf]).replace(/ +\d+ +\d+$/gm, ''),
      creator: /^Creator:\s+(.*)$/m.exec(poppler('pdfinfo', [pdf]))![1],
    }));
    assert.equal(shell!.text, full!.text);
    assert.equal(shell!.fonts, full!.fonts);
    assert.match(shell!.creator!, /^HeadlessChrome\//);
    assert.match(full!.creator!, /^Chrome\//);
  } finally {
    dir.cleanup();
  }
});
