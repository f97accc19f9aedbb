/** The volume's order file is read before the batch: one that cannot be read is a usage error naming it, and nothing is built. */

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { withOrderList } from '../src/cli/order-file.js';
import { UsageError } from '../src/cli/options.js';
import { cliText } from '../src/messages/cli.js';
import { inLanguage } from '../src/messages/lang.js';
import { runCli, tempDir } from './helpers.js';
import { writeDepartments } from './bench/generate.js';

test('an order file that cannot be read is a usage error naming it, in either language', () => {
  const { dir, cleanup } = tempDir();
  try {
    const missing = join(dir, 'order.txt');
    const options = { volume: { path: 'v.pdf', order: missing } };
    assert.throws(() => withOrderList(options, inLanguage(cliText, 'en')), (e: Error) => e instanceof UsageError && e.message.includes(missing) && /no such file/.test(e.message));
    assert.throws(() => withOrderList(options, inLanguage(cliText, 'zh-CN')), (e: Error) => e instanceof UsageError && e.message.includes(missing) && /文件不存在/.test(e.message));
    assert.throws(() => withOrderList({ volume: { path: 'v.pdf', order: dir } }, inLanguage(cliText, 'en')), /it is a folder/);
  } finally {
    cleanup();
  }
});

test('a missing --order file stops build --volume before any report is built (exit 2)', () => {
  const { dir, cleanup } = tempDir();
  try {
    const src = join(dir, 'dep');
    writeDepartments(src, 2);
    const out = join(dir, 'out');
    const r = runCli(['build', src, '-o', out, '--volume', join(out, 'v.pdf'), '--order', join(dir, 'order.txt')]);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /Cannot read the --order file ".*order\.txt": no such file\./);
    assert.equal(existsSync(out), false, 'nothing built');
  } finally {
    cleanup();
  }
});
