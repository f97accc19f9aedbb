/**
 * The national format's tables: every identity (spec §3.1) with a passing and a failing case,
 * cell validation, computed totals, prose against tables, and the plausibility warnings (§3.2).
 */

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Diagnostic } from '../src/diagnostics.js';
import { skeletonYaml } from '../src/profiles/skeleton.js';
import { loadProfile } from '../src/profiles/load.js';
import { TEMPLATES_DIR, type Profile } from '../src/profiles/profile.js';
import { sourceFromText } from '../src/source/source.js';
import type { TableValues } from '../src/tables/cells.js';
import { tableValueAt } from '../src/tables/lookup.js';
import { validateReport } from '../src/checks/validate.js';
import { parseYaml } from '../src/source/yaml.js';

const profiles: Record<string, Profile> = {
  'gov-2021': loadProfile(join(TEMPLATES_DIR, 'gov-2021')),
  'gov-2019': loadProfile(join(TEMPLATES_DIR, 'gov-2019')),
};

/** A complete report with zeros everywhere and no TODO left. */
function skeleton(profile = 'gov-2021', year = 2024): string {
  return skeletonYaml(profiles[profile]!, { year, organization: '临江市测试局', schemaPath: 'x.json' })
    .replace(/TODO ?/g, '')
    .replace(`published: ${year + 1}-01-31`, `published: ${year + 1}-01-20`);
}

/** Sets the cells of a row written on one line (`new: { natural: 0, … }` or `licensing: 0`). */
function setRow(yaml: string, row: string, cells: Record<string, number | string> | number | string): string {
  const re = new RegExp(`^(\\s*)${row}: (\\{[^}]*\\}|\\S+)`, 'm');
  assert.match(yaml, re, `row ${row} is in the skeleton`);
  const value = typeof cells === 'object' ? `{ ${Object.entries(cells).map(([k, v]) => `${k}: ${v}`).join(', ')} }` : String(cells);
  return yaml.replace(re, `$1${row}: ${value}`);
}

function check(yaml: string, profile = 'gov-2021', previous?: ReadonlyMap<string, TableValues>) {
  const source = sourceFromText('r.yaml', yaml);
  const { parsed, diagnostics } = parseYaml(source);
  assert.deepEqual(diagnostics, []);
  return validateReport(source, parsed!, profiles[profile]!, previous ? { previousTables: previous } : {});
}

const codes = (ds: readonly Diagnostic[]) => ds.map((d) => d.code);
const six = (n: number[]) => ({ natural: n[0]!, commercial: n[1]!, research: n[2]!, nonprofit: n[3]!, legal: n[4]!, other: n[5]! });

/** A balanced table 三: 10+2 new, 1 carried over = 9 granted + 1 partial + 1 不掌握 + 1 重复 + 1 forward. */
function balanced(): string {
  let y = skeleton();
  y = setRow(y, 'new', six([8, 2, 0, 0, 1, 1]));
  y = setRow(y, 'carried_over', six([1, 0, 0, 0, 0, 0]));
  y = setRow(y, 'granted', six([6, 1, 0, 0, 1, 1]));
  y = setRow(y, 'partial', six([1, 0, 0, 0, 0, 0]));
  y = setRow(y, 'not_held', six([1, 0, 0, 0, 0, 0]));
  y = setRow(y, 'duplicate', six([0, 1, 0, 0, 0, 0]));
  y = setRow(y, 'carried_forward', six([1, 0, 0, 0, 0, 0]));
  return y;
}

test('the skeleton of each profile passes with no diagnostics once its TODOs are gone', () => {
  assert.deepEqual(codes(check(skeleton()).diagnostics), []);
  assert.deepEqual(codes(check(skeleton('gov-2019', 2020), 'gov-2019').diagnostics), []);
});

