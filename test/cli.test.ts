/** The command line as a user runs it: exit codes, languages, help, and output files. */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { FIXTURES, runCli, tempDir, encodeGb18030, unavailable } from './helpers.js';

const MINIMAL = join(FIXTURES, 'minimal.yaml');

test('check exits 0 for a valid report and prints a summary', () => {
  const r = runCli(['check', MINIMAL]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /1 file: 1 passed/);
});

test('check exits 1 for a bad report, with file:line:col and a code frame', () => {
  const r = runCli(['check', join(FIXTURES, 'bad', 'syntax.yaml'), '--lang', 'zh-CN']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /syntax\.yaml:6:1 错误 NB2001 YAML 格式错误/);
  assert.match(r.stdout, /^ {2}6 \| published: 2016-01-28\n {4}\| \^$/m);
  assert.doesNotMatch(r.stdout + r.stderr, /\n\s+at .*\(.*:\d+:\d+\)/, 'no stack trace');
});

test('every problem of a file is reported at once', () => {
  const r = runCli(['check', join(FIXTURES, 'bad', 'wrong-types.yaml')]);
  assert.equal(r.code, 1);
  assert.equal((r.stdout.match(/ error NB/g) ?? []).length, 4);
});

test('messages follow the locale, and --lang overrides it', () => {
  const bad = join(FIXTURES, 'bad', 'missing-heading.yaml');
  assert.match(runCli(['check', bad], { env: { LANG: 'zh_CN.UTF-8' } }).stdout, /缺少必需的一级标题 “存在的主要问题”/);
  assert.match(runCli(['check', bad], { env: { LANG: 'en_US.UTF-8' } }).stdout, /Missing required top-level heading "存在的主要问题"/);
  assert.match(runCli(['--lang', 'en', 'check', bad], { env: { LANG: 'zh_CN.UTF-8' } }).stdout, /Missing required/);
});

test('a folder, a missing file, an empty file and a GB18030 file are diagnosed, not crashed on', () => {
  const { dir, cleanup } = tempDir();
  try {
    const gbBytes = encodeGb18030(readFileSync(MINIMAL, 'utf8'));
    writeFileSync(join(dir, 'gb.yaml'), gbBytes);
    writeFileSync(join(dir, 'empty.yaml'), '  \n');
    mkdirSync(join(dir, 'folder.yaml'));
    const r = runCli(['check', join(dir, 'folder.yaml'), join(dir, 'missing.yaml'), join(dir, 'empty.yaml'), join(dir, 'gb.yaml'), '--lang', 'zh-CN']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /folder\.yaml 错误 NB1008 没有找到报告文件/, "a folder is searched for reports; this one holds none");
    assert.match(r.stdout, /missing\.yaml 错误 NB1001 找不到这个文件/);
    assert.match(r.stdout, /empty\.yaml 错误 NB1004 文件是空的/);
    assert.match(r.stdout, /gb\.yaml 警告 NB1005 文件不是 UTF-8 编码，已按 GB18030 读取/);
    assert.match(r.stdout, /共 4 个文件：1 个通过检查，3 个有错误/);
  } finally {
    cleanup();
  }
});

test('usage mistakes exit 2 with one sentence in the user\'s language', () => {
  const cases: [string[], RegExp][] = [
    [['build'], /缺少参数 files/],
    [['frob'], /未知命令 frob/],
    [['check', MINIMAL, '--bogus'], /未知选项 --bogus/],
    [['build', MINIMAL, '--format', 'docx'], /--format 只能是 pdf、html 或 pdf,html/],
    [['build', MINIMAL, '--timeout', 'soon'], /--timeout 应为正整数/],
    [['--lang', 'fr', 'check', MINIMAL], /--lang 只能是 zh-CN 或 en/],
  ];
  for (const [args, message] of cases) {
    const r = runCli(args, { env: { LANG: 'zh_CN.UTF-8' } });
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, message, args.join(' '));
    assert.equal(r.stderr.trim().split('\n').length, 1, `one line: ${r.stderr}`);
  }
});

