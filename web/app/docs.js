// "Check a docs page": paste a reference page or open a file; each example with its findings, in
// the page's own lines; any request example opens in the builder. The file is read locally.
import { countText, plural } from './words.js';
import { el, $ } from './dom.js';
import { offsetOf } from './positions.js';

export function setupDocsMode({ gpb, openInBuilder }) {
  const text = $('docs-text');
  let name = 'pasted page';
  let timer = 0;

  const select = (d) => {
    text.focus();
    text.setSelectionRange(offsetOf(text.value, d.line, d.column), offsetOf(text.value, d.endLine, d.endColumn));
  };

  const diagnosticList = (list) => el('ul', { class: 'docs-diagnostics' }, list.map((d) => el('li', { class: `sev-${d.severity}` },
    el('button', { type: 'button', class: 'go', onclick: () => select(d), 'aria-label': `Line ${d.line}, column ${d.column}: ${d.severity} ${d.code}: ${d.message}` },
      el('span', { class: 'where', text: `${d.line}:${d.column}` }), ' ',
      el('span', { class: 'severity', text: d.severity }), ' ',
      el('span', { class: 'code', text: d.code }), ' ',
      el('span', { class: 'message', text: d.message })))));

  function check() {
    if (!text.value.trim()) {
      $('docs-summary').textContent = 'Paste a page, or open a file.';
      $('docs-results').replaceChildren();
      return;
    }
    const page = gpb.lintPage(text.value, { path: name });
    const all = [...page.diagnostics, ...page.examples.flatMap((e) => e.diagnostics)];
    const checked = page.examples.filter((e) => e.type).length;
    $('docs-summary').textContent = `${plural(page.examples.length, 'example')}, ${checked} checked: ${countText(all)}.`;
    const cards = page.examples.map((example, index) => {
      const what = example.kind === 'request' ? `${example.method} ${example.path ?? ''}` : `HTTP ${example.status ?? '?'}`;
      const model = example.type
        ? `Checked against ${example.operation ?? example.type} (${example.modelSource === 'page' ? 'a model derived from this page' : 'the catalog'}).`
        : 'Not checked: no model for this example.';
      const open = example.kind === 'request' && example.operation && example.modelSource === 'catalog'
        ? el('button', { type: 'button', class: 'open', id: `docs-open-${index}`, text: 'Open in the builder', onclick: () => openInBuilder(example) })
        : null;
      return el('article', { class: 'docs-example' },
        el('h3', {}, `${example.kind === 'request' ? 'Request' : 'Response'} · line ${example.line} · `, el('code', { text: what })),
        el('p', { class: example.type ? 'meta' : 'meta unchecked', text: model }),
        example.diagnostics.length ? diagnosticList(example.diagnostics) : el('p', { class: 'meta', text: 'No findings.' }),
        open);
    });
    const pageFindings = page.diagnostics.length
      ? [el('article', { class: 'docs-example' }, el('h3', { text: 'The page' }), diagnosticList(page.diagnostics))] : [];
    $('docs-results').replaceChildren(...pageFindings, ...cards);
  }

  const load = async (file) => {
    if (!file) return;
    name = file.name;
    text.value = await file.text();
    check();
  };
  text.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(check, 250);
  });
  $('docs-file').addEventListener('change', (event) => load(event.target.files[0]));
  text.addEventListener('dragover', (event) => event.preventDefault());
  text.addEventListener('drop', (event) => {
    event.preventDefault();
    load(event.dataTransfer.files[0]);
  });
  check();
}
