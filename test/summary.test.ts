/**
 * `nianbao summary` end to end, with the real browser: 20 generated department reports, one
 * published late, one with an error, one of another year, one whose tables repeat last year's,
 * and an expected list naming one department that sent nothing. Every total is computed here
 * again from the YAML files, independently of nianbao's table code.
 */

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { load } from 'js-yaml';
import { poppler, runCli, tempDir } from './helpers.js';
import { writeDepartments } from './bench/generate.js';

type Cells = Record<string, number>;
type Doc = { organization: string; year: number; tables: { active: Record<string, Cells | number>; requests: Record<string, unknown>; review: Record<string, Cells> } };

const APPLICANTS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other'];
const REVIEW = ['upheld', 'corrected', 'other', 'pending'];

/** The cells of one report, flattened as `table.row.path.column`, with every total computed here. */
function cellsOf(doc: Doc): Map<string, number> {
  const out = new Map<string, number>();
  for (const [row, v] of Object.entries(doc.tables.active)) {
    if (typeof v === 'number') out.set(`active.${row}`, v);
    else for (const [c, n] of Object.entries(v)) out.set(`active.${row}.${c}`, n);
  }
  const results = new Map<string, number>();
  const requestRow = (path: string, cells: Cells) => {
    let total = 0;
    for (const c of APPLICANTS) {
      out.set(`requests.${path}.${c}`, cells[c]!);
      total += cells[c]!;
      if (path.startsWith('results.')) results.set(c, (results.get(c) ?? 0) + cells[c]!);
    }
    out.set(`requests.${path}.total`, total);
  };
  const walk = (value: Record<string, unknown>, path: string) => {
    for (const [key, v] of Object.entries(value)) {
      const p = path ? `${path}.${key}` : key;
      if (APPLICANTS.every((c) => typeof (v as Cells)[c] === 'number')) requestRow(p, v as Cells);
      else walk(v as Record<string, unknown>, p);
    }
  };
  walk(doc.tables.requests, '');
  for (const c of APPLICANTS) out.set(`requests.results.total.${c}`, results.get(c)!);
  out.set('requests.results.total.total', APPLICANTS.reduce((a, c) => a + results.get(c)!, 0));
  for (const [row, cells] of Object.entries(doc.tables.review)) {
    for (const c of REVIEW) out.set(`review.${row}.${c}`, cells[c]!);
    out.set(`review.${row}.total`, REVIEW.reduce((a, c) => a + cells[c]!, 0));
  }
  return out;
}

/** The JSON's totals flattened the same way. */
function flatTotals(totals: Record<string, Record<string, number | Cells>>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [table, rows] of Object.entries(totals)) {
    for (const [row, v] of Object.entries(rows)) {
      if (typeof v === 'number') out.set(`${table}.${row}`, v);
      else for (const [c, n] of Object.entries(v)) out.set(`${table}.${row}.${c}`, n);
    }
  }
  return out;
}

