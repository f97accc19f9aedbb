/**
 * Half-width punctuation in Chinese text: `check` warns once a text (NB6015), and `nianbao fix`
 * rewrites exactly those marks, changing nothing else of the file.
 */

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { halfWidthMarks } from '../src/checks/punctuation.js';
import { check } from '../src/run/api.js';
import { EXAMPLE, FIXTURES, runCli, tempDir } from './helpers.js';

const AS_TYPED = join(FIXTURES, 'tieshan-2015-as-typed.yaml');
const withoutHeader = (yaml: string) => yaml.replace(/^(?:#.*\n)+/, '').replace(/\$schema=[^\n]*/, '');

test('the seed example as typed: NB6015 once a text; the bundled example is stored fixed', async () => {
  const typed = (await check([AS_TYPED])).files[0]!.diagnostics;
  assert.ok(typed.length > 10 && typed.every((d) => d.code === 'NB6015' && d.severity === 'warning'), typed.map((d) => d.code).join(' '));
  assert.equal(typed.reduce((n, d) => n + Number(d.params.count), 0), 91, '84 commas, 5 semicolons, 2 colons');
  assert.deepEqual((await check([EXAMPLE])).files[0]!.diagnostics, []);
});

test('nianbao fix on a copy of the seed example rewrites the ASCII punctuation between Chinese characters and changes nothing else', () => {
  const { dir, cleanup } = tempDir();
  try {
    const copy = join(dir, 'r.yaml');
    writeFileSync(copy, readFileSync(AS_TYPED));
    const dry = runCli(['fix', copy, '--dry-run']);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /^-.*精神,现将/m);
    assert.match(dry.stdout, /^\+.*精神，现将/m);
    assert.match(dry.stdout, /91 half-width marks would be fixed/);
    assert.deepEqual(readFileSync(copy), readFileSync(AS_TYPED), 'a dry run writes nothing');
    const r = runCli(['fix', copy]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /fixed 91 half-width marks/);
    assert.equal(withoutHeader(readFileSync(copy, 'utf8')), withoutHeader(readFileSync(EXAMPLE, 'utf8')));
    assert.match(runCli(['fix', copy]).stdout, /no punctuation to fix/);
  } finally {
    cleanup();
  }
});

test('never inside numbers, times, Latin words or web addresses; comments, line ends and a BOM stay', () => {
  const marks = (text: string) => halfWidthMarks(text).map((m) => `${m.found}${m.offset}`);
  assert.deepEqual(marks('共1,040件，9:00开始'), []);
  assert.deepEqual(marks('见http://a.cn/q?x=1,y=2，或Word(docx)文件'), []);
  assert.deepEqual(marks('工作, 进一步(见附件)加强:一是'), [',2', '(7', ')11', ':14']);
  const { dir, cleanup } = tempDir();
  try {
    const file = join(dir, 'r.yaml');
    const original = readFileSync(EXAMPLE, 'utf8');
    assert.ok(original.includes('    text: |\n      2015年，我区'));
    const yaml = original.replace('    text: |\n      2015年，我区', '    text: |   # 注释, 保留\n      2015年,我区').replace(/\n/g, '\r\n');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(yaml)]));
    assert.equal(runCli(['fix', file]).code, 0);
    const out = readFileSync(file);
    assert.deepEqual([...out.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = out.subarray(3).toString('utf8');
    assert.equal(text, yaml.replace('2015年,我区', '2015年，我区'), 'the mark in the text only: the comment, the CRLF line ends stay');
    assert.ok(text.includes('# 注释, 保留\r\n'));
  } finally {
    cleanup();
  }
});

test('brackets are rewritten in pairs, and a text whose NB6015 the file accepts is left alone', () => {
  const marks = (text: string) => halfWidthMarks(text).map((m) => m.found).join('');
  assert.equal(marks('详见附件(附表1)与(2023年)口径'), '()()');
  assert.equal(marks('见Word(docx)文件'), '');
  const { dir, cleanup } = tempDir();
  try {
    const file = join(dir, 'r.yaml');
    const yaml = readFileSync(AS_TYPED, 'utf8').replace('  - heading: 存在的主要问题\n    text: |', '  - heading: 存在的主要问题\n    text: |   # nianbao-disable-line NB6015 原文照录');
    writeFileSync(file, yaml);
    assert.equal(runCli(['fix', file]).code, 0);
    const out = readFileSync(file, 'utf8');
    assert.match(out, /2015年,我区政府信息公开工作得到了进一步加强,但仍存在/, 'the accepted text keeps its marks');
    assert.match(out, /精神，现将/, 'the others are fixed');
  } finally {
    cleanup();
  }
});
