/**
 * What a CI pipeline relies on: reproducible bytes, dates and metadata, machine-readable
 * reporters, sharding, and printing through a browser that someone else started.
 */

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeDepartments } from './bench/generate.js';
import { FIXTURES, poppler, ROOT, runCli, tempDir } from './helpers.js';

const EXAMPLE = join(ROOT, 'examples', 'chengchuan-eco-2024.yaml');

test('the same report gives the same bytes: twice, and alone or inside a batch of 20', () => {
  const { dir, cleanup } = tempDir();
  try {
    assert.equal(runCli(['build', EXAMPLE, '-o', join(dir, 'a'), '--format', 'pdf']).code, 0);
    assert.equal(runCli(['build', EXAMPLE, '-o', join(dir, 'b'), '--format', 'pdf']).code, 0);
    const batch = join(dir, 'batch');
    writeDepartments(join(batch, 'others'), 19);
    copyFileSync(EXAMPLE, join(batch, 'chengchuan-eco-2024.yaml'));
    // With the report it compares with (previous:), as it travels.
    copyFileSync(join(ROOT, 'examples', 'chengchuan-eco-2023.yaml'), join(batch, 'chengchuan-eco-2023.yaml'));
    assert.equal(runCli(['build', batch, '-o', join(dir, 'c'), '--format', 'pdf']).code, 0);
    const a = readFileSync(join(dir, 'a', 'chengchuan-eco-2024.pdf'));
    assert.ok(a.equals(readFileSync(join(dir, 'b', 'chengchuan-eco-2024.pdf'))), 'two builds');
    assert.ok(a.equals(readFileSync(join(dir, 'c', 'chengchuan-eco-2024.pdf'))), 'alone and in a batch');
  } finally {
    cleanup();
  }
});

test('pdfinfo shows the metadata; SOURCE_DATE_EPOCH=0 dates the PDF 1970-01-01', () => {
  const { dir, cleanup } = tempDir();
  try {
    assert.equal(runCli(['build', EXAMPLE, '-o', dir, '--format', 'pdf'], { env: { SOURCE_DATE_EPOCH: '0' } }).code, 0);
    const info = poppler('pdfinfo', [join(dir, 'chengchuan-eco-2024.pdf')]);
    assert.match(info, /^Title:\s+澄川市生态环境局2024年政府信息公开工作年度报告$/m);
    assert.match(info, /^Author:\s+澄川市生态环境局$/m);
    assert.match(info, /^Subject:\s+2024年政府信息公开工作年度报告$/m);
    assert.match(info, /^Keywords:\s+政府信息公开, 年度报告, 2024, 澄川市生态环境局$/m);
    assert.match(info, /^Creator:\s+(Headless)?Chrome\/\d+/m);
    assert.match(info, /^Producer:\s+nianbao \d+\.\d+\.\d+$/m);
    assert.match(info, /^CreationDate:\s+Thu Jan  1 00:00:00 1970 UTC$/m);
    assert.match(info, /^ModDate:\s+Thu Jan  1 00:00:00 1970 UTC$/m);
    assert.match(info, /^Tagged:\s+yes$/m);
  } finally {
    cleanup();
  }
});

