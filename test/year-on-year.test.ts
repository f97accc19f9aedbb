/**
 * Year on year: `{{previous.…}}` quotes last year's report, `{{change …}}` says the change in
 * words, and a section's `chart:` draws bars (beside last year's) as inline SVG — each checked
 * like any other reference.
 */

import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { messageFor } from '../src/messages/diagnostics.js';
import { describeChange } from '../src/model/change.js';
import { findReferences } from '../src/model/narrative.js';
import { check } from '../src/run/api.js';
import { loadReport } from '../src/run/load.js';
import { renderHtml } from '../src/render/render.js';
import { chartHtml } from '../src/render/chart-svg.js';
import { ROOT, tempDir } from './helpers.js';

const EXAMPLES = join(ROOT, 'examples');

test('a change is said as these reports say it', () => {
  assert.equal(describeChange(57, 46, '件'), '增加11件（增长23.9%）');
  assert.equal(describeChange(7, 10, '件'), '减少3件（下降30.0%）');
  assert.equal(describeChange(12, 12, '件'), '与上年持平');
  assert.equal(describeChange(5, 0, '件'), '增加5件', 'no rate against nothing');
  assert.equal(describeChange(2.25, 1.5, '万元'), '增加0.75万元（增长50.0%）');
  assert.equal(describeChange(1.1, 1.1 + 1e-12), '与上年持平', 'sums in floating point are no change');
  assert.equal(describeChange(12, 12, '件', true), '持平', 'after 较上年, not 较上年与上年持平');
});

test('references name last year, or a change with an optional unit', () => {
  const refs = findReferences('{{previous.tables.requests.new.total}} {{change tables.active.licensing}} {{change figures.items 条}} {{change previous.figures.x}} {{change figures.a b c}}');
  assert.deepEqual(refs.map((r) => [r.target, r.change]), [
    ['previous.tables.requests.new.total', undefined],
    ['tables.active.licensing', {}],
    ['figures.items', { unit: '条' }],
    [undefined, undefined],
    [undefined, undefined],
  ]);
});

/** The 2024 example beside its 2023 report in a folder of their own, `edit`ed. */
async function example(edit: (yaml: string) => string, { withPrevious = true } = {}) {
  const { dir, cleanup } = tempDir();
  const file = join(dir, 'chengchuan-eco-2024.yaml');
  writeFileSync(file, edit(readFileSync(join(EXAMPLES, 'chengchuan-eco-2024.yaml'), 'utf8')));
  if (withPrevious) copyFileSync(join(EXAMPLES, 'chengchuan-eco-2023.yaml'), join(dir, 'chengchuan-eco-2023.yaml'));
  try {
    return (await check([file])).files[0]!.diagnostics;
  } finally {
    cleanup();
  }
}

test('the example quotes last year: its sentence and its chart, in the HTML', async () => {
  const loaded = await loadReport(join(EXAMPLES, 'chengchuan-eco-2024.yaml'));
  assert.deepEqual(loaded.diagnostics, []);
  const html = renderHtml(loaded.report!, loaded.profile!, { version: 'test' });
  assert.match(html, /较上年<span class="figure" data-figure="change tables\.requests\.new\.total">增加11件（增长23\.9%）<\/span>/);
  const svg = /<figure class="chart" id="([^"]+)"[^>]*>[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';
  assert.match(svg, /<figcaption class="chart-title" id="s-3-chart-t">政府信息公开申请办理结果<\/figcaption>/);
  assert.match(svg, /<svg [^>]*role="img" aria-labelledby="s-3-chart-t s-3-chart-d"/);
  assert.match(svg, /<desc id="s-3-chart-d">予以公开：2024年25件，2023年20件；部分公开：2024年6件，2023年5件；.*其他处理：2024年2件，2023年1件。<\/desc>/);
  // Six results, this year's and last year's bar each; the longer value has the longer bar.
  const bars = [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="14"/g)].map((m) => Number(m[1]));
  assert.equal(bars.length, 12);
  assert.ok(bars[0]! > bars[1]! && bars[0] === Math.max(...bars), bars.join(' '));
  assert.doesNotMatch(svg, /<script|on\w+=/);
});

