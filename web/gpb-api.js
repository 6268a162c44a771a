// Wraps the wasm core (JSON text in and out) as plain JS values; the core's errors become GpbError.

export class GpbError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'GpbError';
    this.code = code;
  }
}

function unwrap(text) {
  const value = JSON.parse(text);
  if (value && typeof value === 'object' && !Array.isArray(value) && value.error) {
    throw new GpbError(value.error.code, value.error.message);
  }
  return value;
}

// A lone surrogate (half of a UTF-16 pair) has no UTF-8 form. Emscripten's encoder pairs it with
// whatever code unit follows, so '"a\uD800"' reached the core as '"a\u{10022}' (its closing quote
// swallowed). Each becomes U+FFFD here, as TextEncoder and fetch() do: one code unit for one, so
// lines and columns still match the text the user sees.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const wellFormed = (text) => (typeof text.toWellFormed === 'function' ? text.toWellFormed() : text.replace(LONE_SURROGATE, '\uFFFD'));

// Strings only cross the boundary; anything else is turned into its text first.
const asText = (value) => wellFormed(typeof value === 'string' ? value : String(value ?? ''));
const asJson = (value) => JSON.stringify(value, (key, item) => (typeof item === 'string' ? wellFormed(item) : item));

export function wrapCore(core) {
  return {
    operations: () => unwrap(core.operations()),
    describe: (id) => unwrap(core.describe(asText(id))),
    validate: (id, text, { response = false } = {}) => unwrap(core.validate(asText(id), asText(text), !!response)),
    example: (id, { full = false } = {}) => unwrap(core.example(asText(id), !!full)).body,
    request: (id, text, params = {}) => unwrap(core.request(asText(id), asText(text), asJson(params ?? {}))),
    response: (id, text) => unwrap(core.response(asText(id), asText(text))),
    parseRequest: (text) => unwrap(core.parseRequest(asText(text))),
    lintPage: (text, { path = 'page' } = {}) => unwrap(core.lintPage(asText(text), asText(path))),
    // A diagnostic, read only: the size of the module's memory (it grows, and never shrinks).
    heapBytes: () => core.HEAP8.buffer.byteLength,
  };
}
