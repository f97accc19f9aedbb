/**
 * The built-in templates are precompiled by the build (dist/render/precompiled-templates.cjs); the
 * HTML they give must be the HTML the sources give when compiled at run time.
 */

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadReport } from '../src/run/load.js';
import { loadProfile } from '../src/profiles/load.js';
import { builtinProfiles, resolveProfileDir } from '../src/profiles/profile.js';
import { sourceKey } from '../src/render/render.js';
import { EXAMPLE, ROOT, runCli, tempDir } from './helpers.js';

test('every built-in template and partial is precompiled by the build', () => {
  const precompiled = createRequire(import.meta.url)(join(ROOT, 'dist', 'render', 'precompiled-templates.cjs')) as Map<string, unknown>;
  for (const name of builtinProfiles()) {
    const profile = loadProfile(resolveProfileDir(name, ROOT));
    for (const [part, source] of [['template', profile.template], ...Object.entries(profile.partials)] as const) {
      assert.ok(precompiled.has(sourceKey(source)), `${name}: ${part}`);
    }
  }
});

test('precompiled templates (the built CLI) and templates compiled at run time (the sources) give the same HTML', async () => {
  const { dir, cleanup } = tempDir();
  try {
    for (const example of [EXAMPLE, join(ROOT, 'examples', 'chengchuan-eco-2024.yaml')]) {
      const r = runCli(['build', example, '-o', dir, '--format', 'html', '--force']);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      const built = readFileSync(join(dir, example.split('/').pop()!.replace(/\.yaml$/, '.html')), 'utf8');
      const loaded = await loadReport(example, { render: true });
      assert.ok(loaded.html, 'rendered in this process');
      assert.equal(built, loaded.html);
    }
  } finally {
    cleanup();
  }
});
