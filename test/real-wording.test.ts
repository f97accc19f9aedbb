/**
 * Real reports word things in many ways: each case here was written the way published reports
 * write it, and must pass when right and be caught when wrong. Every case is one of the bundled
 * examples with one thing changed.
 */

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Diagnostic } from '../src/diagnostics.js';
import { levelOf } from '../src/model/level.js';
import { check } from '../src/run/api.js';
import { nationalExample, ROOT, tempDir } from './helpers.js';

const NATIONAL = nationalExample();
const FREE = readFileSync(join(ROOT, 'examples', 'tieshan-2015.yaml'), 'utf8');
// The example's table 三: new 57, carried over 3, granted 25, partial 6, results 56; table 四:
// 行政复议 4, 直接起诉 2, 复议后起诉 1; table 二: licensing 214, penalty 96.
const SENTENCE = '本年度办结申请{{tables.requests.results.total.total}}件';

let temp: { dir: string; cleanup: () => void };
before(() => (temp = tempDir()));
after(() => temp.cleanup());
let n = 0;
async function codesOf(yaml: string): Promise<string[]> {
  const file = join(temp.dir, `r${n++}.yaml`);
  writeFileSync(file, yaml);
  return (await check([file])).files[0]!.diagnostics.map((d: Diagnostic) => `${d.code}${d.params.expected !== undefined ? `=${d.params.expected}` : ''}`);
}
const saying = (text: string) => NATIONAL.replace(SENTENCE, text);

test('sentences about another year, a wider scope, documents or last year\'s applications are not compared with this year\'s table', async () => {
  for (const other of [
    '（2023年收到政府信息公开申请32件）',
    '上年度新收政府信息公开申请91件',
    '全市各级行政机关共收到政府信息公开申请3,256件',
    '全年审核发文386件，其中主动公开298件，不予公开12件',
    '上年结转的3件申请均已办结，其中予以公开2件',
    '政务服务中心全年共受理各类申请86542件，办结86542件',
    '县政府全年审结行政复议案件91件',
    '市政府撤销行政处罚决定1件',
    '减免行政事业性收费512.3万元',
    '审核拟印发规范性文件23件',
    '行政许可、行政处罚决定7个工作日内上网公示',
  ]) {
    assert.deepEqual(await codesOf(saying(other)), [], other);
  }
});

test('a clause that narrows the quantity may quote one of its parts, never a wrong total', async () => {
  assert.deepEqual(await codesOf(saying('自然人申请38件，予以公开14件；法人或其他组织申请19件，予以公开11件')), []);
  assert.deepEqual(await codesOf(saying('因涉及第三方合法权益不予公开3件')), []);
  assert.deepEqual(await codesOf(saying('予以公开14件')), ['NB5006=25'], 'no narrowing: the total');
});

test('more ways to state table numbers: shared 决定, 分别为, 的, 结转至, a figure or reference in place of the number, 元', async () => {
  assert.deepEqual(await codesOf(saying('作出行政许可、行政处罚决定共310件')), []);
  assert.deepEqual(await codesOf(saying('作出行政许可、行政处罚决定共311件')), ['NB5006=310']);
  assert.deepEqual(await codesOf(saying('行政复议、行政诉讼分别为4件、3件')), []);
  assert.deepEqual(await codesOf(saying('行政复议、行政诉讼分别为4件、2件')), ['NB5006=3']);
  assert.deepEqual(await codesOf(saying('予以公开的24件')), ['NB5006=25']);
  assert.deepEqual(await codesOf(saying('结转至下年度继续办理5件')), ['NB5006=4']);
  assert.deepEqual(await codesOf(saying('本年新收政府信息公开申请{{tables.requests.carried_over.total}}件')), ['NB5006=57']);
  assert.deepEqual(await codesOf(saying('本年新收政府信息公开申请{{tables.requests.new.total}}件')), []);
  assert.deepEqual(await codesOf(saying('共收到政府信息公开申请60件（含上年结转3件）')), [], 'a count that says it includes the carried over');
  assert.deepEqual(await codesOf(saying('共收到政府信息公开申请60件')), ['NB5006=57'], 'new plus carried over, said as new');
});

