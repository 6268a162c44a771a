// The editor the page starts with: a plain textarea, so that the first diagnostics need no
// CodeMirror. The page swaps in the full editor (editor.js) right after; the interface is the same.
import { el } from './dom.js';
import { offsetOf } from './positions.js';

export function createPlainEditor(host, { text = '', onChange, label = 'JSON body', body } = {}) {
  let held = null;  // the text the held body holds
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const area = el('textarea', { 'aria-label': label, spellcheck: 'false', class: 'plain-editor', oninput: () => onChange?.(area.value.length) });
  area.style.cssText = 'box-sizing:border-box;width:100%;min-height:260px;border:0;padding:6px 8px;font:13px/1.4 ui-monospace,monospace;background:var(--bg);color:var(--text);resize:vertical';
  area.value = text;
  root.replaceChildren(area);
  const range = (d) => [offsetOf(area.value, d.line, d.column), offsetOf(area.value, d.endLine, d.endColumn)];
  return {
    getText: () => area.value,
    heldBody() {
      if (!body) return null;
      if (held !== area.value) body.setText((held = area.value));
      return body;
    },
    setText(next) { area.value = next; },
    setDiagnostics() {},
    select(d) { area.focus(); area.setSelectionRange(...range(d)); },
    replace(d, replacement) { area.setRangeText(replacement, ...range(d), 'end'); area.focus(); },
    focus: () => area.focus(),
  };
}
