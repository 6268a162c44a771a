// "Check a docs page": paste a reference page or open a file; each example with its findings, in
// the page's own lines; any request example opens in the builder. The file is read locally.
import { countText, plural } from './words.js';
import { el, $ } from './dom.js';
import { offsetOf } from './positions.js';
import { debounce } from './debounce.js';
import { renderDiagnosticList } from './diagnostic-list.js';

// One example of the page: what it is, what it was checked against, its findings, and for a request
// of a catalog operation a button that opens it in the builder.
function exampleCard(example, index, { diagnosticList, openInBuilder }) {
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
}

// The findings of the page text in the textarea: each selects its range there, and a suggestion
// is applied there (then the page is checked again).
function findingsIn(text, recheck) {
  const range = (d) => [offsetOf(text.value, d.line, d.column), offsetOf(text.value, d.endLine, d.endColumn)];
  const select = (d) => {
    text.focus();
    text.setSelectionRange(...range(d));
  };
  const fix = (d) => {
    text.setRangeText(d.suggestion, ...range(d), 'end');
    text.focus();
    recheck();
  };
  return (list) => {
    const ul = el('ul', { class: 'diagnostics' });
    // A finding of the page itself, or of a request's URL, has no JSON Pointer: none is shown.
    renderDiagnosticList(ul, list, { select, fix, rootLabel: '' });
    return ul;
  };
}

export function setupDocsMode({ gpb, openInBuilder }) {
  const text = $('docs-text');
  let name = 'pasted page';
  const diagnosticList = findingsIn(text, () => check());

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
    const cards = page.examples.map((example, index) => exampleCard(example, index, { diagnosticList, openInBuilder }));
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
  const scheduleCheck = debounce(check);
  text.addEventListener('input', () => scheduleCheck(250));
  $('docs-file').addEventListener('change', (event) => load(event.target.files[0]));
  text.addEventListener('dragover', (event) => event.preventDefault());
  text.addEventListener('drop', (event) => {
    event.preventDefault();
    load(event.dataTransfer.files[0]);
  });
  check();
}
