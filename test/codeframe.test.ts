/** The code frame under a diagnostic: the caret stays under the column, and a long line costs no more than a short one. */

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { codeFrame } from '../src/report/codeframe.js';
import { runCli, tempDir } from './helpers.js';

test('a diagnostic at the end of a 5,000-character Chinese line is framed around its column', () => {
  const line = `    ${'全年共收到申请并依法答复。'.repeat(384)}{{figures.missing}}`;
  assert.ok([...line].length > 5000);
  const column = line.indexOf('{{') + 1;
  const frame = codeFrame(line, 12, column);
  const [shown, caret] = frame.split('\n') as [string, string];
  assert.match(shown, /^ {2}12 \| …/, 'cut at the start');
  assert.ok(shown.endsWith('{{figures.missing}}'), 'the end of the line is shown');
  // The caret sits under the `{{` in terminal cells (full-width characters take two).
  const cells = (s: string) => [...s].reduce((n, c) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);
  assert.equal(cells(caret.slice(0, caret.indexOf('^'))), cells(shown.slice(0, shown.indexOf('{{'))));
});

test('check on a long paragraph takes no more than twice as long pretty as json', () => {
  const { dir, cleanup } = tempDir();
  try {
    const file = join(dir, 'long.yaml');
    const paragraph = `${'我区全年主动公开政府信息，依法受理并答复公开申请。'.repeat(200)}{{figures.undefined_one}}`;
    writeFileSync(file, `profile: free-form\ntitle: 2015年度测试区政府信息公开工作报告\norganization: 测试区人民政府\nyear: 2015\npublished: 2016-01-28\nsections:\n  - heading: 工作情况\n    text: |\n      ${paragraph}\n  - heading: 存在的主要问题\n    text: 无。\n  - heading: 改进措施\n    text: 无。\n`);
    // Alternated, so that a machine that slows down for a while slows both alike; medians of 5.
    const times: Record<'json' | 'pretty', number[]> = { json: [], pretty: [] };
    for (let i = 0; i < 5; i++) {
      for (const reporter of ['json', 'pretty'] as const) {
        const started = performance.now();
        const r = runCli(['--reporter', reporter, 'check', file]);
        times[reporter].push(performance.now() - started);
        assert.equal(r.code, 1);
        assert.match(r.stdout, /NB4001/);
      }
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[2]!;
    const json = median(times.json);
    const pretty = median(times.pretty);
    assert.ok(pretty <= 2 * json, `pretty ${Math.round(pretty)} ms, json ${Math.round(json)} ms`);
  } finally {
    cleanup();
  }
});
