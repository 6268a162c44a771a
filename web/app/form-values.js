// The form's values: JSON read without losing digits, a default per Edm type, and the text forms
// of Edm.Date, TimeOfDay, Duration and Guid the controls check as the person types.
const rawJsonSupported = typeof JSON.rawJSON === 'function' && typeof JSON.isRawJSON === 'function';

// A number keeps the text it was typed as when JavaScript would change it (an Int64 past 2^53, a
// Decimal's digits, "1.0"): it is held as raw JSON, which JSON.stringify writes back unchanged.
export function parseLossless(text) {
  const plain = JSON.parse(text);  // first: text that is not JSON throws where it breaks, unread past there
  if (!rawJsonSupported || !changesANumber(text)) return plain;
  return JSON.parse(text, (key, value, context) =>
    (typeof value === 'number' && context?.source !== undefined && String(value) !== context.source ? JSON.rawJSON(context.source) : value));
}

// In JSON text, from where the last match ended: up to 256 strings and runs of other characters,
// then the number token that follows them, captured. Few matches keep the walk inside the regex
// engine (2 ms for the 2.3 MB body, where a match per string took 13 to 20), and the bound keeps
// each match's backtracking short.
const UP_TO_A_NUMBER = /(?:"[^"\\]*(?:\\.[^"\\]*)*"|[^"\d-]+|-(?!\d)){0,256}(-?\d[\d.eE+-]*)?/y;

// Whether JSON.parse changed the text of some number of a JSON text, the test the reviver above
// makes of each (a 2.3 MB body: a few ms, against 56 for the reviver's read); most bodies then need
// no reviver at all. Text the walk cannot finish counts as changed: a string of millions of escapes
// overflows the regex engine's stack, and the reviver then reads it.
function changesANumber(text) {
  try {
    UP_TO_A_NUMBER.lastIndex = 0;
    while (UP_TO_A_NUMBER.lastIndex < text.length) {
      const match = UP_TO_A_NUMBER.exec(text);
      if (!match || (match[1] === undefined && match[0].length === 0)) return true;
      const token = match[1];
      if (token !== undefined && String(Number(token)) !== token) return true;
    }
    return false;
  } catch {
    return true;
  }
}

export const isRawNumber = (value) => rawJsonSupported && value !== null && typeof value === 'object' && JSON.isRawJSON(value);

// A number's text as the JSON has it.
export const numberText = (value) => (isRawNumber(value) ? value.rawJSON : typeof value === 'number' ? String(value) : '');

// The JSON value for a number typed as text: a plain number when that loses nothing.
export function numberValue(text) {
  const number = Number(text);
  if (String(number) === text || !rawJsonSupported) return number;
  return JSON.rawJSON(text);
}

export const INTEGER_TYPES = { 'Edm.Byte': [0, 255], 'Edm.SByte': [-128, 127], 'Edm.Int16': [-32768, 32767], 'Edm.Int32': [-2147483648, 2147483647], 'Edm.Int64': null };
export const DECIMAL_TYPES = new Set(['Edm.Single', 'Edm.Double', 'Edm.Decimal']);

export const INTEGER_TEXT = /^-?(0|[1-9]\d*)$/;
export const DECIMAL_TEXT = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;
export const DATE_TEXT = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const TIME_TEXT = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,12})?)?$/;
export const DURATION_TEXT = /^-?P(?!$)(\d+D)?(T(?!$)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
export const GUID_TEXT = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

const pad = (n) => String(n).padStart(2, '0');

export function today(date = new Date()) {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function nowWithOffset(date = new Date()) {
  const local = `${today(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}:00`;
  const offset = -date.getTimezoneOffset();
  if (offset === 0) return `${local}Z`;
  const sign = offset > 0 ? '+' : '-';
  return `${local}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

export function newGuid() {
  if (globalThis.crypto?.randomUUID) return globalThis.crypto.randomUUID();
  return '00000000-0000-0000-0000-000000000000';
}

// A valid value of a primitive type, for a property just ticked.
export function primitiveDefault(prop) {
  const range = prop.range ?? INTEGER_TYPES[prop.type];
  if (prop.type in INTEGER_TYPES) return range ? Math.max(range[0], Math.min(range[1], 0)) : 0;
  if (DECIMAL_TYPES.has(prop.type)) return 0;
  switch (prop.type) {
    case 'Edm.Boolean': return false;
    case 'Edm.DateTimeOffset': return nowWithOffset();
    case 'Edm.Date': return today();
    case 'Edm.TimeOfDay': return '00:00:00';
    case 'Edm.Duration': return 'PT1H';
    case 'Edm.Guid': return newGuid();
    default: return '';
  }
}

// What the text of a typed control must look like, with the words to say when it does not.
export const TEXT_FORMATS = {
  'Edm.Duration': { pattern: DURATION_TEXT, example: 'PT1H30M', says: 'an ISO 8601 duration such as PT1H30M or P1D' },
  'Edm.Guid': { pattern: GUID_TEXT, example: '00000000-0000-0000-0000-000000000000', says: 'a GUID: 8-4-4-4-12 hexadecimal digits' },
  'Edm.Int64': { pattern: INTEGER_TEXT, example: '9007199254740993', says: 'a whole number (kept exactly, even past 2^53)' },
  'Edm.Decimal': { pattern: DECIMAL_TEXT, example: '12.50', says: 'a decimal number (kept exactly as typed)' },
};
