// The ES module facade: loadGpb() gives the whole JS API of Graph Payload Builder.
// The core comes in two files: gpb-core.wasm, what the first check of a body needs, and
// gpb-core.deferred.wasm, the rest (model packs, URLs, completion, docs lint...). In Node, pass
// both files' bytes: loadGpb({ wasmBinary, deferredWasmBinary }).
import createGpbCore from './gpb-core.js';
import { wrapCore, GpbError } from './gpb-api.js';

export { GpbError };

const REST_FILE = 'gpb-core.deferred.wasm';

const missing = () => new GpbError('internal', `Part of the core is missing: pass ${REST_FILE} as deferredWasmBinary.`);

async function fetchBytes(url) {
  if (url.protocol === 'file:') throw missing();
  const response = await fetch(url);
  if (!response.ok) throw new GpbError('internal', `${REST_FILE} answered ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

// A call that needs the rest before it has arrived waits for it here, in one synchronous request.
function fetchBytesNow(url) {
  if (typeof XMLHttpRequest === 'undefined' || url.protocol === 'file:') throw missing();
  const request = new XMLHttpRequest();
  request.open('GET', url, false);
  request.overrideMimeType('text/plain; charset=x-user-defined');  // bytes, as a synchronous request allows
  request.send();
  if (request.status !== 200) throw new GpbError('internal', `${REST_FILE} answered ${request.status}`);
  return Uint8Array.from(request.responseText, (c) => c.charCodeAt(0) & 0xff);
}

// The rest of the core: compiled once, instantiated once into the first part's memory and table.
function restOfCore(givenBytes) {
  const url = new URL(REST_FILE, import.meta.url);
  let module = null;
  let instance = null;
  let loading = null;
  const instantiate = (imports) => {
    module ??= new WebAssembly.Module(givenBytes ?? fetchBytesNow(url));
    instance ??= new WebAssembly.Instance(module, imports);
    return [instance, module];
  };
  return {
    // Emscripten calls this when a function of the rest runs before load() has put it in place.
    loadSplitModule: (file, imports) => instantiate(imports),
    load: (core) => (loading ??= (async () => {
      const compiled = await WebAssembly.compile(givenBytes ?? await fetchBytes(url));
      module ??= compiled;
      instantiate({ primary: core.asm });
    })()),
  };
}

// Emscripten reports each use of the loader; those lines say nothing a user can act on.
const SPLIT_PROGRESS = /^(placeholder function called|instantiated deferred module)/;
const printErr = (text) => { if (!SPLIT_PROGRESS.test(text)) console.warn(text); };

// restLater: resolve as soon as the first part runs (the page's first diagnostics need no more);
// gpb.loadRest() then fetches the rest. By default both parts are in place before loadGpb resolves.
export async function loadGpb({ wasmBinary, deferredWasmBinary, restLater = false } = {}) {
  const rest = restOfCore(deferredWasmBinary);
  const core = await createGpbCore({ ...(wasmBinary ? { wasmBinary } : {}), loadSplitModule: rest.loadSplitModule, printErr });
  const gpb = { ...wrapCore(core), loadRest: () => rest.load(core) };
  if (!restLater) await gpb.loadRest();
  return gpb;
}
