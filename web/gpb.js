// The ES module facade: loadGpb() gives the whole JS API of Graph Payload Builder.
// In Node, pass the .wasm bytes: loadGpb({ wasmBinary: fs.readFileSync('gpb-core.wasm') }).
import createGpbCore from './gpb-core.js';
import { wrapCore, GpbError } from './gpb-api.js';

export { GpbError };

export async function loadGpb({ wasmBinary } = {}) {
  const core = await createGpbCore(wasmBinary ? { wasmBinary } : {});
  return wrapCore(core);
}
