/**
 * `nianbao new`: next year's report from last year's — the carry-over, the years, the TODOs —
 * which `check` passes with TODO warnings only, and compares with last year's through `previous`.
 */

import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { check } from '../src/run/api.js';
import { ROOT, runCli, tempDir } from './helpers.js';

test('nianbao new writes next year: 上年结转 is last year\'s 结转下年度, years move on, check passes with TODOs only', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const last = join(dir, '2024.yaml');
    copyFileSync(join(ROOT, 'examples', 'chengchuan-eco-2024.yaml'), last);
    // The example quotes its own last year (previous:), which travels with it.
    copyFileSync(join(ROOT, 'examples', 'chengchuan-eco-2023.yaml'), join(dir, 'chengchuan-eco-2023.yaml'));
    const r = runCli(['new', last]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const next = join(dir, '2025.yaml');
    assert.ok(existsSync(next));
    const yaml = readFileSync(next, 'utf8');
    assert.match(yaml, /^title: "澄川市生态环境局2025年政府信息公开工作年度报告"$/m);
    assert.match(yaml, /^year: 2025$/m);
    assert.match(yaml, /^previous: "2024.yaml"$/m);
    assert.match(yaml, /统计期限为2025年1月1日至12月31日/);
    assert.match(yaml, /# 上年：.*本年新收政府信息公开申请\{\{tables\.requests\.new\.total\}\}件/, "last year's text to rewrite from");
    const [before, after] = (await check([last, next])).files;
    const lastYear = (await import('../src/run/load.js')).loadReport;
    const l = (await lastYear(last)).report!.tables.get('requests')!.get('carried_forward')!;
    const n = (await lastYear(next)).report!.tables.get('requests')!.get('carried_over')!;
    assert.deepEqual([...n], [...l]);
    assert.deepEqual(before!.diagnostics, []);
    const codes = new Set(after!.diagnostics.map((d) => d.code));
    assert.deepEqual([...codes].sort(), ['NB6001', 'NB6010'], 'TODO warnings only (no carry-over warning against last year)');
    // Not over an existing file without --force; another year and file when asked.
    assert.equal(runCli(['new', last]).code, 2);
    assert.equal(runCli(['new', last, '--year', '2026', '-o', join(dir, 'x.yaml')]).code, 0);
    assert.match(readFileSync(join(dir, 'x.yaml'), 'utf8'), /^year: 2026$/m);
  } finally {
    cleanup();
  }
});

test('a 2020 report (gov-2019) starts a 2021 one in the 2021 format', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const last = join(dir, '2020.yaml');
    copyFileSync(join(ROOT, 'test', 'fixtures', 'reports', 'right-gov2019-county-dept-2020.yaml'), last);
    assert.equal(runCli(['new', last]).code, 0);
    const yaml = readFileSync(join(dir, '2021.yaml'), 'utf8');
    assert.match(yaml, /^profile: gov-2021$/m);
    const codes = new Set((await check([join(dir, '2021.yaml')])).files[0]!.diagnostics.map((d) => d.code));
    assert.deepEqual([...codes].sort(), ['NB6001', 'NB6010']);
  } finally {
    cleanup();
  }
});

test('a paragraph copied unchanged from last year and a table identical to last year\'s are pointed out', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const { writeFileSync } = await import('node:fs');
    copyFileSync(join(ROOT, 'examples', 'chengchuan-eco-2024.yaml'), join(dir, '2024.yaml'));
    const copied = readFileSync(join(ROOT, 'examples', 'chengchuan-eco-2024.yaml'), 'utf8')
      .replace(/^previous: .*$/m, '')
      .replace(/^year: 2024$/m, 'year: 2025\nprevious: 2024.yaml')
      .replace(/2024年/g, '2025年')
      .replace(/^published: .*$/m, 'published: 2026-01-20')
      .replace(/^date: .*$/m, 'date: 2026-01-18')
      // This year's carry-over is last year's carry-forward, as it should be.
      .replace(/carried_over: \{[^}]*\}/, 'carried_over: { natural: 3, commercial: 0, research: 0, nonprofit: 0, legal: 1, other: 0 }')
      .replace(/new: \{ natural: 38,/, 'new: { natural: 37,');
    writeFileSync(join(dir, '2025.yaml'), copied);
    const d = (await check([join(dir, '2025.yaml')])).files[0]!.diagnostics;
    const codes = d.map((x) => x.code);
    assert.ok(codes.filter((c) => c === 'NB6016').length >= 5, codes.join(' '));
    assert.deepEqual(d.filter((x) => x.code === 'NB6017').map((x) => x.params.table).sort(), ['active', 'review']);
  } finally {
    cleanup();
  }
});
