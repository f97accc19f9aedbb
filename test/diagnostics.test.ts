/**
 * Golden files for diagnostics: every file in fixtures/bad is checked and its report, in both
 * languages and without colour, must match golden/<name>.txt. Run with UPDATE_GOLDEN=1 to
 * write the goldens after an intended change (or for a new fixture), then read the diff.
 */

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { check } from '../src/run/api.js';
import { knownCodes, messageFor } from '../src/messages/diagnostics.js';
import { formatRun } from '../src/report/pretty.js';
import { FIXTURES, ROOT } from './helpers.js';

const BAD = join(FIXTURES, 'bad');
const GOLDEN = join(ROOT, 'test', 'golden');

for (const name of readdirSync(BAD).filter((f) => f.endsWith('.yaml')).sort()) {
  test(`diagnostics for ${name} match the golden file`, async () => {
    const file = `test/fixtures/bad/${name}`;
    const run = await check([file]);
    assert.equal(run.exitCode, 1, 'a bad input exits 1');
    assert.ok(run.files[0]!.diagnostics.some((d) => d.severity === 'error'), 'at least one error');
    for (const d of run.files[0]!.diagnostics) {
      assert.match(d.code, /^NB\d{4}$/);
      if (name !== 'empty.yaml') assert.ok(d.position, `${d.code} has a position`);
    }
    const text = ['zh-CN', 'en'].map((lang) => formatRun(run, { lang: lang as 'zh-CN' | 'en', color: false, command: 'check' })).join('\n\n---\n\n');
    const golden = join(GOLDEN, name.replace(/\.yaml$/, '.txt'));
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, `${text}\n`);
    // A missing golden file fails: writing it here would pass whatever the output is.
    assert.ok(existsSync(golden), `no golden file ${golden}: run with UPDATE_GOLDEN=1, then read it`);
    assert.equal(`${text}\n`, readFileSync(golden, 'utf8'));
  });
}

test('every golden file belongs to a fixture', () => {
  const fixtures = new Set(readdirSync(BAD).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '.txt')));
  assert.deepEqual(readdirSync(GOLDEN).filter((f) => !fixtures.has(f)), []);
});

test('every diagnostic code the checks can give has its text in both languages', () => {
  const used = new Set<string>();
  for (const file of readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts') || file.startsWith('messages')) continue;
    for (const m of readFileSync(join(ROOT, 'src', file), 'utf8').matchAll(/'(NB\d{4})'/g)) used.add(m[1]!);
  }
  const known = new Set(knownCodes());
  assert.deepEqual([...used].filter((code) => !known.has(code)).sort(), []);
  for (const code of known) {
    for (const lang of ['zh-CN', 'en'] as const) assert.notEqual(messageFor(code, {}, lang).message, code, `${code} in ${lang}`);
  }
});
