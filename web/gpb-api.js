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

// A lone surrogate (half of a UTF-16 pair) has no UTF-8 form, and Emscripten's string encoder
// pairs it with whatever code unit follows (a closing quote would vanish). Text handed to the
// builders and readers has each one replaced by U+FFFD, one code unit for one, so lines and
// columns still match; text to validate keeps it, and the core points at it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const isWellFormed = (text) => (typeof text.isWellFormed === 'function' ? text.isWellFormed() : text.search(LONE_SURROGATE) < 0);
const wellFormed = (text) => (isWellFormed(text) ? text : text.replace(LONE_SURROGATE, '\uFFFD'));

// Strings only cross the boundary; anything else is turned into its text first.
const toText = (value) => (typeof value === 'string' ? value : String(value ?? ''));
const asText = (value) => wellFormed(toText(value));
const asJson = (value) => JSON.stringify(value, (key, item) => (typeof item === 'string' ? wellFormed(item) : item));
// A file's contents: its bytes as fetched (UTF-8, written into the module as they are, with no
// decoding to text and encoding back), or its text.
// (Tested by kind, not instanceof, so that bytes made in another frame count too.)
const asContents = (value) => (ArrayBuffer.isView(value) ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
  : Object.prototype.toString.call(value) === '[object ArrayBuffer]' ? new Uint8Array(value) : asText(value));

const encoder = new TextEncoder();
const decoder = new TextDecoder();
// A file's contents as text, for the string path (files past what the input buffer takes).
const textOf = (contents) => (typeof contents === 'string' ? contents : decoder.decode(contents));
// A record's text starts with the operation id: a U+FEFF there is text, not a byte order mark.
const recordDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
// Longer texts are over the core's size limit anyway; the string path reports their size.
const DIRECT_INPUT_LIMIT = 8 * 1024 * 1024;

// Writes text as UTF-8 at address; a lone surrogate (which TextEncoder would silently turn into
// U+FFFD) is written as its three-byte form, so the core points at it as text that is not UTF-8.
function writeUtf8(core, text, address, capacity) {
  if (isWellFormed(text)) return encoder.encodeInto(text, heapFrom(core, address, capacity));
  // Rare: written piece by piece, only into room for the worst case (three bytes per code unit).
  if (capacity < text.length * 3) return { read: 0, written: 0 };
  let written = 0;
  let from = 0;
  const put = (part) => { written += encoder.encodeInto(part, core.HEAPU8.subarray(address + written, address + capacity)).written; };
  for (const match of text.matchAll(LONE_SURROGATE)) {
    put(text.slice(from, match.index));
    const unit = match[0].charCodeAt(0);
    core.HEAPU8.set([0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)], address + written);
    written += 3;
    from = match.index + 1;
  }
  put(text.slice(from));
  return { read: text.length, written };
}

// The module's memory from address to address + capacity: the last such view is kept while the
// memory has not grown (making one is about a tenth of a small body's whole copy).
const heapViews = new WeakMap();
function heapFrom(core, address, capacity) {
  const last = heapViews.get(core);
  if (last && last.buffer === core.HEAPU8.buffer && last.address === address && last.view.length === capacity) return last.view;
  const view = core.HEAPU8.subarray(address, address + capacity);
  heapViews.set(core, { buffer: core.HEAPU8.buffer, address, view });
  return view;
}

// The module's input buffer: its address is asked for only when more room is needed (it grows and
// never moves otherwise).
const inputRooms = new WeakMap();
function inputRoom(core, bytes) {
  let room = inputRooms.get(core);
  if (!room || room.bytes < bytes) inputRooms.set(core, (room = { address: core._gpb_input(bytes), bytes }));
  return room.address;
}

// A short ASCII text (a keystroke's) written into the input buffer a code unit at a time, which
// costs less than setting up an encoder's call: its length in bytes, or -1 when it is not that.
const SHORT_TEXT = 32;
function writeShortAscii(core, text) {
  if (text.length > SHORT_TEXT) return -1;
  const address = inputRoom(core, SHORT_TEXT);
  const heap = core.HEAPU8;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x80) return -1;
    heap[address + i] = unit;
  }
  return text.length;
}

