/** The pure parts of a volume: order, page arithmetic, the contents' lines, titles; the flags. */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { orderReports, parseOrderList } from '../src/volume/order.js';
import { placeParts, printedNumber } from '../src/volume/pages.js';
import { contentsLines, coverDate, districtOf, entryText, volumeTitle, type PartInfo } from '../src/volume/contents.js';
import { titleLines } from '../src/volume/front.js';
import { buildOptionsFrom, UsageError } from '../src/cli/options.js';
import { cliText } from '../src/messages/cli.js';
import { inLanguage } from '../src/messages/lang.js';

const r = (file: string, organization: string) => ({ file, organization });

test('reports go by organization in pinyin order; an order list puts its reports first and says which lines named none', () => {
  const items = [r('a/z.yaml', '澄川市住房和城乡建设局'), r('a/c.yaml', '澄川市财政局'), r('b/j.yaml', '澄川市教育局'), r('b/m.yaml', '澄川市民政局')];
  assert.deepEqual(orderReports(items).ordered.map((i) => i.file), ['a/c.yaml', 'b/j.yaml', 'b/m.yaml', 'a/z.yaml']);
  const list = parseOrderList('\uFEFF# 顺序\nm.yaml\n\n澄川市住房和城乡建设局\nnone\r\nb/j\n');
  assert.deepEqual(list, ['m.yaml', '澄川市住房和城乡建设局', 'none', 'b/j']);
  const { ordered, unmatched } = orderReports(items, list);
  assert.deepEqual(ordered.map((i) => i.file), ['b/m.yaml', 'a/z.yaml', 'b/j.yaml', 'a/c.yaml']);
  assert.deepEqual(unmatched, ['none']);
  // Same organization in two files: file name decides, and a report is listed once.
  const twins = [r('y.yaml', '甲局'), r('x.yaml', '甲局')];
  assert.deepEqual(orderReports(twins, ['甲局', 'x.yaml']).ordered.map((i) => i.file), ['x.yaml', 'y.yaml']);
});

test('page numbers start at 1 after the front matter; on both sides every report starts on an odd page', () => {
  const one = placeParts(3, [9, 10, 1]);
  assert.deepEqual(one.parts.map((p) => [p.start, p.index]), [[1, 3], [10, 12], [20, 22]]);
  assert.deepEqual([one.bodyPages, one.totalPages, one.blanks], [20, 23, []]);
  assert.equal(printedNumber(one, 2), undefined);
  assert.equal(printedNumber(one, 3), 1);
  assert.equal(printedNumber(one, 22), 20);
  const duplex = placeParts(3, [9, 10, 1], true);
  assert.equal(duplex.frontPages, 4);
  assert.deepEqual(duplex.parts.map((p) => p.start), [1, 11, 21]);
  assert.deepEqual(duplex.blanks, [13]);
  assert.deepEqual(placeParts(2, [2, 3, 3], true).blanks, [7]);
  assert.equal(printedNumber(duplex, 13), undefined);
  assert.equal(printedNumber(duplex, 14), 11);
});

const part = (organization: string, pages: number[], title = `${organization}2024年政府信息公开工作年度报告`): PartInfo => ({
  title,
  organization,
  year: 2024,
  published: '2025-01-20',
  headings: pages.map((page, i) => ({ title: `${'一二三'[i]}、标题`, page, children: [] })),
});

test('the contents list each report at its first page, and with depth 2 its level-1 headings at theirs', () => {
  const parts = [part('澄川市财政局', [0, 3]), part('澄川市教育局', [1], '关于2024年度澄川市教育局政务公开的报告')];
  assert.deepEqual(contentsLines(parts, [1, 10], 1), [
    { level: 1, text: '澄川市财政局', page: 1 },
    { level: 1, text: '关于2024年度澄川市教育局政务公开的报告', page: 10 },
  ]);
  assert.deepEqual(contentsLines(parts, [1, 10], 2).map((l) => `${l.level} ${l.page}`), ['1 1', '2 1', '2 4', '1 10', '2 11']);
  assert.equal(entryText(part('某局', [], '某局2024年度政府信息公开工作年度报告')), '某局');
});

test('the title, district and date a volume derives from its reports', () => {
  const parts = [part('澄川市财政局', []), part('澄川市教育局', [])];
  assert.equal(districtOf(parts.map((p) => p.organization)), '澄川市');
  assert.equal(districtOf(['铁山区人民政府', '铁山区教育局']), '铁山区');
  assert.equal(districtOf(['某局', '另一局']), undefined);
  assert.equal(volumeTitle(parts), '2024年政府信息公开工作年度报告汇编');
  assert.equal(volumeTitle([...parts, { ...part('x', []), year: 2023 }]), '2023—2024年政府信息公开工作年度报告汇编');
  assert.equal(volumeTitle(parts, ' 部门年报汇编 '), '部门年报汇编');
  assert.equal(coverDate(parts), '2025年1月');
  assert.equal(coverDate(parts, new Date('2025-03-01T00:00:00Z')), '2025年3月');
  assert.deepEqual(titleLines('2024年政府信息公开工作年度报告汇编'), ['2024年政府信息公开工作年度报告汇编']);
  assert.deepEqual(titleLines('澄川市各部门2023—2024年政府信息公开工作年度报告汇编'), ['澄川市各部门2023—2024年', '政府信息公开工作年度报告汇编']);
});

test('the volume flags become options; what does not go together is a usage error', () => {
  const t = inLanguage(cliText, 'en');
  const flags = { outDir: 'out', format: 'pdf' };
  assert.deepEqual(buildOptionsFrom({ ...flags, volume: 'out/v.pdf', volumeTitle: '汇编', order: 'order.txt', tocDepth: '2' }, t).volume, { path: 'out/v.pdf', title: '汇编', order: 'order.txt', tocDepth: 2 });
  assert.equal(buildOptionsFrom({ ...flags, toc: true, tocDepth: '2' }, t).toc, 2);
  assert.equal(buildOptionsFrom({ ...flags, toc: true }, t).toc, 1);
  assert.throws(() => buildOptionsFrom({ ...flags, order: 'order.txt' }, t), UsageError);
  assert.throws(() => buildOptionsFrom({ ...flags, volume: 'v.pdf', tocDepth: '3' }, t), /--toc-depth takes 1 or 2/);
  assert.throws(() => buildOptionsFrom({ ...flags, volume: 'v.html' }, t), /--volume names a .pdf file/);
});
