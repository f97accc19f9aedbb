/** The validation stage on inline strings: profile rules, numbering and figures. */

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { check } from '../src/run/api.js';
import { loadProfile } from '../src/profiles/load.js';
import { TEMPLATES_DIR } from '../src/profiles/profile.js';
import { sourceFromText } from '../src/source/source.js';
import { validateReport } from '../src/checks/validate.js';
import { parseYaml } from '../src/source/yaml.js';
import { FIXTURES, nationalExample, ROOT, runCli, tempDir } from './helpers.js';

const freeForm = loadProfile(join(TEMPLATES_DIR, 'free-form'));

function validate(sectionsYaml: string) {
  const text = `profile: free-form\ntitle: 报告\norganization: 某局\nyear: 2015\nsections:\n${sectionsYaml}`;
  const source = sourceFromText('r.yaml', text);
  const { parsed } = parseYaml(source);
  return validateReport(source, parsed!, freeForm);
}

const codes = (sectionsYaml: string) => validate(sectionsYaml).diagnostics.map((d) => `${d.code}:${d.position?.line}`);

test('free-form accepts the usual wordings of its three parts', () => {
  for (const measures of ['下步整改措施', '改进措施', '今后工作打算', '下一步工作打算', '下一年度工作计划', '整改措施']) {
    for (const problems of ['存在的主要问题', '存在的问题', '存在的问题和不足', '工作中存在的主要问题']) {
      assert.deepEqual(codes(`  - heading: 工作情况\n  - heading: ${problems}\n  - heading: ${measures}\n`), [], `${problems} / ${measures}`);
    }
  }
});

test('free-form: one part naming both problems and improvements satisfies both required parts', () => {
  for (const both of ['存在的主要问题和改进措施', '主要问题和改进措施', '政府信息公开工作存在的主要问题及改进情况', '存在的问题及下一步工作打算', '存在的不足和今后工作计划', '存在的问题与整改措施']) {
    assert.deepEqual(codes(`  - heading: 工作情况\n  - heading: 其他\n  - heading: ${both}\n`), [], both);
  }
  // Only problems: the improvements are still missing (said after the problems' part, line 7).
  assert.deepEqual(codes('  - heading: 工作情况\n  - heading: 存在的主要问题\n'), ['NB3001:7']);
  // A combined part before other content is still in order; a second problems part is not needed.
  assert.deepEqual(codes('  - heading: 工作情况\n  - heading: 存在的主要问题和改进措施\n  - heading: 附件\n'), []);
});

test('a required heading one character off is "did you mean" on its own line, not missing plus unexpected', async () => {
  const example = nationalExample().replace('heading: 政府信息公开行政复议、行政诉讼情况', 'heading: 政府信息公开行政法复议、行政诉讼情况');
  const { dir, cleanup } = tempDir();
  try {
    writeFileSync(join(dir, 'r.yaml'), example);
    const d = (await check([join(dir, 'r.yaml')])).files[0]!.diagnostics;
    const line = example.split('\n').findIndex((l) => l.includes('行政法复议')) + 1;
    assert.deepEqual(d.map((x) => `${x.code}:${x.position?.line}`), [`NB3010:${line}`]);
    assert.equal(d[0]!.params.title, '政府信息公开行政复议、行政诉讼情况');
  } finally {
    cleanup();
  }
  // Two characters off a short free-form title is not a near miss: it is missing (said after the section before 改进措施).
  assert.deepEqual(codes('  - heading: 工作情况\n  - heading: 存在主要的题目\n  - heading: 改进措施\n'), ['NB3001:7']);
});

test('other sections may stand between the required ones', () => {
  assert.deepEqual(codes('  - heading: 工作情况\n  - heading: 其他\n  - heading: 存在的主要问题\n  - heading: 附\n  - heading: 改进措施\n'), []);
});

test('missing and misordered parts are errors at the place they concern', () => {
  // Said at the section after which the missing part belongs (工作情况, line 6).
  assert.deepEqual(codes('  - heading: 工作情况\n  - heading: 改进措施\n'), ['NB3001:6']);
  assert.deepEqual(codes('  - heading: 存在的主要问题\n  - heading: 改进措施\n'), ['NB3001:6']);
  assert.deepEqual(codes('  - heading: 工作情况\n  - heading: 改进措施\n  - heading: 存在的主要问题\n'), ['NB3002:8']);
  const missing = validate('  - heading: 工作情况\n  - heading: 改进措施\n').diagnostics[0]!;
  assert.deepEqual(missing.params, { title: '存在的主要问题', after: '工作情况' });
});

