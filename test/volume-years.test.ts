/**
 * Which reports a volume binds: last year's report kept beside this year's stays out of the
 * volume (and is said to); an organization listed twice carries its year in the contents.
 */

import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { chooseReports } from '../src/volume/choose.js';
import { contentsLines, type PartInfo } from '../src/volume/contents.js';
import { setApartLastYears } from '../src/run/years.js';
import { poppler, ROOT, runCli, tempDir } from './helpers.js';

const report = (file: string, year: number, previous?: string) => ({ file, year, ...(previous ? { previous: resolve(previous) } : {}) });

test("last year's report named by a later one is set apart; the volume keeps the year of most reports", () => {
  const reports = [report('dep/eco-2023.yaml', 2023), report('dep/eco-2024.yaml', 2024, 'dep/eco-2023.yaml'), report('dep/edu.yaml', 2024), report('dep/old.yaml', 2022)];
  const chosen = chooseReports(reports);
  assert.equal(chosen.year, 2024);
  assert.deepEqual(chosen.chosen.map((r) => r.file), ['dep/eco-2024.yaml', 'dep/edu.yaml']);
  assert.deepEqual(chosen.lastYears, ['dep/eco-2023.yaml']);
  assert.deepEqual(chosen.otherYears, [{ file: 'dep/old.yaml', year: 2022 }]);
  // Two reports, one naming the other: the newer one alone, whatever the tie.
  assert.deepEqual(chooseReports(reports.slice(0, 2)).chosen.map((r) => r.file), ['dep/eco-2024.yaml']);
  // A report of the same year named as last year's is still one of the year.
  const same = setApartLastYears([report('a.yaml', 2024), report('b.yaml', 2024, 'a.yaml')]);
  assert.deepEqual([same.current.length, same.lastYears.length], [2, 0]);
});

test('an organization listed twice carries the year in the contents', () => {
  const part = (organization: string, year: number): PartInfo => ({ title: `${organization}${year}年政府信息公开工作年度报告`, organization, year, headings: [] });
  const lines = contentsLines([part('澄川市生态环境局', 2023), part('澄川市生态环境局', 2024), part('澄川市教育局', 2024)], [1, 9, 17], 1);
  assert.deepEqual(lines.map((l) => l.text), ['澄川市生态环境局（2023年度）', '澄川市生态环境局（2024年度）', '澄川市教育局']);
});

test("build --volume over this year's and last year's reports of one department binds this year's only, and says so", () => {
  const { dir, cleanup } = tempDir();
  try {
    const src = join(dir, 'dep');
    mkdirSync(src);
    for (const year of [2023, 2024]) copyFileSync(join(ROOT, 'examples', `chengchuan-eco-${year}.yaml`), join(src, `chengchuan-eco-${year}.yaml`));
    const out = join(dir, 'out');
    const volume = join(out, 'vol.pdf');
    const json = runCli(['build', src, '-o', out, '--format', 'pdf', '--volume', volume, '--reporter', 'json']);
    assert.equal(json.code, 0, json.stdout + json.stderr);
    const run = JSON.parse(json.stdout);
    assert.equal(run.volume.status, 'ok');
    assert.equal(run.volume.year, 2024);
    assert.deepEqual(run.volume.reports, [join(src, 'chengchuan-eco-2024.yaml')]);
    assert.deepEqual(run.volume.lastYears, [join(src, 'chengchuan-eco-2023.yaml')]);
    const pages = poppler('pdftotext', ['-layout', volume, '-']).split('\f');
    assert.match(pages[0]!.replace(/\s+/g, ''), /澄川市2024年政府信息公开工作年度报告汇编/);
    assert.equal((pages[1]!.match(/澄川市生态环境局/g) ?? []).length, 1, pages[1]);
    // The summary says what was left out, and why.
    const pretty = runCli(['build', src, '-o', out, '--format', 'pdf', '--volume', volume]);
    assert.match(pretty.stdout, new RegExp(`Left out of the volume: .*chengchuan-eco-2023\\.yaml is last year's report`));
    const zh = runCli(['build', src, '-o', out, '--format', 'pdf', '--volume', volume, '--lang', 'zh-CN']);
    assert.match(zh.stdout, /未编入汇编：.*chengchuan-eco-2023\.yaml 为上一年度报告/);
  } finally {
    cleanup();
  }
});
