// A 1-based line and UTF-16 column to an offset in a JS string (a textarea's value).
export function offsetOf(text, line, column) {
  let offset = 0;
  for (let current = 1; current < line; current += 1) {
    const next = text.slice(offset).search(/\r\n|\r|\n/);
    if (next < 0) return text.length;
    offset += next + (text.startsWith('\r\n', offset + next) ? 2 : 1);
  }
  return Math.min(offset + column - 1, text.length);
}
