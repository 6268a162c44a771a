// The page's two modes: building a body, and checking a docs page (docs.js), whose request
// examples open in the builder.
import { $ } from './dom.js';
import { filledParameters } from './address.js';
import { setupDocsMode } from './docs.js';
import { selectOperation } from './open-operation.js';
import { page } from './page-state.js';

function showMode(mode) {
  $('app').hidden = mode !== 'build';
  $('docs-mode').hidden = mode !== 'docs';
  $('mode-build').setAttribute('aria-pressed', String(mode === 'build'));
  $('mode-docs').setAttribute('aria-pressed', String(mode === 'docs'));
}

// A request example from a docs page, opened in the builder with its path parameters.
function openInBuilder(example) {
  showMode('build');
  const parsed = page.gpb.parseRequest(`${example.method} ${example.url}\n\n${example.body}`);
  selectOperation(example.operation, { body: example.body, params: filledParameters(parsed.parameters) });
  page.editor.focus();
}

export function setupModes() {
  setupDocsMode({ gpb: page.gpb, openInBuilder });
  $('mode-build').addEventListener('click', () => showMode('build'));
  $('mode-docs').addEventListener('click', () => showMode('docs'));
}