test('omitted totals are computed: row totals (I2), the result total (I3), group sums for prose', () => {
  const { report, diagnostics } = check(balanced());
  assert.deepEqual(codes(diagnostics), []);
  const defs = profiles['gov-2021']!.tables;
  const at = (path: string) => tableValueAt(defs, report!.tables, path);
  assert.equal(at('requests.new.total'), 12);
  assert.equal(at('requests.results.total.natural'), 8);
  assert.equal(at('requests.results.total.total'), 12);
  assert.equal(at('requests.results.unable.total'), 1);
  assert.equal(at('requests.results.withheld.total'), 0);
  assert.equal(at('review.reconsideration.total'), 0);
  assert.equal(at('active.fees'), 0);
});

test('I1: 第一项加第二项之和等于第三项加第四项之和, in every column', () => {
  const bad = check(setRow(balanced(), 'granted', six([7, 1, 0, 0, 1, 1])));
  const d = bad.diagnostics.filter((x) => x.code === 'NB5004');
  // Only the column the report wrote; the computed 总计 column fails with it and is not repeated.
  assert.deepEqual(d.map((x) => x.params.column), ['自然人']);
  assert.match(String(d[0]!.params.left), /一、本年新收政府信息公开申请数量（8） \+ 二、上年结转政府信息公开申请数量（1） = 9$/);
  assert.match(String(d[0]!.params.right), /（七）总计（9） \+ 四、结转下年度继续办理（1） = 10$/);
  // Which cell is wrong cannot be known; the message points at the first cell of the identity.
  assert.equal(d[0]!.position?.line, balanced().split('\n').findIndex((l) => /^\s+new:/.test(l)) + 1);
});

test('I2: a given 总计 column must equal the row\'s sum', () => {
  const ok = check(setRow(balanced(), 'new', { ...six([8, 2, 0, 0, 1, 1]), total: 12 }));
  assert.deepEqual(codes(ok.diagnostics), []);
  const bad = check(setRow(balanced(), 'new', { ...six([8, 2, 0, 0, 1, 1]), total: 13 }));
  const d = bad.diagnostics.find((x) => x.code === 'NB5003')!;
  assert.deepEqual([d.params.row, d.params.column, d.params.given, d.params.expected], ['一、本年新收政府信息公开申请数量', '总计', 13, 12]);
  assert.match(String(d.params.parts), /^自然人 8 \+ 商业企业 2 \+ 科研机构 0 \+ 社会公益组织 0 \+ 法律服务机构 1 \+ 其他 1$/);
});

test('I3: a given （七）总计 row must equal the sum of the 22 result rows', () => {
  const withTotal = (natural: number) => balanced().replace(/^(\s+)(misc: \{[^}]*\}.*)$/m, `$1$2\n$1__total__`).replace(/^(\s+)__total__$/m, `      total: { natural: ${natural}, commercial: 2, research: 0, nonprofit: 0, legal: 1, other: 1 }`);
  assert.deepEqual(codes(check(withTotal(8)).diagnostics), []);
  const bad = check(withTotal(9));
  const d = bad.diagnostics.find((x) => x.code === 'NB5003')!;
  assert.deepEqual([d.params.row, d.params.column, d.params.given, d.params.expected], ['（七）总计', '自然人', 9, 8]);
});

