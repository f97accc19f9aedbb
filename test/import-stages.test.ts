/**
 * The import's pure stages on inline strings: decoding a declared charset, Word's markup read as
 * a browser shows it, headings and their levels, run-in headings, the national tables by their
 * labels (variants, blanks, full-width and comma numbers), rows run together, and the YAML.
 */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { load } from 'js-yaml';
import { decodeHtml, declaredCharset } from '../src/import/decode.js';
import { htmlBlocks } from '../src/import/html.js';
import { textBlocks } from '../src/import/text.js';
import { readHeading } from '../src/import/headings.js';
import { importReport } from '../src/import/import.js';
import { loadProfile } from '../src/profiles/load.js';
import { resolveProfileDir } from '../src/profiles/profile.js';
import { encodeGb18030 } from './helpers.js';

const gov2021 = loadProfile(resolveProfileDir('gov-2021', process.cwd())).tables;
const options = { profileFor: () => ({ name: 'gov-2021', tables: gov2021 }), schemaPath: 'schema.json', from: 'test.html' };
const texts = (html: string) => htmlBlocks(html).map((b) => (b.kind === 'text' ? b.text : b.kind));

test('a page is decoded in the charset its meta tag declares (GB2312 as Word writes it, or charset=)', () => {
  const page = `<html><head><meta http-equiv=Content-Type content="text/html; charset=gb2312"></head><body><p>政府信息公开</p></body></html>`;
  const bytes = encodeGb18030(page);
  assert.equal(declaredCharset(bytes), 'gb2312');
  const decoded = decodeHtml(bytes);
  assert.ok(decoded.ok && decoded.text.includes('<p>政府信息公开</p>'));
  assert.equal(declaredCharset(new TextEncoder().encode('<meta charset="utf-8">')), 'utf-8');
  // Declared, not guessed: Latin-1 bytes would read as Chinese if the page's word were ignored.
  const latin = decodeHtml(Uint8Array.from([...new TextEncoder().encode('<meta charset="windows-1252"><p>caf'), 0xe9, ...new TextEncoder().encode('</p>')]));
  assert.ok(latin.ok && latin.text.endsWith('<p>café</p>'), latin.ok ? latin.text : latin.reason);
  const utf8 = decodeHtml(new TextEncoder().encode('<p>年报</p>'));
  assert.ok(utf8.ok && utf8.text === '<p>年报</p>');
});

test("Word's markup reads as the page shows: conditional comments hidden, list numbers shown, <o:p> and nested spans are text", () => {
  const html = `<body><!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>办公室</o:Author></o:DocumentProperties></xml><![endif]-->
<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><b><span style='font-family:黑体'>一、总体<span lang=EN-US>情况</span><o:p></o:p></span></b></p>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span>加强领导。全年召开会议<span lang=EN-US>3</span>次。</span></p>
<p class=MsoNormal>第一行<br>第二行</p><p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p><span lang=EN-US><!--[if gte vml 1]><v:shape><v:imagedata src="a.files/image001.png"/></v:shape><![endif]--><![if !vml]><img src="a.files/image002.jpg" alt="统计图"><![endif]></span></p>
<p>附件：<a href="files/统计表.xls">统计表.xls</a></p><p>详见<a href="files/说明.pdf">说明</a>。</p></body>`;
  const blocks = htmlBlocks(html);
  assert.deepEqual(texts(html), ['一、总体情况', '1. 加强领导。全年召开会议3次。', '第一行', '第二行', 'lost', 'lost', '详见说明。', 'lost']);
  assert.deepEqual(
    blocks.filter((b) => b.kind === 'lost').map((b) => b.kind === 'lost' && [b.what, b.detail]),
    [['image', '统计图'], ['attachment', '统计表.xls (files/统计表.xls)'], ['attachment', '说明 (files/说明.pdf)']],
  );
  assert.equal(blocks[0]!.loc.line, 2, 'the line of the paragraph in the source');
});

