/**
 * Each input is read once, and every stage takes what was read: the build key, the fonts and
 * the checks. The fonts come from the parsed report, so a title written as a YAML block is
 * printed in the title face like any other.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CLI, FIXTURES, ROOT, runCli, tempDir } from './helpers.js';

test('a build opens its input file once, and last year\'s report and a custom profile\'s files once each', () => {
  const { dir, cleanup } = tempDir();
  try {
    const minimal = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8');
    cpSync(join(ROOT, 'templates', 'free-form'), join(dir, 'mine'), { recursive: true });
    writeFileSync(join(dir, 'last.yaml'), minimal);
    const report = join(dir, 'report.yaml');
    writeFileSync(report, minimal.replace('profile: free-form', 'profile: ./mine\nprevious: last.yaml'));
    const counts = join(dir, 'opens.json');
    const r = spawnSync(process.execPath, ['--import', join(ROOT, 'test', 'tools', 'count-opens.mjs'), CLI, 'build', report, '-o', join(dir, 'out')], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8', NIANBAO_COUNT_OPENS: counts },
    });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const opened = JSON.parse(readFileSync(counts, 'utf8')) as Record<string, number>;
    assert.equal(opened[report], 1, `the report was opened ${opened[report]} times`);
    assert.equal(opened[join(dir, 'last.yaml')], 1, 'last year\'s report');
    assert.equal(opened[join(dir, 'mine', 'report.hbs')], 1, 'the custom template');
  } finally {
    cleanup();
  }
});

test('a title written as a block over two lines prints like the same title quoted: every character in the title face', () => {
  const { dir, cleanup } = tempDir();
  try {
    const minimal = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8');
    const title = /^title: (.*)$/m.exec(minimal)![1]!;
    // A break the clerk chose, and characters that appear nowhere else in the report.
    const [first, second] = [`${title.slice(0, 9)}鑫淼`, `${title.slice(9)}犇`];
    writeFileSync(join(dir, 'block.yaml'), minimal.replace(/^title: .*$/m, `title: |\n  ${first}\n  ${second}`));
    writeFileSync(join(dir, 'quoted.yaml'), minimal.replace(/^title: .*$/m, `title: "${first}\\n${second}\\n"`));
    const out = join(dir, 'out');
    // Apart: a run cuts its fonts for all its reports, so together one would lend the other its title.
    for (const name of ['block', 'quoted']) {
      const r = runCli(['build', join(dir, `${name}.yaml`), '-o', out, '--format', 'pdf']);
      assert.equal(r.code, 0, r.stdout + r.stderr);
    }
    const page1 = (name: string) => {
      const png = spawnSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '60', '-png', join(out, `${name}.pdf`)], { maxBuffer: 64 * 1024 * 1024 });
      assert.equal(png.status, 0, String(png.stderr));
      return png.stdout;
    };
    assert.ok(page1('block').equals(page1('quoted')), 'page 1 looks the same whichever way the title is written');
  } finally {
    cleanup();
  }
});