test('--help and --version exit 0; help speaks Chinese in a Chinese locale', () => {
  const help = runCli(['build', '--help'], { env: { LANG: 'zh_CN.UTF-8' } });
  assert.equal(help.code, 0);
  assert.match(help.stdout, /用法：/);
  assert.match(help.stdout, /检查并生成 PDF 与 HTML/);
  // Commander's own words are translated too.
  assert.match(help.stdout, /nianbao build \[选项\] <文件\.\.\.>/);
  assert.match(help.stdout, /（默认：out）/);
  assert.doesNotMatch(help.stdout, /\[options\]|default:/);
  const english = runCli(['build', '--help'], { env: { LANG: 'C' } });
  assert.match(english.stdout, /Usage: nianbao build \[options\] <files\.\.\.>/);
  assert.match(english.stdout, / \(default: out\)/);
  const version = runCli(['--version']);
  assert.equal(version.code, 0);
  assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
});

test('build with a --browser that does not exist exits 2 with one actionable sentence', () => {
  const { dir, cleanup } = tempDir();
  try {
    const r = runCli(['build', MINIMAL, '-o', dir, '--browser', join(dir, 'no-such-chrome')], { env: { LANG: 'zh_CN.UTF-8' } });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^找不到 --browser 指定的浏览器“.*no-such-chrome”：请检查路径，或去掉 --browser 让 nianbao 自动查找。\n$/);
    assert.equal(existsSync(join(dir, 'minimal.pdf')), false);
  } finally {
    cleanup();
  }
});