// The arguments go one after another into the module's input buffer; call gets their lengths in
// bytes, and what it returns is returned. A part is a string, or bytes already encoded.
function withInput(core, parts, call) {
  let capacity = 16;
  for (let index = 0; index < parts.length; index += 1) capacity += parts[index].length;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const address = inputRoom(core, capacity);
    let used = 0;
    let complete = true;
    const partLengths = new Array(parts.length);
    for (let index = 0; index < parts.length && complete; index += 1) {
      const part = parts[index];
      if (typeof part === 'string') {
        const { read, written } = writeUtf8(core, part, address + used, capacity - used);
        complete = read === part.length;
        partLengths[index] = written;
      } else {
        core.HEAPU8.set(part, address + used);
        partLengths[index] = part.length;
      }
      used += partLengths[index];
    }
    if (complete) return call(...partLengths);
    capacity = parts.reduce((sum, part) => sum + part.length * 3, 16);  // room for any UTF-8
  }
  throw new GpbError('internal', 'The input buffer could not hold the text.');
}

// The same for a call that answers JSON text: the answer is read from memory.
function callWithInput(core, parts, call) {
  const result = withInput(core, parts, call);
  return decoder.decode(core.HEAPU8.subarray(result, result + core._gpb_result_length()));
}

// A check's answer: a record (wasm/core/validator.hpp, validation_record), read without parsing
// JSON into the same object the JSON answer gives; an error comes as JSON.
const RECORD_MARK = 0xffffffff;
const NO_SUGGESTION = 0xffffffff;
const RECORD_SAME_TEXT = 4;
const SEVERITIES = ['error', 'warning', 'info'];

// `held` keeps the text of the last record read from the same source (a held body, or the core's
// whole-text checks): a record flagged RECORD_SAME_TEXT has that text again.
function readValidation(core, address, held = null) {
  const length = core._gpb_result_length();
  const view = new DataView(core.HEAPU8.buffer, address, length);
  if (length < 20 || view.getUint32(0, true) !== RECORD_MARK) return unwrap(decoder.decode(core.HEAPU8.subarray(address, address + length)));
  const word = (index) => view.getUint32(index * 4, true);
  const flags = word(1);
  const count = word(2);
  const textAt = 4 * (5 + 9 * count);
  const text = held && held.text !== null && flags & RECORD_SAME_TEXT ? held.text
    : recordDecoder.decode(core.HEAPU8.subarray(address + textAt, address + textAt + word(3)));
  if (held) held.text = text;
  let at = 0;
  const next = (units) => text.slice(at, (at += units));
  const operation = next(word(4));
  const diagnostics = [];
  for (let w = 5; diagnostics.length < count; w += 9) {
    const d = {
      severity: SEVERITIES[word(w)], code: next(word(w + 5)), pointer: next(word(w + 6)),
      line: word(w + 1), column: word(w + 2), endLine: word(w + 3), endColumn: word(w + 4), message: next(word(w + 7)),
    };
    if (word(w + 8) !== NO_SUGGESTION) d.suggestion = next(word(w + 8));
    diagnostics.push(d);
  }
  return { operation, direction: flags & 2 ? 'response' : 'request', valid: (flags & 1) === 1, diagnostics };
}

const direct = (core, text) => core._gpb_input && text.length <= DIRECT_INPUT_LIMIT;

// Operation ids are few and asked for on every keystroke: each is encoded once (a fresh
// TextEncoder.encode costs more than validating a small body).
const encodedIds = new Map();
function encodeId(id) {
  let bytes = encodedIds.get(id);
  if (!bytes) {
    bytes = encoder.encode(id);
    if (encodedIds.size < 256) encodedIds.set(id, bytes);
  }
  return bytes;
}

