/**
 * The bad-input corpus: every file in test/corpus, and the generated ones below (encodings,
 * binary, a 50 MB file, …), gives its expected diagnostic with a file position, quickly, in
 * bounded memory, and never a stack trace. Cases are checked with --strict, so that a case
 * whose finding is a warning (Handlebars syntax shown as text, a GB18030 file) exits 1 too.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, openSync, readdirSync, readFileSync, writeFileSync, closeSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { check } from '../src/run/api.js';
import { ROOT, runCli, tempDir, encodeGb18030 } from './helpers.js';

const CORPUS = join(ROOT, 'test', 'corpus');
const expected = JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8')) as Record<string, { code: string; line?: number }>;
const minimal = readFileSync(join(ROOT, 'test', 'fixtures', 'minimal.yaml'), 'utf8').replace('$schema=../../src', '$schema=../../../src');
const missingHeading = minimal.slice(0, minimal.indexOf('  - heading: 存在的主要问题')) + minimal.slice(minimal.indexOf('  - heading: 下步整改措施'));

let generated: { dir: string; cleanup: () => void };
const generatedCases: Record<string, { code: string; codes?: string[] }> = {
  'empty.yaml': { code: 'NB1004' },
  'whitespace-only.yaml': { code: 'NB1004' },
  'comments-only.yaml': { code: 'NB1004' },
  'binary.yaml': { code: 'NB1006' },
  'invalid-utf8-and-gb18030.yaml': { code: 'NB1006' },
  'fifty-megabytes.yaml': { code: 'NB1007' },
  'bom-missing-heading.yaml': { code: 'NB3001' },
  'crlf-syntax-error.yaml': { code: 'NB2001' },
  'gb18030-missing-heading.yaml': { code: 'NB1005', codes: ['NB1005', 'NB3001'] },
  'utf16le-missing-heading.yaml': { code: 'NB1005', codes: ['NB1005', 'NB3001'] },
  'utf16be.yaml': { code: 'NB1005' },
};

before(() => {
  generated = tempDir('nianbao-corpus-');
  const w = (name: string, data: string | Buffer) => writeFileSync(join(generated.dir, name), data);
  w('empty.yaml', '');
  w('whitespace-only.yaml', '  \n\t\n   \n');
  w('comments-only.yaml', '# 只有注释\n# comments only\n');
  w('binary.yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  w('invalid-utf8-and-gb18030.yaml', Buffer.from([0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0xff, 0xff, 0xff, 0x0a]));
  // 50 MB: refused by size before it is read.
  const big = openSync(join(generated.dir, 'fifty-megabytes.yaml'), 'w');
  const chunk = Buffer.from('a'.repeat(1024 * 1024));
  for (let i = 0; i < 50; i++) writeSync(big, chunk);
  closeSync(big);
  w('bom-missing-heading.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(missingHeading)]));
  w('crlf-syntax-error.yaml', minimal.replace('year: 2015', 'year: [2015').replace(/\n/g, '\r\n'));
  w('gb18030-missing-heading.yaml', encodeGb18030(missingHeading));
  w('utf16le-missing-heading.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(missingHeading, 'utf16le')]));
  w('utf16be.yaml', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(minimal, 'utf16le').swap16()]));
});
after(() => generated.cleanup());

test('the corpus has as many cases as the README says, each with an expectation', () => {
  const said = Number(/a corpus of (\d+) bad inputs/.exec(readFileSync(join(ROOT, 'README.md'), 'utf8'))?.[1]);
  assert.equal(Object.keys(expected).length + Object.keys(generatedCases).length, said);
  assert.deepEqual(readdirSync(CORPUS).filter((f) => f.endsWith('.yaml')).sort(), Object.keys(expected).sort(), 'every file has an expectation');
});

for (const [name, want] of Object.entries(expected)) {
  test(`corpus: ${name} → ${want.code}`, async () => {
    const started = performance.now();
    const run = await check([join(CORPUS, name)], { strict: true });
    assert.ok(performance.now() - started < 5000, 'within 5 s');
    assert.equal(run.exitCode, 1);
    const diagnostics = run.files[0]!.diagnostics;
    const first = diagnostics.find((d) => d.code === want.code);
    assert.ok(first, `${want.code} among ${diagnostics.map((d) => d.code).join(', ')}`);
    if (want.line !== undefined) assert.equal(first.position?.line, want.line, 'at its line');
    for (const d of diagnostics) assert.ok(d.position, `${d.code} has a file position`);
  });
}

for (const [name, want] of Object.entries(generatedCases)) {
  test(`generated: ${name} → ${want.code}`, async () => {
    const started = performance.now();
    const run = await check([join(generated.dir, name)], { strict: true });
    assert.ok(performance.now() - started < 5000, 'within 5 s');
    assert.equal(run.exitCode, 1);
    const codes = run.files[0]!.diagnostics.map((d) => d.code);
    for (const code of want.codes ?? [want.code]) assert.ok(codes.includes(code), `${code} among ${codes.join(', ')}`);
  });
}

test('positions survive a BOM, CRLF line ends and UTF-16', async () => {
  const bom = (await check([join(generated.dir, 'bom-missing-heading.yaml')])).files[0]!.diagnostics[0]!;
  // The missing part is said at the top-level section after which it belongs.
  const lines = missingHeading.split('\n');
  const tops = lines.map((l, i) => (l.startsWith('  - heading: ') ? i + 1 : 0)).filter(Boolean);
  const plain = tops[tops.indexOf(lines.findIndex((l) => l.includes('下步整改措施')) + 1) - 1]!;
  assert.equal(bom.position?.line, plain);
  const crlf = (await check([join(generated.dir, 'crlf-syntax-error.yaml')])).files[0]!.diagnostics[0]!;
  assert.equal(crlf.position?.line, 6);
  const utf16 = (await check([join(generated.dir, 'utf16le-missing-heading.yaml')])).files[0]!.diagnostics.find((d) => d.code === 'NB3001')!;
  assert.equal(utf16.position?.line, plain);
});

test('the whole corpus in one CLI run: exit 1, every file named, no stack trace, bounded memory', () => {
  const dir = tempDir();
  try {
    const copy = join(dir.dir, 'corpus');
    mkdirSync(copy);
    for (const f of readdirSync(CORPUS)) if (f.endsWith('.yaml')) writeFileSync(join(copy, f), readFileSync(join(CORPUS, f)));
    for (const f of Object.keys(generatedCases)) writeFileSync(join(copy, f), readFileSync(join(generated.dir, f)));
    const r = runCli(['check', '--strict', copy]);
    assert.equal(r.code, 1);
    assert.doesNotMatch(r.stdout + r.stderr, /\n\s+at [\w.<>]+ \(|node:internal|TypeError|RangeError/);
    const total = Object.keys(expected).length + Object.keys(generatedCases).length;
    assert.match(r.stdout, new RegExp(`${total} files: 0 passed, ${total} with errors`));
    // Peak memory of a check over the worst cases (alias bomb, deep nesting, 50 MB file).
    const script = `import { check } from ${JSON.stringify(join(ROOT, 'dist', 'index.js'))};
      await check(${JSON.stringify(['alias-bomb.yaml', 'deep-nesting.yaml', 'fifty-megabytes.yaml'].map((f) => join(copy, f)))});
      console.log(process.resourceUsage().maxRSS);`;
    const rss = Number(spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).stdout.trim());
    assert.ok(rss > 0 && rss < 300 * 1024, `peak RSS ${Math.round(rss / 1024)} MB`);
  } finally {
    dir.cleanup();
  }
});
