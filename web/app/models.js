// The models the page can use: Graph's versions, whose packs load from the site's own models/ when
// first needed (the seed operations need none), and services loaded from a local $metadata file.
const VERSION_KEY = 'gpb-version-v1';
export const GRAPH_VERSIONS = ['beta', 'v1.0'];

export function rememberedVersion() {
  try {
    const version = localStorage.getItem(VERSION_KEY);
    return GRAPH_VERSIONS.includes(version) ? version : 'beta';
  } catch {
    return 'beta';
  }
}

export function rememberVersion(version) {
  try {
    if (GRAPH_VERSIONS.includes(version)) localStorage.setItem(VERSION_KEY, version);
  } catch {
    // Storage may be disabled; the switch still works for this visit.
  }
}

// The bytes of a file of the site (the core reads them as they are), reporting progress (0..1, or
// null when the size is not known).
async function fetchBytes(path, onProgress) {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  const length = Number(response.headers.get('Content-Length')) || 0;
  const encoded = response.headers.get('Content-Encoding');
  if (!response.body || !length || encoded) {
    onProgress(null);
    return new Uint8Array(await response.arrayBuffer());
  }
  const reader = response.body.getReader();
  const chunks = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(Math.min(1, received / length));
  }
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

// Lets the page paint (the progress, the text typed meanwhile) before a long call into the core.
const nextFrame = () => new Promise((done) => setTimeout(done, 0));

export function createModels(gpb, { onProgress = () => {} } = {}) {
  const ready = new Set();
  const loading = new Map();
  let permissions = null;

  // Reading a pack or the permissions is in the part of the core that loads after the first diagnostics.
  const wholeCore = () => gpb.loadRest?.();

  const loadPermissions = () => (permissions ??= fetchBytes('models/permissions.json', () => {})
    .then(async (bytes) => {
      await wholeCore();
      await nextFrame();
      gpb.loadPermissions(bytes);
    })
    .catch(() => {}));  // without the reference, operations say "not listed"; the rest works

  async function loadGraph(version) {
    onProgress(version, 0);
    try {
      const [bytes] = await Promise.all([fetchBytes(`models/${version}.gpbm`, (share) => onProgress(version, share)), loadPermissions(), wholeCore()]);
      await nextFrame();
      gpb.loadPack(version, bytes);
      ready.add(version);
    } finally {
      onProgress(version, 1, true);
      loading.delete(version);
    }
    // What waits for the pack (opening an operation: its form, its editor) runs in a task of its
    // own: reading the pack is one long task already.
    await nextFrame();
  }

  return {
    // The names a model can be chosen by: Graph's versions, then the services loaded here.
    names: () => new Set([...GRAPH_VERSIONS, ...ready]),
    // Whether the whole model of a version (or a loaded service) is there to search and resolve.
    isReady: (version) => ready.has(version),
    // Loads a Graph version's pack once; resolves when it is in the core. Rejects with the reason.
    ensure(version) {
      if (ready.has(version)) return Promise.resolve();
      if (!GRAPH_VERSIONS.includes(version)) return Promise.reject(new Error(`No model is called "${version}" here.`));
      if (!loading.has(version)) loading.set(version, loadGraph(version));
      return loading.get(version);
    },
    // A service's own metadata, already CSDL JSON text: its model name.
    addService(csdlJson, { name, serviceRoot }) {
      const model = gpb.loadMetadata(csdlJson, { name, serviceRoot });
      ready.add(model);
      return model;
    },
  };
}
