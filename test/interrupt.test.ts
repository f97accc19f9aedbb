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
import { assertWholeOutputs, countingServer, FIXTURES, leftovers, poppler, ROOT, runCli, spawnCli, tempDir, unavailable } from './helpers.js';

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  test(`${signal} in the middle of a 50-report batch stops cleanly`, async () => {
    const { dir, cleanup } = tempDir();
    try {
      const src = join(dir, 'in');
      writeDepartments(src, 50);
      const out = join(dir, 'out');
      let signalledAt = 0;
      const { child, done } = spawnCli(['build', src, '-o', out], {
        onStderr: (stderr, child) => {
          if (signalledAt || !/^\[4\/50\]/m.test(stderr)) return;
          signalledAt = performance.now();
          child.kill(signal);
        },
      });
      const { code, signal: killedBy, stdout, stderr } = await done;
      const stoppedIn = performance.now() - signalledAt;
      assert.ok(signalledAt > 0, 'the signal was sent mid-run');
      assert.ok(stoppedIn < 2000, `stopped in ${Math.round(stoppedIn)} ms`);
      // After a SIGHUP, nianbao cleans up, then ends by the signal (the shell says 129).
      if (signal === 'SIGHUP') assert.equal(killedBy, 'SIGHUP');
      else assert.equal(code, EXIT_CODES[signal], `${stdout}\n${stderr}`.slice(-3000));
      assert.match(stdout, /50 files: \d+ built/);
      assert.match(stdout, /Interrupted: \d+ files? not processed\./);
      const pdfs = assertWholeOutputs(out);
      assert.ok(pdfs.length >= 4 && pdfs.length < 50, `${pdfs.length} PDFs`);
      assert.deepEqual(leftovers(child.pid!), { folders: [], processes: [] }, 'no browser and no profile folder left');
    } finally {
      cleanup();
    }
  });
}

/** Runs `nianbao build` on a pseudo-terminal, closes the terminal once the bar shows `waitFor`, and says how it ended. */
function buildOnClosingTerminal(args: string[], waitFor: string, options: { noSignal?: boolean } = {}) {
  const r = spawnSync('python3', [join(ROOT, 'test', 'tools', 'hangup.py'), ...(options.noSignal ? ['--no-signal'] : []), waitFor, process.execPath, join(ROOT, 'bin', 'nianbao.js'), 'build', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8' },
    timeout: 120_000,
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { pid: number; seen: boolean; seconds: number; signal: number | null; code: number | null; output: string };
}

test('a terminal closed in the middle of a batch: the run cleans up, then ends by SIGHUP', () => {
  const { dir, cleanup } = tempDir();
  try {
    const src = join(dir, 'in');
    writeDepartments(src, 40);
    const out = join(dir, 'out');
    // The progress bar shows on the terminal: hang up once it counts 4 reports.
    const ended = buildOnClosingTerminal([src, '-o', out], ' 4/40');
    assert.ok(ended.seen, `hung up mid-run: ${ended.output}`);
    // Writing to the closed terminal fails; that must neither crash the run nor stop its clean-up.
    assert.equal(ended.signal, 1, `ended by SIGHUP, not ${JSON.stringify(ended)}`);
    assert.ok(ended.seconds < 5, `ended ${ended.seconds} s after the hang-up`);
    const pdfs = assertWholeOutputs(out);
    assert.ok(pdfs.length >= 4 && pdfs.length < 40, `${pdfs.length} PDFs`);
    assert.deepEqual(leftovers(ended.pid), { folders: [], processes: [] }, 'no browser and no profile folder left');
  } finally {
    cleanup();
  }
});

test('writes to a closed terminal before any SIGHUP arrives do not crash the run', () => {
  // Which comes first after a hang-up, a write to the terminal or the SIGHUP, is a race that a
  // busy machine loses. Here the terminal is not the run's controlling one, so no SIGHUP comes
  // at all: the writes fail (EIO) and must not end Node through a normal exit, which crashes
  // (SIGSEGV) restoring a terminal that is gone.
  const { dir, cleanup } = tempDir();
  try {
    const src = join(dir, 'in');
    writeDepartments(src, 12);
    const out = join(dir, 'out');
    const ended = buildOnClosingTerminal([src, '-o', out], ' 2/12', { noSignal: true });
    assert.ok(ended.seen, `closed mid-run: ${ended.output}`);
    // No one asked it to stop: it builds every report, then ends as a hang-up would have ended it.
    assert.equal(ended.signal, 1, `ended by SIGHUP, not ${JSON.stringify(ended)}`);
    assert.equal(assertWholeOutputs(out).length, 12);
    assert.deepEqual(leftovers(ended.pid), { folders: [], processes: [] }, 'no browser and no profile folder left');
  } finally {
    cleanup();
  }
});

test('nianbao killed outright (SIGKILL) leaves no browser running, and the next build removes the profile it left', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const src = join(dir, 'in');
    writeDepartments(src, 20);
    let killed = false;
    const { child, done } = spawnCli(['build', src, '-o', join(dir, 'out')], {
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
    while (leftovers(child.pid!).processes.length && performance.now() - started < 5000) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(leftovers(child.pid!).processes, [], 'no browser process is left');
    // The killed run could not remove its profile folder; any nianbao that starts next removes it
    // (another run on this machine may already have done so: it is no longer ours to find).
    assert.ok(leftovers(child.pid!).folders.length <= 1, 'at most the one profile folder of the killed run');
    const r = runCli(['build', join(FIXTURES, 'minimal.yaml'), '-o', join(dir, 'again'), '--format', 'pdf']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(leftovers(child.pid!).folders, [], 'the next build removed it');
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
    // Run in the background: the server answers in this process, whose event loop must stay free.
    const r = await spawnCli(['build', join(dir, 'r.yaml'), '-o', join(dir, 'out')]).done;
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
    assert.equal(assertWholeOutputs(out).length, 6);
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
      unavailable(t, 'cannot mount a small file system here (needs root)');
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
