// The builder page: operation picker, generated form, JSON editor, live diagnostics and previews.
import { countText } from './words.js';
import { loadGpb } from './gpb.js';
import { createPlainEditor } from './plain-editor.js';
import { renderForm } from './form.js';
import { parseLossless } from './form-values.js';
import { createPreviews, LARGE_BODY } from './previews.js';
import { encodeShare, decodeShare, saveDraft, loadDraft } from './state.js';
import { el } from './dom.js';
import { setupDocsMode } from './docs.js';
import { GRAPH_VERSIONS, createModels, rememberedVersion, rememberVersion } from './models.js';
import { createFinder } from './operation-finder.js';
import { parseAddress, modelOf } from './address.js';
import { setupOwnMetadata } from './own-metadata.js';

const $ = (id) => document.getElementById(id);
const query = new URLSearchParams(location.search);
const embedded = query.has('embed');

// op: the open operation's target (a seed id, or "[model ]METHOD path"); version: the model searched.
const state = { op: '', version: 'beta', params: {}, bodies: {}, value: undefined, diagnostics: [], request: null, response: null };
let gpb;
let editor;
let models;
let previews;
let seedIds = new Set();
const descriptions = new Map();
const describe = (id) => {
  if (!descriptions.has(id)) descriptions.set(id, gpb.describe(id));
  return descriptions.get(id);
};

function notice(text, kind = 'info') {
  const item = el('p', { class: `notice ${kind}` }, text,
    el('button', { type: 'button', class: 'dismiss', 'aria-label': 'Dismiss', text: '×', onclick: () => item.remove() }));
  $('notices').append(item);
}

function debounce(fn) {
  let timer = 0;
  return (delay, ...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), delay);
  };
}

// ---- the operation -------------------------------------------------------------------------

// The model switch lists Graph's versions and the services loaded here; it follows the open operation.
function renderModelSwitch() {
  const select = $('version');
  const label = (name) => (GRAPH_VERSIONS.includes(name) ? `Graph ${name}` : `${name} (your metadata)`);
  select.replaceChildren(...[...models.names()].map((name) => el('option', { value: name, text: label(name), selected: name === state.version })));
}

function showModelProgress(version, share, done) {
  const box = $('model-loading');
  box.hidden = !!done;
  if (done) return;
  $('model-loading-label').textContent = `Loading the Graph ${version} model`;
  const bar = $('model-progress');
  if (share === null) bar.removeAttribute('value');
  else bar.value = share;
}

// The open operation in another model, when that model has the same METHOD + path.
async function switchModel(model) {
  state.version = model;
  rememberVersion(model);
  const m = describe(state.op);
  if (m.version === model) return;
  try {
    await models.ensure(model);
    const r = gpb.resolve(m.method, m.path, { version: model });
    selectOperation(r.target, { params: state.params });
    notice(`Now showing ${m.method} ${m.path} in ${model}.`);
  } catch {
    notice(`${m.method} ${m.path} is not in ${model}; the open operation stays in ${m.version}. Find one above.`);
  }
}

function setupFinder() {
  renderModelSwitch();
  $('version').addEventListener('change', (event) => switchModel(event.target.value));
  createFinder({
    input: $('operation-search'), list: $('operation-results'), status: $('search-status'), gpb, models,
    currentModel: () => state.version,
    onChoose: (entry) => {
      const given = Object.fromEntries(Object.entries(entry.parameters ?? {}).filter(([, v]) => v));
      selectOperation(entry.target, { params: given });
    },
  });
}

// A seed id, an operation's target, or METHOD + URL: opens its operation, loading its model first.
async function openAddress(text, { body, params = {} } = {}) {
  if (seedIds.has(text)) return selectOperation(text, { body, params });
  const address = parseAddress(text, [...models.names()]);
  if (!address) {
    const service = parseAddress(text.replace(/^\S+\s+/, ''));
    notice(service
      ? `${text} belongs to a service whose $metadata is not loaded in this visit; open its file again under "Your own service".`
      : `"${text}" names no operation: give a method and a URL, such as PATCH /users/{userId}.`, 'warning');
    return;
  }
  const model = modelOf(address, state.version);
  try {
    await models.ensure(model);
    const r = gpb.resolve(address.method ?? 'GET', address.url, { version: model });
    const given = Object.fromEntries(Object.entries(r.parameters).filter(([, v]) => v));
    selectOperation(r.target, { body, params: { ...given, ...params } });
  } catch (error) {
    notice(`${address.method ?? 'GET'} ${address.url} opens nothing in ${model}: ${error.message}`, 'warning');
  }
}

function filledUrl(m) {
  return gpb.request(m.target, '', currentParams()).url;
}