test('"none" in the text against a table that has some', async () => {
  assert.deepEqual(await codesOf(saying('本年度未发生行政复议和行政诉讼')), ['NB5010=4', 'NB5010=3']);
  const none = NATIONAL.replace(/reconsideration: \{[^}]*\}/, 'reconsideration: { upheld: 0, corrected: 0, other: 0, pending: 0 }');
  assert.deepEqual(await codesOf(saying('本年度未发生行政复议纠正的情况')), [], 'about a kind of outcome, not the count');
  assert.deepEqual((await codesOf(none.replace(SENTENCE, '本年度未发生因政府信息公开申请行政复议的情况'))).filter((c) => c.startsWith('NB5')), []);
});

test('free-form parts in the many wordings real reports use; heading numbers in the report\'s own style', async () => {
  const free = (problems: string, measures: string) => FREE.replace('- heading: 存在的主要问题', `- heading: ${problems}`).replace('- heading: 下步整改措施', `- heading: ${measures}`);
  for (const [problems, measures] of [['存在问题', '2016年工作打算'], ['存在的困难和问题', '明年工作计划'], ['问题与不足', '今后努力方向'], ['存在的问题及原因', '下一步工作措施']]) {
    assert.deepEqual(await codesOf(free(problems!, measures!)), [], `${problems} / ${measures}`);
  }
  for (const both of ['存在问题及改进措施', '存在的不足和今后努力方向']) {
    assert.deepEqual(await codesOf(FREE.replace('- heading: 存在的主要问题', `- heading: ${both}`).replace(/ {2}- heading: 下步整改措施\n {4}text: \|\n(?: {6}.*\n)+/, '')), [], both);
  }
  // A work section that names 措施 early does not take the improvements' place at the end.
  assert.deepEqual(await codesOf(FREE.replace('- heading: 政府信息公开工作完成情况', '- heading: 主要做法和措施')), []);
  assert.deepEqual(await codesOf(FREE.replace('- heading: 加强组织领导,健全工作机制', '- heading: 1、加强组织领导,健全工作机制')), []);
});

test('a national-format part under another heading is "rename it", not missing plus unexpected', async () => {
  assert.deepEqual(await codesOf(NATIONAL.replace('- heading: 收到和处理政府信息公开申请情况', '- heading: 依申请公开政府信息情况')), ['NB3011']);
});

test('the level of a body, from its name', () => {
  const cases: [string, string][] = [
    ['镇江市人民政府', 'higher'], ['中华人民共和国住房和城乡建设部', 'higher'], ['萍乡市人民政府', 'higher'], ['国家乡村振兴局', 'higher'],
    ['某市某区住房和城乡建设局', 'county'], ['宁川县市场监督管理局', 'county'], ['某某市高新区管委会', 'county'],
    ['清河镇人民政府', 'township'], ['东城街道办事处', 'township'], ['某某乡人民政府', 'township'],
  ];
  for (const [name, level] of cases) assert.equal(levelOf(name), level, name);
});

test('deadlines and dates: by level and law; dates in a possible order; the year of the statistics period', async () => {
  const published = (date: string, yaml = NATIONAL) => yaml.replace(/^published: .*$/m, `published: ${date}`).replace(/^date: .*$/m, `date: ${date}`);
  assert.deepEqual(await codesOf(published('2025-02-20')), ['NB6006']);
  // A 街道 is not bound by 第四十九条; a government publishes by 31 March when publisher is left out.
  const street = published('2025-02-20').replace(/^organization: .*$/m, 'organization: 东城街道办事处').replace(/^publisher: .*\n/m, '');
  assert.ok(!(await codesOf(street)).includes('NB6006'));
  const government = published('2025-03-20').replace(/^organization: .*$/m, 'organization: 澄川市人民政府').replace(/^publisher: .*\n/m, '');
  assert.ok(!(await codesOf(government)).includes('NB6006'));
  // Before 2019, everyone by 31 March (2007 条例 第三十一条).
  assert.deepEqual(await codesOf(published('2016-03-20', FREE)), []);
  assert.deepEqual(await codesOf(published('2016-04-15', FREE)), ['NB6006']);
  assert.deepEqual(await codesOf(published('2024-12-20')), ['NB6012'], 'published before the year ended');
  assert.deepEqual(await codesOf(NATIONAL.replace(/^date: .*$/m, 'date: 2025-01-30')), ['NB6012'], 'signed after publication');
  assert.deepEqual(await codesOf(NATIONAL.replace('统计期限为2024年1月1日至12月31日', '统计期限为2024年1月1日至2023年12月31日')), ['NB6005']);
  assert.deepEqual(await codesOf(NATIONAL.replace(/^title: .*$/m, 'title: 澄川市生态环境局二〇二三年政府信息公开工作年度报告')), ['NB6005']);
  assert.deepEqual(await codesOf(NATIONAL.replace('由澄川市生态环境局编制', '由青峪市生态环境局编制')), ['NB6013']);
  assert.deepEqual(await codesOf(NATIONAL.replace('由澄川市生态环境局编制', '由局办公室编制')), []);
  const district = NATIONAL.replace(/^organization: .*$/m, 'organization: 青阳市城南区人民政府').replace('由澄川市生态环境局编制', '由城南区人民政府办公室编制');
  assert.ok(!(await codesOf(district)).includes('NB6013'), 'the district office of the same district');
});

