// The refresh loop: after each change of the body, the diagnostics at once (the list, the editor's
// marks, then the gpb:validated event on document), then the form, the previews and the draft.
// Bodies past LARGE_BODY are refreshed in steps, each its own task, so that typing stays responsive:
// the diagnostics first, then the form, then (once typing pauses) the previews and the draft.
import { $ } from './dom.js';
import { renderDiagnosticList } from './diagnostic-list.js';
import { countText } from './words.js';
import { parseLossless } from './form-values.js';
import { LARGE_BODY } from './previews.js';
import { saveDraft } from './saved-state.js';
import { debounce } from './debounce.js';
import { notice } from './notices.js';
import { page, state, describe } from './page-state.js';

export function applyFix(d) {
  page.editor.replace(d, d.suggestion);
  refresh();
}

function summaryText(list) {
  return list.length ? countText(list) : 'No problems: this body is valid.';
}

function renderDiagnostics(list) {
  $('diagnostics-summary').textContent = summaryText(list);
  renderDiagnosticList($('diagnostics'), list, { select: (d) => page.editor.select(d), fix: applyFix });
}

// The form's code is fetched after the first diagnostics (README, "Speed and size"); until it has
// arrived, a refresh asks for it and the latest refresh renders the form once it is here.
let formCode = null;
let formLoading = null;
function withFormCode(render) {
  if (formCode) return render();
  formLoading ??= import('./form.js').then((code) => { formCode = code; }, (error) => {
    formLoading = null;  // the next refresh asks again
    notice(`The form could not load: ${error.message}`, 'error');
  });
  formLoading.then(() => formCode && render());
}

// The JSON text the form's value stands for: the text it was read from, or that its last change wrote.
let formText = null;

// Re-renders the form from the value read from text; the control being edited keeps focus and caret.
function renderFormNow(text, focusId) {
  const active = document.activeElement;
  const caret = focusId && active?.id === focusId && typeof active.selectionStart === 'number'
    ? [active.selectionStart, active.selectionEnd] : null;
  const stale = state.value === undefined;
  formCode.renderForm($('body-form'), {
    model: describe(state.op),
    value: stale ? state.lastGood : state.value,
    stale,
    diagnostics: state.diagnostics,
    onChange: (root, nextFocus) => {
      // JSON typed since the form last read it (the form follows once typing pauses) would be lost
      // under the form's older value: the form catches up instead, and the change is not applied.
      if (page.editor.getText() !== formText) {
        refresh();
        notice('The JSON had changed since the form last read it, so your last change in the form was not applied: the form now shows the JSON as it is.');
        return;
      }
      formText = JSON.stringify(root, null, 2);
      page.editor.setText(formText, { notify: false });
      refresh({ focusId: nextFocus });
    },
  });
  formText = text;
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

let refreshGeneration = 0;

export function refresh({ focusId } = {}) {
  const generation = ++refreshGeneration;
  const text = page.editor.getText();
  const large = text.length > LARGE_BODY;
  const result = page.editor.heldBody().validate(state.op);
  state.diagnostics = result.diagnostics;
  renderDiagnostics(result.diagnostics);
  if (!performance.getEntriesByName('gpb-first-diagnostics').length) performance.mark('gpb-first-diagnostics');
  page.editor.setDiagnostics(result.diagnostics, applyFix);
  document.dispatchEvent(new CustomEvent('gpb:validated', { detail: result }));
  const rest = () => {
    if (generation !== refreshGeneration) return;  // a newer edit has taken over
    refreshFormAndPreviews(text, { large, focusId });
  };
  if (large) setTimeout(rest, 0);
  else rest();
}

// What follows the diagnostics: the form from the parsed body, then the previews and the draft.
function refreshFormAndPreviews(text, { large, focusId }) {
  try {
    state.value = parseLossless(text);
    state.lastGood = state.value;
  } catch {
    state.value = undefined;
  }
  const generation = refreshGeneration;
  withFormCode(() => { if (generation === refreshGeneration) renderFormNow(text, focusId); });
  if (!large) page.previews.forget();
  schedulePreviews(large ? 400 : 0);
  scheduleDraft(large ? 1000 : 0, { op: state.op, params: state.params, bodies: { ...state.bodies, [state.op]: text } });
}

const scheduleRefresh = debounce(() => refresh());
export const schedulePreviews = debounce(() => page.previews.render());
const scheduleDraft = debounce(saveDraft);

// The editor's onChange: the page validates once typing pauses, longer for longer bodies.
export const editorChanged = (length) => scheduleRefresh(length > 200000 ? 400 : length > 20000 ? 150 : 60);
