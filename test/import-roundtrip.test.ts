/**
 * Round trip: each bundled example built to a page, the page imported back. The imported file
 * checks with the same diagnostics and says the same: title, body, signer and date, the
 * introduction, every heading (run-in ones too) and paragraph — the figures the original wrote
 * as {{…}} now literal numbers —, section tables and the national tables' values. Printed to
 * PDF, both give the same text.
 */

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { loadShape } from './import-shape.js';
import { poppler, ROOT, runCli, tempDir } from './helpers.js';

const EXAMPLES = [
  ...readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml')).map((f) => join(ROOT, 'examples', f)),
  // The 2019 format's tables (table 二's other columns, （六） one row) go round too.
  join(ROOT, 'test', 'fixtures', 'reports', 'right-gov2019-city-dept-2020.yaml'),
];

test('there are examples to go round', () => assert.ok(EXAMPLES.length >= 4));

for (const example of EXAMPLES) {
  const name = basename(example, '.yaml');
  test(`${name}: built to HTML and imported, it checks the same and says the same`, async () => {
    const { dir, cleanup } = tempDir();
    try {
      const built = runCli(['build', example, '--format', 'html', '-o', dir]);
      assert.equal(built.code, 0, built.stdout + built.stderr);
      const imported = runCli(['import', join(dir, `${name}.html`)]);
      assert.match(imported.stdout, /Every part of the source was placed\./);
      const original = await loadShape(example);
      const back = await loadShape(join(dir, `${name}.yaml`));
      assert.deepEqual(back.codes, original.codes);
      assert.equal(imported.code, original.codes.length ? 1 : 0, imported.stdout);
      assert.ok(original.shape && back.shape);
      assert.deepEqual(back.shape, original.shape);
    } finally {
      cleanup();
    }
  });
}

test('the imported national-format example prints the same PDF text as the original', () => {
  const { dir, cleanup } = tempDir();
  try {
    const example = join(ROOT, 'examples', 'chengchuan-eco-2024.yaml');
    assert.equal(runCli(['build', example, '--format', 'html', '-o', join(dir, 'page')]).code, 0);
    const imported = runCli(['import', join(dir, 'page', 'chengchuan-eco-2024.html'), '-o', join(dir, 'imported.yaml')]);
    assert.equal(imported.code, 0, imported.stdout);
    const a = runCli(['build', example, '--format', 'pdf', '-o', join(dir, 'a')]);
    const b = runCli(['build', join(dir, 'imported.yaml'), '--format', 'pdf', '-o', join(dir, 'b')]);
    assert.equal(a.code, 0, a.stdout + a.stderr);
    assert.equal(b.code, 0, b.stdout + b.stderr);
    const text = (file: string) => poppler('pdftotext', ['-layout', file, '-']).replace(/\s+/g, '');
    const original = text(join(dir, 'a', 'chengchuan-eco-2024.pdf'));
    assert.ok(original.includes('澄川市生态环境局2024年政府信息公开工作年度报告'));
    assert.equal(text(join(dir, 'b', 'imported.pdf')), original);
  } finally {
    cleanup();
  }
});
