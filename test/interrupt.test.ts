/**
 * Interruptions and sealed templates with the real Chromium: Ctrl-C in the middle of a batch
 * stops within 2 s and leaves no browser, no half-written PDF and no temporary folder; a custom
 * template can neither run code nor fetch anything nor reach outside its data.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeDepartments } from './bench/generate.js';
import { countingServer, filesBelow, FIXTURES, leftovers, poppler, ROOT, runCli, spawnCli, tempDir } from './helpers.js';

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  test(`${signal} in the middle of a 50-report batch stops cleanly`, async () => {
    const { dir, cleanup } = tempDir();
    try {
      const src = join(dir, 'in');
      writeDepartments(src, 50);
      const out = join(dir, 'out');
      let signalledAt = 0;
      const { done } = spawnCli(['build', src, '-o', out], {
        onStderr: (stderr, child) => {
          if (signalledAt || !/^\[4\/50\]/m.test(stderr)) return;
          signalledAt = performance.now();
          child.kill(signal);
        },
      });
      const { code, signal: killedBy, stdout } = await done;
      const stoppedIn = performance.now() - signalledAt;
      assert.ok(signalledAt > 0, 'the signal was sent mid-run');
      assert.ok(stoppedIn < 2000, `stopped in ${Math.round(stoppedIn)} ms`);
      // After a SIGHUP, nianbao cleans up, then ends by the signal (the shell says 129).
      if (signal === 'SIGHUP') assert.equal(killedBy, 'SIGHUP');
      else assert.equal(code, EXIT_CODES[signal]);
      assert.match(stdout, /50 files: \d+ built/);
      assert.match(stdout, /Interrupted: \d+ files? not processed\./);
      const pdfs = filesBelow(out, '.pdf');
      assert.ok(pdfs.length >= 4 && pdfs.length < 50, `${pdfs.length} PDFs`);
      for (const pdf of pdfs) poppler('pdfinfo', [join(out, pdf)]);
      assert.deepEqual(filesBelow(out, '.tmp'), [], 'no half-written file');
      assert.deepEqual(leftovers(), { folders: [], processes: [] }, 'no browser and no profile folder left');
    } finally {
      cleanup();
    }
  });
}

test('a terminal closed in the middle of a batch: the run cleans up, then ends by SIGHUP', { skip: spawnSync('python3', ['--version']).status !== 0 && 'needs python3 for a pseudo-terminal' }, () => {
  const { dir, cleanup } = tempDir();
  try {
    const src = join(dir, 'in');
    writeDepartments(src, 40);
    const out = join(dir, 'out');
    // The progress bar shows on the terminal: hang up once it counts 4 reports.
    const r = spawnSync('python3', [join(ROOT, 'test', 'tools', 'hangup.py'), ' 4/40', process.execPath, join(ROOT, 'bin', 'nianbao.js'), 'build', src, '-o', out], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8' },
      timeout: 120_000,
    });
    assert.equal(r.status, 0, r.stderr);
    const ended = JSON.parse(r.stdout) as { seen: boolean; seconds: number; signal: number | null; code: number | null; output: string };
    assert.ok(ended.seen, `hung up mid-run: ${ended.output}`);
    // Writing to the closed terminal fails; that must neither crash the run nor stop its clean-up.
    assert.equal(ended.signal, 1, `ended by SIGHUP, not ${JSON.stringify(ended)}`);
    assert.ok(ended.seconds < 5, `ended ${ended.seconds} s after the hang-up`);
    const files = readdirSync(out, { recursive: true, encoding: 'utf8' });
    const pdfs = files.filter((f) => f.endsWith('.pdf'));
    assert.ok(pdfs.length >= 4 && pdfs.length < 40, `${pdfs.length} PDFs`);
    for (const pdf of pdfs) poppler('pdfinfo', [join(out, pdf)]);
    assert.deepEqual(files.filter((f) => f.endsWith('.tmp')), [], 'no half-written file');
    assert.deepEqual(leftovers(), { folders: [], processes: [] }, 'no browser and no profile folder left');
  } finally {
    cleanup();
  }
});

test('nianbao killed outright (SIGKILL) leaves no browser running, and the next build removes the profile it left', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const before = leftovers();
    const src = join(dir, 'in');
    writeDepartments(src, 20);
    let killed = false;
    const { done } = spawnCli(['build', src, '-o', join(dir, 'out')], {
      onStderr: (stderr, child) => {
        if (killed || !/^\[2\/20\]/m.test(stderr)) return;
        killed = true;
        child.kill('SIGKILL');
      },
    });
    await done;
    assert.ok(killed, 'killed mid-run');
    // The browser sees its DevTools pipes close and exits by itself.
    const started = performance.now();
    const running = () => leftovers().processes.filter((p) => !before.processes.includes(p));
    while (running().length && performance.now() - started < 5000) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(running(), [], 'no browser process is left');
    const left = leftovers().folders.filter((f) => !before.folders.includes(f));
    assert.equal(left.length, 1, 'the killed run could not remove its profile');
    const r = runCli(['build', join(FIXTURES, 'minimal.yaml'), '-o', join(dir, 'again'), '--format', 'pdf']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(leftovers().folders.filter((f) => !before.folders.includes(f)), [], 'the next build removed it');
  } finally {
    cleanup();
  }
});

test('a custom template cannot run code, fetch anything or reach prototypes', async () => {
  const server = await countingServer();
  const { port } = server;
  const { dir, cleanup } = tempDir();
  try {
    const profile = join(dir, 'evil');
    cpSync(join(ROOT, 'templates', 'free-form'), profile, { recursive: true });
    writeFileSync(
      join(profile, 'report.hbs'),
      `{{#> document}}<script>document.title='pwned'</script><img src="http://127.0.0.1:${port}/img.png">` +
        `<link rel="stylesheet" href="http://127.0.0.1:${port}/x.css"><iframe src="http://127.0.0.1:${port}/"></iframe>` +
        `<p id="proto">[{{constructor.name}}][{{lookup this "__proto__"}}][{{report.constructor}}]</p>` +
        `{{#each sections}}{{> section}}{{/each}}{{/document}}`,
    );
    writeFileSync(join(profile, 'style.css'), `body { background: url(http://127.0.0.1:${port}/bg.png); } @import url(http://127.0.0.1:${port}/i.css);`);
    const report = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8').replace('profile: free-form', 'profile: ./evil');
    writeFileSync(join(dir, 'r.yaml'), report);
    const r = runCli(['build', join(dir, 'r.yaml'), '-o', join(dir, 'out')]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(server.requests(), 0, 'nothing was fetched');
    assert.match(poppler('pdfinfo', [join(dir, 'out', 'r.pdf')]), /^Title:\s+2015年度测试区政府信息公开工作报告$/m, 'the script did not run');
    assert.match(poppler('pdftotext', [join(dir, 'out', 'r.pdf'), '-']), /\[\]\[\]\[\]/, 'no prototype reached');
    // A profile cannot pull files from elsewhere through `extends`.
    writeFileSync(join(profile, 'profile.yaml'), 'extends: ../../etc\n');
    const refused = runCli(['check', join(dir, 'r.yaml')]);
    assert.equal(refused.code, 1);
    assert.match(refused.stdout, /NB3007 The profile is invalid: extends must name a built-in profile/);
  } finally {
    server.close();
    cleanup();
  }
});

test('two builds writing to the same folder at once leave only complete files', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const src = join(dir, 'in');
    writeDepartments(src, 6);
    const out = join(dir, 'out');
    const run = async () => (await spawnCli(['build', src, '-o', out, '--force']).done).code;
    assert.deepEqual(await Promise.all([run(), run()]), [0, 0]);
    const files = readdirSync(out, { recursive: true, encoding: 'utf8' });
    assert.deepEqual(files.filter((f) => f.endsWith('.tmp')), []);
    const pdfs = files.filter((f) => f.endsWith('.pdf'));
    assert.equal(pdfs.length, 6);
    for (const pdf of pdfs) assert.match(poppler('pdfinfo', [join(out, pdf)]), /^Pages:\s+\d+$/m);
  } finally {
    cleanup();
  }
});

test('a full disk fails the file with a clear error and leaves nothing half-written', (t) => {
  const { dir, cleanup } = tempDir();
  const out = join(dir, 'tiny');
  try {
    mkdirSync(out);
    // A 20 KB file system: too small for the PDF. Needs root (as CI runs).
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=20k', 'tmpfs', out]).status !== 0) {
      t.skip('cannot mount a small file system here');
      return;
    }
    try {
      const r = runCli(['build', join(FIXTURES, 'minimal.yaml'), '-o', out]);
      assert.equal(r.code, 2, r.stdout);
      assert.match(r.stdout, /minimal\.yaml failed cannot write .*minimal\.pdf: ENOSPC/);
      assert.deepEqual(readdirSync(out).filter((f) => f.endsWith('.tmp') || f.endsWith('.pdf')), []);
    } finally {
      spawnSync('umount', [out]);
    }
  } finally {
    cleanup();
  }
});
