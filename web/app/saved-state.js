// The page's state in a share link (URL fragment, never the query) and in the draft (browser storage).
const DRAFT_KEY = 'gpb-draft-v1';
const STATE_VERSION = 1;

function toBase64Url(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

// Only these fields travel: the operation, its path parameters and the body. Never a token.
function clean(state) {
  const params = {};
  for (const [name, value] of Object.entries(state.params ?? {})) if (typeof value === 'string') params[name] = value;
  return { v: STATE_VERSION, op: String(state.op ?? ''), params, body: String(state.body ?? '') };
}

export function encodeShare(state) {
  return `#s=${toBase64Url(JSON.stringify(clean(state)))}`;
}

export function decodeShare(hash) {
  const match = /^#s=([A-Za-z0-9_-]+)$/.exec(hash ?? '');
  if (!match) return null;
  try {
    const value = JSON.parse(fromBase64Url(match[1]));
    return value && value.v === STATE_VERSION ? clean(value) : null;
  } catch {
    return null;
  }
}

// Drafts up to this size live in local storage; a larger one (a body of megabytes) goes to
// IndexedDB, whose writes do not hold up the page, and local storage keeps a note that says so.
const LARGE_DRAFT = 256 * 1024;
const DATABASE = 'gpb-draft';
const STORE = 'drafts';

function openDatabase() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function storeLarge(text) {
  const db = await openDatabase();
  await new Promise((resolve, reject) => {
    const transaction = db.transaction(STORE, 'readwrite');
    transaction.objectStore(STORE).put(text, DRAFT_KEY);
    transaction.oncomplete = resolve;
    transaction.onerror = () => reject(transaction.error);
  });
  db.close();
}

async function readLarge() {
  const db = await openDatabase();
  const text = await new Promise((resolve, reject) => {
    const request = db.transaction(STORE, 'readonly').objectStore(STORE).get(DRAFT_KEY);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  db.close();
  return text;
}

let largeWrites = Promise.resolve();
let latestDraft = 0;

// The current body is stored once, in bodies under its operation.
export function saveDraft(state) {
  const text = JSON.stringify({ ...clean({ ...state, body: '' }), bodies: state.bodies ?? {} });
  const sequence = ++latestDraft;
  try {
    if (text.length <= LARGE_DRAFT || typeof indexedDB === 'undefined') {
      const previous = localStorage.getItem(DRAFT_KEY);
      localStorage.setItem(DRAFT_KEY, text);
      if (previous && previous.includes('"large":true')) indexedDB.deleteDatabase(DATABASE);  // no stale copy left behind
      return;
    }
    // The note goes in only once the draft is stored (and only if no newer draft came since),
    // so a reload never finds a note without its draft.
    largeWrites = largeWrites.then(() => storeLarge(text)).then(() => {
      if (sequence === latestDraft) localStorage.setItem(DRAFT_KEY, JSON.stringify({ v: STATE_VERSION, large: true }));
    }, () => {});
  } catch {
    // Storage may be full or disabled; the page works without it.
  }
}

export async function loadDraft() {
  try {
    let value = JSON.parse(localStorage.getItem(DRAFT_KEY) ?? 'null');
    if (value && value.large === true) value = JSON.parse((await readLarge()) ?? 'null');
    if (!value || value.v !== STATE_VERSION) return null;
    const bodies = {};
    for (const [op, body] of Object.entries(value.bodies ?? {})) if (typeof body === 'string') bodies[op] = body;
    const draft = clean(value);
    return { ...draft, body: bodies[draft.op] ?? draft.body, bodies };
  } catch {
    return null;
  }
}
