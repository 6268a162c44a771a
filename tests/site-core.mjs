// The site's core under node. It comes in two files (README, "Speed"): gpb-core.wasm and
// gpb-core.deferred.wasm, which node has to be given as bytes.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const site = join(dirname(fileURLToPath(import.meta.url)), '..', 'build', 'site');

export function coreFiles() {
  return { wasmBinary: readFileSync(join(site, 'gpb-core.wasm')), deferredWasmBinary: readFileSync(join(site, 'gpb-core.deferred.wasm')) };
}

// The facade, loadGpb(), with both parts in place.
export async function loadSiteGpb(options = {}) {
  const { loadGpb } = await import(join(site, 'gpb.js'));
  return loadGpb({ ...coreFiles(), ...options });
}

// The Embind module itself, with its rest in place (instantiated into its memory and table).
export async function createSiteCore() {
  const { default: createGpbCore } = await import(join(site, 'gpb-core.js'));
  const { wasmBinary, deferredWasmBinary } = coreFiles();
  const core = await createGpbCore({ wasmBinary });
  new WebAssembly.Instance(new WebAssembly.Module(deferredWasmBinary), { primary: core.asm });
  return core;
}