// The text of the last record each core's whole-text checks gave, as readValidation's `held`.
const wholeTextRecords = new WeakMap();
function wholeTextRecord(core) {
  let record = wholeTextRecords.get(core);
  if (!record) wholeTextRecords.set(core, (record = { text: null }));
  return record;
}

function validateText(core, id, text, response) {
  if (!direct(core, text)) return unwrap(core.validate(id, wellFormed(text), response));
  const address = withInput(core, [encodeId(id), text], (a, b) => core._gpb_validate_input(a, b, response ? 1 : 0));
  return readValidation(core, address, wholeTextRecord(core));
}

// Completion and hover: the cursor is a UTF-16 offset, as editors count.
const cursorOf = (offset) => Math.max(0, Math.floor(Number(offset) || 0));

function assistText(core, kind, id, text, offset, response) {
  const at = cursorOf(offset);
  if (!direct(core, text)) return core[kind](id, wellFormed(text), at, response);
  const entry = kind === 'complete' ? core._gpb_complete_input : core._gpb_hover_input;
  return callWithInput(core, [encodeId(id), text], (a, b) => entry(a, b, at, response ? 1 : 0));
}

function requestText(core, id, text, paramsJson) {
  if (!direct(core, text)) return core.request(id, text, paramsJson);
  return callWithInput(core, [encodeId(id), text, paramsJson], (a, b, c) => core._gpb_request_input(a, b, c));
}

function responseText(core, id, text) {
  if (!direct(core, text)) return core.response(id, text);
  return callWithInput(core, [encodeId(id), text], (a, b) => core._gpb_response_input(a, b));
}

// Packs and metadata are megabytes: written straight into the module's memory when it can take them.
function loadText(core, parts, direct, viaEmbind) {
  const fits = core._gpb_input && parts.every((part) => part.length <= 64 * 1024 * 1024);
  return fits ? callWithInput(core, parts, direct) : viaEmbind();
}

// A body held in the module's memory between calls (README, "A held body"): an editor sends its
// edits, and each check reads the text already there instead of copying all of it in again. A text
// past the direct limit stays here and goes by the string path.
function openBody(core) {
  // 0 once closed: the module gives a closed body's slot to the next one opened, and this wrapper
  // must then reach nothing.
  let handle = core._gpb_body_open();
  let length = 0;
  let oversize = null;
  const lastRecord = { text: null };  // the text of this body's last record, decoded
  const assign = (text) => {
    length = text.length;
    oversize = direct(core, text) ? null : text;
    withInput(core, [oversize === null ? text : ''], (bytes) => core._gpb_body_assign(handle, bytes));
  };
  const assist = (kind, entry, id, offset, response) => unwrap(oversize === null
    ? callWithInput(core, [encodeId(id)], (idBytes) => entry(handle, idBytes, cursorOf(offset), response ? 1 : 0))
    : assistText(core, kind, id, oversize, offset, response));
  return {
    get length() { return length; },
    setText: (text) => assign(toText(text)),
    // Replaces [from, to) (UTF-16 units, as editors count) with text. False when the edit cannot be
    // applied where the body is (out of range, or inside a surrogate pair): then give setText the
    // whole text.
    replace(from, to, text) {
      const insert = toText(text);
      if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from <= to && to <= length)) return false;
      if (oversize !== null) {
        assign(oversize.slice(0, from) + insert + oversize.slice(to));
        return true;
      }
      if (length - (to - from) + insert.length > DIRECT_INPUT_LIMIT) return false;
      const ascii = writeShortAscii(core, insert);
      const applied = ascii >= 0 ? core._gpb_body_replace(handle, from, to, ascii)
        : withInput(core, [insert], (bytes) => core._gpb_body_replace(handle, from, to, bytes));
      if (!applied) return false;
      length += insert.length - (to - from);
      return true;
    },
    validate(id, { response = false, version } = {}) {
      if (oversize !== null) return validateText(core, target(id, version), oversize, !!response);
      const idBytes = encodeId(target(id, version));
      core.HEAPU8.set(idBytes, inputRoom(core, idBytes.length));
      return readValidation(core, core._gpb_body_validate(handle, idBytes.length, response ? 1 : 0), lastRecord);
    },
    complete: (id, offset, { response = false, version } = {}) =>
      assist('complete', core._gpb_body_complete, target(id, version), offset, !!response),
    hover: (id, offset, { response = false, version } = {}) => assist('hover', core._gpb_body_hover, target(id, version), offset, !!response),
    close() {
      core._gpb_body_close(handle);
      handle = 0;
    },
  };
}

