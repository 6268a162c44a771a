// web/app/json-pointer.js: the pointers the form builds are the ones the core writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeToken, unescapeToken, pointerAppend, pointerTokens } from '../../web/app/json-pointer.js';

test('a token escapes "~" as "~0" and "/" as "~1", and back', () => {
  assert.equal(escapeToken('a/b~c'), 'a~1b~0c');
  assert.equal(escapeToken('~1'), '~01');
  assert.equal(escapeToken(3), '3');
  for (const token of ['a/b~c', '~1', '~01', '/', '', 'plain']) assert.equal(unescapeToken(escapeToken(token)), token);
});

test('pointers are appended to and read back token by token', () => {
  assert.equal(pointerAppend('', 'shelf'), '/shelf');
  assert.equal(pointerAppend(pointerAppend('/items', 0), 'm/s'), '/items/0/m~1s');
  assert.deepEqual(pointerTokens(''), []);
  assert.deepEqual(pointerTokens('/items/0/m~1s/~0x'), ['items', '0', 'm/s', '~x']);
  assert.deepEqual(pointerTokens('/'), ['']);
});
