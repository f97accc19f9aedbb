/**
 * Batch builds with the real Chromium: a folder of department reports, a broken file among
 * them, a browser killed mid-run, a document that does not print in time, incremental rebuilds.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeDepartments } from './bench/generate.js';
import { browserPidOf, encodeGb18030, filesBelow, FIXTURES, leftovers, poppler, ROOT, runCli, spawnCli, tempDir } from './helpers.js';

const pdfsBelow = (dir: string) => filesBelow(dir, '.pdf');

/** Every PDF opens and carries its own organization's name. */
function assertPdfsGood(outDir: string, srcDir: string, names: string[]): void {
  for (const name of names) {
    const src = readFileSync(join(srcDir, name.replace(/\.pdf$/, '.yaml')), 'utf8');
    const org = /^organization: (.+)$/m.exec(src)![1]!.replace(/"/g, '');
    assert.match(poppler('pdfinfo', [join(outDir, name)]), new RegExp(`^Author:\\s+${org}$`, 'm'), name);
  }
}

test('a folder with one broken file: every other report is built, the broken one is named with its line, exit 1', () => {
  const { dir, cleanup } = tempDir();
  try {
    const src = join(dir, 'departments');
    writeDepartments(src, 6);
    // Two departments with the same file name in different folders must not collide.
    mkdirSync(join(src, 'other'));
    copyFileSync(join(src, 'group-00', 'dept-000.yaml'), join(src, 'other', 'dept-000.yaml'));
    writeFileSync(join(src, 'group-00', 'dept-003.yaml'), readFileSync(join(src, 'group-00', 'dept-003.yaml'), 'utf8').replace('year: 2024', 'year: [2024'));
    const out = join(dir, 'out');
    const r = runCli(['build', src, '-o', out, '--format', 'pdf']);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /group-00\/dept-003\.yaml:\d+:1 error NB2001/);
    assert.match(r.stdout, /7 files: 6 built, 1 with errors/);
    assert.match(r.stdout, /Not done:\n {2}.*group-00\/dept-003\.yaml:\d+:1 NB2001/);
    const built = pdfsBelow(out);
    assert.deepEqual(built, ['group-00/dept-000.pdf', 'group-00/dept-001.pdf', 'group-00/dept-002.pdf', 'group-00/dept-004.pdf', 'group-00/dept-005.pdf', 'other/dept-000.pdf']);
    assertPdfsGood(out, src, built);
    // One plain progress line per finished file when not on a terminal.
    assert.equal((r.stderr.match(/^\[\d+\/7\] /gm) ?? []).length, 7);
    // Each line says the file's own time apart from the time since the start.
    assert.equal((r.stderr.match(/^\[\d+\/7\] built \S+ \(this file \d+\.\d s; \d+\.\d s since the start\)$/gm) ?? []).length, 6, r.stderr);
    assert.match(r.stderr, /^\[\d+\/7\] .*dept-003\.yaml \(this file \d+\.\d s; \d+\.\d s since the start\)$/m);
  } finally {
    cleanup();
  }
});

test('a run in which no report passes its checks stops the browser it started, and leaves nothing', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeFileSync(join(dir, 'bad.yaml'), readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8').replace(/^year: .*$/m, 'year: [2015'));
    const started = performance.now();
    const r = runCli(['build', join(dir, 'bad.yaml'), '-o', join(dir, 'out')], { env: { NIANBAO_TRACE: '1' } });
    // Not a speed target: a hang (a call to the abandoned browser waiting out its 70 s timeout) is a bug.
    assert.ok(performance.now() - started < 15_000, 'nothing waits for the browser it gave up on');
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stderr, /browser found: /, 'a browser was started before the report was checked');
    assert.match(r.stdout + r.stderr, /bad\.yaml:\d+:\d+/);
    assert.deepEqual(existsSync(join(dir, 'out')) ? pdfsBelow(join(dir, 'out')) : [], []);
    const after = leftovers(r.pid);
    assert.deepEqual(after.folders, [], 'no browser profile is left');
    assert.deepEqual(after.processes, [], 'no browser process is left');
  } finally {
    cleanup();
  }
});

