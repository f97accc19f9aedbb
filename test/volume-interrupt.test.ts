/**
 * Ctrl-C while a volume is being printed, with the real Chromium: the run stops within a few
 * seconds, ends interrupted (130), writes no volume and leaves no browser nor profile folder.
 */

import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeDepartments } from './bench/generate.js';
import { leftovers, runCli, spawnCli, tempDir } from './helpers.js';

test('SIGINT while the volume prints stops it: exit 130, no volume, no browser left', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const src = join(dir, 'dep');
    writeDepartments(src, 11);
    const out = join(dir, 'out');
    // The reports are built first: the run below has only the volume to print, so its browser is the volume's.
    const first = runCli(['build', src, '-o', out, '--format', 'pdf']);
    assert.equal(first.code, 0, first.stdout + first.stderr);
    const volume = join(out, 'vol.pdf');
    let signalledAt = 0;
    const { child, done } = spawnCli(['build', src, '-o', out, '--format', 'pdf', '--volume', volume, '-j', '1'], {
      env: { NIANBAO_TRACE: '1' },
      onStderr: (stderr, child) => {
        if (signalledAt || !/pages ready/.test(stderr)) return;
        signalledAt = performance.now();
        child.kill('SIGINT');
      },
    });
    const { code, stdout, stderr } = await done;
    const stoppedIn = performance.now() - signalledAt;
    assert.ok(signalledAt > 0, 'the signal was sent while the volume printed');
    assert.equal(code, 130, `${stdout}\n${stderr}`.slice(-3000));
    assert.ok(stoppedIn < 3000, `stopped in ${Math.round(stoppedIn)} ms`);
    assert.equal(existsSync(volume), false, 'no volume written');
    assert.deepEqual(readdirSync(out).filter((f) => f.endsWith('.tmp')), []);
    assert.ok((stderr.match(/volume: printed /g) ?? []).length < 11, 'not every report was printed for the volume');
    assert.doesNotMatch(stderr, /volume: assembled/);
    assert.match(stdout, /The run was interrupted: the volume .*vol\.pdf was not written\./);
    assert.deepEqual(leftovers(child.pid!), { folders: [], processes: [] }, 'no browser and no profile folder left');
  } finally {
    cleanup();
  }
});
