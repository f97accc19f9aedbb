import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chineseNumeral, headingNumber, parseChineseNumeral, readTypedNumber } from '../src/model/numbering.js';

test('Chinese numerals read as a clerk writes them', () => {
  const cases: [number, string][] = [[1, '一'], [9, '九'], [10, '十'], [11, '十一'], [20, '二十'], [21, '二十一'], [99, '九十九'], [100, '一百'], [105, '一百零五'], [110, '一百一十']];
  for (const [n, text] of cases) {
    assert.equal(chineseNumeral(n), text);
    assert.equal(parseChineseNumeral(text), n);
  }
  assert.equal(parseChineseNumeral('甲'), undefined);
});

test('headings are numbered by depth: 一、 （一） 1. （1）', () => {
  assert.equal(headingNumber(1, 3), '三、');
  assert.equal(headingNumber(2, 12), '（十二）');
  assert.equal(headingNumber(3, 2), '2.');
  assert.equal(headingNumber(4, 5), '（5）');
});

test('hand-typed numbers are recognised in full- and half-width forms', () => {
  assert.deepEqual(readTypedNumber('一、总体情况'), { text: '一、', level: 1, index: 1 });
  assert.deepEqual(readTypedNumber('(四)\u00a0充分发挥'), { text: '(四)\u00a0', level: 2, index: 4 });
  assert.deepEqual(readTypedNumber('（二）主动公开'), { text: '（二）', level: 2, index: 2 });
  assert.deepEqual(readTypedNumber('3.落实保障'), { text: '3.', level: 3, index: 3 });
  assert.deepEqual(readTypedNumber('（1）其他'), { text: '（1）', level: 4, index: 1 });
  assert.equal(readTypedNumber('2015年工作情况'), undefined);
  assert.equal(readTypedNumber('3.5万元的经费'), undefined);
  assert.equal(readTypedNumber('存在的主要问题'), undefined);
});
