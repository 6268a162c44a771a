// What the builder page has open, shared by its modules: the open operation and its body (state),
// and the page's parts (page), which start() in main.js puts in place.
import { filledParameters } from './address.js';

// op: the open operation's target (a seed id, or "[model ]METHOD path"); version: the model searched;
// params: its path parameters; bodies: the text of each operation opened in this visit; value: the
// body as parsed (undefined when it does not parse; lastGood is then the last that did);
// diagnostics: the body's findings as last shown.
export const state = { op: '', version: 'beta', params: {}, bodies: {}, value: undefined, lastGood: undefined, diagnostics: [] };

// gpb: the core; models: the models it can load; editor: the JSON editor (the plain one, then
// CodeMirror); previews: the preview tabs; seedIds: the operations that need no model pack.
export const page = { gpb: null, models: null, editor: null, previews: null, seedIds: new Set() };

// ?embed: the page inside an iframe, with minimal chrome.
export const embedded = new URLSearchParams(location.search).has('embed');

// An operation's model (gpb.describe), asked of the core once per visit.
const descriptions = new Map();
export function describe(id) {
  if (!descriptions.has(id)) descriptions.set(id, page.gpb.describe(id));
  return descriptions.get(id);
}

// The path parameters given so far, as the request and its previews take them.
export const currentParams = () => filledParameters(state.params);