test('last year quoted without last year\'s report, or what it lacks, is an error at the reference', async () => {
  const noPrevious = await example((y) => y.replace(/^previous: .*\n/m, ''));
  assert.deepEqual(noPrevious.map((d) => [d.code, d.params.missing]), [['NB4004', 'unnamed'], ['NB4004', 'unnamed']], 'the sentence and the chart');
  assert.match(messageFor(noPrevious[0]!.code, noPrevious[0]!.params, 'zh-CN').expected ?? '', /previous: 上年报告的路径/);
  const unreadable = await example((y) => y, { withPrevious: false });
  assert.deepEqual(unreadable.map((d) => d.code).sort(), ['NB4004', 'NB4004', 'NB6009']);
  const unknown = await example((y) => y.replace('{{change tables.requests.new.total}}', '{{previous.tables.requests.nwe.total}}'));
  assert.deepEqual(unknown.map((d) => [d.code, d.params.suggestion]), [['NB4003', 'requests.new.total']]);
  const text = await example((y) => y.replace('{{change tables.requests.new.total}}', '{{change figures.satisfaction_rate}}'));
  assert.deepEqual(text.map((d) => [d.code, d.params.reason, d.position?.line]), [['NB4005', 'text', 53]]);
});

test('a chart that names nothing says so at its line', async () => {
  const group = await example((y) => y.replace('of: tables.requests.results', 'of: tables.requests.reslts'));
  assert.deepEqual(group.map((d) => [d.code, d.params.reason, d.params.found]), [['NB4006', 'of', 'tables.requests.reslts']]);
  const bars = await example((y) => y.replace('      of: tables.requests.results\n', '      bars:\n        - { label: 许可, value: tables.active.licensing }\n        - { label: 解读, value: figures.nothing }\n'));
  assert.deepEqual(bars.map((d) => [d.code, d.params.found]), [['NB4006', 'figures.nothing']]);
  const empty = await example((y) => y.replace('      of: tables.requests.results\n', ''));
  assert.deepEqual(empty.map((d) => [d.code, d.params.reason]), [['NB4006', 'empty']]);
  const bar = (value: string, previous = false) => example((y) => y.replace('      of: tables.requests.results\n      previous: true\n', `      bars:\n        - { label: 许可, value: ${value} }\n${previous ? '      previous: true\n' : ''}`));
  assert.deepEqual(await bar('12'), [], 'a typed number is drawn');
  assert.deepEqual((await bar('-5')).map((d) => [d.code, d.params.reason]), [['NB4006', 'value']]);
  assert.deepEqual((await bar('figures.satisfaction_rate')).map((d) => [d.code, d.params.reason]), [['NB4006', 'value']], 'text (100%) cannot be drawn');
  assert.deepEqual((await bar('12', true)).map((d) => [d.code, d.params.reason]), [['NB4006', 'literal']]);
  assert.deepEqual(await bar('12, previous: 10', true), [], 'last year typed beside it');
  const both = await example((y) => y.replace('      previous: true\n', '      bars: [{ label: 许可, value: 12 }]\n'));
  assert.deepEqual(both.map((d) => [d.code, d.params.reason]), [['NB4006', 'both']]);
  const many = await example((y) => y.replace('      of: tables.requests.results\n      previous: true\n', `      bars:\n${Array.from({ length: 25 }, (_, i) => `        - { label: 第${i}项, value: ${i} }\n`).join('')}`));
  assert.deepEqual(many.map((d) => [d.code, d.params.reason]), [['NB4006', 'many']]);
});

