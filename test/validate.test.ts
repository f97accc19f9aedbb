/** The validation stage on inline strings: profile rules, numbering and figures. */

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { check } from '../src/run/api.js';
import { loadProfile, TEMPLATES_DIR } from '../src/profiles/profile.js';
import { sourceFromText } from '../src/source/source.js';
import { validateReport } from '../src/checks/validate.js';
import { parseYaml } from '../src/source/yaml.js';
import { FIXTURES, tempDir } from './helpers.js';

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

test('other sections may stand between the required ones', () => {
  assert.deepEqual(codes('  - heading: 工作情况\n  - heading: 其他\n  - heading: 存在的主要问题\n  - heading: 附\n  - heading: 改进措施\n'), []);
});

test('missing and misordered parts are errors at the place they concern', () => {
  assert.deepEqual(codes('  - heading: 工作情况\n  - heading: 改进措施\n'), ['NB3001:7']);
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
  const bad = validate('  - heading: 工作情况\n    sections:\n      - heading: 1.组织\n  - heading: 存在的主要问题\n  - heading: 改进措施\n');
  assert.deepEqual(bad.diagnostics.map((d) => [d.code, d.params.found, d.params.expected]), [['NB3003', '1.', '（一）']]);
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