test('killing the browser mid-batch still builds every report', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const src = join(dir, 'departments');
    writeDepartments(src, 12);
    const out = join(dir, 'out');
    let killed = false;
    const { done } = spawnCli(['build', src, '-o', out, '--format', 'pdf', '--jobs', '2'], {
      onStderr: (stderr, child) => {
        if (killed || !/^\[2\/12\]/m.test(stderr)) return;
        killed = true;
        const browser = browserPidOf(child.pid!);
        assert.ok(browser, 'the run has a browser process');
        process.kill(browser, 'SIGKILL');
      },
    });
    const { code, stdout, stderr } = await done;
    assert.ok(killed, 'the browser was killed mid-run');
    assert.equal(code, 0, stdout + stderr);
    const built = pdfsBelow(out);
    assert.equal(built.length, 12);
    assertPdfsGood(out, src, built);
  } finally {
    cleanup();
  }
});

test('a browser killed while it gets ready is started once more, and every report is built', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const src = join(dir, 'departments');
    writeDepartments(src, 4);
    const out = join(dir, 'out');
    let killed = false;
    const { child, output, done } = spawnCli(['build', src, '-o', out, '--format', 'pdf'], { env: { NIANBAO_TRACE: '1' } });
    // As soon as the browser is started, before its pages are ready.
    const poll = setInterval(() => {
      if (killed || !/browser found/.test(output.stderr)) return;
      const browser = browserPidOf(child.pid!);
      if (browser) {
        killed = true;
        process.kill(browser, 'SIGKILL');
      }
    }, 5);
    const { code, stdout, stderr } = await done;
    clearInterval(poll);
    assert.ok(killed, 'the browser was killed');
    assert.doesNotMatch(stderr.slice(0, stderr.indexOf('pages ready') + 1 || undefined), /printed/, 'before anything was printed');
    assert.match(stderr, /starting it again/);
    assert.equal(code, 0, stdout + stderr);
    assert.equal(pdfsBelow(out).length, 4);
    assertPdfsGood(out, src, pdfsBelow(out));

    // A browser that fails by itself is not started again: it would only fail again.
    const broken = join(dir, 'broken-browser');
    writeFileSync(broken, '#!/bin/sh\necho "missing libnss3.so" >&2\nexit 3\n', { mode: 0o755 });
    const r = runCli(['build', src, '-o', join(dir, 'out2'), '--browser', broken], { env: { NIANBAO_TRACE: '1' } });
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /exited \(code 3\): missing libnss3\.so/);
    assert.doesNotMatch(r.stderr, /starting it again/);
  } finally {
    cleanup();
  }
});

test('a document that does not print within --timeout fails alone', () => {
  const { dir, cleanup } = tempDir();
  try {
    const src = join(dir, 'in');
    writeDepartments(src, 3);
    const huge = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8').replace('进一步加强监督考核。', `|\n${'      进一步加强监督考核，确保各项工作落到实处。\n\n'.repeat(30000)}`);
    writeFileSync(join(src, 'huge.yaml'), huge.replace('text: |\n', 'text: |\n'));
    const r = runCli(['build', src, '-o', join(dir, 'out'), '--format', 'pdf', '--timeout', '1500', '--jobs', '2']);
    assert.equal(r.code, 2, r.stdout);
    assert.match(r.stdout, /huge\.yaml failed no PDF after 1500 ms/);
    assert.equal(pdfsBelow(join(dir, 'out')).length, 3);
  } finally {
    cleanup();
  }
});