test('build of HTML alone needs no browser and writes one self-contained file', () => {
  const { dir, cleanup } = tempDir();
  try {
    const r = runCli(['build', MINIMAL, '-o', dir, '--format', 'html', '--browser', join(dir, 'no-such-chrome')]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const html = readFileSync(join(dir, 'minimal.html'), 'utf8');
    assert.match(html, /<html lang="zh-CN">/);
    assert.match(html, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
    assert.doesNotMatch(html, /<(script|link|img|iframe)\b/i, 'no scripts, links or external resources');
    assert.doesNotMatch(html, /(src|href)=|url\((?!data:)/i, 'nothing is fetched');
    assert.match(html, /<h2 class="heading">一、政府信息公开工作完成情况<\/h2>/);
    assert.match(html, /<h3 class="heading">（一）加强组织领导<\/h3>/);
    assert.match(html, /<h4 class="heading">1\.加强领导，明确责任。<\/h4><p>全年在门户网站公开信息<span class="figure" data-figure="figures.portal_items">2100<\/span>条/);
    assert.match(html, /<p class="signed-on">2016年1月28日<\/p>/);
  } finally {
    cleanup();
  }
});

test('build refuses an unwritable output folder with exit 2', (t) => {
  const { dir, cleanup } = tempDir();
  const out = join(dir, 'locked');
  mkdirSync(out);
  // Root can write through any permission bits: there, a read-only file system stands in.
  const asRoot = process.getuid?.() === 0;
  if (asRoot && spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=64k', 'tmpfs', out]).status !== 0) {
    cleanup();
    unavailable(t, 'cannot mount a read-only file system here');
    return;
  }
  try {
    if (!asRoot) chmodSync(out, 0o500);
    const r = runCli(['build', MINIMAL, '-o', out, '--format', 'html']);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stdout, /minimal\.yaml failed cannot write .*minimal\.html: (EACCES|EROFS)/);
    assert.doesNotMatch(r.stdout + r.stderr, /\n\s+at /, 'no stack trace');
  } finally {
    if (asRoot) spawnSync('umount', [out]);
    cleanup();
  }
});

test('an output path that is a file (not a folder) fails the build with exit 2, not a crash', () => {
  const { dir, cleanup } = tempDir();
  try {
    const blocker = join(dir, 'out');
    writeFileSync(blocker, 'not a folder');
    copyFileSync(MINIMAL, join(dir, 'r.yaml'));
    const r = runCli(['build', join(dir, 'r.yaml'), '-o', blocker, '--format', 'html']);
    assert.equal(r.code, 2);
    assert.match(r.stdout, /r\.yaml failed cannot write/);
    assert.doesNotMatch(r.stdout + r.stderr, /\n\s+at /);
  } finally {
    cleanup();
  }
});

test('init writes a skeleton that passes check with TODO warnings, and fails it with --strict', () => {
  const { dir, cleanup } = tempDir();
  try {
    const init = runCli(['init', '--profile', 'gov-2021', '--year', '2025', '--org', '测试局'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
    assert.equal(init.code, 0, init.stderr);
    assert.match(init.stdout, /已生成 2025\.yaml/);
    const text = readFileSync(join(dir, '2025.yaml'), 'utf8');
    assert.match(text, /^# yaml-language-server: \$schema=.*src\/report\.schema\.json$/m);
    assert.match(text, /^profile: gov-2021$/m);
    const checked = runCli(['check', '2025.yaml'], { cwd: dir });
    assert.equal(checked.code, 0, checked.stdout);
    assert.match(checked.stdout, /warning NB6001/);
    // The placeholder publication date is flagged at its comment; the header comment is not.
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    assert.match(checked.stdout, new RegExp(`2025\\.yaml:${lineOf('# 发布日期 TODO')}:\\d+ warning NB6010`));
    assert.doesNotMatch(checked.stdout, new RegExp(`2025\\.yaml:${lineOf('填写所有 TODO')}:`));
    assert.doesNotMatch(checked.stdout, / error /);
    const strict = runCli(['check', '--strict', '2025.yaml'], { cwd: dir });
    assert.equal(strict.code, 1);
    assert.match(strict.stdout, / error NB6001/);
    const again = runCli(['init', '--year', '2025', '--org', '测试局'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
    assert.equal(again.code, 2);
    assert.match(again.stderr, /文件 2025\.yaml 已存在；用 --force 覆盖/);
    const y2020 = runCli(['init', 'old.yaml', '--year', '2020', '--org', '测试局'], { cwd: dir });
    assert.equal(y2020.code, 0);
    assert.match(readFileSync(join(dir, 'old.yaml'), 'utf8'), /^profile: gov-2019$/m, 'the profile follows the year');
    assert.equal(runCli(['init', '--year', 'soon', '--org', 'x'], { cwd: dir }).code, 2);
    assert.equal(runCli(['init', '--year', '2025'], { cwd: dir }).code, 2, '--org is required');
  } finally {
    cleanup();
  }
});

test('check examples/ checks the reports and skips the CI workflow and the Kubernetes manifests beside them, with a note', () => {
  const r = runCli(['check', 'examples/']);
  assert.equal(r.code, 0, r.stdout);
  assert.match(r.stdout, /8 files: 4 passed, 0 with errors, 4 not a report \(skipped\)/);
  assert.match(r.stdout, /Skipped, as YAML files that are not reports.*\n {2}examples\/ci\/github-actions\.yml\n {2}examples\/k8s\/build-job\.yaml\n/);
  // Named on the command line, the same file is checked as a report, and is wrong as one.
  assert.equal(runCli(['check', 'examples/ci/github-actions.yml']).code, 1);
  // A file found in a folder that looks like a report gone wrong is still checked and reported.
  const { dir, cleanup } = tempDir();
  try {
    writeFileSync(join(dir, 'list.yaml'), '- title: 2015年度报告\n');
    writeFileSync(join(dir, 'typo.yaml'), readFileSync(MINIMAL, 'utf8').replace('title:', 'titel:'));
    const broken = runCli(['check', dir]);
    assert.equal(broken.code, 1);
    assert.match(broken.stdout, /2 files: 0 passed, 2 with errors/);
  } finally {
    cleanup();
  }
});
