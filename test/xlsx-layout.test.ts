/**
 * The tables workbook as a clerk opens it: one sheet a table named as the format numbers them,
 * the header cells merged as the national format prints them (spec §2.3–2.5), the labels of
 * tables.yaml, label and total cells locked, value cells open, totals as SUM formulas.
 * The expected grids are written out here from the spec, not computed by the code under test.
 */

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { init } from '../src/run/api.js';
import { loadProfile } from '../src/profiles/load.js';
import { TEMPLATES_DIR } from '../src/profiles/profile.js';
import { dataRows } from '../src/tables/definitions.js';
import { tempDir } from './helpers.js';

/** A skeleton's workbook, opened with exceljs. */
async function skeletonWorkbook(year: number): Promise<ExcelJS.Workbook> {
  const { dir, cleanup } = tempDir();
  try {
    const file = join(dir, `${year}.yaml`);
    assert.equal(await init(file, { year, organization: '临江市测试局', tablesXlsx: true }), 'written');
    assert.match(readFileSync(file, 'utf8'), new RegExp(`^tables: "${year}-tables.xlsx"`, 'm'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, `${year}-tables.xlsx`));
    return wb;
  } finally {
    cleanup();
  }
}

/** The merged ranges of a sheet that start in rows `from`–`to`. */
function mergesIn(ws: ExcelJS.Worksheet, from: number, to: number): string[] {
  const merges = (ws.model as unknown as { merges: string[] }).merges;
  return merges.filter((m) => {
    const row = Number(/\d+/.exec(m)![0]);
    return row >= from && row <= to;
  }).sort();
}

/** The text of each named cell. */
function texts(ws: ExcelJS.Worksheet, cells: readonly string[]): string[] {
  return cells.map((a) => String(ws.getCell(a).value ?? ''));
}

test('table 三: the header merged as the format prints it, 25 labelled rows, totals as formulas', async () => {
  const wb = await skeletonWorkbook(2025);
  assert.deepEqual(wb.worksheets.map((ws) => ws.name), ['表二', '表三', '表四']);
  const ws = wb.getWorksheet('表三')!;
  assert.equal(ws.getCell('A1').value, '三、收到和处理政府信息公开申请情况');
  assert.deepEqual(mergesIn(ws, 2, 4), ['A2:C4', 'D2:J2', 'D3:D4', 'E3:I3', 'J3:J4'].sort());
  assert.deepEqual(texts(ws, ['A2', 'D2', 'D3', 'E3', 'J3', 'E4', 'F4', 'G4', 'H4', 'I4']), [
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    '申请人情况', '自然人', '法人或其他组织', '总计', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他',
  ]);
  // The group labels span their rows (spec §2.4): 三、 22 rows, （三） 8, （四） 3, （五） 5, （六） 3.
  const merges = mergesIn(ws, 5, 29);
  for (const m of ['A5:C5', 'A6:C6', 'A7:A28', 'B7:C7', 'B8:C8', 'B9:B16', 'B17:B19', 'B20:B24', 'B25:B27', 'B28:C28', 'A29:C29']) assert.ok(merges.includes(m), `${m} is merged`);
  assert.deepEqual(texts(ws, ['A7', 'B9', 'B17', 'B20', 'B25']), ['三、本年度办理结果', '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理']);
  // Each data row's label, in order, as tables.yaml has it (the last label column of its row).
  const def = loadProfile(join(TEMPLATES_DIR, 'gov-2021')).tables.find((t) => t.key === 'requests')!;
  const labels = dataRows(def.rows).map((r) => r.label);
  assert.equal(labels.length, 25);
  const shown = Array.from({ length: 25 }, (_, i) => {
    const row = ws.getRow(5 + i);
    const cell = [3, 2, 1].map((c) => row.getCell(c)).find((c) => !c.isMerged || c.master === c);
    return String(cell?.value ?? '');
  });
  assert.deepEqual(shown, labels);
  // Totals: the 总计 column and the （七）总计 row.
  assert.deepEqual(ws.getCell('J5').formula, 'SUM(D5:I5)');
  assert.deepEqual(ws.getCell('D28').formula, 'SUM(D7:D27)');
  assert.deepEqual(ws.getCell('J28').formula, 'SUM(D28:I28)');
  // Locked: labels, headers, totals; open: the cells a clerk fills in. The sheet is protected, without a password.
  for (const a of ['A2', 'D2', 'A5', 'C9', 'J5', 'D28', 'J29']) assert.notEqual(ws.getCell(a).protection?.locked, false, `${a} is locked`);
  for (const a of ['D5', 'I5', 'D9', 'I27', 'D29', 'I29']) assert.equal(ws.getCell(a).protection?.locked, false, `${a} is open`);
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean; password?: string } }).sheetProtection;
  assert.equal(protection?.sheet, true);
  assert.equal(protection?.password, undefined);
  assert.equal(ws.getCell('D5').value, 0);
  assert.ok(ws.getCell('C25').alignment?.wrapText, 'long labels wrap');
  assert.equal(ws.getCell('D5').border?.top?.style, 'thin');
  assert.equal(ws.getCell('B10').border?.left?.style, 'thin', 'every cell of a merged label has its border');
  assert.equal(ws.pageSetup.paperSize, 9);
  assert.equal(ws.pageSetup.fitToWidth, 1);
});

