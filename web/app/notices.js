// Notices above the form: what the page did on its own, or could not do, each with a dismiss button.
import { el, $ } from './dom.js';

export function notice(text, kind = 'info') {
  const item = el('p', { class: `notice ${kind}` }, text,
    el('button', { type: 'button', class: 'dismiss', 'aria-label': 'Dismiss', text: '×', onclick: () => item.remove() }));
  $('notices').append(item);
}