test('a change typed by hand after a quantity is checked against last year\'s report (NB5012)', async () => {
  const typed = (change: string) => example((y) => y.replace('较上年{{change tables.requests.new.total}}', `较上年${change}`));
  // 57 this year, 46 last year: +11, 23.9 %.
  for (const right of ['增加11件（增长23.9%）', '增加11件（增长24%）', '增加11件', '增长23.9%', '多11件']) assert.deepEqual(await typed(right), [], right);
  for (const wrong of ['增加12件（增长26.1%）', '减少11件', '增长25%', '增加11件（增长26.1%）', '持平']) {
    const d = await typed(wrong);
    assert.deepEqual(d.map((x) => [x.code, x.params.expected, x.params.now, x.params.before]), [['NB5012', '增加11件（增长23.9%）', 57, 46]], wrong);
    assert.equal(d[0]!.position?.line, 53);
  }
  // Against another year than last, nothing is said (nianbao has only last year's report).
  assert.deepEqual(await typed('增加11件，较2022年增加30件'), []);
  assert.deepEqual((await example((y) => y.replace('较上年{{change tables.requests.new.total}}', '较2023年增加12件'))).map((d) => d.code), ['NB5012']);
  // Without last year's report there is nothing to compare with: no message about the change.
  const alone = await example((y) => y.replace('较上年{{change tables.requests.new.total}}', '较上年增加12件').replace(/^ {4}chart:.*\n(?: {6}.*\n)*/m, '').replace(/^previous: .*\n/m, ''));
  assert.deepEqual(alone, []);
});

test('last year\'s own figures, and no change said twice', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const file = join(dir, 'chengchuan-eco-2024.yaml');
    // inspection_tasks is a 2023 figure only; same_count is the same in both years.
    writeFileSync(file, readFileSync(join(EXAMPLES, 'chengchuan-eco-2024.yaml'), 'utf8')
      .replace('  portal_items: 2846', '  same_count: 5\n  portal_items: 2846')
      .replace('较上年{{change tables.requests.new.total}}', '较上年{{change figures.same_count}}，上年公开督察整改任务{{previous.figures.inspection_tasks}}项，数量{{change figures.same_count}}'));
    writeFileSync(join(dir, 'chengchuan-eco-2023.yaml'), readFileSync(join(EXAMPLES, 'chengchuan-eco-2023.yaml'), 'utf8').replace('  portal_items:', '  same_count: 5\n  portal_items:'));
    const loaded = await loadReport(file);
    assert.deepEqual(loaded.diagnostics, []);
    const html = renderHtml(loaded.report!, loaded.profile!, { version: 'test' }).replace(/<[^>]+>/g, '');
    assert.match(html, /较上年持平，上年公开督察整改任务36项，数量与上年持平/);
  } finally {
    cleanup();
  }
});

test('a chart keeps long labels in its label column, in at most three lines, and stays under 200 mm', () => {
  const long = '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请';
  const bars = Array.from({ length: 24 }, (_, i) => ({ label: i === 0 ? long : `第${i}项`, value: i, previous: i + 1 }));
  const svg = chartHtml({ title: '长标签', unit: '件', year: 2024, bars, compared: true }, 'c');
  const viewBox = /viewBox="0 0 (\d+) ([\d.]+)"/.exec(svg)!;
  assert.ok(Number(viewBox[2]) <= 800, `height ${viewBox[2]} of 800 (200 mm at 624 to 156 mm)`);
  // Every label line ends at the label column's edge and starts inside the drawing.
  for (const m of svg.matchAll(/<text x="([\d.-]+)"[^>]*text-anchor="end"[^>]*>([^<]*)<\/text>/g)) {
    assert.ok(Number(m[1]) - [...m[2]!].length * 16 >= -1, `${m[2]} starts at ${Number(m[1]) - [...m[2]!].length * 16}`);
  }
  const few = chartHtml({ title: '长标签', unit: '件', year: 2024, bars: bars.slice(0, 3), compared: true }, 'c');
  const lines = [...few.matchAll(/text-anchor="end"[^>]*>([^<]*)</g)].map((m) => m[1]!);
  assert.equal(lines.length, 3 + 2, lines.join('|'));
  assert.equal(lines.slice(0, 3).join(''), long, 'wrapped whole in three lines');
  const longer = chartHtml({ title: '更长', unit: '件', year: 2024, bars: [{ label: long + long, value: 1 }], compared: false }, 'c');
  const cut = [...longer.matchAll(/text-anchor="end"[^>]*>([^<]*)</g)].map((m) => m[1]!);
  assert.ok(cut.length === 3 && cut[2]!.endsWith('…'), cut.join('|'));
});