describe('nianbao summary over 20 department reports', () => {
  let dir: string;
  let cleanup: () => void;
  let files: string[];
  let json: any;
  let code: number | null;
  const LATE = 3;
  const BROKEN = 5;
  const REPEATS = 8;
  const MISSING = '澄川市档案局';

  before(() => {
    ({ dir, cleanup } = tempDir('nianbao-summary-'));
    files = writeDepartments(join(dir, 'departments'), 20);
    const edit = (i: number, change: (text: string) => string) => writeFileSync(files[i]!, change(readFileSync(files[i]!, 'utf8')));
    edit(LATE, (t) => t.replace(/^published: .*$/m, 'published: 2025-02-20'));
    // One more application received than handled: table 三 no longer balances (an error).
    edit(BROKEN, (t) => t.replace(/^(\s+new: \{ natural: )(\d+)/m, (_, h: string, n: string) => `${h}${Number(n) + 1}`));
    // Last year's report with the very same tables (outside the folder summed).
    mkdirSync(join(dir, 'last'));
    const lastYear = join(dir, 'last', 'dept-008-2023.yaml');
    writeFileSync(lastYear, readFileSync(files[REPEATS]!, 'utf8').replace(/^year: 2024$/m, 'year: 2023').replace(/^published: .*$/m, 'published: 2024-01-24'));
    edit(REPEATS, (t) => t.replace(/^year: 2024$/m, `year: 2024\nprevious: ${join('..', '..', 'last', 'dept-008-2023.yaml')}`));
    // A report of another year among them.
    writeFileSync(join(dir, 'departments', 'old-2023.yaml'), readFileSync(files[0]!, 'utf8').replace(/澄川市生态环境局/g, '澄川市气象局').replace(/^year: 2024$/m, 'year: 2023'));
    const docs = files.map((f) => load(readFileSync(f, 'utf8')) as Doc);
    writeFileSync(join(dir, 'expected.txt'), `# 应报部门\n${docs.map((d) => d.organization).join('\n')}\n${MISSING}\n`);
    const run = runCli(['summary', 'departments', '-o', 'out', '--xlsx', 'out/summary.xlsx', '--csv', 'out/summary.csv', '--expected', 'expected.txt', '--reporter', 'json'], { cwd: dir });
    code = run.code;
    assert.equal(run.stderr, '');
    json = JSON.parse(run.stdout);
  });
  after(() => cleanup());

  const row = (i: number) => json.departments.find((d: { file: string }) => d.file.endsWith(basename(files[i]!)));

  it('exits 1: a report was left out and a department is missing', () => {
    assert.equal(code, 1);
    assert.equal(json.command, 'summary');
    assert.equal(json.year, 2024);
  });

  it('every total is the sum of the summed departments’ cells', () => {
    const summed = files.filter((_, i) => i !== BROKEN).map((f) => cellsOf(load(readFileSync(f, 'utf8')) as Doc));
    const expected = new Map<string, number>();
    for (const cells of summed) for (const [k, v] of cells) expected.set(k, (expected.get(k) ?? 0) + v);
    const got = flatTotals(json.totals);
    assert.equal(got.size, expected.size);
    for (const [k, v] of expected) assert.equal(got.get(k), v, k);
    // And the identity printed in table 三 holds in the sums.
    for (const c of [...APPLICANTS, 'total']) {
      assert.equal(got.get(`requests.new.${c}`)! + got.get(`requests.carried_over.${c}`)!, got.get(`requests.results.total.${c}`)! + got.get(`requests.carried_forward.${c}`)!, c);
    }
    assert.equal(json.summary.summed, 19);
  });

  it('lists the report with errors as left out, not summed', () => {
    const broken = row(BROKEN);
    assert.equal(broken.standing, 'errors');
    assert.ok(broken.errors >= 1);
    assert.equal(broken.firstProblem.code, 'NB5004');
    const other = json.departments.find((d: { file: string }) => d.file.endsWith('old-2023.yaml'));
    assert.equal(other.standing, 'other-year');
    assert.equal(other.year, 2023);
  });

  it('lists the late department, the missing one and the tables repeated from last year', () => {
    assert.equal(row(LATE).timeliness, 'late');
    assert.equal(row(LATE).deadline, '2025-01-31');
    assert.equal(row(0).timeliness, 'on-time');
    assert.deepEqual(json.missing, [MISSING]);
    assert.deepEqual(row(REPEATS).identicalTables, ['主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况']);
    assert.equal(row(0).identicalTables.length, 0);
    assert.equal(json.departments.find((d: { file: string }) => d.file.endsWith('old-2023.yaml')).listed, false);
  });

  it('writes a workbook whose totals row adds up the departments and carries the sums', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'out', 'summary.xlsx'));
    const data = workbook.getWorksheet('汇总数据')!;
    assert.ok(data);
    const header = (r: number, c: number) => String(data.getCell(r, c).value ?? '');
    const last = data.rowCount;
    assert.equal(last, 3 + 19 + 1);
    assert.equal(data.getCell(last, 1).value, '合计');
    const got = flatTotals(json.totals);
    let checked = 0;
    for (let c = 3; c <= data.columnCount; c++) {
      const total = data.getCell(last, c);
      assert.match(total.formula, /^SUM\([A-Z]+4:[A-Z]+22\)$/);
      let sum = 0;
      for (let r = 4; r < last; r++) sum += Number(data.getCell(r, c).value);
      assert.equal(total.result, sum, `column ${c}`);
      checked++;
      // The column's labels: the national table's, row's and column's.
      if (header(2, c) === '一、本年新收政府信息公开申请数量' && header(3, c) === '自然人') assert.equal(total.result, got.get('requests.new.natural'));
      if (header(2, c) === '行政许可') assert.equal(total.result, got.get('active.licensing'));
    }
    assert.equal(checked, got.size);
    assert.equal(header(1, 3), '主动公开政府信息情况');
    const list = workbook.getWorksheet('报送情况')!;
    const rows = list.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1).map(String));
    assert.ok(rows.some((r) => r[0] === MISSING && r[2]!.includes('缺报')));
    assert.ok(rows.some((r) => r[0] === row(LATE).organization && r[7] === '逾期'));
    assert.ok(rows.some((r) => r[0] === row(BROKEN).organization && r[2]!.includes('未计入') && r[4]!.startsWith('NB5004')));
  });

  it('writes a CSV with a byte-order mark and the totals as its last line', () => {
    const text = readFileSync(join(dir, 'out', 'summary.csv'), 'utf8');
    assert.ok(text.startsWith('\uFEFF部门,文件,'));
    const lines = text.trim().split('\r\n');
    assert.equal(lines.length, 1 + 19 + 1);
    const totals = lines[lines.length - 1]!.split(',');
    const header = lines[0]!.split(',');
    assert.equal(totals[0], '合计');
    const at = header.indexOf('收到和处理政府信息公开申请情况／一、本年新收政府信息公开申请数量／总计');
    assert.equal(Number(totals[at]), flatTotals(json.totals).get('requests.new.total'));
  });

  it('prints the sums with the national labels and the compliance list after them', () => {
    const pdf = join(dir, 'out', 'summary-2024.pdf');
    const flat = poppler('pdftotext', [pdf, '-']).replace(/\s/g, '');
    for (const label of ['2024年各部门政府信息公开工作年度报告数据汇总', '第二十条第（一）项', '本年新收政府信息公开申请数量', '（七）总计', '未经复议直接起诉', '各部门报送情况', MISSING, '缺报', '逾期']) {
      assert.ok(flat.includes(label), label);
    }
    // The compliance list comes after the tables.
    assert.ok(flat.indexOf('各部门报送情况') > flat.indexOf('复议后起诉'));
    const html = readFileSync(join(dir, 'out', 'summary-2024.html'), 'utf8');
    assert.ok(html.includes(`<td>${flatTotals(json.totals).get('requests.new.total')}</td>`));
  });

  it('says on the terminal who is missing, late and left out, in Chinese by default', () => {
    const run = runCli(['summary', 'departments', '-o', 'out-html', '--format', 'html', '--expected', 'expected.txt'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /缺报的部门（在应报名单中，未找到报告）：\n {2}✗ 澄川市档案局/);
    assert.match(run.stdout, new RegExp(`✗ ${row(BROKEN).organization} .*有错误，未计入`));
    assert.match(run.stdout, new RegExp(`! ${row(LATE).organization} .*逾期（期限 2025-01-31）`));
    assert.match(run.stdout, /2024年：找到 21 份报告，19 份计入汇总，2 份未计入；缺报 1 个部门；逾期发布 2 个；表格与上年相同 1 个。/);
  });
});

