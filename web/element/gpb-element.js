// <gpb-builder operation="incidentTask.update" value="{...}">: the builder as one element, for wiki
// pages and file://. Any other operation: model="PATCH https://graph.microsoft.com/v1.0/users/42", or
// method + url (+ version); its model pack is fetched from models-src (default "models/") on the
// host. Shadow DOM keeps the host's CSS out; events: change, validated.
/* global createGpbCore */
import { wrapCore } from '../gpb-api.js';
import { renderForm } from '../app/form.js';
import { parseLossless } from '../app/form-values.js';
import { el } from '../app/dom.js';
import { createEditor } from '../app/editor.js';
import { countText } from '../app/words.js';
import { parseAddress, modelOf, filledParameters } from '../app/address.js';
import { GRAPH_VERSIONS } from '../app/models.js';
import { renderDiagnosticList, DIAGNOSTIC_LIST_STYLE } from '../app/diagnostic-list.js';

const STYLE = `
:host { display: block; font: 14px/1.45 system-ui, sans-serif; color: CanvasText; background: Canvas;
  border: 1px solid #8886; border-radius: 8px; padding: 12px; color-scheme: light dark;
  --bg: Canvas; --panel: Canvas; --text: CanvasText; --muted: #6b7280; --border: #8886; --code-bg: #8881;
  --accent: #2563eb; --error: #b42318; --warning: #8a4b00; --selection: #bfd3ff; --active-line: #8881; --bracket: #dbeafe;
  --syntax-key: #7a2e8e; --syntax-string: #0b6b3a; --syntax-number: #1d4ed8; --syntax-literal: #a14a00; }
@media (prefers-color-scheme: dark) { :host { --muted: #a3a9b7; --error: #ff9b91; --warning: #f5c26b; --selection: #35507a;
  --bracket: #2d3a55; --syntax-key: #e0a8f0; --syntax-string: #9be0a8; --syntax-number: #9cc2ff; --syntax-literal: #f5b77a; } }
.editor { border: 1px solid #8886; border-radius: 6px; overflow: hidden; }
h2 { font-size: 1rem; margin: 0 0 4px; }
.url { font-family: ui-monospace, monospace; overflow-wrap: anywhere; margin: 0 0 8px; }
.method { font-weight: 700; margin-right: 6px; }
.grid { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 12px; }
@media (max-width: 640px) { .grid { grid-template-columns: minmax(0, 1fr); } }
textarea { width: 100%; box-sizing: border-box; min-height: 220px; font: 13px/1.4 ui-monospace, monospace; }
fieldset { border: 1px solid #8886; border-radius: 6px; margin: 4px 0; padding: 6px; min-width: 0; }
.prop { padding: 4px 0; border-bottom: 1px solid #8883; }
.prop-head { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.prop-name { font-weight: 600; }
.prop-type, .about, .hint { color: #777; font-size: 12px; margin: 2px 0; }
.badge { font-size: 11px; border-radius: 4px; padding: 0 4px; border: 1px solid currentColor; }
.is-blocked .prop-name { text-decoration: line-through; }
button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
.field-diagnostics .sev-error { color: #b91c1c; } .field-diagnostics .sev-warning { color: #92400e; }
@media (prefers-color-scheme: dark) { .field-diagnostics .sev-error { color: #fca5a5; } .field-diagnostics .sev-warning { color: #fcd34d; } }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #8881; padding: 8px; border-radius: 6px; max-height: 260px; overflow: auto; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
input[type=text], select { max-width: 100%; }
${DIAGNOSTIC_LIST_STYLE}`;

let corePromise = null;
const core = () => (corePromise ??= createGpbCore({}).then(wrapCore));
let instances = 0;

// One fetch of each version's pack per page, whichever element asks first.
const packs = new Map();
function loadPack(gpb, version, base) {
  if (!GRAPH_VERSIONS.includes(version)) return Promise.reject(new Error(`no Graph version is called "${version}" (${GRAPH_VERSIONS.join(' or ')})`));
  if (!packs.has(version)) {
    const url = `${base.replace(/\/?$/, '/')}${version}.gpbm`;
    // Only the host's own files: nothing is asked of another origin. Browsers refuse fetch() on
    // file:// (and log it): said once, without asking.
    const where = new URL(url, document.baseURI);
    const refusal = where.protocol === 'file:' ? 'a page opened from file:// cannot fetch files'
      : where.origin !== location.origin ? `models-src must be on this page's own site (${location.origin})` : null;
    packs.set(version, (refusal ? Promise.reject(new Error(refusal)) : fetch(where.href))
      .then((response) => {
        if (!response.ok) throw new Error(`${url} answered ${response.status}`);
        return response.arrayBuffer();
      })
      .then((bytes) => gpb.loadPack(version, bytes))
      .catch((error) => {
        packs.delete(version);
        throw new Error(`the ${version} model could not be loaded from ${url} (${error.message}); without it only the seed operations are available`);
      }));
  }
  return packs.get(version);
}

class GpbBuilder extends HTMLElement {
  static get observedAttributes() { return ['operation', 'model', 'method', 'url', 'version', 'value']; }

