// The documentation pages of tests/fixtures/seeds: their raw example request and their JSON bodies.
import { METHODS } from '../web/app/address.js';

const requestLine = new RegExp(`^(${METHODS.join('|')}) https://`);

// The example request as the page prints it: from its request line to the end of its body.
export function exampleRequest(pageText) {
  const lines = pageText.split(/\r?\n/);
  const start = lines.findIndex((l) => requestLine.test(l));
  const end = lines.findIndex((l, i) => i > start && l === '}');
  return lines.slice(start, end + 1).join('\n');
}

// The JSON bodies of a page: each block from a line "{" to the next line "}", with a final newline.
export function pageBodies(pageText) {
  const bodies = [];
  let current = null;
  for (const line of pageText.split(/\r?\n/)) {
    if (current === null && line === '{') current = [];
    if (current !== null) current.push(line);
    if (current !== null && line === '}') {
      bodies.push(`${current.join('\n')}\n`);
      current = null;
    }
  }
  return bodies;
}
