// What the page asks of the core before its first diagnostics (web/app/main.js, start()): the
// split keeps these functions in gpb-core.wasm, and its test runs the same calls. The page checks
// the body its editor holds in the core (gpb.openBody). Returns the first validation.
export function firstPath(gpb) {
  const [first] = gpb.operations();
  gpb.describe(first.id);
  gpb.request(first.id, '', {});
  const body = gpb.openBody();
  body.setText(gpb.example(first.id));
  const result = body.validate(first.id);
  body.close();
  return result;
}
