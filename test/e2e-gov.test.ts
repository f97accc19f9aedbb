/**
 * End to end for the national format with the real Chromium: the bundled 2024 example's PDF
 * carries the six headings and every label of the three tables, the tables stay inside the type
 * area, and table 三's header repeats when it crosses a page.
 */

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { loadProfile } from '../src/profiles/load.js';
import { TEMPLATES_DIR } from '../src/profiles/profile.js';
import type { RowDef } from '../src/tables/definitions.js';
import { poppler, ROOT, runCli, tempDir } from './helpers.js';
import { measurePdf } from './tools/pdf-measure.js';

const EXAMPLE = join(ROOT, 'examples', 'chengchuan-eco-2024.yaml');
const SIX = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
/** Labels of the tables that are in the templates rather than tables.yaml (domain spec §2.3–§2.5). */
const GRID_LABELS = [
  '第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项', '信息内容', '本年处理决定数量',
  '本年收费金额（单位：万元）', '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况', '法人或其他组织', '行政诉讼',
];

let out: { dir: string; cleanup: () => void };
const text = (pdf: string, args: string[] = []) => poppler('pdftotext', [...args, pdf, '-']);
const squeeze = (s: string) => s.replace(/—\s*\d+\s*—/g, '').replace(/\s+/g, '');
/** The text in the order the PDF holds it (each cell's lines together), as a viewer copies it. */
const contentText = async (pdf: string) => (await measurePdf(pdf)).runs.map((r) => r.text).join('');

function labelsOf(profile: string): string[] {
  const p = loadProfile(join(TEMPLATES_DIR, profile));
  const rows = (list: readonly RowDef[]): string[] => list.flatMap((r) => [r.label, ...(r.rows ? rows(r.rows) : [])]);
  return p.tables.flatMap((t) => [...t.columns.map((c) => c.label), ...rows(t.rows)]);
}

before(() => {
  out = tempDir();
  const r = runCli(['build', EXAMPLE, '-o', out.dir]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.doesNotMatch(r.stdout, / (warning|error) NB/, 'the example is clean');
});
after(() => out.cleanup());

test('the PDF text holds the six headings and every row and column label, exactly', async () => {
  const pdf = join(out.dir, 'chengchuan-eco-2024.pdf');
  // In the PDF's own order no label is torn apart by a neighbouring cell (labels wrap in their cells).
  const all = squeeze(await contentText(pdf));
  const labels = [...SIX, ...GRID_LABELS, ...labelsOf('gov-2021')];
  assert.ok(labels.length > 60);
  assert.deepEqual(labels.filter((l) => !all.includes(l)), []);
});

test('a title too long for one line is set in lines of even length', () => {
  const pdf = join(out.dir, 'chengchuan-eco-2024.pdf');
  const title = '澄川市生态环境局2024年政府信息公开工作年度报告';
  const lines = text(pdf, ['-l', '1']).split('\n').map((l) => l.trim()).filter(Boolean);
  const [first, second] = lines;
  assert.equal(`${first}${second}`, title, 'the title takes the first two lines');
  const [short, long] = [first!.length, second!.length].sort((a, b) => a - b);
  assert.ok(short! >= long! * 0.75, `lines of ${first!.length} and ${second!.length} characters`);
});

test('tables stay inside the 156 mm type area, and table 三 repeats its header on a new page', () => {
  const pdf = join(out.dir, 'chengchuan-eco-2024.pdf');
  const bbox = text(pdf, ['-bbox']);
  const pages = bbox.split('<page ').slice(1);
  let headerPages = 0;
  pages.forEach((page) => {
    for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"/g)) {
      // 28 mm and 184 mm from the left edge; a glyph's box may stand out of its line by under 1 pt.
      assert.ok(Number(m[1]) >= 78.4 && Number(m[2]) <= 522.6, `word at ${m[1]}–${m[2]} pt`);
    }
    if (page.includes('>申请人情况<')) headerPages++;
  });
  assert.ok(headerPages >= 2, `table 三's header appears on ${headerPages} pages`);
});

