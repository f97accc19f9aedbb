/**
 * A report whose tables are kept in a workbook (`tables: 2025-tables.xlsx`): the workbook that
 * `init --tables-xlsx` writes, filled in as a clerk would (numbers typed into the open cells,
 * found by their labels; the formulas left alone), checks as the same figures written in YAML do;
 * a number typed over a total is reported at its sheet and cell; a missing or broken workbook is
 * said at the report's `tables:` line; rows found by their labels wherever they stand.
 */

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import ExcelJS from 'exceljs';
import { load as parseYamlText } from 'js-yaml';
import { check, init } from '../src/run/api.js';
import { loadReport } from '../src/run/load.js';
import { loadProfile } from '../src/profiles/load.js';
import { TEMPLATES_DIR } from '../src/profiles/profile.js';
import { dataRows, type TableDef } from '../src/tables/definitions.js';
import { readTables } from '../src/tables/read.js';
import { sourceFromText } from '../src/source/source.js';
import { formatDiagnostic } from '../src/report/pretty.js';
import { runToJson } from '../src/report/json.js';
import { layoutSheets } from '../src/xlsx/layout.js';
import { readSheets } from '../src/xlsx/sheet-read.js';
import { readWorkbook, type GridCell, type SheetGrid } from '../src/xlsx/workbook.js';
import { nationalExample, ROOT, tempDir } from './helpers.js';

// The national example without its ties to last year's report, so that copies check alone.
const STANDALONE = tempDir();
const EXAMPLE = join(STANDALONE.dir, 'chengchuan-eco-2024.yaml');
writeFileSync(EXAMPLE, nationalExample());
after(() => STANDALONE.cleanup());
const DEFS = loadProfile(join(TEMPLATES_DIR, 'gov-2021')).tables;
const def = (key: string): TableDef => DEFS.find((d) => d.key === key)!;

/** The example report with its `tables:` mapping replaced by the name of a workbook. */
function exampleUsing(workbook: string): string {
  const yaml = readFileSync(EXAMPLE, 'utf8');
  return `${yaml.slice(0, yaml.indexOf('\ntables:'))}\ntables: ${workbook}\n`;
}

/** The cell a clerk types a value into: beside the row's label, under the column's header (in the group a header names). */
function cellFor(ws: ExcelJS.Worksheet, rowLabel: string | undefined, colLabel: string | undefined, group?: string): ExcelJS.Cell {
  const all: ExcelJS.Cell[] = [];
  ws.eachRow((row) => row.eachCell((c) => void ((!c.isMerged || c.master === c) && all.push(c))));
  const find = (text: string, where: (c: ExcelJS.Cell) => boolean = () => true) => {
    const hit = all.find((c) => c.value === text && where(c));
    assert.ok(hit, `${ws.name} has a cell ${text}`);
    return hit;
  };
  const groupCell = group ? find(group) : undefined;
  const span = groupCell ? (ws.model as unknown as { merges: string[] }).merges.find((m) => m.startsWith(`${groupCell.address}:`)) : undefined;
  const [from, to] = span ? span.split(':').map((a) => ws.getCell(a).fullAddress.col) : [1, 99];
  const column = colLabel ? find(colLabel, (c) => c.fullAddress.row <= 4 && c.fullAddress.col >= from! && c.fullAddress.col <= to!).fullAddress.col : undefined;
  const row = rowLabel ? find(rowLabel).fullAddress.row : 5;
  return ws.getRow(row).getCell(column ?? find(rowLabel!).fullAddress.col + 1);
}

/** Types the example's figures into a skeleton's workbook, as a clerk would; `over` types numbers over totals too. */
async function fillLikeAClerk(file: string, over: (wb: ExcelJS.Workbook) => void = () => undefined): Promise<void> {
  const tables = (parseYamlText(readFileSync(EXAMPLE, 'utf8')) as { tables: Record<string, Record<string, unknown>> }).tables;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const at = (obj: unknown, path: string) => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], obj);
  for (const key of ['active', 'requests', 'review']) {
    const ws = wb.worksheets[['active', 'requests', 'review'].indexOf(key)]!;
    for (const row of dataRows(def(key).rows)) {
      if (row.sum) continue; // a formula: left alone
      const given = at(tables[key], row.path);
      if (row.single) {
        cellFor(ws, row.label, undefined).value = given as number;
        continue;
      }
      for (const col of def(key).columns.filter((c) => !c.sum && row.columns.includes(c.key))) {
        const value = (given as Record<string, number>)[col.key]!;
        if (key === 'review') cellFor(ws, undefined, col.label, row.label).value = value;
        else cellFor(ws, row.label, col.label).value = value;
      }
    }
  }
  over(wb);
  await wb.xlsx.writeFile(file);
}

