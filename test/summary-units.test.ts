/** The summary's pure parts: sums and their totals, which reports are summed, the compliance list, the expected list, CSV. */

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from '../src/diagnostics.js';
import { loadProfile } from '../src/profiles/load.js';
import { resolveProfileDir } from '../src/profiles/profile.js';
import { SINGLE, type TableValues } from '../src/tables/cells.js';
import { csvText, dataColumns } from '../src/summary/columns.js';
import { byAttention, decide, parseExpected, type FoundReport } from '../src/summary/compliance.js';
import { sumTables, writtenCells } from '../src/summary/sum.js';
import { ROOT } from './helpers.js';

const gov2021 = loadProfile(resolveProfileDir('gov-2021', ROOT));
const freeForm = loadProfile(resolveProfileDir('free-form', ROOT));

/** A report's tables with every written cell `value` (fees `fee`), and `extra` added to cells `row|column`. */
function tablesWith(value: number, fee: number, extra: Record<string, number> = {}): Map<string, TableValues> {
  const tables = new Map<string, TableValues>();
  for (const def of gov2021.tables) {
    const values = new Map<string, Map<string, number>>();
    for (const { row, column, amount } of writtenCells(def)) {
      if (!values.has(row)) values.set(row, new Map());
      values.get(row)!.set(column, (amount ? fee : value) + (extra[`${def.key}.${row}|${column}`] ?? 0));
    }
    tables.set(def.key, values);
  }
  return tables;
}

const error: Diagnostic = { code: 'NB5004', severity: 'error', file: 'x.yaml', params: {} };

function found(file: string, more: Partial<FoundReport> = {}): FoundReport {
  return { file, organization: `澄川市${file}局`, year: 2024, published: '2025-01-20', profile: gov2021, tables: tablesWith(0, 0), diagnostics: [], ...more };
}

describe('sumTables', () => {
  it('adds every written cell and computes the totals, amounts to the places the reports wrote', () => {
    const a = tablesWith(0, 0.1, { 'requests.new|natural': 2, 'requests.results.granted|natural': 2, 'review.reconsideration|upheld': 1 });
    const b = tablesWith(0, 0.2, { 'requests.new|legal': 3, 'requests.results.unable.not_held|legal': 3, 'active.licensing|': 5 });
    const { tables, diagnostics } = sumTables(gov2021.tables, [a, b]);
    assert.deepEqual(diagnostics, []);
    const requests = tables.get('requests')!;
    assert.equal(requests.get('new')!.get('total'), 5);
    assert.equal(requests.get('results.total')!.get('natural'), 2);
    assert.equal(requests.get('results.total')!.get('legal'), 3);
    assert.equal(requests.get('results.total')!.get('total'), 5);
    assert.equal(tables.get('active')!.get('fees')!.get(SINGLE), 0.3);
    assert.equal(tables.get('active')!.get('licensing')!.get(SINGLE), 5);
    assert.equal(tables.get('review')!.get('reconsideration')!.get('total'), 1);
  });

  it('says so when the sums do not balance (a report that did not)', () => {
    const { diagnostics } = sumTables(gov2021.tables, [tablesWith(0, 0, { 'requests.new|natural': 1 })]);
    assert.deepEqual(diagnostics.map((d) => d.code), ['NB5004']);
  });
});

describe('decide', () => {
  it('sums the reports of the year most reports have, and leaves out errors, other years, other formats and twins', () => {
    const reports = [
      found('a'),
      found('b', { diagnostics: [error], tables: undefined }),
      found('c', { year: 2023 }),
      found('d', { profile: freeForm }),
      found('e'),
      found('f', { organization: '澄川市e局' }),
      found('g'),
    ];
    const d = decide(reports);
    assert.equal(d.year, 2024);
    assert.equal(d.profile, gov2021);
    assert.deepEqual(d.rows.map((r) => r.standing), ['summed', 'errors', 'other-year', 'other-format', 'duplicate', 'duplicate', 'summed']);
    assert.deepEqual(d.summed.map((f) => f.file), ['a', 'g']);
    assert.equal(d.rows[4]!.duplicateOf, 'f');
    assert.equal(d.rows[1]!.first, error);
  });

  it('takes --year over the majority, and the later year on a tie', () => {
    assert.equal(decide([found('a'), found('b', { year: 2023 })]).year, 2024);
    const d = decide([found('a'), found('b'), found('c', { year: 2023 })], { year: 2023 });
    assert.deepEqual(d.rows.map((r) => r.standing), ['other-year', 'other-year', 'summed']);
  });

  it('compares each publication date with its legal deadline', () => {
    const d = decide([
      found('a', { published: '2025-02-01' }),
      found('b', { published: undefined }),
      found('c', { organization: '澄川市人民政府', published: '2025-03-20' }),
      found('d', { organization: '澄川市某某镇人民政府', published: '2025-05-01' }),
      found('e', { published: '2025-01-31' }),
    ]);
    assert.deepEqual(d.rows.map((r) => [r.timeliness, r.deadline]), [['late', '2025-01-31'], ['no-date', '2025-01-31'], ['on-time', '2025-03-31'], ['not-bound', undefined], ['on-time', '2025-01-31']]);
    assert.deepEqual(byAttention(d.rows).map((r) => r.file), ['a', 'b', 'c', 'd', 'e']);
  });

  it('lists the expected organizations with no report, and the reports not on the list', () => {
    const d = decide([found('a'), found('b', { organization: '澄川市 b 局' })], { expected: ['澄川市a局', '澄川市b局', '澄川市c局'] });
    assert.deepEqual(d.missing, ['澄川市c局']);
    assert.deepEqual(d.rows.map((r) => r.listed), [true, true]);
    assert.equal(decide([found('x')], { expected: ['澄川市a局'] }).rows[0]!.listed, false);
  });

  it('names the tables a report repeats from last year', () => {
    const d = decide([found('a', { diagnostics: [{ code: 'NB6017', severity: 'warning', file: 'a', params: { table: 'review' } }] })]);
    assert.deepEqual(d.rows[0]!.identical, ['政府信息公开行政复议、行政诉讼情况']);
    assert.equal(d.rows[0]!.warnings, 1);
  });
});

describe('the expected list and the CSV', () => {
  it('reads one organization a line, without a BOM, blanks, comments and repeats', () => {
    assert.deepEqual(parseExpected('\uFEFF# 名单\r\n澄川市a局\r\n\r\n  澄川市b局  \n澄川市a局\n'), ['澄川市a局', '澄川市b局']);
  });

  it('writes a BOM, CRLF lines, quoted fields and the totals last', () => {
    const columns = dataColumns(gov2021.tables);
    assert.equal(columns.length, 10 + 25 * 7 + 3 * 5);
    const sums = sumTables(gov2021.tables, [tablesWith(1, 0)]).tables;
    const text = csvText(columns, [{ organization: '澄川市"a"局', file: 'a,b.yaml', tables: tablesWith(1, 0) }], sums, { organization: '部门', file: '文件', totals: '合计' });
    const lines = text.split('\r\n');
    assert.ok(lines[0]!.startsWith('\uFEFF部门,文件,主动公开政府信息情况／规章／本年制发件数,'));
    assert.ok(lines[0]!.includes('主动公开政府信息情况／行政事业性收费／本年收费金额（单位：万元）'));
    assert.ok(lines[1]!.startsWith('"澄川市""a""局","a,b.yaml",1,1,1,'));
    assert.ok(lines[2]!.startsWith('合计,,1,1,1,'));
    assert.equal(lines[3], '');
  });
});