test('the chart and the year-on-year sentence are in the PDF as text, in the type area, in the body face at 9 pt or more', async () => {
  const pdf = join(out.dir, 'chengchuan-eco-2024.pdf');
  const all = squeeze(text(pdf));
  assert.ok(all.includes('本年新收政府信息公开申请57件，较上年增加11件（增长23.9%）'), 'the change in words');
  const runs = (await measurePdf(pdf)).runs;
  const caption = runs.find((r) => r.text.includes('政府信息公开申请办理结果'));
  assert.ok(caption, 'the chart\'s caption');
  // The bars' labels and values follow the caption on its page, in order, and select as text.
  const page = squeeze(runs.filter((r) => r.page === caption.page).map((r) => r.text).join(''));
  const chart = page.slice(page.indexOf('政府信息公开申请办理结果'));
  assert.match(chart, /^政府信息公开申请办理结果2024年2023年予以公开25件20件部分公开6件5件不予公开6件4件无法提供13件11件不予处理4件4件其他处理2件1件/);
  const labels = runs.filter((r) => r.page === caption.page && /^(予以公开|2024年|25件|20件)$/.test(r.text.trim()));
  assert.ok(labels.length >= 4, labels.map((r) => r.text).join(' '));
  for (const r of labels) assert.ok(r.size >= 9 && !r.rotated && r.x >= 28 && r.x + r.width <= 184.5, `${r.text} ${r.size} pt at ${r.x} mm`);
  // Real text in an embedded subset of a bundled face, like the rest of the page (no Type 3).
  assert.doesNotMatch(poppler('pdffonts', [pdf]), /Type 3/);
});

test('a changed cell of table 三 fails check, naming the column, both sides and the cell', () => {
  const dir = tempDir();
  try {
    const copy = join(dir.dir, 'changed.yaml');
    const source = readFileSync(EXAMPLE, 'utf8');
    const changed = source.replace(/^(\s+granted: \{ natural: )(\d+)/m, (_, head: string, n: string) => `${head}${Number(n) + 1}`);
    assert.notEqual(changed, source);
    writeFileSync(copy, changed);
    const r = runCli(['check', copy, '--lang', 'zh-CN']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /changed\.yaml:\d+:\d+ 错误 NB5004 表格“收到和处理政府信息公开申请情况”“自然人”一列不平衡/);
    assert.match(r.stdout, /左边 一、本年新收政府信息公开申请数量（\d+） \+ 二、上年结转政府信息公开申请数量（\d+） = \d+；右边 （七）总计（\d+） \+ 四、结转下年度继续办理（\d+） = \d+/);
  } finally {
    dir.cleanup();
  }
});

test('a 2020 report for gov-2019 builds with the 2019 table variants', async () => {
  const dir = tempDir();
  try {
    assert.equal(runCli(['init', 'r2020.yaml', '--year', '2020', '--org', '测试局'], { cwd: dir.dir }).code, 0);
    const yaml = readFileSync(join(dir.dir, 'r2020.yaml'), 'utf8').replace(/TODO ?/g, '').replace('published: 2021-01-31', 'published: 2021-01-20');
    writeFileSync(join(dir.dir, 'r2020.yaml'), yaml);
    const r = runCli(['build', 'r2020.yaml', '-o', 'out', '--strict'], { cwd: dir.dir });
    assert.equal(r.code, 0, r.stdout);
    const all = squeeze(await contentText(join(dir.dir, 'out', 'r2020.pdf')));
    for (const label of [...labelsOf('gov-2019'), '第二十条第（九）项', ...SIX]) assert.ok(all.includes(label), label);
    assert.ok(!all.includes('1.申请人无正当理由逾期不补正'), 'no 2021 sub-rows of （六）');
    assert.ok(!all.includes('本年制发件数'), 'no 2021 columns of table 二');
  } finally {
    dir.cleanup();
  }
});