// An operation in a model other than Graph beta is named after the model: "v1.0 PATCH /users/{userId}".
const target = (id, version) => {
  const text = asText(id);
  return version && version !== 'beta' && !text.startsWith(`${version} `) ? `${asText(version)} ${text}` : text;
};

export function wrapCore(core) {
  return {
    operations: ({ version = 'beta', search = '' } = {}) =>
      (version === 'beta' && !search ? unwrap(core.operations()) : unwrap(core.operationsOf(asText(version), asText(search)))),
    describe: (id, { version } = {}) => unwrap(core.describe(target(id, version))),
    validate: (id, text, { response = false, version } = {}) => validateText(core, target(id, version), toText(text), !!response),
    // What may be written at a cursor in a body that may not parse: { from, to, items }.
    complete: (id, text, offset, { response = false, version } = {}) =>
      unwrap(assistText(core, 'complete', target(id, version), toText(text), offset, !!response)),
    // What is at a cursor: { from, to, title, ..., diagnostics }, or { from: null }.
    hover: (id, text, offset, { response = false, version } = {}) =>
      unwrap(assistText(core, 'hover', target(id, version), toText(text), offset, !!response)),
    example: (id, { full = false, version } = {}) => unwrap(core.example(target(id, version), !!full)).body,
    request: (id, text, params = {}, { version } = {}) =>
      unwrap(requestText(core, target(id, version), asText(text), asJson(params ?? {}))),
    response: (id, text, { version } = {}) => unwrap(responseText(core, target(id, version), asText(text))),
    // METHOD + URL to an operation of a model (Graph beta unless version names another).
    resolve: (method, url, { version = 'beta' } = {}) => unwrap(core.resolve(asText(method), asText(url), asText(version))),
    // A service's own $metadata (CSDL JSON; CSDL XML in builds with an XML reader): returns the name
    // to pass as `version` to the other calls. The service root (https://host/path) heads its URLs.
    loadMetadata: (text, { name = '', serviceRoot = '' } = {}) => unwrap(loadText(core, [asText(text), asText(name), asText(serviceRoot)],
      (a, b, c) => core._gpb_load_metadata_input(a, b, c),
      () => core.loadMetadata(asText(text), asText(name), asText(serviceRoot)))).model,
    // A body kept in the module between checks, changed by edits: { setText, replace, validate,
    // complete, hover, close, length }.
    openBody: () => openBody(core),
    // A Graph version's whole model (a pack from the site's models/), and the permissions reference.
    // Either takes the file's text or its bytes (a Uint8Array or ArrayBuffer of UTF-8, as fetched:
    // about twice as fast to hand over as the text).
    loadPack: (version, file) => {
      const contents = asContents(file);
      return unwrap(loadText(core, [asText(version), contents],
        (a, b) => core._gpb_load_pack_input(a, b), () => core.loadPack(asText(version), textOf(contents))));
    },
    loadPermissions: (file) => {
      const contents = asContents(file);
      return unwrap(loadText(core, [contents], (a) => core._gpb_load_permissions_input(a), () => core.loadPermissions(textOf(contents))));
    },
    parseRequest: (text) => unwrap(core.parseRequest(asText(text))),
    lintPage: (text, { path = 'page' } = {}) => unwrap(core.lintPage(asText(text), asText(path))),
    // A diagnostic, read only: the size of the module's memory (it grows, and never shrinks).
    heapBytes: () => core.HEAP8.buffer.byteLength,
  };
}
