/**
 * The body as a reviewer reads it on paper, measured from the PDFs (real Chromium, pdfjs):
 * a phone number never split and never leaving a stretched line before it, wherever it falls on
 * its line; the 落款 never alone on the last page, wherever the text ends; titles broken only
 * between the organization, the year and 政府信息公开工作年度报告, and as the clerk broke them.
 */

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { measurePdf, type Run } from './tools/pdf-measure.js';
import { nationalExample, poppler, ROOT, runCli, tempDir } from './helpers.js';

const NATIONAL = nationalExample().replace('$schema=../src', `$schema=${ROOT}/src`);
const FREE = readFileSync(join(ROOT, 'examples', 'tieshan-2015.yaml'), 'utf8').replace('$schema=../src', `$schema=${ROOT}/src`);
const PHONE_AT = '如对本年度报告有疑问';
const LAST_TEXT = '确保各项工作落到实处。';

let temp: { dir: string; cleanup: () => void };
const pdfs = new Map<string, Run[]>();

before(async () => {
  temp = tempDir();
  const w = (name: string, yaml: string) => writeFileSync(join(temp.dir, `${name}.yaml`), yaml);
  assert.ok(NATIONAL.includes(PHONE_AT) && FREE.includes(LAST_TEXT));
  // The phone number at every place of its line: k characters more before it.
  for (let k = 0; k < 28; k++) w(`phone${String(k).padStart(2, '0')}`, NATIONAL.replace(PHONE_AT, '测'.repeat(k) + PHONE_AT));
  // The text ending at every line of the last page.
  for (let n = 0; n < 22; n++) w(`end${String(n).padStart(2, '0')}`, FREE.replace(LAST_TEXT, LAST_TEXT + '测'.repeat(28 * n)));
  w('title-long', NATIONAL.replace(/^title: .*$/m, 'title: 中共澄川市委澄川市人民政府信访局2024年政府信息公开工作年度报告').replace(/^organization: .*$/m, 'organization: 中共澄川市委澄川市人民政府信访局'));
  w('title-clerk', NATIONAL.replace(/^title: .*$/m, 'title: |\n  澄川市生态环境局\n  2024年政府信息公开工作年度报告'));
  // A report whose last part before the 落款 is a table (the 统计表).
  w('qinghe', readFileSync(join(ROOT, 'examples', 'qinghe-town-2017.yaml'), 'utf8').replace('$schema=../src', `$schema=${ROOT}/src`));
  const built = runCli(['build', temp.dir, '-o', join(temp.dir, 'out'), '--format', 'pdf']);
  assert.equal(built.code, 0, built.stdout + built.stderr);
  for (const name of ['title-long', 'title-clerk', 'qinghe', ...Array.from({ length: 28 }, (_, k) => `phone${String(k).padStart(2, '0')}`), ...Array.from({ length: 22 }, (_, n) => `end${String(n).padStart(2, '0')}`)]) {
    pdfs.set(name, (await measurePdf(join(temp.dir, 'out', `${name}.pdf`))).runs);
  }
});
after(() => temp.cleanup());

/** The runs of one page grouped into lines, top to bottom. */
function lines(runs: readonly Run[], page: number): Run[][] {
  const byTop = new Map<number, Run[]>();
  for (const r of runs.filter((x) => x.page === page)) {
    const key = [...byTop.keys()].find((k) => Math.abs(k - r.top) < 1) ?? r.top;
    byTop.set(key, [...(byTop.get(key) ?? []), r]);
  }
  return [...byTop.entries()].sort((a, b) => a[0] - b[0]).map(([, l]) => l.sort((a, b) => a.x - b.x));
}

test('a phone number is never split, and the line before it is never stretched', () => {
  let atLineStart = 0;
  for (const [name, runs] of pdfs) {
    if (!name.startsWith('phone')) continue;
    const phone = runs.find((r) => r.text.includes('0123'))!;
    assert.match(phone.text, /0123-86215307/, `${name}: the number whole on one line`);
    const page = lines(runs, phone.page);
    const i = page.findIndex((l) => l.includes(phone));
    if (phone.x > 29 || i === 0) continue;
    atLineStart++;
    // The line before: characters at their natural pitch (28 to a 156 mm line), not spread out.
    const before = page[i - 1]!;
    const width = before[before.length - 1]!.x + before[before.length - 1]!.width - before[0]!.x;
    const chars = [...before.map((r) => r.text).join('')].length;
    assert.ok(width / chars < 5.8, `${name}: ${chars} characters over ${width.toFixed(1)} mm`);
  }
  assert.ok(atLineStart >= 3, `the number starts a line in ${atLineStart} variants`);
});