test('typed heading numbers are stripped when right and reported when wrong', () => {
  const ok = validate('  - heading: 一、工作情况\n    sections:\n      - heading: (一)组织\n  - heading: 二、存在的主要问题\n  - heading: 三、改进措施\n');
  assert.deepEqual(ok.diagnostics, []);
  assert.equal(ok.report!.sections[0]!.heading, '工作情况');
  assert.equal(ok.report!.sections[0]!.sections[0]!.number, '（一）');
  assert.equal(ok.report!.sections[0]!.sections[0]!.heading, '组织');
  // In the report's own style ("1、" at level 2): right when it counts right, set as （一）.
  const own = validate('  - heading: 工作情况\n    sections:\n      - heading: 1、组织\n      - heading: 2、宣传\n  - heading: 存在的主要问题\n  - heading: 改进措施\n');
  assert.deepEqual(own.diagnostics, []);
  assert.deepEqual(own.report!.sections[0]!.sections.map((s) => `${s.number}${s.heading}`), ['（一）组织', '（二）宣传']);
  const bad = validate('  - heading: 工作情况\n    sections:\n      - heading: 1、组织\n      - heading: 3、宣传\n  - heading: 存在的主要问题\n  - heading: 改进措施\n');
  assert.deepEqual(bad.diagnostics.map((d) => [d.code, d.params.found, d.params.expected]), [['NB3003', '3、', '（二）']]);
});

test('figures resolve in text; an invalid date is an error', () => {
  const text = 'profile: free-form\ntitle: 报告\norganization: 某局\nyear: 2015\npublished: 2015-02-29\nfigures:\n  n: 12\nsections:\n  - heading: 工作情况\n    text: 共{{figures.n}}件\n  - heading: 存在的主要问题\n  - heading: 改进措施\n';
  const source = sourceFromText('r.yaml', text);
  const result = validateReport(source, parseYaml(source).parsed!, freeForm);
  assert.deepEqual(result.diagnostics.map((d) => d.code), ['NB2105']);
});

test('a report can name its own profile folder, relative to the report', async () => {
  const { dir, cleanup } = tempDir();
  try {
    cpSync(join(TEMPLATES_DIR, 'free-form'), join(dir, 'my-profile'), { recursive: true });
    writeFileSync(join(dir, 'my-profile', 'profile.yaml'), 'name: mine\nheadings:\n  - title: 总体情况\n');
    const report = (headings: string) =>
      `profile: ./my-profile\ntitle: 报告\norganization: 某局\nyear: 2015\nsections:\n${headings}`;
    writeFileSync(join(dir, 'good.yaml'), report('  - heading: 总体情况\n'));
    writeFileSync(join(dir, 'bad.yaml'), report('  - heading: 其他\n'));
    const run = await check([join(dir, 'good.yaml'), join(dir, 'bad.yaml')]);
    assert.deepEqual(run.files.map((f) => f.diagnostics.map((d) => d.code)), [[], ['NB3001']]);
  } finally {
    cleanup();
  }
});

test('the package exports check and build under its own name', async () => {
  const api = await import('nianbao');
  assert.equal(typeof api.check, 'function');
  assert.equal(typeof api.build, 'function');
  const run = await api.check([join(FIXTURES, 'minimal.yaml')]);
  assert.equal(run.exitCode, 0);
});

test('full-width colons in the text of a paragraph are not mistaken for keys', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const text = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8').replace('intro: |\n', 'intro: |\n  APP：政务新媒体矩阵。\n');
    writeFileSync(join(dir, 'r.yaml'), text);
    assert.deepEqual((await check([join(dir, 'r.yaml')])).files[0]!.diagnostics.map((d) => d.code), []);
  } finally {
    cleanup();
  }
});

test('a custom profile reads only regular files inside its folder, and a broken template is found by check', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const profile = join(dir, 'p');
    cpSync(join(TEMPLATES_DIR, 'free-form'), profile, { recursive: true });
    const report = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8').replace('profile: free-form', 'profile: ./p');
    writeFileSync(join(dir, 'r.yaml'), report);
    symlinkSync('/etc/passwd', join(profile, 'style.css'));
    const linked = (await check([join(dir, 'r.yaml')])).files[0]!.diagnostics;
    assert.deepEqual(linked.map((d) => [d.code, /not a regular file inside the profile folder/.test(String(d.params.reason))]), [['NB3007', true]]);
    rmSync(join(profile, 'style.css'));
    writeFileSync(join(profile, 'report.hbs'), '{{#> document}}{{> no-such-partial}}{{/document}}');
    const broken = (await check([join(dir, 'r.yaml')])).files[0]!.diagnostics;
    assert.deepEqual(broken.map((d) => d.code), ['NB3007']);
    assert.match(String(broken[0]!.params.reason), /no-such-partial/);
  } finally {
    cleanup();
  }
});

test('last year\'s file must be a regular file: a pipe is not read', async () => {
  const { dir, cleanup } = tempDir();
  try {
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    const report = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8').replace('year: 2015', 'year: 2015\nprevious: ./pipe');
    writeFileSync(join(dir, 'r.yaml'), report);
    const d = (await check([join(dir, 'r.yaml')])).files[0]!.diagnostics;
    assert.deepEqual(d.map((x) => x.code), ['NB6009']);
  } finally {
    cleanup();
  }
});