function permissionList(p, names) {
  if (p.note) return `Not known: ${p.note}.`;
  return names.length ? names.join(', ') : 'Not supported.';
}

function renderOperationInfo() {
  const m = describe(state.op);
  const p = m.permissions;
  $('operation-info').replaceChildren(
    el('p', { class: 'request-line' },
      el('span', { class: `method method-${m.method.toLowerCase()}`, text: m.method }), ' ',
      el('code', { id: 'operation-url', text: filledUrl(m) })),
    el('p', { class: 'meta' }, `${GRAPH_VERSIONS.includes(m.version) ? 'API version' : 'Service'}: ${m.version} · Response: ${m.response.status} ${m.response.reason}`),
    el('p', { class: 'description', text: m.description }),
    el('table', { class: 'permissions' },
      el('caption', { text: 'Permissions (least privileged first)' }),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Permission type' }), el('th', { scope: 'col', text: 'Permissions' }))),
      el('tbody', {},
        el('tr', {}, el('th', { scope: 'row', text: 'Delegated (work or school account)' }), el('td', { text: permissionList(p, p.delegatedWork) })),
        el('tr', {}, el('th', { scope: 'row', text: 'Delegated (personal Microsoft account)' }), el('td', { text: permissionList(p, p.delegatedPersonal) })),
        el('tr', {}, el('th', { scope: 'row', text: 'Application' }), el('td', { text: permissionList(p, p.application) })))),
    el('p', { class: 'meta' }, `National clouds: ${m.nationalClouds.length ? m.nationalClouds.join(', ') : 'not stated by the docs'}`),
    ...(m.caveats.length ? [el('ul', { class: 'caveats', 'aria-label': 'Caveats' }, m.caveats.map((c) => el('li', { text: c })))] : []));
}

function renderParameters() {
  const m = describe(state.op);
  const fieldset = $('path-parameters');
  fieldset.hidden = m.pathParameters.length === 0;
  fieldset.replaceChildren(el('legend', { text: 'Path parameters' }), ...m.pathParameters.map((name) =>
    el('label', { class: 'parameter' }, name,
      el('input', { type: 'text', id: `param-${name}`, value: state.params[name] ?? '', placeholder: `{${name}}`, spellcheck: 'false',
        oninput: (event) => {
          state.params[name] = event.target.value;
          $('operation-url').textContent = filledUrl(m);
          schedulePreviews(150);
        } }))));
}

function selectOperation(id, { body, params } = {}) {
  if (state.op && editor) state.bodies[state.op] = editor.getText();
  state.op = id;
  document.body.dataset.operation = id;
  const m = describe(id);
  if (params) state.params = { ...params };
  for (const name of Object.keys(state.params)) if (!m.pathParameters.includes(name)) delete state.params[name];
  if (models.names().has(m.version) && state.version !== m.version) {
    state.version = m.version;
    renderModelSwitch();
  }
  $('operation-name').textContent = `${m.title} (${m.version})`;
  renderOperationInfo();
  renderParameters();
  const text = body ?? state.bodies[id] ?? gpb.example(id);
  editor.setText(text);
  refresh();
}

// ---- checking and previews -----------------------------------------------------------------

function summaryText(list) {
  return list.length ? countText(list) : 'No problems: this body is valid.';
}

function applyFix(d) {
  editor.replace(d, d.suggestion);
  refresh();
}

function renderDiagnostics(list) {
  $('diagnostics-summary').textContent = summaryText(list);
  $('diagnostics').replaceChildren(...list.map((d, index) => el('li', { class: `diagnostic sev-${d.severity}` },
    // The button's own text names it (an aria-label that differs from what is shown would not).
    el('button', { type: 'button', class: 'go', id: `diagnostic-${index}`, onclick: () => editor.select(d) },
      el('span', { class: 'severity', text: d.severity }), ' ',
      el('span', { class: 'code', text: d.code }), ' ',
      el('span', { class: 'where', text: `${d.line}:${d.column}` }), ' ',
      el('span', { class: 'pointer', text: d.pointer || '(root)' }),
      el('span', { class: 'message', text: d.message })),
    d.suggestion !== undefined
      ? el('button', { type: 'button', class: 'fix', onclick: () => applyFix(d), text: `Apply fix: ${d.suggestion.length > 60 ? d.suggestion.slice(0, 57) + '…' : d.suggestion}` })
      : null)));
}