  constructor() {
    super();
    this.idBase = `gpb${(instances += 1)}-`;
    this.shadow = this.attachShadow({ mode: 'open' });
    if ('adoptedStyleSheets' in this.shadow && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLE);
      this.shadow.adoptedStyleSheets = [sheet];
    } else {
      this.shadow.append(el('style', { text: STYLE }));
    }
    this.text = null;
  }

  get value() { return this.text ?? this.getAttribute('value') ?? ''; }
  set value(text) { this.setBody(String(text ?? ''), false); }
  get operation() { return this.getAttribute('operation') ?? ''; }
  set operation(id) { this.setAttribute('operation', id); }

  connectedCallback() { this.render(); }
  // The held body goes with the element; render() opens another if the element comes back.
  disconnectedCallback() {
    this.body?.close();
    this.body = null;
  }
  attributeChangedCallback(name, before, after) {
    if (before === after || !this.isConnected) return;
    if (name === 'value') this.setBody(after ?? '', false);
    else this.render();
  }

  // The operation the attributes name, and the key values its URL gives.
  async target(gpb) {
    const address = this.getAttribute('model')
      ?? (this.hasAttribute('method') || this.hasAttribute('url') ? `${this.getAttribute('method') ?? 'GET'} ${this.getAttribute('url') ?? ''}` : null);
    if (address === null) return { id: this.operation, params: {} };
    const parsed = parseAddress(address);
    if (!parsed) throw new Error(`"${address}" is not a method and a URL, such as PATCH https://graph.microsoft.com/v1.0/users/42`);
    const version = this.getAttribute('version') ?? modelOf(parsed, 'beta');
    try {
      return this.resolveIn(gpb, parsed, version);
    } catch {
      await loadPack(gpb, version, this.getAttribute('models-src') ?? 'models/');  // not among the seeds
      return this.resolveIn(gpb, parsed, version);
    }
  }

  resolveIn(gpb, parsed, version) {
    const r = gpb.resolve(parsed.method ?? 'GET', parsed.url, { version });
    return { id: r.target, params: filledParameters(r.parameters) };
  }

  async render() {
    const gpb = (this.gpb ??= await core());
    const generation = (this.generation = (this.generation ?? 0) + 1);
    let model;
    let id;
    try {
      ({ id, params: this.params } = await this.target(gpb));
      model = gpb.describe(id);
    } catch (error) {
      if (generation === this.generation) this.shadow.replaceChildren(el('p', { role: 'alert', text: `gpb-builder: ${error.message}` }));
      return;
    }
    // The attributes changed while the model loaded, or the element left the page (it would never
    // close the body opened below).
    if (generation !== this.generation || !this.isConnected) return;
    this.model = model;
    if (this.text === null) this.text = this.getAttribute('value') ?? gpb.example(id);
    const editorHost = el('div', { class: 'editor', id: `${this.idBase}json` });
    this.formBox = el('div');
    this.diagnosticsBox = el('ul', { class: 'diagnostics', 'aria-live': 'polite', 'aria-label': 'Diagnostics' });
    this.summary = el('span');
    this.preview = el('pre', { tabindex: '0', 'aria-label': 'HTTP request' });
    this.shadow.replaceChildren(
      el('h2', { text: model.title }),
      el('p', { class: 'url' }, el('span', { class: 'method', text: model.method }), gpb.request(model.target, '', this.params).url),
      el('div', { class: 'grid' },
        el('div', {}, el('h2', { text: 'Body' }), this.formBox),
        el('div', {},
          el('h2', { text: 'JSON' }), editorHost,
          el('h2', {}, 'Diagnostics ', this.summary), this.diagnosticsBox)),
      el('h2', { text: 'HTTP request' }), this.preview);
    // CodeMirror with completion, hover and lint marks from the core, as on the page.
    this.editor = createEditor(editorHost, {
      text: this.text,
      onChange: () => this.setBody(this.editor.getText(), true, false),
      assist: { complete: (body, offset) => body.complete(model.target, offset), hover: (body, offset) => body.hover(model.target, offset) },
      body: (this.body ??= gpb.openBody()),
    });
    this.check();
  }

  setBody(text, fromUser, updateEditor = true) {
    this.text = text;
    if (!this.gpb || !this.model || !this.body) return;  // render() takes it from here
    if (updateEditor) this.editor.setText(text);
    this.check();
    if (fromUser) this.dispatchEvent(new CustomEvent('change', { detail: { value: text }, bubbles: true }));
  }

  applyFix(d) {
    this.editor.replace(d, d.suggestion);
    this.setBody(this.editor.getText(), true, false);
  }

  check(focusId) {
    const { gpb, model } = this;
    const text = this.text;
    const result = this.editor.heldBody().validate(model.target);
    let value;
    try { value = parseLossless(text); } catch { value = undefined; }
    if (value !== undefined) this.lastGood = value;
    const focusedId = focusId ?? this.shadow.activeElement?.id;
    renderForm(this.formBox, {
      model, value: value === undefined ? this.lastGood : value, stale: value === undefined, diagnostics: result.diagnostics,
      idPrefix: this.idBase,
      onChange: (root, nextFocus) => {
        this.text = JSON.stringify(root, null, 2);
        this.editor.setText(this.text);
        this.check(nextFocus);
        this.dispatchEvent(new CustomEvent('change', { detail: { value: this.text }, bubbles: true }));
      },
    });
    if (focusedId && focusedId.startsWith(this.idBase) && focusedId !== `${this.idBase}json`) this.shadow.getElementById(focusedId)?.focus();
    this.summary.textContent = result.diagnostics.length ? `(${countText(result.diagnostics)})` : '(valid)';
    const fix = (d) => this.applyFix(d);
    renderDiagnosticList(this.diagnosticsBox, result.diagnostics, { select: (d) => this.editor.select(d), fix });
    this.editor.setDiagnostics(result.diagnostics, fix);
    this.preview.textContent = gpb.request(model.target, text, this.params).raw;
    this.dispatchEvent(new CustomEvent('validated', { detail: result, bubbles: true }));
  }
}

if (!customElements.get('gpb-builder')) customElements.define('gpb-builder', GpbBuilder);
