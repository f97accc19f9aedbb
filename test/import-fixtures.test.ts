/**
 * `nianbao import` on sources as they come: a page Word saved in GBK with its mso- markup and a
 * table 三 of merged cells; a .docx whose tables are real Word tables (gridSpan, vMerge); text
 * copied from a page with a table whose cell boundaries were lost. Each gives the report it
 * holds, lists the parts it could not place with their place, and is checked.
 */

import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { load } from 'js-yaml';
import { importFile } from '../src/run/import.js';
import { makeDocx } from './fixtures/import/make-docx.js';
import { FIXTURES, runCli, tempDir } from './helpers.js';

const IMPORT = join(FIXTURES, 'import');
type Doc = Record<string, any>;

test('a page Word saved in GBK: mso- markup, conditional comments, <o:p>, table 三 with merged cells; the wrong total found by check (exit 1)', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const page = join(dir, '2024.htm');
    copyFileSync(join(IMPORT, 'word-page.htm'), page);
    const r = runCli(['import', page]);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const yaml = readFileSync(join(dir, '2024.yaml'), 'utf8');
    const doc = load(yaml) as Doc;
    assert.equal(doc.profile, 'gov-2021');
    assert.equal(doc.title, '澄川市城东区水务局2024年政府信息公开工作年度报告');
    assert.equal(doc.organization, '澄川市城东区水务局');
    assert.equal(doc.year, 2024);
    assert.equal(doc.published, '2025-01-24');
    assert.equal(doc.date, '2025-01-22');
    assert.match(doc.intro, /^本年度报告根据《中华人民共和国政府信息公开条例》.*统计期限为2024年1月1日至12月31日。\n$/);
    assert.deepEqual(doc.sections.map((s: Doc) => s.heading), ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项']);
    const overview = doc.sections[0].sections;
    assert.deepEqual([overview[0].heading, overview[0].run_in, overview[0].text], ['主动公开情况。', true, '全年通过区政府门户网站公开水务信息412条，本年作出行政许可决定36件、行政处罚决定12件。\n']);
    assert.equal(overview[1].sections[0].heading, '规范答复流程。', "Word's list number 1. (in <![if !supportLists]>) is a level-3 heading");
    const { active, requests, review } = doc.tables;
    assert.deepEqual(active, { rules: { issued: 0, repealed: 0, in_force: 0 }, normative: { issued: 1, repealed: 0, in_force: 5 }, licensing: 36, penalty: 12, enforcement: 0, fees: 0.35 });
    assert.deepEqual(requests.new, { natural: 1204, commercial: 30, research: 1, nonprofit: 2, legal: 3, other: 0, total: 1240 }, '1,204 with a comma, a stray space in the label');
    assert.deepEqual(requests.carried_over, { natural: 10, commercial: 2, research: 0, nonprofit: 0, legal: 0, other: 0, total: 12 });
    assert.equal(requests.results.partial.total, 106, 'a full-width space in the label');
    assert.equal(requests.results.withheld.three_safeties.total, 0, 'ASCII quotes in "三安全一稳定"');
    assert.equal(requests.results.unable.not_held.total, 307, '1、 for 1.');
    assert.equal(requests.results.unable.unclear.natural, 20, 'full-width ２０');
    assert.equal(requests.results.total.total, 1233);
    assert.deepEqual(requests.carried_forward, { natural: 16, commercial: 3, research: 0, nonprofit: 0, legal: 0, other: 0, total: 19 });
    assert.deepEqual(review.litigation_direct, { upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 });
    assert.deepEqual(review.litigation_after_review, { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
    // Blank cells are 0 and say so, each on its line.
    assert.match(yaml, /^ {10}natural: 0 {3}# 原表为空$/m);
    assert.equal(yaml.match(/# 原表为空/g)?.length, 3 + 4 + 7 + 5);
    // What it could not place, with the line in the page.
    assert.match(r.stdout, /3 parts could not be placed/);
    assert.match(r.stdout, /line 70: image: 2024年依申请公开办理情况图/);
    assert.match(r.stdout, /line 1315: attachment link: 2024年政府信息公开情况统计表\.xls/);
    assert.match(r.stdout, /line 1320: text after the signature: （此件公开发布）/);
    assert.match(yaml, /# 未导入的图片（原文第 70 行）：2024年依申请公开办理情况图/);
    // The check that follows finds the wrong row total the page published.
    assert.match(r.stdout, /error NB5003 .*1\.信访举报投诉类申请.*42/);
  } finally {
    cleanup();
  }
});

test('a .docx with real Word tables (gridSpan, vMerge): every table read, an image and an attachment link listed by paragraph; check passes (exit 0)', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const file = join(dir, 'report.docx');
    writeFileSync(file, await makeDocx());
    const result = await importFile(file);
    assert.ok('written' in result, JSON.stringify(result));
    assert.equal(result.run.exitCode, 0, JSON.stringify(result.run.files[0]?.diagnostics));
    assert.deepEqual(result.unplaced.map((u) => [u.kind, u.loc]), [['image', { paragraph: 5 }], ['attachment', { paragraph: 14 }], ['after-signature', { paragraph: 17 }]]);
    const doc = load(readFileSync(result.written, 'utf8')) as Doc;
    assert.equal(doc.organization, '青峪县交通运输局');
    assert.equal(doc.year, 2023);
    assert.equal(doc.date, '2024-01-25');
    assert.equal(doc.tables.active.licensing, 1025);
    assert.deepEqual(doc.tables.requests.results.unable.not_held, { natural: 1, commercial: 1, research: 0, nonprofit: 0, legal: 0, other: 0, total: 2 });
    assert.deepEqual(doc.tables.requests.results.total, { natural: 6, commercial: 2, research: 0, nonprofit: 0, legal: 0, other: 0, total: 8 });
    assert.deepEqual(doc.tables.review.reconsideration, { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
    assert.equal(doc.sections[0].sections[0].heading, '主动公开。');
    const r = runCli(['import', file, '--force', '-o', join(dir, 'again.yaml')]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /paragraph 5: image: 公开情况图/);
    assert.match(r.stdout, /paragraph 14: attachment link: 2023年统计表\.xlsx/);
  } finally {
    cleanup();
  }
});

test('text copied from a page: tables by position, the row whose numbers ran together kept as TODO, check says the row is missing (exit 1)', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const file = join(dir, 'copied.txt');
    copyFileSync(join(IMPORT, 'copied.txt'), file);
    const r = runCli(['import', file]);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const yaml = readFileSync(join(dir, 'copied.yaml'), 'utf8');
    const doc = load(yaml) as Doc;
    assert.deepEqual([doc.title, doc.organization, doc.year, doc.published, doc.date], ['澄川市城西区司法局2022年政府信息公开工作年度报告', '澄川市城西区司法局', 2022, '2023-01-20', '2023-01-18']);
    assert.equal(doc.tables.requests.new, undefined);
    assert.match(yaml, /# TODO 原表此行的单元格边界已丢失.*（原文第 27 行）：一、本年新收政府信息公开申请数量125003020/);
    assert.deepEqual(doc.tables.requests.results.granted, { natural: 8, commercial: 3, research: 0, nonprofit: 0, legal: 2, other: 0, total: 13 });
    assert.deepEqual(doc.tables.requests.carried_over, { natural: 1, commercial: 0, research: 0, nonprofit: 0, legal: 0, other: 0, total: 1 }, 'numbers spaced on a line');
    assert.deepEqual(doc.tables.active, { rules: { issued: 0, repealed: 0, in_force: 0 }, normative: { issued: 1, repealed: 0, in_force: 4 }, licensing: 58, penalty: 7, enforcement: 0, fees: 0 });
    assert.deepEqual(doc.tables.review.litigation_direct, { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
    assert.deepEqual(doc.sections[4].sections.map((s: Doc) => [s.heading, s.run_in]), [['存在的主要问题。', true], ['改进情况。', true]]);
    assert.match(r.stdout, /3 parts could not be placed/);
    assert.match(r.stdout, /line 1: text before the title: 首页 > 政府信息公开 > 政府信息公开年报/);
    assert.match(r.stdout, /line 27: table row with its numbers run together \(cell boundaries lost\), not split: 一、本年新收政府信息公开申请数量125003020/);
    assert.match(r.stdout, /line 64: the site's footer, navigation or buttons: 【打印本页】【关闭窗口】/);
    assert.match(r.stdout, /error NB5001 .*一、本年新收政府信息公开申请数量/);
    // The same copy from a PDF: table 四's values row separated by spaces.
    const pdf = join(dir, 'pdf.txt');
    writeFileSync(pdf, readFileSync(file, 'utf8').replace(/^0(\t0){14}$/m, '2 1 0 0 3 0 0 0 0 0 0 0 0 0 0'));
    const fromPdf = runCli(['import', pdf, '--lang', 'zh-CN']);
    assert.match(fromPdf.stdout, /^已从 \S+pdf\.txt 导入，写入 /, 'a space between the path and 导入');
    const spaced = load(readFileSync(join(dir, 'pdf.yaml'), 'utf8')) as Doc;
    assert.deepEqual(spaced.tables.review.reconsideration, { upheld: 2, corrected: 1, other: 0, pending: 0, total: 3 });
    assert.equal(spaced.sections[3].text, undefined);
    assert.doesNotMatch(fromPdf.stdout, /NB5001 .*行政复议/);
  } finally {
    cleanup();
  }
});

test('import refuses to overwrite without --force, and says why a source cannot be read (exit 2)', () => {
  const { dir, cleanup } = tempDir();
  try {
    const file = join(dir, 'copied.txt');
    copyFileSync(join(IMPORT, 'copied.txt'), file);
    writeFileSync(join(dir, 'copied.yaml'), 'kept: true\n');
    const exists = runCli(['import', file]);
    assert.equal(exists.code, 2);
    assert.match(exists.stderr, /copied\.yaml exists; use --force/);
    assert.equal(readFileSync(join(dir, 'copied.yaml'), 'utf8'), 'kept: true\n');
    assert.equal(runCli(['import', file, '--force']).code, 1);
    const doc = runCli(['import', join(dir, 'old.doc')]);
    assert.equal(doc.code, 2);
    assert.match(doc.stderr, /save a \.doc as \.docx/);
    assert.equal(runCli(['import', join(dir, 'none.html')]).code, 2);
    writeFileSync(join(dir, 'broken.docx'), 'not a zip');
    const broken = runCli(['import', join(dir, 'broken.docx'), '--lang', 'zh-CN']);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /broken\.docx 不是有效的 Word 文档（\.docx）/);
    assert.doesNotMatch(broken.stderr, /[A-Za-z]{4,} [a-z]{3,} [a-z]{3,}|https?:/, "the zip library's English words and URL stay out of the Chinese sentence");
    const en = runCli(['import', join(dir, 'broken.docx'), '--lang', 'en']);
    assert.match(en.stderr, /broken\.docx is not a valid Word document \(\.docx\)/);
    const traced = runCli(['import', join(dir, 'broken.docx'), '--lang', 'en'], { env: { NIANBAO_TRACE: '1' } });
    assert.match(traced.stderr, /is not a valid Word document \(\.docx\): open it in Word and save it as \.docx again: \S/, 'the library says why, after a colon, when traced');
  } finally {
    cleanup();
  }
});
