/**
 * Checks that real reports need: warnings that fit the publisher (fees, the introduction's six
 * parts), accepting one warning on one line with a reason, tables of a section's own (the
 * 统计表 of older reports), and tables that the free form would have dropped.
 */

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Diagnostic } from '../src/diagnostics.js';
import { loadReport } from '../src/run/load.js';
import { check } from '../src/run/api.js';
import { renderHtml } from '../src/render/render.js';
import { nationalExample, ROOT, runCli, tempDir } from './helpers.js';

const NATIONAL = nationalExample();
const FREE = readFileSync(join(ROOT, 'examples', 'tieshan-2015.yaml'), 'utf8');

let temp: { dir: string; cleanup: () => void };
before(() => (temp = tempDir()));
after(() => temp.cleanup());

let n = 0;
function write(yaml: string): string {
  const file = join(temp.dir, `r${n++}.yaml`);
  writeFileSync(file, yaml);
  return file;
}
async function diagnosticsOf(yaml: string, strict = false): Promise<Diagnostic[]> {
  return [...(await check([write(yaml)], { strict })).files[0]!.diagnostics];
}
const codes = (d: readonly Diagnostic[]) => d.map((x) => x.code);

test('NB6007 fires where a fee looks typed in 元, for the publisher it is, not on plausible amounts in 万元', async () => {
  const fee = (value: string, publisher = 'department') => {
    const yaml = NATIONAL.replace(/fees: [\d.]+/, `fees: ${value}`).replace(/^publisher: department/m, `publisher: ${publisher}`);
    assert.ok(yaml.includes(`publisher: ${publisher}`));
    return yaml;
  };
  // Plausible in 万元: a department's 1234.5 or 150, a government's 3456.78 or 12000.
  for (const [value, publisher] of [['1234.5', 'department'], ['150', 'department'], ['3456.78', 'government'], ['12000', 'government']] as const) {
    assert.deepEqual(codes(await diagnosticsOf(fee(value, publisher))), [], `${value} ${publisher}`);
  }
  // Looks like 元: a department's 35000, or any 25000.5; a government's 1200000.
  for (const [value, publisher] of [['35000', 'department'], ['25000.5', 'department'], ['1200000', 'government']] as const) {
    const d = await diagnosticsOf(fee(value, publisher));
    assert.deepEqual(codes(d), ['NB6007'], `${value} ${publisher}`);
    assert.equal(d[0]!.params.wan, Number(value) / 10000);
  }
});

test('NB6008: the introduction may name the six parts in their customary wordings', async () => {
  const intro = (parts: string) => NATIONAL.replace(/全文包括[^。]*。/, `全文包括${parts}六个部分。`);
  const customary = '总体情况、主动公开政府信息情况、收到和处理政府信息公开申请的情况、因政府信息公开申请行政复议、提起行政诉讼的情况、存在的主要问题及改进情况、其他需要报告的事项';
  assert.ok(!codes(await diagnosticsOf(intro(customary))).includes('NB6008'));
  const missing = (await diagnosticsOf(intro('总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、存在的主要问题及改进情况、其他需要报告的事项'))).find((x) => x.code === 'NB6008');
  assert.equal(missing?.params.missing, '政府信息公开行政复议、行政诉讼情况');
});