test('the 落款 never stands alone on the last page', () => {
  for (const [name, runs] of pdfs) {
    if (!name.startsWith('end')) continue;
    const last = Math.max(...runs.map((r) => r.page));
    const texts = runs.filter((r) => r.page === last && !/^—\s*\d+\s*—$/.test(r.text.trim())).map((r) => r.text.trim());
    assert.ok(texts.some((t) => t !== '铁山区人民政府' && !/^\d{4}年\d{1,2}月\d{1,2}日$/.test(t)), `${name}: the last page holds ${texts.join(' | ')}`);
  }
});

test('titles break only between their parts, and where the clerk broke them', () => {
  const title = (name: string) => lines(pdfs.get(name)!, 1).filter((l) => l[0]!.size > 20).map((l) => l.map((r) => r.text).join(''));
  assert.deepEqual(title('title-clerk'), ['澄川市生态环境局', '2024年政府信息公开工作年度报告']);
  const long = title('title-long');
  assert.equal(long.join(''), '中共澄川市委澄川市人民政府信访局2024年政府信息公开工作年度报告');
  for (const line of long) assert.ok(!/^(?:信息|公开|工作|年度|报告|府|局)/.test(line), `no line starts inside a word: ${long.join(' / ')}`);
  assert.ok(long.includes('政府信息公开工作年度报告') || long.some((l) => l.endsWith('政府信息公开工作年度报告')), long.join(' / '));
});

test('--duplex mirrors the margins: the page numbers of the two sides of a sheet register within 2 mm', async () => {
  const dir = join(temp.dir, 'duplex');
  const register = async (args: string[]) => {
    const built = runCli(['build', join(temp.dir, 'end00.yaml'), '-o', dir, '--format', 'pdf', '--force', ...args]);
    assert.equal(built.code, 0, built.stdout + built.stderr);
    const runs = (await measurePdf(join(dir, 'end00.pdf'))).runs.filter((r) => /^—\s*\d+\s*—$/.test(r.text.trim()));
    const odd = runs.find((r) => r.page === 1)!;
    const even = runs.find((r) => r.page === 2)!;
    // An odd page's number from the right edge against an even page's from the left: the same place on the sheet.
    return Math.abs(210 - (odd.x + odd.width) - even.x);
  };
  assert.ok((await register(['--duplex'])) <= 2, 'mirrored');
  assert.ok((await register([])) > 2, 'single-sided pages keep the binding margin on the left');
});

test('no line of the body is stretched: characters at their natural pitch on every line of every variant', () => {
  for (const [name, runs] of pdfs) {
    for (const page of new Set(runs.map((r) => r.page))) {
      for (const line of lines(runs, page)) {
        // Body lines: 16 pt text (not the title, tables or page numbers).
        if (!line.every((r) => Math.abs(r.size - 16) < 0.5 && !r.inTable)) continue;
        const chars = [...line.map((r) => r.text).join('')].length;
        const width = line[line.length - 1]!.x + line[line.length - 1]!.width - line[0]!.x;
        assert.ok(chars < 4 || width / chars < 5.9, `${name}, page ${page}: ${line.map((r) => r.text).join('')} (${chars} characters over ${width.toFixed(1)} mm)`);
      }
    }
  }
});

test('a draft (TODO markers left) says so on every printed page and in the HTML; the build names it', () => {
  const dir = join(temp.dir, 'draft');
  assert.equal(runCli(['init', join(dir, 'd.yaml'), '--year', '2025', '--org', '测试局']).code, 0);
  const built = runCli(['build', join(dir, 'd.yaml'), join(temp.dir, 'end00.yaml'), '-o', join(dir, 'out')]);
  assert.equal(built.code, 0, built.stdout + built.stderr);
  assert.match(built.stdout, /Built, with warnings[^\n]*\n {2}\S*d\.yaml \(draft\)/);
  const pdf = join(dir, 'out', 'draft', 'd.pdf');
  const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', [pdf]))![1]);
  for (let p = 1; p <= pages; p++) assert.match(poppler('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-']), /草稿/, `page ${p}`);
  assert.match(readFileSync(join(dir, 'out', 'draft', 'd.html'), 'utf8'), /class="draft-mark"/);
  // A finished report carries no such mark.
  assert.doesNotMatch(poppler('pdftotext', [join(dir, 'out', 'end00.pdf'), '-']), /草稿/);
});

test('the print step works from the TypeScript sources too (the programmatic API under tsx)', async () => {
  const { build } = await import('../src/run/api.js');
  const r = await build([join(temp.dir, 'end00.yaml')], { outDir: join(temp.dir, 'api'), formats: ['pdf'], force: true });
  assert.equal(r.files[0]!.status, 'ok', r.files[0]!.error?.message);
});
