/** The validation stage on inline strings: profile rules, numbering and figures. */

import assert from 'node:assert/strict';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { check } from '../src/api.js';
import { loadProfile, TEMPLATES_DIR } from '../src/profile.js';
import { sourceFromText } from '../src/source.js';
import { validateReport } from '../src/validate.js';
import { parseYaml } from '../src/yaml.js';
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