test('tables as published: a blank cell is 0; a wrong 总计 is said once, and not again as an imbalance', async () => {
  const blank = NATIONAL.replace('partial: { natural: 4, commercial: 1, research: 0,', 'partial: { natural: 4, commercial: 1, research: ,');
  assert.deepEqual(await codesOf(blank), []);
  const total = NATIONAL.replace(
    'granted: { natural: 14, commercial: 5, research: 2, nonprofit: 2, legal: 1, other: 1 }',
    'granted: { natural: 14, commercial: 5, research: 2, nonprofit: 2, legal: 1, other: 1 }\n      total: { natural: 35, commercial: 10, research: 2, nonprofit: 3, legal: 3, other: 1, total: 55 }',
  );
  assert.deepEqual((await codesOf(total)).filter((c) => c.startsWith('NB5')), ['NB5003=37', 'NB5003=56']);
});

test('the text against itself: parts that add up to more than their total, shares above 100 %', async () => {
  assert.deepEqual(await codesOf(saying('共收到政府信息公开申请57件，其中自然人申请38件、商业企业申请9件')), []);
  assert.deepEqual(await codesOf(saying('共收到各类意见建议58条，其中网络留言40条、信函25条')), ['NB6014']);
  // Numbers after the list are not its parts.
  assert.deepEqual(await codesOf(saying('全年共收到各类来信156件，其中网上98件、当面41件、信函17件，比2011年的102件增长52.9%')), []);
  assert.deepEqual(await codesOf(saying('区政府共收到各类来信128件（含转办6件），其中网上来信122件，较上年度增加31件')), []);
  assert.deepEqual(await codesOf(saying('予以公开占44.6%、部分公开占10.7%、无法提供占23.2%，其余为其他情形')), []);
  assert.deepEqual(await codesOf(saying('予以公开占54.6%、部分公开占30.7%、无法提供占23.2%')), ['NB6014']);
});

test("last year's report is read with its own profile: a 2020 report (gov-2019) for a 2021 one", async () => {
  const previous = readFileSync(join(ROOT, 'test', 'fixtures', 'reports', 'right-gov2019-county-dept-2020.yaml'), 'utf8');
  writeFileSync(join(temp.dir, 'prev-2020.yaml'), previous);
  const y2021 = NATIONAL.replace(/^year: .*$/m, 'year: 2021\nprevious: prev-2020.yaml')
    .replace(/2024年/g, '2021年')
    .replace(/^published: .*$/m, 'published: 2022-01-20')
    .replace(/^date: .*$/m, 'date: 2022-01-18');
  // This year's 上年结转 (2, 1, 0 …) is not last year's 结转下年度 (1, 0 …): NB6002, not "cannot read".
  const codes = (await codesOf(y2021)).filter((c) => c.startsWith('NB6'));
  assert.ok(codes.some((c) => c.startsWith('NB6002')) && !codes.some((c) => c.startsWith('NB6009')), codes.join(' '));
  const matching = y2021.replace(/carried_over: \{[^}]*\}/, 'carried_over: { natural: 1, commercial: 0, research: 0, nonprofit: 0, legal: 0, other: 0 }');
  assert.ok(!(await codesOf(matching)).some((c) => c.startsWith('NB6002') || c.startsWith('NB6009')));
});