test('table 四: 行政复议 and 行政诉讼 over their groups, one row of values, three totals', async () => {
  const ws = (await skeletonWorkbook(2025)).getWorksheet('表四')!;
  assert.deepEqual(mergesIn(ws, 2, 4), ['A2:E2', 'F2:O2', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:E4', 'F3:J3', 'K3:O3'].sort());
  const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  assert.deepEqual(texts(ws, ['A2', 'F2', 'F3', 'K3']), ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉']);
  assert.deepEqual(texts(ws, ['A3', 'B3', 'C3', 'D3', 'E3']), results);
  assert.deepEqual(texts(ws, ['F4', 'G4', 'H4', 'I4', 'J4', 'K4', 'L4', 'M4', 'N4', 'O4']), [...results, ...results]);
  assert.deepEqual(['E5', 'J5', 'O5'].map((a) => ws.getCell(a).formula), ['SUM(A5:D5)', 'SUM(F5:I5)', 'SUM(K5:N5)']);
  for (const a of ['A5', 'D5', 'F5', 'N5']) assert.equal(ws.getCell(a).protection?.locked, false);
  for (const a of ['E5', 'J5', 'O5', 'A2', 'F4']) assert.notEqual(ws.getCell(a).protection?.locked, false);
});

test('table 二: a block for each item of 第二十条, one-value rows across the three value columns', async () => {
  const ws = (await skeletonWorkbook(2025)).getWorksheet('表二')!;
  assert.deepEqual(mergesIn(ws, 2, 15), ['A2:D2', 'A6:D6', 'B7:D7', 'B8:D8', 'A9:D9', 'B10:D10', 'B11:D11', 'B12:D12', 'A13:D13', 'B14:D14', 'B15:D15'].sort());
  assert.deepEqual(texts(ws, ['A2', 'A3', 'B3', 'C3', 'D3', 'A4', 'A5']), ['第二十条第（一）项', '信息内容', '本年制发件数', '本年废止件数', '现行有效件数', '规章', '行政规范性文件']);
  assert.deepEqual(texts(ws, ['A6', 'B7', 'A8', 'A9', 'B10', 'A11', 'A12', 'A13', 'B14', 'A15']), [
    '第二十条第（五）项', '本年处理决定数量', '行政许可', '第二十条第（六）项', '本年处理决定数量', '行政处罚', '行政强制', '第二十条第（八）项', '本年收费金额（单位：万元）', '行政事业性收费',
  ]);
  for (const a of ['B4', 'D5', 'B8', 'B11', 'B12', 'B15']) assert.equal(ws.getCell(a).protection?.locked, false, `${a} is open`);
  for (const a of ['A4', 'B3', 'A2', 'B14']) assert.notEqual(ws.getCell(a).protection?.locked, false, `${a} is locked`);
});

test('the 2019 format: table 二 has its own columns and the （九） block; table 三\'s （六）其他处理 is one row', async () => {
  const wb = await skeletonWorkbook(2020);
  const active = wb.getWorksheet('表二')!;
  assert.deepEqual(texts(active, ['B3', 'C3', 'D3', 'A6', 'B7', 'C7', 'D7']), ['本年新制作数量', '本年新公开数量', '对外公开总数量', '第二十条第（五）项', '上一年项目数量', '本年增/减', '处理决定数量']);
  assert.ok(mergesIn(active, 2, 30).includes('C15:D15') && mergesIn(active, 2, 30).includes('C16:D16'), '（八）: 本年增/减 over two columns');
  assert.deepEqual(texts(active, ['A14', 'A16', 'A17', 'B18', 'C18', 'A19']), ['第二十条第（八）项', '行政事业性收费', '第二十条第（九）项', '采购项目数量', '采购总金额', '政府集中采购']);
  assert.ok(mergesIn(active, 2, 30).includes('C19:D19'), '采购总金额 over two columns');
  const requests = wb.getWorksheet('表三')!;
  assert.ok(mergesIn(requests, 5, 27).includes('A7:A26'), '三、 spans 20 rows');
  assert.ok(mergesIn(requests, 5, 27).includes('B25:C25'), '（六）其他处理 is a row of its own');
  assert.equal(requests.getCell('B25').value, '（六）其他处理');
  assert.equal(requests.getCell('A27').value, '四、结转下年度继续办理');
});
