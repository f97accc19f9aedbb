import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeFrame } from '../src/report/codeframe.js';
import { decodeText } from '../src/source/decode.js';
import { detectLang, parseLang } from '../src/messages/lang.js';
import { positionAt, sourceFromText } from '../src/source/source.js';
import { parseYaml } from '../src/source/yaml.js';

test('offsets become 1-based line and column', () => {
  const source = sourceFromText('a.yaml', 'ab\ncd\n\nef');
  assert.deepEqual(positionAt(source, 0), { line: 1, column: 1, offset: 0 });
  assert.deepEqual(positionAt(source, 4), { line: 2, column: 2, offset: 4 });
  assert.deepEqual(positionAt(source, 7), { line: 4, column: 1, offset: 7 });
});

test('UTF-8 (with BOM), UTF-16 and GB18030 decode; binary does not', () => {
  const text = '标题：年度报告\n';
  assert.deepEqual(decodeText(new TextEncoder().encode(text)), { ok: true, text, encoding: 'utf-8' });
  assert.deepEqual(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])), { ok: true, text, encoding: 'utf-8' });
  assert.deepEqual(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])), { ok: true, text, encoding: 'utf-16le' });
  // 年度报告 in GB18030 (as Notepad on Chinese Windows saves it).
  const gb = Buffer.from([0xc4, 0xea, 0xb6, 0xc8, 0xb1, 0xa8, 0xb8, 0xe6]);
  assert.deepEqual(decodeText(gb), { ok: true, text: '年度报告', encoding: 'gb18030' });
  assert.deepEqual(decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])), { ok: false, reason: 'binary' });
});

test('YAML spans give the position of every key and value by JSON pointer', () => {
  const text = 'title: 报告\nsections:\n  - heading: 一\n    text: |\n      正文\n  - heading: 二\n';
  const { parsed, diagnostics } = parseYaml(sourceFromText('a.yaml', text));
  assert.deepEqual(diagnostics, []);
  const spans = parsed!.spans;
  assert.equal(text.slice(spans.get('/title')!.start, spans.get('/title')!.end), '报告');
  assert.equal(spans.get('/sections/1/heading')!.keyStart, text.indexOf('heading: 二'));
  assert.equal(text.slice(spans.get('/sections/0/text')!.start).startsWith('正文') || text.slice(spans.get('/sections/0/text')!.start).includes('正文'), true);
  assert.deepEqual(parsed!.value, { title: '报告', sections: [{ heading: '一', text: '正文\n' }, { heading: '二' }] });
});

test('YAML keeps dates and yes/no as text (core schema)', () => {
  const { parsed } = parseYaml(sourceFromText('a.yaml', 'published: 2016-01-28\nflag: yes\n'));
  assert.deepEqual(parsed!.value, { published: '2016-01-28', flag: 'yes' });
});

test('YAML errors carry a code and a position', () => {
  const cases: [string, string, number][] = [
    ['a: [1\nb: 2\n', 'NB2001', 2],
    ['a: 1\na: 2\n', 'NB2002', 2],
    ['a:\n\tb: 2\n', 'NB2003', 2],
    ['a: 1\n---\nb: 2\n', 'NB2004', 2],
  ];
  for (const [text, code, line] of cases) {
    const { parsed, diagnostics } = parseYaml(sourceFromText('a.yaml', text));
    assert.equal(parsed, undefined, text);
    assert.equal(diagnostics[0]?.code, code, text);
    assert.equal(diagnostics[0]?.position?.line, line, text);
  }
});

test('an alias bomb is refused, not expanded', () => {
  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghij'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghij'[i]}`).join(',')}]`)].join('\n');
  const { parsed, diagnostics } = parseYaml(sourceFromText('bomb.yaml', bomb));
  assert.equal(parsed, undefined);
  assert.equal(diagnostics[0]?.severity, 'error');
});

test('the code frame puts the caret under the column, counting full-width characters as two cells', () => {
  // 标 and 题 take two cells each, then ': ': the caret stands after six cells.
  assert.equal(codeFrame('标题: 二〇一五', 7, 5), '  7 | 标题: 二〇一五\n    | ' + ' '.repeat(6) + '^');
  const long = `${'字'.repeat(100)}{{figures.x}}${'字'.repeat(100)}`;
  const frame = codeFrame(long, 12, 101).split('\n');
  assert.match(frame[0]!, /^ {2}12 \| …字+\{\{figures\.x\}\}字+…$/);
  const caretCol = frame[1]!.indexOf('^');
  const lineBefore = frame[0]!.slice(0, frame[0]!.indexOf('{{'));
  // Each 字 is two cells wide; the caret sits under the first brace.
  assert.equal(caretCol, lineBefore.length + [...lineBefore].filter((c) => c === '字').length);
});

test('the language follows --lang, then the locale', () => {
  assert.equal(detectLang(undefined, { LANG: 'zh_CN.UTF-8' }), 'zh-CN');
  assert.equal(detectLang(undefined, { LANG: 'en_US.UTF-8' }), 'en');
  assert.equal(detectLang(undefined, { LC_ALL: 'zh_TW.UTF-8', LANG: 'en_US' }), 'zh-CN');
  assert.equal(detectLang('en', { LANG: 'zh_CN.UTF-8' }), 'en');
  assert.equal(parseLang('zh-CN'), 'zh-CN');
  assert.equal(parseLang('fr'), undefined);
});