/** A skeleton's workbook, filled in with the example's figures, beside a copy of the example that names it. */
async function filledExample(dir: string, over?: (wb: ExcelJS.Workbook) => void): Promise<{ report: string; workbook: string }> {
  await init(join(dir, '2025.yaml'), { year: 2025, organization: '澄川市生态环境局', tablesXlsx: true });
  const workbook = join(dir, '2025-tables.xlsx');
  await fillLikeAClerk(workbook, over);
  const report = join(dir, 'example.yaml');
  writeFileSync(report, exampleUsing('2025-tables.xlsx'));
  return { report, workbook };
}

test('the skeleton\'s workbook filled in like a clerk checks as the same figures written in YAML', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const { report } = await filledExample(dir);
    const [yaml, xlsx] = (await check([EXAMPLE, report])).files;
    assert.deepEqual(xlsx!.diagnostics, yaml!.diagnostics);
    assert.equal(xlsx!.status, 'ok');
    const tables = async (file: string) => (await loadReport(file)).report!.tables;
    assert.deepEqual(await tables(report), await tables(EXAMPLE), 'every value and total the same');
  } finally {
    cleanup();
  }
});

test('a number typed over a total is reported at its sheet and cell of the workbook', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const { report, workbook } = await filledExample(dir, (wb) => {
      // （七）总计 of 自然人 (37 by its formula) overwritten with 38.
      cellFor(wb.getWorksheet('表三')!, '（七）总计', '自然人').value = 38;
    });
    const file = (await check([report])).files[0]!;
    assert.equal(file.status, 'invalid');
    const wrong = file.diagnostics.filter((d) => d.severity === 'error');
    assert.deepEqual(wrong.map((d) => [d.code, d.file, d.cell]), [['NB5003', workbook, '表三!D28']]);
    assert.equal(wrong[0]!.params.given, 38);
    assert.equal(wrong[0]!.params.expected, 37);
    assert.equal(wrong[0]!.position, undefined, 'a workbook has no lines');
    assert.match(formatDiagnostic(wrong[0]!, { lang: 'en', color: false }), new RegExp(`^${workbook.replace(/[.]/g, '\\.')} 表三!D28 error NB5003`));
    const json = runToJson({ files: [file], exitCode: 1 }, 'check', 'en') as { files: { diagnostics: { file: string; cell: string | null; line: number | null }[] }[] };
    assert.deepEqual(json.files[0]!.diagnostics.filter((d) => d.cell).map((d) => [d.file, d.cell, d.line]), [[workbook, '表三!D28', null]]);
  } finally {
    cleanup();
  }
});

test('numbers typed as text (full-width, with commas) are read, a blank cell is 0, a formula a clerk changed gives its result', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const { report } = await filledExample(dir, (wb) => {
      const requests = wb.getWorksheet('表三')!;
      cellFor(requests, '一、本年新收政府信息公开申请数量', '自然人').value = '３８';
      cellFor(requests, '1.属于国家秘密', '商业企业').value = null;
      cellFor(requests, '3.其他', '其他').value = '—';
      cellFor(wb.getWorksheet('表二')!, '行政许可', undefined).value = ' 214 ';
      // A total whose formula is not the sum of its parts: its cached result is what it says.
      cellFor(requests, '二、上年结转政府信息公开申请数量', '总计').value = { formula: 'D6+E6', result: 3 } as ExcelJS.CellValue;
      // A value typed as a formula that comes to 0, as Excel saves it (the value 0 beside it).
      cellFor(requests, '2.重复申请', '其他').value = { formula: '1-1', result: 0 } as ExcelJS.CellValue;
      // A sheet a clerk renamed is found by its title.
      wb.getWorksheet('表四')!.name = 'Sheet3';
    });
    const file = (await check([report])).files[0]!;
    assert.deepEqual(file.diagnostics, []);
    assert.equal((await loadReport(report)).report!.tables.get('requests')!.get('new')!.get('natural'), 38);
  } finally {
    cleanup();
  }
});

