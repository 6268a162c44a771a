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

// Strings only cross the boundary; anything else is turned into its text first.
const asText = (value) => (typeof value === 'string' ? value : String(value ?? ''));

export function wrapCore(core) {
  return {
    operations: () => unwrap(core.operations()),
    describe: (id) => unwrap(core.describe(asText(id))),
    validate: (id, text, { response = false } = {}) => unwrap(core.validate(asText(id), asText(text), !!response)),
    example: (id, { full = false } = {}) => unwrap(core.example(asText(id), !!full)).body,
    request: (id, text, params = {}) => unwrap(core.request(asText(id), asText(text), JSON.stringify(params ?? {}))),
    response: (id, text) => unwrap(core.response(asText(id), asText(text))),
    parseRequest: (text) => unwrap(core.parseRequest(asText(text))),
    lintPage: (text, { path = 'page' } = {}) => unwrap(core.lintPage(asText(text), asText(path))),
  };
}