test('headings by their typed numbers; levels from the order the styles appear; run-in headings end in 。', () => {
  assert.deepEqual(readHeading('一、总体情况'), { style: 1, heading: '总体情况', runIn: false });
  assert.deepEqual(readHeading('(一)主动公开'), { style: 2, heading: '主动公开', runIn: false });
  assert.deepEqual(readHeading('（一）主动公开情况。全年主动公开政府信息158条。'), { style: 2, heading: '主动公开情况。', runIn: true, text: '全年主动公开政府信息158条。' });
  assert.deepEqual(readHeading('1、加强领导'), { style: 3, heading: '加强领导', runIn: false });
  assert.equal(readHeading('1.全年共召开专题会议2次，开展督查检查12次，其中专项检查8次、日常检查4次，发现问题均已整改完毕并建立台账'), undefined, 'a long numbered paragraph stays text');
  assert.equal(readHeading('2024年，我局认真贯彻落实《条例》。'), undefined);
  const yaml = importReport(textBlocks('某县2016年政府信息公开工作年度报告\n一、工作情况\n1、加强领导\n内容。\n二、存在的问题\n内容。'), { ...options, profileFor: () => ({ name: 'free-form', tables: [] }) }).yaml;
  const doc = load(yaml) as { sections: { heading: string; sections?: { heading: string }[] }[] };
  assert.deepEqual(doc.sections.map((s) => s.heading), ['工作情况', '存在的问题']);
  assert.equal(doc.sections[0]!.sections![0]!.heading, '加强领导', '1、 under 一、 is level 2 in this report');
});

test("nianbao's own run-in markup: the heading ends where its element ends, with or without 。", () => {
  const html = '<p>某县2014年政府信息公开工作年度报告</p><h2>一、工作情况</h2><h3>（一）组织</h3><div class="run-in"><h4 class="heading">1.加强组织领导</h4><p>成立领导小组。全年召开会议2次。</p></div>';
  const { report } = importReport(htmlBlocks(html), { ...options, profileFor: () => ({ name: 'free-form', tables: [] }) });
  const run = report.sections[0]!.sections[0]!.sections[0]!;
  assert.deepEqual([run.heading, run.runIn, run.paragraphs], ['加强组织领导', true, ['成立领导小组。全年召开会议2次。']]);
});

const requestsTable = (rows: string) => `<table>
<tr><td colspan=3 rowspan=3>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan=7>申请人情况</td></tr>
<tr><td rowspan=2>自然人</td><td colspan=5>法人或其他组织</td><td rowspan=2>总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>${rows}</table>`;

