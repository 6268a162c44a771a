// The form's lossless read (web/app/form-values.js): the same values as JSON.parse with the
// reviver that keeps each number JavaScript would write differently as raw JSON, whether or not the
// text holds such a number, with strings that hold digits, quotes and escapes around them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLossless, isRawNumber } from '../../web/app/form-values.js';

const withReviver = (text) => JSON.parse(text, (key, value, context) =>
  (typeof value === 'number' && String(value) !== context.source ? JSON.rawJSON(context.source) : value));

// Values compared with their raw numbers marked, so that a raw 1.0 and a plain 1 differ.
const marked = (value) => JSON.stringify(value, (key, item) => (isRawNumber(item) ? `raw:${item.rawJSON}` : item));

function sameAsReviver(text) {
  assert.equal(marked(parseLossless(text)), marked(withReviver(text)), text);
}

test('raw JSON is there to keep numbers with (node runs with its flag)', () => {
  assert.equal(typeof JSON.rawJSON, 'function');
});

test('each number JavaScript would change is kept as written, and only those', () => {
  for (const text of [
    '{"a": 1, "b": -2, "c": 0.5, "d": [1, 2, 3]}',
    '{"a": 1.0}', '{"a": 1.50}', '{"a": 1e5}', '{"a": 1E5}', '{"a": -0}', '{"a": 0.0000001}', '{"a": 12345678901234567890}',
    '{"a": 9007199254740993}', '{"a": 1e21}', '{"a": 1000000000000000000000}', '[0.1, 0.30000000000000004, 5e-324]',
    '{"when": "2017-01-01T00:02:18.1994089-08:00", "n": 2}',
    '{"s": "1.0", "t": "quote \\" 1.0 \\\\", "u": "\\u0031.0", "1.0": 3}',
    '{"s": "a\\\\", "n": 1.0}', '{"s": "\\"", "n": 7}', '{"s": "\\"", "n": 1.0, "t": "x"}', '{"s": "\\\\\\"", "n": 1.0, "t": "x"}', '"just 1.0 in a string"', '1.0', '-0', '42',
  ])
    sameAsReviver(text);
});

test('random bodies read as the reviver reads them', () => {
  let seed = 20261201;
  const random = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const numbers = ['0', '1', '-1', '1.0', '2.50', '1e3', '3E-2', '-0', '0.1', '123456789012345678', '7', '0.0000001', '1.5'];
  const pieces = ['a', '1.0', '\\"', '\\\\', '\\u00e9', '9', ' ', '.', 'e5', '-'];
  const string = () => `"${Array.from({ length: random(5) }, () => pieces[random(pieces.length)]).join('')}"`;
  const value = (depth) => {
    const kind = random(depth > 3 ? 3 : 5);
    if (kind === 0) return numbers[random(numbers.length)];
    if (kind === 1) return string();
    if (kind === 2) return ['true', 'false', 'null'][random(3)];
    if (kind === 3) return `[${Array.from({ length: random(4) }, () => value(depth + 1)).join(', ')}]`;
    return `{${Array.from({ length: random(4) }, () => `${string()}: ${value(depth + 1)}`).join(', ')}}`;
  };
  let changed = 0;
  for (let i = 0; i < 2000; i += 1) {
    const text = value(0);
    sameAsReviver(text);
    if (marked(withReviver(text)).includes('raw:')) changed += 1;
  }
  assert.ok(changed > 200 && changed < 1800, `bodies with a number kept raw: ${changed} of 2000`);
});

test('text that is not JSON is refused as JSON.parse refuses it', () => {
  for (const text of ['{"a": 1.0,', '{"a": 1.0} x', '{"s": "1.0}', '', '{"a": 01}'])
    assert.throws(() => parseLossless(text), SyntaxError, text);
});

test('bodies too long for one regex walk are still read as the reviver reads them', () => {
  // A string of two million escapes (past the regex engine's stack), and thousands of strings
  // between two numbers.
  sameAsReviver(JSON.stringify({ s: 'a\\"'.repeat(2000000), n: 1 }).replace('"n":1', '"n":1.0'));
  sameAsReviver(JSON.stringify({ s: 'a\\"'.repeat(2000000), n: 1 }));
  const many = JSON.stringify({ first: 1, names: Array.from({ length: 5000 }, (_, i) => `n${i}`), last: 2 });
  sameAsReviver(many);
  sameAsReviver(many.replace('"last":2', '"last":2.0'));
});
