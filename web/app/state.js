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

// The current body is stored once, in bodies under its operation.
export function saveDraft(state) {
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify({ ...clean({ ...state, body: '' }), bodies: state.bodies ?? {} }));
  } catch {
    // Storage may be full or disabled; the page works without it.
  }
}

export function loadDraft() {
  try {
    const value = JSON.parse(localStorage.getItem(DRAFT_KEY) ?? 'null');
    if (!value || value.v !== STATE_VERSION) return null;
    const bodies = {};
    for (const [op, body] of Object.entries(value.bodies ?? {})) if (typeof body === 'string') bodies[op] = body;
    const draft = clean(value);
    return { ...draft, body: bodies[draft.op] ?? draft.body, bodies };
  } catch {
    return null;
  }
}
