import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findReferences, inlineText, parseInline, splitParagraphs } from '../src/model/narrative.js';
import { inlineHtml } from '../src/render/render.js';

const figures: Record<string, string> = { items: '2100', fee: '1.5' };
const lookup = (ref: { target?: string }) => figures[(ref.target ?? '').replace(/^figures\./, '')];

test('blank lines separate paragraphs; Chinese lines join without a space', () => {
  assert.deepEqual(splitParagraphs('第一段第一行\n第一段第二行\n\n第二段\n'), ['第一段第一行第一段第二行', '第二段']);
  assert.deepEqual(splitParagraphs('Open\nGovernment'), ['Open Government']);
  assert.deepEqual(splitParagraphs('a\r\n\r\nb'), ['a', 'b']);
  assert.deepEqual(splitParagraphs('\n\n  \n'), []);
});

test('figure references are substituted; other braces stay as typed', () => {
  const runs = parseInline('公开信息{{figures.items}}多条，{{ figures.fee }}万元，{{helper x}}', lookup);
  assert.equal(inlineText(runs), '公开信息2100多条，1.5万元，{{helper x}}');
  assert.deepEqual(runs.filter((r) => r.kind === 'figure').map((r) => r.kind === 'figure' && r.name), ['figures.items', 'figures.fee']);
  const refs = findReferences('{{figures.a}} {{figures.1bad}} {{x}}');
  assert.deepEqual(refs.map((r) => r.target), ['figures.a', undefined, undefined]);
});

test('**bold** is the only markup; an unpaired ** stays as typed', () => {
  assert.deepEqual(parseInline('一是**加强**领导', lookup), [
    { kind: 'text', text: '一是' },
    { kind: 'strong', text: '加强' },
    { kind: 'text', text: '领导' },
  ]);
  assert.equal(inlineText(parseInline('a ** b', lookup)), 'a ** b');
  assert.equal(inlineText(parseInline('**a** b **c', lookup)), 'a b **c');
});

test('user text can never become markup', () => {
  const html = inlineHtml(parseInline('<script>alert(1)</script><img src="http://x/y.png"> **<b>**', lookup));
  // The address is kept whole on its line: the one element nianbao adds around user text.
  assert.equal(html, '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src&#x3D;&quot;<span class="nobr">http://x/y.png</span>&quot;&gt; <strong>&lt;b&gt;</strong>');
  assert.doesNotMatch(html, /<(script|img|b)\b/);
});

test('a date is kept whole on its line, like a phone number', () => {
  assert.equal(inlineHtml(parseInline('期限2025-01-31前', lookup)), '期限<span class="nobr">2025-01-31</span>前');
});
