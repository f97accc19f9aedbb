/**
 * What a CI pipeline relies on: reproducible bytes, dates and metadata, machine-readable
 * reporters, sharding, and printing through a browser that someone else started.
 */

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
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
  assert.equal(doc.schemaVersion, 1);
  assert.equal(doc.tool.name, 'nianbao');
  assert.equal(doc.command, 'check');
  assert.equal(doc.exitCode, 1);
  assert.deepEqual(doc.summary, { files: 2, ok: 1, unchanged: 0, invalid: 1, failed: 0, errors: 1, warnings: 0 });
  assert.deepEqual(Object.keys(doc.files[1]).sort(), ['diagnostics', 'error', 'file', 'outputs', 'status', 'timings']);
  assert.deepEqual(doc.files[1].diagnostics[0], {
    code: 'NB2001',
    severity: 'error',
    message: 'YAML syntax error: deficient indentation.',
    expected: 'Check the indentation, colons and quotes on this line and the one before.',
    line: 6,
    column: 1,
    path: null,
  });
  const { dir, cleanup } = tempDir();
  try {
    const built = JSON.parse(runCli(['--reporter', 'json', 'build', join(FIXTURES, 'minimal.yaml'), '-o', dir]).stdout) as Record<string, any>;
    assert.equal(built.exitCode, 0);
    assert.match(built.browser, /Chrome\/\d+/);
    assert.equal(built.files[0].status, 'ok');
    assert.equal(built.files[0].outputs.length, 2);
    assert.equal(typeof built.files[0].timings.printMs, 'number');
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

