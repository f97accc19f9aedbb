/**
 * Numbers in the text against the tables, as real reports write them: several quantities named
 * together, table 二's quantities, numbers written 1,040 / １５ / 四十一, and text that quotes a
 * table which is itself wrong. Each case is the bundled 2024 example with one sentence changed.
 */

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Diagnostic } from '../src/diagnostics.js';
import { messageFor } from '../src/messages/diagnostics.js';
import { readNumber } from '../src/model/numbers.js';
import { check } from '../src/run/api.js';
import { nationalExample, ROOT, tempDir } from './helpers.js';

const EXAMPLE = nationalExample();
// The sentence every case rewrites, and the example's table values it quotes:
// granted 25, partial 6, withheld 6, unable 13, results total 56, new 57; review: 行政复议 4,
// 直接起诉 2, 复议后起诉 1; table 二: normative 2 issued / 1 repealed / 9 in force, licensing 214.
const SENTENCE = '本年度办结申请{{tables.requests.results.total.total}}件';
const LITIGATION = '未经复议直接被提起行政诉讼{{tables.review.litigation_direct.total}}件';

let temp: { dir: string; cleanup: () => void };
before(() => (temp = tempDir()));
after(() => temp.cleanup());

let n = 0;
async function diagnosticsOf(yaml: string): Promise<Diagnostic[]> {
  const file = join(temp.dir, `r${n++}.yaml`);
  writeFileSync(file, yaml);
  return [...(await check([file])).files[0]!.diagnostics];
}

/** The example with `text` in place of the sentence about finished applications. */
const withText = (text: string, example = EXAMPLE) => {
  assert.ok(example.includes(SENTENCE));
  return example.replace(SENTENCE, text);
};

const summary = (d: readonly Diagnostic[]) => d.map((x) => `${x.code} ${messageFor(x.code, x.params, 'zh-CN').expected ?? ''}`);

test('numbers as people type them: 1,040, full-width, Chinese numerals', () => {
  for (const [typed, value] of [['1,040', 1040], ['１５', 15], ['四十一', 41], ['一百零五', 105], ['十二', 12], ['两千三百', 2300], ['3,456.78', 3456.78], ['〇', 0]] as const) {
    assert.equal(readNumber(typed), value, typed);
  }
});

test('a phrase joining several quantities compares with their sum, and the advice names the sum', async () => {
  // Right: 予以公开 25 + 部分公开 6 = 31; 不予公开 6 + 无法提供 13 = 19.
  for (const right of ['予以公开及部分公开31件', '予以公开和部分公开31件', '予以公开、部分公开共31件', '予以公开与部分公开31件', '不予公开和无法提供19件', '不予公开、无法提供合计19件']) {
    assert.deepEqual(await diagnosticsOf(withText(right)), [], right);
  }
  const wrong = await diagnosticsOf(withText('予以公开及部分公开25件'));
  assert.deepEqual(summary(wrong), ['NB5006 改为 31。']);
  assert.match(String(wrong[0]!.params.what), /予以公开、部分公开之和/);
  // 行政复议、行政诉讼各N件: each one is N.
  assert.deepEqual(await diagnosticsOf(withText('行政复议4件，行政诉讼3件')), []);
  assert.deepEqual(summary(await diagnosticsOf(withText('行政复议、行政诉讼各4件'))), ['NB5006 改为 3。']);
});

test('行政诉讼 is direct plus after review; a sum is advised as a number, never as a reference to one of its parts', async () => {
  const d = await diagnosticsOf(withText('被提起行政诉讼2件'));
  assert.deepEqual(summary(d), ['NB5006 改为 3。']);
  assert.equal(d[0]!.params.ref, undefined);
  // 直接起诉 alone is its own quantity (2), not the sum.
  assert.deepEqual(await diagnosticsOf(EXAMPLE.replace(LITIGATION, '未经复议直接被提起行政诉讼2件')), []);
  const single = await diagnosticsOf(withText('予以公开24件'));
  assert.deepEqual(summary(single), ['NB5006 改为 25，或用 {{tables.requests.results.granted.total}} 引用表格中的数字。']);
});

test("table 二's quantities are checked in the text, in any way the number is written", async () => {
  for (const right of ['现行有效行政规范性文件9件', '现行有效规范性文件九件', '本年制发行政规范性文件２件', '废止行政规范性文件1件', '作出行政许可决定214件', '现行有效规章0件', '行政事业性收费0万元']) {
    assert.deepEqual(await diagnosticsOf(withText(right)), [], right);
  }
  for (const [wrong, advice] of [
    ['现行有效行政规范性文件十一件', 'NB5006 改为 9，或用 {{tables.active.normative.in_force}} 引用表格中的数字。'],
    ['作出行政许可决定1,214件', 'NB5006 改为 214，或用 {{tables.active.licensing}} 引用表格中的数字。'],
    ['本年制发行政规范性文件３件', 'NB5006 改为 2，或用 {{tables.active.normative.issued}} 引用表格中的数字。'],
  ]) {
    assert.deepEqual(summary(await diagnosticsOf(withText(wrong!))), [advice], wrong);
  }
  // The line and column are the typed number's.
  const d = (await diagnosticsOf(withText('现行有效行政规范性文件十一件')))[0]!;
  assert.equal(d.lineText?.slice(d.position!.column - 1).startsWith('十一件'), true);
});

test('text quoting a table that is itself wrong: the table first, then a note instead of a wrong number', async () => {
  // 予以公开 given as 30 in a row whose parts add to 25 … the table no longer balances.
  const broken = withText('予以公开24件').replace(
    'granted: { natural: 14, commercial: 5, research: 2, nonprofit: 2, legal: 1, other: 1 }',
    'granted: { natural: 14, commercial: 5, research: 2, nonprofit: 2, legal: 1, other: 1, total: 30 }',
  );
  const d = await diagnosticsOf(broken);
  const codes = d.map((x) => x.code);
  assert.ok(codes.includes('NB5003'), codes.join(' '));
  assert.equal(codes[codes.length - 1], 'NB5008', `the table's errors first, then the text: ${codes.join(' ')}`);
  assert.equal(d.filter((x) => x.code === 'NB5008').length, 1);
  assert.ok(!codes.includes('NB5006'), 'no "改为" from a table that is wrong');
  // The other tables are fine: text quoting them is still checked.
  const other = await diagnosticsOf(broken.replace('作出行政许可决定{{tables.active.licensing}}件', '作出行政许可决定215件'));
  assert.ok(other.some((x) => x.code === 'NB5006' && x.params.expected === 214));
});
