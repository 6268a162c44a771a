// What the page asks of the core before its first diagnostics (web/app/main.js, start()): the
// split keeps these functions in gpb-core.wasm, and its test runs the same calls. Returns the
// first validation.
export function firstPath(gpb) {
  const [first] = gpb.operations();
  gpb.describe(first.id);
  gpb.request(first.id, '', {});
  return gpb.validate(first.id, gpb.example(first.id));
}