test('I4: cells are whole numbers ≥ 0, never text; a blank cell stands for 0, as in published tables', () => {
  const cases: [string, string][] = [
    ['-1', 'NB5002'],
    ['1.5', 'NB5002'],
    ['"3"', 'NB5002'],
    ['.nan', 'NB5002'],
    ['9007199254740993', 'NB5002'],
    // Blank (`natural: ,`) is 0: here the column then no longer balances.
    ['', 'NB5004'],
    ['"—"', 'NB5004'],
  ];
  for (const [value, code] of cases) {
    const y = balanced().replace(/^(\s+)partial: \{ natural: 1,/m, `$1partial: { natural: ${value},`);
    assert.deepEqual(codes(check(y).diagnostics).filter((c) => c.startsWith('NB5')).slice(0, 1), [code], value);
  }
  const missing = check(balanced().replace(/^(\s+)partial: \{ natural: 1, /m, '$1partial: { '));
  const d = missing.diagnostics.find((x) => x.code === 'NB5001')!;
  assert.deepEqual([d.params.row, d.params.column], ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '自然人']);
  const noRow = check(balanced().replace(/^\s+inquiry: .*\n/m, ''));
  assert.deepEqual(codes(noRow.diagnostics).filter((c) => c.startsWith('NB5')), ['NB5001']);
  const noTables = check(balanced().slice(0, balanced().indexOf('tables:')));
  assert.deepEqual(codes(noTables.diagnostics), ['NB5001']);
});

test('unknown rows and columns in a table are named with a suggestion', () => {
  const y = balanced().replace('granted: {', 'grnated: {').replace('carried_forward: { natural', 'carried_forward: { naturel');
  const d = check(y).diagnostics.filter((x) => x.code === 'NB2102');
  assert.deepEqual(d.map((x) => [x.params.key, x.params.suggestion]), [['grnated', 'granted'], ['naturel', 'natural']]);
});

test('I5: each block of table 四 adds up to its 总计', () => {
  const ok = setRow(balanced(), 'reconsideration', { upheld: 2, corrected: 1, other: 0, pending: 1, total: 4 });
  assert.deepEqual(codes(check(ok).diagnostics), []);
  const bad = check(setRow(balanced(), 'litigation_direct', { upheld: 2, corrected: 1, other: 0, pending: 1, total: 5 }));
  const d = bad.diagnostics.find((x) => x.code === 'NB5003')!;
  assert.deepEqual([d.params.table, d.params.row, d.params.column, d.params.given, d.params.expected], ['政府信息公开行政复议、行政诉讼情况', '未经复议直接起诉', '总计', 5, 4]);
});

test('I7: table 二 counts are whole numbers; the fee is a decimal in 万元', () => {
  assert.deepEqual(codes(check(setRow(balanced(), 'fees', '1.25')).diagnostics), []);
  assert.deepEqual(codes(check(setRow(balanced(), 'fees', '-0.5')).diagnostics), ['NB5002']);
  assert.deepEqual(codes(check(setRow(balanced(), 'licensing', '2.5')).diagnostics), ['NB5002']);
});

test('I8: a number in the prose that contradicts the table it names is an error; a reference is not', () => {
  const withText = (text: string) => balanced().replace('text: 填写依申请公开工作情况。', `text: ${text}`);
  assert.deepEqual(codes(check(withText('全年共收到政府信息公开申请12件，予以公开9件，部分公开1件。')).diagnostics), []);
  const bad = check(withText('全年共收到政府信息公开申请12件，予以公开10件，结转下年度继续办理2件。')).diagnostics;
  assert.deepEqual(bad.map((d) => [d.code, d.params.found, d.params.expected]), [
    ['NB5006', '予以公开10件', 9],
    ['NB5006', '结转下年度继续办理2件', 1],
  ]);
  assert.deepEqual(codes(check(withText('予以公开{{tables.requests.results.granted.total}}件，不予公开{{tables.requests.results.withheld.total}}件。')).diagnostics), []);
  assert.deepEqual(codes(check(withText('共{{tables.requests.nwe.total}}件。')).diagnostics), ['NB4003']);
});

test('the 2019 format: （六）其他处理 is one row, and 本年增/减 may be negative', () => {
  let y = skeleton('gov-2019', 2020);
  y = setRow(y, 'new', six([3, 0, 0, 0, 0, 0]));
  y = setRow(y, 'other', six([3, 0, 0, 0, 0, 0]));
  y = setRow(y, 'licensing', { last_year: 12, change: -2, decisions: 40 });
  const { report, diagnostics } = check(y, 'gov-2019');
  assert.deepEqual(codes(diagnostics), []);
  assert.equal(tableValueAt(profiles['gov-2019']!.tables, report!.tables, 'requests.results.total.total'), 3);
  assert.deepEqual(codes(check(setRow(y, 'new', six([4, 0, 0, 0, 0, 0])), 'gov-2019').diagnostics), ['NB5004']);
});

test('C1/C2: carry-over and normative documents against last year\'s report', () => {
  let lastYear = setRow(skeleton(), 'carried_forward', six([2, 0, 0, 0, 0, 0]));
  lastYear = setRow(setRow(lastYear, 'new', six([2, 0, 0, 0, 0, 0])), 'normative', { issued: 1, repealed: 0, in_force: 20 });
  const last = check(lastYear);
  assert.deepEqual(codes(last.diagnostics), []);
  const previous = last.report!.tables;
  let y = balanced();
  y = setRow(y, 'normative', { issued: 3, repealed: 1, in_force: 25 });
  const warnings = check(y, 'gov-2021', previous).diagnostics;
  assert.deepEqual(warnings.map((d) => [d.code, d.severity]), [
    ['NB6003', 'warning'],
    ['NB6002', 'warning'],
  ]);
  y = setRow(setRow(balanced(), 'normative', { issued: 3, repealed: 1, in_force: 22 }), 'carried_over', six([2, 0, 0, 0, 0, 0]));
  y = setRow(y, 'carried_forward', six([2, 0, 0, 0, 0, 0]));
  assert.deepEqual(codes(check(y, 'gov-2021', previous).diagnostics), []);
  // Fewer in force than 20 + 3 − 1: documents also expire or are cleaned up. No warning.
  assert.deepEqual(codes(check(setRow(y, 'normative', { issued: 3, repealed: 1, in_force: 17 }), 'gov-2021', previous).diagnostics), []);
});

test('C3, C5, C6: 规章 from a district body, years, the deadline, a fee typed in 元', () => {
  const y = balanced();
  assert.deepEqual(codes(check(setRow(y, 'rules', { issued: 1, repealed: 0, in_force: 6 }).replace(/临江市测试局/g, '某某区测试局')).diagnostics), ['NB6004']);
  assert.deepEqual(codes(check(setRow(y, 'rules', { issued: 1, repealed: 0, in_force: 6 })).diagnostics), [], 'a city body may report 规章');
  assert.deepEqual(codes(check(y.replace('title: "临江市测试局2024年', 'title: "临江市测试局2023年')).diagnostics), ['NB6005']);
  assert.deepEqual(codes(check(y.replace('统计期限为2024年', '统计期限为2023年')).diagnostics), ['NB6005']);
  assert.deepEqual(codes(check(y.replace('published: 2025-01-20', 'published: 2025-02-10')).diagnostics), ['NB6006']);
  assert.deepEqual(codes(check(y.replace('published: 2025-01-20', 'published: 2025-02-10').replace('publisher: department', 'publisher: government')).diagnostics), []);
  assert.deepEqual(codes(check(setRow(y, 'fees', 3500)).diagnostics), ['NB6007']);
  assert.ok(check(setRow(y, 'fees', 3500)).report, 'warnings do not stop the build');
});

test('C4 and the six headings: variants warn, extra sections warn, missing ones are errors', () => {
  const y = balanced();
  assert.deepEqual(codes(check(y.replace('全文包括总体情况、', '全文共六部分，包括')).diagnostics), ['NB6008']);
  assert.deepEqual(codes(check(y.replace('heading: 政府信息公开行政复议、行政诉讼情况', 'heading: 因政府信息公开工作被申请行政复议和提起行政诉讼情况')).diagnostics), ['NB3004']);
  assert.deepEqual(codes(check(y.replace('  - heading: 其他需要报告的事项', '  - heading: 附件\n  - heading: 其他需要报告的事项')).diagnostics), ['NB3008']);
  assert.deepEqual(codes(check(y.replace(/  - heading: 存在的主要问题及改进情况\n    text: .*\n/, '')).diagnostics), ['NB3001']);
  assert.deepEqual(codes(check(y, 'gov-2019').diagnostics).includes('NB3009'), true, 'a 2024 report written for the 2019 format');
});
