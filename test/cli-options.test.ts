/** Flags → options (cli/options.ts): a pure function, tested with plain values. */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildOptionsFrom, checkOptionsFrom, reporterFrom, UsageError, type BuildFlags } from '../src/cli/options.js';
import { cliText } from '../src/messages/cli.js';
import { inLanguage } from '../src/messages/lang.js';
import { runCli } from './helpers.js';

const en = inLanguage(cliText, 'en');
const zh = inLanguage(cliText, 'zh-CN');
const defaults: BuildFlags = { outDir: 'out', format: 'pdf,html' };

test('build flags with their defaults become the options a program would pass', () => {
  assert.deepEqual(buildOptionsFrom(defaults, en), { strict: false, outDir: 'out', formats: ['pdf', 'html'] });
  assert.deepEqual(
    buildOptionsFrom({ ...defaults, format: ' HTML , pdf,html', jobs: '3', timeout: '5000', shard: '2/3', profile: './mine', browser: '/b', browserWs: 'ws://x', localFonts: true, force: true, strict: true }, en),
    { shard: { index: 2, count: 3 }, profile: './mine', strict: true, outDir: 'out', formats: ['html', 'pdf'], browser: '/b', browserWs: 'ws://x', localFonts: true, timeoutMs: 5000, jobs: 3, force: true },
  );
  assert.deepEqual(checkOptionsFrom({}, en), { strict: false });
});

test('a flag value that is not allowed is one sentence in the user\'s language', () => {
  const refused = (flags: Partial<BuildFlags>, t = en) => {
    try {
      buildOptionsFrom({ ...defaults, ...flags }, t);
    } catch (error) {
      assert.ok(error instanceof UsageError);
      return error.message;
    }
    assert.fail(`accepted ${JSON.stringify(flags)}`);
  };
  assert.match(refused({ format: 'docx' }), /--format takes pdf, html or pdf,html, not "docx"/);
  assert.match(refused({ format: ' , ' }), /--format/);
  assert.match(refused({ jobs: '0' }), /--jobs takes a positive whole number, not "0"/);
  assert.match(refused({ jobs: '1.5' }), /--jobs/);
  assert.match(refused({ timeout: 'soon' }, zh), /--timeout 应为正整数（毫秒），而不是“soon”/);
  for (const shard of ['0/3', '4/3', '1-3', '2/']) assert.match(refused({ shard }), /--shard takes k\/n/, shard);
  // The first mistake is the one said: the shard before the format.
  assert.match(refused({ shard: '9/1', format: 'docx' }), /--shard/);
  assert.equal(reporterFrom('json', en), 'json');
  assert.throws(() => reporterFrom('xml', en), /--reporter takes pretty, json or github, not "xml"/);
});

test('nianbao profiles lists the formats with their years, headings and tables', () => {
  const r = runCli(['--lang', 'zh-CN', 'profiles']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^gov-2021 .*\n {2}适用年度：2021–至今\n {2}一级标题：总体情况、主动公开政府信息情况/m);
  assert.match(r.stdout, /^gov-2019 .*\n {2}适用年度：2019–2020/m);
  const json = JSON.parse(runCli(['--reporter', 'json', 'profiles']).stdout) as { name: string; headings: string[] }[];
  assert.deepEqual(json.map((p) => p.name), ['free-form', 'gov-2019', 'gov-2021']);
  assert.equal(json[2]!.headings.length, 6);
});

test('nianbao doctor: 0 on a machine set up by the README, 2 with the fix when the browser path is wrong', () => {
  const ok = runCli(['doctor']);
  assert.equal(ok.code, 0, ok.stdout);
  assert.match(ok.stdout, /^✓ browser starts: \S*Chrome\/\d+/m);
  assert.match(ok.stdout, /^✓ bundled fonts: /m);
  const wrong = runCli(['--lang', 'zh-CN', 'doctor', '--browser', '/no/such/chrome']);
  assert.equal(wrong.code, 2);
  assert.match(wrong.stdout, /^✗ 浏览器：有问题：.*\/no\/such\/chrome\n {4}改法：/m);
});
