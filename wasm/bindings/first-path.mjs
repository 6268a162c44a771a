// What the page asks of the core before its first diagnostics (web/app/main.js, start()): the
// split keeps these functions in gpb-core.wasm, and its test runs the same calls. The page checks
// the body its editor holds in the core (gpb.openBody) and sends it each keystroke, which may come
// before the rest of the core, most of them inside a string value; gpb.validate of a seed body is
// promised before it too (README).
// Returns the first validation.
export function firstPath(gpb) {
  const [first] = gpb.operations();
  gpb.describe(first.id);
  gpb.request(first.id, '', {});
  const example = gpb.example(first.id);
  const body = gpb.openBody();
  body.setText(example);
  const result = body.validate(first.id);
  body.replace(0, 0, ' ');
  body.replace(0, 1, '');
  // Typing inside a string value (a date's first digit changed, the body kept valid): the first
  // keystroke checks the whole text, the next ones that value alone.
  const digit = /": "(\d)/.exec(example);
  if (digit) {
    const at = digit.index + 4;
    for (const typed of ['1', '2', digit[1]]) {
      body.replace(at, at + 1, typed);
      body.validate(first.id);
    }
  }
  gpb.validate(first.id, example);
  body.close();
  return result;
}