test('a warning accepted on its line with a reason is kept as suppressed, not counted, not failing --strict', async () => {
  const accepted = NATIONAL.replace(/fees: [\d.]+\s*#[^\n]*/, 'fees: 35000   # nianbao-disable-line NB6007 收费含代收的不动产登记费');
  const d = await diagnosticsOf(accepted, true);
  assert.deepEqual(d.map((x) => [x.code, x.severity, x.suppressed]), [['NB6007', 'warning', '收费含代收的不动产登记费']]);
  const json = runCli(['--reporter', 'json', 'check', '--strict', write(accepted)]);
  assert.equal(json.code, 0);
  const doc = JSON.parse(json.stdout);
  assert.equal(doc.summary.warnings, 0);
  assert.equal(doc.summary.suppressed, 1);
  assert.equal(doc.files[0].diagnostics[0].suppressed, '收费含代收的不动产登记费');
  // The line above, with disable-next-line.
  const above = NATIONAL.replace(/( *)fees: [\d.]+/, '$1# nianbao-disable-next-line NB6007 代收费用\n$1fees: 35000');
  assert.deepEqual((await diagnosticsOf(above)).map((x) => x.suppressed), ['代收费用']);
  // A whole block of text, from the comment on its key's line.
  const todo = FREE.replace('  - heading: 存在的主要问题\n    text: |\n', '  - heading: 存在的主要问题\n    text: |  # nianbao-disable-line NB6001 待领导审定后补充\n      TODO 补充第四点。\n');
  assert.deepEqual((await diagnosticsOf(todo)).map((x) => [x.code, x.suppressed]), [['NB6001', '待领导审定后补充']]);
});

test('an accepting comment cannot hide an error, needs a reason, and must accept something', async () => {
  const wrongTotal = NATIONAL.replace(
    'granted: { natural: 14, commercial: 5, research: 2, nonprofit: 2, legal: 1, other: 1 }',
    'granted: { natural: 14, commercial: 5, research: 2, nonprofit: 2, legal: 1, other: 1, total: 30 }   # nianbao-disable-line NB5003 表格如此',
  );
  const d = await diagnosticsOf(wrongTotal);
  assert.ok(d.some((x) => x.code === 'NB5003' && x.severity === 'error' && x.suppressed === undefined));
  assert.deepEqual(d.filter((x) => x.code === 'NB6011').map((x) => x.params.problem), ['error']);
  const noReason = await diagnosticsOf(NATIONAL.replace(/fees: [\d.]+\s*#[^\n]*/, 'fees: 35000   # nianbao-disable-line NB6007'));
  assert.deepEqual(noReason.map((x) => [x.code, x.params.problem, x.suppressed]), [['NB6007', undefined, undefined], ['NB6011', 'reason', undefined]]);
  const unused = await diagnosticsOf(NATIONAL.replace('title: ', '# nianbao-disable-next-line NB6007 没有这个警告\ntitle: '));
  assert.deepEqual(unused.map((x) => [x.code, x.params.problem]), [['NB6011', 'unused']]);
  // In narrative text, the words are text, not a comment: they would be printed, so they are pointed out.
  const inText = await diagnosticsOf(FREE.replace('仍存在以下方面的问题', '仍存在以下方面的问题 # nianbao-disable-line NB6001 x'));
  assert.deepEqual(inText.map((x) => [x.code, x.params.problem]), [['NB6011', 'text']]);
});

const STATISTICS = `  - heading: 政府信息公开情况统计表
    table:
      title: 2015年政府信息公开情况统计表
      unit: 件
      columns: [指标, 本年, 上年]
      rows:
        - [主动公开政府信息, 2100, 1860]
        - [其中：门户网站公开, 2000, 1700]
        - [依申请公开, 12, 9]
        - [受理举报投诉, 25, 31]
      total_row: 合计
      note: 注：“其中”一行不计入合计。
`;

test("a section's own table: its total row computed (not counting 其中 rows), printed in the report", async () => {
  const file = write(`${FREE}${STATISTICS}`);
  const loaded = await loadReport(file);
  assert.deepEqual(codes(loaded.diagnostics), []);
  const table = loaded.report!.sections[3]!.ownTables[0]!;
  assert.deepEqual(table.rows[table.rows.length - 1], { label: '合计', cells: ['2137', '1900'], total: true });
  const html = renderHtml(loaded.report!, loaded.profile!, { version: 'test' });
  assert.match(html, /<caption>2015年政府信息公开情况统计表<span class="table-unit">单位：件<\/span><\/caption>/);
  assert.match(html, /<th scope="row" class="row">合计<\/th><td>2137<\/td><td>1900<\/td>/);
  assert.match(html, /注：“其中”一行不计入合计。/);
});

test("a section's own table: given totals are checked, rows must fit the header", async () => {
  const given = `${FREE}${STATISTICS.replace('        - [受理举报投诉, 25, 31]\n', '        - [受理举报投诉, 25, 31]\n        - [合计, 2137, 1901]\n')}`;
  const d = await diagnosticsOf(given);
  assert.deepEqual(d.map((x) => [x.code, x.params.column, x.params.expected]), [['NB5003', '上年', '1900']]);
  assert.equal(d[0]!.lineText?.trim(), '- [合计, 2137, 1901]');
  const column = await diagnosticsOf(`${FREE}${STATISTICS.replace('columns: [指标, 本年, 上年]', 'columns: [指标, 本年, 上年, 小计]').replace('[依申请公开, 12, 9]', '[依申请公开, 12, 9, 22]').replace(/\[(主动公开政府信息|其中：门户网站公开|受理举报投诉), (\d+), (\d+)\]/g, (_m, l: string, a: string, b: string) => `[${l}, ${a}, ${b}, ${Number(a) + Number(b)}]`).replace('total_row: 合计', 'total_row: 合计\n      total_column: 小计')}`);
  assert.deepEqual(column.map((x) => [x.code, x.params.row, x.params.expected]), [['NB5003', '依申请公开', '21']]);
  const short = await diagnosticsOf(`${FREE}${STATISTICS.replace('[依申请公开, 12, 9]', '[依申请公开, 12]')}`);
  assert.deepEqual(codes(short), ['NB5009']);
});

test('a free-form report with national tables is rejected: they would be dropped', async () => {
  const d = await diagnosticsOf(`${FREE}tables:\n  active:\n    licensing: 3\n`);
  assert.deepEqual(codes(d), ['NB2109']);
  assert.equal(d[0]!.lineText, 'tables:');
});

test('every TODO marker is reported, two in one paragraph as two', async () => {
  const d = await diagnosticsOf(FREE.replace('仍存在以下方面的问题', 'TODO 补充原因，仍存在以下方面的问题（TODO 核对）'));
  assert.deepEqual(d.map((x) => x.code), ['NB6001', 'NB6001']);
  assert.notEqual(d[0]!.position?.column, d[1]!.position?.column);
});

test('numbers typed as text are answered with the number to write: 2025年, ３２５６, 3,256, "0"', async () => {
  const year = (await diagnosticsOf(NATIONAL.replace(/^year: 2024/m, 'year: 2024年')))[0]!;
  assert.deepEqual([year.code, year.params.rewrite], ['NB2101', 2024]);
  const { messageFor } = await import('../src/messages/diagnostics.js');
  assert.match(messageFor(year.code, year.params, 'zh-CN').expected!, /去掉“年”，写成 2024/);
  for (const [typed, hint, value] of [['"３８"', '全角数字改为半角', 38], ['"3,8"', '', undefined], ['"38"', '去掉引号', 38]] as const) {
    const d = (await diagnosticsOf(NATIONAL.replace('new: { natural: 38,', `new: { natural: ${typed},`))).find((x) => x.code === 'NB5002');
    assert.equal(d?.params.rewrite, value, typed);
    if (hint) assert.match(messageFor('NB5002', d!.params, 'zh-CN').expected!, new RegExp(`${hint}，写成 ${value}`));
  }
  const thousands = (await diagnosticsOf(NATIONAL.replace(/licensing: \d+/, 'licensing: "1,214"')))[0]!;
  assert.match(messageFor('NB5002', thousands.params, 'zh-CN').expected!, /去掉千位分隔符，写成 1214/);
});

test('one mistake, one message: a full-width colon, a misspelt heading key, a group written as one row', async () => {
  assert.deepEqual((await diagnosticsOf(FREE.replace(/^year: 2015/m, 'year： 2015'))).map((x) => x.code), ['NB2006']);
  assert.deepEqual((await diagnosticsOf(FREE.replace('  - heading: 存在的主要问题', '  - hedding: 存在的主要问题'))).map((x) => [x.code, x.params.suggestion]), [['NB2102', 'heading']]);
  const grouped = NATIONAL.replace(/ {6}withheld: {3}# （三）不予公开\n(?: {8}.*\n){8}/, '      withheld: { natural: 4, commercial: 1, research: 0, nonprofit: 0, legal: 1, other: 0 }\n');
  assert.notEqual(grouped, NATIONAL);
  const d = await diagnosticsOf(grouped);
  assert.deepEqual(d.map((x) => x.code), ['NB5011']);
  assert.match(String(d[0]!.params.rows), /^state_secret（1\.属于国家秘密）、.*inquiry（8\.属于行政查询事项）$/);
});