test('a missing workbook, or a file that is not one, is an error at the report\'s tables: line', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const report = join(dir, 'r.yaml');
    writeFileSync(report, exampleUsing('missing-tables.xlsx'));
    const line = readFileSync(report, 'utf8').split('\n').indexOf('tables: missing-tables.xlsx') + 1;
    const missing = (await check([report])).files[0]!;
    assert.equal(missing.status, 'invalid');
    assert.deepEqual(missing.diagnostics.map((d) => [d.code, d.file, d.position?.line, d.params.reason]), [['NB1009', report, line, 'missing']]);
    writeFileSync(join(dir, 'missing-tables.xlsx'), 'not a workbook');
    const broken = (await check([report])).files[0]!;
    assert.deepEqual(broken.diagnostics.map((d) => [d.code, d.position?.line, d.params.reason]), [['NB1009', line, 'not-xlsx']]);
    assert.match(formatDiagnostic(broken.diagnostics[0]!, { lang: 'zh-CN', color: false }), /无法读取表格文件 “missing-tables\.xlsx”：不是 Excel 工作簿/);
  } finally {
    cleanup();
  }
});

test('rows and columns are found by their labels: a row inserted above, two rows and two columns swapped, still read right', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const { workbook } = await filledExample(dir);
    const sheets = await readWorkbook(readFileSync(workbook));
    const moved = sheets.map((s) => (s.name === '表三' ? shuffle(s) : s));
    const values = (grids: SheetGrid[]) => {
      const read = readTables(readSheets(layoutSheets(DEFS), grids).value, DEFS, new Map(), sourceFromText('w.xlsx', ''));
      assert.deepEqual(read.diagnostics, []);
      return read.tables;
    };
    assert.deepEqual(values(moved), values(sheets));
    assert.equal(values(moved).get('requests')!.get('results.withheld.third_party')!.get('commercial'), 1);
    // And where each value now stands is where its diagnostics go.
    assert.equal(readSheets(layoutSheets(DEFS), moved).cells.get('/tables/requests/results/withheld/third_party/commercial'), '表三!D15');
  } finally {
    cleanup();
  }
});

/** 表三 with a blank row inserted under the header, rows 4.保护第三方合法权益 and 6.属于四类过程性信息 swapped, and columns 自然人 and 商业企业 swapped. */
function shuffle(sheet: SheetGrid): SheetGrid {
  const cells = new Map<string, GridCell>();
  const rowOf = (r: number) => (r === 12 ? 14 : r === 14 ? 12 : r) + (r >= 5 ? 1 : 0);
  const move = (col: string, row: number) => `${col === 'D' ? 'E' : col === 'E' ? 'D' : col}${rowOf(row)}`;
  for (const [address, cell] of sheet.cells) {
    const [, col, row] = /^([A-Z]+)(\d+)$/.exec(address)!;
    // Formulas follow their cells, as Excel moves them (their saved results stay as they were).
    // (A range across the two swapped columns keeps its columns: both are still inside it.)
    const col1 = (c: string) => (c === 'D' ? 'E' : c === 'E' ? 'D' : c);
    const formula = cell.formula?.replace(/\b([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?\b/g, (_, c1: string, r1: string, c2?: string, r2?: string) =>
      c2 === undefined ? move(c1, Number(r1)) : c1 === c2 ? `${col1(c1)}${rowOf(Number(r1))}:${col1(c2)}${rowOf(Number(r2))}` : `${c1}${rowOf(Number(r1))}:${c2}${rowOf(Number(r2))}`,
    );
    cells.set(move(col!, Number(row)), formula === undefined ? cell : { ...cell, formula });
  }
  return { name: sheet.name, cells };
}