test('--reporter json is one JSON document of the documented shape', () => {
  const bad = join(FIXTURES, 'bad', 'syntax.yaml');
  const r = runCli(['--reporter', 'json', 'check', join(FIXTURES, 'minimal.yaml'), bad]);
  assert.equal(r.code, 1);
  const doc = JSON.parse(r.stdout) as Record<string, any>;
  // Every documented field, with its value or type: a field that goes or changes is caught here.
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  assert.deepEqual(Object.keys(doc).sort(), ['browser', 'command', 'elapsedMs', 'error', 'exitCode', 'files', 'schemaVersion', 'summary', 'tool']);
  assert.equal(doc.schemaVersion, 1);
  assert.deepEqual(doc.tool, { name: 'nianbao', version });
  assert.equal(doc.command, 'check');
  assert.equal(doc.exitCode, 1);
  assert.equal(typeof doc.elapsedMs, 'number');
  assert.equal(doc.browser, null, 'check starts no browser');
  assert.equal(doc.error, null);
  assert.deepEqual(doc.summary, { files: 2, ok: 1, unchanged: 0, invalid: 1, failed: 0, skipped: 0, errors: 1, warnings: 0, suppressed: 0 });
  assert.deepEqual(doc.files[0], { file: join(FIXTURES, 'minimal.yaml'), status: 'ok', outputs: [], error: null, timings: null, faces: null, diagnostics: [] });
  assert.deepEqual(Object.keys(doc.files[1]).sort(), ['diagnostics', 'error', 'faces', 'file', 'outputs', 'status', 'timings']);
  assert.equal(doc.files[1].status, 'invalid');
  assert.equal(doc.files[1].error, null);
  assert.deepEqual(doc.files[1].diagnostics[0], {
    code: 'NB2001',
    severity: 'error',
    message: 'YAML syntax error: deficient indentation.',
    expected: 'Check the indentation, colons and quotes on this line and the one before.',
    line: 6,
    column: 1,
    path: null,
    suppressed: null,
    file: bad,
    cell: null,
  });
  const { dir, cleanup } = tempDir();
  try {
    const built = JSON.parse(runCli(['--reporter', 'json', 'build', join(FIXTURES, 'minimal.yaml'), '-o', dir]).stdout) as Record<string, any>;
    assert.equal(built.exitCode, 0);
    assert.equal(built.command, 'build');
    assert.equal(typeof built.elapsedMs, 'number');
    assert.equal(built.error, null);
    assert.match(built.browser, /Chrome\/\d+/);
    assert.equal(built.files[0].status, 'ok');
    assert.equal(built.files[0].error, null);
    assert.deepEqual(built.files[0].outputs, [join(dir, 'minimal.pdf'), join(dir, 'minimal.html')]);
    assert.deepEqual(Object.keys(built.files[0].timings).sort(), ['checkMs', 'printMs', 'writeMs']);
    assert.deepEqual(built.files[0].faces, ['LXGWWenKai-Regular', 'NotoSansSC-Regular', 'NotoSerifSC-Bold', 'NotoSerifSC-Regular'].filter((f) => built.files[0].faces.includes(f)), 'the bundled faces');
    assert.ok(built.files[0].faces.includes('NotoSerifSC-Regular'));
    for (const ms of Object.values(built.files[0].timings)) assert.equal(typeof ms, 'number');
    // A run that fails as a whole says why in `error`.
    const noBrowser = JSON.parse(runCli(['--reporter', 'json', 'build', join(FIXTURES, 'minimal.yaml'), '-o', dir, '--force', '--browser', join(dir, 'no-such-browser')]).stdout) as Record<string, any>;
    assert.equal(noBrowser.exitCode, 2);
    assert.match(noBrowser.error, /no browser at/);
  } finally {
    cleanup();
  }
});

test('--reporter github prints annotations with file, line and column', () => {
  const r = runCli(['--reporter', 'github', 'check', join(FIXTURES, 'bad', 'wrong-types.yaml')]);
  assert.equal(r.code, 1);
  const lines = r.stdout.trim().split('\n');
  assert.match(lines[0]!, /^::error file=.*wrong-types\.yaml,line=5,col=7,title=nianbao NB2101::Wrong type for year: found string\. Expected integer\.$/);
  assert.equal(lines.filter((l) => l.startsWith('::error ')).length, 4);
  assert.match(lines[lines.length - 1]!, /^1 file: 0 passed, 1 with errors; 4 errors, 0 warnings\.$/);
});