test('table 三 by its labels: merged cells, label variants, blank cells as 0 with 原表为空, full-width and comma numbers', () => {
  const html = `<p>某局2024年政府信息公开工作年度报告</p><p>三、收到和处理政府信息公开申请情况</p>${requestsTable(`
<tr><td colspan=3>一、本年新收政府信息 公开申请数量</td><td>1,204</td><td>３０</td><td></td><td>&nbsp;</td><td>/</td><td>0</td><td>1,234</td></tr>
<tr><td rowspan=22>三、本年度办理结果</td><td>（三）不予公开</td><td>3.危及"三安全一稳定"</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>
<tr><td>（四）无法提供</td><td>1、本机关不掌握相关政府信息</td><td>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>2</td></tr>
<tr><td>（六）其他处理</td><td>3.其他</td><td>5</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>5</td></tr>`)}`;
  const { yaml } = importReport(htmlBlocks(html), options);
  const doc = load(yaml) as { tables: { requests: Record<string, any> } };
  const t = doc.tables.requests;
  assert.deepEqual(t.new, { natural: 1204, commercial: 30, research: 0, nonprofit: 0, legal: 0, other: 0, total: 1234 });
  assert.deepEqual(t.results.withheld.three_safeties, { natural: 1, commercial: 0, research: 0, nonprofit: 0, legal: 0, other: 0, total: 1 });
  assert.equal(t.results.unable.not_held.natural, 2);
  assert.equal(t.results.other.misc.natural, 5, '3.其他 under （六）');
  assert.match(yaml, /^ {6}research: 0 {3}# 原表为空$/m);
  assert.match(yaml, /^ {6}legal: 0 {3}# 原表为空（“\/”）$/m);
  assert.match(yaml, /# TODO 原表中没有找到这一行：二、上年结转政府信息公开申请数量/);
});

test('a copied row whose numbers ran together is kept as a TODO comment, never split; spaced numbers are read', () => {
  const text = '某局2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量1250030146\n二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1\n行政许可58';
  const { yaml, unplaced } = importReport(textBlocks(text), options);
  assert.deepEqual(unplaced.map((u) => [u.kind, u.loc.line]), [['row-run-together', 3]]);
  assert.match(yaml, /^ {4}# TODO 原表此行的单元格边界已丢失.*（原文第 3 行）：一、本年新收政府信息公开申请数量1250030146$/m);
  const doc = load(yaml) as { tables: { requests: Record<string, unknown>; active: Record<string, unknown> } };
  assert.equal(doc.tables.requests.new, undefined, 'not guessed');
  assert.deepEqual(doc.tables.requests.carried_over, { natural: 1, commercial: 0, research: 0, nonprofit: 0, legal: 0, other: 0, total: 1 });
  assert.equal(doc.tables.active.licensing, 58, 'a single value cannot lose a boundary');
});

test('title, organization, year, published and signature; text after the signature and before the title kept as comments', () => {
  const text = '首页 > 信息公开\n澄川市水务局2024年政府信息公开工作年度报告\n发布时间：2025年1月24日\n导语。\n一、总体情况\n内容。\n澄川市水务局\n2025年1月22日\n【关闭窗口】';
  const { yaml, report, unplaced } = importReport(textBlocks(text), options);
  assert.equal(report.title, '澄川市水务局2024年政府信息公开工作年度报告');
  assert.equal(report.organization, '澄川市水务局');
  assert.equal(report.year, 2024);
  assert.equal(report.published, '2025-01-24');
  assert.equal(report.date, '2025-01-22');
  assert.deepEqual(report.intro, ['导语。']);
  assert.deepEqual(unplaced.map((u) => [u.kind, u.detail, u.loc.line]), [['before-title', '首页 > 信息公开', 1], ['page-footer', '【关闭窗口】', 9]]);
  assert.match(yaml, /^# 网页的页脚、导航或按钮（不是报告正文）（原文第 9 行）：【关闭窗口】$/m);
  assert.match(yaml, /^# 标题之前的文字（原文第 1 行）：首页 > 信息公开$/m);
  // The date line above the title is the page's word on the report, not navigation.
  const above = importReport(textBlocks('发布日期：2025-01-24\n澄川市水务局2024年政府信息公开工作年度报告\n一、总体情况'), options);
  assert.equal(above.report.published, '2025-01-24');
  assert.deepEqual(above.unplaced, []);
  assert.match(above.yaml, /^# 原页面：发布日期：2025-01-24$/m);
});

test('a table of the section with one header row becomes its table:; a table nianbao does not know is kept row by row as comments', () => {
  const html = `<p>某局2024年政府信息公开工作年度报告</p><p>一、总体情况</p>
<table><caption>公开渠道 单位：条</caption><tr><th>渠道</th><th>条数</th></tr><tr><td>门户网站</td><td>120</td></tr><tr><td>政务微信</td><td>36</td></tr></table><p>注：含转载。</p>
<table><tr><td rowspan=2>季度</td><td colspan=2>办理</td></tr><tr><td>按时</td><td>延期</td></tr><tr><td>一季度</td><td>3</td><td>0</td></tr></table>`;
  const { yaml, report, unplaced } = importReport(htmlBlocks(html), options);
  assert.deepEqual(report.sections[0]!.tables, [{ title: '公开渠道', unit: '条', columns: ['渠道', '条数'], rows: [['门户网站', 120], ['政务微信', 36]], note: '注：含转载。' }]);
  assert.deepEqual(unplaced.map((u) => [u.kind, u.detail, u.loc.line]), [['table', '季度 | 办理', 3], ['table', '按时 | 延期', 3], ['table', '一季度 | 3 | 0', 3]]);
  assert.match(yaml, /^ {4}# TODO 未能识别的表格，原样保留（原文第 3 行）：一季度 \| 3 \| 0$/m);
});

test('a title set on two lines keeps its organization; with none, the page <title>, a 来源 line or the signature names it, and the import says so', () => {
  const page = (title: string, head = '') => `<html><head><title>${head}</title></head><body>${title}<p>一、总体情况</p><p>内容。</p></body></html>`;
  const twoLines = importReport(htmlBlocks(page('<p align=center><strong>澄川市水务局</strong></p><p align=center><strong>2024年政府信息公开工作年度报告</strong></p>')), options);
  assert.deepEqual([twoLines.report.title, twoLines.report.organization], ['澄川市水务局\n2024年政府信息公开工作年度报告', '澄川市水务局']);
  assert.deepEqual(twoLines.unplaced, [], 'the organization line is the title, not text before it');
  assert.match(twoLines.yaml, /^title: \|\n {2}澄川市水务局\n {2}2024年政府信息公开工作年度报告\norganization: 澄川市水务局$/m);
  assert.match(twoLines.yaml, /^# 推断：标题分两行排.*：澄川市水务局2024年政府信息公开工作年度报告$/m);
  assert.deepEqual(twoLines.report.inferred.map((i) => [i.field, i.from]), [['title', 'title-lines']]);
  // Set like the title (bold, centred) though its name ends otherwise; and in copied text, by its ending alone.
  const alike = importReport(htmlBlocks(page('<h1>澄川市城东区人民法院执行局分中心驻站联络点</h1><h1>2024年政府信息公开工作年度报告</h1>')), options).report;
  assert.equal(alike.organization, '澄川市城东区人民法院执行局分中心驻站联络点');
  assert.equal(importReport(textBlocks('澄川市城东区卫生健康委员会\n2024年政务公开工作年度报告\n一、总体情况'), options).report.organization, '澄川市城东区卫生健康委员会');
  // Navigation above a year-first title is not joined; the page's <title> names the organization.
  const nav = importReport(htmlBlocks(page('<p>首页 &gt; 信息公开</p><p>2024年政府信息公开工作年度报告</p>', '2024年政府信息公开工作年度报告-澄川市水务局')), options);
  assert.deepEqual([nav.report.title, nav.report.organization], ['2024年政府信息公开工作年度报告', '澄川市水务局']);
  assert.deepEqual(nav.report.inferred.map((i) => [i.from, i.value]), [['page-title', '澄川市水务局']]);
  assert.match(nav.yaml, /^# 推断：标题中没有发布机关，取自网页标题（原文第 1 行）：澄川市水务局$/m);
  const source = importReport(textBlocks('2024年政府信息公开工作年度报告\n来源：澄川市交通运输局　浏览次数：12\n一、总体情况'), options).report;
  assert.deepEqual([source.organization, source.inferred[0]?.from], ['澄川市交通运输局', 'source-line']);
  const signed = importReport(textBlocks('2024年政府信息公开工作年度报告\n一、总体情况\n内容。\n澄川市交通运输局\n2025年1月20日'), options).report;
  assert.deepEqual([signed.organization, signed.inferred[0]?.from], ['澄川市交通运输局', 'signature']);
});

test("with no signature, the site's footer ends the report: its lines, <footer>, <nav> and share or print boxes are kept as comments, never as text", () => {
  const html = `<body><nav>首页 | 信息公开</nav><div id="printContent"><p>澄川市水务局2024年政府信息公开工作年度报告</p>
<div class="share-box">分享到：微信 微博</div>
<p>一、总体情况</p><p>内容，技术支持由本局信息中心提供。</p><p>六、其他需要报告的事项</p><p>无。</p></div>
<p>上一篇：澄川市水务局2023年政府信息公开工作年度报告</p><p>访问量：1024</p>
<p>字号：大 中 小</p><p>主办单位：澄川市水务局</p><p>网站标识码3301000001 浙ICP备12345678号</p>
<footer><p>澄川市水务局版权所有</p><p>2025-01-24</p></footer></body>`;
  const { report, yaml, unplaced } = importReport(htmlBlocks(html), options);
  const last = report.sections.at(-1)!;
  assert.deepEqual(last.paragraphs, ['无。']);
  assert.deepEqual(report.sections[0]!.paragraphs, ['内容，技术支持由本局信息中心提供。'], 'the words inside a sentence are the report');
  assert.equal(report.date, undefined, "a date in the site's footer is no signature");
  assert.deepEqual(unplaced.map((u) => [u.kind, u.loc.line]), [['before-title', 1], ['page-footer', 2], ['page-footer', 4], ['page-footer', 4], ['page-footer', 5], ['page-footer', 5], ['page-footer', 5], ['page-footer', 6], ['page-footer', 6]]);
  assert.match(yaml, /^# 网页的页脚、导航或按钮（不是报告正文）（原文第 5 行）：网站标识码3301000001 浙ICP备12345678号$/m);
  // Copied text: the footer's lines, and a view counter under the title is the page's word on the report.
  const copied = importReport(textBlocks('澄川市水务局2024年政府信息公开工作年度报告\n来源：本局　浏览次数：12\n一、总体情况\n内容。\n分享到：\n【打印】【关闭】\n扫一扫在手机打开当前页'), options);
  assert.deepEqual(copied.report.sections[0]!.paragraphs, ['内容。']);
  assert.deepEqual(copied.unplaced.map((u) => [u.kind, u.loc.line]), [['page-footer', 5], ['page-footer', 6], ['page-footer', 7]]);
});

const REVIEW_HEAD = '四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n';

test('table 四 in copied text: a values row separated by spaces, one number a line, or the headers themselves spaced, read by position; any other count a TODO at the table', () => {
  const read = (values: string, head = REVIEW_HEAD, tables = gov2021) => importReport(textBlocks(`某局2022年政府信息公开工作年度报告\n${head}${values}\n五、存在的主要问题及改进情况\n内容。`), { ...options, profileFor: () => ({ name: 'gov-2021', tables }) });
  const spaced = read('2 1 0 0 3 0 0 0 0 0 0 0 0 0 0');
  assert.deepEqual((load(spaced.yaml) as any).tables.review.reconsideration, { upheld: 2, corrected: 1, other: 0, pending: 0, total: 3 });
  assert.deepEqual(spaced.report.sections[0]!.paragraphs, []);
  assert.deepEqual(spaced.unplaced, []);
  const perLine = read(['2', '1', '0', '0', '0', '1', '0', '0', '0', '0', '0', '0'].join('\n'), REVIEW_HEAD.replace(/\t/g, ' '));
  assert.deepEqual((load(perLine.yaml) as any).tables.review.litigation_direct, { upheld: 0, corrected: 1, other: 0, pending: 0 }, '12 values: no totals');
  assert.deepEqual([perLine.report.sections[0]!.paragraphs, perLine.unplaced], [[], []]);
  // The 2019 format's table 四 too.
  const gov2019 = loadProfile(resolveProfileDir('gov-2019', process.cwd())).tables;
  assert.equal((load(read('0 0 0 0 0 1 0 0 0 1 0 0 0 0 0', REVIEW_HEAD, gov2019).yaml) as any).tables.review.litigation_direct.total, 1);
  const wrong = read('2 1 0 0 3 0 0 0\n0 0 0');
  assert.deepEqual(wrong.report.sections[0]!.paragraphs, [], 'never text of the report');
  assert.deepEqual(wrong.unplaced.map((u) => [u.kind, u.detail, u.loc.line]), [['values-unfit', '2 1 0 0 3 0 0 0', 6], ['values-unfit', '0 0 0', 7]]);
  assert.match(wrong.yaml, /^ {4}# TODO 表头下只有数字的一行，个数与这张表的单元格数不符.*（原文第 6 行）：2 1 0 0 3 0 0 0$/m);
});
