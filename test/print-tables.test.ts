/**
 * The tables as a reviewer sees them on paper, measured from the PDFs: the national example
 * built with 0–21 extra lines of text before its tables, so that every table meets every page
 * position. Real Chromium; the PDF read with pdfjs (test/tools/pdf-measure.ts).
 */

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { measurePdf, type Run } from './tools/pdf-measure.js';
import { tableFindings } from './tools/print-checks.js';
import { nationalExample, ROOT, runCli, tempDir } from './helpers.js';

const EXAMPLE = nationalExample();
const ANCHOR = '          全年组织政务公开业务培训{{figures.trainings}}次';
const VARIANTS = 22;

let temp: { dir: string; cleanup: () => void };
const measured: { name: string; runs: Run[] }[] = [];

before(async () => {
  temp = tempDir();
  assert.ok(EXAMPLE.includes(ANCHOR));
  for (let n = 0; n < VARIANTS; n++) {
    // n lines of 28 characters (a paragraph of 28n − 2, after its 2-character indent).
    const extra = n ? `          ${'本段文字用于测试表格在页面不同位置的排版效果'.repeat(60).slice(0, 28 * n - 2)}\n\n` : '';
    writeFileSync(join(temp.dir, `v${String(n).padStart(2, '0')}.yaml`), EXAMPLE.replace(ANCHOR, extra + ANCHOR).replace('$schema=../src', `$schema=${ROOT}/src`));
  }
  const built = runCli(['build', temp.dir, '-o', join(temp.dir, 'out'), '--format', 'pdf']);
  assert.equal(built.code, 0, built.stdout + built.stderr);
  for (let n = 0; n < VARIANTS; n++) {
    const name = `v${String(n).padStart(2, '0')}.pdf`;
    measured.push({ name, runs: (await measurePdf(join(temp.dir, 'out', name))).runs });
  }
});
after(() => temp.cleanup());

test('every table glyph is at least 9 pt (小五), and none is turned', () => {
  for (const { name, runs } of measured) {
    const found = tableFindings(runs);
    assert.ok(found.smallest >= 9, `${name}: ${found.smallest} pt`);
    assert.deepEqual(found.rotated, [], name);
  }
});

test('no label leaves one character alone on its last line', () => {
  for (const { name, runs } of measured) assert.deepEqual(tableFindings(runs).lonely, [], name);
});

test('no page is left more than 56 mm blank before a table goes on, and no block heading is stranded at a page foot', () => {
  for (const { name, runs } of measured) {
    const found = tableFindings(runs);
    assert.deepEqual(found.blankBeforeContinuation.filter((b) => b.blank > 56), [], name);
    assert.deepEqual(found.strandedHeadings, [], name);
  }
});

test("table 三's upright label and group labels are repeated in every page's part of the table", () => {
  let continued = 0;
  for (const { name, runs } of measured) {
    // The pages that hold rows of 三、本年度办理结果 (their numbered labels).
    const resultRows = runs.filter((r) => r.inTable && /^[1-8]\.(属于|其他法律|危及|保护|本机关|没有现成|补正后|信访|重复|要求|无正当|申请人|其他$)/.test(r.text));
    const pages = [...new Set(resultRows.map((r) => r.page))];
    if (pages.length > 1) continued++;
    for (const page of pages) {
      const upright = runs.filter((r) => r.page === page && r.inTable && '三、本年度办理结果'.includes(r.text)).map((r) => r.text).join('');
      assert.ok(upright.includes('本年度办理结果'), `${name}, page ${page}: the label of the results block (${upright})`);
    }
  }
  assert.ok(continued >= 3, `table 三 continues over a page in ${continued} of the variants`);
});