test('--shard 1/3, 2/3 and 3/3 over 30 inputs build 30 distinct files', () => {
  const { dir, cleanup } = tempDir();
  try {
    const src = join(dir, 'in');
    writeDepartments(src, 30);
    const out = join(dir, 'out');
    const seen: string[] = [];
    for (const k of [1, 2, 3]) {
      const r = runCli(['--reporter', 'json', 'build', src, '-o', out, '--format', 'html', '--shard', `${k}/3`]);
      assert.equal(r.code, 0);
      const files = (JSON.parse(r.stdout) as { files: { file: string }[] }).files.map((f) => f.file);
      assert.equal(files.length, 10);
      seen.push(...files);
    }
    assert.equal(new Set(seen).size, 30);
    assert.equal(readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith('.html')).length, 30);
    // The same slices whatever the order of the arguments.
    const group = (g: string) => join(src, g);
    const a = JSON.parse(runCli(['--reporter', 'json', 'check', group('group-00'), group('group-01'), group('group-02'), '--shard', '2/3']).stdout) as { files: { file: string }[] };
    const b = JSON.parse(runCli(['--reporter', 'json', 'check', group('group-02'), group('group-00'), group('group-01'), '--shard', '2/3']).stdout) as { files: { file: string }[] };
    assert.deepEqual(a.files.map((f) => f.file).sort(), b.files.map((f) => f.file).sort());
    assert.equal(runCli(['build', src, '--shard', '4/3']).code, 2);
  } finally {
    cleanup();
  }
});

test('a.yaml and a.yml, built in two shards, are refused alike: no shard overwrites the other\'s output', () => {
  const { dir, cleanup } = tempDir();
  try {
    const src = join(dir, 'in');
    mkdirSync(src);
    const minimal = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8');
    writeFileSync(join(src, 'a.yaml'), minimal);
    writeFileSync(join(src, 'a.yml'), minimal.replace('2015年度测试区', '2015年度另一区'));
    const out = join(dir, 'out');
    const runs = [1, 2].map((k) => runCli(['build', src, '-o', out, '--format', 'html', '--shard', `${k}/2`]));
    // Whichever shard holds a.yml refuses it, as a run without shards does; the other builds a.yaml.
    assert.deepEqual(runs.map((r) => r.code).sort(), [0, 2], runs.map((r) => r.stdout).join('\n'));
    assert.match(runs.map((r) => r.stdout).join('\n'), /a\.yml failed its output is also the output of .*a\.yaml/);
    assert.deepEqual(readdirSync(out).filter((f) => !f.startsWith('.')), ['a.html']);
    assert.match(readFileSync(join(out, 'a.html'), 'utf8'), /2015年度测试区/, 'the output is a.yaml\'s');
  } finally {
    cleanup();
  }
});

test('--browser-ws prints through a running browser and leaves it running', async () => {
  const profile = await mkdtemp(join(tmpdir(), 'nianbao-remote-'));
  const chrome = spawn('/usr/bin/chromium', [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update',
    '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    const endpoint = await new Promise<string>((resolve, reject) => {
      let err = '';
      chrome.stderr.on('data', (d) => {
        err += d;
        const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
        if (m) resolve(m[1]!);
      });
      chrome.on('exit', () => reject(new Error(`chromium exited: ${err}`)));
    });
    const { dir, cleanup } = tempDir();
    try {
      const r = runCli(['build', join(FIXTURES, 'minimal.yaml'), '-o', dir, '--browser-ws', endpoint]);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.match(poppler('pdfinfo', [join(dir, 'minimal.pdf')]), /^Tagged:\s+yes$/m);
    } finally {
      cleanup();
    }
    assert.equal(chrome.exitCode, null, 'the remote browser is still running');
    const version = await fetch(`http://${new URL(endpoint).host}/json/list`).then((res) => res.json() as Promise<{ type: string }[]>);
    assert.equal(version.filter((t) => t.type === 'page').length, 1, 'our pages were closed; the browser\'s own tab is left');
  } finally {
    const exited = new Promise((resolve) => (chrome.exitCode !== null ? resolve(null) : chrome.once('exit', resolve)));
    chrome.kill('SIGKILL');
    await exited;
    await rm(profile, { recursive: true, force: true, maxRetries: 5 });
  }
});

