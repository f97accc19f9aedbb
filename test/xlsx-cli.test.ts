/**
 * The workbook from the command line: `tables export` and `init --tables-xlsx`, the same HTML
 * tables built from a workbook as from YAML, a changed workbook rebuilt, `new` from a report
 * whose tables are in a workbook, and exceljs loaded only by a run that reads or writes one.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import ExcelJS from 'exceljs';
import { check } from '../src/run/api.js';
import { nationalExample, ROOT, runCli, tempDir } from './helpers.js';

// The national example without its ties to last year's report, so that copies check alone.
const STANDALONE = tempDir();
const EXAMPLE = join(STANDALONE.dir, 'chengchuan-eco-2024.yaml');
writeFileSync(EXAMPLE, nationalExample());
after(() => STANDALONE.cleanup());

/** The example report with its `tables:` mapping replaced by the name of a workbook. */
function exampleUsing(workbook: string): string {
  const yaml = readFileSync(EXAMPLE, 'utf8');
  return `${yaml.slice(0, yaml.indexOf('\ntables:'))}\ntables: ${workbook}\n`;
}

const tablesOf = (html: string) => html.match(/<table[\s\S]*?<\/table>/g) ?? [];

test('tables export of the example, and the example pointed at that workbook, build the same HTML tables', () => {
  const { dir, cleanup } = tempDir();
  try {
    const yaml = join(dir, 'example.yaml');
    copyFileSync(EXAMPLE, yaml);
    const r = runCli(['tables', 'export', yaml]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const workbook = join(dir, 'example-tables.xlsx');
    assert.ok(existsSync(workbook));
    assert.match(r.stdout, /tables: example-tables\.xlsx/, 'says what to write in the report');
    const copy = join(dir, 'from-xlsx.yaml');
    writeFileSync(copy, exampleUsing('example-tables.xlsx'));
    const built = runCli(['build', yaml, copy, '-o', join(dir, 'out'), '--format', 'html']);
    assert.equal(built.code, 0, built.stdout);
    const [a, b] = ['example.html', 'from-xlsx.html'].map((f) => tablesOf(readFileSync(join(dir, 'out', f), 'utf8')));
    assert.equal(a!.length, 3);
    assert.deepEqual(b, a);
    // Not over an existing file without --force; elsewhere with -o.
    assert.equal(runCli(['tables', 'export', yaml]).code, 2);
    assert.equal(runCli(['tables', 'export', yaml, '--force']).code, 0);
    assert.equal(runCli(['tables', 'export', yaml, '-o', join(dir, 'other.xlsx')]).code, 0);
    assert.ok(existsSync(join(dir, 'other.xlsx')));
  } finally {
    cleanup();
  }
});

test('tables export refuses tables with errors, and a format without tables', () => {
  const { dir, cleanup } = tempDir();
  try {
    const yaml = join(dir, 'wrong.yaml');
    writeFileSync(yaml, readFileSync(EXAMPLE, 'utf8').replace('licensing: 214', 'licensing: -1'));
    const r = runCli(['tables', 'export', yaml]);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stdout, /NB5002/);
    assert.ok(!existsSync(join(dir, 'wrong-tables.xlsx')));
    copyFileSync(join(ROOT, 'examples', 'tieshan-2015.yaml'), join(dir, 'free.yaml'));
    assert.equal(runCli(['tables', 'export', join(dir, 'free.yaml')]).code, 2);
  } finally {
    cleanup();
  }
});

test('init --tables-xlsx writes the report and its workbook; check passes it with TODO warnings only', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const r = runCli(['init', '--year', '2025', '--org', '某某局', '--tables-xlsx'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /2025\.yaml.*2025-tables\.xlsx/);
    assert.deepEqual(readdirSync(dir).sort(), ['2025-tables.xlsx', '2025.yaml']);
    const codes = new Set((await check([join(dir, '2025.yaml')])).files[0]!.diagnostics.map((d) => d.code));
    assert.deepEqual([...codes].sort(), ['NB6001', 'NB6010']);
    assert.equal(runCli(['init', '--year', '2025', '--org', '某某局', '--tables-xlsx'], { cwd: dir }).code, 2, 'never over an existing file');
  } finally {
    cleanup();
  }
});

test('a changed workbook builds its report again; an unchanged one is skipped', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const yaml = join(dir, 'example.yaml');
    copyFileSync(EXAMPLE, yaml);
    assert.equal(runCli(['tables', 'export', yaml]).code, 0);
    writeFileSync(yaml, exampleUsing('example-tables.xlsx'));
    const build = () => runCli(['build', yaml, '-o', join(dir, 'out'), '--format', 'html']).stdout;
    assert.match(build(), /1 file: 1 built/);
    assert.match(build(), /1 file: 0 built, 1 unchanged/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'example-tables.xlsx'));
    wb.getWorksheet('表二')!.getCell('B8').value = 215; // 行政许可
    await wb.xlsx.writeFile(join(dir, 'example-tables.xlsx'));
    assert.match(build(), /1 file: 1 built/);
    assert.match(readFileSync(join(dir, 'out', 'example.html'), 'utf8'), /<td colspan="3">215<\/td>/, 'table 二 shows the new value');
  } finally {
    cleanup();
  }
});

test('nianbao new from a report whose tables are in a workbook: next year compares with it through previous', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const last = join(dir, '2024.yaml');
    copyFileSync(EXAMPLE, last);
    assert.equal(runCli(['tables', 'export', last]).code, 0);
    writeFileSync(last, exampleUsing('2024-tables.xlsx'));
    assert.equal(runCli(['new', last]).code, 0);
    const next = readFileSync(join(dir, '2025.yaml'), 'utf8');
    assert.match(next, /carried_over: \{ natural: 3, commercial: 0, research: 0, nonprofit: 0, legal: 1, other: 0 \}/, "上年结转 is last year's 结转下年度, read from its workbook");
    const codes = new Set((await check([join(dir, '2025.yaml')])).files[0]!.diagnostics.map((d) => d.code));
    assert.deepEqual([...codes].sort(), ['NB6001', 'NB6010'], 'no carry-over warning: last year\'s tables were read');
  } finally {
    cleanup();
  }
});

test('exceljs is loaded only by a run that reads a workbook', () => {
  const { dir, cleanup } = tempDir();
  try {
    copyFileSync(EXAMPLE, join(dir, 'yaml.yaml'));
    assert.equal(runCli(['tables', 'export', join(dir, 'yaml.yaml'), '-o', join(dir, 't.xlsx')]).code, 0);
    writeFileSync(join(dir, 'xlsx.yaml'), exampleUsing('t.xlsx'));
    const loads = (file: string) => {
      const script = `import { check } from ${JSON.stringify(join(ROOT, 'dist', 'run', 'api.js'))};
        import { createRequire } from 'node:module';
        const r = await check([${JSON.stringify(file)}]);
        const loaded = Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('/exceljs/'));
        console.log(JSON.stringify({ status: r.files[0].status, loaded }));`;
      const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: dir });
      return JSON.parse(out.stdout || out.stderr) as { status: string; loaded: boolean };
    };
    assert.deepEqual(loads(join(dir, 'yaml.yaml')), { status: 'ok', loaded: false });
    assert.deepEqual(loads(join(dir, 'xlsx.yaml')), { status: 'ok', loaded: true });
  } finally {
    cleanup();
  }
});
