// The list of diagnostics, one renderer for the page, the docs mode and <gpb-builder>. Each entry
// says its severity, code, where it is (line:column, then the JSON Pointer) and its message, and
// shows its range when clicked; an entry with a suggestion has a button that applies it. The entries
// go into the container given (the element's is in its shadow root), and carry no id.
import { el } from './dom.js';

// A suggestion's button shows at most this many characters of it.
const FIX_SHOWN = 60;

export const fixLabel = (suggestion) =>
  `Apply fix: ${suggestion.length > FIX_SHOWN ? `${suggestion.slice(0, FIX_SHOWN - 3)}…` : suggestion}`;

// The rules for the list, for the document (the page and its docs mode) and the element's shadow
// root alike; the colours come from each one's CSS variables.
export const DIAGNOSTIC_LIST_STYLE = `
.diagnostics { list-style: none; padding: 0; margin: 0; }
.diagnostic { display: flex; flex-wrap: wrap; gap: 6px; align-items: flex-start; border-left: 4px solid var(--border); padding: 4px 8px; margin: 4px 0; background: var(--code-bg); border-radius: 4px; }
.diagnostic.sev-error { border-left-color: var(--error); } .diagnostic.sev-warning { border-left-color: var(--warning); }
.diagnostic .go { all: unset; cursor: pointer; flex: 1 1 300px; border-radius: 4px; }
.diagnostic .go:focus-visible { outline: 2px solid var(--accent); }
.diagnostic .severity { font-weight: 700; text-transform: uppercase; font-size: 12px; }
.diagnostic.sev-error .severity { color: var(--error); } .diagnostic.sev-warning .severity { color: var(--warning); }
.diagnostic .code, .diagnostic .where, .diagnostic .pointer { font-family: ui-monospace, monospace; font-size: 12px; color: var(--muted); }
.diagnostic .message { display: block; }
.diagnostic .fix { font-size: 13px; max-width: 100%; overflow-wrap: anywhere; text-align: left; }
`;

// Adds the list's rules to a document: a constructed sheet, which the page's strict style-src
// policy allows (a <style> element would be blocked). The element puts them in its own sheet.
export function adoptDiagnosticListStyle(root) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(DIAGNOSTIC_LIST_STYLE);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

// select(d) shows d's range; fix(d) applies d.suggestion. rootLabel is what the place says for the
// pointer "" (the whole body); '' leaves the pointer out, as for a finding of a docs page itself.
export function renderDiagnosticList(container, list, { select, fix, rootLabel = '(root)' }) {
  container.replaceChildren(...list.map((d) => diagnosticEntry(d, { select, fix, rootLabel })));
}

function diagnosticEntry(d, { select, fix, rootLabel }) {
  const pointer = d.pointer || rootLabel;
  return el('li', { class: `diagnostic sev-${d.severity}` },
    // The button's own text names it (an aria-label that differs from what is shown would not).
    el('button', { type: 'button', class: 'go', onclick: () => select(d) },
      el('span', { class: 'severity', text: d.severity }), ' ',
      el('span', { class: 'code', text: d.code }), ' ',
      el('span', { class: 'where', text: `${d.line}:${d.column}` }), ' ',
      pointer ? [el('span', { class: 'pointer', text: pointer }), ' '] : null,
      el('span', { class: 'message', text: d.message })),
    d.suggestion !== undefined && fix
      ? el('button', { type: 'button', class: 'fix', text: fixLabel(d.suggestion), onclick: () => fix(d) })
      : null);
}