describe('nianbao summary exit codes', () => {
  it('exits 0 when every report is summed (last year\'s beside it), 1 when strict and warned, 2 on a usage mistake', () => {
    const { dir, cleanup } = tempDir('nianbao-summary-codes-');
    try {
      const [first] = writeDepartments(join(dir, 'departments'), 2);
      // Last year's report kept beside this year's, named by its previous:, is neither summed nor a problem.
      const lastYear = first!.replace(/\.yaml$/, '-2023.yaml');
      writeFileSync(lastYear, readFileSync(first!, 'utf8').replace(/^year: 2024$/m, 'year: 2023').replace(/^published: .*$/m, 'published: 2024-01-24'));
      writeFileSync(first!, readFileSync(first!, 'utf8').replace(/^year: 2024$/m, `year: 2024\nprevious: ${basename(lastYear)}`));
      const ok = runCli(['summary', 'departments', '-o', 'out', '--format', 'html', '--lang', 'en'], { cwd: dir });
      assert.equal(ok.code, 0, ok.stdout + ok.stderr);
      assert.match(ok.stdout, /2024: 2 reports found, 2 summed; 1 with tables identical to last year's\.\n1 report of last year \(named by this year's previous:\) not summed\./);
      const badYear = runCli(['summary', 'departments', '--year', '24', '--lang', 'en'], { cwd: dir });
      assert.equal(badYear.code, 2);
      assert.match(badYear.stderr, /--year takes a four-digit year, not "24"\./);
      const noList = runCli(['summary', 'departments', '--expected', 'nowhere.txt', '--lang', 'en'], { cwd: dir });
      assert.equal(noList.code, 2);
      assert.match(noList.stderr, /Cannot read the list of expected organizations nowhere\.txt\./);
      // The copied report's warnings (tables and paragraphs as last year's) are problems when strict.
      const strict = runCli(['summary', 'departments', '-o', 'out', '--format', 'html', '--strict', '--year', '2024'], { cwd: dir });
      assert.equal(strict.code, 1, strict.stdout);
    } finally {
      cleanup();
    }
  });
});
