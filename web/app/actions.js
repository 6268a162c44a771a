// The page's buttons: start from an empty body or an example, download the body or the request,
// copy the share link; and the status line where copying reports.
import { el, $ } from './dom.js';
import { refresh } from './refresh.js';
import { shareLink } from './share-and-draft.js';
import { page, state, currentParams } from './page-state.js';

function status(text) {
  $('action-status').textContent = text;
}

// Copies text, then says `done` (or why it could not).
export async function copy(text, done) {
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

function startFrom(text) {
  page.editor.setText(text);
  refresh();
}

export function setupActions() {
  const body = () => page.editor.getText();
  $('start-empty').addEventListener('click', () => startFrom('{}'));
  $('start-minimal').addEventListener('click', () => startFrom(page.gpb.example(state.op)));
  $('start-full').addEventListener('click', () => startFrom(page.gpb.example(state.op, { full: true })));
  $('download-json').addEventListener('click', () => download(`${state.op}.json`, body(), 'application/json'));
  $('download-http').addEventListener('click', () => download(`${state.op}.http`, page.gpb.request(state.op, body(), currentParams()).raw, 'text/plain'));
  $('share').addEventListener('click', () => copy(shareLink(), 'Share link copied. The body travels in the link\'s #fragment, which browsers do not send to servers.'));
}
