// A held body (gpb.openBody): after any sequence of edits, its checks give exactly what the same
// text given whole gives; an edit it cannot apply in place is refused, and nothing is lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSiteGpb } from '../site-core.mjs';

const site = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'build', 'site');
const { GpbError } = await import(join(site, 'gpb.js'));
const gpb = await loadSiteGpb();
const OP = 'securityConfigurationTask.create';

// A small random generator with a seed (mulberry32), so that a failure can be replayed.
function generator(seed) {
  let state = seed;
  return (n) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const PIECES = ['"priority": "hgh"', '{', '}', ',', '"', ':', ' ', '\n', '\r\n', 'é', '😀', '\uD83D', '\uDE00', '"dueDateTime": "2026-01-01 10:00"',
  '"intendedSettings": [{"@odata.type": "microsoft.graph.keyValuePair", "name": "x"}]', '"statuss": 1', '[', ']', '12', 'null'];

test('after random edits, validate, complete and hover of a held body equal those of its whole text', () => {
  const random = generator(5);
  const body = gpb.openBody();
  let text = '{"displayName": "Plan", "priority": "high"}';
  body.setText(text);
  let refused = 0;
  for (let edit = 0; edit < 1500; edit += 1) {
    const from = random(text.length + 1);
    const to = from + random(Math.min(12, text.length - from) + 1);
    const insert = Array.from({ length: random(3) }, () => PIECES[random(PIECES.length)]).join('');
    const next = text.slice(0, from) + insert + text.slice(to);
    if (!body.replace(from, to, insert)) {
      refused += 1;
      body.setText(next);
    }
    text = next;
    assert.equal(body.length, text.length);
    if (edit % 5) continue;
    const where = `edit ${edit}, text ${JSON.stringify(text)}`;
    const at = random(text.length + 1);
    // Hover takes its findings from the body's check: asked before the check as well as after.
    const hoverFirst = random(2) === 0;
    if (hoverFirst) assert.deepEqual(body.hover(OP, at), gpb.hover(OP, text, at), where);
    assert.deepEqual(body.validate(OP), gpb.validate(OP, text), where);
    assert.deepEqual(body.complete(OP, at), gpb.complete(OP, text, at), where);
    if (!hoverFirst) assert.deepEqual(body.hover(OP, at), gpb.hover(OP, text, at), where);
  }
  assert.ok(refused > 0 && refused < 300, `${refused} refused`);
  body.close();
});

test('typing inside values, each keystroke checked: a held body answers as its whole text does', () => {
  // Findings before, inside and after the values typed in, on one line and on others.
  const random = generator(11);
  let text = '{"displayName": "Plan", "priority": "hgh", "status": "pending", "dueDateTime": "2026-01-01T10:00:00Z",\n'
    + '  "intendedSettings": [{"@odata.type": "microsoft.graph.keyValuePair", "name": "x"}], "category": "x"}';
  const body = gpb.openBody();
  body.setText(text);
  let cursor = text.indexOf('hgh');
  for (let key = 0; key < 800; key += 1) {
    if (random(12) === 0) {
      // The cursor moves into another string value.
      const values = [...text.matchAll(/: "([^"]*)"/g)];
      const value = values[random(values.length)];
      cursor = value.index + 3 + random(value[1].length + 1);
      if (/[\uDC00-\uDFFF]/.test(text[cursor] ?? '')) cursor += 1;  // not between the halves of a pair
    }
    const deleting = random(4) === 0 && text[cursor - 1] !== '"';
    const letter = random(10) === 0 ? ['é', '😀'][random(2)] : 'abchiLmnoptsu0123456789-:TZ .'[random(29)];
    // A whole character goes: both halves of a surrogate pair.
    const back = /[\uDC00-\uDFFF]/.test(text[cursor - 1] ?? '') ? 2 : 1;
    const [from, insert] = deleting ? [cursor - back, ''] : [cursor, letter];
    assert.equal(body.replace(from, cursor, insert), true);
    text = text.slice(0, from) + insert + text.slice(cursor);
    cursor = from + insert.length;
    // Now and then hover on the value being typed, before the check: its findings are the check's.
    if (key % 7 === 0) assert.deepEqual(body.hover(OP, cursor - 1), gpb.hover(OP, text, cursor - 1), `hover, key ${key}`);
    const answer = body.validate(OP);
    assert.deepEqual(answer, gpb.validate(OP, text), `key ${key}, text ${JSON.stringify(text)}`);
    // Each answer is the caller's own: changing it changes nothing the next one says.
    for (const d of answer.diagnostics) d.message = '';
  }
  body.close();
});

test('a held body points at the same line and column as the editor counts, after an edit', () => {
  const body = gpb.openBody();
  const text = '{\n  "displayName": "😀",\n  "priority": "high"\n}';
  body.setText(text);
  const at = text.indexOf('high');  // on line 3, after the emoji's two units
  assert.equal(body.replace(at, at + 4, 'hgh'), true);
  const found = body.validate(OP).diagnostics.filter((d) => d.code === 'enum-value');
  assert.deepEqual(found.map((d) => [d.line, d.column, d.endColumn, d.suggestion]), [[3, 15, 20, '"high"']]);
  body.close();
});

test('edits outside the body, reversed, or joining two halves of a surrogate pair are refused and change nothing', () => {
  const body = gpb.openBody();
  const text = '{"displayName": "\uD83Dx\uDE00"}';
  body.setText(text);
  assert.equal(body.replace(-1, 0, 'x'), false);
  assert.equal(body.replace(3, 2, 'x'), false);
  assert.equal(body.replace(0, text.length + 1, ''), false);
  assert.equal(body.replace(1.5, 2, ''), false);
  assert.equal(body.replace(18, 19, ''), false);  // "\uD83D" and "\uDE00" would meet as one character
  assert.equal(body.length, text.length);
  assert.deepEqual(body.validate(OP), gpb.validate(OP, text));
  body.close();
});

test('a held body past the direct limit is checked by the string path, and held again once it is shorter', () => {
  const body = gpb.openBody();
  const huge = `{"displayName": "${'x'.repeat(8.5 * 1024 * 1024)}"}`;
  body.setText(huge);
  assert.deepEqual(body.validate(OP).diagnostics.map((d) => d.code), ['limit']);
  assert.deepEqual(body.hover(OP, 3), gpb.hover(OP, huge, 3));
  assert.equal(body.replace(17, huge.length - 2, 'Plan'), true);
  assert.equal(body.length, 23);
  assert.deepEqual(body.validate(OP), gpb.validate(OP, '{"displayName": "Plan"}'));
  body.close();
});

test('a closed body throws GpbError; other bodies keep their text', () => {
  const first = gpb.openBody();
  const second = gpb.openBody();
  first.setText('{"priority": "hgh"}');
  second.setText('{"priority": "high"}');
  first.close();
  assert.throws(() => first.validate(OP), (error) => error instanceof GpbError && error.code === 'internal');
  assert.deepEqual(second.validate(OP), gpb.validate(OP, '{"priority": "high"}'));
  const third = gpb.openBody();  // takes the closed one's place in the module
  // The closed wrapper reaches nothing, not the body now in its old place.
  assert.throws(() => first.validate(OP), (error) => error instanceof GpbError && error.code === 'internal');
  first.setText('{"priority": 12}');
  assert.equal(first.replace(0, 0, ' '), false);
  first.close();
  third.setText('{}');
  assert.deepEqual(second.validate(OP), gpb.validate(OP, '{"priority": "high"}'));
  assert.deepEqual(third.validate(OP), gpb.validate(OP, '{}'));
  second.close();
  third.close();
});
