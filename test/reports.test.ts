/**
 * A corpus of realistic reports (test/fixtures/reports): a 乡镇, county departments, a city
 * government, a provincial 办公厅; free form and both national formats; long and short. Each
 * gets exactly the diagnostics expected.json lists — code, line, and words of the advice that
 * would make it right. A right report passes with no warning but TODO markers; an accepted
 * warning is kept as suppressed with its reason.
 */

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { active } from '../src/diagnostics.js';
import { messageFor } from '../src/messages/diagnostics.js';
import { check } from '../src/run/api.js';
import { ROOT } from './helpers.js';

const DIR = join(ROOT, 'test', 'fixtures', 'reports');
interface Expected {
  readonly exit: 0 | 1;
  readonly diagnostics: readonly { code: string; line: number; advice?: string }[];
  readonly suppressed?: readonly { code: string; line: number; reason: string }[];
}
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<string, Expected>;

/** The classes of failure seen on real reports (issue 11), and the fixtures that stand for each. */
const CLASSES: Record<string, readonly string[]> = {
  '1 one part for problems and improvements': ['right-xiangzhen-2013.yaml'],
  '2 phrases naming several quantities': ['right-city-gov-2023.yaml', 'wrong-multi-phrase-2023.yaml', 'right-province-bangongting-2021.yaml'],
  '3 table 二 in the text, numbers as typed': ['right-city-gov-2023.yaml', 'wrong-active-chinese-numeral-2022.yaml', 'wrong-active-fullwidth-2021.yaml'],
  '4 warnings that fit real data': ['right-city-gov-2023.yaml', 'right-dept-fee-decimal-2023.yaml', 'wrong-fee-yuan-2023.yaml'],
  '5 consequences after causes': ['wrong-results-total-2023.yaml', 'wrong-litigation-2022.yaml'],
  '6 tables that vanished': ['right-freeform-tongji-2016.yaml', 'wrong-freeform-tongji-total-2015.yaml', 'wrong-freeform-tables-2018.yaml'],
  '7 positions and near misses': ['wrong-freeform-missing-improvements-2014.yaml', 'wrong-heading-typo-2023.yaml'],
  '8 dates as people write them': ['wrong-date-chinese-2025.yaml'],
  '9 accepting a warning': ['right-dept-fee-suppressed-2024.yaml', 'right-dept-republished-2022.yaml'],
};

test('the corpus: at least 12 reports, each with its expectation, every class covered, right and wrong ones', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();
  assert.ok(files.length >= 12, `${files.length} reports`);
  assert.deepEqual(files, Object.keys(expected).sort(), 'every report has an expectation');
  for (const [name, fixtures] of Object.entries(CLASSES)) for (const f of fixtures) assert.ok(files.includes(f), `${name}: ${f}`);
  const profiles = new Set(files.map((f) => /^profile: (\S+)/m.exec(readFileSync(join(DIR, f), 'utf8'))?.[1]));
  assert.deepEqual([...profiles].sort(), ['free-form', 'gov-2019', 'gov-2021']);
});

for (const [name, want] of Object.entries(expected)) {
  test(`report: ${name}`, async () => {
    const run = await check([join(DIR, name)]);
    const all = run.files[0]!.diagnostics;
    const shown = active(all);
    const describe = (d: (typeof all)[number]) => {
      const text = messageFor(d.code, d.params, 'zh-CN');
      return `${d.code}:${d.position?.line} ${text.message} ${text.expected ?? ''}`;
    };
    // Exactly the expected diagnostics, each at its line.
    assert.deepEqual(
      shown.map((d) => `${d.code}:${d.position?.line}`).sort(),
      want.diagnostics.map((d) => `${d.code}:${d.line}`).sort(),
      shown.map(describe).join('\n'),
    );
    for (const w of want.diagnostics) {
      if (!w.advice) continue;
      const at = shown.filter((x) => x.code === w.code && x.position?.line === w.line).map(describe);
      assert.ok(at.some((text) => text.includes(w.advice!)), `${at.join('\n')}\n should say ${w.advice}`);
    }
    assert.equal(run.exitCode, want.exit);
    // A right report: no error, and no warning except TODO markers.
    if (name.startsWith('right-')) assert.deepEqual(shown.filter((d) => d.code !== 'NB6001').map(describe), []);
    assert.deepEqual(
      all.filter((d) => d.suppressed !== undefined).map((d) => `${d.code}:${d.position?.line}`),
      (want.suppressed ?? []).map((s) => `${s.code}:${s.line}`),
    );
    for (const s of want.suppressed ?? []) assert.ok(all.find((d) => d.code === s.code)?.suppressed?.includes(s.reason));
  });
}