test('round two of real wording: compound and qualified phrases, units, blame on year', async () => {
  assert.deepEqual(await codesOf(saying('予以全部或部分公开31件')), []);
  assert.deepEqual(await codesOf(saying('部分予以公开6件')), []);
  assert.deepEqual(await codesOf(saying('予以公开31件（含部分公开6件）')), []);
  assert.deepEqual(await codesOf(saying('其中准予行政许可200件、不予行政许可14件')), []);
  assert.deepEqual(await codesOf(saying('对拟主动公开的431条信息逐条审查，予以公开417条，不予公开14条')), []);
  assert.deepEqual(await codesOf(saying('局政务服务窗口全年收到各类申请126,358件，共办结各类申请126,330件')), []);
  assert.deepEqual(await codesOf(saying('市政府作为行政复议机关，全年新收行政复议案件46件')), []);
  assert.deepEqual(await codesOf(saying('因政府信息公开工作被申请行政复议3件')), ['NB5006=4'], 'the tables\' own scope is no narrowing');
  assert.deepEqual(await codesOf(saying('予以公开占44.6%、部分公开占10.7%，同比增长18.8%，办结率100%')), []);
  const year = NATIONAL.replace(/^year: 2024/m, 'year: 2023');
  assert.deepEqual((await codesOf(year)).filter((c) => c.startsWith('NB6')), ['NB6005'], 'one finding, at year:');
});

test('round three: wrapped lines, totals given with their parts, topics and channels, rounding, outlines', async () => {
  assert.deepEqual(await codesOf(saying('上年度，本局共\n          收到政府信息公开申请91件')), [], 'a wrapped line keeps its sentence');
  assert.deepEqual(await codesOf(saying('本年度共受理政府信息公开申请60件（其中本年新收政府信息公开申请57件、上年结转3件）')), []);
  assert.deepEqual(await codesOf(saying('本年度办结56件，其中予以公开25件，部分公开6件')), []);
  assert.deepEqual(await codesOf(saying('本年度办结55件，其中予以公开24件，部分公开6件')), ['NB5006=56', 'NB5006=25'], 'parts that agree with each other do not make a wrong total right');
  assert.deepEqual(await codesOf(saying('以信函方式收到政府信息公开申请17件')), []);
  assert.deepEqual(await codesOf(saying('涉及环评审批的申请21件，予以公开12件')), []);
  assert.deepEqual(await codesOf(saying('书面征求第三方意见21件，其中第三方同意公开9件')), []);
  assert.deepEqual(await codesOf(saying('上年结转3件，截至3月底已办结2件')), []);
  assert.deepEqual(await codesOf(saying('予以公开占38%、部分公开占38%、不予公开占25%')), [], 'whole percents of 3/8, 3/8, 2/8');
  assert.deepEqual(await codesOf(saying('共召开专题会议2次，开展督查检查12次，其中专项检查8次、日常检查4次')), []);
});

test('"none" said in other ways: 无上年结转申请, 未收取行政事业性收费', async () => {
  assert.deepEqual(await codesOf(saying('本年度无上年结转申请')), ['NB5010=3']);
  assert.deepEqual(await codesOf(saying('本年度未收取行政事业性收费')), [], 'the example collects no fee');
  assert.deepEqual(await codesOf(NATIONAL.replace(/fees: [\d.]+/, 'fees: 2.5').replace(SENTENCE, '本年度未收取行政事业性收费')), ['NB5010=2.5']);
  assert.deepEqual(await codesOf(saying('无法提供13件')), []);
});

test('from review: 元 compared at 元 precision, diagnostics name their text, long texts stay fast, wrapped sentences point at their line', async () => {
  const fee = NATIONAL.replace(/fees: [\d.]+/, 'fees: 1.5');
  assert.deepEqual(await codesOf(fee.replace(SENTENCE, '收取行政事业性收费15000元')), []);
  assert.deepEqual(await codesOf(fee.replace(SENTENCE, '收取行政事业性收费10000元')), ['NB5006=1.5']);
  const file = join(temp.dir, 'path.yaml');
  writeFileSync(file, saying('予以公开24件'));
  assert.match(String((await check([file])).files[0]!.diagnostics[0]!.path), /^\/sections\/0\/sections\/1\/text$/);
  // 100 KB of phrases in one text: linear work.
  const long = saying(`${'予以公开25件，'.repeat(6000)}`);
  const started = performance.now();
  assert.deepEqual(await codesOf(long), []);
  assert.ok(performance.now() - started < 5000, `${Math.round(performance.now() - started)} ms`);
  // A sentence wrapped before its total: NB6014 on the line where the total is.
  const wrapped = saying('本年度\n          共收到各类咨询10件，其中电话8件、来信5件');
  const d = (await check([(writeFileSync(file, wrapped), file)])).files[0]!.diagnostics.find((x) => x.code === 'NB6014')!;
  assert.match(d.lineText ?? '', /共收到各类咨询10件/);
});