test('a mistake in a custom profile\'s profile.yaml or tables.yaml is reported at its file, line and column', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const profile = join(dir, 'mine');
    cpSync(join(TEMPLATES_DIR, 'gov-2021'), profile, { recursive: true });
    const example = nationalExample().replace('profile: gov-2021', 'profile: ./mine');
    writeFileSync(join(dir, 'r.yaml'), example);
    const rules = join(profile, 'profile.yaml');
    const original = readFileSync(rules, 'utf8');
    // A misspelt key, and a year written as text.
    writeFileSync(rules, original.replace('only_required_headings: true', 'only_required_heading: true').replace('years: { from: 2021,', 'years: { from: "2021年",'));
    const lines = readFileSync(rules, 'utf8').split('\n');
    const run = await check([join(dir, 'r.yaml')]);
    const d = run.files[0]!.diagnostics;
    assert.equal(run.exitCode, 1);
    assert.equal(d[0]!.code, 'NB3007', 'said at the report\'s profile line');
    const typo = d.find((x) => x.code === 'NB2102')!;
    assert.equal(typo.file, rules);
    assert.deepEqual([typo.position?.line, typo.position?.column], [lines.findIndex((l) => l.startsWith('only_required_heading:')) + 1, 1]);
    assert.equal(typo.params.suggestion, 'only_required_headings');
    const year = d.find((x) => x.code === 'NB2101')!;
    assert.equal(year.file, rules);
    assert.equal(year.position?.line, lines.findIndex((l) => l.startsWith('years:')) + 1);
    assert.match(lines[year.position!.line - 1]!.slice(year.position!.column - 1), /^"?2021年"/, 'the column points at the value');

    // tables.yaml: a row whose label is misspelt.
    writeFileSync(rules, original);
    const tables = join(profile, 'tables.yaml');
    writeFileSync(tables, readFileSync(tables, 'utf8').replace('fees: { label: 行政事业性收费,', 'fees: { lable: 行政事业性收费,'));
    const t = (await check([join(dir, 'r.yaml')])).files[0]!.diagnostics;
    const where = readFileSync(tables, 'utf8').split('\n').findIndex((l) => l.includes('lable:')) + 1;
    assert.deepEqual(t.filter((x) => x.file === tables).map((x) => [x.code, x.position?.line]).sort(), [['NB2102', where], ['NB2103', where]]);
    // The pretty reporter shows the profile's line under the message.
    const shown = runCli(['check', join(dir, 'r.yaml')]);
    assert.match(shown.stdout, new RegExp(`tables\\.yaml:${where}:\\d+ error NB2102 Unknown key "lable"\\. Did you mean "label"\\?`));
  } finally {
    cleanup();
  }
});

test('the plausibility checks compare the cells the profile names', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const profile = join(dir, 'mine');
    cpSync(join(TEMPLATES_DIR, 'gov-2021'), profile, { recursive: true });
    const rules = join(profile, 'profile.yaml');
    const example = nationalExample().replace('profile: gov-2021', 'profile: ./mine');
    // A department's fee of 35000 万元: looks typed in 元 where the profile names the fee's row, not where it names none.
    writeFileSync(join(dir, 'r.yaml'), example.replace(/fees: [\d.]+/, 'fees: 35000'));
    const codes = async () => (await check([join(dir, 'r.yaml')])).files[0]!.diagnostics.map((x) => x.code);
    assert.ok((await codes()).includes('NB6007'));
    writeFileSync(rules, readFileSync(rules, 'utf8').replace('  fee: active.fees\n', ''));
    assert.ok(!(await codes()).includes('NB6007'));
    writeFileSync(rules, readFileSync(rules, 'utf8').replace('  rules: active.rules\n', '  rules: active.regulations\n'));
    const d = (await check([join(dir, 'r.yaml')])).files[0]!.diagnostics;
    assert.match(String(d[0]!.params.reason), /plausibility names active\.regulations, which is not a row of the tables/);
  } finally {
    cleanup();
  }
});

test('a date written as people write it gets the exact rewrite, and no deadline warning is computed from it', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const example = nationalExample();
    for (const written of ['2025年1月20日', '2025-1-20', '2025/01/20', '2025.1.20', '2025 年 1 月 20 日']) {
      writeFileSync(join(dir, 'r.yaml'), example.replace(/^published: .*$/m, `published: ${written}`));
      const d = (await check([join(dir, 'r.yaml')])).files[0]!.diagnostics;
      assert.deepEqual(d.map((x) => [x.code, x.params.rewrite]), [['NB2105', '2025-01-20']], written);
    }
    // Not a real date, however written: no rewrite, and still no deadline warning.
    writeFileSync(join(dir, 'r.yaml'), example.replace(/^published: .*$/m, 'published: 2025年2月30日'));
    const d = (await check([join(dir, 'r.yaml')])).files[0]!.diagnostics;
    assert.deepEqual(d.map((x) => [x.code, x.params.rewrite]), [['NB2105', undefined]]);
  } finally {
    cleanup();
  }
});