// Re-renders the form; the control being edited keeps focus and caret across the re-render.
function renderFormNow(focusId) {
  const active = document.activeElement;
  const caret = focusId && active?.id === focusId && typeof active.selectionStart === 'number'
    ? [active.selectionStart, active.selectionEnd] : null;
  const stale = state.value === undefined;
  renderForm($('body-form'), {
    model: describe(state.op),
    value: stale ? state.lastGood : state.value,
    stale,
    diagnostics: state.diagnostics,
    onChange: (root, nextFocus) => {
      editor.setText(JSON.stringify(root, null, 2), { notify: false });
      refresh({ focusId: nextFocus });
    },
  });
  const target = focusId && document.getElementById(focusId);
  if (!target) return;
  target.focus();
  if (caret) {
    try {
      target.setSelectionRange(...caret);
    } catch {
      // Not every input type has a caret.
    }
  }
}

// Bodies past LARGE_BODY are refreshed in steps, each its own task, so that typing stays responsive:
// the diagnostics first, then the form, then (once typing pauses) the previews and the draft.
let refreshGeneration = 0;

function refresh({ focusId } = {}) {
  const generation = ++refreshGeneration;
  const text = editor.getText();
  const large = text.length > LARGE_BODY;
  const result = gpb.validate(state.op, text);
  state.diagnostics = result.diagnostics;
  renderDiagnostics(result.diagnostics);
  if (!performance.getEntriesByName('gpb-first-diagnostics').length) performance.mark('gpb-first-diagnostics');
  editor.setDiagnostics(result.diagnostics, applyFix);
  document.dispatchEvent(new CustomEvent('gpb:validated', { detail: result }));
  const rest = () => {
    if (generation !== refreshGeneration) return;  // a newer edit has taken over
    try {
      state.value = parseLossless(text);
      state.lastGood = state.value;
    } catch {
      state.value = undefined;
    }
    renderFormNow(focusId);
    if (!large) previews.forget();
    schedulePreviews(large ? 400 : 0);
    scheduleDraft(large ? 1000 : 0, { op: state.op, params: state.params, bodies: { ...state.bodies, [state.op]: text } });
  };
  if (large) setTimeout(rest, 0);
  else rest();
}

const scheduleRefresh = debounce(() => refresh());
const schedulePreviews = debounce(() => previews.render());
const scheduleDraft = debounce(saveDraft);

const currentParams = () => Object.fromEntries(Object.entries(state.params).filter(([, v]) => v));

// ---- actions -------------------------------------------------------------------------------

function status(text) {
  $('action-status').textContent = text;
}

async function copy(text, done) {
  try {
    await navigator.clipboard.writeText(text);
    status(done);
  } catch {
    status('Copying is blocked here; select the text and copy it by hand.');
  }
}

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function shareLink() {
  // The state names the operation, so a ?op= the page was opened with is left out.
  const link = `${location.origin}${location.pathname}${embedded ? '?embed' : ''}${encodeShare({ op: state.op, params: state.params, body: editor.getText() })}`;
  history.replaceState(null, '', link);
  return link;
}

// The pasted request's operation, resolved as the finder resolves an address; throws why not.
async function pastedOperation(parsed) {
  const address = parseAddress(`${parsed.method} ${parsed.url}`, [...models.names()]);
  const model = address ? modelOf(address, state.version) : state.version;
  const seed = parsed.operation && seedIds.has(parsed.operation);
  if (!models.isReady(model) && !seed) {
    $('paste-problem').textContent = `Loading the ${model} model…`;
    await models.ensure(model);
    parsed = gpb.parseRequest($('paste-text').value);  // now with the whole model
  }
  if (parsed.operation) return { target: parsed.operation, parameters: parsed.parameters };
  try {
    const r = gpb.resolve(parsed.method, parsed.url, { version: model });
    return { target: r.target, parameters: r.parameters };
  } catch (error) {
    throw new Error(`${parsed.method} ${parsed.path || parsed.url} resolves to nothing in ${model}: ${error.message}`);
  }
}

async function usePastedRequest() {
  const text = $('paste-text').value;
  let parsed;
  let found;
  try {
    parsed = gpb.parseRequest(text);
    found = await pastedOperation(parsed);
  } catch (error) {
    $('paste-problem').textContent = error.message;
    return;
  }
  $('paste-dialog').close();
  $('paste-text').value = '';  // the pasted text (and any token in it) is not kept
  selectOperation(found.target, { body: parsed.body, params: Object.fromEntries(Object.entries(found.parameters).filter(([, v]) => v)) });
  if (parsed.tokenRedacted) {
    notice('The pasted request carried a real-looking bearer token. It was removed: previews, snippets, the share link and the draft use the {token} placeholder.', 'warning');
  }
}

