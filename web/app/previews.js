// The previews: the complete HTTP request, the example response and each snippet, as tabs with a
// copy button each. A body past LARGE_BODY gets them only on request.
import { el, $ } from './dom.js';
import { SNIPPETS } from './snippets.js';

// Bodies past this size are refreshed in steps (see refresh.js) and previewed only on request.
export const LARGE_BODY = 100000;

// A preview shows at most this many characters; Copy (and Download) always take the whole text.
const PREVIEW_DISPLAY_LIMIT = 200000;
function shownText(text) {
  if (text.length <= PREVIEW_DISPLAY_LIMIT) return text;
  return `${text.slice(0, PREVIEW_DISPLAY_LIMIT)}\n\n[… ${(text.length - PREVIEW_DISPLAY_LIMIT).toLocaleString('en')} more characters: the Copy button copies the whole text.]`;
}

// getText, getOp, getParams read the page's state; copy(text, doneMessage) copies.
export function createPreviews({ gpb, getText, getOp, getParams, copy }) {
  let selectedTab = 'request';
  let wanted = false;  // for a large body, set once the user asks for the previews

  // Each preview's text is made only when it is shown or copied: with a body of megabytes, making
  // every snippet on each keystroke kept the page busy for hundreds of milliseconds.
  function sources() {
    const text = getText();
    const params = getParams();
    const op = getOp();
    let request;
    let response;
    const req = () => (request ??= gpb.request(op, text, params));
    const res = () => (response ??= gpb.response(op, text));
    return [
      { id: 'request', label: 'HTTP request', text: () => req().raw },
      { id: 'response', label: 'Example response', text: () => res().raw },
      ...SNIPPETS.map((s) => ({ id: s.id, label: s.label, text: () => s.make(req()) })),
    ];
  }

  const select = (id) => {
    selectedTab = id;
    render();
    $(`tab-${id}`).focus();
  };

  function renderOnRequest() {
    // Making them means copying megabytes several times over: only on request, not per keystroke.
    $('preview-tabs').replaceChildren();
    $('preview-panels').replaceChildren(el('p', { class: 'meta' },
      `The body is ${(getText().length / 1e6).toFixed(1)} MB, so previews are made only on request. `,
      el('button', { type: 'button', id: 'make-previews', text: 'Make the previews', onclick: () => { wanted = true; select(selectedTab); } })));
  }

  function tab(s, all) {
    return el('button', {
      type: 'button', role: 'tab', id: `tab-${s.id}`, 'aria-controls': `panel-${s.id}`, 'aria-selected': String(s.id === selectedTab),
      tabindex: s.id === selectedTab ? '0' : '-1', text: s.label,
      onclick: () => select(s.id),
      onkeydown: (event) => {
        const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
        if (!step) return;
        const index = all.findIndex((x) => x.id === selectedTab);
        select(all[(index + step + all.length) % all.length].id);
      },
    });
  }

  function panel(s) {
    return el('div', { role: 'tabpanel', id: `panel-${s.id}`, 'aria-labelledby': `tab-${s.id}`, hidden: s.id !== selectedTab, class: 'preview' },
      el('button', { type: 'button', class: 'copy', id: `copy-${s.id}`, text: `Copy ${s.label}`, onclick: () => copy(s.text(), `${s.label} copied.`) }),
      el('pre', { tabindex: '0', 'aria-label': s.label }, el('code', { text: s.id === selectedTab ? shownText(s.text()) : '' })));
  }

  function render() {
    if (getText().length > LARGE_BODY && !wanted) return renderOnRequest();
    const all = sources();
    $('preview-tabs').replaceChildren(...all.map((s) => tab(s, all)));
    $('preview-panels').replaceChildren(...all.map(panel));
  }

  return { render, forget: () => { wanted = false; } };
}