test('an unchanged folder is skipped; a changed file is rebuilt; --force rebuilds all', () => {
  const { dir, cleanup } = tempDir();
  try {
    const src = join(dir, 'in');
    writeDepartments(src, 4);
    const out = join(dir, 'out');
    assert.equal(runCli(['build', src, '-o', out]).code, 0);
    const again = runCli(['build', src, '-o', out]);
    assert.equal(again.code, 0);
    assert.match(again.stdout, /4 files: 0 built, 4 unchanged \(skipped\)/);
    const file = join(src, 'group-00', 'dept-002.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('本年度报告中所列数据', '本年度报告所列数据'));
    const changed = runCli(['build', src, '-o', out]);
    assert.match(changed.stdout, /4 files: 1 built, 3 unchanged \(skipped\)/);
    assert.match(runCli(['build', src, '-o', out, '--format', 'pdf']).stdout, /4 built/, 'other options are another build');
    assert.match(runCli(['build', src, '-o', out, '--force']).stdout, /4 files: 4 built/);
    assert.ok(existsSync(join(out, '.nianbao-manifest.json')));
  } finally {
    cleanup();
  }
});

test('an edit to a custom profile, or to the built-in templates, rebuilds the reports that use them', () => {
  const { dir, cleanup } = tempDir();
  try {
    // A copy of the installed tool, whose built-in templates the test may change.
    const tool = join(dir, 'tool');
    for (const part of ['bin', 'dist', 'templates', 'package.json', 'src/report.schema.json']) cpSync(join(ROOT, part), join(tool, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(tool, 'node_modules'));
    const cli = (args: string[]) => spawnSync(process.execPath, [join(tool, 'bin', 'nianbao.js'), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8' } });
    const src = join(dir, 'in');
    mkdirSync(src);
    const minimal = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8');
    writeFileSync(join(src, 'builtin.yaml'), minimal);
    cpSync(join(ROOT, 'templates', 'free-form'), join(src, 'mine'), { recursive: true });
    writeFileSync(join(src, 'custom.yaml'), minimal.replace('profile: free-form', 'profile: ./mine'));
    const out = join(dir, 'out');
    const build = () => cli(['build', src, '-o', out, '--format', 'html']).stdout;
    assert.match(build(), /2 files: 2 built/);
    assert.match(build(), /2 files: 0 built, 2 unchanged/);
    writeFileSync(join(src, 'mine', 'style.css'), '.x { color: red; }\n');
    assert.match(build(), /2 files: 1 built, 1 unchanged/, 'the custom profile changed: its report is rebuilt');
    const css = join(tool, 'templates', '_base', 'base.css');
    writeFileSync(css, `${readFileSync(css, 'utf8')}\n.y { color: blue; }\n`);
    assert.match(build(), /2 files: 2 built/, 'the built-in templates changed: both are rebuilt');
    // --profile names the custom profile from the command line (relative to the working folder).
    const named = cli(['build', join(src, 'builtin.yaml'), '-o', join(dir, 'named'), '--format', 'html', '--profile', join(src, 'mine')]).stdout;
    assert.match(named, /1 file: 1 built/);
    writeFileSync(join(src, 'mine', 'style.css'), '.z { color: green; }\n');
    assert.match(cli(['build', join(src, 'builtin.yaml'), '-o', join(dir, 'named'), '--format', 'html', '--profile', join(src, 'mine')]).stdout, /1 file: 1 built/);
  } finally {
    cleanup();
  }
});

test('a GB18030 report prints every character; a.yaml and a.yml do not write the same PDF', () => {
  const { dir, cleanup } = tempDir();
  try {
    const src = join(dir, 'in');
    mkdirSync(src);
    const text = readFileSync(join(ROOT, 'examples', 'tieshan-2015.yaml'), 'utf8');
    writeFileSync(join(src, 'gb.yaml'), encodeGb18030(text));
    copyFileSync(join(FIXTURES, 'minimal.yaml'), join(src, 'a.yaml'));
    copyFileSync(join(FIXTURES, 'minimal.yaml'), join(src, 'a.yml'));
    const r = runCli(['build', src, '-o', join(dir, 'out'), '--format', 'pdf']);
    assert.equal(r.code, 2, r.stdout);
    assert.match(r.stdout, /a\.yml failed its output is also the output of .*a\.yaml/);
    const pdfText = poppler('pdftotext', [join(dir, 'out', 'gb.pdf'), '-']).replace(/\s+/g, '');
    for (const sentence of ['成立了以区委常委、党政办主任为组长', '健全了政府信息机制', '推动我区政务公开工作健康发展']) assert.ok(pdfText.includes(sentence), sentence);
    // Every glyph comes from a bundled font: a character missing from the cut fonts would
    // fall back to some system font (or none).
    for (const row of poppler('pdffonts', [join(dir, 'out', 'gb.pdf')]).trim().split('\n').slice(2)) {
      assert.match(row, /^[A-Z]{6}\+(NotoSerifSC|NotoSansSC|LXGWWenKai)-\w+\s+CID TrueType/, row);
    }
  } finally {
    cleanup();
  }
});

test('a custom profile folder moved since the last build: the report that now names the new folder is built', () => {
  const { dir, cleanup } = tempDir();
  try {
    cpSync(join(ROOT, 'templates', 'free-form'), join(dir, 'mine'), { recursive: true });
    const report = join(dir, 'r.yaml');
    const minimal = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8');
    writeFileSync(report, minimal.replace('profile: free-form', 'profile: ./mine'));
    const out = join(dir, 'out');
    assert.equal(runCli(['build', report, '-o', out, '--format', 'html']).code, 0);
    renameSync(join(dir, 'mine'), join(dir, 'theirs'));
    writeFileSync(report, minimal.replace('profile: free-form', 'profile: ./theirs'));
    const r = runCli(['build', report, '-o', out, '--format', 'html']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /1 file: 1 built/);
  } finally {
    cleanup();
  }
});