function wireActions() {
  $('start-empty').addEventListener('click', () => { editor.setText('{}'); refresh(); });
  $('start-minimal').addEventListener('click', () => { editor.setText(gpb.example(state.op)); refresh(); });
  $('start-full').addEventListener('click', () => { editor.setText(gpb.example(state.op, { full: true })); refresh(); });
  $('start-paste').addEventListener('click', () => {
    $('paste-problem').textContent = '';
    $('paste-dialog').showModal();
    $('paste-text').focus();
  });
  $('paste-use').addEventListener('click', usePastedRequest);
  $('download-json').addEventListener('click', () => download(`${state.op}.json`, editor.getText(), 'application/json'));
  $('download-http').addEventListener('click', () => download(`${state.op}.http`, gpb.request(state.op, editor.getText(), currentParams()).raw, 'text/plain'));
  $('share').addEventListener('click', () => copy(shareLink(), 'Share link copied. The body travels in the link\'s #fragment, which browsers do not send to servers.'));
}

// ---- modes ---------------------------------------------------------------------------------

function showMode(mode) {
  $('app').hidden = mode !== 'build';
  $('docs-mode').hidden = mode !== 'docs';
  $('mode-build').setAttribute('aria-pressed', String(mode === 'build'));
  $('mode-docs').setAttribute('aria-pressed', String(mode === 'docs'));
}

// A request example from a docs page, opened in the builder with its path parameters.
function openInBuilder(example) {
  showMode('build');
  const parsed = gpb.parseRequest(`${example.method} ${example.url}\n\n${example.body}`);
  selectOperation(example.operation, { body: example.body, params: Object.fromEntries(Object.entries(parsed.parameters).filter(([, v]) => v)) });
  editor.focus();
}

// ---- completion and hover in the editor ----------------------------------------------------

const editorAssist = () => ({
  complete: (text, offset) => gpb.complete(state.op, text, offset),
  hover: (text, offset) => gpb.hover(state.op, text, offset),
});

// Ctrl+I: what is at the cursor, said in the page (a tooltip follows the mouse only).
function describeAtCursor(h) {
  const parts = !h ? ['Nothing the model describes is at the cursor.'] : [
    h.title, h.members?.length ? `Members: ${h.members.join(', ')}.` : '', h.description ?? '',
    ...(h.diagnostics ?? []).map((d) => `${d.severity} ${d.code}: ${d.message}`),
  ];
  $('cursor-info').textContent = parts.filter(Boolean).join(' ');
}

// ---- start ---------------------------------------------------------------------------------

async function start() {
  if (embedded) document.body.classList.add('embed');
  try {
    gpb = await loadGpb();
    performance.mark('gpb-core-ready');
  } catch (error) {
    notice(`The checker could not start: ${error.message}`, 'error');
    return;
  }
  models = createModels(gpb, { onProgress: showModelProgress });
  previews = createPreviews({ gpb, getText: () => editor.getText(), getOp: () => state.op, getParams: currentParams, copy });
  state.version = rememberedVersion();
  seedIds = new Set(gpb.operations().map((o) => o.id));
  setupFinder();
  setupOwnMetadata({ models, onLoaded: (model) => { state.version = model; renderModelSwitch(); $('operation-search').focus(); } });
  const onChange = (length) => scheduleRefresh(length > 200000 ? 400 : length > 20000 ? 150 : 60);
  editor = createPlainEditor($('body-editor'), { onChange });
  wireActions();
  performance.mark('gpb-editor-ready');

  // A seed opens at once; any other operation once its model has loaded (the seed shows meanwhile).
  const shared = decodeShare(location.hash);
  const draft = shared ? null : await loadDraft();
  const initial = shared ?? draft;
  if (draft) state.bodies = draft.bodies;
  const wanted = shared?.op || query.get('op') || draft?.op || '';
  const opened = { body: initial?.op === wanted ? initial.body : undefined, params: initial?.op === wanted ? initial.params : {} };
  const remembered = state.version;
  if (seedIds.has(wanted)) selectOperation(wanted, opened);
  else selectOperation(gpb.operations()[0].id);
  state.version = remembered;
  renderModelSwitch();
  if (wanted && !seedIds.has(wanted)) openAddress(wanted, opened);
  setupDocsMode({ gpb, openInBuilder });
  $('mode-build').addEventListener('click', () => showMode('build'));
  $('mode-docs').addEventListener('click', () => showMode('docs'));
  $('app').setAttribute('aria-busy', 'false');
  // The full editor loads after the first diagnostics are on screen, and takes over the text.
  const { createEditor } = await import('./editor.js');
  const text = editor.getText();
  editor = createEditor($('body-editor'), { text, onChange, assist: editorAssist(), describeAtCursor });
  editor.setDiagnostics(state.diagnostics, applyFix);
  document.body.dataset.ready = 'true';
}

start();
